/**
 * Settings → Scoring. The rule score's weights (points per factor, which must
 * total 100, and each option's share of them) with a live preview of how many
 * leads would change band; saving rescores every lead as a job with progress
 * and Cancel. Below, the win-probability model's honest quality on held-out
 * leads: AUC, Brier score and a calibration chart, with Retrain and Rescore.
 */
import {
  ArrowDown,
  ArrowRight,
  ArrowUp,
  CircleCheck,
  RefreshCw,
  RotateCcw,
  Sparkles,
  TriangleAlert,
  X,
} from 'lucide-react';
import { type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type { AppError } from '../../../../shared/contract';
import { LEAD_CHANNELS, VERTICALS } from '../../../../shared/domain';
import type { ScoringPreview, ScoringSettings } from '../../../../shared/leads';
import { previewWeightsSchema } from '../../../../shared/leads-schemas';
import {
  AUTHORITIES,
  NEEDS,
  SCORE_BANDS,
  SCORE_FACTORS,
  type ScoreBand,
  type ScoreFactor,
  type ScoringWeights,
  TIMELINES,
} from '../../../../shared/scoring';
import { toastError } from '../../app/actions';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import {
  formatDateTime,
  formatNumber,
  formatPercent,
  formatSignedNumber,
  numberForInput,
  parseDecimal,
} from '../../app/format';
import { errorTitle } from '../../app/i18n';
import { useLeaveGuard } from '../../app/leaveGuard';
import { useApp } from '../../app/store';
import { useApiQuery } from '../../app/useApi';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Card, CardHeader } from '../../components/Card';
import { cn } from '../../components/cn';
import { ConfirmDialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { UnitInput } from '../../components/Field';
import { SkeletonBlock } from '../../components/Skeleton';
import { BandBadge } from './badges';
import { CalibrationChart } from './CalibrationChart';
import { cancelScoringJob, dismissScoringJob, runScoringJob, useScoringJob } from './scoringJob';
import { useLeadForm } from './validation';

const PREVIEW_DELAY_MS = 400;

/** The option groups whose shares can be edited, with their options in display order. */
const SHARE_GROUPS = {
  timeline: [...TIMELINES, 'unknown'],
  authority: [...AUTHORITIES, 'unknown'],
  need: [...NEEDS, 'unknown'],
  vertical: VERTICALS,
  channel: LEAD_CHANNELS,
} as const;
type ShareGroup = keyof typeof SHARE_GROUPS;

interface Draft {
  points: Record<ScoreFactor, string>;
  /** Shares as percent text (0–100), per group and option. */
  shares: Record<ShareGroup, Record<string, string>>;
  budgetUnknown: string;
  halfLifeDays: string;
  fullTouches: string;
}

function toDraft(w: ScoringWeights, lang: string): Draft {
  const pct = (share: number) => numberForInput(Math.round(share * 1000) / 10, lang);
  return {
    points: Object.fromEntries(SCORE_FACTORS.map((f) => [f, String(w.points[f])])) as Record<ScoreFactor, string>,
    shares: Object.fromEntries(
      (Object.keys(SHARE_GROUPS) as ShareGroup[]).map((g) => [
        g,
        Object.fromEntries(SHARE_GROUPS[g].map((o) => [o, pct((w[g] as Record<string, number>)[o] ?? 0)])),
      ]),
    ) as Draft['shares'],
    budgetUnknown: pct(w.budget.unknown),
    halfLifeDays: numberForInput(w.engagement.halfLifeDays, lang),
    fullTouches: String(w.engagement.fullTouches),
  };
}

function toWeights(d: Draft, lang: string): ScoringWeights {
  const num = (text: string) => parseDecimal(text, lang) ?? Number.NaN;
  const share = (text: string) => {
    const n = num(text);
    return Number.isNaN(n) ? n : Math.round(n * 10) / 1000;
  };
  return {
    points: Object.fromEntries(SCORE_FACTORS.map((f) => [f, num(d.points[f])])) as ScoringWeights['points'],
    budget: { unknown: share(d.budgetUnknown) },
    ...(Object.fromEntries(
      (Object.keys(SHARE_GROUPS) as ShareGroup[]).map((g) => [
        g,
        Object.fromEntries(SHARE_GROUPS[g].map((o) => [o, share(d.shares[g][o] ?? '')])),
      ]),
    ) as Pick<ScoringWeights, ShareGroup>),
    engagement: { halfLifeDays: num(d.halfLifeDays), fullTouches: num(d.fullTouches) },
  };
}

/** JSON with sorted keys, so two weights compare equal whatever order their keys were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

export function ScoringTab() {
  const { t } = useTranslation('pipeline');
  const settings = useApiQuery('scoring/get', {});
  if (settings.status === 'error') return <ErrorState error={settings.error} onRetry={settings.reload} />;
  if (!settings.data) return <SkeletonBlock lines={10} />;
  return (
    <div className="flex flex-col gap-5" data-testid="scoring-tab">
      <p className="text-[13px] text-muted">{t('scoring.intro')}</p>
      <WeightsEditor key={canonical(settings.data.weights)} settings={settings.data} />
      <ModelCard settings={settings.data} onChanged={settings.reload} />
    </div>
  );
}

// ---------- weights ----------

function WeightsEditor({ settings }: { settings: ScoringSettings }) {
  const { t, i18n } = useTranslation('pipeline');
  const lang = i18n.language;
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings.weights, lang));
  const weights = useMemo(() => toWeights(draft, lang), [draft, lang]);
  const input = useMemo(() => ({ weights }), [weights]);
  const v = useLeadForm(previewWeightsSchema, input);
  const saved = useMemo(() => canonical(settings.weights), [settings.weights]);
  const dirty = canonical(weights) !== saved;
  const atDefaults = saved === canonical(settings.defaults);
  const [confirmReset, setConfirmReset] = useState(false);
  const job = useScoringJob((s) => s.job);
  const busy = job.status === 'starting' || job.status === 'running';
  const rootRef = useRef<HTMLDivElement>(null);
  useLeaveGuard(dirty && !busy, rootRef);

  // Every problem shows at once in this editor: the numbers are all there from the start.
  useEffect(() => v.attempt(''), [v.attempt]);

  const total = SCORE_FACTORS.reduce((sum, f) => sum + (Number.isFinite(weights.points[f]) ? weights.points[f] : 0), 0);

  /** How many of these fields hold a value to fix (a closed group says so on its summary line). */
  const problems = (paths: readonly string[]) => paths.filter((path) => v.errorFor(path)).length;

  const setPoints = (f: ScoreFactor, text: string) => setDraft((d) => ({ ...d, points: { ...d.points, [f]: text } }));
  const setShare = (g: ShareGroup, o: string, text: string) =>
    setDraft((d) => ({ ...d, shares: { ...d.shares, [g]: { ...d.shares[g], [o]: text } } }));

  const save = async () => {
    if (!v.valid) return;
    const error = await runScoringJob('weights', () => api.call('scoring/setWeights', { weights }));
    if (error) toastError(error);
  };

  return (
    <Card ref={rootRef}>
      <CardHeader
        title={t('scoring.weights.title')}
        description={t('scoring.weights.description')}
        actions={
          <Button
            size="sm"
            icon={<RotateCcw />}
            disabled={busy || (atDefaults && !dirty)}
            onClick={() => setConfirmReset(true)}
          >
            {t('scoring.weights.reset')}
          </Button>
        }
      />
      <div className="grid grid-cols-1 gap-6 p-5 lg:grid-cols-[minmax(0,1fr)_300px]">
        <div className="flex min-w-0 flex-col gap-5">
          <PointsTable draft={draft} weights={weights} total={total} errorFor={v.errorFor} onChange={setPoints} />
          <div className="flex flex-col gap-2">
            <h3 className="text-[13px] font-semibold text-fg">{t('scoring.shares.title')}</h3>
            <p className="text-[12.5px] text-muted">{t('scoring.shares.description')}</p>
            <ShareDetails
              title={t('factor.budget')}
              summary={t('scoring.shares.budgetSummary')}
              problems={problems(['weights.budget.unknown'])}
            >
              <ShareInput
                label={t('scoring.shares.budgetUnknown')}
                value={draft.budgetUnknown}
                error={v.errorFor('weights.budget.unknown')}
                onChange={(text) => setDraft((d) => ({ ...d, budgetUnknown: text }))}
              />
            </ShareDetails>
            {(Object.keys(SHARE_GROUPS) as ShareGroup[]).map((g) => (
              <ShareDetails
                key={g}
                title={t(`factor.${g}`)}
                summary={t(`scoring.shares.summary.${g}`)}
                problems={problems(SHARE_GROUPS[g].map((o) => `weights.${g}.${o}`))}
              >
                {SHARE_GROUPS[g].map((o) => (
                  <ShareInput
                    key={o}
                    label={o === 'unknown' ? t('form.notKnown') : t(`${g}.${o}` as 'channel.email')}
                    value={draft.shares[g][o] ?? ''}
                    error={v.errorFor(`weights.${g}.${o}`)}
                    onChange={(text) => setShare(g, o, text)}
                  />
                ))}
              </ShareDetails>
            ))}
            <ShareDetails
              title={t('factor.engagement')}
              summary={t('scoring.shares.engagementSummary')}
              problems={problems(['weights.engagement.halfLifeDays', 'weights.engagement.fullTouches'])}
            >
              <NumberField
                label={t('scoring.shares.halfLife')}
                unit={t('scoring.shares.days')}
                value={draft.halfLifeDays}
                error={v.errorFor('weights.engagement.halfLifeDays')}
                onChange={(text) => setDraft((d) => ({ ...d, halfLifeDays: text }))}
              />
              <NumberField
                label={t('scoring.shares.fullTouches')}
                unit={t('scoring.shares.touches')}
                value={draft.fullTouches}
                error={v.errorFor('weights.engagement.fullTouches')}
                onChange={(text) => setDraft((d) => ({ ...d, fullTouches: text }))}
              />
            </ShareDetails>
          </div>
        </div>
        <aside className="flex flex-col gap-4 lg:sticky lg:top-4 lg:self-start" aria-label={t('scoring.preview.title')}>
          <PreviewPanel weights={weights} valid={v.valid} dirty={dirty} />
          <JobArea />
          <div className="flex flex-wrap justify-end gap-2">
            <Button disabled={!dirty || busy} onClick={() => setDraft(toDraft(settings.weights, lang))}>
              {t('scoring.weights.discard')}
            </Button>
            <Button variant="primary" disabled={!dirty || !v.valid} busy={busy} onClick={() => void save()}>
              {t('scoring.weights.save')}
            </Button>
          </div>
        </aside>
      </div>
      <ConfirmDialog
        open={confirmReset}
        onOpenChange={setConfirmReset}
        title={t('scoring.weights.resetTitle')}
        description={t('scoring.weights.resetDescription')}
        confirmLabel={t('scoring.weights.resetConfirm')}
        destructive={false}
        onConfirm={async () => {
          const error = await runScoringJob(
            'weights',
            () => api.call('scoring/setWeights', { weights: null }),
            atDefaults ? undefined : settings.weights,
          );
          // Saved weights already at the defaults keep this editor mounted: its unsaved edits go too.
          if (!error) setDraft(toDraft(settings.defaults, lang));
          return error;
        }}
      />
    </Card>
  );
}

