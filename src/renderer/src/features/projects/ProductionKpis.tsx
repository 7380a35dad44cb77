/**
 * Production in the top bar's period and hub (KPIS.md): projects delivered,
 * on-time delivery, first-pass approval (with the mean revision cycles) and
 * client satisfaction.
 */
import { useTranslation } from 'react-i18next';
import type { KpiShare, ProjectKpis } from '../../../../shared/kpis';
import { formatNumber } from '../../app/format';
import {
  differenceChange,
  KpiStrip,
  type KpiTileFigures,
  relativeChange,
  shareTile,
  usePeriodKpis,
} from '../../components/KpiStrip';

export const useProductionKpis = () => usePeriodKpis('kpis/projects');

export function ProductionKpis({ kpis }: { kpis: ReturnType<typeof useProductionKpis> }) {
  const { t, i18n } = useTranslation('projects');
  const lang = i18n.language;
  const n = (value: number, digits = 0) => formatNumber(value, lang, digits);

  const tiles = (now: ProjectKpis, before: ProjectKpis | null, range: string): KpiTileFigures[] => {
    const none = now.delivered === 0;
    const cycles = now.revisionCycles;
    const rating = now.satisfaction;
    const share = (name: 'onTime' | 'firstPass', s: KpiShare, extra: Record<string, string> = {}) =>
      shareTile(name, s, before?.[name], lang, (parts) =>
        none
          ? { detail: t('kpis.noneDelivered'), how: t('kpis.noneHow') }
          : {
              detail: t(`kpis.${name}.detail`, { ...parts, ...extra }),
              how: t(`kpis.${name}.how`, { ...parts, ...extra }),
            },
      );
    return [
      {
        name: 'delivered',
        value: n(now.delivered),
        change: relativeChange(now.delivered, before?.delivered),
        detail: t('kpis.delivered.detail'),
        how: t('kpis.delivered.how', { count: now.delivered, n: n(now.delivered), range }),
      },
      share('onTime', now.onTime),
      share('firstPass', now.firstPass, {
        cycles: cycles.mean === null ? '—' : n(cycles.mean, 1),
        total: n(cycles.total),
      }),
      {
        name: 'satisfaction',
        value: rating.mean === null ? '—' : n(rating.mean, 1),
        change: differenceChange(rating.mean, before?.satisfaction.mean),
        detail:
          rating.mean === null
            ? t('kpis.satisfaction.none')
            : t('kpis.satisfaction.detail', { count: rating.count, n: n(rating.count) }),
        how:
          rating.mean === null
            ? t('kpis.satisfaction.noneHow')
            : t('kpis.satisfaction.how', {
                total: n(rating.total),
                count: rating.count,
                n: n(rating.count),
                mean: n(rating.mean, 1),
              }),
      },
    ];
  };

  return <KpiStrip kpis={kpis} count={4} testId="production-kpis" namespace="projects" tiles={tiles} />;
}
