/**
 * Quality gates 1–3 as checklists (PRODUCT.md §3.1): each gate shows its last
 * review (pass/fail, reviewer, time, notes) and a review form; gates are
 * reviewed in order, so a gate waits, with the reason, until the one before passes.
 */
import { Check, Lock, RotateCcw } from 'lucide-react';
import { Checkbox } from 'radix-ui';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type { AppError, Person } from '../../../../shared/contract';
import {
  GATE_CHECKLISTS,
  type Gate,
  type GateState,
  type ProjectDetail,
  reviewerProblem,
} from '../../../../shared/pipeline';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { errorTitle } from '../../app/i18n';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { cn } from '../../components/cn';
import { controlClass, Field } from '../../components/Field';
import { Select } from '../../components/Select';
import { GateStatusBadge } from './parts';

/** Why the project cannot be delivered yet, one translated line per gate that has not passed. */
export function useBlockerLines(detail: ProjectDetail | null): string[] {
  const { t } = useTranslation('projects');
  if (!detail || detail.deliveryBlockers.length === 0) return [];
  const gates = detail.gates
    .filter((g) => g.passed !== true)
    .map((g) =>
      t(g.passed === false ? 'blockers.failed' : 'blockers.notReviewed', {
        gate: g.gate,
        name: t(`gates.name.${g.gate}`),
      }),
    );
  return detail.stage === 'discovery' ? [t('blockers.inDiscovery'), ...gates] : gates;
}

export function QualityGates({
  project,
  people,
  timeZone,
  today,
  onReviewed,
}: {
  project: ProjectDetail;
  people: Person[];
  timeZone: string | undefined;
  /** People who left before today are not offered as reviewers. */
  today: string;
  onReviewed: (project: ProjectDetail) => void;
}) {
  const closed = project.deliveredAt !== null || project.stage === 'cancelled';
  // The gate to review next: the first that has not passed.
  const current = project.gates.find((g) => g.passed !== true)?.gate ?? null;
  return (
    <div className="flex flex-col gap-3">
      {project.gates.map((g) => {
        const previous = project.gates.find((p) => p.gate === g.gate - 1);
        const locked = previous !== undefined && previous.passed !== true;
        return (
          <GateCard
            // A new review (its time), or the gate becoming the next to review, resets the form.
            key={`${g.gate}-${g.at ?? 'none'}-${current === g.gate}-${locked}`}
            projectId={project.id}
            state={g}
            locked={locked}
            closed={closed}
            current={current === g.gate}
            people={people.filter((p) => p.endDate === null || p.endDate >= today || p.id === g.reviewerId)}
            timeZone={timeZone}
            onReviewed={onReviewed}
          />
        );
      })}
    </div>
  );
}

