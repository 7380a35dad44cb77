import { Plus, UserPlus, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { EMPLOYMENT_TYPES, type EmploymentType } from '../../../../shared/domain';
import { Button } from '../../components/Button';
import { cn } from '../../components/cn';
import { EmptyState } from '../../components/EmptyState';
import { Input, UnitInput } from '../../components/Field';
import { HubDot } from '../../components/HubDot';
import { RowErrors, rowFields } from '../../components/RowErrors';
import { Select } from '../../components/Select';
import { newPerson, type PersonDraft } from './drafts';
import type { StepProps } from './StepWorkspace';

const GRID =
  'grid grid-cols-[minmax(0,1.5fr)_minmax(0,1.4fr)_minmax(0,1.1fr)_minmax(0,1.1fr)_92px_32px] items-center gap-x-2.5';

export function StepPeople({ draft, update, v }: StepProps) {
  const { t } = useTranslation();
  const hubOptions = draft.hubs
    .filter((h) => h.name.trim() !== '')
    .map((h) => ({ value: h.name, label: h.name, icon: <HubDot color={h.color} /> }));
  const setPerson = (i: number, patch: Partial<PersonDraft>) => {
    update({ people: draft.people.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
    for (const k of Object.keys(patch)) v.edited(`people.${i}.${k === 'hours' ? 'hoursPerDay' : k}`);
  };
  const add = () => update({ people: [...draft.people, newPerson(hubOptions[0]?.value ?? '')] });
  const remove = (i: number) => update({ people: draft.people.filter((_, j) => j !== i) });
  const columns = [
    { key: 'name', label: t('fields.personName') },
    { key: 'role', label: t('fields.role') },
    { key: 'hubName', label: t('fields.hub') },
    { key: 'employmentType', label: t('fields.employmentType') },
    { key: 'hoursPerDay', label: t('fields.hoursShort') },
  ];

  if (draft.people.length === 0) {
    return (
      <EmptyState
        icon={UserPlus}
        titleLevel={3}
        title={t('onboarding.people.emptyTitle')}
        description={t('onboarding.people.emptyDescription')}
        className="py-8"
      >
        <Button variant="primary" icon={<Plus />} onClick={add}>
          {t('onboarding.people.add')}
        </Button>
      </EmptyState>
    );
  }

  return (
    <div className="flex flex-col gap-2">
      <div className={cn(GRID, 'px-3 text-[12px] font-medium text-muted')} aria-hidden="true">
        {columns.map((c) => (
          <span key={c.key} className="truncate">
            {c.label}
          </span>
        ))}
        <span />
      </div>
      {draft.people.map((person, i) => {
        const path = (f: string) => `people.${i}.${f}`;
        const label = person.name.trim() || t('onboarding.people.unnamed', { n: i + 1 });
        const errId = `person-${person.key}-errors`;
        const { errors, aria } = rowFields({
          errId,
          columns,
          errorFor: v.errorFor,
          pathOf: path,
          labelOf: (what) => t('onboarding.people.fieldOf', { field: what, name: label }),
        });
        return (
          <fieldset
            key={person.key}
            className="rounded-[10px] border border-line bg-surface px-3 py-2.5"
            data-testid="onboarding-person"
          >
            <legend className="sr-only">{label}</legend>
            <div className={GRID}>
              <Input
                {...aria('name', t('fields.personName'))}
                autoFocus={i === draft.people.length - 1 && person.name === ''}
                value={person.name}
                onChange={(e) => setPerson(i, { name: e.target.value })}
                onBlur={() => v.touch(path('name'))}
              />
              <Input
                {...aria('role', t('fields.role'))}
                value={person.role}
                placeholder={t('onboarding.people.rolePlaceholder')}
                onChange={(e) => setPerson(i, { role: e.target.value })}
                onBlur={() => v.touch(path('role'))}
              />
              <Select
                {...aria('hubName', t('fields.hub'))}
                value={person.hubName}
                placeholder={t('common.choose')}
                onChange={(hubName) => setPerson(i, { hubName })}
                options={hubOptions}
              />
              <Select
                {...aria('employmentType', t('fields.employmentType'))}
                value={person.employmentType}
                onChange={(e) => setPerson(i, { employmentType: e as EmploymentType })}
                options={EMPLOYMENT_TYPES.map((e) => ({ value: e, label: t(`employment.${e}`) }))}
              />
              <UnitInput
                {...aria('hoursPerDay', t('fields.hoursShort'))}
                unit="h"
                value={person.hours}
                onChange={(e) => setPerson(i, { hours: e.target.value })}
                onBlur={() => v.touch(path('hoursPerDay'))}
              />
              <Button
                variant="ghost"
                size="icon"
                onClick={() => remove(i)}
                aria-label={t('onboarding.people.remove', { name: label })}
              >
                <X />
              </Button>
              <RowErrors id={errId} errors={errors} />
            </div>
          </fieldset>
        );
      })}
      <div className="pt-1">
        <Button icon={<Plus />} onClick={add} disabled={draft.people.length >= 50}>
          {t('onboarding.people.add')}
        </Button>
      </div>
    </div>
  );
}
