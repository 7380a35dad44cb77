/**
 * A month (YYYY-MM) as two selects, month and year, in the app's language. The native
 * <input type="month"> writes its months in Chromium's own UI language ("July 2026" in Spanish).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateFormat, intlLocale } from '../app/format';
import { cn } from './cn';
import { Select } from './Select';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** Years offered either side of the chosen one (or this year's); choosing one moves the window. */
const YEARS_AROUND = 5;

const pad = (m: number) => String(m).padStart(2, '0');

/** The month names of a language, January first. */
function monthNames(lang: string): string[] {
  const format = dateFormat(intlLocale(lang), { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => format.format(new Date(Date.UTC(2000, i, 15))));
}

export function MonthPicker({
  value,
  onChange,
  label,
  min,
  max,
  onBlur,
  className,
  id,
  ...aria
}: {
  /** YYYY-MM, or '' for none yet. */
  value: string;
  onChange: (month: string) => void;
  /** The field's name, read with each select's ("From: month", "From: year"). */
  label: string;
  /** The first and last months that can be chosen (YYYY-MM); a year past them is left out, a month disabled. */
  min?: string | undefined;
  max?: string | undefined;
  onBlur?: () => void;
  className?: string;
  /** Given to the month select, so a <label for> reaches the picker. */
  id?: string;
  'aria-invalid'?: boolean | undefined;
  'aria-describedby'?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const parts = MONTH.exec(value);
  const [pendingYear, setPendingYear] = useState(() => new Date().getFullYear());
  const year = parts ? Number(parts[1]) : pendingYear;
  const month = parts ? Number(parts[2]) : null;
  const lo = min && MONTH.test(min) ? min : undefined;
  const hi = max && MONTH.test(max) ? max : undefined;

  const choose = (y: number, m: number | null) => {
    if (m === null) return setPendingYear(y);
    let next = `${y}-${pad(m)}`;
    if (lo && next < lo) next = lo;
    if (hi && next > hi) next = hi;
    onChange(next);
  };

  const years: number[] = [];
  for (let y = year - YEARS_AROUND; y <= year + YEARS_AROUND; y++)
    if (y === year || ((!lo || y >= Number(lo.slice(0, 4))) && (!hi || y <= Number(hi.slice(0, 4))))) years.push(y);
  const names = monthNames(i18n.language);
  const monthOptions = names.map((name, i) => {
    const m = `${year}-${pad(i + 1)}`;
    return {
      value: String(i + 1),
      label: name,
      disabled: (lo !== undefined && m < lo) || (hi !== undefined && m > hi),
    };
  });

  return (
    <fieldset aria-label={label} className={cn('grid grid-cols-[8rem_5rem] gap-1.5', className)}>
      <Select
        id={id}
        aria-label={t('monthPicker.month', { label })}
        aria-invalid={aria['aria-invalid']}
        aria-describedby={aria['aria-describedby']}
        value={month === null ? '' : String(month)}
        onChange={(m) => choose(year, Number(m))}
        onBlur={onBlur}
        options={monthOptions}
        placeholder={t('common.choose')}
      />
      <Select
        aria-label={t('monthPicker.year', { label })}
        aria-invalid={aria['aria-invalid']}
        aria-describedby={aria['aria-describedby']}
        className="tabular-nums"
        value={String(year)}
        onChange={(y) => choose(Number(y), month)}
        options={years.map((y) => ({ value: String(y), label: String(y) }))}
      />
    </fieldset>
  );
}
