import { CircleAlert } from 'lucide-react';
import { type ComponentProps, type ReactNode, useId } from 'react';
import { cn } from './cn';

export interface ControlProps {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
}

/**
 * A labelled control with its hint and its error right under it. The control
 * is rendered by `children(props)` so any input, select or switch can sit here
 * with the right id and ARIA wiring.
 */
export function Field({
  label,
  hint,
  error,
  children,
  className,
  optional,
  optionalLabel,
  labelHidden,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  children: (props: ControlProps) => ReactNode;
  className?: string;
  optional?: boolean;
  optionalLabel?: string;
  labelHidden?: boolean;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cn('flex min-w-0 flex-col gap-1.5', className)}>
      <label htmlFor={id} className={cn('text-[13px] font-medium text-fg', labelHidden && 'sr-only')}>
        {label}
        {optional && optionalLabel ? <span className="ml-1 font-normal text-faint">({optionalLabel})</span> : null}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
      {hint && !error ? (
        <p id={hintId} className="text-[12px] text-faint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** The message under an invalid control, for controls laid out without `Field`. */
export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="flex items-start gap-1 text-[12px] text-danger-text" data-testid="field-error">
      <CircleAlert className="mt-px size-3.5 shrink-0" aria-hidden="true" />
      <span>{children}</span>
    </p>
  );
}

export const controlClass = cn(
  'h-8 w-full min-w-0 rounded-[var(--radius-control)] border border-line-strong bg-surface px-2.5 text-[13px] text-fg',
  'transition-colors duration-150 hover:border-faint focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:border-accent',
  'disabled:cursor-not-allowed disabled:opacity-60 aria-[invalid=true]:border-danger',
);

export function Input({ className, ...props }: ComponentProps<'input'>) {
  return <input className={cn(controlClass, className)} {...props} />;
}

/** A number field with a unit shown inside on the right ("%", "h", "USD"). */
export function UnitInput({ unit, className, ...props }: ComponentProps<'input'> & { unit: string }) {
  return (
    <div className={cn('relative', className)}>
      <input className={cn(controlClass, 'pr-10 text-right tabular-nums')} inputMode="decimal" {...props} />
      <span className="pointer-events-none absolute inset-y-0 right-2.5 flex items-center text-[12px] text-faint">
        {unit}
      </span>
    </div>
  );
}
