import { ArrowLeft, ArrowRight, Check, TowerControl } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type { AppError } from '../../../../shared/contract';
import { onboardingSchema } from '../../../../shared/schemas';
import { refreshWorkspace } from '../../app/actions';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { errorTitle } from '../../app/i18n';
import { LanguageMenu } from '../../app/shell/LanguageMenu';
import { ThemeMenu } from '../../app/shell/ThemeMenu';
import { useFieldErrors } from '../../app/validation';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { cn } from '../../components/cn';
import { defaultDraft, type OnboardingDraft, STEP_PREFIXES, STEPS, stepOfPath, toInput } from './drafts';
import { StepHubs } from './StepHubs';
import { StepPeople } from './StepPeople';
import { StepRegion, StepWorkspace } from './StepWorkspace';

export type FieldApi = ReturnType<typeof useFieldErrors>;

/** Start empty: name, currency and zone, hubs, first people → one transaction. */
export function OnboardingWizard({ onCancel }: { onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<OnboardingDraft>(defaultDraft);
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<AppError | null>(null);
  const input = toInput(draft, i18n.language);
  const v = useFieldErrors(onboardingSchema, input);

  const stepHasErrors = (i: number) => Object.keys(v.errors).some((p) => stepOfPath(p) === i);
  const update = (patch: Partial<OnboardingDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const next = () => {
    v.attempt(...(STEP_PREFIXES[step] ?? []));
    if (!stepHasErrors(step)) setStep((s) => s + 1);
  };

  const submit = async () => {
    v.attempt('');
    const firstBad = STEPS.findIndex((_, i) => stepHasErrors(i));
    if (firstBad >= 0) {
      setStep(firstBad);
      return;
    }
    setBusy(true);
    setServerError(null);
    const result = await api.call('workspace/createEmpty', input);
    setBusy(false);
    if (!result.ok) {
      if (result.error.field) {
        v.setServerError(result.error.field, errorText(result.error));
        setStep(stepOfPath(result.error.field));
      } else {
        setServerError(result.error);
      }
      return;
    }
    toast.success(t('toast.workspaceCreated', { name: result.value.name }));
    await refreshWorkspace();
  };

  const last = step === STEPS.length - 1;
  const stepProps = { draft, update, v };

  return (
    <div className="flex h-full flex-col overflow-y-auto">
      <div className="flex items-center justify-between gap-2 px-4 py-3">
        <Button variant="ghost" icon={<ArrowLeft />} onClick={onCancel}>
          {t('onboarding.back')}
        </Button>
        <div className="flex items-center gap-1">
          <LanguageMenu />
          <ThemeMenu />
        </div>
      </div>
      <main className="mx-auto flex w-full max-w-[960px] flex-1 flex-col px-6 pb-10">
        <div className="mb-5 flex items-center gap-3">
          <div className="grid size-9 place-items-center rounded-lg bg-accent text-accent-fg">
            <TowerControl className="size-5" aria-hidden="true" />
          </div>
          <div>
            <h1 className="text-xl font-semibold tracking-tight text-fg">{t('onboarding.title')}</h1>
            <p className="text-[13px] text-muted">{t('onboarding.subtitle')}</p>
          </div>
        </div>

        <ol className="mb-5 grid grid-cols-4 gap-2" aria-label={t('onboarding.stepsLabel')}>
          {STEPS.map((s, i) => {
            const done = i < step;
            const current = i === step;
            return (
              <li key={s}>
                <button
                  type="button"
                  onClick={() => (i < step ? setStep(i) : undefined)}
                  disabled={i > step}
                  aria-current={current ? 'step' : undefined}
                  className={cn(
                    'flex w-full items-center gap-2.5 rounded-lg border px-3 py-2 text-left transition-colors duration-150',
                    current ? 'border-accent/50 bg-accent-soft' : 'border-line bg-surface',
                    done && 'hover:bg-hover',
                    i > step && 'cursor-default opacity-70',
                  )}
                >
                  <span
                    className={cn(
                      'grid size-6 shrink-0 place-items-center rounded-full text-[12px] font-semibold tabular-nums',
                      done || current ? 'bg-accent text-accent-fg' : 'bg-subtle text-muted',
                    )}
                  >
                    {done ? <Check className="size-3.5" aria-hidden="true" /> : i + 1}
                  </span>
                  <span className="min-w-0">
                    <span className="block text-[11px] font-medium text-faint">
                      {t('onboarding.stepN', { n: i + 1 })}
                    </span>
                    <span
                      className={cn('block truncate text-[13px] font-medium', current ? 'text-accent-text' : 'text-fg')}
                    >
                      {t(`onboarding.steps.${s}.title`)}
                    </span>
                  </span>
                </button>
              </li>
            );
          })}
        </ol>

        <form
          noValidate
          className="flex flex-col rounded-[var(--radius-card)] border border-line bg-surface"
          aria-labelledby="onboarding-step-title"
          onSubmit={(e) => {
            e.preventDefault();
            if (last) void submit();
            else next();
          }}
        >
          <div className="border-b border-line px-6 py-4">
            <h2 id="onboarding-step-title" className="text-[15px] font-semibold text-fg">
              {t(`onboarding.steps.${STEPS[step]!}.title`)}
            </h2>
            <p className="mt-0.5 text-[13px] text-muted">{t(`onboarding.steps.${STEPS[step]!}.description`)}</p>
          </div>
          <div className="px-6 py-5">
            {serverError ? (
              <Banner tone="danger" title={errorTitle(serverError.code)} className="mb-4">
                {errorText(serverError)}
              </Banner>
            ) : null}
            {step === 0 ? <StepWorkspace {...stepProps} /> : null}
            {step === 1 ? <StepRegion {...stepProps} /> : null}
            {step === 2 ? <StepHubs {...stepProps} /> : null}
            {step === 3 ? <StepPeople {...stepProps} /> : null}
          </div>
          <div className="flex items-center justify-between gap-2 rounded-b-[var(--radius-card)] border-t border-line bg-subtle/50 px-6 py-3">
            <span className="text-[12px] text-faint">
              {t('onboarding.progress', { n: step + 1, total: STEPS.length })}
            </span>
            <div className="flex gap-2">
              {step > 0 ? (
                <Button icon={<ArrowLeft />} onClick={() => setStep((s) => s - 1)} disabled={busy}>
                  {t('common.back')}
                </Button>
              ) : null}
              <Button
                type="submit"
                variant="primary"
                busy={busy}
                className={last ? undefined : 'flex-row-reverse'}
                icon={last ? <Check /> : <ArrowRight />}
              >
                {last ? t('onboarding.create') : t('common.next')}
              </Button>
            </div>
          </div>
        </form>
      </main>
    </div>
  );
}
