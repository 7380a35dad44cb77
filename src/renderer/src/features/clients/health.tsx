/** The health score explained: each factor's points of its maximum and a sentence from its inputs. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ClientHealth, HealthFactor } from '../../../../shared/money';
import { formatNumber } from '../../app/format';
import { cn } from '../../components/cn';
import { RISK_TONE, RiskBadge, StatusBadge } from './badges';

type ClientsT = TFunction<'clients'>;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The sentence behind a factor's points, in the UI's language. */
export function explainFactor(f: HealthFactor, t: ClientsT, locale: string): string {
  const n = (v: number) => formatNumber(v, locale, 1);
  const i = f.inputs;
  switch (f.key) {
    case 'recency': {
      const days = num(i.daysSinceLastDelivery);
      if (days === null) return t('factors.recency.none');
      if (days === 0) return t('factors.recency.today');
      return t('factors.recency.days', { count: days, days: n(days) });
    }
    case 'frequency': {
      // The window is in the input's name (deliveredLast90Days).
      const entry = Object.entries(i).find(([k]) => /^deliveredLast\d+Days$/.test(k));
      const window = entry ? Number(/\d+/.exec(entry[0])?.[0]) : 90;
      const count = num(entry?.[1]) ?? 0;
      return t('factors.frequency.count', { count, deliveries: n(count), window: n(window) });
    }
    case 'satisfaction': {
      const recent = num(i.recentMean);
      const previous = num(i.previousMean);
      const ratings = num(i.ratings) ?? 0;
      if (recent === null) return t('factors.satisfaction.none');
      if (previous !== null && recent < previous - 1)
        return t('factors.satisfaction.dropped', { recent: n(recent), previous: n(previous) });
      if (previous !== null) return t('factors.satisfaction.steady', { recent: n(recent), previous: n(previous) });
      const last = Math.min(ratings, 3);
      return t('factors.satisfaction.recent', { count: last, ratings: n(last), recent: n(recent) });
    }
    case 'revisions': {
      const cycles = num(i.meanCycles);
      const projects = num(i.projects) ?? 0;
      if (cycles === null) return t('factors.revisions.none');
      return t('factors.revisions.mean', { count: projects, projects: n(projects), cycles: n(cycles) });
    }
    case 'payment': {
      const late = num(i.meanDaysLate);
      const invoices = num(i.invoices) ?? 0;
      const overdue = num(i.overdueNow) ?? 0;
      let sentence: string;
      if (late === null) sentence = t('factors.payment.none');
      else if (late === 0) sentence = t('factors.payment.onTime', { count: invoices, invoices: n(invoices) });
      else sentence = t('factors.payment.late', { count: invoices, invoices: n(invoices), days: n(late) });
      if (overdue > 0)
        sentence = `${sentence} ${t('factors.payment.overdueNow', { count: overdue, overdue: n(overdue) })}`;
      return sentence;
    }
    case 'subscription': {
      const status = i.status;
      if (status === 'active' || status === 'paused' || status === 'cancelled')
        return t(`factors.subscription.${status}`);
      return t('factors.subscription.none');
    }
    default:
      return '';
  }
}

function FactorBar({ points, max, tone }: { points: number; max: number; tone: 'good' | 'mid' | 'poor' }) {
  const pct = max > 0 ? Math.round((points / max) * 100) : 0;
  return (
    <div className="h-1.5 w-full overflow-hidden rounded-full bg-subtle" aria-hidden="true">
      <div
        className={cn(
          'h-full rounded-full',
          tone === 'good' ? 'bg-emerald-500' : tone === 'mid' ? 'bg-amber-500' : 'bg-red-500',
        )}
        style={{ width: `${pct}%` }}
      />
    </div>
  );
}

/** The score, the churn risk and each factor explained. */
export function HealthPanel({ health }: { health: ClientHealth }) {
  const { t, i18n } = useTranslation('clients');
  const locale = i18n.language;
  const tone = RISK_TONE[health.risk];
  return (
    <div data-testid="client-health">
      <div className="flex items-start gap-4">
        <div
          className={cn(
            'grid size-16 shrink-0 place-items-center rounded-xl border',
            tone === 'success'
              ? 'border-success-text/20 bg-success-soft text-success-text'
              : tone === 'warning'
                ? 'border-warning-text/25 bg-warning-soft text-warning-text'
                : 'border-danger-text/25 bg-danger-soft text-danger-text',
          )}
        >
          <span className="text-center leading-none">
            <span className="block text-[24px] font-semibold tabular-nums" data-testid="health-score">
              {formatNumber(health.score, locale, 0)}
            </span>
            <span className="mt-0.5 block text-[11px] font-medium">{t('health.ofHundred')}</span>
          </span>
        </div>
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <p className="text-[13px] font-semibold text-fg">{t('health.churnRisk')}</p>
            <RiskBadge risk={health.risk} />
            <StatusBadge status={health.status} />
          </div>
          <p className="mt-1 text-[12.5px] text-muted">{t(`health.riskExplained.${health.risk}`)}</p>
          {health.status === 'at_risk' ? (
            <p className="mt-1 text-[12.5px] text-muted">{t('health.atRiskExplained')}</p>
          ) : null}
        </div>
      </div>
      <ul className="mt-4 flex flex-col divide-y divide-line" aria-label={t('health.factorsLabel')}>
        {health.factors.map((f) => {
          const ratio = f.max > 0 ? f.points / f.max : 0;
          return (
            <li key={f.key} className="grid grid-cols-[176px_1fr] gap-x-4 py-2.5" data-testid={`factor-${f.key}`}>
              <div>
                <p className="text-[13px] font-medium text-fg">{t(`factors.${f.key}.label`)}</p>
                <p className="mt-0.5 text-[12px] text-muted tabular-nums">
                  {t('health.points', {
                    points: formatNumber(f.points, locale, 0),
                    max: formatNumber(f.max, locale, 0),
                  })}
                </p>
                <div className="mt-1.5 w-24">
                  <FactorBar
                    points={f.points}
                    max={f.max}
                    tone={ratio >= 0.7 ? 'good' : ratio >= 0.4 ? 'mid' : 'poor'}
                  />
                </div>
              </div>
              <p className="self-center text-[13px] text-fg">{explainFactor(f, t, locale)}</p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