function PointsTable({
  draft,
  weights,
  total,
  errorFor,
  onChange,
}: {
  draft: Draft;
  weights: ScoringWeights;
  total: number;
  errorFor: (path: string) => string | undefined;
  onChange: (f: ScoreFactor, text: string) => void;
}) {
  const { t, i18n } = useTranslation('pipeline');
  const lang = i18n.language;
  const ok = total === 100;
  const totalError = errorFor('weights.points');
  return (
    <div>
      <table
        className="w-full border-separate border-spacing-0 text-[13px]"
        aria-label={t('scoring.weights.tableLabel')}
      >
        <thead>
          <tr>
            <th scope="col" className="border-b border-line pb-2 text-left text-[12px] font-medium text-muted">
              {t('scoring.weights.factor')}
            </th>
            <th
              scope="col"
              className="w-[20%] border-b border-line pb-2 text-left text-[12px] font-medium text-muted xl:w-[36%]"
            >
              <span className="sr-only">{t('scoring.weights.share')}</span>
            </th>
            <th scope="col" className="w-28 border-b border-line pb-2 text-right text-[12px] font-medium text-muted">
              {t('scoring.weights.points')}
            </th>
          </tr>
        </thead>
        <tbody>
          {SCORE_FACTORS.map((f) => {
            const points = weights.points[f];
            const error = errorFor(`weights.points.${f}`);
            return (
              <tr key={f}>
                <td className="border-b border-line py-2 pr-3 align-middle">
                  <p className="font-medium text-fg">{t(`factor.${f}`)}</p>
                  <p className="text-[12px] text-muted">{t(`factorHint.${f}`)}</p>
                  {error ? (
                    <p className="mt-0.5 text-[12px] text-danger-text" data-testid="field-error">
                      {error}
                    </p>
                  ) : null}
                </td>
                <td className="border-b border-line py-2 pr-3 align-middle">
                  <span className="block h-1.5 overflow-hidden rounded-full bg-subtle" aria-hidden="true">
                    <span
                      className="block h-full rounded-full bg-accent transition-[width] duration-150"
                      style={{ width: `${Number.isFinite(points) ? Math.max(0, Math.min(100, points)) : 0}%` }}
                    />
                  </span>
                </td>
                <td className="border-b border-line py-2 align-middle">
                  <UnitInput
                    unit={t('scoring.weights.pts')}
                    inputMode="numeric"
                    aria-label={t('scoring.weights.pointsFor', { factor: t(`factor.${f}`) })}
                    aria-invalid={error ? true : undefined}
                    value={draft.points[f]}
                    onChange={(e) => onChange(f, e.target.value)}
                    className="ml-auto w-24"
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2} className="pt-2.5 text-left text-[13px] font-semibold text-fg">
              {t('scoring.weights.total')}
            </th>
            <td className="pt-2.5 text-right">
              <span
                data-testid="points-total"
                aria-live="polite"
                className={cn(
                  'inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-[12.5px] font-semibold tabular-nums',
                  ok
                    ? 'border-success-text/20 bg-success-soft text-success-text'
                    : 'border-warning-text/25 bg-warning-soft text-warning-text',
                )}
              >
                {ok ? (
                  <CircleCheck className="size-3.5" aria-hidden="true" />
                ) : (
                  <TriangleAlert className="size-3.5" aria-hidden="true" />
                )}
                {/* As typed, so it and "Add 12.5 points" make 100 even while a field is not yet whole. */}
                {t('scoring.weights.totalOf', { total: formatNumber(total, lang, 2) })}
              </span>
            </td>
          </tr>
        </tfoot>
      </table>
      {ok ? null : (
        <p className="mt-2 text-right text-[12.5px] text-warning-text" role="status">
          {total < 100
            ? t('scoring.weights.add', { count: 100 - total, n: formatNumber(100 - total, lang, 2) })
            : t('scoring.weights.remove', { count: total - 100, n: formatNumber(total - 100, lang, 2) })}
          {totalError && !/\d/.test(totalError) ? ` ${totalError}` : null}
        </p>
      )}
    </div>
  );
}

function ShareDetails({
  title,
  summary,
  problems,
  children,
}: {
  title: string;
  summary: string;
  /** Values to fix inside: said on the summary line, so a closed group does not hide them. */
  problems: number;
  children: ReactNode;
}) {
  const { t } = useTranslation('pipeline');
  return (
    <details
      className={cn(
        'group rounded-[10px] border open:bg-subtle/30',
        problems > 0 ? 'border-danger-text/40' : 'border-line',
      )}
    >
      <summary className="flex cursor-pointer list-none items-center justify-between gap-3 rounded-[10px] px-3.5 py-2.5 text-[13px] hover:bg-hover [&::-webkit-details-marker]:hidden">
        <span className="font-medium text-fg">{title}</span>
        {problems > 0 ? (
          <span
            className="inline-flex items-center gap-1 truncate text-[12px] text-danger-text"
            data-testid="share-problems"
          >
            <TriangleAlert className="size-3.5 shrink-0" aria-hidden="true" />
            {t('scoring.shares.toFix', { count: problems })}
          </span>
        ) : (
          <span className="truncate text-[12px] text-muted">{summary}</span>
        )}
      </summary>
      <div className="grid grid-cols-1 gap-x-5 gap-y-2.5 border-t border-line px-3.5 py-3 sm:grid-cols-2">
        {children}
      </div>
    </details>
  );
}

function ShareInput({
  label,
  value,
  error,
  onChange,
}: {
  label: string;
  value: string;
  error: string | undefined;
  onChange: (text: string) => void;
}) {
  return <NumberField label={label} unit="%" value={value} error={error} onChange={onChange} />;
}

function NumberField({
  label,
  unit,
  value,
  error,
  onChange,
}: {
  label: string;
  unit: string;
  value: string;
  error: string | undefined;
  onChange: (text: string) => void;
}) {
  const id = useId();
  return (
    <div className="min-w-0">
      <div className="flex items-center justify-between gap-3">
        <label htmlFor={id} className="min-w-0 truncate text-[12.5px] text-fg">
          {label}
        </label>
        <UnitInput
          id={id}
          unit={unit}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onChange(e.target.value)}
          className="w-28 shrink-0"
        />
      </div>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-right text-[12px] text-danger-text" data-testid="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

// ---------- preview ----------

function PreviewPanel({ weights, valid, dirty }: { weights: ScoringWeights; valid: boolean; dirty: boolean }) {
  const { t, i18n } = useTranslation('pipeline');
  const lang = i18n.language;
  const [preview, setPreview] = useState<ScoringPreview | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const key = JSON.stringify(weights);

  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for the weights.
  useEffect(() => {
    if (!valid || !dirty) {
      setLoading(false);
      return;
    }
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      void api.call('scoring/preview', { weights }).then((result) => {
        if (!live) return;
        setLoading(false);
        if (result.ok) {
          setPreview(result.value);
          setError(null);
        } else setError(result.error);
      });
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, valid, dirty]);

  const n = (v: number) => formatNumber(v, lang, 0);
  let body: ReactNode;
  if (!dirty) body = <p className="text-[12.5px] text-muted">{t('scoring.preview.unchanged')}</p>;
  else if (!valid) body = <p className="text-[12.5px] text-warning-text">{t('scoring.preview.invalid')}</p>;
  else if (error)
    body = (
      <p className="text-[12.5px] text-danger-text" role="alert">
        {errorText(error)}
      </p>
    );
  else if (!preview) body = <SkeletonBlock lines={3} />;
  else if (preview.leads === 0)
    body = (
      <p className="text-[12.5px] text-muted" data-testid="preview-no-leads">
        {t('scoring.preview.noLeads')}
      </p>
    );
  else
    body = (
      <div className={cn('flex flex-col gap-3 transition-opacity duration-150', loading && 'opacity-60')}>
        <p className="text-[13px] text-fg" data-testid="preview-moved">
          {t('scoring.preview.moved', { count: preview.moved, n: n(preview.moved), leads: n(preview.leads) })}
        </p>
        <div className="flex gap-4 text-[12.5px]">
          <span className="inline-flex items-center gap-1 text-success-text" data-testid="preview-up">
            <ArrowUp className="size-3.5" aria-hidden="true" />
            {t('scoring.preview.up', { count: preview.up, n: n(preview.up) })}
          </span>
          <span className="inline-flex items-center gap-1 text-danger-text" data-testid="preview-down">
            <ArrowDown className="size-3.5" aria-hidden="true" />
            {t('scoring.preview.down', { count: preview.down, n: n(preview.down) })}
          </span>
        </div>
        <table className="w-full text-[12.5px]" aria-label={t('scoring.preview.bandsLabel')}>
          <thead className="sr-only">
            <tr>
              <th scope="col">{t('scoring.preview.band')}</th>
              <th scope="col">{t('scoring.preview.before')}</th>
              <th scope="col">{t('scoring.preview.after')}</th>
              <th scope="col">{t('scoring.preview.change')}</th>
            </tr>
          </thead>
          <tbody>
            {[...SCORE_BANDS].reverse().map(({ key: band }) => {
              const before = preview.before[band as ScoreBand];
              const after = preview.after[band as ScoreBand];
              return (
                <tr key={band} data-testid={`preview-band-${band}`}>
                  <th scope="row" className="py-1 text-left font-normal">
                    <BandBadge band={band as ScoreBand} />
                  </th>
                  <td className="py-1 text-right text-muted tabular-nums">{n(before)}</td>
                  <td className="w-6 py-1 text-center text-faint" aria-hidden="true">
                    <ArrowRight className="inline size-3" />
                  </td>
                  <td className="py-1 text-right font-medium text-fg tabular-nums">{n(after)}</td>
                  <td className="w-12 py-1 text-right text-[12px] text-muted tabular-nums">
                    {after === before ? '' : formatSignedNumber(after - before, lang, 0)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {preview.sampled ? (
          <p className="text-[12px] text-faint">{t('scoring.preview.sampled', { n: n(preview.leads) })}</p>
        ) : null}
      </div>
    );

  return (
    <section
      className="rounded-[10px] border border-line p-4"
      aria-labelledby="scoring-preview-title"
      aria-busy={loading || undefined}
      data-testid="scoring-preview"
    >
      <h3 id="scoring-preview-title" className="mb-2.5 flex items-center gap-1.5 text-[13px] font-semibold text-fg">
        <Sparkles className="size-4 text-accent-text" aria-hidden="true" />
        {t('scoring.preview.title')}
      </h3>
      {body}
    </section>
  );
}

// ---------- the rescoring job ----------

/**
 * The job's panel, holding the keyboard when it would be lost: saving or resetting disables the
 * button that had focus (and then the editor is rebuilt with the saved weights), which dropped the
 * focus to the page's top. The panel's first enabled button takes it: Cancel, Undo reset or Dismiss.
 */
function JobArea() {
  const status = useScoringJob((s) => s.job.status);
  const area = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new status renders other buttons.
  useEffect(() => {
    const active = document.activeElement;
    if (!area.current || (active && active !== document.body)) return;
    (area.current.querySelector<HTMLElement>('button:not(:disabled)') ?? area.current).focus();
  }, [status]);
  if (status === 'idle') return null;
  return (
    <div ref={area} tabIndex={-1} className="rounded-[10px] focus:outline-none">
      <JobPanel />
    </div>
  );
}

function JobPanel() {
  const { t, i18n } = useTranslation('pipeline');
  const lang = i18n.language;
  const job = useScoringJob((s) => s.job);
  const n = (v: number) => formatNumber(v, lang, 0);
  if (job.status === 'idle') return null;

  if (job.status === 'failed')
    return (
      <Banner
        tone="danger"
        title={errorTitle(job.error.code)}
        actions={
          <Button size="sm" onClick={dismissScoringJob}>
            {t('common.dismiss', { ns: 'translation' })}
          </Button>
        }
      >
        {errorText(job.error)}
      </Banner>
    );
  if (job.status === 'done') {
    const previous = job.undo;
    return (
      <Banner
        tone="success"
        role="status"
        title={t('scoring.job.done', { count: job.outcome.leads, n: n(job.outcome.leads) })}
        actions={
          <Button
            size="icon-sm"
            variant="ghost"
            aria-label={t('common.dismiss', { ns: 'translation' })}
            onClick={dismissScoringJob}
          >
            <X />
          </Button>
        }
      >
        <span data-testid="rescore-done">
          {t('scoring.job.bands', {
            priority: n(job.outcome.bands.priority),
            hot: n(job.outcome.bands.hot),
            warm: n(job.outcome.bands.warm),
            cold: n(job.outcome.bands.cold),
          })}
        </span>
        {previous ? (
          <span className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1">
            {t('scoring.job.resetDone')}
            <Button
              size="sm"
              onClick={() =>
                void runScoringJob('weights', () => api.call('scoring/setWeights', { weights: previous })).then(
                  (error) => {
                    if (error) toastError(error);
                  },
                )
              }
            >
              {t('scoring.job.undoReset')}
            </Button>
          </span>
        ) : null}
      </Banner>
    );
  }
  if (job.status === 'cancelled')
    return (
      <Banner
        tone="warning"
        role="status"
        title={t('scoring.job.cancelled')}
        actions={
          <Button
            size="icon-sm"
            variant="ghost"
            aria-label={t('common.dismiss', { ns: 'translation' })}
            onClick={dismissScoringJob}
          >
            <X />
          </Button>
        }
      >
        {job.reason === 'weights' ? t('scoring.job.cancelledWeights') : t('scoring.job.cancelledRescore')}
      </Banner>
    );

  const progress = job.status === 'running' ? job.progress : null;
  const fraction = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  const cancelling = job.status === 'running' && job.cancelling;
  return (
    <div className="flex flex-col gap-2.5 rounded-[10px] border border-line p-4" data-testid="rescore-progress">
      <div className="flex items-baseline justify-between gap-3 text-[13px]">
        <span className="font-medium text-fg" aria-live="polite">
          {cancelling
            ? t('scoring.job.cancelling')
            : progress
              ? t('scoring.job.progress', { done: n(progress.done), total: n(progress.total) })
              : t('scoring.job.starting')}
        </span>
        <span className="text-muted tabular-nums">{formatPercent(fraction, lang, 0)}</span>
      </div>
      <div
        role="progressbar"
        aria-label={t('scoring.job.label')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
        className="h-2 overflow-hidden rounded-full bg-subtle"
      >
        <div
          className="h-full rounded-full bg-accent transition-[width] duration-150"
          style={{ width: `${Math.max(2, fraction * 100)}%` }}
        />
      </div>
      <div className="flex justify-end">
        <Button
          size="sm"
          icon={<X />}
          disabled={job.status !== 'running' || cancelling}
          onClick={() =>
            void cancelScoringJob().then((error) => {
              if (error) toastError(error);
            })
          }
        >
          {t('common.cancel', { ns: 'translation' })}
        </Button>
      </div>
    </div>
  );
}

// ---------- the model ----------

function Tile({ label, value, hint, testId }: { label: string; value: ReactNode; hint: string; testId?: string }) {
  return (
    <div className="min-w-0 rounded-[10px] border border-line px-3.5 py-3">
      <dt className="text-[12px] text-muted">{label}</dt>
      <dd className="mt-1 text-[24px] leading-none font-semibold text-fg tabular-nums" data-testid={testId}>
        {value}
      </dd>
      <dd className="mt-1.5 text-[12px] leading-snug text-faint">{hint}</dd>
    </div>
  );
}

function ModelCard({ settings, onChanged }: { settings: ScoringSettings; onChanged: () => void }) {
  const { t, i18n } = useTranslation('pipeline');
  const lang = i18n.language;
  const timeZone = useApp((s) => s.settings?.timeZone);
  const [retraining, setRetraining] = useState(false);
  const job = useScoringJob((s) => s.job);
  const busy = job.status === 'starting' || job.status === 'running';
  // A model trained on no closed lead has nothing to show (its measures are blanks): still "No model yet".
  const model = settings.model && settings.model.examples > 0 ? settings.model : null;
  const n = (v: number) => formatNumber(v, lang, 0);

  const retrain = async () => {
    setRetraining(true);
    const result = await api.call('scoring/retrain', {});
    setRetraining(false);
    if (!result.ok) {
      toastError(result.error);
      return;
    }
    const auc = result.value.quality.auc;
    if (result.value.examples === 0) {
      toast(t('scoring.model.retrainedNothing'));
      onChanged();
      return;
    }
    toast.success(t('scoring.model.retrained'), {
      description:
        auc === null
          ? t('scoring.model.retrainedNoAuc', { n: n(result.value.examples) })
          : t('scoring.model.retrainedAuc', { auc: formatNumber(auc, lang, 2), n: n(result.value.examples) }),
    });
    onChanged();
  };

  const rescore = async () => {
    const error = await runScoringJob('rescore', () => api.call('scoring/rescore', { retrain: false }));
    if (error) toastError(error);
  };

  return (
    <Card data-testid="model-card">
      <CardHeader
        title={t('scoring.model.title')}
        description={
          model
            ? t('scoring.model.trained', {
                date: formatDateTime(model.trainedAt, lang, timeZone),
                n: n(model.examples),
              })
            : t('scoring.model.description')
        }
        actions={
          <>
            <Button size="sm" icon={<RefreshCw />} busy={retraining} disabled={busy} onClick={() => void retrain()}>
              {t('scoring.model.retrain')}
            </Button>
            <Button size="sm" disabled={busy || retraining} onClick={() => void rescore()}>
              {t('scoring.model.rescore')}
            </Button>
          </>
        }
      />
      {!model ? (
        <EmptyState
          icon={Sparkles}
          titleLevel={3}
          title={t('scoring.model.emptyTitle')}
          description={t('scoring.model.emptyDescription')}
        />
      ) : (
        <div className="grid grid-cols-1 gap-5 p-5 lg:grid-cols-[260px_minmax(0,1fr)]">
          <dl className="grid grid-cols-1 gap-3">
            <Tile
              label={t('scoring.model.auc')}
              value={model.quality.auc === null ? '—' : formatNumber(model.quality.auc, lang, 2)}
              hint={model.quality.auc === null ? t('scoring.model.aucMissing') : t('scoring.model.aucHint')}
              testId="model-auc"
            />
            <Tile
              label={t('scoring.model.brier')}
              value={model.quality.brier === null ? '—' : formatNumber(model.quality.brier, lang, 3)}
              hint={model.quality.brier === null ? t('scoring.model.brierMissing') : t('scoring.model.brierHint')}
              testId="model-brier"
            />
            <Tile
              label={t('scoring.model.heldOut')}
              value={n(model.quality.heldOut)}
              hint={
                model.examples > model.quality.heldOut + model.quality.trainedOn
                  ? `${t('scoring.model.heldOutHint', { n: n(model.quality.trainedOn) })} ${t(
                      'scoring.model.measuredBefore',
                      { count: model.examples - model.quality.heldOut - model.quality.trainedOn },
                    )}`
                  : t('scoring.model.heldOutHint', { n: n(model.quality.trainedOn) })
              }
              testId="model-heldout"
            />
          </dl>
          <div className="min-w-0">
            <h3 className="text-[13px] font-semibold text-fg">{t('scoring.model.calibration')}</h3>
            <p className="mb-2 text-[12.5px] text-muted">{t('scoring.model.calibrationHint')}</p>
            <CalibrationChart bins={model.quality.calibration} heldOut={model.quality.heldOut} />
          </div>
        </div>
      )}
    </Card>
  );
}
