/**
 * Field messages for the money forms. The shared schemas (money-schemas.ts)
 * validate; their English sentences about amounts, quantities and tax rates are
 * shown in the chosen language here, and everything else goes through the app's
 * own translation (app/validation.ts). Server errors with a `field` sit beside it.
 */
import type { z } from 'zod';
import i18n from '../../app/i18n';
import { issueMessage, useFieldErrors } from '../../app/validation';

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

const translate = i18n.t as unknown as (key: string, options?: Record<string, string>) => string;

/** A schema issue in the chosen language: the money sentences first, then the app's table. */
function moneyIssueMessage(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  let key = RULES.find((r) => r.re.test(issue.message))?.key;
  // Prices have bounds without a sentence of their own.
  if (!key && /^lines\.\d+\.unitPriceMinor$/.test(path)) key = 'priceTooLarge';
  if (!key && path === 'clientId') key = 'chooseClient';
  return key ? translate(`validation.${key}`, { ns: 'invoices' }) : issueMessage(issue);
}

/** `useFieldErrors` with the money sentences translated; a server error with a field shows until it is edited. */
export function useMoneyForm(schema: z.ZodType, value: unknown) {
  return useFieldErrors(schema, value, moneyIssueMessage);
}
