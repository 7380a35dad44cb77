import { type Dispatch, type SetStateAction, useState } from 'react';

/**
 * A form's draft and whether it differs from what the form opened with (so
 * closing it can ask before discarding). Drafts are small plain objects of
 * strings, numbers and nested plain objects, compared by value.
 */
export function useDraft<T>(initial: () => T): [T, Dispatch<SetStateAction<T>>, boolean] {
  const [opened] = useState(() => JSON.stringify(initial()));
  const [draft, setDraft] = useState<T>(() => JSON.parse(opened) as T);
  return [draft, setDraft, JSON.stringify(draft) !== opened];
}

/**
 * A form's draft after what it was edited from was saved anew elsewhere (another window, the CLI): the fields the
 * person changed keep their edits, the others take the new saved values.
 */
export function rebaseDraft<T extends object>(draft: T, before: T, after: T): T {
  const rebased = { ...after };
  for (const key of Object.keys(draft) as (keyof T)[])
    if (JSON.stringify(draft[key]) !== JSON.stringify(before[key])) rebased[key] = draft[key];
  return rebased;
}
