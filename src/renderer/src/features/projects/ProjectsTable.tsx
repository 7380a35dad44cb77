/** The board's projects as a sortable table (the same cards, one row each). */
import type { Row } from '@tanstack/react-table';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hub } from '../../../../shared/contract';
import { BOARD_STAGES, type BoardCard } from '../../../../shared/pipeline';
import { formatMoney, textCollator } from '../../app/format';
import { columnHelper, DataTable, type SortingState, type TableCore } from '../../components/DataTable';
import { HubDot } from '../../components/HubDot';
import { GatesChip, RevisionsChip, RiskBadge, StageBadge, shortDate } from './parts';
import { isWorkStage } from './rules';
import { DEFAULT_TABLE_SORTING } from './store';

const col = columnHelper<BoardCard>();
const byNumber = (a: Row<TableCore, BoardCard>, b: Row<TableCore, BoardCard>, id: string) =>
  (a.getValue<number>(id) ?? 0) - (b.getValue<number>(id) ?? 0);
/** Names in the order of the person's language (Spanish puts "Ñandú" after "Nube"). */
const byTextIn = (lang: string) => {
  const collator = textCollator(lang);
  return (a: Row<TableCore, BoardCard>, b: Row<TableCore, BoardCard>, id: string) =>
    collator.compare(String(a.getValue(id) ?? ''), String(b.getValue(id) ?? ''));
};
/** ISO dates sort as plain strings (a collator would weigh them as text). */
const byIsoDate = (a: Row<TableCore, BoardCard>, b: Row<TableCore, BoardCard>, id: string) => {
  const x = String(a.getValue(id) ?? '');
  const y = String(b.getValue(id) ?? '');
  return x < y ? -1 : x > y ? 1 : 0;
};

export function ProjectsTable({
  cards,
  hubs,
  showHub,
  asOf,
  sorting,
  onSortingChange,
  onOpen,
  empty,
}: {
  cards: BoardCard[];
  hubs: Hub[];
  showHub: boolean;
  asOf: string;
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  onOpen: (card: BoardCard) => void;
  /** What shows instead of a table with no row (no open work, nothing billed lately). */
  empty: ReactNode;
}) {
  const { t, i18n } = useTranslation('projects');
  const lang = i18n.language;
  const year = asOf.slice(0, 4);
  const hubById = useMemo(() => new Map(hubs.map((h) => [h.id, h])), [hubs]);

  // Sorted by hub, then narrowed to one hub: the Hub column is gone, so the table says (and uses) its default order.
  const shownSorting = showHub || sorting.every((s) => s.id !== 'hub') ? sorting : DEFAULT_TABLE_SORTING;

  const byText = useMemo(() => byTextIn(lang), [lang]);
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor('name', {
          header: () => t('table.project'),
          sortFn: byText,
          cell: (c) => (
            <span className="flex max-w-[280px] flex-col">
              <span className="truncate font-medium" title={c.getValue()}>
                {c.getValue()}
              </span>
              <span className="truncate text-[12px] text-muted">{c.row.original.clientName}</span>
            </span>
          ),
        }),
        col.accessor((r) => BOARD_STAGES.indexOf(r.stage as (typeof BOARD_STAGES)[number]), {
          id: 'stage',
          header: () => t('table.stage'),
          sortFn: byNumber,
          cell: (c) => <StageBadge stage={c.row.original.stage} />,
        }),
        ...(showHub
          ? [
              col.accessor((r) => hubById.get(r.hubId)?.name ?? '', {
                id: 'hub',
                header: () => t('table.hub'),
                sortFn: byText,
                cell: (c) => {
                  const hub = hubById.get(c.row.original.hubId);
                  return hub ? (
                    <span className="flex items-center gap-1.5">
                      <HubDot color={hub.color} />
                      {hub.name}
                    </span>
                  ) : null;
                },
              }),
            ]
          : []),
        col.accessor('dueDate', {
          header: () => t('table.due'),
          sortFn: byIsoDate,
          cell: (c) => {
            const r = c.row.original;
            return (
              <span className="flex items-center gap-2">
                <span className="tabular-nums">{shortDate(c.getValue(), year, lang)}</span>
                {isWorkStage(r.stage) ? (
                  <RiskBadge risk={r.risk} />
                ) : r.paidOn || r.deliveredAt ? (
                  <span className="text-[12px] text-muted">
                    {r.paidOn
                      ? t('card.paidOn', { date: shortDate(r.paidOn, year, lang) })
                      : t('table.deliveredOn', { date: shortDate(r.deliveredAt!, year, lang) })}
                  </span>
                ) : null}
              </span>
            );
          },
        }),
        // Shown in the project's currency, sorted by its worth in the reporting currency (€350 above $355).
        col.accessor((r) => r.reportingMinor ?? undefined, {
          id: 'valueMinor',
          header: () => t('table.value'),
          sortFn: byNumber,
          sortUndefined: 'last',
          cell: (c) => formatMoney(c.row.original.valueMinor, c.row.original.currency, lang),
        }),
        col.accessor('gatesPassed', {
          header: () => t('table.gates'),
          sortFn: byNumber,
          cell: (c) => <GatesChip passed={c.getValue()} />,
        }),
        col.accessor('revisionCycles', {
          header: () => t('table.revisions'),
          sortFn: byNumber,
          cell: (c) => <RevisionsChip count={c.getValue()} />,
        }),
      ]),
    [t, lang, year, showHub, hubById, byText],
  );

  return (
    <DataTable
      columns={columns}
      data={cards}
      label={t('table.label')}
      rightAligned={['valueMinor', 'gatesPassed', 'revisionCycles']}
      rowTestId="project-row"
      getRowId={(r) => String(r.id)}
      sortable
      sorting={shownSorting}
      onSortingChange={onSortingChange}
      onRowClick={onOpen}
      density="compact"
      empty={empty}
    />
  );
}
