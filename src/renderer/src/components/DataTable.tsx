import {
  type ColumnDef,
  createColumnHelper,
  createSortedRowModel,
  functionalUpdate,
  type RowData,
  rowSortingFeature,
  type SortingState,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_datetime,
  sortFn_text,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown, ArrowUp, ChevronsUpDown } from 'lucide-react';
import { type KeyboardEvent, type MouseEvent, type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import { cn } from './cn';

export type { SortingState };

/**
 * A compact table on TanStack Table v9: sticky header, right-aligned numbers,
 * row hover, and an empty state with the action that fills it. Optional:
 * sortable headers (`sortable`, controlled with `sorting`/`onSortingChange`),
 * and rows that open something (`onRowClick`), reachable with the keyboard
 * (Tab into the table, ↑/↓/Home/End between rows, Enter to open).
 * Above WINDOW_FROM rows only the rows in view are rendered (and measured),
 * inside the nearest scrolling ancestor. A column with the id `actions` (the
 * row's buttons) stays at the right edge while a table too wide for its frame
 * scrolls sideways, so every row's buttons are in view in a narrow window.
 */
/** The feature set our tables use: the core plus client-side sorting (off unless a table asks for it). */
export const tableCore = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic, datetime: sortFn_datetime, text: sortFn_text },
});
export type TableCore = typeof tableCore;
export const columnHelper = <TData extends RowData>() => createColumnHelper<TableCore, TData>();

const EMPTY_SORTING: SortingState = [];

/** Tables longer than this render only the rows in view: thousands of rows would take seconds to build. */
const WINDOW_FROM = 150;

/** The id of the column that holds a row's buttons (see DataTable). */
export const ACTIONS_COLUMN = 'actions';

/** A pinned cell's edge: a hairline and a soft shadow over the columns scrolling beneath it. */
const PINNED = 'sticky right-0 border-l shadow-[-6px_0_8px_-6px_rgb(0_0_0/0.18)]';

