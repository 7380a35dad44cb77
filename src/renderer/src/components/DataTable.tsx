import { type ColumnDef, createColumnHelper, type RowData, tableFeatures, useTable } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { cn } from './cn';

/**
 * A compact table on TanStack Table v9: sticky header, right-aligned numbers,
 * row hover, and an empty state with the action that fills it.
 */
/** The core feature set our tables use (no sorting or filtering yet). */
export const tableCore = tableFeatures({});
export type TableCore = typeof tableCore;
export const columnHelper = <TData extends RowData>() => createColumnHelper<TableCore, TData>();

export function DataTable<TData extends RowData>({
  columns,
  data,
  label,
  rightAligned = [],
  empty,
  rowTestId,
  getRowId,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: each column keeps its own value type (as TanStack's helper.columns returns).
  columns: ColumnDef<TableCore, TData, any>[];
  data: TData[];
  label: string;
  rightAligned?: string[];
  empty?: ReactNode;
  rowTestId?: string;
  getRowId?: (row: TData) => string;
}) {
  const table = useTable({
    features: tableCore,
    columns,
    data,
    ...(getRowId ? { getRowId: (row: TData) => getRowId(row) } : {}),
  });
  const rows = table.getRowModel().rows;
  const right = (id: string) => rightAligned.includes(id);
  if (rows.length === 0 && empty) return <>{empty}</>;
  return (
    <div className="overflow-x-clip">
      <table aria-label={label} className="w-full border-separate border-spacing-0 text-[13px]">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th
                  key={header.id}
                  scope="col"
                  className={cn(
                    'sticky top-0 z-[1] border-b border-line bg-subtle px-3 py-2 first:pl-5 last:pr-5 text-[12px] font-medium whitespace-nowrap text-muted',
                    right(header.column.id) ? 'text-right' : 'text-left',
                  )}
                >
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="group hover:bg-hover/60" data-testid={rowTestId}>
              {row.getAllCells().map((cell) => (
                <td
                  key={cell.id}
                  className={cn(
                    'border-b border-line px-3 py-2.5 first:pl-5 last:pr-5 align-middle whitespace-nowrap text-fg group-last:border-b-0',
                    right(cell.column.id) && 'text-right tabular-nums',
                  )}
                >
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
