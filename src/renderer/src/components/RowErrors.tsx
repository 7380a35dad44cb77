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

/**
 * The error list and ARIA wiring of one editable row whose fields are validated
 * by dotted paths (e.g. `hubs.2.country`): which fields have errors, and the
 * label / invalid / described-by attributes each field's input needs.
 */
export function rowFields(options: {
  errId: string;
  columns: { key: string; label: string }[];
  errorFor: (path: string) => string | undefined | null;
  pathOf: (field: string) => string;
  labelOf: (fieldLabel: string) => string;
}) {
  const { errId, columns, errorFor, pathOf, labelOf } = options;
  const errors = columns
    .map((c) => ({ label: c.label, message: errorFor(pathOf(c.key)) }))
    .filter((e): e is { label: string; message: string } => Boolean(e.message));
  const aria = (key: string, what: string) => {
    const bad = Boolean(errorFor(pathOf(key)));
    return {
      'aria-label': labelOf(what),
      'aria-invalid': bad || undefined,
      'aria-describedby': bad ? errId : undefined,
    };
  };
  return { errors, aria };
}
