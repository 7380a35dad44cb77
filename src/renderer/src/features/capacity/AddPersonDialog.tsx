/**
 * Add a person to the workspace after its setup (the onboarding wizard adds the first ones): who they are, where
 * they work and the hours they give, which the board's capacity is counted from.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError, Hub, Person } from '../../../../shared/contract';
import { EMPLOYMENT_TYPES, type EmploymentType, type Weekday } from '../../../../shared/domain';
import { type PersonInput, personInputSchema } from '../../../../shared/schemas';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { numberForInput, parseDecimal, weekdayNames } from '../../app/format';
import { useWorkspaceToday } from '../../app/today';
import { useDraft } from '../../app/useDraft';
import { useFieldErrors } from '../../app/validation';
import { cn } from '../../components/cn';
import { DateField, useDateTyping } from '../../components/DateField';
import { FormDialog } from '../../components/Dialog';
import { TimeZoneInput } from '../../components/DomainInputs';
import { Field, FieldError, Input, UnitInput } from '../../components/Field';
import { HubDot } from '../../components/HubDot';
import { Select } from '../../components/Select';

const NONE = 'none';
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const satisfies readonly Weekday[];
/** The fields the core can name in a refusal (anything else shows above the form). */
const FIELDS = Object.keys(personInputSchema.shape) as (keyof PersonInput)[];

interface Draft {
  name: string;
  role: string;
  email: string;
  /** A hub's id, or NONE (remote). */
  hubId: string;
  employmentType: EmploymentType;
  timeZone: string;
  hours: string;
  workdays: Weekday[];
  startDate: string;
  endDate: string;
}

function toInput(d: Draft, locale: string): PersonInput {
  const email = d.email.trim();
  return {
    name: d.name,
    email: email === '' ? null : email,
    role: d.role,
    hubId: d.hubId === NONE ? null : Number(d.hubId),
    employmentType: d.employmentType,
    timeZone: d.timeZone.trim(),
    hoursPerDay: parseDecimal(d.hours, locale) ?? Number.NaN,
    workdays: [...d.workdays].sort(),
    startDate: d.startDate,
    endDate: d.endDate === '' ? null : d.endDate,
  };
}

