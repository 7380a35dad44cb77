/** Small pieces the board, the table and the detail share: badges, dates, money, the missing-rate note. */
import { CircleCheck, CircleDashed, CircleX, Clock, OctagonAlert, RotateCcw, ShieldCheck } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectStage } from '../../../../shared/domain';
import type { MissingRate } from '../../../../shared/money';
import type { DueRisk } from '../../../../shared/pipeline';
import {
  dateFormat,
  formatDate,
  formatList,
  intlLocale,
  minorToMajor,
  numberFormat,
  withTrueMinus,
} from '../../app/format';
import { cn } from '../../components/cn';
import { Badge, type Tone } from '../../components/StatusBadge';
import { Tip } from '../../components/Tooltip';

const RISK_TONE: Record<DueRisk, Tone> = { on_track: 'info', due_soon: 'warning', overdue: 'danger' };
const RISK_ICON: Record<DueRisk, ReactNode> = {
  on_track: <CircleCheck aria-hidden="true" />,
  due_soon: <Clock aria-hidden="true" />,
  overdue: <OctagonAlert aria-hidden="true" />,
};

/** "On track" / "Due soon" / "Overdue": a word, an icon and a colour. */
export function RiskBadge({ risk }: { risk: DueRisk }) {
  const { t } = useTranslation('projects');
  return (
    <Badge tone={RISK_TONE[risk]} icon={RISK_ICON[risk]} testId="risk-badge">
      {t(`risk.${risk}`)}
    </Badge>
  );
}

const STAGE_TONE: Partial<Record<ProjectStage, Tone>> = {
  revision: 'warning',
  final_delivery: 'accent',
  invoiced: 'accent',
  paid: 'success',
  cancelled: 'neutral',
};

export function StageBadge({ stage }: { stage: ProjectStage }) {
  const { t } = useTranslation('projects');
  return <Badge tone={STAGE_TONE[stage] ?? 'neutral'}>{t(`stage.${stage}`)}</Badge>;
}

/** Gates passed of three, with a shield; the words for screen readers and on hover. */
export function GatesChip({ passed }: { passed: number }) {
  const { t } = useTranslation('projects');
  const label = t('card.gates', { count: passed });
  return (
    <Tip label={label}>
      <span
        className={cn(
          'inline-flex items-center gap-1 text-[11.5px] tabular-nums',
          passed === 3 ? 'text-success-text' : 'text-muted',
        )}
      >
        <ShieldCheck className="size-3.5" aria-hidden="true" />
        <span aria-hidden="true">{t('card.gatesShort', { passed })}</span>
        <span className="sr-only">{label}</span>
      </span>
    </Tip>
  );
}

export function RevisionsChip({ count }: { count: number }) {
  const { t } = useTranslation('projects');
  const label = t('card.revisions', { count });
  return (
    <Tip label={label}>
      <span
        className={cn(
          'inline-flex items-center gap-1 text-[11.5px] tabular-nums',
          count > 0 ? 'text-warning-text' : 'text-muted',
        )}
      >
        <RotateCcw className="size-3.5" aria-hidden="true" />
        <span aria-hidden="true">{count}</span>
        <span className="sr-only">{label}</span>
      </span>
    </Tip>
  );
}

/** A gate's state from its newest review: passed, failed, or not reviewed. */
export function GateStatusBadge({ passed }: { passed: boolean | null }) {
  const { t } = useTranslation('projects');
  if (passed === true)
    return (
      <Badge tone="success" icon={<CircleCheck aria-hidden="true" />}>
        {t('gates.passed')}
      </Badge>
    );
  if (passed === false)
    return (
      <Badge tone="danger" icon={<CircleX aria-hidden="true" />}>
        {t('gates.failed')}
      </Badge>
    );
  return (
    <Badge icon={<CircleDashed aria-hidden="true" />}>
      <span>{t('gates.notReviewed')}</span>
    </Badge>
  );
}

/** "Nov 21" in the given year, "Nov 21, 2025" otherwise. */
export function shortDate(iso: string, year: string, lang: string): string {
  const opts: Intl.DateTimeFormatOptions =
    iso.slice(0, 4) === year
      ? { month: 'short', day: 'numeric', timeZone: 'UTC' }
      : { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' };
  return dateFormat(intlLocale(lang), opts).format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));
}

/** Money without cents ("$14,383"), compact from 100k up ("$1.4M"): column totals. */
export function headerMoney(minor: number, currency: string, lang: string): string {
  const major = minorToMajor(minor, currency);
  const compact = Math.abs(major) >= 100_000;
  const format = numberFormat(intlLocale(lang), {
    style: 'currency',
    currency,
    ...(compact ? { notation: 'compact', maximumFractionDigits: 1 } : { maximumFractionDigits: 0 }),
  });
  return withTrueMinus(format, major);
}

/** "EUR rate missing on or before Nov 3, 2026", for every rate a figure needed. */
export function useMissingRatesNote(rates: MissingRate[]): string | null {
  const { t, i18n } = useTranslation('projects');
  if (rates.length === 0) return null;
  return formatList(
    rates.map((r) => t('missingRate', { currency: r.currency, date: formatDate(r.date, i18n.language) })),
    i18n.language,
  );
}

/** "—" for a figure that cannot be computed, with the reason on hover and for screen readers. */
export function Dash({ reason }: { reason: string }) {
  return (
    <Tip label={reason}>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the reason must be reachable by keyboard. */}
      <span tabIndex={0} className="cursor-help text-faint">
        —<span className="sr-only"> {reason}</span>
      </span>
    </Tip>
  );
}
