/** The look of every dropdown and context menu (Radix menus): the floating panel and its items. */
export const MENU_CONTENT = 'shadow-float z-50 animate-slide-down rounded-[10px] border border-line bg-surface p-1';

export const MENU_ITEM =
  'relative flex h-8 cursor-default select-none items-center gap-2 rounded-md pr-3 pl-2 text-[13px] text-fg outline-none data-[disabled]:text-faint data-[highlighted]:bg-hover [&_svg]:size-4 [&_svg]:text-faint';
