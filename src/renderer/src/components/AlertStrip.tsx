/**
 * A one-line band of alerts above a screen's table or board: a priority badge,
 * what the screen fills in (a sentence, the entities to open), and a button
 * that dismisses every alert shown.
 */
import { X } from 'lucide-react';
import { type ReactNode, useState } from 'react';
import { toastError } from '../app/actions';
import { api } from '../app/api';
import { Button } from './Button';
import { cn } from './cn';
import { Tip } from './Tooltip';

export function AlertStrip({
  label,
  badge,
  ids,
  dismissLabel,
  onDismissed,
  focusAfterDismiss,
  className,
  testId,
  children,
}: {
  /** The region's name for screen readers. */
  label: string;
  badge: ReactNode;
  /** The alerts the dismiss button dismisses. */
  ids: number[];
  dismissLabel: string;
  onDismissed: () => void;
  /** Where the keyboard goes once the band (and the button that had focus) is gone. */
  focusAfterDismiss?: () => HTMLElement | null;
  className?: string;
  testId: string;
  children: ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  const dismiss = async () => {
    setBusy(true);
    const result = await api.call('alerts/dismiss', { ids });
    setBusy(false);
    if (!result.ok) toastError(result.error);
    else focusAfterDismiss?.()?.focus();
    onDismissed();
  };
  return (
    <section
      aria-label={label}
      className={cn('flex items-center gap-3 rounded-[10px] border border-line bg-surface px-3', className)}
      data-testid={testId}
    >
      {badge}
      {children}
      <div className="flex-1" />
      <Tip label={dismissLabel}>
        <Button variant="ghost" size="icon-sm" busy={busy} aria-label={dismissLabel} onClick={() => void dismiss()}>
          <X />
        </Button>
      </Tip>
    </section>
  );
}

/** One alert's entity on the band: its name (cut short when the line is full) and its figure, opening it on click. */
export function AlertLink({
  name,
  figure,
  tone = 'neutral',
  className,
  onClick,
}: {
  name: string;
  figure: string;
  tone?: 'neutral' | 'danger';
  className?: string;
  onClick: () => void;
}) {
  return (
    <Button variant="link" size="sm" className={cn('min-w-0 shrink! gap-1.5', className)} onClick={onClick}>
      <span className="min-w-0 truncate">{name}</span>{' '}
      <span
        className={cn(
          'shrink-0 rounded-md border px-1.5 text-[11px] font-semibold tabular-nums',
          tone === 'danger' ? 'border-danger-text/30 text-danger-text' : 'border-line text-fg',
        )}
      >
        {figure}
      </span>
    </Button>
  );
}
