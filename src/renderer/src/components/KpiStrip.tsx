/**
 * A row of KPI tiles for the top bar's period and hub (DESIGN.md: label, value,
 * a change against the same stretch of the period before, an ⓘ that opens the
 * KPIS.md definition with the numbers that went into it). A screen loads its
 * KPIs with usePeriodKpis and lays out its tiles inside a KpiStrip.
 */
import { ArrowDownRight, ArrowUpRight, CalendarRange, Info } from 'lucide-react';
import { Popover } from 'radix-ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Args, Method } from '../../../shared/contract';
import type { KpiScope, KpiShare } from '../../../shared/kpis';
import { errorText } from '../app/errors';
import {
  formatMoneyCompact,
  formatMoneyWhole,
  formatNumber,
  formatPercent,
  formatSignedNumber,
  formatSignedPercent,
  majorToMinor,
  minorToMajor,
} from '../app/format';
import { answers, periodRangeLabel, usePeriodDates } from '../app/period';
import { useFilterHub } from '../app/store';
import { type Loadable, useApiQuery } from '../app/useApi';
import { Card } from './Card';
import { cn } from './cn';
import { FitText } from './FitText';
import { HubDot } from './HubDot';
import { Skeleton } from './Skeleton';

type KpiMethod = Extract<Method, `kpis/${string}`>;

/** A screen's KPIs of the top bar's period and hub, and of the stretch before it (reload after a change). */
export function usePeriodKpis<M extends KpiMethod>(method: M) {
  const dates = usePeriodDates();
  // The hub the rest of the screen filters by: a hub that no longer exists means every hub.
  const hubId = useFilterHub()?.id ?? null;
  const current = useApiQuery(method, { from: dates.from, to: dates.to, hubId } as Args<M>);
  const alignTo = dates.underway ? dates.from : undefined;
  const previous = useApiQuery(method, { ...dates.previous, hubId, alignTo } as Args<M>);
  return {
    dates,
    hubId,
    current,
    previous,
    reload: () => {
      current.reload();
      previous.reload();
    },
  };
}

/**
 * A change against the period before: relative for counts and money, in points for shares, a plain difference
 * for means (a satisfaction of 8.4 against 8.1: +0.3); null when undefined.
 */
export type Change = { kind: 'relative' | 'points' | 'difference'; value: number } | null;

export const relativeChange = (now: number | null, before: number | null | undefined): Change =>
  now === null || before == null || before === 0 ? null : { kind: 'relative', value: (now - before) / before };

export const pointsChange = (now: KpiShare, before: KpiShare | undefined): Change =>
  now.share === null || before?.share == null ? null : { kind: 'points', value: (now.share - before.share) * 100 };

export const differenceChange = (now: number | null, before: number | null | undefined): Change =>
  now === null || before == null ? null : { kind: 'difference', value: now - before };

/** A share as a tile writes it: "37.8%", "—" when there was nothing to divide. */
export const sharePercent = (share: KpiShare, lang: string) =>
  share.share === null ? '—' : formatPercent(share.share, lang, 1);

/**
 * A share's tile: its percentage, its change in points, and the screen's words for it, given its parts as
 * written ("37", "98", "37.8%"); `words` also says why when there was nothing to divide.
 */
export function shareTile(
  name: string,
  now: KpiShare,
  before: KpiShare | undefined,
  lang: string,
  words: (parts: { part: string; whole: string; share: string }) => { detail: string; how: string },
): KpiTileFigures {
  const share = sharePercent(now, lang);
  const parts = { part: formatNumber(now.part, lang, 0), whole: formatNumber(now.whole, lang, 0), share };
  return { name, value: share, change: pointsChange(now, before), ...words(parts) };
}

/** Money on a tile: whole units up to 100,000, compact above ("$6,280", "$1.2M"); the exact sum goes in its ⓘ. */
export function tileMoney(minor: number, currency: string, lang: string): string {
  const major = minorToMajor(minor, currency);
  return Math.abs(major) >= 100_000
    ? formatMoneyCompact(minor, currency, lang)
    : formatMoneyWhole(majorToMinor(Math.round(major), currency), currency, lang);
}

