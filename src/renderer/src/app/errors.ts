/**
 * A core error in the person's language. The core sends an English `message`
 * and, for the sentences in its catalog (src/shared/errors.ts), a `key` and
 * `params`; the key is translated under `coreError` in the locale files.
 * Unknown or missing keys fall back to the core's sentence, and English shows
 * the core's sentence (the catalog and en.json are kept equal by
 * tests/unit/core-errors.test.ts), its days and months as the screens write them.
 */
import i18n from 'i18next';
import { coreErrorEntry, type ErrorEnum } from '../../../shared/errors';
import type { ErrorParams, ErrorRef } from '../../../shared/result';
import { formatDate, formatMonth } from './format';
import { schemaMessageText } from './schema-messages';

/**
 * Where the renderer keeps the label of each domain value a sentence can name (namespace:prefix): the form a value
 * takes inside a sentence (lower-case in Spanish: «pasó de calificado a nuevo»).
 */
export const ERROR_ENUM_LABELS: Record<ErrorEnum, string> = {
  leadStage: 'pipeline:stageInSentence',
};

/** i18next's `t` without the typed-key overloads: the keys here are built at run time. */
const translate = (key: string, options: Record<string, unknown>): string =>
  (i18n.t as unknown as (key: string, options: Record<string, unknown>) => string).call(i18n, key, options);

/** A calendar day or month the core wrote as ISO ("2026-12-05", "2026-11"), in the person's language; else as sent. */
function localized(value: string | number): string | number {
  if (typeof value !== 'string') return value;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, i18n.language);
  if (/^\d{4}-\d{2}$/.test(value)) return formatMonth(value, i18n.language);
  return value;
}

/**
 * A keyed sentence with its params: domain values as their labels (in English, as the core wrote them), keyed parts
 * translated and joined.
 */
function translateRef(ref: ErrorRef, english = false): string | null {
  const entry = coreErrorEntry(ref.key);
  if (!entry) return null;
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(ref.params ?? {})) {
    if (Array.isArray(value)) {
      const parts = value.map((part) => translateRef(part, english));
      if (parts.some((p) => p === null)) return null;
      values[name] = parts.join(entry.lists?.[name] ?? ' ');
    } else {
      const domain = entry.enums?.[name];
      values[name] =
        domain && !english
          ? translate(`${ERROR_ENUM_LABELS[domain]}.${value}`, { defaultValue: String(value) })
          : localized(value);
    }
  }
  // With its values: a sentence that has only plural forms (_one, _other…) exists for its count.
  if (!i18n.exists(`coreError.${ref.key}`, values)) return null;
  return translate(`coreError.${ref.key}`, values);
}

/**
 * The sentence to show for an error from the core: translated when its key (or, without one, its schema sentence)
 * is known, else the core's own.
 */
export function errorText(error: {
  message: string;
  field?: string | undefined;
  key?: string | undefined;
  params?: ErrorParams | undefined;
}): string {
  // English is the core's own sentence, but with the days and months it names written as the screens write them
  // ("Dec 7, 2026", not "2026-12-07"): the same keyed sentence, from en.json (kept equal to the catalog).
  if (!i18n.language || i18n.language.startsWith('en'))
    return (
      (error.key && translateRef({ key: error.key, ...(error.params ? { params: error.params } : {}) }, true)) ||
      error.message
    );
  // Keyless: a shared schema's sentence (a request that broke one), when it is a known one. The core's dispatcher
  // names the field after it ("… cannot be empty. (name)"); the field is where the sentence is shown, or not needed.
  if (!error.key) {
    const named = error.field ? ` (${error.field})` : null;
    const sentence = named && error.message.endsWith(named) ? error.message.slice(0, -named.length) : error.message;
    return schemaMessageText(sentence) ?? error.message;
  }
  return translateRef({ key: error.key, ...(error.params ? { params: error.params } : {}) }) ?? error.message;
}
