import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError, Hub } from '../../../../shared/contract';
import { TIERS, type Tier, VERTICALS, type Vertical } from '../../../../shared/domain';
import type { ClientRow } from '../../../../shared/money';
import { type ClientInput, clientInputSchema } from '../../../../shared/money-schemas';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { numberForInput, parseDecimal } from '../../app/format';
import { useDraft } from '../../app/useDraft';
import { useFieldErrors } from '../../app/validation';
import { FormDialog } from '../../components/Dialog';
import { Field, Input, UnitInput } from '../../components/Field';
import { HubDot } from '../../components/HubDot';
import { Select } from '../../components/Select';

interface Draft {
  name: string;
  tier: string;
  vertical: string;
  hubId: string;
  country: string;
  email: string;
  paymentTermsDays: string;
  depositPct: string;
}

function toDraft(client: ClientRow | null, hubs: Hub[], defaultHub: number | null, locale: string): Draft {
  if (!client)
    return {
      name: '',
      tier: '3',
      vertical: '',
      hubId: defaultHub !== null ? String(defaultHub) : hubs.length === 1 ? String(hubs[0]!.id) : '',
      country: '',
      email: '',
      paymentTermsDays: numberForInput(15, locale),
      depositPct: numberForInput(0, locale),
    };
  return {
    name: client.name,
    tier: String(client.tier),
    vertical: client.vertical,
    hubId: client.hubId === null ? 'none' : String(client.hubId),
    country: client.country,
    email: client.email ?? '',
    paymentTermsDays: numberForInput(client.paymentTermsDays, locale),
    depositPct: numberForInput(client.depositPct, locale),
  };
}

/** A number field's text → a number for the schema (NaN when it is not a number, so the schema says so). */
export function numberFromField(text: string, locale: string): number {
  return parseDecimal(text, locale) ?? Number.NaN;
}

type ClientsT = TFunction<'clients'>;

/**
 * The schema decides whether payment terms are valid; this words its refusal
 * for the field (the shared messages only know "at most N").
 */
export function termsError(
  field: 'paymentTermsDays' | 'depositPct',
  value: number,
  error: string | undefined,
  t: ClientsT,
): string | undefined {
  if (!error) return undefined;
  const max = field === 'paymentTermsDays' ? 180 : 100;
  if (!Number.isFinite(value)) return t(`terms.errors.${field}.number`);
  if (!Number.isInteger(value)) return t(`terms.errors.${field}.whole`);
  if (value < 0) return t(`terms.errors.${field}.negative`);
  if (value > max) return t(`terms.errors.${field}.max`);
  return error;
}

function toInput(d: Draft, locale: string): ClientInput & { paymentTermsDays: number; depositPct: number } {
  return {
    name: d.name,
    tier: Number(d.tier) as Tier,
    vertical: d.vertical as Vertical,
    // '' (not chosen yet) is left undefined so the schema asks for a choice.
    hubId: d.hubId === 'none' ? null : d.hubId === '' ? (undefined as unknown as null) : Number(d.hubId),
    country: d.country.trim().toUpperCase(),
    email: d.email.trim() === '' ? null : d.email.trim(),
    paymentTermsDays: numberFromField(d.paymentTermsDays, locale),
    depositPct: numberFromField(d.depositPct, locale),
  };
}

