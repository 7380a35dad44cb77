/**
 * The leads table: TanStack Table v9 for the columns (headers, server-side
 * sort, visibility, cells) and TanStack Virtual for the rows, which come a
 * page at a time from the core (useLeadPages). Only the rows on screen exist
 * in the DOM, and only the pages around them in memory.
 *
 * A browser cannot scroll an element taller than about 33 million pixels, and
 * 1.2M rows at 44 px would be 53 million. Past `MAX_SCROLL_PX` each row gets a
 * thinner slot of the scrollbar (the virtualizer works in slots), and the rows
 * on screen are laid out at full height from where the scrollbar stands; below
 * that size a slot is simply a row.
 *
 * Keyboard: Tab into the table, ↑/↓, Page Up/Down, Home/End between rows (the
 * table scrolls to keep the row in view), Enter opens the lead, the context-menu
 * key (or Shift+F10) opens the row's menu, as a right click does.
 */
import {
  type ColumnDef,
  columnVisibilityFeature,
  functionalUpdate,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown, ArrowUp, ChevronsUpDown } from 'lucide-react';
import { ContextMenu } from 'radix-ui';
import {
  Fragment,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadRow } from '../../../../shared/leads';
import { cn } from '../../components/cn';
import { Kbd } from '../../components/Kbd';
import { MENU_CONTENT, MENU_ITEM } from '../../components/menu';
import { Skeleton } from '../../components/Skeleton';
import { COLUMN_IDS, COLUMN_OF_SORT, type ColumnId, LAYOUT } from './columns';
import type { useLeadPages } from './useLeadPages';
import type { LeadsSort } from './viewState';

export const leadsFeatures = tableFeatures({ rowSortingFeature, columnVisibilityFeature });
export type LeadsFeatures = typeof leadsFeatures;

export const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 34;
/** The tallest scroll area we ask of the browser (Firefox stops near 17.9M px, Chromium near 33.5M). */
const MAX_SCROLL_PX = 8_000_000;
const OVERSCAN = 6;

type Pages = ReturnType<typeof useLeadPages>;

/** One entry of a row's menu (right click, or the context-menu key on a focused row). */
export interface RowAction {
  id: string;
  label: string;
  icon: ReactNode;
  run: () => void;
  /** A key shown at the end of the entry. */
  shortcut?: string;
  /** Starts a new group (a line above it). */
  group?: boolean;
}

