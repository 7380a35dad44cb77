import { Check, ChevronDown } from 'lucide-react';
import { Select as S } from 'radix-ui';
import type { ReactNode } from 'react';
import { cn } from './cn';
import { controlClass } from './Field';

export interface Option {
  value: string;
  label: string;
  icon?: ReactNode;
  hint?: string;
  disabled?: boolean;
}

/** A Radix select styled as a form control. `value` '' means nothing chosen: it shows the placeholder, also after a choice. */
export function Select({
  value,
  onChange,
  options,
  placeholder,
  className,
  onBlur,
  disabled,
  ...aria
}: {
  value: string;
  onChange: (value: string) => void;
  options: Option[];
  placeholder?: string;
  className?: string;
  onBlur?: () => void;
  disabled?: boolean;
  id?: string;
  'aria-invalid'?: boolean | undefined;
  'aria-describedby'?: string | undefined;
  'aria-label'?: string;
}) {
  return (
    <S.Root
      value={value}
      onValueChange={onChange}
      disabled={disabled}
      onOpenChange={(open) => {
        if (!open) onBlur?.();
      }}
    >
      <S.Trigger
        className={cn(controlClass, 'flex items-center justify-between gap-2 text-left', className)}
        onPointerEnter={(e) => {
          // A value cut to an ellipsis shows whole as a tooltip (only then, so a fitting one is not read twice).
          const text = e.currentTarget.querySelector<HTMLElement>('[data-select-text]');
          const cut = text !== null && text.scrollWidth > text.clientWidth;
          if (cut) e.currentTarget.title = text.textContent ?? '';
          else e.currentTarget.removeAttribute('title');
        }}
        {...aria}
      >
        {/* A block that can shrink (Radix's Value takes no class), so the label inside it ends in an ellipsis when it does not fit. */}
        <span className="block min-w-0 flex-1 truncate">
          <S.Value placeholder={<span className="text-faint">{placeholder}</span>} />
        </span>
        <S.Icon className="shrink-0">
          <ChevronDown className="size-4 shrink-0 text-faint" aria-hidden="true" />
        </S.Icon>
      </S.Trigger>
      <S.Portal>
        <S.Content
          position="popper"
          sideOffset={4}
          className="shadow-float z-50 max-h-[min(320px,var(--radix-select-content-available-height))] min-w-[var(--radix-select-trigger-width)] animate-slide-down overflow-hidden rounded-[10px] border border-line bg-surface p-1"
        >
          <S.Viewport>
            {options.map((o) => (
              <S.Item
                key={o.value}
                value={o.value}
                disabled={o.disabled}
                className="relative flex h-8 cursor-default select-none items-center gap-2 rounded-md pr-8 pl-2 text-[13px] text-fg outline-none data-[disabled]:text-faint data-[highlighted]:bg-hover data-[state=checked]:font-medium"
              >
                <S.ItemText>
                  <span className="flex min-w-0 items-center gap-2 [&>svg]:shrink-0">
                    {o.icon}
                    <span className="truncate" data-select-text="">
                      {o.label}
                    </span>
                  </span>
                </S.ItemText>
                {o.hint ? <span className="ml-auto pl-3 text-[12px] text-faint">{o.hint}</span> : null}
                <S.ItemIndicator className="absolute right-2 inline-flex">
                  <Check className="size-4 text-accent-text" aria-hidden="true" />
                </S.ItemIndicator>
              </S.Item>
            ))}
          </S.Viewport>
        </S.Content>
      </S.Portal>
    </S.Root>
  );
}
