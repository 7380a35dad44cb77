/** Small labelled badges of the pipeline. Never colour alone: each carries a word, most an icon. */
import {
  CircleCheck,
  CircleDashed,
  CircleDot,
  CircleX,
  FileText,
  Flame,
  type LucideIcon,
  Snowflake,
  Star,
  Sun,
  UserPen,
} from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadStage } from '../../../../shared/domain';
import { bandOf, type ScoreBand } from '../../../../shared/scoring';
import { formatPercent } from '../../app/format';
import { cn } from '../../components/cn';

export type Tone = 'neutral' | 'success' | 'warning' | 'danger' | 'info' | 'accent';

const TONES: Record<Tone, string> = {
  neutral: 'bg-subtle text-muted border-line',
  success: 'bg-success-soft text-success-text border-success-text/20',
  warning: 'bg-warning-soft text-warning-text border-warning-text/25',
  danger: 'bg-danger-soft text-danger-text border-danger-text/25',
  info: 'bg-info-soft text-info-text border-info-text/20',
  accent: 'bg-accent-soft text-accent-text border-accent-text/20',
};

export function Badge({
  tone = 'neutral',
  icon: Icon,
  children,
  className,
  title,
}: {
  tone?: Tone;
  icon?: LucideIcon;
  children: ReactNode;
  className?: string;
  title?: string;
}) {
  return (
    <span
      title={title}
      className={cn(
        'inline-flex h-5 shrink-0 items-center gap-1 rounded-full border px-1.5 text-[11.5px] font-medium whitespace-nowrap',
        TONES[tone],
        className,
      )}
    >
      {Icon ? <Icon className="size-3 shrink-0" aria-hidden="true" /> : null}
      {children}
    </span>
  );
}

export const BAND_TONE: Record<ScoreBand, Tone> = { cold: 'info', warm: 'warning', hot: 'danger', priority: 'accent' };
const BAND_ICON: Record<ScoreBand, LucideIcon> = { cold: Snowflake, warm: Sun, hot: Flame, priority: Star };

export function BandBadge({ band, className }: { band: ScoreBand; className?: string }) {
  const { t } = useTranslation('pipeline');
  return (
    <Badge tone={BAND_TONE[band]} icon={BAND_ICON[band]} className={className}>
      {t(`band.${band}`)}
    </Badge>
  );
}

/** The score with its band: "72 Hot". */
export function ScoreCell({ score }: { score: number | null }) {
  const { t } = useTranslation('pipeline');
  if (score === null) return <span className="text-faint">{t('notScored')}</span>;
  return (
    <span className="inline-flex items-center justify-end gap-2">
      <span className="font-semibold tabular-nums" data-testid="lead-score">
        {score}
      </span>
      <BandBadge band={bandOf(score)} className="w-[4.75rem] justify-center" />
    </span>
  );
}

const STAGE_TONE: Record<LeadStage, Tone> = {
  new: 'neutral',
  qualified: 'info',
  proposal: 'accent',
  won: 'success',
  lost: 'danger',
};
const STAGE_ICON: Record<LeadStage, LucideIcon> = {
  new: CircleDashed,
  qualified: CircleDot,
  proposal: FileText,
  won: CircleCheck,
  lost: CircleX,
};

export function StageBadge({ stage }: { stage: LeadStage }) {
  const { t } = useTranslation('pipeline');
  return (
    <Badge tone={STAGE_TONE[stage]} icon={STAGE_ICON[stage]}>
      {t(`stage.${stage}`)}
    </Badge>
  );
}

/** The model's probability, and a person's override beside it (both stay visible). */
/** A closed lead's figure is the model's last one, shown faint: its outcome is already known. */
export function ProbabilityCell({
  model,
  override,
  closed,
}: {
  model: number | null;
  override: number | null;
  closed: boolean;
}) {
  const { t, i18n } = useTranslation('pipeline');
  const lang = i18n.language;
  const pct = (p: number) => formatPercent(p, lang, 0);
  return (
    <span className="inline-flex items-center justify-end gap-1.5">
      <span
        className={cn('tabular-nums', closed ? 'text-faint' : override !== null && 'text-muted')}
        data-testid="lead-probability"
        title={closed ? t('probability.closedTitle') : t('probability.modelTitle')}
      >
        {model === null ? '—' : pct(model)}
      </span>
      {override !== null ? (
        <Badge
          tone="accent"
          icon={UserPen}
          className="tabular-nums"
          title={t('probability.overrideTitle', { value: pct(override) })}
        >
          <span data-testid="lead-override">{pct(override)}</span>
          <span className="sr-only">{t('probability.overrideSr')}</span>
        </Badge>
      ) : null}
    </span>
  );
}
