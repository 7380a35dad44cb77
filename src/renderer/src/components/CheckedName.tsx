import { Check } from 'lucide-react';

/** A saved choice in a list of them (a view, a segment): a check when it is the one shown, then its name, whole on hover. */
export function CheckedName({ checked, name }: { checked: boolean; name: string }) {
  return (
    <>
      <span className="grid size-4 shrink-0 place-items-center">
        {checked ? <Check className="size-4 text-accent-text!" aria-hidden="true" /> : null}
      </span>
      <span className="min-w-0 flex-1 truncate" title={name}>
        {name}
      </span>
    </>
  );
}