/** Add a client, or edit one (only the changed fields are sent). */
export function ClientDialog({
  client,
  hubs,
  defaultHub,
  onClose,
  onSaved,
}: {
  client: ClientRow | null;
  hubs: Hub[];
  /** The top bar's hub, preselected for a new client. */
  defaultHub: number | null;
  onClose: () => void;
  onSaved: (row: ClientRow, created: boolean) => void;
}) {
  const { t, i18n } = useTranslation('clients');
  const locale = i18n.language;
  const [draft, setDraft, dirty] = useDraft<Draft>(() => toDraft(client, hubs, defaultHub, locale));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const input = useMemo(() => toInput(draft, locale), [draft, locale]);
  const v = useFieldErrors(clientInputSchema, input);

  const set = (p: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...p }));
    for (const k of Object.keys(p)) v.edited(k);
  };
  /** Selects say what to choose rather than "enter a valid value". */
  const choiceError = (path: 'vertical' | 'hubId', empty: boolean) => {
    const e = v.errorFor(path);
    return e && empty ? t(path === 'vertical' ? 'dialog.chooseVertical' : 'dialog.chooseHub') : e;
  };

  const save = async () => {
    v.setSubmitted(true);
    if (!v.valid) return;
    setBusy(true);
    setError(null);
    let result: Awaited<ReturnType<typeof api.call<'clients/create'>>>;
    if (client) {
      const before = toInput(toDraft(client, hubs, null, locale), locale);
      const patch = Object.fromEntries(
        Object.entries(input).filter(([k, val]) => before[k as keyof ClientInput] !== val),
      ) as Partial<ClientInput>;
      if (Object.keys(patch).length === 0) {
        setBusy(false);
        onClose();
        return;
      }
      result = await api.call('clients/update', { id: client.id, patch });
    } else {
      result = await api.call('clients/create', input);
    }
    setBusy(false);
    if (!result.ok) {
      if (result.error.field) v.setServerError(result.error.field.replace(/^patch\./, ''), errorText(result.error));
      else setError(result.error);
      return;
    }
    onSaved(result.value, !client);
  };

  return (
    <FormDialog
      formId="client-form"
      title={client ? t('dialog.editTitle', { name: client.name }) : t('dialog.addTitle')}
      description={t('dialog.description')}
      width="max-w-[600px]"
      testId="client-dialog"
      onClose={onClose}
      dirty={dirty}
      onSubmit={save}
      busy={busy}
      error={error}
      errorClassName="col-span-6"
      submitLabel={client ? t('common.save', { ns: 'translation' }) : t('dialog.add')}
      className="grid grid-cols-6 gap-4"
    >
      <Field className="col-span-4" label={t('fields.name')} error={v.errorFor('name')}>
        {(p) => (
          <Input
            {...p}
            autoFocus
            value={draft.name}
            onChange={(e) => set({ name: e.target.value })}
            onBlur={() => v.touch('name')}
          />
        )}
      </Field>
      <Field className="col-span-2" label={t('fields.tier')} error={v.errorFor('tier')}>
        {(p) => (
          <Select
            {...p}
            value={draft.tier}
            onChange={(tier) => set({ tier })}
            options={TIERS.map((tier) => ({ value: String(tier), label: t(`tier.long.${tier}`) }))}
          />
        )}
      </Field>
      <Field className="col-span-3" label={t('fields.vertical')} error={choiceError('vertical', draft.vertical === '')}>
        {(p) => (
          <Select
            {...p}
            value={draft.vertical}
            placeholder={t('common.choose', { ns: 'translation' })}
            onChange={(vertical) => set({ vertical })}
            onBlur={() => v.touch('vertical')}
            options={VERTICALS.map((x) => ({ value: x, label: t(`vertical.${x}`) }))}
          />
        )}
      </Field>
      <Field className="col-span-3" label={t('fields.hub')} error={choiceError('hubId', draft.hubId === '')}>
        {(p) => (
          <Select
            {...p}
            value={draft.hubId}
            placeholder={t('common.choose', { ns: 'translation' })}
            onChange={(hubId) => set({ hubId })}
            onBlur={() => v.touch('hubId')}
            options={[
              ...hubs.map((h) => ({ value: String(h.id), label: h.name, icon: <HubDot color={h.color} /> })),
              { value: 'none', label: t('noHub') },
            ]}
          />
        )}
      </Field>
      <Field
        className="col-span-2"
        label={t('fields.country')}
        hint={t('dialog.countryHint')}
        error={v.errorFor('country')}
      >
        {(p) => (
          <Input
            {...p}
            value={draft.country}
            maxLength={2}
            className="uppercase"
            placeholder="MX"
            onChange={(e) => set({ country: e.target.value.toUpperCase() })}
            onBlur={() => v.touch('country')}
          />
        )}
      </Field>
      <Field
        className="col-span-4"
        label={t('fields.email')}
        optional
        optionalLabel={t('dialog.optional')}
        error={v.errorFor('email')}
      >
        {(p) => (
          <Input
            {...p}
            type="email"
            value={draft.email}
            autoComplete="off"
            onChange={(e) => set({ email: e.target.value })}
            onBlur={() => v.touch('email')}
          />
        )}
      </Field>
      <Field
        className="col-span-3"
        label={t('fields.paymentTermsDays')}
        hint={t('terms.daysHint')}
        error={termsError('paymentTermsDays', input.paymentTermsDays, v.errorFor('paymentTermsDays'), t)}
      >
        {(p) => (
          <UnitInput
            {...p}
            unit={t('terms.daysUnit')}
            value={draft.paymentTermsDays}
            onChange={(e) => set({ paymentTermsDays: e.target.value })}
            onBlur={() => v.touch('paymentTermsDays')}
          />
        )}
      </Field>
      <Field
        className="col-span-3"
        label={t('fields.depositPct')}
        hint={t('terms.depositHint')}
        error={termsError('depositPct', input.depositPct, v.errorFor('depositPct'), t)}
      >
        {(p) => (
          <UnitInput
            {...p}
            unit="%"
            value={draft.depositPct}
            onChange={(e) => set({ depositPct: e.target.value })}
            onBlur={() => v.touch('depositPct')}
          />
        )}
      </Field>
    </FormDialog>
  );
}
