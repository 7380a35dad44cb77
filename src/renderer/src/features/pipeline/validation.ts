/**
 * Field messages for the pipeline's forms. The shared schemas (leads-schemas.ts,
 * scoring.ts) validate; their sentences about leads, amounts, probabilities and
 * weights are shown in the chosen language here, everything else through the
 * app's own translation (app/validation.ts). Server errors with a `field` sit
 * beside the field until it is edited.
 */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useFieldErrors } from '../../app/validation';

type Key =
  | 'chooseChannel'
  | 'chooseVertical'
  | 'chooseTier'
  | 'chooseService'
  | 'chooseKind'
  | 'amountNumber'
  | 'amountPositive'
  | 'amountTooLarge'
  | 'lostReason'
  | 'reasonMax'
  | 'dueBeforeStart'
  | 'noteMax'
  | 'probabilityNumber'
  | 'probabilityMin'
  | 'probabilityMax'
  | 'pointsNumber'
  | 'pointsWhole'
  | 'pointsNegative'
  | 'pointsMax'
  | 'pointsTotal'
  | 'shareNumber'
  | 'shareRange'
  | 'halfLife'
  | 'touches';

const RULES: { re: RegExp; key: Key; params?: (m: RegExpMatchArray) => Record<string, string> }[] = [
  { re: /^Choose a channel\.$/, key: 'chooseChannel' },
  { re: /^Choose a vertical\.$/, key: 'chooseVertical' },
  { re: /^The tier must be 1, 2 or 3\.$/, key: 'chooseTier' },
  { re: /^Choose call, email, meeting or note\.$/, key: 'chooseKind' },
  { re: /^The amount must be (a number|whole cents)\.$/, key: 'amountNumber' },
  { re: /^The amount must be more than zero\.$/, key: 'amountPositive' },
  { re: /^The amount is too large\.$/, key: 'amountTooLarge' },
  { re: /^Say why the lead was lost\.$/, key: 'lostReason' },
  { re: /^The due date cannot be before the start\.$/, key: 'dueBeforeStart' },
  { re: /^A note can be at most/, key: 'noteMax' },
  { re: /^The probability must be a number\.$/, key: 'probabilityNumber' },
  { re: /^The probability cannot be below/, key: 'probabilityMin' },
  { re: /^The probability cannot be above/, key: 'probabilityMax' },
  { re: /^Points for \w+ must be a number\.$/, key: 'pointsNumber' },
  { re: /^Points for \w+ must be a whole number\.$/, key: 'pointsWhole' },
  { re: /^Points for \w+ cannot be negative\.$/, key: 'pointsNegative' },
  { re: /^Points for \w+ cannot exceed 100\.$/, key: 'pointsMax' },
  {
    re: /^The factor points must add up to exactly 100; they add up to (\d+)/,
    key: 'pointsTotal',
    params: (m) => ({ total: m[1]! }),
  },
  { re: /share.* must be a number/, key: 'shareNumber' },
  { re: /share.* cannot be (below 0|above 1)/, key: 'shareRange' },
  { re: /^The engagement half-life/, key: 'halfLife' },
  { re: /(Touches for full engagement|Full engagement needs)/, key: 'touches' },
];

/** Our translation of the schema's first issue per path, where we know the sentence. */
function ownMessages(
  schema: z.ZodType,
  value: unknown,
  t: (key: `validation.${Key}`, params?: Record<string, string>) => string,
): Record<string, string> {
  const result = schema.safeParse(value);
  const out: Record<string, string> = {};
  if (result.success) return out;
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    if (path in out) continue;
    const rule = RULES.find((r) => r.re.test(issue.message));
    let key = rule?.key;
    let params: Record<string, string> | undefined;
    if (rule?.params) params = rule.params(issue.message.match(rule.re)!);
    // Ids chosen from a list have no sentence of their own.
    if (!key && path === 'serviceId') key = 'chooseService';
    if (!key && path === 'reason' && issue.code === 'too_big') key = 'reasonMax';
    if (key) out[path] = t(`validation.${key}`, params);
  }
  return out;
}

/** `useFieldErrors` with the pipeline's sentences translated and server errors kept apart. */
export function useLeadForm(schema: z.ZodType, value: unknown) {
  const { t, i18n } = useTranslation('pipeline');
  const v = useFieldErrors(schema, value);
  const [server, setServer] = useState<Record<string, string>>({});
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language re-translates the messages.
  const mine = useMemo(
    () => ownMessages(schema, value, t as unknown as (key: string, params?: Record<string, string>) => string),
    [schema, value, t, i18n.language],
  );

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
    /** Every current error (translated), shown or not: for a form-level summary. */
    errors: v.errors,
    own: mine,
    errorFor,
    edited,
    touch: v.touch,
    attempt: v.attempt,
    setSubmitted: v.setSubmitted,
    setServerError: (path: string, message: string) => setServer((s) => ({ ...s, [path]: message })),
    clearServerErrors: () => setServer({}),
  };
}