export function AddPersonDialog({
  hubs,
  defaultHubId,
  workspaceTimeZone,
  onClose,
  onAdded,
  returnFocus,
}: {
  hubs: Hub[];
  /** The hub the form opens on (the top bar's hub filter), else the first hub; null for none. */
  defaultHubId: number | null;
  /** A person with no hub works in this time zone until another is chosen. */
  workspaceTimeZone: string;
  onClose: () => void;
  onAdded: (person: Person) => void;
  /** Where focus goes when it closes, when what opened it is gone (the empty board's button, once someone is added). */
  returnFocus: () => HTMLElement | null;
}) {
  const { t, i18n } = useTranslation('capacity');
  const { t: tc } = useTranslation();
  const lang = i18n.language;
  const today = useWorkspaceToday();
  const zoneOf = (hubId: string) =>
    hubId === NONE ? workspaceTimeZone : (hubs.find((h) => String(h.id) === hubId)?.timeZone ?? workspaceTimeZone);
  const [draft, setDraft, changed] = useDraft<Draft>(() => {
    const hub = hubs.find((h) => h.id === defaultHubId) ?? hubs[0];
    const hubId = hub ? String(hub.id) : NONE;
    return {
      name: '',
      role: '',
      email: '',
      hubId,
      employmentType: 'core',
      timeZone: hub?.timeZone ?? workspaceTimeZone,
      hours: numberForInput(8, lang),
      workdays: [1, 2, 3, 4, 5],
      startDate: today,
      endDate: '',
    };
  });
  const { typing, typingIn } = useDateTyping();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const input = useMemo(() => toInput(draft, lang), [draft, lang]);
  const v = useFieldErrors(personInputSchema, input);
  const days = useMemo(() => weekdayNames(lang, 'short'), [lang]);

  const set = (p: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...p }));
    for (const k of Object.keys(p)) v.edited(k === 'hours' ? 'hoursPerDay' : k);
  };

  const chooseHub = (hubId: string) => {
    // The time zone follows the hub while it is the one the hub gave (not one typed for this person).
    const follow = draft.timeZone.trim() === zoneOf(draft.hubId);
    set(follow ? { hubId, timeZone: zoneOf(hubId) } : { hubId });
  };

  const toggleDay = (day: Weekday) => {
    // From the draft as it is now: presses quicker than a render each count.
    setDraft((d) => ({
      ...d,
      workdays: d.workdays.includes(day) ? d.workdays.filter((w) => w !== day) : [...d.workdays, day],
    }));
    v.edited('workdays');
  };

  const save = async () => {
    v.setSubmitted(true);
    // A date still being typed, or left unreadable, says so in its field: it is not saved as another date.
    if (!v.valid || typing) return;
    setBusy(true);
    setError(null);
    const result = await api.call('people/create', input);
    setBusy(false);
    if (!result.ok) {
      const field = result.error.field;
      if (field && (FIELDS as string[]).includes(field)) v.setServerError(field, errorText(result.error));
      else setError(result.error);
      return;
    }
    onAdded(result.value);
  };

  const hubOptions = [
    ...hubs.map((h) => ({ value: String(h.id), label: h.name, icon: <HubDot color={h.color} /> })),
    { value: NONE, label: t('addPerson.noHub') },
  ];
  const workdaysError = v.errorFor('workdays');
  const workdaysErrorId = 'add-person-workdays-error';

  return (
    <FormDialog
      formId="add-person-form"
      title={t('addPerson.title')}
      description={t('addPerson.description')}
      width="max-w-[600px]"
      testId="add-person-dialog"
      onClose={onClose}
      returnFocus={returnFocus}
      dirty={changed || typing}
      onSubmit={save}
      busy={busy}
      error={error}
      errorClassName="col-span-6"
      submitLabel={t('addPerson.submit')}
      className="grid grid-cols-6 gap-x-4 gap-y-3.5"
    >
      <Field className="col-span-3" label={t('addPerson.name')} error={v.errorFor('name')}>
        {(p) => (
          <Input
            {...p}
            autoFocus
            value={draft.name}
            maxLength={80}
            onChange={(e) => set({ name: e.target.value })}
            onBlur={() => v.touch('name')}
          />
        )}
      </Field>
      <Field className="col-span-3" label={t('addPerson.role')} error={v.errorFor('role')}>
        {(p) => (
          <Input
            {...p}
            value={draft.role}
            maxLength={60}
            placeholder={t('addPerson.rolePlaceholder')}
            onChange={(e) => set({ role: e.target.value })}
            onBlur={() => v.touch('role')}
          />
        )}
      </Field>
      <Field
        className="col-span-3"
        label={t('addPerson.email')}
        optional
        optionalLabel={t('optional')}
        error={v.errorFor('email')}
      >
        {(p) => (
          <Input
            {...p}
            type="email"
            value={draft.email}
            placeholder={t('addPerson.emailPlaceholder')}
            onChange={(e) => set({ email: e.target.value })}
            onBlur={() => v.touch('email')}
          />
        )}
      </Field>
      <Field className="col-span-3" label={t('addPerson.employment')} error={v.errorFor('employmentType')}>
        {(p) => (
          <Select
            {...p}
            value={draft.employmentType}
            onChange={(e) => set({ employmentType: e as EmploymentType })}
            options={EMPLOYMENT_TYPES.map((e) => ({ value: e, label: tc(`employment.${e}`) }))}
          />
        )}
      </Field>
      <Field className="col-span-3" label={t('addPerson.hub')} error={v.errorFor('hubId')}>
        {(p) => <Select {...p} value={draft.hubId} onChange={chooseHub} options={hubOptions} />}
      </Field>
      <Field
        className="col-span-3"
        label={t('addPerson.timeZone')}
        hint={t('addPerson.timeZoneHint')}
        error={v.errorFor('timeZone')}
      >
        {(p) => (
          <TimeZoneInput
            {...p}
            value={draft.timeZone}
            onChange={(e) => set({ timeZone: e.target.value })}
            onBlur={() => v.touch('timeZone')}
          />
        )}
      </Field>
      <fieldset
        className="col-span-3 flex min-w-0 flex-col gap-1.5"
        aria-describedby={workdaysError ? workdaysErrorId : undefined}
        data-testid="add-person-workdays"
      >
        <legend className="mb-1.5 text-[13px] font-medium text-fg">{t('addPerson.workdays')}</legend>
        <div className="flex gap-1">
          {WEEKDAYS.map((d) => {
            const on = draft.workdays.includes(d);
            return (
              <button
                key={d}
                type="button"
                aria-pressed={on}
                title={days[d - 1]!.long}
                onClick={() => toggleDay(d)}
                className={cn(
                  'h-8 min-w-0 flex-1 rounded-[var(--radius-control)] border px-0 text-[12.5px] capitalize transition-colors duration-150',
                  'focus-visible:outline-2 focus-visible:outline-offset-1',
                  on
                    ? 'border-accent/40 bg-accent-soft font-medium text-accent-text'
                    : 'border-line-strong text-muted hover:bg-hover hover:text-fg',
                  workdaysError && 'border-danger',
                )}
              >
                <span aria-hidden="true">{days[d - 1]!.name}</span>
                <span className="sr-only">{days[d - 1]!.long}</span>
              </button>
            );
          })}
        </div>
        {workdaysError ? <FieldError id={workdaysErrorId}>{workdaysError}</FieldError> : null}
      </fieldset>
      <Field className="col-span-3" label={t('addPerson.hours')} error={v.errorFor('hoursPerDay')}>
        {(p) => (
          <UnitInput
            {...p}
            unit="h"
            value={draft.hours}
            onChange={(e) => set({ hours: e.target.value })}
            onBlur={() => v.touch('hoursPerDay')}
          />
        )}
      </Field>
      <Field className="col-span-3" label={t('addPerson.startDate')} error={v.errorFor('startDate')}>
        {(p) => (
          <DateField
            {...p}
            value={draft.startDate}
            onChange={(date) => set({ startDate: date })}
            onTypingChange={typingIn('startDate')}
            onBlur={() => v.touch('startDate')}
          />
        )}
      </Field>
      <Field
        className="col-span-3"
        label={t('addPerson.endDate')}
        optional
        optionalLabel={t('optional')}
        hint={draft.endDate === '' ? t('addPerson.endDateHint') : undefined}
        error={v.errorFor('endDate')}
      >
        {(p) => (
          <DateField
            {...p}
            value={draft.endDate}
            min={draft.startDate || undefined}
            onChange={(date) => set({ endDate: date })}
            onTypingChange={typingIn('endDate')}
            onBlur={() => v.touch('endDate')}
          />
        )}
      </Field>
    </FormDialog>
  );
}
