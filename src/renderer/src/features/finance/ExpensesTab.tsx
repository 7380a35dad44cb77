/**
 * Expenses of one month: totals per category in the reporting currency, a
 * keyboard quick-entry row, and the month's list (monthly expenses appear in
 * every month they recur). Void can be undone; a monthly expense can be stopped.
 */
import { Ban, CalendarClock, CalendarOff, Info, Receipt, Repeat } from 'lucide-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { EXPENSE_CATEGORIES } from '../../../../shared/domain';
import type { ExpenseOccurrence } from '../../../../shared/money';
import { refreshSummary, toastError } from '../../app/actions';
import { api } from '../../app/api';
import { dateFormat, formatDate, formatMoney, formatMonth, formatPercent, intlLocale } from '../../app/format';
import { useApp, useFilterHub } from '../../app/store';
import { useWorkspaceToday } from '../../app/today';
import { useApiQuery } from '../../app/useApi';
import { Button } from '../../components/Button';
import { Card, CardHeader } from '../../components/Card';
import { cn } from '../../components/cn';
import { columnHelper, DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { FitText } from '../../components/FitText';
import { HubDot } from '../../components/HubDot';
import { Skeleton, SkeletonBlock } from '../../components/Skeleton';
import { Tip } from '../../components/Tooltip';
import { MissingRatesBanner, MissingValue, MonthStepper, ReportingMoney } from './parts';
import { QuickEntry } from './QuickEntry';
import { StopRecurrenceDialog } from './StopRecurrenceDialog';
import { financeChanged, useFinance } from './store';
import { useReportingCurrency } from './util';

const col = columnHelper<ExpenseOccurrence>();

const dayInMonth = (date: string, locale: string) =>
  dateFormat(intlLocale(locale), { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );

export function ExpensesTab() {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language;
  const today = useWorkspaceToday();
  const current = today.slice(0, 7);
  const month = useFinance((s) => s.expenseMonth) ?? current;
  const setMonth = (m: string) => useFinance.setState({ expenseMonth: m });
  const reporting = useReportingCurrency();
  const hubs = useApp((s) => s.hubs);
  const [stopping, setStopping] = useState<ExpenseOccurrence | null>(null);

  const hubsById = useMemo(() => new Map(hubs.map((h) => [h.id, h])), [hubs]);
  // The top bar's hub filter: that hub's own expenses, totals computed by the core.
  const filterHub = useFilterHub();
  const query = useApiQuery('expenses/month', { month, ...(filterHub ? { hubId: filterHub.id } : {}) });
  const data = query.data;
  const currency = data?.reportingCurrency ?? reporting;
  const queryReload = query.reload;
  // A write here moves the period's expenses too.
  const reload = useCallback(() => {
    queryReload();
    financeChanged();
  }, [queryReload]);

  const voidExpense = useCallback(
    async (o: ExpenseOccurrence) => {
      const result = await api.call('expenses/void', { id: o.expenseId });
      if (!result.ok) {
        toastError(result.error);
        return;
      }
      reload();
      void refreshSummary();
      toast(t('expenses.voided', { description: o.description }), {
        description: o.recurring ? t('expenses.voidedMonthly') : undefined,
        duration: 10_000,
        action: {
          label: t('undo'),
          onClick: async () => {
            const back = await api.call('expenses/unvoid', { id: o.expenseId });
            if (!back.ok) {
              toastError(back.error);
              return;
            }
            reload();
            void refreshSummary();
            toast.success(t('expenses.restored', { description: o.description }));
          },
        },
      });
    },
    [t, reload],
  );

  const columns = useMemo(
    () =>
      col.columns([
        col.accessor('date', {
          header: () => t('expenses.fields.date'),
          // The list is one month's, so the day and month say it ("Dec 19"); the full date is the tooltip.
          cell: (c) => (
            <time
              dateTime={c.getValue()}
              title={formatDate(c.getValue(), lang)}
              className={cn('tabular-nums', c.row.original.scheduled ? 'text-faint' : 'text-muted')}
            >
              {dayInMonth(c.getValue(), lang)}
            </time>
          ),
        }),
        col.accessor('description', {
          header: () => t('expenses.fields.description'),
          // A scheduled occurrence says so on a line of its own, so the list keeps its width (Spanish is at the edge).
          cell: (c) => (
            // The width cap keeps a long description from widening the table: it ends in an ellipsis (whole on hover).
            <span className="flex max-w-80 min-w-0 flex-col items-start gap-0.5">
              <span className="flex max-w-full min-w-0 items-center gap-2">
                <span
                  className={cn('truncate', c.row.original.scheduled ? 'text-muted' : 'font-medium')}
                  title={c.getValue()}
                >
                  {c.getValue()}
                </span>
                {c.row.original.recurring ? (
                  <span
                    className="inline-flex shrink-0 items-center gap-1 rounded-full border border-line bg-subtle px-1.5 py-px text-[11px] font-medium text-muted"
                    data-testid="recurring-marker"
                  >
                    <Repeat className="size-3" aria-hidden="true" />
                    {t('expenses.monthly')}
                  </span>
                ) : null}
              </span>
              {c.row.original.scheduled ? <ScheduledBadge date={c.row.original.date} /> : null}
            </span>
          ),
        }),
        col.accessor('category', {
          header: () => t('expenses.fields.category'),
          cell: (c) => (
            <span className={cn(c.row.original.scheduled && 'text-muted')}>{t(`categories.${c.getValue()}`)}</span>
          ),
        }),
        col.accessor('hubId', {
          header: () => t('expenses.fields.hub'),
          cell: (c) => {
            const hub = c.getValue() === null ? undefined : hubsById.get(c.getValue() as number);
            if (!hub) return <span className="text-faint">{t('expenses.agencyWide')}</span>;
            return (
              <span className={cn('flex items-center gap-2', c.row.original.scheduled && 'text-muted')}>
                <HubDot color={hub.color} />
                {hub.name}
              </span>
            );
          },
        }),
        col.accessor('amountMinor', {
          header: () => t('expenses.fields.amount'),
          cell: (c) => (
            <span className={cn(c.row.original.scheduled && 'text-muted')}>
              {formatMoney(c.getValue(), c.row.original.currency, lang)}
            </span>
          ),
        }),
        col.accessor('reportingMinor', {
          header: () => t('expenses.inReporting', { currency }),
          cell: (c) => (
            <span className={cn(c.row.original.scheduled && 'text-muted')}>
              <ReportingMoney
                minor={c.getValue()}
                currency={currency}
                reason={t('missing.reason', {
                  currency: c.row.original.currency,
                  date: formatDate(c.row.original.date, lang),
                })}
              />
            </span>
          ),
        }),
        col.display({
          id: 'actions',
          header: () => <span className="sr-only">{t('actions')}</span>,
          cell: (c) => {
            const o = c.row.original;
            return (
              <span className="flex justify-end gap-1">
                {o.recurring ? (
                  <Tip label={t('expenses.stop')}>
                    <Button
                      variant="ghost"
                      size="icon-sm"
                      aria-label={t('expenses.stopNamed', { description: o.description })}
                      onClick={() => setStopping(o)}
                    >
                      <CalendarOff />
                    </Button>
                  </Tip>
                ) : null}
                <Tip label={t('expenses.void')}>
                  <Button
                    variant="ghost"
                    size="icon-sm"
                    aria-label={t('expenses.voidNamed', { description: o.description })}
                    onClick={() => void voidExpense(o)}
                  >
                    <Ban />
                  </Button>
                </Tip>
              </span>
            );
          },
        }),
      ]),
    [t, lang, hubsById, currency, voidExpense],
  );

  const total = data?.totalMinor ?? null;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <MonthStepper month={month} onChange={setMonth} current={current} label={t('month.label')} />
        {filterHub ? (
          <p className="flex items-center gap-2 text-[13px] text-muted">
            <HubDot color={filterHub.color} />
            {t('expenses.hubFiltered', { hub: filterHub.name })}
          </p>
        ) : null}
      </div>

      {data ? <MissingRatesBanner rates={data.missingRates} /> : null}

      <section aria-label={t('expenses.totalsLabel', { month: formatMonth(month, lang) })}>
        {/* The Total tile is a little wider than the categories': at 1280 px its split keeps "USD 12,382.15 programado"
            on one line (an equal sixth wrapped the Spanish onto a third line and made every tile taller), while a
            category still fits "USD 12,345.67". */}
        <ul className="grid grid-cols-[repeat(5,minmax(0,1fr))_minmax(0,1.15fr)] gap-x-3" data-testid="expense-totals">
          {EXPENSE_CATEGORIES.map((c) => {
            const value = data ? data.totals[c] : undefined;
            return (
              <li
                key={c}
                className="row-span-3 grid grid-rows-subgrid gap-y-0 rounded-[var(--radius-card)] border border-line bg-surface px-3 py-3"
                data-testid={`total-${c}`}
              >
                <p className="text-[12px] leading-snug font-medium text-muted">{t(`categories.${c}`)}</p>
                {/* Label, value and note rows are shared by every tile (subgrid): a label that wraps, or the total's
                    spent/scheduled split, does not move one tile's value off the others' line. */}
                <FitText
                  as="p"
                  className="self-end pt-1 text-[17px] font-semibold text-fg tabular-nums"
                  data-testid="total-value"
                >
                  {value === undefined ? (
                    <Skeleton className="h-6 w-20" />
                  ) : value === null ? (
                    <MissingValue reason={t('missing.total')} />
                  ) : (
                    formatMoney(value, currency, lang)
                  )}
                </FitText>
                <p
                  className={cn('mt-0.5 text-[11px] tabular-nums', value === null ? 'text-warning-text' : 'text-faint')}
                >
                  {value === null
                    ? t('missing.short')
                    : value !== undefined && total
                      ? formatPercent(value / total, lang)
                      : '\u00a0'}
                </p>
              </li>
            );
          })}
          <li
            className="row-span-3 grid grid-rows-subgrid gap-y-0 rounded-[var(--radius-card)] border border-accent/30 bg-accent-soft/60 px-3 py-3"
            data-testid="total-all"
          >
            <p className="text-[12px] leading-snug font-medium text-accent-text">{t('expenses.total')}</p>
            <FitText
              as="p"
              className="self-end pt-1 text-[17px] font-semibold text-fg tabular-nums"
              data-testid="total-value"
            >
              {!data ? (
                <Skeleton className="h-6 w-20" />
              ) : total === null ? (
                <MissingValue reason={t('missing.total')} />
              ) : (
                formatMoney(total, currency, lang)
              )}
            </FitText>
            {data && data.scheduledMinor !== 0 ? (
              <div className="mt-0.5 flex flex-col text-[11px] leading-snug text-muted" data-testid="total-split">
                <p data-testid="total-spent">
                  <span className="font-medium text-fg tabular-nums" data-testid="split-amount">
                    {data.spentMinor === null ? '—' : formatMoney(data.spentMinor, currency, lang)}
                  </span>{' '}
                  {t('expenses.spentSoFar')}
                </p>
                <p data-testid="total-scheduled">
                  <span className="tabular-nums" data-testid="split-amount">
                    {data.scheduledMinor === null ? '—' : formatMoney(data.scheduledMinor, currency, lang)}
                  </span>{' '}
                  {t('expenses.scheduledTotal')}
                </p>
              </div>
            ) : (
              <p className="mt-0.5 text-[11px] text-muted tabular-nums">
                {data ? t('expenses.count', { count: data.occurrences.length }) : '\u00a0'}
              </p>
            )}
          </li>
        </ul>
      </section>

      <Card>
        <CardHeader
          title={t('expenses.title', { month: formatMonth(month, lang) })}
          description={
            <span className="flex items-start gap-1.5">
              <Info className="mt-px size-3.5 shrink-0" aria-hidden="true" />
              <span data-testid="freelancer-hint">{t('expenses.freelancerHint')}</span>
            </span>
          }
        />
        <QuickEntry
          defaultHubId={filterHub?.id ?? null}
          defaultDate={month === current ? today : `${month}-01`}
          reportingCurrency={reporting}
          viewedMonth={month}
          onSaved={reload}
          onShowMonth={setMonth}
        />
        {query.status === 'error' ? (
          <ErrorState error={query.error} onRetry={query.reload} />
        ) : !data ? (
          <SkeletonBlock lines={5} className="p-5" />
        ) : (
          <DataTable
            columns={columns}
            data={data.occurrences}
            label={t('expenses.listLabel', { month: formatMonth(month, lang) })}
            rightAligned={['amountMinor', 'reportingMinor', 'actions']}
            rowTestId="expense-row"
            sortable
            getRowId={(o) => `${o.expenseId}-${o.date}`}
            empty={
              <EmptyState
                icon={Receipt}
                titleLevel={3}
                title={
                  filterHub
                    ? t('expenses.emptyHubTitle', { hub: filterHub.name, month: formatMonth(month, lang) })
                    : t('expenses.emptyTitle', { month: formatMonth(month, lang) })
                }
                description={filterHub ? t('expenses.emptyHubDescription') : t('expenses.emptyDescription')}
              />
            }
          />
        )}
      </Card>

      {stopping ? (
        <StopRecurrenceDialog
          occurrence={stopping}
          defaultMonth={month}
          onClose={() => setStopping(null)}
          onStopped={() => {
            setStopping(null);
            reload();
          }}
        />
      ) : null}
    </div>
  );
}

/** A not-yet-spent occurrence: icon and word, so it never rests on the muted colour alone. */
function ScheduledBadge({ date }: { date: string }) {
  const { t, i18n } = useTranslation('finance');
  return (
    <Tip label={t('expenses.scheduledHint', { date: formatDate(date, i18n.language) })}>
      <span
        className="inline-flex shrink-0 items-center gap-1 rounded-full border border-dashed border-line-strong px-1.5 py-px text-[11px] font-medium text-muted"
        data-testid="scheduled-marker"
      >
        <CalendarClock className="size-3" aria-hidden="true" />
        {t('expenses.scheduled')}
      </span>
    </Tip>
  );
}
