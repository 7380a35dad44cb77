import { CircleAlert } from 'lucide-react';

/** Errors of one row of a compact grid form, listed under the row ("Country: …"). */
export function RowErrors({ id, errors }: { id: string; errors: { label: string; message: string }[] }) {
  if (errors.length === 0) return null;
  return (
    <ul id={id} className="col-span-full flex flex-col gap-0.5 pt-1 pl-0.5" data-testid="field-error">
      {errors.map((e) => (
        <li key={e.label} className="flex items-start gap-1 text-[12px] text-danger-text">
          <CircleAlert className="mt-px size-3.5 shrink-0" aria-hidden="true" />
          <span>
            <span className="font-medium">{e.label}:</span> {e.message}
          </span>
        </li>
      ))}
    </ul>
  );
}
