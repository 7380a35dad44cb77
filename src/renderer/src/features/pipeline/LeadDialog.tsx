/**
 * New lead / edit lead. Every field is validated with the shared schema
 * (leadInputSchema) and its message sits under the field; nothing is sent
 * until the whole form is valid, and the core saves all of it or none.
 */
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError, Hub, Person, Service } from '../../../../shared/contract';
import {
  type Currency,
  LEAD_CHANNELS,
  type LeadChannel,
  TIERS,
  VERTICALS,
  type Vertical,
} from '../../../../shared/domain';
import type { LeadDetail } from '../../../../shared/leads';
import { type LeadInput, leadInputSchema } from '../../../../shared/leads-schemas';
import { AUTHORITIES, type Authority, NEEDS, type Need, TIMELINES, type Timeline } from '../../../../shared/scoring';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { majorToMinor, minorToMajor, numberForInput, parseDecimal } from '../../app/format';
import { errorTitle } from '../../app/i18n';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Modal, useDiscardGuard } from '../../components/Dialog';
import { CurrencySelect } from '../../components/DomainInputs';
import { Field, Input } from '../../components/Field';
import { HubDot } from '../../components/HubDot';
import { Select } from '../../components/Select';
import { useLeadForm } from './validation';

const NONE = 'none';

interface Draft {
  company: string;
  contactName: string;
  contactEmail: string;
  role: string;
  channel: string;
  vertical: string;
  tier: string;
  budget: string;
  expectedValue: string;
  currency: string;
  timeline: string;
  authority: string;
  need: string;
  ownerId: string;
  hubId: string;
  serviceId: string;
}

const idText = (id: number | null) => (id === null ? NONE : String(id));
const moneyText = (minor: number | null, currency: string, lang: string) =>
  minor === null ? '' : numberForInput(minorToMajor(minor, currency), lang);

function toDraft(lead: LeadDetail | null, defaults: { currency: Currency; hubId: number | null }, lang: string): Draft {
  if (!lead)
    return {
      company: '',
      contactName: '',
      contactEmail: '',
      role: '',
      channel: '',
      vertical: '',
      tier: '',
      budget: '',
      expectedValue: '',
      currency: defaults.currency,
      timeline: NONE,
      authority: NONE,
      need: NONE,
      ownerId: NONE,
      hubId: idText(defaults.hubId),
      serviceId: NONE,
    };
  return {
    company: lead.company,
    contactName: lead.contactName,
    contactEmail: lead.contactEmail ?? '',
    role: lead.role ?? '',
    channel: lead.channel,
    vertical: lead.vertical,
    tier: String(lead.tier),
    budget: moneyText(lead.budgetMinor, lead.currency, lang),
    expectedValue: moneyText(lead.expectedValueMinor, lead.currency, lang),
    currency: lead.currency,
    timeline: lead.timeline ?? NONE,
    authority: lead.authority ?? NONE,
    need: lead.need ?? NONE,
    ownerId: idText(lead.ownerId),
    hubId: idText(lead.hubId),
    serviceId: idText(lead.serviceId),
  };
}

/** A money field's text → minor units (NaN when it is not a number, so the schema says so). */
function money(text: string, currency: string, lang: string): number | undefined {
  const major = parseDecimal(text, lang);
  if (major === null) return undefined;
  return Number.isNaN(major) ? Number.NaN : majorToMinor(major, currency);
}

function toInput(d: Draft, lang: string): LeadInput {
  const orNull = <T extends string>(v: string) => (v === NONE || v === '' ? null : (v as T));
  const idOrNull = (v: string) => (v === NONE || v === '' ? null : Number(v));
  const budget = money(d.budget, d.currency, lang);
  return {
    company: d.company,
    contactName: d.contactName,
    contactEmail: d.contactEmail.trim() === '' ? null : d.contactEmail.trim(),
    role: d.role.trim() === '' ? null : d.role,
    channel: (d.channel || undefined) as LeadChannel,
    vertical: (d.vertical || undefined) as Vertical,
    tier: (d.tier ? Number(d.tier) : undefined) as 1 | 2 | 3,
    budgetMinor: budget === undefined ? null : budget,
    expectedValueMinor: money(d.expectedValue, d.currency, lang) as number,
    currency: d.currency as Currency,
    timeline: orNull<Timeline>(d.timeline),
    authority: orNull<Authority>(d.authority),
    need: orNull<Need>(d.need),
    ownerId: idOrNull(d.ownerId),
    hubId: idOrNull(d.hubId),
    serviceId: idOrNull(d.serviceId),
  };
}

