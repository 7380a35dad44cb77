/**
 * MRR movements per month: stacked bars (new, expansion, reactivation up;
 * contraction, churn down) and the closing MRR as a line. Clicking a month
 * selects it (the table beside does the same by keyboard); the legend toggles
 * series; a text summary stands in for the picture for screen readers.
 */
import { useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { MrrMonth } from '../../../../shared/money';
import { dateFormat, formatMoneyCompact, formatMoneyWhole, formatMonth, intlLocale } from '../../app/format';
import { ChartLegend } from '../../components/ChartLegend';
import { cn } from '../../components/cn';
import { monthAxis } from './monthAxis';
import { mrrTicks, SERIES, type Series } from './numbers';

export { SERIES, type Series };

const PALETTE: Record<'light' | 'dark', Record<Series | 'grid' | 'axis' | 'zero' | 'band' | 'selected', string>> = {
  light: {
    new: '#4f46e5',
    expansion: '#818cf8',
    reactivation: '#c7d2fe',
    contraction: '#fb923c',
    churn: '#dc2626',
    closing: '#0f172a',
    grid: '#e2e8f0',
    axis: '#5a697f',
    zero: '#94a3b8',
    band: '#eef2ff',
    selected: '#4338ca',
  },
  dark: {
    new: '#818cf8',
    expansion: '#c7d2fe',
    reactivation: '#4f46e5',
    contraction: '#fdba74',
    churn: '#f87171',
    closing: '#e2e8f0',
    grid: '#1e293b',
    axis: '#8b9ab0',
    zero: '#475569',
    band: '#1e1b4b',
    selected: '#a5b4fc',
  },
};

function subscribeDark(callback: () => void) {
  const observer = new MutationObserver(callback);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}

/** Whether the dark theme is on (follows the class the theme effect puts on <html>). */
export function useDark(): boolean {
  return useSyncExternalStore(subscribeDark, () => document.documentElement.classList.contains('dark'));
}

export function usePalette() {
  return PALETTE[useDark() ? 'dark' : 'light'];
}

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

/** "Jul" / "jul": the year goes on its own line below, where it starts or changes (see monthAxis). */
const shortMonth = (month: string, locale: string) =>
  dateFormat(intlLocale(locale), { month: 'short', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));

interface TooltipPayload {
  active?: boolean;
  label?: string | number;
  payload?: readonly { payload?: MrrMonth }[];
}

export function MrrChart({
  months,
  currency,
  selected,
  onSelect,
  summary,
}: {
  months: MrrMonth[];
  currency: string;
  selected: string | null;
  onSelect: (month: string) => void;
  summary: string;
}) {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language;
  const colors = usePalette();
  const { ref, width } = useWidth<HTMLDivElement>();
  const [hidden, setHidden] = useState<Set<Series>>(() => new Set());
  const toggle = (s: Series) =>
    setHidden((h) => {
      const next = new Set(h);
      if (next.has(s)) next.delete(s);
      else next.add(s);
      return next;
    });
  const data = months;
  // The plot starts after the y axis (64 px) and the margins.
  const axis = monthAxis(
    months.map((m) => m.month),
    width - 80,
  );
  const money = (v: number) => formatMoneyWhole(v, currency, lang);
  const ticks = mrrTicks(months, hidden, currency);

  const renderTooltip = ({ active, payload }: TooltipPayload) => {
    const m = payload?.[0]?.payload;
    if (!active || !m) return null;
    const rows: { key: Series | 'opening'; value: number }[] = [
      { key: 'opening', value: m.opening },
      ...SERIES.map((s) => ({ key: s, value: m[s] })),
      { key: 'closing', value: m.closing },
    ];
    return (
      <div className="shadow-float min-w-52 rounded-lg border border-line bg-surface px-3 py-2 text-[12px]">
        <p className="mb-1.5 font-semibold text-fg">{formatMonth(m.month, lang)}</p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5">
          {rows.map((r) => (
            <div key={r.key} className="contents">
              <dt className="flex items-center gap-1.5 text-muted">
                {r.key === 'opening' ? (
                  <span className="inline-block size-2" />
                ) : (
                  <span
                    className={cn('inline-block size-2', r.key === 'closing' ? 'rounded-full' : 'rounded-sm')}
                    style={{ background: colors[r.key] }}
                  />
                )}
                {t(`mrr.kinds.${r.key}`)}
              </dt>
              <dd
                className={cn(
                  'text-right tabular-nums',
                  r.key === 'closing' || r.key === 'opening' ? 'font-semibold text-fg' : 'text-fg',
                )}
              >
                {money(r.value)}
              </dd>
            </div>
          ))}
        </dl>
      </div>
    );
  };

  const legend: Series[] = [...SERIES, 'closing'];
  return (
    <figure className="flex flex-col gap-3">
      <figcaption className="sr-only" data-testid="mrr-summary">
        {summary}
      </figcaption>
      <ChartLegend
        label={t('mrr.legend')}
        series={legend}
        hidden={hidden}
        onToggle={toggle}
        colors={colors}
        lines={['closing']}
        nameOf={(s) => t(`mrr.kinds.${s}`)}
      />
      <div ref={ref} className="h-[200px] w-full" aria-hidden="true" data-testid="mrr-chart">
        {width > 0 ? (
          <ComposedChart
            width={width}
            height={200}
            data={data}
            stackOffset="sign"
            margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
            accessibilityLayer={false}
            onClick={(state) => {
              const index = state?.activeTooltipIndex;
              const m = index === undefined || index === null ? undefined : data[Number(index)];
              if (m) onSelect(m.month);
            }}
            className="cursor-pointer"
          >
            <CartesianGrid vertical={false} stroke={colors.grid} />
            <XAxis
              dataKey="month"
              tickLine={false}
              axisLine={false}
              ticks={axis.ticks}
              interval={0}
              height={40}
              tick={({ x, y, payload }: { x: number | string; y: number | string; payload: { value: string } }) => {
                const on = payload.value === selected;
                return (
                  <text
                    x={Number(x)}
                    y={Number(y) + 12}
                    textAnchor="middle"
                    fontSize={12}
                    fontWeight={on ? 600 : 400}
                    fill={on ? colors.selected : colors.axis}
                    data-testid="mrr-month-tick"
                  >
                    <tspan x={Number(x)}>{shortMonth(payload.value, lang)}</tspan>
                    {axis.withYear.has(payload.value) ? (
                      <tspan x={Number(x)} dy={14} fontSize={11} fontWeight={400} fill={colors.axis}>
                        {payload.value.slice(0, 4)}
                      </tspan>
                    ) : null}
                  </text>
                );
              }}
            />
            <YAxis
              width={64}
              tickLine={false}
              axisLine={false}
              tick={{ fill: colors.axis, fontSize: 12 }}
              domain={[ticks[0] ?? 0, ticks.at(-1) ?? 0]}
              ticks={ticks}
              interval={0}
              allowDataOverflow
              tickFormatter={(v: number) => formatMoneyCompact(v, currency, lang)}
            />
            <ReferenceLine y={0} stroke={colors.zero} />
            <Tooltip
              content={renderTooltip}
              cursor={{ fill: colors.band, fillOpacity: 0.5 }}
              isAnimationActive={false}
            />
            {SERIES.map((s) => (
              <Bar
                key={s}
                dataKey={s}
                stackId="mrr"
                fill={colors[s]}
                hide={hidden.has(s)}
                maxBarSize={36}
                isAnimationActive={false}
                name={t(`mrr.kinds.${s}`)}
              />
            ))}
            <Line
              type="monotone"
              dataKey="closing"
              stroke={colors.closing}
              strokeWidth={2}
              // The axis clips what overflows it; a dot on its top or bottom tick stays whole.
              dot={{ r: 3, fill: colors.closing, strokeWidth: 0, clipDot: false }}
              activeDot={{ r: 4, clipDot: false }}
              hide={hidden.has('closing')}
              isAnimationActive={false}
              name={t('mrr.kinds.closing')}
            />
          </ComposedChart>
        ) : null}
      </div>
    </figure>
  );
}
