/** Small pieces the Capacity tabs share: hours and percentages, the band legend, utilization bars, the dark flag. */
import { CircleAlert, CircleCheck, CircleDashed, Flag, Gauge, TreePalm, TriangleAlert } from 'lucide-react';
import { type ReactNode, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import {
  HEALTHY_UTILIZATION,
  UTILIZATION_BANDS,
  type UtilizationBand,
  utilizationBand,
  WARNING_UTILIZATION,
} from '../../../../shared/capacity';
import { formatNumber, formatPercent } from '../../app/format';
import { cn } from '../../components/cn';
import { BAND_CELL, BAND_FILL, HATCH } from './model';

/** "12.5 h" in the chosen language. */
export function useHours() {
  const { t, i18n } = useTranslation('capacity');
  return (hours: number, digits = 1) => t('units.hours', { value: formatNumber(hours, i18n.language, digits) });
}

/** A utilization as a whole percentage ("82%"), or "—" when nothing is available. */
export function percent(utilization: number | null, lang: string, digits = 0): string {
  return utilization === null ? '—' : formatPercent(utilization, lang, digits);
}

export const BAND_ICON: Record<UtilizationBand, ReactNode> = {
  idle: <CircleDashed aria-hidden="true" />,
  under: <Gauge aria-hidden="true" />,
  healthy: <CircleCheck aria-hidden="true" />,
  warning: <CircleAlert aria-hidden="true" />,
  overloaded: <TriangleAlert aria-hidden="true" />,
};

/** The colour key of the board: each band with its range, and the marks for time off and holidays. */
export function BandLegend({ className }: { className?: string }) {
  const { t, i18n } = useTranslation('capacity');
  const lang = i18n.language;
  const range: Record<UtilizationBand, string> = {
    idle: t('band.range.idle'),
    under: t('band.range.under', { healthy: formatPercent(HEALTHY_UTILIZATION, lang) }),
    healthy: t('band.range.healthy', {
      healthy: formatPercent(HEALTHY_UTILIZATION, lang),
      warning: formatPercent(WARNING_UTILIZATION, lang),
    }),
    warning: t('band.range.warning', {
      warning: formatPercent(WARNING_UTILIZATION, lang),
      full: formatPercent(1, lang),
    }),
    overloaded: t('band.range.overloaded', { full: formatPercent(1, lang) }),
  };
  return (
    <ul
      aria-label={t('legend.label')}
      className={cn('flex flex-wrap items-center gap-x-3 gap-y-1 text-[12px] text-muted', className)}
      data-testid="band-legend"
    >
      {UTILIZATION_BANDS.map((band) => (
        <li key={band} className="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className={cn('grid size-4 place-items-center rounded-[4px] [&_svg]:size-2.5', BAND_CELL[band])}
          >
            {BAND_ICON[band]}
          </span>
          <span>
            <span className="font-medium text-fg">{t(`band.${band}`)}</span> {range[band]}
          </span>
        </li>
      ))}
      <li className="flex items-center gap-1.5">
        <span
          aria-hidden="true"
          className="grid size-4 place-items-center rounded-[4px] bg-subtle text-muted"
          style={HATCH}
        >
          <TreePalm className="size-2.5" />
        </span>
        {t('legend.timeOff')}
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden="true" className="grid size-4 place-items-center rounded-[4px] bg-subtle text-muted">
          <Flag className="size-2.5" />
        </span>
        {t('legend.holiday')}
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden="true" className="h-3.5 w-0.5 rounded-full bg-accent" />
        {t('legend.today')}
      </li>
    </ul>
  );
}

/** A small horizontal bar of a utilization (full width = 125%), with a tick at 100%. */
export function UtilBar({ utilization, className }: { utilization: number | null; className?: string }) {
  const band = utilizationBand(utilization);
  const width = utilization === null ? 0 : Math.min(utilization / 1.25, 1) * 100;
  return (
    <span
      aria-hidden="true"
      className={cn('relative block h-1.5 w-full overflow-hidden rounded-full bg-subtle', className)}
    >
      <span className={cn('absolute inset-y-0 left-0 rounded-full', BAND_FILL[band])} style={{ width: `${width}%` }} />
      <span className="absolute inset-y-[-2px] left-[80%] w-px bg-fg/40" />
    </span>
  );
}

function subscribeDark(callback: () => void) {
  const observer = new MutationObserver(callback);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}

/** Whether the dark theme is on (the class the theme effect puts on <html>). */
export function useDark(): boolean {
  return useSyncExternalStore(subscribeDark, () => document.documentElement.classList.contains('dark'));
}