export function LeadDialog({
  lead,
  people,
  hubs,
  services,
  defaults,
  onClose,
  onSaved,
}: {
  /** null: a new lead. */
  lead: LeadDetail | null;
  people: Person[];
  hubs: Hub[];
  services: Service[];
  defaults: { currency: Currency; hubId: number | null };
  onClose: () => void;
  onSaved: (lead: LeadDetail) => void;
}) {
  const { t, i18n } = useTranslation('pipeline');
  const lang = i18n.language;
  const [initial] = useState<Draft>(() => toDraft(lead, defaults, lang));
  const [draft, setDraft] = useState<Draft>(initial);
  const dirty = (Object.keys(initial) as (keyof Draft)[]).some((k) => draft[k] !== initial[k]);
  const { requestClose, prompt } = useDiscardGuard(dirty, onClose);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const input = useMemo(() => toInput(draft, lang), [draft, lang]);
  const v = useLeadForm(leadInputSchema, input);

  const set = (field: keyof Draft, path: string) => (value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    v.edited(path);
  };
  const text = (field: keyof Draft, path: string = field) => ({
    value: draft[field],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(field, path)(e.target.value),
    onBlur: () => v.touch(path),
  });

  const save = async () => {
    v.setSubmitted(true);
    if (!v.valid) {
      // Focus the first field that says what is wrong (after the messages render).
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    setError(null);
    const parsed = leadInputSchema.parse(input);
    const before = lead ? leadInputSchema.parse(toInput(toDraft(lead, defaults, lang), lang)) : null;
    const result = before
      ? await api.call('leads/update', {
          id: lead!.id,
          patch: Object.fromEntries(
            Object.entries(parsed).filter(([k, value]) => before[k as keyof typeof before] !== value),
          ),
        })
      : await api.call('leads/create', input);
    setBusy(false);
    if (!result.ok) {
      const field = result.error.field;
      if (field) v.setServerError(field, errorText(result.error));
      else setError(result.error);
      return;
    }
    onSaved(result.value);
  };

  const optional = t('form.optional');
  const unknownOption = { value: NONE, label: t('form.notKnown') };
  const projectServices = services.filter((s) => s.kind === 'project' && (s.active || s.id === lead?.serviceId));

  return (
    <Modal
      open
      onOpenChange={(o) => (o || busy ? undefined : requestClose())}
      title={lead ? t('form.editTitle', { company: lead.company }) : t('form.newTitle')}
      description={t('form.description')}
      width="max-w-2xl"
      testId="lead-dialog"
      footer={
        <>
          <Button onClick={requestClose} disabled={busy}>
            {t('common.cancel', { ns: 'translation' })}
          </Button>
          <Button type="submit" form="lead-form" variant="primary" busy={busy}>
            {lead ? t('common.save', { ns: 'translation' }) : t('form.create')}
          </Button>
        </>
      }
    >
      <form
        id="lead-form"
        ref={formRef}
        noValidate
        className="flex flex-col gap-5"
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
        <FormSection title={t('form.sections.contact')}>
          <Field label={t('fields.company')} error={v.errorFor('company')}>
            {(p) => <Input {...p} {...text('company')} maxLength={120} autoFocus autoComplete="off" />}
          </Field>
          <Field label={t('fields.contactName')} error={v.errorFor('contactName')}>
            {(p) => <Input {...p} {...text('contactName')} maxLength={120} autoComplete="off" />}
          </Field>
          <Field label={t('fields.contactEmail')} error={v.errorFor('contactEmail')} optional optionalLabel={optional}>
            {(p) => <Input {...p} {...text('contactEmail')} type="email" autoComplete="off" />}
          </Field>
          <Field label={t('fields.role')} error={v.errorFor('role')} optional optionalLabel={optional}>
            {(p) => <Input {...p} {...text('role')} maxLength={80} placeholder={t('form.rolePlaceholder')} />}
          </Field>
        </FormSection>

        <FormSection title={t('form.sections.source')}>
          <Field label={t('fields.channel')} error={v.errorFor('channel')}>
            {(p) => (
              <Select
                {...p}
                value={draft.channel}
                onChange={set('channel', 'channel')}
                onBlur={() => v.touch('channel')}
                placeholder={t('common.choose', { ns: 'translation' })}
                options={LEAD_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
              />
            )}
          </Field>
          <Field label={t('fields.vertical')} error={v.errorFor('vertical')}>
            {(p) => (
              <Select
                {...p}
                value={draft.vertical}
                onChange={set('vertical', 'vertical')}
                onBlur={() => v.touch('vertical')}
                placeholder={t('common.choose', { ns: 'translation' })}
                options={VERTICALS.map((x) => ({ value: x, label: t(`vertical.${x}`) }))}
              />
            )}
          </Field>
          <Field label={t('fields.tier')} error={v.errorFor('tier')}>
            {(p) => (
              <Select
                {...p}
                value={draft.tier}
                onChange={set('tier', 'tier')}
                onBlur={() => v.touch('tier')}
                placeholder={t('common.choose', { ns: 'translation' })}
                options={TIERS.map((x) => ({ value: String(x), label: t(`tier.long.${x}`) }))}
              />
            )}
          </Field>
          <Field label={t('fields.hub')} error={v.errorFor('hubId')} optional optionalLabel={optional}>
            {(p) => (
              <Select
                {...p}
                value={draft.hubId}
                onChange={set('hubId', 'hubId')}
                options={[
                  { value: NONE, label: t('noHub') },
                  ...hubs.map((h) => ({ value: String(h.id), label: h.name, icon: <HubDot color={h.color} /> })),
                ]}
              />
            )}
          </Field>
          <Field label={t('fields.owner')} error={v.errorFor('ownerId')} optional optionalLabel={optional}>
            {(p) => (
              <Select
                {...p}
                value={draft.ownerId}
                onChange={set('ownerId', 'ownerId')}
                options={[
                  { value: NONE, label: t('unassigned') },
                  ...people.map((x) => ({ value: String(x.id), label: x.name, hint: x.role })),
                ]}
              />
            )}
          </Field>
        </FormSection>

        <FormSection title={t('form.sections.qualification')} hint={t('form.qualificationHint')}>
          <Field
            label={t('fields.budget', { currency: draft.currency })}
            error={v.errorFor('budgetMinor')}
            optional
            optionalLabel={optional}
          >
            {(p) => <Input {...p} {...text('budget', 'budgetMinor')} inputMode="decimal" className="tabular-nums" />}
          </Field>
          <Field label={t('fields.timeline')} error={v.errorFor('timeline')}>
            {(p) => (
              <Select
                {...p}
                value={draft.timeline}
                onChange={set('timeline', 'timeline')}
                options={[unknownOption, ...TIMELINES.map((x) => ({ value: x, label: t(`timeline.${x}`) }))]}
              />
            )}
          </Field>
          <Field label={t('fields.authority')} error={v.errorFor('authority')}>
            {(p) => (
              <Select
                {...p}
                value={draft.authority}
                onChange={set('authority', 'authority')}
                options={[unknownOption, ...AUTHORITIES.map((x) => ({ value: x, label: t(`authority.${x}`) }))]}
              />
            )}
          </Field>
          <Field label={t('fields.need')} error={v.errorFor('need')}>
            {(p) => (
              <Select
                {...p}
                value={draft.need}
                onChange={set('need', 'need')}
                options={[unknownOption, ...NEEDS.map((x) => ({ value: x, label: t(`need.${x}`) }))]}
              />
            )}
          </Field>
        </FormSection>

        <FormSection title={t('form.sections.deal')}>
          <Field label={t('fields.expectedValue')} error={v.errorFor('expectedValueMinor')}>
            {(p) => (
              <Input
                {...p}
                {...text('expectedValue', 'expectedValueMinor')}
                inputMode="decimal"
                className="tabular-nums"
              />
            )}
          </Field>
          <Field label={t('fields.currency')} error={v.errorFor('currency')}>
            {(p) => (
              <CurrencySelect
                {...p}
                value={draft.currency}
                onChange={set('currency', 'currency')}
                onBlur={() => v.touch('currency')}
              />
            )}
          </Field>
          <Field
            label={t('fields.service')}
            error={v.errorFor('serviceId')}
            optional
            optionalLabel={optional}
            className="sm:col-span-2"
          >
            {(p) => (
              <Select
                {...p}
                value={draft.serviceId}
                onChange={set('serviceId', 'serviceId')}
                options={[
                  { value: NONE, label: t('form.noService') },
                  ...projectServices.map((s) => ({ value: String(s.id), label: s.name })),
                ]}
              />
            )}
          </Field>
        </FormSection>
      </form>
      {prompt}
    </Modal>
  );
}

function FormSection({ title, hint, children }: { title: string; hint?: string; children: React.ReactNode }) {
  return (
    <fieldset className="min-w-0">
      <legend className="mb-0.5 text-[12px] font-semibold tracking-wide text-muted uppercase">{title}</legend>
      {hint ? <p className="mb-2.5 text-[12px] text-faint">{hint}</p> : <div className="mb-2.5" />}
      <div className="grid grid-cols-1 gap-x-4 gap-y-3.5 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}
