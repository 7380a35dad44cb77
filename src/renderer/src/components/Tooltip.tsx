import { Tooltip as T } from 'radix-ui';
import type { ReactNode } from 'react';

/** A small label on hover/focus; the trigger keeps its own accessible name. */
export function Tip({
  label,
  children,
  side = 'bottom',
  disabled,
}: {
  label: ReactNode;
  children: ReactNode;
  side?: 'top' | 'right' | 'bottom' | 'left';
  disabled?: boolean;
}) {
  if (disabled) return <>{children}</>;
  return (
    <T.Root>
      <T.Trigger asChild>{children}</T.Trigger>
      <T.Portal>
        <T.Content
          side={side}
          sideOffset={6}
          className="z-50 animate-fade-in rounded-md bg-slate-900 px-2 py-1 text-[12px] font-medium text-white shadow-float dark:bg-slate-700"
        >
          {label}
        </T.Content>
      </T.Portal>
    </T.Root>
  );
}
