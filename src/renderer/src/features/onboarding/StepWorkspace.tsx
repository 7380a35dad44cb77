import { useTranslation } from 'react-i18next';
import type { Currency } from '../../../../shared/domain';
import { CurrencySelect, TimeZoneInput } from '../../components/DomainInputs';
import { Field, Input } from '../../components/Field';
import type { OnboardingDraft } from './drafts';
import type { FieldApi } from './OnboardingWizard';

export interface StepProps {
  draft: OnboardingDraft;
  update: (patch: Partial<OnboardingDraft>) => void;
  v: FieldApi;
}

export function StepWorkspace({ draft, update, v }: StepProps) {
  const { t } = useTranslation();
  return (
    <div className="max-w-md">
      <Field label={t('onboarding.fields.name')} hint={t('onboarding.fields.nameHint')} error={v.errorFor('name')}>
        {(p) => (
          <Input
            {...p}
            autoFocus
            value={draft.name}
            placeholder={t('onboarding.fields.namePlaceholder')}
            onChange={(e) => {
              update({ name: e.target.value });
              v.edited('name');
            }}
            onBlur={() => v.touch('name')}
          />
        )}
      </Field>
    </div>
  );
}

export function StepRegion({ draft, update, v }: StepProps) {
  const { t } = useTranslation();
  return (
    <div className="grid max-w-xl grid-cols-2 gap-4">
      <Field
        label={t('fields.reportingCurrency')}
        hint={t('onboarding.fields.currencyHint')}
        error={v.errorFor('reportingCurrency')}
      >
        {(p) => (
          <CurrencySelect
            {...p}
            value={draft.reportingCurrency}
            onChange={(c) => {
              update({ reportingCurrency: c as Currency });
              v.edited('reportingCurrency');
            }}
          />
        )}
      </Field>
      <Field label={t('fields.timeZone')} hint={t('onboarding.fields.timeZoneHint')} error={v.errorFor('timeZone')}>
        {(p) => (
          <TimeZoneInput
            {...p}
            value={draft.timeZone}
            onChange={(e) => {
              update({ timeZone: e.target.value });
              v.edited('timeZone');
            }}
            onBlur={() => v.touch('timeZone')}
          />
        )}
      </Field>
    </div>
  );
}
