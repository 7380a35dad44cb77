/** How a lead's score and probability are explained: each factor's points, and the model's top reasons in words. */
import { ArrowDownRight, ArrowUpRight } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Hub } from '../../../../shared/contract';
import type { LeadDetail } from '../../../../shared/leads';
import { type ProbabilityFactor, SCORE_FACTORS, type ScoreFactor } from '../../../../shared/scoring';
import { formatNumber, formatPercent } from '../../app/format';
import { cn } from '../../components/cn';
import { oddsTimes, shownReasons, timesDigits } from './wording';

/** Each factor's points as a small bar against its maximum (under the weights the breakdown was made with). */
export function ScoreBreakdown({
  breakdown,
  max,
}: {
  breakdown: Record<string, number>;
  max: Record<ScoreFactor, number> | null;
}) {
  const { t } = useTranslation('pipeline');
  return (
    <ul className="flex flex-col gap-1.5" aria-label={t('detail.breakdownLabel')} data-testid="score-breakdown">
      {SCORE_FACTORS.map((f) => {
        const points = breakdown[f] ?? 0;
        const top = max ? max[f] : null;
        const share = top ? Math.min(1, points / top) : 0;
        return (
          <li key={f} className="grid grid-cols-[6.5rem_1fr_3.25rem] items-center gap-2.5 text-[12.5px]">
            <span className="truncate text-muted">{t(`factor.${f}`)}</span>
            <span className="h-1.5 overflow-hidden rounded-full bg-subtle" aria-hidden="true">
              <span
                className="block h-full rounded-full bg-accent transition-[width] duration-150"
                style={{ width: `${share * 100}%` }}
              />
            </span>
            <span className="text-right text-fg tabular-nums" data-testid={`factor-${f}`}>
              {top === null ? t('detail.points', { count: points }) : t('detail.pointsOf', { points, max: top })}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** A model field's value in words ('referral' → "Referral", a hub id → its name). */
function useFactorValue(hubs: Hub[]) {
  const { t } = useTranslation('pipeline');
  return (f: ProbabilityFactor): string => {
    const v = f.value;
    if (v === 'unknown' || v === '' || v === 'null') return t('form.notKnown');
    switch (f.feature) {
      case 'channel':
        return t(`channel.${v}` as 'channel.email');
      case 'vertical':
        return t(`vertical.${v}` as 'vertical.saas');
      case 'tier':
        // The field is already named ("Tier: 2 · SME"), so not "Tier: Tier 2 · SME".
        return t(`tier.value.${v}` as 'tier.value.1');
      case 'timeline':
        return t(`timeline.${v}` as 'timeline.now');
      case 'authority':
        return t(`authority.${v}` as 'authority.user');
      case 'need':
        return t(`need.${v}` as 'need.clear');
      case 'budget_fit':
        return t(`budgetFit.${v}` as 'budgetFit.none');
      case 'hub':
        return hubs.find((h) => String(h.id) === v)?.name ?? t('noHub');
      default:
        return v;
    }
  };
}

/** The model's top reasons for and against, each as a sentence with how much it moves the odds. */
export function ProbabilityReasons({
  factors,
  hubs,
}: {
  factors: NonNullable<LeadDetail['probabilityFactors']>;
  hubs: Hub[];
}) {
  const { t, i18n } = useTranslation('pipeline');
  const lang = i18n.language;
  const wordFor = useFactorValue(hubs);
  // A small pull still shows as more than "×1": two decimals below 2×; a pull too small for that is neutral.
  const times = (effect: number) => {
    const x = oddsTimes(effect);
    return formatNumber(x, lang, timesDigits(x));
  };
  const reasons = shownReasons(factors);
  const list = (items: ProbabilityFactor[], direction: 'for' | 'against') => (
    <div className="min-w-0">
      <h4
        className={cn(
          'mb-1 flex items-center gap-1 text-[12px] font-semibold',
          direction === 'for' ? 'text-success-text' : 'text-danger-text',
        )}
      >
        {direction === 'for' ? (
          <ArrowUpRight className="size-3.5" aria-hidden="true" />
        ) : (
          <ArrowDownRight className="size-3.5" aria-hidden="true" />
        )}
        {direction === 'for' ? t('detail.reasonsFor') : t('detail.reasonsAgainst')}
      </h4>
      {items.length === 0 ? (
        <p className="text-[12.5px] text-faint">{t('detail.noReasons')}</p>
      ) : (
        <ul className="flex flex-col gap-1" data-testid={`reasons-${direction}`}>
          {items.map((f) => (
            <li key={`${f.feature}-${f.value}`} className="text-[12.5px] leading-snug text-fg">
              {t(direction === 'for' ? 'detail.reasonFor' : 'detail.reasonAgainst', {
                field: t(`feature.${f.feature}`),
                value: wordFor(f),
                times: times(f.effect),
              })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
  return (
    <div className="flex flex-col gap-3">
      <p className="text-[12.5px] text-muted">
        {t('detail.baseRate', { rate: formatPercent(factors.baseRate, lang, 0) })}
      </p>
      <div className="grid grid-cols-2 gap-4">
        {list(reasons.for, 'for')}
        {list(reasons.against, 'against')}
      </div>
    </div>
  );
}
