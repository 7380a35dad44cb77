/**
 * Subscriptions and MRR: a month range, the movements chart, the month-by-month
 * table that reconciles (opening + movements = closing), the movements of the
 * selected month, and the subscriptions with their effective-dated changes.
 */
import { Check, Repeat, TriangleAlert } from 'lucide-react';
import { ToggleGroup } from 'radix-ui';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MrrMonth, MrrMovement } from '../../../../shared/money';
import { addMonths } from '../../app/dateText';
import { dateFormat, formatDate, formatMoneyWhole, formatMonth, formatSignedMoney, intlLocale } from '../../app/format';
import { useFilterHub } from '../../app/store';
import { useWorkspaceToday } from '../../app/today';
import { useApiQuery } from '../../app/useApi';
import { Card, CardHeader } from '../../components/Card';
import { cn } from '../../components/cn';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { HubDot } from '../../components/HubDot';
import { MonthPicker } from '../../components/MonthPicker';
import { Skeleton, SkeletonBlock } from '../../components/Skeleton';
import { MrrChart, type SERIES } from './MrrChart';
import { MissingRatesBanner } from './parts';
import { SubscriptionsList } from './SubscriptionsList';
import { financeChanged, useFinance } from './store';
import { isMonth, monthSpan } from './util';

const PRESETS = [3, 6, 12] as const;
const MAX_MONTHS = 36;
const MOVEMENT_KEYS = ['new', 'expansion', 'contraction', 'churn', 'reactivation'] as const;

