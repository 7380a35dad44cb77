/**
 * Demand: the team's capacity (core people) against open projects' remaining
 * hours and the probability-weighted pipeline, week by week for 13 weeks —
 * a chart (capacity line over stacked bars) and the same numbers as a table,
 * with the gap in people highlighted where the team is short.
 */
import { CircleCheck, TrendingUp, TriangleAlert } from 'lucide-react';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { DemandWeek } from '../../../../shared/capacity';
import { addDays } from '../../../../shared/dates';
import { formatCompactNumber, formatNumber, formatSignedNumber } from '../../app/format';
import { useFilterHub } from '../../app/store';
import { useApiQuery } from '../../app/useApi';
import { Card, CardHeader } from '../../components/Card';
import { ChartLegend } from '../../components/ChartLegend';
import { cn } from '../../components/cn';
import { columnHelper, DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Skeleton, SkeletonBlock } from '../../components/Skeleton';
import { Badge } from '../../components/StatusBadge';
import { periodName, shortDate, shownDemandWeek, shownGap, WEEKS_SHOWN } from './model';
import { useDark, useHours } from './parts';

const SERIES = ['projectHours', 'pipelineHours', 'capacityHours'] as const;
type Series = (typeof SERIES)[number];

const PALETTE = {
  light: {
    projectHours: '#4f46e5',
    pipelineHours: '#a5b4fc',
    capacityHours: '#0f172a',
    grid: '#e2e8f0',
    axis: '#5a697f',
    band: '#eef2ff',
  },
  dark: {
    projectHours: '#818cf8',
    pipelineHours: '#4338ca',
    capacityHours: '#e2e8f0',
    grid: '#1e293b',
    axis: '#8b9ab0',
    band: '#1e1b4b',
  },
};

function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(Math.floor(el.getBoundingClientRect().width));
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w) setWidth(Math.floor(w));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

const col = columnHelper<DemandWeek>();

