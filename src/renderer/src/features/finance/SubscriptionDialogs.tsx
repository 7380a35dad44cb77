/** New subscription, and the effective-dated changes: new fee, pause, resume, cancel. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type { AppError } from '../../../../shared/contract';
import type { Currency } from '../../../../shared/domain';
import type { ClientOption, Subscription } from '../../../../shared/money';
import {
  type SubscriptionChangeInput,
  type SubscriptionCreate,
  subscriptionChangeSchema,
  subscriptionCreateSchema,
} from '../../../../shared/money-schemas';
import { refreshSummary } from '../../app/actions';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import {
  formatDate,
  formatMoney,
  formatMoneyRange,
  formatSignedMoney,
  majorToMinor,
  minorToMajor,
  numberForInput,
  parseDecimal,
} from '../../app/format';
import { useWorkspaceToday } from '../../app/today';
import { useApiQuery } from '../../app/useApi';
import { Banner } from '../../components/Banner';
import { DateField, useDateTyping } from '../../components/DateField';
import { FormDialog } from '../../components/Dialog';
import { CurrencySelect } from '../../components/DomainInputs';
import { Field, Input, UnitInput } from '../../components/Field';
import { Select } from '../../components/Select';
import { ClientPicker } from '../clients/ClientPicker';
import { useFinanceErrors, useReportingCurrency } from './util';

export type ChangeKind = 'change' | 'pause' | 'resume' | 'cancel';

const toMinor = (text: string, currency: Currency, lang: string) => {
  const major = parseDecimal(text, lang);
  return major === null || Number.isNaN(major) ? Number.NaN : majorToMinor(major, currency);
};

export function NewSubscriptionDialog({
  onClose,
  onSaved,
}: {
  onClose: () => void;
  onSaved: (s: Subscription) => void;
}) {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language;
  const today = useWorkspaceToday();
  const reporting = useReportingCurrency();
  const catalogue = useApiQuery('catalogue/list', {});
  /** Picked by name through the core's lookup (a list of every client would not scale). */
  const [client, setClient] = useState<ClientOption | null>(null);
  const [serviceId, setServiceId] = useState('');
  const [fee, setFee] = useState('');
  const [openedCurrency] = useState(reporting);
  const [currency, setCurrency] = useState<Currency>(openedCurrency);
  const [startOn, setStartOn] = useState(today);
  const [note, setNote] = useState('');
  const { typing, typingIn } = useDateTyping();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const dirty =
    typing ||
    client !== null ||
    serviceId !== '' ||
    fee.trim() !== '' ||
    currency !== openedCurrency ||
    startOn !== today ||
    note.trim() !== '';

  const services = useMemo(
    () => (catalogue.data ?? []).filter((s) => s.kind === 'subscription' && s.active),
    [catalogue.data],
  );
  const service = services.find((s) => String(s.id) === serviceId);

  const value = useMemo(
    (): SubscriptionCreate => ({
      clientId: client?.id ?? 0,
      serviceId: serviceId ? Number(serviceId) : 0,
      feeMinor: toMinor(fee, currency, lang),
      currency,
      startOn,
      note: note.trim() === '' ? null : note.trim(),
    }),
    [client, serviceId, fee, currency, startOn, note, lang],
  );
  const v = useFinanceErrors(subscriptionCreateSchema, value);

  const chooseService = (id: string) => {
    setServiceId(id);
    v.edited('serviceId');
    const s = services.find((x) => String(x.id) === id);
    // A first suggestion from the catalogue: the lower end of the client's tier range.
    if (s && fee.trim() === '') {
      const tier = client?.tier ?? 2;
      setCurrency(s.currency);
      setFee(numberForInput(minorToMajor(s.prices[tier].min, s.currency), lang));
    }
  };

  const save = async () => {
    v.submit();
    if (!v.valid) return;
    setBusy(true);
    setError(null);
    const result = await api.call('subscriptions/create', value);
    setBusy(false);
    if (!result.ok) {
      if (result.error.field) v.setServerError(result.error.field, errorText(result.error));
      else setError(result.error);
      return;
    }
    void refreshSummary();
    toast.success(t('subscriptions.created', { client: result.value.clientName, service: result.value.serviceName }));
    onSaved(result.value);
  };

  const range = service && client ? service.prices[client.tier] : null;
  const loadError = catalogue.status === 'error' ? catalogue.error : null;
  return (
    <FormDialog
      formId="new-subscription-form"
      title={t('subscriptions.newTitle')}
      description={t('subscriptions.newDescription')}
      width="max-w-[560px]"
      testId="new-subscription-dialog"
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      dirty={dirty}
      error={error ?? loadError}
      errorClassName="col-span-6"
      submitLabel={t('subscriptions.create')}
      className="grid grid-cols-6 gap-4"
    >
      <Field className="col-span-6" label={t('subscriptions.client')} error={v.errorFor('clientId')}>
        {(p) => (
          <ClientPicker
            {...p}
            value={client}
            noneLabel={t('subscriptions.chooseClient')}
            onChange={(c) => {
              setClient(c);
              v.edited('clientId');
            }}
          />
        )}
      </Field>
      <Field className="col-span-6" label={t('subscriptions.service')} error={v.errorFor('serviceId')}>
        {(p) => (
          <Select
            {...p}
            value={serviceId}
            placeholder={catalogue.data ? t('subscriptions.chooseService') : t('loading')}
            options={services.map((s) => ({ value: String(s.id), label: s.name }))}
            onChange={chooseService}
            onBlur={() => v.touch('serviceId')}
          />
        )}
      </Field>
      <Field
        className="col-span-3"
        label={t('subscriptions.monthlyFee')}
        error={v.errorFor('feeMinor')}
        hint={
          range && service
            ? t('subscriptions.feeHint', {
                tier: client?.tier,
                range: formatMoneyRange(range.min, range.max, service.currency, lang),
              })
            : undefined
        }
      >
        {(p) => (
          <UnitInput
            {...p}
            unit={currency}
            value={fee}
            onChange={(e) => {
              setFee(e.target.value);
              v.edited('feeMinor');
            }}
            onBlur={() => v.touch('feeMinor')}
            className="[&_input]:pr-12"
          />
        )}
      </Field>
      <Field className="col-span-3" label={t('subscriptions.currency')} error={v.errorFor('currency')}>
        {(p) => <CurrencySelect {...p} value={currency} onChange={(c) => setCurrency(c as Currency)} />}
      </Field>
      <Field className="col-span-3" label={t('subscriptions.startOn')} error={v.errorFor('startOn')}>
        {(p) => (
          <DateField
            {...p}
            value={startOn}
            onChange={(date) => {
              setStartOn(date);
              v.edited('startOn');
            }}
            onTypingChange={typingIn('startOn')}
            onBlur={() => v.touch('startOn')}
          />
        )}
      </Field>
      <Field
        className="col-span-6"
        label={t('subscriptions.note')}
        optional
        optionalLabel={t('optional')}
        error={v.errorFor('note')}
      >
        {(p) => (
          <Input
            {...p}
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
              v.edited('note');
            }}
            onBlur={() => v.touch('note')}
          />
        )}
      </Field>
    </FormDialog>
  );
}

