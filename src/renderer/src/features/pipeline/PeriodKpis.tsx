/**
 * The pipeline in the top bar's period and hub (KPIS.md): new leads, booked,
 * lead-to-client conversion and proposal win rate.
 */
import { useTranslation } from 'react-i18next';
import type { KpiShare, PipelineKpis } from '../../../../shared/kpis';
import { formatMoney, formatNumber } from '../../app/format';
import {
  KpiStrip,
  type KpiTileFigures,
  relativeChange,
  shareTile,
  tileMoney,
  usePeriodKpis,
} from '../../components/KpiStrip';
import { useMissingRateText } from '../invoices/parts';

export const usePipelineKpis = () => usePeriodKpis('kpis/pipeline');

type ShareName = 'conversion' | 'proposalWinRate';

export function PeriodKpis({ kpis }: { kpis: ReturnType<typeof usePipelineKpis> }) {
  const { t, i18n } = useTranslation('pipeline');
  const lang = i18n.language;
  const missingText = useMissingRateText();
  const n = (value: number) => formatNumber(value, lang, 0);

  /** A share's tile: "37.8%", its parts below it; "—" and why when nothing was there to divide. */
  const ratioTile = (name: ShareName, now: KpiShare, before: KpiShare | undefined): KpiTileFigures =>
    shareTile(name, now, before, lang, ({ part, whole, share }) => {
      const parts = { won: part, closed: whole, lost: n(now.whole - now.part), share };
      return now.share === null
        ? { detail: t(`kpis.${name}.none`), how: t(`kpis.${name}.noneHow`) }
        : { detail: t(`kpis.${name}.detail`, parts), how: t(`kpis.${name}.how`, parts) };
    });

  const tiles = (now: PipelineKpis, before: PipelineKpis | null, range: string): KpiTileFigures[] => {
    const booked = now.booked.valueMinor;
    const missing = booked === null ? missingText(now.missingRates) : null;
    const won = { count: now.booked.leads, n: n(now.booked.leads) };
    return [
      {
        name: 'newLeads',
        value: n(now.newLeads),
        change: relativeChange(now.newLeads, before?.newLeads),
        detail: t('kpis.newLeads.detail'),
        how: t('kpis.newLeads.how', { count: now.newLeads, n: n(now.newLeads), range }),
      },
      {
        name: 'booked',
        value: booked === null ? '—' : tileMoney(booked, now.currency, lang),
        change: relativeChange(booked, before?.booked.valueMinor),
        detail: missing ?? t('kpis.booked.detail', won),
        warning: missing !== null,
        how: missing ?? t('kpis.booked.how', { ...won, value: formatMoney(booked ?? 0, now.currency, lang) }),
      },
      ratioTile('conversion', now.conversion, before?.conversion),
      ratioTile('proposalWinRate', now.proposalWinRate, before?.proposalWinRate),
    ];
  };

  return <KpiStrip kpis={kpis} count={4} testId="pipeline-kpis" namespace="pipeline" tiles={tiles} />;
}
