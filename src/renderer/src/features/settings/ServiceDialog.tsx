import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError, Service } from '../../../../shared/contract';
import { type Currency, TIERS, type Tier } from '../../../../shared/domain';
import { serviceUpdateSchema } from '../../../../shared/schemas';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { majorToMinor, minorToMajor, numberForInput, parseDecimal } from '../../app/format';
import { useDraft } from '../../app/useDraft';
import { useFieldErrors } from '../../app/validation';
import { FormDialog } from '../../components/Dialog';
import { CurrencySelect } from '../../components/DomainInputs';
import { Field, Input, UnitInput } from '../../components/Field';
import { Switch } from '../../components/Switch';

interface Draft {
  name: string;
  currency: Currency;
  prices: Record<Tier, { min: string; max: string }>;
  turnMin: string;
  turnMax: string;
  effort: string;
  active: boolean;
}

function toDraft(s: Service, locale: string): Draft {
  const money = (minor: number) => numberForInput(minorToMajor(minor, s.currency), locale);
  return {
    name: s.name,
    currency: s.currency,
    prices: {
      1: { min: money(s.prices[1].min), max: money(s.prices[1].max) },
      2: { min: money(s.prices[2].min), max: money(s.prices[2].max) },
      3: { min: money(s.prices[3].min), max: money(s.prices[3].max) },
    },
    turnMin: numberForInput(s.turnaroundHours.min, locale),
    turnMax: numberForInput(s.turnaroundHours.max, locale),
    effort: numberForInput(s.effortHours, locale),
    active: s.active,
  };
}

const num = (s: string, locale: string) => parseDecimal(s, locale) ?? Number.NaN;

function toPatch(d: Draft, locale: string) {
  const minor = (s: string) => {
    const n = num(s, locale);
    return Number.isNaN(n) ? n : majorToMinor(n, d.currency);
  };
  return {
    name: d.name,
    currency: d.currency,
    prices: {
      1: { min: minor(d.prices[1].min), max: minor(d.prices[1].max) },
      2: { min: minor(d.prices[2].min), max: minor(d.prices[2].max) },
      3: { min: minor(d.prices[3].min), max: minor(d.prices[3].max) },
    },
    turnaroundHours: { min: num(d.turnMin, locale), max: num(d.turnMax, locale) },
    effortHours: num(d.effort, locale),
    active: d.active,
  };
}

