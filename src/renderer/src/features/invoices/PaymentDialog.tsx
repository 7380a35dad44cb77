import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type { AppError } from '../../../../shared/contract';
import { type Currency, PAYMENT_METHODS, type PaymentMethod } from '../../../../shared/domain';
import type { Invoice } from '../../../../shared/money';
import { paymentSchema } from '../../../../shared/money-schemas';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { formatDate, formatMoney, majorToMinor, parseDecimal } from '../../app/format';
import { useDraft } from '../../app/useDraft';
import { DateField, useDateTyping } from '../../components/DateField';
import { FormDialog } from '../../components/Dialog';
import { CurrencySelect } from '../../components/DomainInputs';
import { Field, Input, UnitInput } from '../../components/Field';
import { Select } from '../../components/Select';
import { moneyForInput, useFocusAfterOpen } from './parts';
import { useMoneyForm } from './validation';

interface Draft {
  amount: string;
  currency: Currency;
  paidOn: string;
  method: PaymentMethod;
  note: string;
}

/**
 * Records a full or partial payment. The amount starts at the open balance;
 * a payment in another currency is converted by the core at the rate in force
 * on its date (a missing rate is said beside the currency).
 */
export function PaymentDialog({
  invoice,
  today,
  onClose,
  onRecorded,
}: {
  invoice: Invoice;
  /** The workspace's today (a payment cannot be dated later). */
  today: string;
  onClose: () => void;
  onRecorded: (invoice: Invoice) => void;
}) {
  const { t, i18n } = useTranslation('invoices');
  const lang = i18n.language;
  const [draft, setDraft, edited] = useDraft<Draft>(() => ({
    amount: moneyForInput(invoice.balanceMinor, invoice.currency, lang),
    currency: invoice.currency,
    paidOn: today,
    method: 'bank_transfer',
    note: '',
  }));
  // A paid-on date half typed is a change too: closing asks instead of dropping it.
  const { typing, typingIn } = useDateTyping();
  const dirty = edited || typing;
  const focusRef = useFocusAfterOpen<HTMLInputElement>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const value = useMemo(() => {
    const major = parseDecimal(draft.amount, lang);
    return {
      invoiceId: invoice.id,
      paidOn: draft.paidOn,
      amountMinor: major === null || Number.isNaN(major) ? Number.NaN : majorToMinor(major, draft.currency),
      currency: draft.currency,
      method: draft.method,
      note: draft.note.trim() === '' ? null : draft.note.trim(),
    };
  }, [draft, invoice.id, lang]);
  const v = useMoneyForm(paymentSchema, value);

  const set = (patch: Partial<Draft>, path: string) => {
    setDraft((d) => ({ ...d, ...patch }));
    v.edited(path);
    setError(null);
  };

  const balance = formatMoney(invoice.balanceMinor, invoice.currency, lang);
  /** Checked here when we can (same currency); the core checks every case. */
  const over =
    value.currency === invoice.currency &&
    Number.isFinite(value.amountMinor) &&
    value.amountMinor > invoice.balanceMinor;
  const future = value.paidOn > today;
  const amountError = v.errorFor('amountMinor') ?? (over ? t('payment.overBalance', { balance }) : undefined);
  const dateError = v.errorFor('paidOn') ?? (future ? t('payment.future') : undefined);

  const save = async () => {
    v.setSubmitted(true);
    if (!v.valid || over || future) return;
    setBusy(true);
    setError(null);
    const result = await api.call('payments/record', value);
    setBusy(false);
    if (!result.ok) {
      const e = result.error;
      if (e.code === 'FX_RATE_MISSING')
        v.setServerError(
          'currency',
          t('payment.rateMissing', {
            from: value.currency,
            to: invoice.currency,
            date: formatDate(value.paidOn, lang),
          }),
        );
      else if (e.field && ['amountMinor', 'currency', 'paidOn', 'method', 'note'].includes(e.field))
        v.setServerError(e.field, errorText(e));
      else setError(e);
      return;
    }
    const updated = result.value;
    const paid = formatMoney(value.amountMinor, value.currency, lang);
    const name = updated.number ?? t('draft');
    if (updated.status === 'paid') toast.success(t('payment.toastPaid', { number: name }), { description: paid });
    else
      toast.success(t('payment.toastPartial', { amount: paid, number: name }), {
        description: t('payment.toastBalance', { balance: formatMoney(updated.balanceMinor, updated.currency, lang) }),
      });
    onRecorded(updated);
  };

  return (
    <FormDialog
      formId="payment-form"
      title={t('payment.title', { number: invoice.number ?? t('draft') })}
      description={t('payment.description', { client: invoice.clientName, balance })}
      testId="payment-dialog"
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      dirty={dirty}
      error={error}
      submitLabel={t('payment.submit')}
    >
      <div className="grid grid-cols-2 items-start gap-4">
        <Field label={t('payment.amount')} error={amountError}>
          {(p) => (
            <UnitInput
              {...p}
              unit={draft.currency}
              value={draft.amount}
              ref={focusRef}
              onChange={(ev) => set({ amount: ev.target.value }, 'amountMinor')}
              onBlur={() => v.touch('amountMinor')}
              className="[&_input]:pr-12"
            />
          )}
        </Field>
        <Field
          label={t('payment.currency')}
          error={v.errorFor('currency')}
          hint={
            draft.currency !== invoice.currency ? t('payment.converted', { currency: invoice.currency }) : undefined
          }
        >
          {(p) => (
            <CurrencySelect
              {...p}
              value={draft.currency}
              onChange={(c) => set({ currency: c as Currency }, 'currency')}
            />
          )}
        </Field>
      </div>
      <div className="grid grid-cols-2 items-start gap-4">
        <Field label={t('payment.paidOn')} error={dateError}>
          {(p) => (
            <DateField
              {...p}
              max={today}
              min={invoice.issueDate ?? undefined}
              value={draft.paidOn}
              onChange={(paidOn) => set({ paidOn }, 'paidOn')}
              onTypingChange={typingIn('paidOn')}
              onBlur={() => v.touch('paidOn')}
            />
          )}
        </Field>
        <Field label={t('payment.method')} error={v.errorFor('method')}>
          {(p) => (
            <Select
              {...p}
              value={draft.method}
              onChange={(m) => set({ method: m as PaymentMethod }, 'method')}
              options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`method.${m}`) }))}
            />
          )}
        </Field>
      </div>
      <Field label={t('payment.note')} optional optionalLabel={t('optional')} error={v.errorFor('note')}>
        {(p) => (
          <Input
            {...p}
            value={draft.note}
            placeholder={t('payment.notePlaceholder')}
            onChange={(ev) => set({ note: ev.target.value }, 'note')}
            onBlur={() => v.touch('note')}
          />
        )}
      </Field>
    </FormDialog>
  );
}