/** The element that scrolls the table up and down: the nearest ancestor of its frame with vertical overflow. */
function scrollingAncestor(frame: HTMLElement | null): HTMLElement | null {
  for (let node = frame?.parentElement ?? null; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return null;
}

/** How far a table may run past its frame before it scrolls sideways: the last cell's right padding (compact). */
const CLIPPED_OVERFLOW_PX = 16;

/** Elements inside a row that handle their own clicks and keys. */
const INTERACTIVE = 'a, button, input, select, textarea, [role="button"], [role="checkbox"], [role="menuitem"]';

export function DataTable<TData extends RowData>({
  columns,
  data,
  label,
  rightAligned = [],
  empty,
  rowTestId,
  getRowId,
  sortable = false,
  sorting,
  onSortingChange,
  sortedElsewhere = false,
  onRowClick,
  density = 'normal',
  className,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: each column keeps its own value type (as TanStack's helper.columns returns).
  columns: ColumnDef<TableCore, TData, any>[];
  data: TData[];
  label: string;
  rightAligned?: string[];
  empty?: ReactNode;
  rowTestId?: string;
  getRowId?: (row: TData) => string;
  /** Header buttons sort by a column (columns can opt out with `enableSorting: false`). */
  sortable?: boolean;
  /** Controlled sorting state; without it the table keeps its own. */
  sorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;
  /** The rows arrive sorted (by the core): the headers only say and change the order. */
  sortedElsewhere?: boolean;
  /** Makes rows open something: click, or Enter on the focused row. */
  onRowClick?: (row: TData) => void;
  /** 'compact' tightens the cell padding for wide tables. */
  density?: 'normal' | 'compact';
  className?: string;
}) {
  const [ownSorting, setOwnSorting] = useState<SortingState>(EMPTY_SORTING);
  const currentSorting = sorting ?? ownSorting;
  const table = useTable({
    features: tableCore,
    columns,
    data,
    enableSorting: sortable,
    manualSorting: sortedElsewhere,
    enableMultiSort: false,
    // A header click flips between the two directions; it never falls back to "unsorted".
    enableSortingRemoval: false,
    state: { sorting: currentSorting },
    onSortingChange: (updater) => {
      const next = functionalUpdate(updater, currentSorting);
      if (onSortingChange) onSortingChange(next);
      if (sorting === undefined) setOwnSorting(next);
    },
    ...(getRowId ? { getRowId: (row: TData) => getRowId(row) } : {}),
  });
  const rows = table.getRowModel().rows;
  const right = (id: string) => rightAligned.includes(id);
  const pad = density === 'compact' ? 'px-2 first:pl-4 last:pr-4' : 'px-3 first:pl-5 last:pr-5';
  const frameRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const active = Math.min(activeIndex, Math.max(rows.length - 1, 0));

  const windowed = rows.length > WINDOW_FROM;
  const [scroller, setScroller] = useState<{ element: HTMLElement; margin: number } | null>(null);
  // Where the rows start inside the scrolling ancestor (what sits above the table scrolls too), kept
  // current when something above grows or shrinks (a strip of alerts opening, a banner).
  useLayoutEffect(() => {
    const body = bodyRef.current;
    const element = windowed ? scrollingAncestor(frameRef.current) : null;
    if (!body || !element) return setScroller(null);
    const measure = () => {
      const margin = body.getBoundingClientRect().top - element.getBoundingClientRect().top + element.scrollTop;
      setScroller((s) => (s?.element === element && s.margin === margin ? s : { element, margin }));
    };
    measure();
    const content = new ResizeObserver(measure);
    for (const child of element.children) content.observe(child);
    return () => content.disconnect();
  }, [windowed]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller?.element ?? null,
    estimateSize: () => (density === 'compact' ? 46 : 42),
    overscan: 12,
    scrollMargin: scroller?.margin ?? 0,
    enabled: windowed && scroller !== null,
  });
  const slots = windowed && scroller ? virtualizer.getVirtualItems() : null;

  // A table wider than its frame (a narrow window) scrolls sideways inside the frame, so the page around it stays
  // put. Only then: a frame that scrolls is also where the sticky header sticks, and it never scrolls vertically.
  // A few pixels over (within the last cell's padding) are clipped instead, which keeps the header sticky.
  const [wide, setWide] = useState(false);
  // The row buttons' column, pinned to the right edge only while the table scrolls sideways.
  const pinned = (id: string) => wide && id === ACTIONS_COLUMN;
  const showsTable = rows.length > 0 || !empty;
  useLayoutEffect(() => {
    if (!showsTable) return;
    const frame = frameRef.current;
    const tableElement = tableRef.current;
    if (!frame || !tableElement) return;
    const measure = () => setWide(tableElement.offsetWidth - frame.clientWidth > CLIPPED_OVERFLOW_PX);
    measure();
    const sizes = new ResizeObserver(measure);
    sizes.observe(frame);
    sizes.observe(tableElement);
    return () => sizes.disconnect();
  }, [showsTable]);
  // Before the scrolling ancestor is known (the first pass), a windowed table renders a screenful, not every row.
  const shown = slots
    ? slots.map((slot) => ({ row: rows[slot.index]!, index: slot.index }))
    : (windowed ? rows.slice(0, 40) : rows).map((row, index) => ({ row, index }));
  const spaceAbove = slots && slots.length > 0 ? slots[0]!.start - virtualizer.options.scrollMargin : 0;
  const spaceBelow =
    slots && slots.length > 0
      ? virtualizer.getTotalSize() - slots[slots.length - 1]!.end + virtualizer.options.scrollMargin
      : 0;

  if (!showsTable) return <>{empty}</>;

  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(index, rows.length - 1));
    const row = () => bodyRef.current?.querySelector<HTMLTableRowElement>(`tr[data-index="${target}"]`);
    if (row()) return row()?.focus();
    // Off screen in a windowed table: bring it into view, then focus it once rendered.
    virtualizer.scrollToIndex(target, { align: 'auto' });
    requestAnimationFrame(() => requestAnimationFrame(() => row()?.focus()));
  };

  const onRowKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, index: number, original: TData) => {
    if (e.target !== e.currentTarget) return;
    switch (e.key) {
      case 'ArrowDown':
        focusRow(index + 1);
        break;
      case 'ArrowUp':
        focusRow(index - 1);
        break;
      case 'Home':
        focusRow(0);
        break;
      case 'End':
        focusRow(rows.length - 1);
        break;
      case 'PageDown':
        focusRow(index + 10);
        break;
      case 'PageUp':
        focusRow(index - 10);
        break;
      case 'Enter':
      case ' ':
        onRowClick?.(original);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const onRowMouse = (e: MouseEvent<HTMLTableRowElement>, original: TData) => {
    if ((e.target as HTMLElement).closest(INTERACTIVE)) return;
    onRowClick?.(original);
  };

  return (
    // Relative: the cells' screen-reader-only text (absolutely placed) stays inside the pane that scrolls the table,
    // instead of stretching the document below the window.
    <div ref={frameRef} className={cn('relative', wide ? 'overflow-x-auto' : 'overflow-x-clip', className)}>
      <table
        ref={tableRef}
        aria-label={label}
        aria-rowcount={rows.length + 1}
        className="w-full border-separate border-spacing-0 text-[13px]"
      >
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const column = header.column;
                const canSort = sortable && !header.isPlaceholder && column.getCanSort();
                const sorted = canSort ? column.getIsSorted() : false;
                const isRight = right(column.id);
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={
                      canSort ? (sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none') : undefined
                    }
                    className={cn(
                      'sticky top-0 z-[1] border-b border-line bg-subtle py-2 text-[12px] font-medium whitespace-nowrap text-muted',
                      pad,
                      isRight ? 'text-right' : 'text-left',
                      pinned(column.id) && `${PINNED} z-[2]`,
                    )}
                  >
                    {header.isPlaceholder ? null : canSort ? (
                      <button
                        type="button"
                        onClick={column.getToggleSortingHandler()}
                        className={cn(
                          'group/sort relative inline-flex items-center rounded font-medium transition-colors duration-150 hover:text-fg',
                          sorted && 'text-fg',
                        )}
                      >
                        <table.FlexRender header={header} />
                        {/* The arrow sits in the cell's padding, so sorting never shifts the columns. */}
                        <span
                          className={cn(
                            'absolute top-1/2 -translate-y-1/2 [&_svg]:size-3',
                            isRight ? '-left-3.5' : '-right-3.5',
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
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody ref={bodyRef}>
          {spaceAbove > 0 ? <tr style={{ height: spaceAbove }} /> : null}
          {shown.map(({ row, index }) => (
            <tr
              key={row.id}
              data-index={index}
              data-row-id={row.id}
              ref={slots ? virtualizer.measureElement : undefined}
              aria-rowindex={index + 2}
              className={cn(
                'group hover:bg-hover/60',
                onRowClick &&
                  'cursor-pointer focus-visible:bg-accent-soft/60 focus-visible:outline-2 focus-visible:-outline-offset-2',
              )}
              data-testid={rowTestId}
              {...(onRowClick
                ? {
                    tabIndex: index === active ? 0 : -1,
                    onClick: (e: MouseEvent<HTMLTableRowElement>) => onRowMouse(e, row.original),
                    onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>) => onRowKeyDown(e, index, row.original),
                    onFocus: () => setActiveIndex(index),
                  }
                : {})}
            >
              {row.getAllCells().map((cell) => (
                <td
                  key={cell.id}
                  className={cn(
                    'border-b border-line py-2.5 align-middle whitespace-nowrap text-fg group-last:border-b-0',
                    pad,
                    right(cell.column.id) && 'text-right tabular-nums',
                    // Opaque, as the row's hover and focus tints would let the columns beneath show through.
                    pinned(cell.column.id) &&
                      `${PINNED} bg-surface group-hover:bg-[color-mix(in_srgb,var(--hover)_60%,var(--surface))] group-focus-visible:bg-[color-mix(in_srgb,var(--accent-soft)_60%,var(--surface))]`,
                  )}
                >
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
          {spaceBelow > 0 ? <tr style={{ height: spaceBelow }} /> : null}
        </tbody>
      </table>
    </div>
  );
}