/** Edit a service: prices per tier in the service currency (major units on screen, minor units stored). */
export function ServiceDialog({
  service,
  onClose,
  onSaved,
}: {
  service: Service;
  onClose: () => void;
  onSaved: (s: Service) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [draft, setDraft, dirty] = useDraft<Draft>(() => toDraft(service, lang));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const patch = useMemo(() => toPatch(draft, lang), [draft, lang]);
  const value = useMemo(() => ({ id: service.id, patch }), [service.id, patch]);
  const v = useFieldErrors(serviceUpdateSchema, value);
  const e = (path: string) => v.errorFor(`patch.${path}`);

  const set = (p: Partial<Draft>, paths: string[]) => {
    setDraft((d) => ({ ...d, ...p }));
    for (const path of paths) v.edited(`patch.${path}`);
  };
  const setPrice = (tier: Tier, end: 'min' | 'max', val: string) =>
    set({ prices: { ...draft.prices, [tier]: { ...draft.prices[tier], [end]: val } } }, [`prices.${tier}.${end}`]);

  const save = async () => {
    v.setSubmitted(true);
    if (!v.valid) return;
    setBusy(true);
    setError(null);
    const result = await api.call('catalogue/update', value);
    setBusy(false);
    if (!result.ok) {
      if (result.error.field) v.setServerError(result.error.field, errorText(result.error));
      else setError(result.error);
      return;
    }
    onSaved(result.value);
  };

  return (
    <FormDialog
      formId="service-form"
      title={t('catalogue.editTitle', { name: service.name })}
      description={t('catalogue.dialogDescription', { currency: draft.currency })}
      width="max-w-[620px]"
      testId="service-dialog"
      onClose={onClose}
      dirty={dirty}
      onSubmit={save}
      busy={busy}
      error={error}
      submitLabel={t('common.save')}
      className="flex flex-col gap-5"
    >
      <div className="grid grid-cols-6 gap-4">
        <Field className="col-span-4" label={t('catalogue.service')} error={e('name')}>
          {(p) => (
            <Input
              {...p}
              value={draft.name}
              onChange={(ev) => set({ name: ev.target.value }, ['name'])}
              onBlur={() => v.touch('patch.name')}
            />
          )}
        </Field>
        <Field className="col-span-2" label={t('fields.currency')} error={e('currency')}>
          {(p) => (
            <CurrencySelect
              {...p}
              value={draft.currency}
              onChange={(c) => set({ currency: c as Currency }, ['currency'])}
            />
          )}
        </Field>
      </div>

      <fieldset>
        <legend className="mb-2 text-[13px] font-semibold text-fg">
          {service.kind === 'subscription' ? t('catalogue.pricesMonthly') : t('catalogue.prices')}
        </legend>
        <div className="grid grid-cols-[1fr_1fr_1fr] gap-3">
          {TIERS.map((tier) => (
            <div key={tier} className="rounded-[10px] border border-line p-3">
              <p className="mb-2 text-[12px] font-medium text-muted">{t(`catalogue.tier${tier}`)}</p>
              <div className="flex flex-col gap-2">
                <Field
                  label={t('catalogue.tierMin', { tier: t(`catalogue.tier${tier}`) })}
                  labelHidden
                  error={e(`prices.${tier}.min`)}
                >
                  {(p) => (
                    <UnitInput
                      {...p}
                      unit={draft.currency}
                      placeholder={t('catalogue.min')}
                      value={draft.prices[tier].min}
                      onChange={(ev) => setPrice(tier, 'min', ev.target.value)}
                      onBlur={() => v.touch(`patch.prices.${tier}.min`)}
                      className="[&_input]:pr-12"
                    />
                  )}
                </Field>
                <Field
                  label={t('catalogue.tierMax', { tier: t(`catalogue.tier${tier}`) })}
                  labelHidden
                  error={e(`prices.${tier}.max`)}
                >
                  {(p) => (
                    <UnitInput
                      {...p}
                      unit={draft.currency}
                      placeholder={t('catalogue.max')}
                      value={draft.prices[tier].max}
                      onChange={(ev) => setPrice(tier, 'max', ev.target.value)}
                      onBlur={() => v.touch(`patch.prices.${tier}.max`)}
                      className="[&_input]:pr-12"
                    />
                  )}
                </Field>
              </div>
            </div>
          ))}
        </div>
      </fieldset>

      <div className="grid grid-cols-6 items-start gap-4">
        <Field className="col-span-2" label={t('catalogue.turnaroundMin')} error={e('turnaroundHours.min')}>
          {(p) => (
            <UnitInput
              {...p}
              unit="h"
              value={draft.turnMin}
              onChange={(ev) => set({ turnMin: ev.target.value }, ['turnaroundHours.min'])}
              onBlur={() => v.touch('patch.turnaroundHours.min')}
            />
          )}
        </Field>
        <Field className="col-span-2" label={t('catalogue.turnaroundMax')} error={e('turnaroundHours.max')}>
          {(p) => (
            <UnitInput
              {...p}
              unit="h"
              value={draft.turnMax}
              onChange={(ev) => set({ turnMax: ev.target.value }, ['turnaroundHours.max'])}
              onBlur={() => v.touch('patch.turnaroundHours.max')}
            />
          )}
        </Field>
        <Field className="col-span-2" label={t('catalogue.effortLabel')} error={e('effortHours')}>
          {(p) => (
            <UnitInput
              {...p}
              unit="h"
              value={draft.effort}
              onChange={(ev) => set({ effort: ev.target.value }, ['effortHours'])}
              onBlur={() => v.touch('patch.effortHours')}
            />
          )}
        </Field>
      </div>
      <div className="flex items-start gap-3 rounded-[10px] border border-line p-3">
        <Switch
          id="service-active"
          aria-describedby="service-active-hint"
          checked={draft.active}
          onCheckedChange={(active) => set({ active }, ['active'])}
          className="mt-0.5"
        />
        <div>
          <label htmlFor="service-active" className="text-[13px] font-medium text-fg">
            {t('catalogue.active')}
          </label>
          <p id="service-active-hint" className="text-[12px] text-faint">
            {t('catalogue.activeHint')}
          </p>
        </div>
      </div>
    </FormDialog>
  );
}
