/** Mark a lead lost: a reason is required (suggestions fill it), and the close is dated today. */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract';
import type { LeadDetail } from '../../../../shared/leads';
import { leadStageSchema } from '../../../../shared/leads-schemas';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { errorTitle } from '../../app/i18n';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Modal, useDiscardGuard } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useLeadForm } from './validation';

const SUGGESTIONS = ['budget', 'timing', 'competitor', 'noResponse', 'notFit'] as const;

export function LostDialog({
  lead,
  onClose,
  onLost,
}: {
  lead: LeadDetail;
  onClose: () => void;
  onLost: (lead: LeadDetail) => void;
}) {
  const { t } = useTranslation('pipeline');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const { requestClose, prompt } = useDiscardGuard(reason.trim() !== '' && !busy, onClose);
  const input = useMemo(
    () => ({ id: lead.id, stage: 'lost' as const, reason: reason.trim() === '' ? null : reason }),
    [lead.id, reason],
  );
  const v = useLeadForm(leadStageSchema, input);
  const hintId = useId();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => reasonRef.current?.focus(), []);

  const save = async () => {
    v.setSubmitted(true);
    if (!v.valid) return;
    setBusy(true);
    setError(null);
    const result = await api.call('leads/setStage', input);
    setBusy(false);
    if (!result.ok) {
      if (result.error.field === 'reason') v.setServerError('reason', errorText(result.error));
      else setError(result.error);
      return;
    }
    onLost(result.value);
  };

  return (
    <Modal
      open
      onOpenChange={(o) => (o || busy ? undefined : requestClose())}
      title={t('lost.title', { company: lead.company })}
      description={t('lost.description')}
      width="max-w-md"
      testId="lost-dialog"
      footer={
        <>
          <Button onClick={requestClose} disabled={busy}>
            {t('common.cancel', { ns: 'translation' })}
          </Button>
          <Button type="submit" form="lost-form" variant="danger" busy={busy}>
            {t('lost.confirm')}
          </Button>
        </>
      }
    >
      <form
        id="lost-form"
        noValidate
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {error ? (
          <Banner tone="danger" title={errorTitle(error.code)}>
            {errorText(error)}
          </Banner>
        ) : null}
        <Field label={t('lost.reason')} error={v.errorFor('reason')}>
          {(p) => (
            <textarea
              {...p}
              ref={reasonRef}
              rows={3}
              maxLength={200}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                v.edited('reason');
              }}
              onBlur={() => v.touch('reason')}
              className="w-full resize-y rounded-[var(--radius-control)] border border-line-strong bg-surface px-2.5 py-1.5 text-[13px] text-fg focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-offset-0 aria-[invalid=true]:border-danger"
            />
          )}
        </Field>
        <fieldset>
          <legend id={hintId} className="mb-1.5 text-[12px] text-muted">
            {t('lost.suggestions')}
          </legend>
          <div className="flex flex-wrap gap-1.5">
            {SUGGESTIONS.map((s) => (
              <button
                key={s}
                type="button"
                onClick={() => {
                  setReason(t(`lost.reasons.${s}`));
                  v.edited('reason');
                }}
                className="inline-flex h-7 items-center rounded-full border border-line-strong px-2.5 text-[12.5px] text-fg transition-colors duration-150 hover:bg-hover"
              >
                {t(`lost.reasons.${s}`)}
              </button>
            ))}
          </div>
        </fieldset>
      </form>
      {prompt}
    </Modal>
  );
}