export function SubscriptionChangeDialog({
  sub,
  kind,
  onClose,
  onSaved,
}: {
  sub: Subscription;
  kind: ChangeKind;
  onClose: () => void;
  onSaved: (s: Subscription) => void;
}) {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language;
  const today = useWorkspaceToday();
  const lastChange = sub.changes.at(-1)?.effectiveOn ?? sub.startedOn;
  const [opened] = useState(() => ({
    effectiveOn: [today, lastChange].sort().at(-1) ?? today,
    fee: numberForInput(minorToMajor(sub.feeMinor, sub.currency), lang),
  }));
  const [effectiveOn, setEffectiveOn] = useState(opened.effectiveOn);
  const [fee, setFee] = useState(opened.fee);
  const [note, setNote] = useState('');
  const { typing, typingIn } = useDateTyping();
  const dirty = typing || effectiveOn !== opened.effectiveOn || fee !== opened.fee || note.trim() !== '';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const value = useMemo((): SubscriptionChangeInput => {
    const n = note.trim() === '' ? null : note.trim();
    return kind === 'change'
      ? { id: sub.id, kind, effectiveOn, feeMinor: toMinor(fee, sub.currency, lang), note: n }
      : { id: sub.id, kind, effectiveOn, note: n };
  }, [sub, kind, effectiveOn, fee, note, lang]);
  const sameFee = value.kind === 'change' && value.feeMinor === sub.feeMinor;
  const extra = useMemo(
    (): Record<string, string> => (sameFee ? { feeMinor: t('validation.sameFee') } : {}),
    [sameFee, t],
  );
  const v = useFinanceErrors(subscriptionChangeSchema, value, extra);

  const save = async () => {
    v.submit();
    if (!v.valid) return;
    setBusy(true);
    setError(null);
    const result = await api.call('subscriptions/change', value);
    setBusy(false);
    if (!result.ok) {
      if (result.error.field === 'effectiveOn' || result.error.field === 'feeMinor')
        v.setServerError(result.error.field, errorText(result.error));
      else setError(result.error);
      return;
    }
    toast.success(t(`subscriptions.done.${kind}`, { client: sub.clientName, date: formatDate(effectiveOn, lang) }));
    onSaved(result.value);
  };

  const newFee = kind === 'change' ? toMinor(fee, sub.currency, lang) : Number.NaN;
  const delta = Number.isNaN(newFee) ? null : newFee - sub.feeMinor;
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(effectiveOn);
  return (
    <FormDialog
      formId="subscription-change-form"
      title={t(`subscriptions.changeTitle.${kind}`, { client: sub.clientName })}
      description={t('subscriptions.changeDescription', {
        service: sub.serviceName,
        fee: formatMoney(sub.feeMinor, sub.currency, lang),
      })}
      width="max-w-md"
      testId="subscription-change-dialog"
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      dirty={dirty}
      error={error}
      cancelLabel={kind === 'cancel' ? t('subscriptions.keep') : t('cancel')}
      submitLabel={t(`subscriptions.confirm.${kind}`)}
      submitVariant={kind === 'cancel' ? 'danger' : 'primary'}
    >
      <div className="grid grid-cols-2 gap-4">
        <Field
          label={t('subscriptions.effectiveOn')}
          error={v.errorFor('effectiveOn')}
          hint={t('subscriptions.effectiveHint', { date: formatDate(lastChange, lang) })}
        >
          {(p) => (
            <DateField
              {...p}
              value={effectiveOn}
              min={lastChange}
              onChange={(date) => {
                setEffectiveOn(date);
                v.edited('effectiveOn');
              }}
              onTypingChange={typingIn('effectiveOn')}
              onBlur={() => v.touch('effectiveOn')}
            />
          )}
        </Field>
        {kind === 'change' ? (
          <Field label={t('subscriptions.newFee')} error={v.errorFor('feeMinor')}>
            {(p) => (
              <UnitInput
                {...p}
                unit={sub.currency}
                value={fee}
                onChange={(e) => {
                  setFee(e.target.value);
                  v.edited('feeMinor');
                }}
                onBlur={() => v.touch('feeMinor')}
                className="[&_input]:pr-12"
              />
            )}
          </Field>
        ) : null}
      </div>
      {kind === 'change' && delta !== null && delta !== 0 && validDate ? (
        <p className="rounded-lg bg-subtle px-3 py-2 text-[13px] text-fg" data-testid="change-preview">
          {t(delta > 0 ? 'subscriptions.previewExpansion' : 'subscriptions.previewContraction', {
            delta: formatSignedMoney(delta, sub.currency, lang),
            date: formatDate(effectiveOn, lang),
          })}
        </p>
      ) : null}
      {kind === 'cancel' ? (
        <Banner tone="warning" title={t('subscriptions.cancelWarningTitle')}>
          {t('subscriptions.cancelWarning', {
            date: validDate ? formatDate(effectiveOn, lang) : '—',
            fee: formatMoney(sub.feeMinor, sub.currency, lang),
            client: sub.clientName,
          })}
        </Banner>
      ) : kind === 'pause' ? (
        <p className="text-[13px] text-muted">{t('subscriptions.pauseHint')}</p>
      ) : kind === 'resume' ? (
        <p className="text-[13px] text-muted">
          {t('subscriptions.resumeHint', { fee: formatMoney(sub.feeMinor, sub.currency, lang) })}
        </p>
      ) : null}
      <Field label={t('subscriptions.note')} optional optionalLabel={t('optional')} error={v.errorFor('note')}>
        {(p) => (
          <Input
            {...p}
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
              v.edited('note');
            }}
          />
        )}
      </Field>
    </FormDialog>
  );
}
