/**
 * Clients in the top bar's period and hub (KPIS.md): new clients, the
 * repeat-client rate, the upsell rate, and client retention in the month
 * holding the period's last counted day (with churn in its ⓘ).
 */
import { useTranslation } from 'react-i18next';
import type { ClientKpis, KpiShare } from '../../../../shared/kpis';
import { dateFormat, formatDate, formatMonth, formatNumber, formatPercent, intlLocale } from '../../app/format';
import {
  KpiStrip,
  type KpiTileFigures,
  pointsChange,
  relativeChange,
  sharePercent,
  shareTile,
  usePeriodKpis,
} from '../../components/KpiStrip';

export const useClientKpis = () => usePeriodKpis('kpis/clients');

/** "Dec" from "2026-12". */
const shortMonth = (month: string, lang: string) =>
  dateFormat(intlLocale(lang), { month: 'short', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));

export function ClientKpisStrip({ kpis }: { kpis: ReturnType<typeof useClientKpis> }) {
  const { t, i18n } = useTranslation('clients');
  const lang = i18n.language;
  const n = (value: number) => formatNumber(value, lang, 0);
  const pct = (share: KpiShare) => sharePercent(share, lang);

  const tiles = (now: ClientKpis, before: ClientKpis | null, range: string): KpiTileFigures[] => {
    const none = now.repeatRate.whole === 0;
    const ratio = (name: 'repeatRate' | 'upsellRate', extra: Record<string, string> = {}) =>
      shareTile(name, now[name], before?.[name], lang, (shown) => {
        const parts = { ...shown, range, ...extra };
        return none
          ? { detail: t('kpis.noneDelivered'), how: t('kpis.noneHow') }
          : { detail: t(`kpis.${name}.detail`, parts), how: t(`kpis.${name}.how`, parts) };
      });
    const r = now.retention;
    const retention: KpiTileFigures =
      r === null
        ? {
            name: 'retention',
            value: '—',
            change: null,
            detail: t('kpis.retention.notBegun'),
            how: t('kpis.retention.notBegunHow'),
          }
        : (() => {
            const months = {
              month: shortMonth(r.month, lang),
              previous: shortMonth(r.previousMonth, lang),
              monthLong: formatMonth(r.month, lang),
              previousLong: formatMonth(r.previousMonth, lang),
              through: formatDate(`${r.through}T12:00:00Z`, lang, 'UTC'),
            };
            const s = r.retained;
            return {
              name: 'retention',
              value: pct(s),
              change: pointsChange(s, before?.retention?.retained),
              detail: s.whole === 0 ? t('kpis.retention.none', months) : t('kpis.retention.detail', months),
              how:
                s.whole === 0
                  ? t('kpis.retention.noneHow', { ...months, active: n(r.active) })
                  : t('kpis.retention.how', {
                      ...months,
                      part: n(s.part),
                      whole: n(s.whole),
                      share: pct(s),
                      churn: formatPercent(1 - (s.share as number), lang, 1),
                      active: n(r.active),
                    }),
            };
          })();
    return [
      {
        name: 'newClients',
        value: n(now.newClients),
        change: relativeChange(now.newClients, before?.newClients),
        detail: t('kpis.newClients.detail', { count: now.newClients }),
        how: t('kpis.newClients.how', { count: now.newClients, n: n(now.newClients), range }),
      },
      ratio('repeatRate'),
      ratio('upsellRate', { services: n(now.upsellRate.services), subscribers: n(now.upsellRate.subscribers) }),
      retention,
    ];
  };

  return <KpiStrip kpis={kpis} count={4} testId="client-kpis" namespace="clients" tiles={tiles} />;
}