function GateCard({
  projectId,
  state,
  locked,
  closed,
  current,
  people,
  timeZone,
  onReviewed,
}: {
  projectId: number;
  state: GateState;
  locked: boolean;
  closed: boolean;
  current: boolean;
  people: Person[];
  timeZone: string | undefined;
  onReviewed: (project: ProjectDetail) => void;
}) {
  const { t, i18n } = useTranslation('projects');
  const lang = i18n.language;
  const gate = state.gate;
  const items = GATE_CHECKLISTS[gate] as readonly string[];
  const [open, setOpen] = useState(current && !locked && !closed);
  const [checklist, setChecklist] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(items.map((i) => [i, state.passed === false ? state.checklist[i] === true : false])),
  );
  const [reviewer, setReviewer] = useState(state.reviewerId === null ? '' : String(state.reviewerId));
  const [notes, setNotes] = useState(state.passed === false ? (state.notes ?? '') : '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [tried, setTried] = useState(false);
  const headingId = useId();
  const reviewerId = reviewer === '' || reviewer === 'none' ? null : Number(reviewer);
  // Gates 2 and 3 are a person's review (the same rule the core applies).
  const reviewerRequired = reviewerProblem(gate as Gate, null) !== null;
  const reviewerError =
    tried && reviewerProblem(gate as Gate, reviewerId) !== null ? t('gates.reviewerRequired') : undefined;
  const name = t(`gates.name.${gate}`);
  const ticked = items.filter((i) => checklist[i]).length;
  const willPass = ticked === items.length;

  const submit = async () => {
    setTried(true);
    if (reviewerProblem(gate as Gate, reviewerId) !== null) return;
    setBusy(true);
    setError(null);
    const result = await api.call('projects/reviewGate', {
      projectId,
      gate: gate as Gate,
      reviewerId,
      checklist,
      notes: notes.trim() === '' ? null : notes.trim(),
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const passed = result.value.gates.find((g) => g.gate === gate)?.passed === true;
    if (passed) toast.success(t('gates.toastPassed', { gate, name }));
    else toast.warning(t('gates.toastFailed', { gate, name }), { description: t('gates.toastFailedHint') });
    onReviewed(result.value);
  };

  return (
    <section
      aria-labelledby={headingId}
      data-testid={`gate-${gate}`}
      className={cn(
        'rounded-[10px] border bg-surface',
        state.passed === true
          ? 'border-success-text/25'
          : state.passed === false
            ? 'border-danger-text/30'
            : 'border-line',
      )}
    >
      <header className="flex items-start justify-between gap-3 px-4 pt-3 pb-2">
        <div className="min-w-0">
          <h4 id={headingId} className="text-[13px] font-semibold text-fg">
            {t('gates.title', { gate, name })}
          </h4>
          <p className="mt-0.5 text-[12px] text-muted">
            {state.at
              ? t('gates.lastReview', {
                  result: state.passed ? t('gates.passed') : t('gates.failed'),
                  reviewer: state.reviewerName ?? t('gates.noReviewer'),
                  at: formatDateTime(state.at, lang, timeZone),
                })
              : t(`gates.about.${gate}`)}
          </p>
          {state.at && state.notes ? (
            <p className="mt-1 border-l-2 border-line pl-2 text-[12px] text-muted italic">{state.notes}</p>
          ) : null}
        </div>
        <GateStatusBadge passed={state.passed} />
      </header>

      {closed ? null : locked ? (
        <p className="flex items-center gap-1.5 border-t border-line px-4 py-2.5 text-[12.5px] text-muted">
          <Lock className="size-3.5 shrink-0" aria-hidden="true" />
          {t('gates.locked', { previous: gate - 1, gate })}
        </p>
      ) : !open ? (
        <div className="border-t border-line px-4 py-2">
          <Button size="sm" variant="ghost" icon={<RotateCcw />} onClick={() => setOpen(true)}>
            {state.at ? t('gates.reviewAgain') : t('gates.review')}
          </Button>
        </div>
      ) : (
        <form
          aria-label={t('gates.formLabel', { gate })}
          className="flex flex-col gap-3 border-t border-line px-4 pt-3 pb-3.5"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <fieldset>
            <legend className="mb-1.5 text-[12px] font-medium text-muted">{t('gates.checklist')}</legend>
            <ul className="flex flex-col gap-1.5">
              {items.map((item) => (
                <ChecklistItem
                  key={item}
                  label={t(`gates.items.${item}` as 'gates.items.technical_specs')}
                  checked={checklist[item] === true}
                  onChange={(v) => setChecklist((c) => ({ ...c, [item]: v }))}
                />
              ))}
            </ul>
          </fieldset>
          <div className="grid grid-cols-[minmax(0,220px)_minmax(0,1fr)] gap-3">
            <Field
              label={t('gates.reviewer')}
              error={reviewerError}
              optional={!reviewerRequired}
              optionalLabel={t('optional')}
            >
              {(p) => (
                <Select
                  {...p}
                  value={reviewer}
                  onChange={setReviewer}
                  placeholder={t('gates.reviewerPlaceholder')}
                  options={[
                    ...(reviewerRequired ? [] : [{ value: 'none', label: t('gates.noReviewer') }]),
                    ...people.map((person) => ({ value: String(person.id), label: person.name, hint: person.role })),
                  ]}
                />
              )}
            </Field>
            <Field label={t('gates.notes')} optional optionalLabel={t('optional')}>
              {(p) => (
                <textarea
                  {...p}
                  rows={1}
                  maxLength={1000}
                  value={notes}
                  onChange={(e) => setNotes(e.target.value)}
                  className={cn(controlClass, 'h-8 min-h-8 resize-y py-1.5 leading-snug')}
                />
              )}
            </Field>
          </div>
          {error ? (
            <Banner tone="danger" title={errorTitle(error.code)}>
              {errorText(error)}
            </Banner>
          ) : null}
          <div className="flex items-center justify-between gap-3">
            <p className={cn('text-[12px]', willPass ? 'text-success-text' : 'text-muted')} aria-live="polite">
              {willPass ? t('gates.willPass') : t('gates.willFail', { count: items.length - ticked })}
            </p>
            <div className="flex items-center gap-2">
              {state.at && !current ? (
                <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
                  {t('common.cancel', { ns: 'translation' })}
                </Button>
              ) : null}
              <Button type="submit" size="sm" variant="primary" busy={busy}>
                {t('gates.submit', { gate })}
              </Button>
            </div>
          </div>
        </form>
      )}
    </section>
  );
}

function ChecklistItem({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (value: boolean) => void;
}) {
  const id = useId();
  return (
    <li className="flex items-center gap-2">
      <Checkbox.Root
        id={id}
        checked={checked}
        onCheckedChange={(v) => onChange(v === true)}
        className={cn(
          'grid size-4 shrink-0 place-items-center rounded-[4px] border border-line-strong bg-surface transition-colors duration-150',
          'data-[state=checked]:border-accent data-[state=checked]:bg-accent data-[state=checked]:text-accent-fg',
        )}
      >
        <Checkbox.Indicator>
          <Check className="size-3" strokeWidth={3} aria-hidden="true" />
        </Checkbox.Indicator>
      </Checkbox.Root>
      <label htmlFor={id} className="cursor-pointer text-[13px] text-fg select-none">
        {label}
      </label>
    </li>
  );
}
