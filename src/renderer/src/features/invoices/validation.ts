/**
 * Field messages for the money forms. The shared schemas (money-schemas.ts)
 * validate; their English sentences about amounts, quantities and tax rates are
 * shown in the chosen language here, and everything else goes through the app's
 * own translation (app/validation.ts). Server errors with a `field` sit beside it.
 */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useFieldErrors } from '../../app/validation';

type MoneyKey =
  | 'amountNumber'
  | 'amountPositive'
  | 'amountTooLarge'
  | 'quantityNumber'
  | 'quantityWhole'
  | 'quantityMin'
  | 'quantityMax'
  | 'priceNumber'
  | 'priceTooLarge'
  | 'taxNumber'
  | 'taxNegative'
  | 'taxMax'
  | 'linesMin'
  | 'chooseClient';

const RULES: { re: RegExp; key: MoneyKey }[] = [
  { re: /^The amount must be a number\.$/, key: 'amountNumber' },
  { re: /^The amount must be whole cents\.$/, key: 'amountNumber' },
  { re: /^The amount must be more than zero\.$/, key: 'amountPositive' },
  { re: /^The amount is too large\.$/, key: 'amountTooLarge' },
  { re: /^The quantity must be a number\.$/, key: 'quantityNumber' },
  { re: /^The quantity must be a whole number\.$/, key: 'quantityWhole' },
  { re: /^The quantity must be at least 1\.$/, key: 'quantityMin' },
  { re: /^The quantity can be at most/, key: 'quantityMax' },
  { re: /^The price must be a number\.$/, key: 'priceNumber' },
  { re: /^The price must be whole cents\.$/, key: 'priceNumber' },
  { re: /^The tax rate must be a number\.$/, key: 'taxNumber' },
  { re: /^The tax rate cannot be negative\.$/, key: 'taxNegative' },
  { re: /^The tax rate cannot exceed 100%\.$/, key: 'taxMax' },
  { re: /^An invoice needs at least one line\.$/, key: 'linesMin' },
];

/** Our own translation of the schema's first issue per path, where we know the sentence. */
function moneyMessages(schema: z.ZodType, value: unknown, t: (key: `validation.${MoneyKey}`) => string) {
  const result = schema.safeParse(value);
  const out: Record<string, string> = {};
  if (result.success) return out;
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    if (path in out) continue;
    let key = RULES.find((r) => r.re.test(issue.message))?.key;
    // Prices have bounds without a sentence of their own.
    if (!key && /^lines\.\d+\.unitPriceMinor$/.test(path)) key = 'priceTooLarge';
    if (!key && path === 'clientId') key = 'chooseClient';
    if (key) out[path] = t(`validation.${key}`);
  }
  return out;
}

/**
 * `useFieldErrors` with the money sentences translated and server errors kept
 * apart (shown until the field is edited again).
 */
export function useMoneyForm(schema: z.ZodType, value: unknown) {
  const { t, i18n } = useTranslation('invoices');
  const v = useFieldErrors(schema, value);
  const [server, setServer] = useState<Record<string, string>>({});
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language re-translates the messages.
  const mine = useMemo(() => moneyMessages(schema, value, t), [schema, value, t, i18n.language]);

  const errorFor = useCallback(
    (path: string): string | undefined => {
      if (server[path]) return server[path];
      const shown = v.errorFor(path);
      return shown ? (mine[path] ?? shown) : undefined;
    },
    [server, v, mine],
  );

  const edited = useCallback(
    (path: string) => {
      v.edited(path);
      setServer((s) => {
        if (!(path in s)) return s;
        const { [path]: _, ...rest } = s;
        return rest;
      });
    },
    [v],
  );

  return {
    valid: v.valid,
    errorFor,
    edited,
    touch: v.touch,
    attempt: v.attempt,
    setSubmitted: v.setSubmitted,
    setServerError: (path: string, message: string) => setServer((s) => ({ ...s, [path]: message })),
    clearServerErrors: () => setServer({}),
  };
}
