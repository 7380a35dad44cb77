/**
 * Field-level validation with the shared zod schemas. Errors are keyed by the
 * dotted path of the field ("hubs.0.name"); the schema's English sentences
 * are shown translated in the chosen language.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { z } from 'zod';
import i18n from './i18n';
import { schemaMessageText } from './schema-messages';

export type FieldErrors = Record<string, string>;

type Issue = z.core.$ZodIssue;

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
  return schemaMessageText(issue.message) ?? fallback(issue);
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
