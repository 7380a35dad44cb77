import type { HubColor } from '../../../shared/domain';
import { cn } from './cn';

export const HUB_COLOR_CLASS: Record<HubColor, string> = {
  amber: 'bg-hub-amber',
  sky: 'bg-hub-sky',
  emerald: 'bg-hub-emerald',
  violet: 'bg-hub-violet',
  rose: 'bg-hub-rose',
  teal: 'bg-hub-teal',
};

export function HubDot({ color, className }: { color: HubColor; className?: string }) {
  return (
    <span
      aria-hidden="true"
      data-hub-color={color}
      className={cn(
        'inline-block size-2.5 shrink-0 rounded-full ring-2 ring-black/5 dark:ring-white/10',
        HUB_COLOR_CLASS[color],
        className,
      )}
    />
  );
}