const mediumMonth = (month: string, locale: string) =>
  dateFormat(intlLocale(locale), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-15T12:00:00Z`),
  );

export const movementSum = (m: MrrMonth) => MOVEMENT_KEYS.reduce((sum, k) => sum + m[k], 0);

export function SubscriptionsTab() {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language;
  const current = useWorkspaceToday().slice(0, 7);
  const stored = useFinance((s) => s.mrrRange);
  const range = stored ?? { from: addMonths(current, -5), to: current };
  const [draft, setDraft] = useState(range);
  const [picked, setPicked] = useState<string | null>(null);

  const draftError =
    !isMonth(draft.from) || !isMonth(draft.to)
      ? t('mrr.rangeIncomplete')
      : draft.from > draft.to
        ? t('validation.rangeOrder')
        : monthSpan(draft.from, draft.to) > MAX_MONTHS
          ? t('mrr.rangeTooLong', { max: MAX_MONTHS })
          : null;
  const setRange = (next: { from: string; to: string }) => {
    setDraft(next);
    const ok =
      isMonth(next.from) && isMonth(next.to) && next.from <= next.to && monthSpan(next.from, next.to) <= MAX_MONTHS;
    if (ok) useFinance.setState({ mrrRange: next });
  };
  const preset = range.to === current ? PRESETS.find((n) => range.from === addMonths(current, 1 - n)) : undefined;

  // The top bar's hub filter: that hub's clients' subscriptions, and MRR over them only (a hub no longer listed: all).
  const hub = useFilterHub();
  const hubArgs = hub ? { hubId: hub.id } : {};
  const report = useApiQuery('mrr/report', { ...range, ...hubArgs });
  const subscriptions = useApiQuery('subscriptions/list', hubArgs);
  const data = report.data;
  const selected = picked && picked >= range.from && picked <= range.to ? picked : range.to;
  const reload = () => {
    report.reload();
    subscriptions.reload();
    financeChanged();
  };

  const summary = useMemo(() => {
    if (!data || data.months.length === 0) return '';
    const first = data.months[0] as MrrMonth;
    const last = data.months[data.months.length - 1] as MrrMonth;
    const sum = (k: (typeof SERIES)[number]) => data.months.reduce((s, m) => s + m[k], 0);
    const money = (v: number) => formatMoneyWhole(v, data.currency, lang);
    return t('mrr.summary', {
      from: formatMonth(first.month, lang),
      to: formatMonth(last.month, lang),
      opening: money(first.opening),
      closing: money(last.closing),
      new: money(sum('new')),
      expansion: money(sum('expansion')),
      reactivation: money(sum('reactivation')),
      contraction: money(sum('contraction')),
      churn: money(sum('churn')),
    });
  }, [data, lang, t]);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <fieldset className="flex flex-wrap items-end gap-3">
          <legend className="sr-only">{t('mrr.rangeLabel')}</legend>
          <ToggleGroup.Root
            type="single"
            value={preset ? String(preset) : ''}
            onValueChange={(v) => {
              if (!v) return;
              setRange({ from: addMonths(current, 1 - Number(v)), to: current });
            }}
            aria-label={t('mrr.presets')}
            className="flex h-8 items-center rounded-[var(--radius-control)] border border-line-strong bg-surface p-0.5"
          >
            {PRESETS.map((n) => (
              <ToggleGroup.Item
                key={n}
                value={String(n)}
                className="h-full rounded-md px-2.5 text-[12px] font-medium text-muted transition-colors duration-150 hover:text-fg data-[state=on]:bg-accent-soft data-[state=on]:text-accent-text"
              >
                {t('mrr.lastMonths', { count: n })}
              </ToggleGroup.Item>
            ))}
          </ToggleGroup.Root>
          <div className="flex flex-col gap-1">
            <label htmlFor="mrr-from" className="text-[12px] font-medium text-muted">
              {t('mrr.from')}
            </label>
            <MonthPicker
              id="mrr-from"
              label={t('mrr.from')}
              value={draft.from}
              max={draft.to}
              aria-invalid={draftError ? true : undefined}
              aria-describedby={draftError ? 'mrr-range-error' : undefined}
              onChange={(month) => setRange({ ...draft, from: month })}
            />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="mrr-to" className="text-[12px] font-medium text-muted">
              {t('mrr.to')}
            </label>
            <MonthPicker
              id="mrr-to"
              label={t('mrr.to')}
              value={draft.to}
              min={draft.from}
              aria-invalid={draftError ? true : undefined}
              aria-describedby={draftError ? 'mrr-range-error' : undefined}
              onChange={(month) => setRange({ ...draft, to: month })}
            />
          </div>
          {draftError ? (
            <p id="mrr-range-error" className="pb-1.5 text-[12px] text-danger-text" data-testid="field-error">
              {draftError}
            </p>
          ) : null}
        </fieldset>
        <div className="flex flex-col items-end gap-1 pb-1.5 text-[13px] text-muted">
          {hub ? (
            <p className="flex items-center gap-2" data-testid="mrr-hub">
              <HubDot color={hub.color} />
              {t('mrr.hubFiltered', { hub: hub.name })}
            </p>
          ) : null}
          {data ? (
            <p data-testid="mrr-closing-now">
              {t('mrr.closingNow', {
                month: formatMonth(range.to, lang),
                value: formatMoneyWhole(data.months[data.months.length - 1]?.closing ?? 0, data.currency, lang),
              })}
            </p>
          ) : null}
        </div>
      </div>

      {data ? <MissingRatesBanner rates={data.missingRates} /> : null}

      <div className="grid grid-cols-12 items-stretch gap-4">
        <Card className="col-span-8">
          <CardHeader
            title={t('mrr.chartTitle')}
            description={t('mrr.chartDescription', { currency: data?.currency ?? '' })}
          />
          <div className="px-5 pt-3 pb-4">
            {report.status === 'error' ? (
              <ErrorState error={report.error} onRetry={report.reload} />
            ) : !data ? (
              <Skeleton className="h-[230px] w-full" />
            ) : data.months.every((m) => m.closing === 0 && m.opening === 0) && data.movements.length === 0 ? (
              <EmptyState
                icon={Repeat}
                titleLevel={3}
                className="py-10"
                title={hub ? t('mrr.emptyHubTitle', { hub: hub.name }) : t('mrr.emptyTitle')}
                description={hub ? t('mrr.emptyHubDescription') : t('mrr.emptyDescription')}
              />
            ) : (
              <MrrChart
                months={data.months}
                currency={data.currency}
                selected={selected}
                onSelect={setPicked}
                summary={summary}
              />
            )}
          </div>
        </Card>
        <Card className="col-span-4 flex flex-col overflow-hidden">
          <CardHeader
            title={t('mrr.movementsTitle', { month: formatMonth(selected, lang) })}
            description={t('mrr.movementsDescription')}
          />
          {!data ? (
            <SkeletonBlock lines={4} className="p-5" />
          ) : (
            <MovementList
              movements={data.movements.filter((m) => m.date.slice(0, 7) === selected)}
              currency={data.currency}
              month={selected}
            />
          )}
        </Card>
      </div>

      <Card className="overflow-hidden">
        <CardHeader title={t('mrr.tableTitle')} description={t('mrr.tableDescription')} />
        {report.status === 'error' ? null : !data ? (
          <SkeletonBlock lines={6} className="p-5" />
        ) : (
          <MrrTable months={data.months} currency={data.currency} selected={selected} onSelect={setPicked} />
        )}
      </Card>

      <SubscriptionsList query={subscriptions} onChanged={reload} hubName={hub?.name ?? null} />
    </div>
  );
}

function MrrTable({
  months,
  currency,
  selected,
  onSelect,
}: {
  months: MrrMonth[];
  currency: string;
  selected: string;
  onSelect: (month: string) => void;
}) {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language;
  const money = (v: number, quiet = false): ReactNode => (
    <span className={cn(quiet && v === 0 && 'text-faint')}>{formatMoneyWhole(v, currency, lang)}</span>
  );
  const cols = ['opening', ...MOVEMENT_KEYS, 'closing'] as const;
  const th =
    'border-b border-line bg-subtle px-2.5 py-2 first:pl-5 last:pr-5 text-[12px] font-medium whitespace-nowrap text-muted';
  const td = 'border-b border-line px-2.5 py-2 first:pl-5 last:pr-5 whitespace-nowrap tabular-nums';
  const first = months[0];
  const last = months[months.length - 1];
  const total: MrrMonth | null =
    first && last
      ? {
          month: '',
          opening: first.opening,
          closing: last.closing,
          ...(Object.fromEntries(MOVEMENT_KEYS.map((k) => [k, months.reduce((s, m) => s + m[k], 0)])) as Record<
            (typeof MOVEMENT_KEYS)[number],
            number
          >),
        }
      : null;
  const check = (m: MrrMonth) => {
    const off = m.opening + movementSum(m) - m.closing;
    return off === 0 ? (
      <span className="inline-flex text-faint" title={t('mrr.reconciles')}>
        <Check className="size-3.5" aria-hidden="true" />
        <span className="sr-only">{t('mrr.reconciles')}</span>
      </span>
    ) : (
      <span className="inline-flex items-center gap-1 text-warning-text">
        <TriangleAlert className="size-3.5" aria-hidden="true" />
        {t('mrr.offBy', { amount: formatMoneyWhole(off, currency, lang) })}
      </span>
    );
  };
  return (
    <table className="w-full border-separate border-spacing-0 text-[13px]" aria-label={t('mrr.tableTitle')}>
      <thead>
        <tr>
          <th scope="col" className={cn(th, 'text-left')}>
            {t('mrr.month')}
          </th>
          {cols.map((c) => (
            <th key={c} scope="col" className={cn(th, 'text-right')}>
              {c === 'closing' ? t('mrr.closingShort') : t(`mrr.kinds.${c}`)}
            </th>
          ))}
          <th scope="col" className={cn(th, 'text-center')}>
            <span className="sr-only">{t('mrr.check')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {months.map((m) => {
          const isSelected = m.month === selected;
          return (
            <tr
              key={m.month}
              className={cn('group', isSelected ? 'bg-accent-soft/60' : 'hover:bg-hover/60')}
              data-testid="mrr-row"
              data-month={m.month}
            >
              <th scope="row" className={cn(td, 'text-left font-normal')}>
                <button
                  type="button"
                  aria-pressed={isSelected}
                  onClick={() => onSelect(m.month)}
                  className={cn(
                    'rounded px-1 -mx-1 text-left hover:underline',
                    isSelected ? 'font-semibold text-accent-text' : 'text-fg',
                  )}
                >
                  {mediumMonth(m.month, lang)}
                </button>
              </th>
              {cols.map((c) => (
                <td
                  key={c}
                  data-col={c}
                  className={cn(td, 'text-right', c === 'closing' ? 'font-semibold text-fg' : 'text-fg')}
                >
                  {money(m[c], c !== 'opening' && c !== 'closing')}
                </td>
              ))}
              <td className={cn(td, 'text-center')} data-col="check">
                {check(m)}
              </td>
            </tr>
          );
        })}
      </tbody>
      {total ? (
        <tfoot>
          <tr className="bg-subtle/60">
            <th scope="row" className={cn(td, 'border-b-0 text-left font-medium text-muted')}>
              {t('mrr.rangeTotal')}
            </th>
            {cols.map((c) => (
              <td key={c} className={cn(td, 'border-b-0 text-right font-medium text-fg')} data-col={c}>
                {money(total[c], c !== 'opening' && c !== 'closing')}
              </td>
            ))}
            <td className={cn(td, 'border-b-0 text-center')}>{check(total)}</td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

function MovementList({ movements, currency, month }: { movements: MrrMovement[]; currency: string; month: string }) {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language;
  if (movements.length === 0)
    return (
      <p className="px-5 py-8 text-center text-[13px] text-muted" data-testid="mrr-movements-empty">
        {t('mrr.noMovements', { month: formatMonth(month, lang) })}
      </p>
    );
  return (
    <ul
      className="flex max-h-[260px] min-h-0 flex-1 flex-col overflow-y-auto"
      aria-label={t('mrr.movementsTitle', { month: formatMonth(month, lang) })}
    >
      {movements.map((m, i) => (
        <li
          // biome-ignore lint/suspicious/noArrayIndexKey: a subscription can move twice on one day.
          key={`${m.subscriptionId}-${m.date}-${i}`}
          className="flex items-center gap-3 border-b border-line px-5 py-2.5 text-[13px] last:border-b-0"
          data-testid="mrr-movement"
          data-kind={m.kind}
        >
          <div className="min-w-0 flex-1">
            <p className="truncate font-medium text-fg">{m.clientName}</p>
            <p className="text-[12px] text-muted">
              <KindBadge kind={m.kind} /> · {formatDate(m.date, lang)}
            </p>
          </div>
          <span className={cn('shrink-0 font-medium tabular-nums', m.amountMinor < 0 ? 'text-danger-text' : 'text-fg')}>
            {formatSignedMoney(m.amountMinor, currency, lang, { whole: true })}
          </span>
        </li>
      ))}
    </ul>
  );
}

function KindBadge({ kind }: { kind: MrrMovement['kind'] }) {
  const { t } = useTranslation('finance');
  return <span data-testid="movement-kind">{t(`mrr.kinds.${kind}`)}</span>;
}
