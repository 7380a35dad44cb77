import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError, Hub, Person } from '../../../../shared/contract';
import { type Currency, HUB_COLORS, type HubTargetKind } from '../../../../shared/domain';
import { type HubInput, hubInputSchema } from '../../../../shared/schemas';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { numberForInput, textCollator } from '../../app/format';
import { emptyHubFields, type HubFields, hubFieldsToInput } from '../../app/hubForm';
import { useDraft } from '../../app/useDraft';
import { useFieldErrors } from '../../app/validation';
import { FormDialog } from '../../components/Dialog';
import { CurrencySelect, HubColorPicker, TimeZoneInput } from '../../components/DomainInputs';
import { Field, Input, UnitInput } from '../../components/Field';
import { Select } from '../../components/Select';

interface Draft extends HubFields {
  leaderId: string;
}

function toDraft(hub: Hub | null, existing: Hub[], locale: string): Draft {
  if (!hub) {
    const used = new Set(existing.map((h) => h.color));
    return { ...emptyHubFields(HUB_COLORS.find((c) => !used.has(c)) ?? 'violet'), leaderId: '' };
  }
  return {
    name: hub.name,
    country: hub.country,
    timeZone: hub.timeZone,
    currency: hub.currency,
    targetKind: hub.targetKind ?? '',
    share: numberForInput(hub.targetSharePct, locale),
    leaderId: hub.leaderId === null ? '' : String(hub.leaderId),
    color: hub.color,
  };
}

function toInput(d: Draft, locale: string): HubInput {
  return hubFieldsToInput(d, d.leaderId === '' ? null : Number(d.leaderId), locale);
}

/** Add or edit a hub. Edits send only the fields that changed. */
export function HubDialog({
  hub,
  people,
  existing,
  onClose,
  onSaved,
}: {
  hub: Hub | null;
  people: Person[];
  existing: Hub[];
  onClose: () => void;
  onSaved: (hub: Hub, created: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft, dirty] = useDraft<Draft>(() => toDraft(hub, existing, i18n.language));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const input = useMemo(() => toInput(draft, i18n.language), [draft, i18n.language]);
  const v = useFieldErrors(hubInputSchema, input);

  const set = (p: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...p }));
    for (const k of Object.keys(p)) v.edited(k === 'share' ? 'targetSharePct' : k);
  };

  const leaderOptions = useMemo(() => {
    const collator = textCollator(i18n.language);
    const sorted = [...people].sort((a, b) => {
      const inA = hub && a.hubId === hub.id ? 0 : 1;
      const inB = hub && b.hubId === hub.id ? 0 : 1;
      return inA - inB || collator.compare(a.name, b.name);
    });
    return [
      { value: 'none', label: t('hubs.noLeader') },
      ...sorted.map((p) => ({ value: String(p.id), label: p.name, hint: p.role })),
    ];
  }, [people, hub, t, i18n.language]);

  const save = async () => {
    v.setSubmitted(true);
    if (!v.valid) return;
    setBusy(true);
    setError(null);
    let result: Awaited<ReturnType<typeof api.call<'hubs/create'>>>;
    if (hub) {
      const before = toInput(toDraft(hub, existing, i18n.language), i18n.language);
      const patch = Object.fromEntries(
        Object.entries(input).filter(([k, val]) => before[k as keyof HubInput] !== val),
      ) as Partial<HubInput>;
      if (Object.keys(patch).length === 0) {
        setBusy(false);
        onClose();
        return;
      }
      result = await api.call('hubs/update', { id: hub.id, patch });
    } else {
      result = await api.call('hubs/create', input);
    }
    setBusy(false);
    if (!result.ok) {
      if (result.error.field) v.setServerError(result.error.field.replace(/^patch\./, ''), errorText(result.error));
      else setError(result.error);
      return;
    }
    onSaved(result.value, !hub);
  };

  return (
    <FormDialog
      formId="hub-form"
      title={hub ? t('hubs.editTitle', { name: hub.name }) : t('hubs.addTitle')}
      description={t('hubs.dialogDescription')}
      width="max-w-[600px]"
      testId="hub-dialog"
      onClose={onClose}
      dirty={dirty}
      onSubmit={save}
      busy={busy}
      error={error}
      errorClassName="col-span-6"
      submitLabel={hub ? t('common.save') : t('hubs.add')}
      className="grid grid-cols-6 gap-4"
    >
      <Field className="col-span-4" label={t('fields.hubName')} error={v.errorFor('name')}>
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
      <Field
        className="col-span-2"
        label={t('fields.country')}
        hint={t('hubs.countryHint')}
        error={v.errorFor('country')}
      >
        {(p) => (
          <Input
            {...p}
            value={draft.country}
            maxLength={2}
            className="uppercase"
            placeholder="DK"
            onChange={(e) => set({ country: e.target.value.toUpperCase() })}
            onBlur={() => v.touch('country')}
          />
        )}
      </Field>
      <Field className="col-span-4" label={t('fields.timeZone')} error={v.errorFor('timeZone')}>
        {(p) => (
          <TimeZoneInput
            {...p}
            value={draft.timeZone}
            onChange={(e) => set({ timeZone: e.target.value })}
            onBlur={() => v.touch('timeZone')}
          />
        )}
      </Field>
      <Field className="col-span-2" label={t('fields.currency')} error={v.errorFor('currency')}>
        {(p) => <CurrencySelect {...p} value={draft.currency} onChange={(c) => set({ currency: c as Currency })} />}
      </Field>
      <Field className="col-span-4" label={t('fields.target')} error={v.errorFor('targetKind')}>
        {(p) => (
          <Select
            {...p}
            value={draft.targetKind === '' ? 'none' : draft.targetKind}
            onChange={(k) => set(k === 'none' ? { targetKind: '', share: '' } : { targetKind: k as HubTargetKind })}
            options={[
              { value: 'none', label: t('hubs.target.none') },
              { value: 'revenue', label: t('hubs.target.revenue') },
              { value: 'projects', label: t('hubs.target.projects') },
            ]}
          />
        )}
      </Field>
      <Field className="col-span-2" label={t('fields.share')} error={v.errorFor('targetSharePct')}>
        {(p) => (
          <UnitInput
            {...p}
            unit="%"
            value={draft.share}
            disabled={draft.targetKind === ''}
            onChange={(e) => set({ share: e.target.value })}
            onBlur={() => v.touch('targetSharePct')}
          />
        )}
      </Field>
      <Field className="col-span-4" label={t('fields.leader')} error={v.errorFor('leaderId')}>
        {(p) => (
          <Select
            {...p}
            value={draft.leaderId === '' ? 'none' : draft.leaderId}
            onChange={(id) => set({ leaderId: id === 'none' ? '' : id })}
            options={leaderOptions}
          />
        )}
      </Field>
      <div className="col-span-2 flex flex-col gap-1.5">
        <span className="text-[13px] font-medium text-fg" aria-hidden="true">
          {t('fields.color')}
        </span>
        <HubColorPicker value={draft.color} onChange={(color) => set({ color })} label={t('fields.color')} />
      </div>
    </FormDialog>
  );
}
