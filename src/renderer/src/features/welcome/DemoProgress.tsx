import { RotateCw, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { cancelDemo, dismissDemo, startDemo } from '../../app/actions';
import { errorText } from '../../app/errors';
import { formatPercent } from '../../app/format';
import { errorTitle } from '../../app/i18n';
import { useApp } from '../../app/store';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';

/** Turns a job step key ("seed.people") into a translated sentence. */
function useStepLabel() {
  const { t, i18n } = useTranslation();
  return (step: string | undefined) => {
    if (!step) return t('demo.starting');
    const key = `demo.steps.${step.replace(/[^A-Za-z0-9_]/g, '_')}`;
    if (i18n.exists(key)) return t(key as 'demo.starting');
    const words = step.replace(/[._/-]+/g, ' ').trim();
    return t('demo.stepGeneric', { step: words });
  };
}

/** Progress of the demo job with Cancel; failures show the core's message and a retry. */
export function DemoProgress() {
  const { t, i18n } = useTranslation();
  const job = useApp((s) => s.demoJob);
  const stepLabel = useStepLabel();
  if (!job) return null;

  if (job.status === 'failed') {
    return (
      <Banner
        tone="danger"
        title={errorTitle(job.error.code)}
        actions={
          <>
            <Button size="sm" onClick={dismissDemo}>
              {t('common.dismiss')}
            </Button>
            <Button size="sm" variant="primary" icon={<RotateCw />} onClick={() => void startDemo()}>
              {t('common.retry')}
            </Button>
          </>
        }
      >
        {errorText(job.error)}
      </Banner>
    );
  }

  const progress = job.status === 'running' ? job.progress : null;
  const fraction = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  const cancelling = job.status === 'running' && job.cancelling;
  return (
    <div className="flex flex-col gap-3" data-testid="demo-progress">
      <div className="flex items-baseline justify-between gap-4 text-[13px]">
        <span className="truncate font-medium text-fg" aria-live="polite">
          {cancelling ? t('demo.cancelling') : stepLabel(progress?.step)}
        </span>
        <span className="shrink-0 tabular-nums text-muted">{formatPercent(fraction, i18n.language, 0)}</span>
      </div>
      <div
        role="progressbar"
        aria-label={t('demo.progressLabel')}
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
      <div className="flex items-center justify-between gap-4">
        <p className="text-[12px] text-faint">{t('demo.hint')}</p>
        <Button
          size="sm"
          icon={<X />}
          onClick={() => void cancelDemo()}
          disabled={job.status !== 'running' || cancelling}
        >
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}