function ChangeChip({ change, against, upIsGood }: { change: Change; against: string; upIsGood: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (change === null) return null;
  const relative = change.kind === 'relative';
  const text = relative
    ? formatSignedPercent(change.value, lang)
    : change.kind === 'points'
      ? t('kpi.points', { value: formatSignedNumber(change.value, lang, 1) })
      : formatSignedNumber(change.value, lang, 1);
  // The colour follows what is shown: a change that rounds to zero is neither up nor down.
  const shown = relative ? Math.round(change.value * 100) : Math.round(change.value * 10);
  const Arrow = shown > 0 ? ArrowUpRight : shown < 0 ? ArrowDownRight : null;
  const good = shown !== 0 && shown > 0 === upIsGood;
  return (
    <span
      className={cn(
        'inline-flex h-4 shrink-0 items-center gap-0.5 rounded-full px-1.5 text-[11.5px] leading-4 font-medium tabular-nums',
        shown === 0
          ? 'bg-subtle text-muted'
          : good
            ? 'bg-success-soft text-success-text'
            : 'bg-danger-soft text-danger-text',
      )}
      data-testid="kpi-change"
    >
      {Arrow ? <Arrow className="size-3" aria-hidden="true" /> : null}
      {text}
      <span className="sr-only"> {t('kpi.against', { range: against })}</span>
    </span>
  );
}

export interface KpiTileProps {
  /** Test id suffix: `kpi-<name>`. */
  name: string;
  label: string;
  /** The KPIS.md definition. */
  definition: string;
  value: ReactNode;
  change: Change;
  /** Whether a rise is good news (green); false for KPIs where lower is better. */
  upIsGood?: boolean;
  detail: ReactNode;
  /** The numbers that went into the value, under its definition. */
  how: ReactNode;
  warning?: boolean;
  /** The stretch the change is measured against (filled in by KpiStrip). */
  against?: string;
}

export function KpiTile({
  name,
  label,
  definition,
  value,
  change,
  upIsGood = true,
  detail,
  how,
  warning,
  against = '',
}: KpiTileProps) {
  const { t } = useTranslation();
  return (
    <div className="flex min-w-0 flex-col px-4 py-3" data-testid={`kpi-${name}`}>
      <div className="flex items-center justify-between gap-2">
        <span className="truncate text-[12px] font-medium text-muted">{label}</span>
        <Popover.Root>
          <Popover.Trigger
            className="-m-1 rounded-md p-1 text-faint transition-colors hover:bg-hover hover:text-fg data-[state=open]:text-fg"
            aria-label={t('kpi.how', { kpi: label })}
          >
            <Info className="size-3.5" aria-hidden="true" />
          </Popover.Trigger>
          <Popover.Portal>
            <Popover.Content
              align="end"
              sideOffset={6}
              aria-label={t('kpi.how', { kpi: label })}
              className="shadow-float z-50 w-80 animate-slide-down rounded-xl border border-line bg-surface p-4 text-[13px]"
            >
              <h3 className="mb-1 font-semibold text-fg">{label}</h3>
              <p className="text-muted">{definition}</p>
              <p className="mt-3 border-t border-line pt-3 text-fg tabular-nums" data-testid="kpi-how">
                {how}
              </p>
            </Popover.Content>
          </Popover.Portal>
        </Popover.Root>
      </div>
      {/* A long value in a narrow tile gets a smaller font, not an ellipsis: a KPI's number is never cut. */}
      <FitText
        smallest={18}
        className="mt-0.5 text-[28px] leading-9 font-semibold tracking-tight text-fg tabular-nums"
        data-testid="kpi-value"
      >
        {value}
      </FitText>
      {/* The change leads the line under the value, so a long amount ("USD 62,800") keeps the tile's width. */}
      <span className="flex h-4 min-w-0 items-center gap-1.5">
        <ChangeChip change={change} against={against} upIsGood={upIsGood} />
        <span
          className={cn('truncate text-[12px] leading-4 tabular-nums', warning ? 'text-warning-text' : 'text-muted')}
          data-testid="kpi-detail"
          // A line cut short by a long count reads whole on hover (and whole, with its inputs, in the ⓘ).
          title={typeof detail === 'string' ? detail : undefined}
        >
          {detail}
        </span>
      </span>
    </div>
  );
}

/** What usePeriodKpis gives a strip: the dates, and the KPIs of the period and of the stretch before it. */
export interface PeriodKpisState<T extends KpiScope> {
  dates: ReturnType<typeof usePeriodDates>;
  hubId: number | null;
  current: Loadable<T>;
  previous: Loadable<T>;
  reload: () => void;
}

/** A tile as a screen makes it: its label and definition come from the screen's `kpis.<name>` strings. */
export type KpiTileFigures = Omit<KpiTileProps, 'label' | 'definition' | 'against'>;

/**
 * The period cell, then the tiles `tiles` makes from the loaded KPIs (and the
 * previous stretch's, when they answer the same question); skeletons until
 * the period's figures arrive, the last ones dimmed while they reload, an
 * error with Retry. A period that has not begun has no change to show.
 */
export function KpiStrip<T extends KpiScope>({
  kpis,
  namespace,
  testId,
  count,
  tiles,
}: {
  kpis: PeriodKpisState<T>;
  /**
   * The screen's strings: `kpis.label` names the strip ("Pipeline, {{period}} ({{range}})"), and
   * `kpis.<name>.label` and `kpis.<name>.definition` each tile.
   */
  namespace: 'pipeline' | 'projects' | 'finance' | 'clients';
  /** How many tiles `tiles` makes (the skeleton keeps their places while loading). */
  count: number;
  testId: string;
  /** The tiles of the loaded KPIs; `range` names the period as the strip shows it ("Dec 1 – 31"). */
  tiles: (now: T, before: T | null, range: string) => KpiTileFigures[];
}) {
  const { t, i18n } = useTranslation();
  // Keys built from a tile's name: the screen's catalogue, looked up by string.
  const ts = i18n.getFixedT(null, namespace) as unknown as (key: string, options?: Record<string, string>) => string;
  const lang = i18n.language;
  const hub = useFilterHub();
  const { dates, current, previous, hubId } = kpis;
  const range = periodRangeLabel(dates.from, dates.to, lang);
  const against = periodRangeLabel(dates.previous.from, dates.previous.to, lang);
  const now = answers(current.data, dates, hubId) ? current.data : null;
  const before =
    dates.started && previous.status === 'ready' && answers(previous.data, dates.previous, hubId)
      ? previous.data
      : null;
  const made = now === null ? null : tiles(now, before, range);
  const reloading = made !== null && current.status === 'loading';

  return (
    <Card
      className="mb-3 grid divide-x divide-line overflow-hidden"
      style={{ gridTemplateColumns: `minmax(0, 0.7fr) repeat(${count}, minmax(0, 1fr))` }}
      aria-label={ts('kpis.label', { period: t(`period.${dates.period}`), range })}
      data-testid={testId}
    >
      <div className="flex min-w-0 flex-col justify-center gap-0.5 px-4 py-3">
        <span className="flex items-center gap-1.5 text-[12px] font-medium text-muted">
          <CalendarRange className="size-3.5 shrink-0" aria-hidden="true" />
          <span className="truncate">{t(`period.${dates.period}`)}</span>
        </span>
        {/* Two lines at most ("1 – 31 de dic" in a narrow window), rather than cut to "1 – 31 de …". */}
        <span
          className="line-clamp-2 text-[14px] leading-5 font-semibold text-fg"
          data-testid="kpi-range"
          title={range}
        >
          {range}
        </span>
        {hub ? (
          <span className="flex min-w-0 items-center gap-1.5 text-[12px] text-muted">
            <HubDot color={hub.color} className="size-2" />
            <span className="truncate">{hub.name}</span>
          </span>
        ) : null}
        {dates.started ? (
          <span
            className="truncate text-[12px] text-faint"
            data-testid="kpi-against"
            title={`${t('kpi.against', { range: against })}${dates.underway ? `, ${t('kpi.soFar')}` : ''}`}
          >
            {t('kpi.against', { range: against })}
            {dates.underway ? <span className="sr-only">, {t('kpi.soFar')}</span> : null}
          </span>
        ) : null}
      </div>
      {current.status === 'error' ? (
        <div
          className="flex items-center gap-3 px-4 text-[13px] text-danger-text"
          style={{ gridColumn: `span ${count}` }}
          role="alert"
        >
          {t('kpi.error', { message: errorText(current.error) })}
          <button type="button" className="font-medium text-accent-text hover:underline" onClick={kpis.reload}>
            {t('common.retry')}
          </button>
        </div>
      ) : made === null ? (
        Array.from({ length: count }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed placeholders.
          <div key={i} className="flex flex-col gap-2.5 px-4 py-3.5" aria-hidden="true">
            <Skeleton className="h-3 w-20" />
            <Skeleton className="h-7 w-24" />
            <Skeleton className="h-3 w-28" />
          </div>
        ))
      ) : (
        made.map((tile) => (
          <div
            key={tile.name}
            className={cn('min-w-0 transition-opacity duration-150', reloading && 'opacity-60')}
            aria-busy={reloading}
          >
            <KpiTile
              {...tile}
              label={ts(`kpis.${tile.name}.label`)}
              definition={ts(`kpis.${tile.name}.definition`)}
              against={against}
            />
          </div>
        ))
      )}
    </Card>
  );
}
