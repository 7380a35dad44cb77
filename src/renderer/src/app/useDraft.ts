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
