import { Plus, X } from 'lucide-react';
import { Popover } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import { type Currency, HUB_COLORS, type HubTargetKind } from '../../../../shared/domain';
import { Button } from '../../components/Button';
import { cn } from '../../components/cn';
import { CurrencySelect, HubColorPicker, TimeZoneInput } from '../../components/DomainInputs';
import { Input, UnitInput } from '../../components/Field';
import { HubDot } from '../../components/HubDot';
import { RowErrors, rowFields } from '../../components/RowErrors';
import { Select } from '../../components/Select';
import { type HubDraft, newHub } from './drafts';
import type { StepProps } from './StepWorkspace';

const GRID =
  'grid grid-cols-[32px_minmax(0,1.3fr)_64px_minmax(0,1.6fr)_100px_minmax(0,1.4fr)_84px_32px] items-center gap-x-2.5';

export function StepHubs({ draft, update, v }: StepProps) {
  const { t } = useTranslation();
  const setHub = (i: number, patch: Partial<HubDraft>) => {
    const before = draft.hubs[i]!;
    const hubs = draft.hubs.map((h, j) => (j === i ? { ...h, ...patch } : h));
    // Renaming a hub keeps its people attached to it.
    const people =
      patch.name !== undefined && before.name.trim() !== ''
        ? draft.people.map((p) => (p.hubName === before.name ? { ...p, hubName: patch.name! } : p))
        : draft.people;
    update({ hubs, people });
    for (const k of Object.keys(patch)) v.edited(`hubs.${i}.${k === 'share' ? 'targetSharePct' : k}`);
  };
  const remove = (i: number) => update({ hubs: draft.hubs.filter((_, j) => j !== i) });
  const add = () => {
    const used = new Set(draft.hubs.map((h) => h.color));
    const color = HUB_COLORS.find((c) => !used.has(c)) ?? 'violet';
    update({ hubs: [...draft.hubs, newHub(color)] });
  };
  const listError = v.errorFor('hubs');
  const columns = [
    { key: 'name', label: t('fields.hubName') },
    { key: 'country', label: t('fields.country') },
    { key: 'timeZone', label: t('fields.timeZone') },
    { key: 'currency', label: t('fields.currency') },
    { key: 'targetKind', label: t('fields.target') },
    { key: 'targetSharePct', label: t('fields.share') },
  ];

  return (
    <div className="flex flex-col gap-2">
      <div className={cn(GRID, 'px-3 text-[12px] font-medium text-muted')} aria-hidden="true">
        <span>{t('fields.color')}</span>
        {columns.map((c) => (
          <span key={c.key} className="truncate">
            {c.label}
          </span>
        ))}
        <span />
      </div>
      {draft.hubs.map((h, i) => {
        const path = (f: string) => `hubs.${i}.${f}`;
        const label = h.name.trim() || t('onboarding.hubs.unnamed', { n: i + 1 });
        const errId = `hub-${h.key}-errors`;
        const { errors, aria } = rowFields({
          errId,
          columns,
          errorFor: v.errorFor,
          pathOf: path,
          labelOf: (what) => t('onboarding.hubs.fieldOf', { field: what, name: label }),
        });
        return (
          <fieldset
            key={h.key}
            className="rounded-[10px] border border-line bg-surface px-3 py-2.5"
            data-testid="onboarding-hub"
          >
            <legend className="sr-only">{label}</legend>
            <div className={GRID}>
              <Popover.Root>
                <Popover.Trigger
                  aria-label={t('onboarding.hubs.colorOfValue', { name: label, color: t(`colors.${h.color}`) })}
                  className="grid size-8 place-items-center rounded-md border border-line-strong hover:bg-hover"
                >
                  <HubDot color={h.color} className="size-3.5" />
                </Popover.Trigger>
                <Popover.Portal>
                  <Popover.Content
                    sideOffset={6}
                    align="start"
                    className="shadow-float z-50 animate-slide-down rounded-xl border border-line bg-surface p-2.5"
                  >
                    <HubColorPicker
                      value={h.color}
                      onChange={(color) => setHub(i, { color })}
                      label={t('onboarding.hubs.colorOf', { name: label })}
                    />
                  </Popover.Content>
                </Popover.Portal>
              </Popover.Root>
              <Input
                {...aria('name', t('fields.hubName'))}
                value={h.name}
                onChange={(e) => setHub(i, { name: e.target.value })}
                onBlur={() => v.touch(path('name'))}
              />
              <Input
                {...aria('country', t('fields.country'))}
                value={h.country}
                maxLength={2}
                placeholder="VE"
                className="uppercase"
                onChange={(e) => setHub(i, { country: e.target.value.toUpperCase() })}
                onBlur={() => v.touch(path('country'))}
              />
              <TimeZoneInput
                {...aria('timeZone', t('fields.timeZone'))}
                value={h.timeZone}
                onChange={(e) => setHub(i, { timeZone: e.target.value })}
                onBlur={() => v.touch(path('timeZone'))}
              />
              <CurrencySelect
                {...aria('currency', t('fields.currency'))}
                value={h.currency}
                onChange={(c) => setHub(i, { currency: c as Currency })}
              />
              <Select
                {...aria('targetKind', t('fields.target'))}
                value={h.targetKind === '' ? 'none' : h.targetKind}
                onChange={(k) =>
                  setHub(i, {
                    targetKind: k === 'none' ? '' : (k as HubTargetKind),
                    share: k === 'none' ? '' : h.share,
                  })
                }
                options={[
                  { value: 'none', label: t('hubs.target.none') },
                  { value: 'revenue', label: t('hubs.target.revenueShort') },
                  { value: 'projects', label: t('hubs.target.projectsShort') },
                ]}
              />
              <UnitInput
                {...aria('targetSharePct', t('fields.share'))}
                unit="%"
                value={h.share}
                disabled={h.targetKind === ''}
                onChange={(e) => setHub(i, { share: e.target.value })}
                onBlur={() => v.touch(path('targetSharePct'))}
              />
              <Button
                variant="ghost"
                size="icon"
                onClick={() => remove(i)}
                aria-label={t('onboarding.hubs.remove', { name: label })}
              >
                <X />
              </Button>
              <RowErrors id={errId} errors={errors} />
            </div>
          </fieldset>
        );
      })}
      {listError ? (
        <p role="alert" className="text-[12px] text-danger-text" data-testid="field-error">
          {listError}
        </p>
      ) : null}
      <div className="pt-1">
        <Button icon={<Plus />} onClick={add} disabled={draft.hubs.length >= 12}>
          {t('onboarding.hubs.add')}
        </Button>
      </div>
    </div>
  );
}
