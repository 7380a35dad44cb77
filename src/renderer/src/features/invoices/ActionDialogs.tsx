/** Issue a draft, void an invoice, issue a credit note: each confirms what will happen and shows the core's refusal. */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type { AppError } from '../../../../shared/contract';
import { addDays } from '../../../../shared/dates';
import type { Invoice } from '../../../../shared/money';
import { creditNoteSchema, invoiceIssueSchema, invoiceVoidSchema } from '../../../../shared/money-schemas';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { formatDate, formatMoney, majorToMinor, parseDecimal } from '../../app/format';
import { Button } from '../../components/Button';
import { DateField, useDateTyping } from '../../components/DateField';
import { ErrorBanner, FormDialog, Modal, useDiscardGuard } from '../../components/Dialog';
import { Field, Input, UnitInput } from '../../components/Field';
import { moneyForInput, nextNumber, useFocusAfterOpen } from './parts';
import { useMoneyForm } from './validation';

/** Gives the draft its number: says which number, the status and the due date it will get. */
export function IssueDialog({
  invoice,
  today,
  termsDays,
  onClose,
  onDone,
}: {
  invoice: Invoice;
  today: string;
  /** The client's payment terms, when known. */
  termsDays: number | null;
  onClose: () => void;
  onDone: (invoice: Invoice) => void;
}) {
  const { t, i18n } = useTranslation('invoices');
  const lang = i18n.language;
  const [issueDate, setIssueDate] = useState(today);
  /** The highest number already given in the draft's series (every client), to say which one it takes. */
  const [latest, setLatest] = useState<{ series: string; number: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const { typing, typingIn } = useDateTyping();
  const { requestClose, prompt } = useDiscardGuard((issueDate !== today || typing) && !busy, onClose);
  const value = useMemo(() => ({ id: invoice.id, issueDate }), [invoice.id, issueDate]);
  const v = useMoneyForm(invoiceIssueSchema, value);

  const series = /^\d{4}-\d{2}-\d{2}$/.test(issueDate) ? `INV-${issueDate.slice(0, 4)}` : null;
  useEffect(() => {
    if (series === null) return;
    let live = true;
    void api
      .call('invoices/list', { search: `${series}-`, sort: { column: 'number', direction: 'desc' }, limit: 1 })
      .then((r) => {
        if (live && r.ok) setLatest({ series, number: r.value.invoices[0]?.number ?? null });
      });
    return () => {
      live = false;
    };
  }, [series]);
  const predicted = series && latest?.series === series ? nextNumber([latest.number], series) : null;

  const issue = async () => {
    v.setSubmitted(true);
    if (!v.valid) return;
    setBusy(true);
    setError(null);
    const result = await api.call('invoices/issue', value);
    setBusy(false);
    if (!result.ok) {
      if (result.error.field === 'issueDate') v.setServerError('issueDate', errorText(result.error));
      else setError(result.error);
      return;
    }
    toast.success(t('issue.toast', { number: result.value.number }), {
      description: t('issue.toastDue', { date: formatDate(result.value.dueDate ?? issueDate, lang) }),
    });
    onDone(result.value);
  };

  return (
    <Modal
      open
      onOpenChange={(o) => (o ? undefined : requestClose())}
      title={t('issue.title')}
      description={t('issue.description', {
        client: invoice.clientName,
        total: formatMoney(invoice.totalMinor, invoice.currency, lang),
      })}
      testId="issue-dialog"
      footer={
        <>
          <Button onClick={requestClose} disabled={busy}>
            {t('actions.cancel')}
          </Button>
          <Button variant="primary" busy={busy} onClick={() => void issue()}>
            {predicted ? t('issue.submitNumber', { number: predicted }) : t('issue.submit')}
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-4">
        <ErrorBanner error={error} />
        <Field label={t('issue.date')} error={v.errorFor('issueDate')} className="max-w-[220px]">
          {(p) => (
            <DateField
              {...p}
              value={issueDate}
              onChange={(date) => {
                setIssueDate(date);
                v.edited('issueDate');
              }}
              onTypingChange={typingIn('issueDate')}
              onBlur={() => v.touch('issueDate')}
            />
          )}
        </Field>
        <ol className="flex list-decimal flex-col gap-1.5 pl-5 text-[13px] text-muted" data-testid="issue-steps">
          <li>
            {predicted
              ? t('issue.stepNumber', { number: predicted })
              : t('issue.stepNumberUnknown', { series: `INV-${issueDate.slice(0, 4)}` })}
          </li>
          <li>
            {termsDays !== null && series !== null
              ? t('issue.stepDue', {
                  count: termsDays,
                  date: formatDate(addDays(issueDate, termsDays), lang),
                })
              : t('issue.stepDueUnknown')}
          </li>
          <li>{t('issue.stepLocked')}</li>
        </ol>
      </div>
      {prompt}
    </Modal>
  );
}

/** Voids an invoice with a reason; it keeps its number. */
export function VoidDialog({
  invoice,
  onClose,
  onDone,
}: {
  invoice: Invoice;
  onClose: () => void;
  onDone: (invoice: Invoice) => void;
}) {
  const { t } = useTranslation('invoices');
  const [reason, setReason] = useState('');
  const focusRef = useFocusAfterOpen<HTMLInputElement>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const value = useMemo(() => ({ id: invoice.id, reason }), [invoice.id, reason]);
  const v = useMoneyForm(invoiceVoidSchema, value);
  const name = invoice.number ?? t('draft');

  const run = async () => {
    v.setSubmitted(true);
    if (!v.valid) return;
    setBusy(true);
    setError(null);
    const result = await api.call('invoices/void', { id: invoice.id, reason: reason.trim() });
    setBusy(false);
    if (!result.ok) {
      if (result.error.field === 'reason') v.setServerError('reason', errorText(result.error));
      else setError(result.error);
      return;
    }
    toast.success(t('void.toast', { number: name }));
    onDone(result.value);
  };

  return (
    <FormDialog
      formId="void-form"
      title={t('void.title', { number: name })}
      description={
        invoice.number ? t('void.descriptionNumber', { number: invoice.number }) : t('void.descriptionDraft')
      }
      testId="void-dialog"
      onClose={onClose}
      onSubmit={run}
      busy={busy}
      dirty={reason.trim() !== ''}
      error={error}
      submitLabel={t('void.submit')}
      submitVariant="danger"
    >
      <Field label={t('void.reason')} error={v.errorFor('reason')} hint={t('void.reasonHint')}>
        {(p) => (
          <Input
            {...p}
            value={reason}
            ref={focusRef}
            onChange={(ev) => {
              setReason(ev.target.value);
              v.edited('reason');
            }}
            onBlur={() => v.touch('reason')}
          />
        )}
      </Field>
    </FormDialog>
  );
}

/** Issues a credit note against a sent invoice, for at most its balance. */
export function CreditNoteDialog({
  invoice,
  onClose,
  onDone,
}: {
  invoice: Invoice;
  onClose: () => void;
  /** Receives the credit note. */
  onDone: (creditNote: Invoice) => void;
}) {
  const { t, i18n } = useTranslation('invoices');
  const lang = i18n.language;
  const [opened] = useState(() => moneyForInput(invoice.balanceMinor, invoice.currency, lang));
  const [amount, setAmount] = useState(opened);
  const [reason, setReason] = useState('');
  const focusRef = useFocusAfterOpen<HTMLInputElement>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const value = useMemo(() => {
    const major = parseDecimal(amount, lang);
    return {
      invoiceId: invoice.id,
      amountMinor: major === null || Number.isNaN(major) ? Number.NaN : majorToMinor(major, invoice.currency),
      reason,
    };
  }, [amount, reason, invoice.id, invoice.currency, lang]);
  const v = useMoneyForm(creditNoteSchema, value);
  const balance = formatMoney(invoice.balanceMinor, invoice.currency, lang);
  const over = Number.isFinite(value.amountMinor) && value.amountMinor > invoice.balanceMinor;

  const run = async () => {
    v.setSubmitted(true);
    if (!v.valid || over) return;
    setBusy(true);
    setError(null);
    const result = await api.call('invoices/creditNote', { ...value, reason: reason.trim() });
    setBusy(false);
    if (!result.ok) {
      if (result.error.field === 'amountMinor' || result.error.field === 'reason')
        v.setServerError(result.error.field, errorText(result.error));
      else setError(result.error);
      return;
    }
    toast.success(t('credit.toast', { number: result.value.number, invoice: invoice.number }), {
      description: formatMoney(result.value.totalMinor, result.value.currency, lang),
    });
    onDone(result.value);
  };

  return (
    <FormDialog
      formId="credit-form"
      title={t('credit.title', { number: invoice.number })}
      description={t('credit.description', { balance })}
      testId="credit-dialog"
      onClose={onClose}
      onSubmit={run}
      busy={busy}
      dirty={amount !== opened || reason.trim() !== ''}
      error={error}
      submitLabel={t('credit.submit')}
    >
      <Field
        label={t('credit.amount')}
        className="max-w-[260px]"
        error={v.errorFor('amountMinor') ?? (over ? t('credit.overBalance', { balance }) : undefined)}
      >
        {(p) => (
          <UnitInput
            {...p}
            unit={invoice.currency}
            value={amount}
            ref={focusRef}
            onChange={(ev) => {
              setAmount(ev.target.value);
              v.edited('amountMinor');
            }}
            onBlur={() => v.touch('amountMinor')}
            className="[&_input]:pr-12"
          />
        )}
      </Field>
      <Field label={t('credit.reason')} error={v.errorFor('reason')} hint={t('credit.reasonHint')}>
        {(p) => (
          <Input
            {...p}
            value={reason}
            onChange={(ev) => {
              setReason(ev.target.value);
              v.edited('reason');
            }}
            onBlur={() => v.touch('reason')}
          />
        )}
      </Field>
    </FormDialog>
  );
}
