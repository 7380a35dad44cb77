/**
 * Field-level validation with the shared zod schemas. Errors are keyed by the
 * dotted path of the field ("hubs.0.name"); the schema's English sentences
 * are shown translated in the chosen language.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { z } from 'zod';
import i18n from './i18n';

export type FieldErrors = Record<string, string>;

type Rule = { re: RegExp; key: ValidationKey; params?: (m: RegExpMatchArray) => Record<string, string> };
type ValidationKey = keyof typeof import('./locales/en.json')['validation'];

/** Known schema messages → translation keys. Unknown ones fall back by issue code. */
const RULES: Rule[] = [
  { re: /cannot be empty\.$/, key: 'required' },
  { re: /can be at most (\d+) characters\.$/, key: 'maxChars', params: (m) => ({ max: m[1]! }) },
  { re: /^Choose a time zone\.$/, key: 'timeZoneRequired' },
  { re: /^Not a known time zone/, key: 'timeZone' },
  { re: /^Currency must be one of/, key: 'currency' },
  { re: /^Use a date like/, key: 'date' },
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

type Issue = z.core.$ZodIssue;

/** Keys built at run time from the table above (all present in both locales). */
const translate = i18n.t as unknown as (key: string, options?: Record<string, string>) => string;

function fallback(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return i18n.t('validation.invalid');
    case 'too_small':
      return i18n.t('validation.tooSmall', { min: String((issue as { minimum?: unknown }).minimum ?? '') });
    case 'too_big':
      return i18n.t('validation.tooBig', { max: String((issue as { maximum?: unknown }).maximum ?? '') });
    default:
      return i18n.t('validation.invalid');
  }
}

export function issueMessage(issue: Issue): string {
  for (const rule of RULES) {
    const m = issue.message.match(rule.re);
    if (m) return translate(`validation.${rule.key}`, rule.params?.(m));
  }
  return fallback(issue);
}

/** Turns a schema issue into the sentence shown; a feature may put its own table before this one. */
export type IssueMessage = (issue: Issue) => string;

/** Every field's first error, keyed by dotted path ('' for the object itself). */
export function fieldErrors(schema: z.ZodType, value: unknown, message: IssueMessage = issueMessage): FieldErrors {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    if (!(path in errors)) errors[path] = message(issue);
  }
  return errors;
}

/**
 * Form validation state: errors show for a field once it was edited and left
 * (blurred), or once the person tried to submit the part of the form that holds it;
 * server errors with a `field` join them until the field is edited.
 */
export function useFieldErrors(schema: z.ZodType, value: unknown, message: IssueMessage = issueMessage) {
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  /** Path prefixes the person tried to submit ('' = the whole form). */
  const [attempted, setAttempted] = useState<Set<string>>(() => new Set());
  const [server, setServer] = useState<FieldErrors>({});
  // The language is a dependency so messages re-translate when it changes.
  const language = i18n.language;
  // biome-ignore lint/correctness/useExhaustiveDependencies: language re-translates the messages.
  const errors = useMemo(() => fieldErrors(schema, value, message), [schema, value, message, language]);

  const dirty = useRef<Set<string>>(new Set());

  /** On blur: a field shows its error once it was edited and left (never for a pristine field). */
  const touch = useCallback((path: string) => {
    if (!dirty.current.has(path)) return;
    setTouched((t) => (t.has(path) ? t : new Set(t).add(path)));
  }, []);

  /** On change: remembers the field was edited and clears its server error. */
  const edited = useCallback((path: string) => {
    dirty.current.add(path);
    setServer((s) => {
      if (!(path in s)) return s;
      const { [path]: _, ...rest } = s;
      return rest;
    });
  }, []);

  const isAttempted = useCallback(
    (path: string) => {
      for (const prefix of attempted) {
        if (prefix === '' || path === prefix || path.startsWith(`${prefix}.`)) return true;
      }
      return false;
    },
    [attempted],
  );

  const errorFor = useCallback(
    (path: string): string | undefined => {
      if (server[path]) return server[path];
      if (isAttempted(path) || touched.has(path)) return errors[path];
      return undefined;
    },
    [errors, server, touched, isAttempted],
  );

  const attempt = useCallback((...prefixes: string[]) => {
    setAttempted((a) => {
      const next = new Set(a);
      for (const p of prefixes.length ? prefixes : ['']) next.add(p);
      return next;
    });
  }, []);

  const reset = useCallback(() => {
    dirty.current = new Set();
    setTouched(new Set());
    setAttempted(new Set());
    setServer({});
  }, []);

  return {
    errors,
    valid: Object.keys(errors).length === 0,
    errorFor,
    touch,
    edited,
    attempt,
    /** Marks the whole form as submitted. */
    setSubmitted: (on: boolean) => (on ? attempt('') : setAttempted(new Set())),
    setServerError: (path: string, message: string) => setServer((s) => ({ ...s, [path]: message })),
    clearServerErrors: () => setServer({}),
    reset,
  };
}