export function LeadsTable({
  pages,
  columns,
  visibility,
  sort,
  onSort,
  onOpen,
  rowActions,
  label,
  empty,
  className,
}: {
  pages: Pages;
  // biome-ignore lint/suspicious/noExplicitAny: each column keeps its own value type.
  columns: ColumnDef<LeadsFeatures, LeadRow, any>[];
  visibility: Record<ColumnId, boolean>;
  sort: LeadsSort;
  onSort: (sort: LeadsSort) => void;
  onOpen: (row: LeadRow) => void;
  /** What a row's menu offers for its lead. */
  rowActions?: (row: LeadRow) => RowAction[];
  label: string;
  /** Shown instead of rows when the query matches none. */
  empty: ReactNode;
  className?: string;
}) {
  const { t } = useTranslation('pipeline');
  const scrollRef = useRef<HTMLDivElement>(null);
  const height = useFillHeight(scrollRef);
  /** The row that keeps the table's tab stop (and gets focus back after scrolling to it). */
  const [active, setActive] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  const total = pages.total ?? 0;
  const slot = total * ROW_HEIGHT > MAX_SCROLL_PX ? MAX_SCROLL_PX / total : ROW_HEIGHT;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => slot,
    overscan: OVERSCAN,
  });
  // A new slot size (the total crossed the limit) re-measures every slot.
  useLayoutEffect(() => {
    if (slot > 0) virtualizer.measure();
  }, [slot, virtualizer]);

  // A new query starts at the top.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the epoch is the trigger.
  useEffect(() => {
    virtualizer.scrollToOffset(0);
    setActive(0);
  }, [pages.queryEpoch]);

  const offset = virtualizer.scrollOffset ?? 0;
  const viewport = Math.max(ROW_HEIGHT, (virtualizer.scrollRect?.height ?? 480) - HEADER_HEIGHT);
  const onScreen = viewport / ROW_HEIGHT;
  const firstExact = offset / slot;
  const first = Math.floor(firstExact);
  const lastIndex = Math.min(total - 1, Math.ceil(firstExact + onScreen) + OVERSCAN);
  const indices = (() => {
    const from = Math.max(0, first - OVERSCAN);
    const fromVirtualizer = virtualizer
      .getVirtualItems()
      .map((v) => v.index)
      .filter((i) => i >= from && i <= lastIndex);
    // The virtualizer's range always covers the rows on screen; this keeps them even mid-measure.
    if (fromVirtualizer.length > 0) return fromVirtualizer;
    const out: number[] = [];
    for (let i = from; i <= lastIndex; i++) out.push(i);
    return out;
  })();
  const bodyHeight = slot < ROW_HEIGHT ? (total - onScreen) * slot + viewport : total * ROW_HEIGHT;
  const topOf = (index: number) => index * ROW_HEIGHT + offset * (1 - ROW_HEIGHT / slot);

  const rangeStart = indices[0] ?? 0;
  const rangeEnd = indices.at(-1) ?? 0;
  const { ensureRange } = pages;
  useEffect(() => {
    if (total > 0) ensureRange(rangeStart, rangeEnd);
  }, [ensureRange, rangeStart, rangeEnd, total]);

  // The rows on screen that have arrived, as the table's data (a few dozen at most).
  const windowRows = indices.map((i) => ({ index: i, lead: pages.getRow(i) }));
  const data = windowRows.flatMap((w) => (w.lead ? [w.lead] : []));

  const sorting: SortingState = [{ id: COLUMN_OF_SORT[sort.column], desc: sort.direction === 'desc' }];
  const table = useTable({
    features: leadsFeatures,
    columns,
    data,
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { sorting, columnVisibility: visibility },
    onSortingChange: (updater) => {
      const next = functionalUpdate(updater, sorting)[0];
      const target = next ? LAYOUT[next.id as ColumnId]?.sort : undefined;
      if (next && target) onSort({ column: target, direction: next.desc ? 'desc' : 'asc' });
    },
  });
  const modelRows = table.getRowModel().rows;
  const visibleIds = COLUMN_IDS.filter((id) => visibility[id] !== false);
  const template = visibleIds.map((id) => LAYOUT[id].width).join(' ');
  const minWidth = visibleIds.reduce((sum, id) => sum + LAYOUT[id].min, 0) + 16;

  // ---------- keyboard ----------
  const activeIndex = Math.min(active, Math.max(total - 1, 0));
  // Rows wholly inside the scroll area (the rest are overscan, drawn but out of sight).
  const firstVisible = Math.min(Math.max(total - 1, 0), Math.ceil(firstExact - 0.01));
  const lastVisible = Math.max(firstVisible, Math.floor(firstExact + onScreen + 0.01) - 1);
  const visible = (index: number) => index >= firstVisible && index <= lastVisible;
  // The tab stop: the active row when it is in sight, else the first row in sight.
  const tabbable = visible(activeIndex) && indices.includes(activeIndex) ? activeIndex : firstVisible;
  /** A row got focus (Tab, click, or the keyboard): it becomes the active row and is scrolled wholly into sight. */
  const focused = (index: number, loaded: boolean) => {
    setActive(index);
    if (!visible(index)) {
      pendingFocus.current = index;
      reveal(index);
    } else if (!loaded) pendingFocus.current = index;
  };

  const reveal = (index: number) => {
    if (index < firstExact) virtualizer.scrollToOffset(index * slot);
    else if (index > firstExact + onScreen - 1) virtualizer.scrollToOffset((index - onScreen + 1) * slot);
  };

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(total - 1, index));
    setActive(target);
    pendingFocus.current = target;
    reveal(target);
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${target}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      if (el.dataset.testid === 'lead-row') pendingFocus.current = null;
    }
  };

  // A row scrolled into view for the keyboard takes focus once it is rendered; a placeholder row
  // holds it until the lead's page arrives and the real row replaces it.
  useEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${target}"]`);
    if (!el) return;
    if (document.activeElement !== el) el.focus({ preventScroll: true });
    if (el.dataset.testid === 'lead-row') pendingFocus.current = null;
  });

  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, index: number, lead: LeadRow | undefined) => {
    if (e.target !== e.currentTarget) return;
    const page = Math.max(1, Math.floor(onScreen) - 1);
    if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      // The menu opens under the row's first cell, as it would under the pointer.
      const box = e.currentTarget.getBoundingClientRect();
      e.currentTarget.dispatchEvent(
        new window.MouseEvent('contextmenu', { bubbles: true, clientX: box.left + 16, clientY: box.bottom - 4 }),
      );
      e.preventDefault();
      return;
    }
    switch (e.key) {
      case 'ArrowDown':
        moveTo(index + 1);
        break;
      case 'ArrowUp':
        moveTo(index - 1);
        break;
      case 'PageDown':
        moveTo(index + page);
        break;
      case 'PageUp':
        moveTo(index - page);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(total - 1);
        break;
      case 'Enter':
      case ' ':
        if (lead) onOpen(lead);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const showEmpty = pages.current && total === 0;
  const loadingFirst = pages.total === null;

  /** The row a menu was opened on, and the action picked (run once the menu has closed and focus is back on the row). */
  const [menuRow, setMenuRow] = useState<{ lead: LeadRow; index: number } | null>(null);
  const picked = useRef<(() => void) | null>(null);
  /** The menu closed by a click elsewhere: focus stays where that click put it. */
  const clickedAway = useRef(false);
  const onContextMenu = (e: MouseEvent<HTMLElement>) => {
    const tr = (e.target as HTMLElement).closest<HTMLElement>('tr[data-testid="lead-row"]');
    const index = tr ? Number(tr.dataset.rowIndex) : -1;
    const lead = windowRows.find((r) => r.index === index)?.lead;
    // Not on a lead (a row still loading): no menu.
    if (!lead || !rowActions) return e.preventDefault();
    setMenuRow({ lead, index });
  };
  const menuActions = menuRow && rowActions ? rowActions(menuRow.lead) : [];

  return (
    <div
      ref={scrollRef}
      className={cn('relative overflow-auto overscroll-contain', className)}
      style={height ? { height } : undefined}
      data-testid="leads-scroll"
    >
      <table
        aria-label={label}
        aria-rowcount={total + 1}
        aria-busy={!pages.current || undefined}
        className="grid border-separate border-spacing-0 text-[13px]"
        style={{ minWidth }}
      >
        <thead className="sticky top-0 z-[2] grid">
          {table.getHeaderGroups().map((group) => (
            <tr
              key={group.id}
              aria-rowindex={1}
              className="grid border-b border-line bg-subtle px-2"
              style={{ gridTemplateColumns: template, height: HEADER_HEIGHT }}
            >
              {group.headers.map((header) => {
                const id = header.column.id as ColumnId;
                const layout = LAYOUT[id];
                const canSort = Boolean(layout.sort);
                const sorted = canSort ? header.column.getIsSorted() : false;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={
                      canSort ? (sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none') : undefined
                    }
                    className={cn(
                      'flex min-w-0 items-center px-2 text-[12px] font-medium whitespace-nowrap text-muted',
                      layout.align === 'right' && 'justify-end',
                    )}
                  >
                    {canSort ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className={cn(
                          'group/sort relative inline-flex items-center rounded font-medium transition-colors duration-150 hover:text-fg',
                          sorted && 'text-fg',
                        )}
                      >
                        <table.FlexRender header={header} />
                        <span
                          className={cn(
                            'absolute top-1/2 -translate-y-1/2 [&_svg]:size-3',
                            layout.align === 'right' ? '-left-3.5' : '-right-3.5',
                            !sorted && 'opacity-0 group-hover/sort:opacity-60 group-focus-visible/sort:opacity-60',
                          )}
                        >
                          {sorted === 'asc' ? (
                            <ArrowUp aria-hidden="true" />
                          ) : sorted === 'desc' ? (
                            <ArrowDown aria-hidden="true" />
                          ) : (
                            <ChevronsUpDown aria-hidden="true" />
                          )}
                        </span>
                      </button>
                    ) : (
                      <span className="truncate">
                        <table.FlexRender header={header} />
                      </span>
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        {showEmpty ? (
          <tbody className="grid">
            <tr className="grid">
              <td>{empty}</td>
            </tr>
          </tbody>
        ) : (
          <ContextMenu.Root modal={false}>
            <ContextMenu.Trigger asChild onContextMenu={onContextMenu}>
              <tbody
                className={cn('relative grid transition-opacity duration-150', !pages.current && 'opacity-70')}
                style={{ height: loadingFirst ? ROW_HEIGHT * 8 : bodyHeight }}
              >
                {loadingFirst
                  ? Array.from({ length: 8 }, (_, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders.
                      <SkeletonRow key={i} top={i * ROW_HEIGHT} template={template} columns={visibleIds.length} />
                    ))
                  : windowRows.map(({ index, lead }) => {
                      const k = lead ? data.indexOf(lead) : -1;
                      const row = k >= 0 ? modelRows[k] : undefined;
                      const top = topOf(index);
                      if (!row || !lead)
                        return (
                          <SkeletonRow
                            key={`s${index}`}
                            top={top}
                            template={template}
                            columns={visibleIds.length}
                            rowIndex={index}
                            tabIndex={index === tabbable ? 0 : -1}
                            onKeyDown={(e) => onRowKey(e, index, undefined)}
                            onFocus={() => focused(index, false)}
                          />
                        );
                      return (
                        <tr
                          key={`r${index}`}
                          aria-rowindex={index + 2}
                          data-row-index={index}
                          data-testid="lead-row"
                          aria-keyshortcuts={rowActions ? 'Shift+F10' : undefined}
                          tabIndex={index === tabbable ? 0 : -1}
                          onClick={() => onOpen(lead)}
                          onKeyDown={(e) => onRowKey(e, index, lead)}
                          onFocus={() => focused(index, true)}
                          className="absolute inset-x-0 grid cursor-pointer items-center border-b border-line px-2 hover:bg-hover/60 focus-visible:bg-accent-soft/60 focus-visible:outline-2 focus-visible:-outline-offset-2"
                          style={{
                            gridTemplateColumns: template,
                            height: ROW_HEIGHT,
                            transform: `translateY(${top}px)`,
                          }}
                        >
                          {row.getVisibleCells().map((cell) => (
                            <td
                              key={cell.id}
                              className={cn(
                                'flex min-w-0 items-center px-2 whitespace-nowrap text-fg',
                                LAYOUT[cell.column.id as ColumnId].align === 'right' && 'justify-end tabular-nums',
                              )}
                            >
                              <table.FlexRender cell={cell} />
                            </td>
                          ))}
                        </tr>
                      );
                    })}
              </tbody>
            </ContextMenu.Trigger>
            <ContextMenu.Portal>
              <ContextMenu.Content
                aria-label={menuRow ? t('rowMenu.label', { company: menuRow.lead.company }) : undefined}
                onInteractOutside={() => {
                  clickedAway.current = true;
                }}
                onCloseAutoFocus={(e) => {
                  e.preventDefault();
                  if (menuRow && !clickedAway.current) moveTo(menuRow.index);
                  clickedAway.current = false;
                  const run = picked.current;
                  picked.current = null;
                  run?.();
                }}
                className={cn(MENU_CONTENT, 'min-w-56')}
                data-testid="lead-row-menu"
              >
                {menuActions.map((a) => (
                  <Fragment key={a.id}>
                    {a.group ? <ContextMenu.Separator className="my-1 h-px bg-line" /> : null}
                    <ContextMenu.Item
                      className={MENU_ITEM}
                      onSelect={() => {
                        picked.current = a.run;
                      }}
                    >
                      {a.icon}
                      <span className="flex-1">{a.label}</span>
                      {a.shortcut ? <Kbd>{a.shortcut}</Kbd> : null}
                    </ContextMenu.Item>
                  </Fragment>
                ))}
              </ContextMenu.Content>
            </ContextMenu.Portal>
          </ContextMenu.Root>
        )}
      </table>
    </div>
  );
}

/**
 * The table fills the window down to its bottom margin (the toolbar above it
 * grows when filters show as chips), never shorter than MIN_HEIGHT.
 */
const MIN_HEIGHT = 320;
const BOTTOM_GAP = 24;
function useFillHeight(ref: React.RefObject<HTMLDivElement | null>): number | null {
  const [height, setHeight] = useState<number | null>(null);
  const current = useRef<number | null>(null);
  const measure = () => {
    const el = ref.current;
    if (!el) return;
    const main = el.closest('main');
    const top = el.getBoundingClientRect().top + (main?.scrollTop ?? 0);
    const next = Math.max(MIN_HEIGHT, Math.floor(window.innerHeight - top - BOTTOM_GAP));
    if (current.current !== null && Math.abs(current.current - next) < 2) return;
    current.current = next;
    setHeight(next);
  };
  // After every render (a chip row may have appeared above), and when the window resizes.
  useLayoutEffect(measure);
  useEffect(() => {
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  });
  return height;
}

function SkeletonRow({
  top,
  template,
  columns,
  rowIndex,
  tabIndex,
  onKeyDown,
  onFocus,
}: {
  top: number;
  template: string;
  columns: number;
  rowIndex?: number;
  tabIndex?: number;
  onKeyDown?: (e: KeyboardEvent<HTMLTableRowElement>) => void;
  onFocus?: () => void;
}) {
  return (
    <tr
      aria-rowindex={rowIndex === undefined ? undefined : rowIndex + 2}
      aria-busy="true"
      data-row-index={rowIndex}
      tabIndex={tabIndex}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      className="absolute inset-x-0 grid items-center border-b border-line px-2 focus-visible:outline-2 focus-visible:-outline-offset-2"
      style={{ gridTemplateColumns: template, height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
    >
      {Array.from({ length: columns }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder cells.
        <td key={i} className="px-2">
          <Skeleton className={cn('h-3.5', i === 0 ? 'w-3/4' : 'w-1/2')} />
        </td>
      ))}
    </tr>
  );
}
