/** A small single-choice switch of a few views (board/table, weeks/days), each with an icon and a label. */
import type { LucideIcon } from 'lucide-react';
import { ToggleGroup } from 'radix-ui';
import { cn } from './cn';

export interface Segment<V extends string> {
  value: V;
  label: string;
  icon: LucideIcon;
}

export function SegmentedControl<V extends string>({
  value,
  onChange,
  label,
  segments,
}: {
  value: V;
  onChange: (value: V) => void;
  label: string;
  segments: readonly Segment<V>[];
}) {
  return (
    <ToggleGroup.Root
      type="single"
      value={value}
      onValueChange={(v) => (v ? onChange(v as V) : undefined)}
      aria-label={label}
      className="flex h-8 items-center rounded-lg border border-line bg-subtle p-0.5"
    >
      {segments.map(({ value: v, label: text, icon: Icon }) => (
        <ToggleGroup.Item
          key={v}
          value={v}
          className={cn(
            'flex h-full items-center gap-1.5 rounded-md px-2.5 text-[12.5px] font-medium text-muted transition-colors duration-150',
            'hover:text-fg data-[state=on]:bg-surface data-[state=on]:text-fg data-[state=on]:shadow-sm',
          )}
        >
          <Icon className="size-3.5" aria-hidden="true" />
          {text}
        </ToggleGroup.Item>
      ))}
    </ToggleGroup.Root>
  );
}
