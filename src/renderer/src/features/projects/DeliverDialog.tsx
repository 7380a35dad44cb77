/**
 * Delivering a project: the three gates must have passed (the dialog says which
 * is missing), the client's satisfaction (1–10 or not rated) and the delivery
 * date are recorded, and the core issues the final invoice in the same step.
 */
import { ShieldAlert } from 'lucide-react';
import { RadioGroup } from 'radix-ui';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract';
import type { BoardCard, ProjectDetail } from '../../../../shared/pipeline';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { formatDate, formatMoney } from '../../app/format';
import { errorTitle } from '../../app/i18n';
import { useApiQuery } from '../../app/useApi';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { cn } from '../../components/cn';
import { DateField, useDateTyping } from '../../components/DateField';
import { Modal, useDiscardGuard } from '../../components/Dialog';
import { ErrorState } from '../../components/ErrorState';
import { Field, FieldError } from '../../components/Field';
import { SkeletonBlock } from '../../components/Skeleton';
import { useBlockerLines } from './gates';

const RATINGS = ['none', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const;

interface DeliverProps {
  card: BoardCard;
  /** The workspace's today: the default delivery date and the latest allowed. */
  today: string;
  onClose: () => void;
  onDelivered: (project: ProjectDetail) => void;
  /** Opens the project on its quality gates. */
  onReviewGates: (card: BoardCard) => void;
}

export function DeliverDialog(props: Omit<DeliverProps, 'card'> & { card: BoardCard | null }) {
  return props.card ? <DeliverModal key={props.card.id} {...props} card={props.card} /> : null;
}

/**
 * The dialog has no trigger to give focus back to (it opens from a card's menu, a drop or the
 * project sheet), so on close focus returns to what had it when it opened, if nothing else took it.
 */
function useReturnFocus() {
  const [opener] = useState(() => document.activeElement as HTMLElement | null);
  useEffect(
    () => () => {
      requestAnimationFrame(() => {
        const lost = document.activeElement === null || document.activeElement === document.body;
        if (lost && opener?.isConnected) opener.focus();
      });
    },
    [opener],
  );
}

function DeliverModal({ card, today, onClose, onDelivered, onReviewGates }: DeliverProps) {
  const { t, i18n } = useTranslation('projects');
  useReturnFocus();
  const lang = i18n.language;
  const detail = useApiQuery('projects/get', { id: card.id });
  const [rating, setRating] = useState<string>('');
  const [date, setDate] = useState(today);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [tried, setTried] = useState(false);
  const { typing, typingIn } = useDateTyping();
  const { requestClose, prompt } = useDiscardGuard((rating !== '' || date !== today || typing) && !busy, onClose);
  const formId = useId();
  const ratingLabelId = useId();
  const ratingErrorId = useId();
  const blockers = useBlockerLines(detail.data);
  const blocked = blockers.length > 0;
  const d = detail.data;

  const ratingError = tried && rating === '' ? t('deliver.ratingRequired') : undefined;
  const dateError =
    date === ''
      ? t('deliver.dateRequired')
      : date > today
        ? t('deliver.dateFuture')
        : d && date < d.startDate
          ? t('deliver.dateBeforeStart', { date: formatDate(d.startDate, lang) })
          : undefined;

  const submit = async () => {
    setTried(true);
    if (blocked || rating === '' || dateError) return;
    setBusy(true);
    setError(null);
    const result = await api.call('projects/deliver', {
      id: card.id,
      satisfaction: rating === 'none' ? null : Number(rating),
      deliveredOn: date,
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onDelivered(result.value);
  };

  return (
    <Modal
      open
      onOpenChange={(o) => (o || busy ? undefined : requestClose())}
      title={t('deliver.title', { name: card.name })}
      description={t('deliver.description')}
      width="max-w-[520px]"
      testId="deliver-dialog"
      footer={
        <>
          <Button onClick={requestClose} disabled={busy}>
            {t('common.cancel', { ns: 'translation' })}
          </Button>
          <Button type="submit" form={formId} variant="primary" busy={busy} disabled={blocked || !d}>
            {t('deliver.confirm')}
          </Button>
        </>
      }
    >
      {!d ? (
        detail.status === 'error' ? (
          <ErrorState error={detail.error} onRetry={detail.reload} />
        ) : (
          <SkeletonBlock lines={4} />
        )
      ) : (
        <form
          id={formId}
          noValidate
          aria-label={t('deliver.formLabel')}
          className="flex flex-col gap-5"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {blocked ? (
            <Banner tone="warning" title={t('deliver.blockedTitle')}>
              <ul className="mt-1 list-disc pl-4" data-testid="deliver-blockers">
                {blockers.map((b) => (
                  <li key={b}>{b}</li>
                ))}
              </ul>
              <Button size="sm" className="mt-2.5" icon={<ShieldAlert />} onClick={() => onReviewGates(card)}>
                {t('deliver.reviewGates')}
              </Button>
            </Banner>
          ) : null}

          <div className="flex flex-col gap-1.5">
            <span id={ratingLabelId} className="text-[13px] font-medium text-fg">
              {t('deliver.rating')}
            </span>
            <RadioGroup.Root
              value={rating}
              onValueChange={setRating}
              aria-labelledby={ratingLabelId}
              aria-describedby={ratingError ? ratingErrorId : undefined}
              aria-invalid={ratingError ? true : undefined}
              disabled={blocked}
              orientation="horizontal"
              className="flex flex-wrap gap-1"
            >
              {RATINGS.map((r) => (
                <RadioGroup.Item
                  key={r}
                  value={r}
                  aria-label={r === 'none' ? t('deliver.notRated') : t('deliver.ratingValue', { value: r })}
                  className={cn(
                    'h-8 rounded-[var(--radius-control)] border border-line-strong bg-surface text-[13px] font-medium text-fg tabular-nums transition-colors duration-150',
                    'hover:bg-hover disabled:cursor-not-allowed disabled:opacity-50',
                    ratingError && 'border-danger',
                    'data-[state=checked]:border-accent data-[state=checked]:bg-accent data-[state=checked]:text-accent-fg',
                    r === 'none' ? 'px-2.5' : 'w-8',
                  )}
                >
                  {r === 'none' ? t('deliver.notRated') : r}
                </RadioGroup.Item>
              ))}
            </RadioGroup.Root>
            {ratingError ? (
              <FieldError id={ratingErrorId}>{ratingError}</FieldError>
            ) : (
              <p className="text-[12px] text-faint">{t('deliver.ratingHint')}</p>
            )}
          </div>

          <Field label={t('deliver.date')} error={dateError} className="max-w-[220px]">
            {(p) => (
              <DateField
                {...p}
                value={date}
                min={d.startDate}
                max={today}
                disabled={blocked}
                onChange={setDate}
                onTypingChange={typingIn('date')}
              />
            )}
          </Field>

          <p className="rounded-[10px] border border-line bg-subtle/60 px-3 py-2.5 text-[12.5px] text-muted">
            {t('deliver.invoiceNote', { value: formatMoney(d.valueMinor, d.currency, lang) })}
          </p>

          {error ? (
            <Banner tone="danger" title={errorTitle(error.code)}>
              {errorText(error)}
            </Banner>
          ) : null}
        </form>
      )}
      {prompt}
    </Modal>
  );
}
