/** Inputs that know the domain's vocabularies: time zones, currencies, hub colours. */
import { Check } from 'lucide-react';
import { RadioGroup } from 'radix-ui';
import { type ComponentProps, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CURRENCIES, HUB_COLORS, type HubColor } from '../../../shared/domain';
import { currencyName, timeZones } from '../app/format';
import { cn } from './cn';
import { Input } from './Field';
import { HUB_COLOR_CLASS } from './HubDot';
import { type Option, Select } from './Select';

let zonesCache: string[] | null = null;

/** A text input with the runtime's IANA zones as suggestions. */
export function TimeZoneInput(props: ComponentProps<'input'>) {
  const listId = useId();
  const zones = useMemo(() => {
    zonesCache ??= timeZones();
    return zonesCache;
  }, []);
  return (
    <>
      <Input {...props} list={listId} spellCheck={false} autoComplete="off" />
      <datalist id={listId}>
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
    </>
  );
}

type SelectAria = {
  id?: string;
  'aria-invalid'?: boolean | undefined;
  'aria-describedby'?: string | undefined;
  'aria-label'?: string;
};

export function CurrencySelect({
  value,
  onChange,
  onBlur,
  className,
  ...aria
}: { value: string; onChange: (v: string) => void; onBlur?: () => void; className?: string } & SelectAria) {
  const { i18n } = useTranslation();
  const options: Option[] = CURRENCIES.map((c) => ({ value: c, label: c, hint: currencyName(c, i18n.language) }));
  return <Select value={value} onChange={onChange} onBlur={onBlur} options={options} className={className} {...aria} />;
}

/** Six hub colours as a radio group of swatches (each with a name). */
export function HubColorPicker({
  value,
  onChange,
  label,
}: {
  value: HubColor;
  onChange: (c: HubColor) => void;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <RadioGroup.Root
      value={value}
      onValueChange={(v) => onChange(v as HubColor)}
      aria-label={label}
      orientation="horizontal"
      className="flex h-8 items-center gap-1.5"
    >
      {HUB_COLORS.map((c) => (
        <RadioGroup.Item
          key={c}
          value={c}
          aria-label={t(`colors.${c}`)}
          title={t(`colors.${c}`)}
          className={cn(
            'grid size-6 place-items-center rounded-full ring-offset-2 ring-offset-surface transition-shadow duration-150 data-[state=checked]:ring-2 data-[state=checked]:ring-fg/70',
            HUB_COLOR_CLASS[c],
          )}
        >
          <RadioGroup.Indicator>
            <Check className="size-3.5 text-white" strokeWidth={3} aria-hidden="true" />
          </RadioGroup.Indicator>
        </RadioGroup.Item>
      ))}
    </RadioGroup.Root>
  );
}