export function DemandTab() {
  const { t, i18n } = useTranslation('capacity');
  const lang = i18n.language;
  const hours = useHours();
  // The top bar's hub filter applies here as on the board: one hub's capacity against its own work.
  const hub = useFilterHub();
  const demand = useApiQuery('capacity/demand', { weeks: WEEKS_SHOWN, hubId: hub?.id ?? null });
  // Whole hours as written, so each row and the totals add up on screen.
  const weeks = useMemo(() => (demand.data?.weeks ?? []).map(shownDemandWeek), [demand.data]);

  const totals = useMemo(() => {
    const capacity = weeks.reduce((s, w) => s + w.capacityHours, 0);
    const load = weeks.reduce((s, w) => s + w.demandHours, 0);
    const short = weeks.filter((w) => shownGap(w.gapPeople, 1) > 0);
    const peak = short.reduce<DemandWeek | null>((m, w) => (!m || w.gapPeople > m.gapPeople ? w : m), null);
    return { capacity, load, short, peak };
  }, [weeks]);

  const people = (n: number) => t('demand.people', { count: n, value: formatNumber(Math.abs(n), lang, 1) });
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor('weekStart', {
          header: () => t('demand.col.week'),
          cell: (c) => <span className="tabular-nums">{periodName(c.getValue(), addDays(c.getValue(), 6), lang)}</span>,
        }),
        col.accessor('capacityHours', { header: () => t('demand.col.capacity'), cell: (c) => hours(c.getValue(), 0) }),
        col.accessor('projectHours', { header: () => t('demand.col.projects'), cell: (c) => hours(c.getValue(), 0) }),
        col.accessor('pipelineHours', { header: () => t('demand.col.pipeline'), cell: (c) => hours(c.getValue(), 0) }),
        col.accessor('demandHours', {
          header: () => t('demand.col.demand'),
          cell: (c) => <span className="font-medium">{hours(c.getValue(), 0)}</span>,
        }),
        col.accessor('gapHours', {
          header: () => t('demand.col.gapHours'),
          cell: (c) => {
            const v = c.getValue();
            return (
              <span className={shownGap(v, 0) > 0 ? 'font-medium text-danger-text' : 'text-muted'}>
                {t('units.hours', { value: formatSignedNumber(v, lang, 0) })}
              </span>
            );
          },
        }),
        col.accessor('gapPeople', {
          header: () => t('demand.col.gapPeople'),
          cell: (c) => {
            const v = shownGap(c.getValue(), 1);
            return v > 0 ? (
              <Badge tone="danger" icon={<TriangleAlert aria-hidden="true" />} testId="gap-short">
                {t('demand.short', { value: formatNumber(v, lang, 1), count: v })}
              </Badge>
            ) : (
              <span className="text-muted" data-testid="gap-spare">
                {v < 0 ? t('demand.spare', { value: formatNumber(-v, lang, 1), count: -v }) : t('demand.even')}
              </span>
            );
          },
        }),
      ]),
    [t, lang, hours],
  );

  if (demand.status === 'error' && !demand.data)
    return (
      <Card>
        <ErrorState error={demand.error} onRetry={demand.reload} />
      </Card>
    );
  if (!demand.data)
    return (
      <div className="flex flex-col gap-4" role="status" aria-label={t('loading')}>
        <div className="grid grid-cols-3 gap-3">
          <Skeleton className="h-[76px]" />
          <Skeleton className="h-[76px]" />
          <Skeleton className="h-[76px]" />
        </div>
        <Skeleton className="h-[260px]" />
        <SkeletonBlock lines={5} />
      </div>
    );
  if (weeks.every((w) => w.capacityHours === 0 && w.demandHours === 0))
    return (
      <Card>
        <EmptyState icon={TrendingUp} title={t('demand.emptyTitle')} description={t('demand.emptyDescription')} />
      </Card>
    );

  const summary = totals.peak
    ? t('demand.summaryShort', {
        capacity: hours(totals.capacity, 0),
        demand: hours(totals.load, 0),
        count: totals.short.length,
        peak: people(totals.peak.gapPeople),
        week: shortDate(totals.peak.weekStart, lang),
      })
    : t('demand.summaryOk', { capacity: hours(totals.capacity, 0), demand: hours(totals.load, 0) });

  return (
    <div className="flex flex-col gap-4" data-testid="capacity-demand">
      <div className="grid grid-cols-3 gap-3">
        <Tile
          label={t('demand.tile.capacity')}
          value={hours(totals.capacity, 0)}
          note={hub ? t('demand.tile.capacityNoteHub', { hub: hub.name }) : t('demand.tile.capacityNote')}
        />
        <Tile
          label={t('demand.tile.demand')}
          value={hours(totals.load, 0)}
          note={hub ? t('demand.tile.demandNoteHub', { hub: hub.name }) : t('demand.tile.demandNote')}
        />
        <Tile
          label={t('demand.tile.short')}
          value={t('demand.tile.weeks', { count: totals.short.length })}
          note={
            totals.peak
              ? t('demand.tile.peak', {
                  people: people(totals.peak.gapPeople),
                  week: shortDate(totals.peak.weekStart, lang),
                })
              : t('demand.tile.noShort')
          }
          tone={totals.short.length > 0 ? 'danger' : 'success'}
        />
      </div>
      <Card>
        <CardHeader
          title={t('demand.chartTitle')}
          description={t('demand.chartDescription', {
            hours: hours(demand.data.hoursPerPersonWeek, 1),
          })}
        />
        <div className="px-5 pt-3 pb-4">
          <DemandChart weeks={weeks} summary={summary} />
        </div>
      </Card>
      <Card className="overflow-hidden">
        <DataTable
          columns={columns}
          data={weeks}
          label={t('demand.tableLabel')}
          rightAligned={['capacityHours', 'projectHours', 'pipelineHours', 'demandHours', 'gapHours', 'gapPeople']}
          rowTestId="demand-row"
          getRowId={(w) => w.weekStart}
          density="compact"
        />
      </Card>
    </div>
  );
}

function Tile({
  label,
  value,
  note,
  tone,
}: {
  label: string;
  value: string;
  note: string;
  tone?: 'danger' | 'success';
}) {
  return (
    <div className="rounded-[var(--radius-card)] border border-line bg-surface px-4 py-3" data-testid="demand-tile">
      <p className="text-[12px] text-muted">{label}</p>
      <p
        className={cn(
          'mt-0.5 flex items-center gap-1.5 text-[22px] leading-tight font-semibold text-fg tabular-nums',
          tone === 'danger' && 'text-danger-text',
          tone === 'success' && 'text-success-text',
        )}
      >
        {tone === 'danger' ? <TriangleAlert className="size-4" aria-hidden="true" /> : null}
        {tone === 'success' ? <CircleCheck className="size-4" aria-hidden="true" /> : null}
        {value}
      </p>
      <p className="mt-0.5 text-[12px] text-muted">{note}</p>
    </div>
  );
}

