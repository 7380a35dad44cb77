/**
 * Calibration of the win-probability model on held-out leads: per tenth of
 * predicted probability, the mean prediction (x) against the share actually
 * won (y), with the diagonal a perfectly calibrated model would follow. A text
 * summary stands in for the picture for screen readers.
 */
import { useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, ComposedChart, Line, ReferenceLine, Scatter, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import type { CalibrationBin } from '../../../../shared/scoring';
import { formatList, formatNumber, formatPercent } from '../../app/format';

const PALETTE = {
  light: { line: '#4f46e5', dot: '#4338ca', diagonal: '#94a3b8', grid: '#e2e8f0', axis: '#5a697f' },
  dark: { line: '#818cf8', dot: '#a5b4fc', diagonal: '#64748b', grid: '#1e293b', axis: '#8b9ab0' },
};

function subscribeDark(callback: () => void) {
  const observer = new MutationObserver(callback);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}

function usePalette() {
  const dark = useSyncExternalStore(subscribeDark, () => document.documentElement.classList.contains('dark'));
  return PALETTE[dark ? 'dark' : 'light'];
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

interface Point {
  bin: number;
  predicted: number;
  observed: number;
  count: number;
}

export function CalibrationChart({ bins, heldOut }: { bins: CalibrationBin[]; heldOut: number }) {
  const { t, i18n } = useTranslation('pipeline');
  const lang = i18n.language;
  const colors = usePalette();
  const { ref, width } = useWidth<HTMLDivElement>();
  const points: Point[] = bins.flatMap((b) =>
    b.predicted === null || b.observed === null || b.count === 0
      ? []
      : [{ bin: b.bin, predicted: b.predicted, observed: b.observed, count: b.count }],
  );
  const pct = (v: number) => formatPercent(v, lang, 0);
  const range = (bin: number) => t('scoring.model.binRange', { from: bin * 10, to: (bin + 1) * 10 });
  const summary =
    points.length === 0
      ? t('scoring.model.calibrationEmpty')
      : t('scoring.model.calibrationSummary', {
          count: heldOut,
          n: formatNumber(heldOut, lang, 0),
          bins: formatList(
            points.map((p) =>
              t('scoring.model.calibrationBin', {
                range: range(p.bin),
                predicted: pct(p.predicted),
                observed: pct(p.observed),
                count: p.count,
              }),
            ),
            lang,
          ),
        });

  const renderTooltip = ({ active, payload }: { active?: boolean; payload?: readonly { payload?: Point }[] }) => {
    const p = payload?.[0]?.payload;
    if (!active || !p) return null;
    return (
      <div className="shadow-float rounded-lg border border-line bg-surface px-3 py-2 text-[12px]">
        <p className="mb-1 font-semibold text-fg">{range(p.bin)}</p>
        <p className="text-muted">
          {t('scoring.model.tooltip', { predicted: pct(p.predicted), observed: pct(p.observed), count: p.count })}
        </p>
      </div>
    );
  };

  if (points.length === 0)
    return (
      <p
        className="flex h-[220px] items-center justify-center rounded-[10px] border border-dashed border-line px-6 text-center text-[12.5px] text-muted"
        data-testid="calibration-empty"
      >
        {summary}
      </p>
    );

  return (
    <figure className="m-0">
      <div ref={ref} className="h-[220px] w-full" aria-hidden="true" data-testid="calibration-chart">
        {width > 0 ? (
          <ComposedChart
            width={width}
            height={220}
            margin={{ top: 8, right: 12, bottom: 18, left: 0 }}
            data={points}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke={colors.grid} strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="predicted"
              domain={[0, 1]}
              ticks={[0, 0.25, 0.5, 0.75, 1]}
              tickFormatter={pct}
              tick={{ fill: colors.axis, fontSize: 11 }}
              stroke={colors.grid}
              label={{
                value: t('scoring.model.predicted'),
                position: 'insideBottom',
                offset: -10,
                fill: colors.axis,
                fontSize: 11,
              }}
            />
            <YAxis
              type="number"
              dataKey="observed"
              domain={[0, 1]}
              ticks={[0, 0.25, 0.5, 0.75, 1]}
              tickFormatter={pct}
              tick={{ fill: colors.axis, fontSize: 11 }}
              stroke={colors.grid}
              width={44}
            />
            <ZAxis type="number" dataKey="count" range={[30, 220]} />
            <ReferenceLine
              segment={[
                { x: 0, y: 0 },
                { x: 1, y: 1 },
              ]}
              stroke={colors.diagonal}
              strokeDasharray="5 4"
              ifOverflow="visible"
            />
            <Line
              type="linear"
              dataKey="observed"
              stroke={colors.line}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
            <Scatter dataKey="observed" fill={colors.dot} isAnimationActive={false} />
            <Tooltip content={renderTooltip} cursor={false} />
          </ComposedChart>
        ) : null}
      </div>
      <figcaption className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-[12px] text-muted">
        <span className="inline-flex items-center gap-1.5">
          <span className="inline-block h-0.5 w-4 rounded" style={{ background: colors.line }} />
          {t('scoring.model.legendObserved')}
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span className="inline-block w-4 border-t-2 border-dashed" style={{ borderColor: colors.diagonal }} />
          {t('scoring.model.legendPerfect')}
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span className="inline-block size-1.5 rounded-full" style={{ background: colors.dot }} />
          <span className="inline-block size-2.5 rounded-full" style={{ background: colors.dot }} />
          {t('scoring.model.legendSize')}
        </span>
        <span className="sr-only" data-testid="calibration-summary">
          {summary}
        </span>
      </figcaption>
    </figure>
  );
}
