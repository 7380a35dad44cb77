/** Months and days in the workspace's time zone, missing FX rates, and form errors for the finance tabs. */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { z } from 'zod';
import type { Currency } from '../../../../shared/domain';
import type { MissingRate } from '../../../../shared/money';
import i18n from '../../app/i18n';
import { useApp } from '../../app/store';
import { type FieldErrors, fieldErrors, issueMessage } from '../../app/validation';

export function useReportingCurrency(): Currency {
  return useApp((s) => s.settings?.reportingCurrency) ?? 'USD';
}

/** Number of months from `from` to `to`, inclusive. */
export function monthSpan(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return ty * 12 + tm - (fy * 12 + fm) + 1;
}

export const isMonth = (s: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);

/**
 * Missing rates grouped by currency, with the earliest date each needs:
 * one rate on or before that date makes every figure of that currency convertible.
 */
export function groupMissing(rates: MissingRate[]): MissingRate[] {
  const earliest = new Map<Currency, string>();
  for (const r of rates) {
    const d = earliest.get(r.currency);
    if (!d || r.date < d) earliest.set(r.currency, r.date);
  }
  return [...earliest]
    .map(([currency, date]) => ({ currency, date }))
    .sort((a, b) => (a.currency < b.currency ? -1 : 1));
}

// ---------- Form errors ----------

type Issue = z.core.$ZodIssue;
type FinanceValidationKey =
  | 'amountNumber'
  | 'amountPositive'
  | 'amountCents'
  | 'amountTooLarge'
  | 'category'
  | 'rateNumber'
  | 'ratePositive'
  | 'rateTooLarge'
  | 'lastMonthMonthly'
  | 'lastMonthBefore'
  | 'client'
  | 'service'
  | 'rangeOrder'
  | 'sameFee';

const RULES: { re: RegExp; key: FinanceValidationKey }[] = [
  { re: /^The (amount|fee) must be a number\.$/, key: 'amountNumber' },
  { re: /^The amount must be whole cents\.$/, key: 'amountCents' },
  { re: /^The amount must be more than zero\.$/, key: 'amountPositive' },
  { re: /^The amount is too large\.$/, key: 'amountTooLarge' },
  { re: /^Choose a category\.$/, key: 'category' },
  { re: /^The rate must be a number\.$/, key: 'rateNumber' },
  { re: /^The rate must be more than zero\.$/, key: 'ratePositive' },
  { re: /^The rate is too large\.$/, key: 'rateTooLarge' },
  { re: /^Only a monthly expense can have a last month\.$/, key: 'lastMonthMonthly' },
  { re: /^The last month cannot be before the first\.$/, key: 'lastMonthBefore' },
  { re: /^The range must end on or after/, key: 'rangeOrder' },
];

const PATH_RULES: Record<string, FinanceValidationKey> = { clientId: 'client', serviceId: 'service' };

/** A schema issue in the chosen language: the finance sentences first, then the app's table. */
export function financeIssueMessage(issue: Issue): string {
  for (const rule of RULES) {
    if (rule.re.test(issue.message)) return i18n.t(`validation.${rule.key}`, { ns: 'finance' });
  }
  const path = issue.path.map(String).join('.');
  const byPath = PATH_RULES[path];
  if (byPath) return i18n.t(`validation.${byPath}`, { ns: 'finance' });
  return issueMessage(issue);
}

export const financeFieldErrors = (schema: z.ZodType, value: unknown): FieldErrors =>
  fieldErrors(schema, value, financeIssueMessage);

const NO_ERRORS: FieldErrors = {};

/**
 * Field errors for a finance form (plus `extra` checks the schema cannot make): a field shows its error once edited and left,
 * or after the person tried to submit; a server error with a field joins them
 * until the field is edited again.
 */
export function useFinanceErrors(schema: z.ZodType, value: unknown, extra: FieldErrors = NO_ERRORS) {
  const language = i18n.language;
  // biome-ignore lint/correctness/useExhaustiveDependencies: language re-translates the messages.
  const errors = useMemo(() => financeFieldErrors(schema, value), [schema, value, language]);
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<FieldErrors>({});
  const dirty = useRef<Set<string>>(new Set());

  const touch = useCallback((path: string) => {
    if (!dirty.current.has(path)) return;
    setTouched((t) => (t.has(path) ? t : new Set(t).add(path)));
  }, []);
  /** A server error is about the whole combination (e.g. a CONFLICT on a date), so any edit clears them. */
  const edited = useCallback((path: string) => {
    dirty.current.add(path);
    setServer((s) => (Object.keys(s).length === 0 ? s : {}));
  }, []);
  const errorFor = useCallback(
    (path: string): string | undefined =>
      server[path] ?? (submitted || touched.has(path) ? (errors[path] ?? extra[path]) : undefined),
    [errors, extra, server, submitted, touched],
  );
  const reset = useCallback(() => {
    dirty.current = new Set();
    setTouched(new Set());
    setSubmitted(false);
    setServer({});
  }, []);
  return {
    errors,
    valid: Object.keys(errors).length === 0 && Object.keys(extra).length === 0,
    errorFor,
    touch,
    edited,
    submit: () => setSubmitted(true),
    setServerError: (path: string, message: string) => setServer((s) => ({ ...s, [path]: message })),
    reset,
  };
}