interface TooltipPayload {
  active?: boolean;
  payload?: readonly { payload?: DemandWeek }[];
}

function DemandChart({ weeks, summary }: { weeks: DemandWeek[]; summary: string }) {
  const { t, i18n } = useTranslation('capacity');
  const lang = i18n.language;
  const hours = useHours();
  const colors = PALETTE[useDark() ? 'dark' : 'light'];
  const { ref, width } = useWidth<HTMLDivElement>();
  const [hidden, setHidden] = useState<Set<Series>>(() => new Set());
  const data = weeks.map((w) => ({ ...w, label: shortDate(w.weekStart, lang) }));
  const toggle = (s: Series) =>
    setHidden((h) => {
      const next = new Set(h);
      if (next.has(s)) next.delete(s);
      else next.add(s);
      return next;
    });

  const renderTooltip = ({ active, payload }: TooltipPayload) => {
    const w = payload?.[0]?.payload;
    if (!active || !w) return null;
    return (
      <div className="shadow-float min-w-52 rounded-lg border border-line bg-surface px-3 py-2 text-[12px]">
        <p className="mb-1.5 font-semibold text-fg">{periodName(w.weekStart, addDays(w.weekStart, 6), lang)}</p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5">
          {SERIES.map((s) => (
            <div key={s} className="contents">
              <dt className="flex items-center gap-1.5 text-muted">
                <span
                  className={cn('inline-block', s === 'capacityHours' ? 'h-0.5 w-2.5' : 'size-2 rounded-sm')}
                  style={{ background: colors[s] }}
                />
                {t(`demand.series.${s}`)}
              </dt>
              <dd className="text-right text-fg tabular-nums">{hours(w[s], 0)}</dd>
            </div>
          ))}
          <dt className="mt-1 border-t border-line pt-1 text-muted">{t('demand.col.gapPeople')}</dt>
          <dd
            className={cn(
              'mt-1 border-t border-line pt-1 text-right font-semibold tabular-nums',
              shownGap(w.gapPeople, 1) > 0 ? 'text-danger-text' : 'text-fg',
            )}
          >
            {formatSignedNumber(w.gapPeople, lang, 1)}
          </dd>
        </dl>
      </div>
    );
  };

  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="sr-only" data-testid="demand-summary">
        {summary}
      </figcaption>
      <ChartLegend
        label={t('demand.legend')}
        series={SERIES}
        hidden={hidden}
        onToggle={toggle}
        colors={colors}
        lines={['capacityHours']}
        nameOf={(s) => t(`demand.series.${s}`)}
      />
      <div ref={ref} className="h-[220px] w-full" aria-hidden="true" data-testid="demand-chart">
        {width > 0 ? (
          <ComposedChart
            width={width}
            height={220}
            data={data}
            margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
            accessibilityLayer={false}
          >
            <CartesianGrid vertical={false} stroke={colors.grid} />
            <XAxis
              dataKey="label"
              tickLine={false}
              axisLine={false}
              interval="preserveStartEnd"
              tick={{ fill: colors.axis, fontSize: 12 }}
            />
            <YAxis
              width={56}
              tickLine={false}
              axisLine={false}
              tick={{ fill: colors.axis, fontSize: 12 }}
              tickFormatter={(v: number) => t('units.hours', { value: formatCompactNumber(v, lang) })}
            />
            <Tooltip
              content={renderTooltip}
              cursor={{ fill: colors.band, fillOpacity: 0.5 }}
              isAnimationActive={false}
            />
            <Bar
              dataKey="projectHours"
              stackId="demand"
              fill={colors.projectHours}
              hide={hidden.has('projectHours')}
              maxBarSize={36}
              isAnimationActive={false}
              name={t('demand.series.projectHours')}
            />
            <Bar
              dataKey="pipelineHours"
              stackId="demand"
              fill={colors.pipelineHours}
              hide={hidden.has('pipelineHours')}
              maxBarSize={36}
              radius={[3, 3, 0, 0]}
              isAnimationActive={false}
              name={t('demand.series.pipelineHours')}
            />
            <Line
              type="linear"
              dataKey="capacityHours"
              stroke={colors.capacityHours}
              strokeWidth={2}
              dot={{ r: 2.5, fill: colors.capacityHours, strokeWidth: 0 }}
              activeDot={{ r: 4 }}
              hide={hidden.has('capacityHours')}
              isAnimationActive={false}
              name={t('demand.series.capacityHours')}
            />
          </ComposedChart>
        ) : null}
      </div>
    </figure>
  );
}
