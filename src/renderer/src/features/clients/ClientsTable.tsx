import type { Row } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hub } from '../../../../shared/contract';
import type { ClientRow } from '../../../../shared/money';
import {
  countryName,
  dateFormat,
  formatDate,
  formatMoneyWhole,
  formatNumber,
  intlLocale,
  textCollator,
} from '../../app/format';
import { columnHelper, DataTable, type SortingState, type TableCore } from '../../components/DataTable';
import { HubDot } from '../../components/HubDot';
import { Tip } from '../../components/Tooltip';
import { RiskBadge, StatusBadge, SubscriptionBadge, TierBadge } from './badges';

const col = columnHelper<ClientRow>();

/** Whole units of the reporting currency: cents are noise in a table. */
export function wholeMoney(minor: number, currency: string, locale: string): string {
  return formatMoneyWhole(Math.round(minor / 100) * 100, currency, locale);
}

/** "Aug 15" in the as-of year, "Aug 15, 2025" otherwise. */
function shortDate(iso: string, year: string, lang: string): string {
  const opts: Intl.DateTimeFormatOptions =
    iso.slice(0, 4) === year
      ? { month: 'short', day: 'numeric', timeZone: 'UTC' }
      : { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' };
  return dateFormat(intlLocale(lang), opts).format(new Date(`${iso}T12:00:00Z`));
}

const SUBSCRIPTION_ORDER = { active: 0, paused: 1, scheduled: 2, cancelled: 3, none: 4 } as const;

/** Sorts by a number where a missing value (undefined) goes last either way (sortUndefined: 'last'). */
const byNumber = (a: Row<TableCore, ClientRow>, b: Row<TableCore, ClientRow>, id: string) =>
  (a.getValue<number>(id) ?? 0) - (b.getValue<number>(id) ?? 0);

export function ClientsTable({
  rows,
  hubs,
  currency,
  missingRatesNote,
  sorting,
  onSortingChange,
  onOpen,
  empty,
  asOf,
}: {
  /** The list's as-of date: dates in its year drop the year. */
  asOf: string;
  rows: ClientRow[];
  hubs: Hub[];
  currency: string;
  /** Why a revenue figure is missing (an FX rate), shown on its "—". */
  missingRatesNote: string | null;
  sorting: SortingState;
  onSortingChange: (s: SortingState) => void;
  onOpen: (row: ClientRow) => void;
  empty: React.ReactNode;
}) {
  const { t, i18n } = useTranslation('clients');
  const lang = i18n.language;
  const asOfYear = asOf.slice(0, 4);
  const hubById = useMemo(() => new Map(hubs.map((h) => [h.id, h])), [hubs]);
  const byText = useMemo(() => {
    const collator = textCollator(lang);
    return (a: Row<TableCore, ClientRow>, b: Row<TableCore, ClientRow>, id: string) =>
      collator.compare(a.getValue<string>(id) ?? '', b.getValue<string>(id) ?? '');
  }, [lang]);

  const columns = useMemo(
    () =>
      col.columns([
        col.accessor('name', {
          header: () => t('columns.name'),
          sortFn: byText,
          cell: (c) => (
            <span className="flex max-w-[200px] items-center gap-1.5">
              <span className="truncate font-medium" title={c.getValue()}>
                {c.getValue()}
              </span>
              <StatusBadge status={c.row.original.health.status} />
            </span>
          ),
        }),
        col.accessor('tier', {
          header: () => t('columns.tier'),
          sortFn: byNumber,
          sortDescFirst: false,
          cell: (c) => <TierBadge tier={c.getValue()} />,
        }),
        col.accessor((r) => t(`vertical.${r.vertical}`), {
          id: 'vertical',
          header: () => t('columns.vertical'),
          sortFn: byText,
          cell: (c) => <span className="text-muted">{c.getValue()}</span>,
        }),
        col.accessor((r) => (r.hubId === null ? undefined : (hubById.get(r.hubId)?.name ?? undefined)), {
          id: 'hub',
          header: () => t('columns.hub'),
          sortFn: byText,
          sortUndefined: 'last',
          cell: (c) => {
            const hub = c.row.original.hubId === null ? undefined : hubById.get(c.row.original.hubId);
            if (!hub) return <span className="text-faint">{t('noHub')}</span>;
            return (
              <span className="flex items-center gap-1.5">
                <HubDot color={hub.color} />
                {hub.name}
              </span>
            );
          },
        }),
        col.accessor((r) => countryName(r.country, lang), {
          id: 'country',
          header: () => t('columns.country'),
          sortFn: byText,
          cell: (c) => (
            <abbr title={c.getValue()} className="no-underline">
              <span aria-hidden="true">{c.row.original.country}</span>
              <span className="sr-only">{c.getValue()}</span>
            </abbr>
          ),
        }),
        col.accessor((r) => r.revenueToDateMinor ?? undefined, {
          id: 'revenue',
          header: () => t('columns.revenue'),
          sortFn: byNumber,
          sortUndefined: 'last',
          cell: (c) => {
            const v = c.getValue();
            if (v === undefined)
              return (
                <Tip label={missingRatesNote ?? t('missing.generic')}>
                  <span tabIndex={-1} className="text-faint">
                    —<span className="sr-only"> {missingRatesNote ?? t('missing.generic')}</span>
                  </span>
                </Tip>
              );
            return wholeMoney(v, currency, lang);
          },
        }),
        col.accessor('projectsDelivered', {
          id: 'projects',
          header: () => t('columns.projects'),
          sortFn: byNumber,
          cell: (c) => {
            const open = c.row.original.projectsOpen;
            return (
              <span className="inline-flex items-baseline gap-1.5">
                {formatNumber(c.getValue(), lang, 0)}
                {open > 0 ? (
                  <span className="text-[11.5px] text-muted">{t('openProjects', { count: open })}</span>
                ) : null}
              </span>
            );
          },
        }),
        col.accessor((r) => r.lastDeliveryDate ?? undefined, {
          id: 'lastDelivery',
          header: () => t('columns.lastDelivery'),
          sortFn: byText,
          sortDescFirst: true,
          sortUndefined: 'last',
          cell: (c) => {
            const v = c.getValue();
            return v ? (
              <time dateTime={v} title={formatDate(v, lang)}>
                {shortDate(v, asOfYear, lang)}
              </time>
            ) : (
              <span className="text-faint">{t('never')}</span>
            );
          },
        }),
        col.accessor((r) => SUBSCRIPTION_ORDER[r.subscription.status], {
          id: 'subscription',
          header: () => t('columns.subscription'),
          sortFn: byNumber,
          sortDescFirst: false,
          cell: (c) => {
            const s = c.row.original.subscription;
            // An active subscription shows its fee in the badge (the word stays for screen readers).
            return (
              <SubscriptionBadge
                status={s.status}
                amount={
                  s.status === 'active' && s.mrrMinor
                    ? t('perMonth', { amount: wholeMoney(s.mrrMinor, currency, lang) })
                    : undefined
                }
              />
            );
          },
        }),
        col.accessor((r) => r.health.score, {
          id: 'health',
          header: () => t('columns.health'),
          sortFn: byNumber,
          cell: (c) => (
            <span className="inline-flex items-center justify-end gap-2">
              <span className="font-semibold tabular-nums" data-testid="client-score">
                {formatNumber(c.getValue(), lang, 0)}
              </span>
              <RiskBadge risk={c.row.original.health.risk} short />
            </span>
          ),
        }),
      ]),
    [t, lang, hubById, byText, currency, missingRatesNote, asOfYear],
  );

  return (
    <DataTable
      columns={columns}
      data={rows}
      label={t('tableLabel')}
      rightAligned={['revenue', 'projects', 'health']}
      rowTestId="client-row"
      getRowId={(r) => String(r.id)}
      sortable
      sorting={sorting}
      onSortingChange={onSortingChange}
      onRowClick={onOpen}
      density="compact"
      empty={empty}
    />
  );
}
