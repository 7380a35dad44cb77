/**
 * The shared schemas' English sentences (src/shared/schemas.ts) in the chosen
 * language. Forms meet them when they validate a field; the core sends the same
 * sentences back when a request breaks a schema, and those reach a field or a
 * toast through errorText. Unknown sentences give null.
 */
import i18n from 'i18next';

type Rule = { re: RegExp; key: ValidationKey; params?: (m: RegExpMatchArray) => Record<string, string> };
type ValidationKey = keyof typeof import('./locales/en.json')['validation'];

/** Known schema sentences → translation keys under `validation`. */
const RULES: Rule[] = [
  { re: /cannot be empty\.$/, key: 'required' },
  { re: /can be at most ([\d,]+) characters\.$/, key: 'maxChars', params: (m) => ({ max: m[1]! }) },
  { re: /^Choose a time zone\.$/, key: 'timeZoneRequired' },
  { re: /^Not a known time zone/, key: 'timeZone' },
  { re: /^Currency must be one of/, key: 'currency' },
  // Dates are typed in the app's language (components/DateField.tsx), not as the schema's ISO example.
  { re: /^Use a date like/, key: 'date', params: () => ({ pattern: translate('dateField.pattern') }) },
  { re: /^That date does not exist\.$/, key: 'dateMissing' },
  { re: /^Use a month like/, key: 'month' },
  { re: /^The logo must be/, key: 'logoType' },
  { re: /^The logo is larger/, key: 'logoSize' },
  { re: /^Use the two-letter country code/, key: 'country' },
  { re: /^The target share must be a number/, key: 'shareNumber' },
  { re: /^The target share cannot be negative/, key: 'shareNegative' },
  { re: /^The target share cannot exceed/, key: 'shareMax' },
  { re: /^A target needs both/, key: 'targetBoth' },
  { re: /^That email address/, key: 'email' },
  { re: /^Hours per day must be a number/, key: 'hoursNumber' },
  { re: /^Hours per day must be at least/, key: 'hoursMin' },
  { re: /^Hours per day can be at most/, key: 'hoursMax' },
  { re: /^Choose at least one working day/, key: 'workdays' },
  { re: /^The end date cannot be before/, key: 'endBeforeStart' },
  { re: /^The lowest price cannot exceed/, key: 'priceRange' },
  { re: /^The shortest turnaround cannot exceed/, key: 'turnaroundRange' },
  { re: /^Effort cannot be negative/, key: 'effortNegative' },
  { re: /^Effort can be at most/, key: 'effortMax' },
  { re: /^Add at least one hub/, key: 'hubsMin' },
  { re: /^At most 12 hubs/, key: 'hubsMax' },
  { re: /^Two hubs cannot have the same name/, key: 'hubDuplicate' },
  { re: /^Choose one of the hubs above/, key: 'hubChoose' },
  { re: /^Give the path of a workspace file/, key: 'path' },
];

/** Keys built at run time from the table above (all present in both locales). */
const translate = i18n.t as unknown as (key: string, options?: Record<string, string>) => string;

/** A schema's sentence translated, or null when it is not one the table knows. */
export function schemaMessageText(message: string): string | null {
  for (const rule of RULES) {
    const m = message.match(rule.re);
    if (m) return translate(`validation.${rule.key}`, rule.params?.(m));
  }
  return null;
}
