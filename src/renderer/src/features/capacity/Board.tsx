/**
 * The capacity board: people × weeks (or days) as a heatmap of utilization,
 * grouped by hub with the hub's totals, and the team's total (core people) at
 * the foot. A person's row opens to show their assignments as bars across the
 * periods; a bar drags (@dnd-kit) onto another person's row and/or sideways by
 * whole periods. The keyboard alternative is the Move dialog (M or Enter on a
 * focused bar).
 */
import {
  type Announcements,
  DndContext,
  type DragEndEvent,
  type DragMoveEvent,
  DragOverlay,
  type DragStartEvent,
  PointerSensor,
  pointerWithin,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  ArrowLeft,
  ArrowRight,
  CalendarClock,
  ChevronRight,
  Flag,
  MoreHorizontal,
  MoveRight,
  Sparkles,
  TreePalm,
  TriangleAlert,
} from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { type KeyboardEvent, type PointerEventHandler, type ReactNode, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Assignment,
  type CapacityCell,
  type CapacityFigures,
  type CapacityGroup,
  type CapacityMatrix,
  type CapacityPerson,
  utilizationBand,
} from '../../../../shared/capacity';
import type { Hub } from '../../../../shared/contract';
import { formatNumber, formatSignedNumber } from '../../app/format';
import { cn } from '../../components/cn';
import { HubDot } from '../../components/HubDot';
import { Kbd } from '../../components/Kbd';
import { MENU_CONTENT, MENU_ITEM } from '../../components/menu';
import { Tip } from '../../components/Tooltip';
import {
  BAND_CELL,
  BAND_FILL,
  type BarSpan,
  barLayout,
  barSpan,
  HATCH,
  isoWeek,
  LABEL_COLS,
  packLanes,
  periodName,
  shortDate,
  todayMarker,
  weekdayShort,
} from './model';
import { percent, useHours } from './parts';
import { toggleExpanded, useCapacity } from './store';

export interface BoardActions {
  /** A drop: to a person and/or shifted by whole periods. */
  onMove: (assignment: Assignment, personId: number, shiftPeriods: number) => void;
  /** The Move dialog for a bar (the keyboard's way to move). */
  onOpenMove: (assignment: Assignment, opener: HTMLElement | null) => void;
  onSkills: (person: CapacityPerson) => void;
  onTimeOff: (person: CapacityPerson) => void;
}

const NAME_W = 212;
const TOTAL_W = 68;
const MIN_COL = { week: 54, day: 48, month: 60 } as const;
const LANE_H = 26;

type DragData = { assignment: Assignment };
const dragData = (data: unknown) => (data as DragData | undefined)?.assignment;
const dropPerson = (data: unknown) => (data as { personId?: number } | undefined)?.personId;

export function CapacityBoard({
  matrix,
  hubs,
  actions,
}: {
  matrix: CapacityMatrix;
  hubs: Hub[];
  actions: BoardActions;
}) {
  const { t, i18n } = useTranslation('capacity');
  const expanded = useCapacity((s) => s.expanded);
  const hubById = useMemo(() => new Map(hubs.map((h) => [h.id, h])), [hubs]);
  const names = useMemo(() => new Map(matrix.people.map((p) => [p.id, p.name])), [matrix.people]);
  const [active, setActive] = useState<Assignment | null>(null);
  const [preview, setPreview] = useState<{ personId: number | null; shift: number }>({ personId: null, shift: 0 });
  const firstCol = useRef<HTMLTableCellElement>(null);
  const colWidth = useRef(60);
  const marker = todayMarker(matrix);
  const n = matrix.periods.length;
  const unit = matrix.granularity;

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const shiftOf = (dx: number) => Math.round(dx / colWidth.current);

  const onDragStart = (e: DragStartEvent) => {
    colWidth.current = firstCol.current?.getBoundingClientRect().width ?? 60;
    const a = dragData(e.active.data.current) ?? null;
    setActive(a);
    setPreview({ personId: a?.personId ?? null, shift: 0 });
  };
  const onDragMove = (e: DragMoveEvent) => {
    const personId = dropPerson(e.over?.data.current) ?? null;
    const shift = shiftOf(e.delta.x);
    setPreview((p) => (p.personId === personId && p.shift === shift ? p : { personId, shift }));
  };
  const onDragEnd = ({ active: a, over, delta }: DragEndEvent) => {
    setActive(null);
    setPreview({ personId: null, shift: 0 });
    const assignment = dragData(a.data.current);
    const personId = dropPerson(over?.data.current);
    if (!assignment || personId === undefined) return;
    const shift = shiftOf(delta.x);
    if (personId === assignment.personId && shift === 0) return;
    actions.onMove(assignment, personId, shift);
  };

  const shiftLabel = (shift: number) =>
    shift === 0
      ? ''
      : t(unit === 'week' ? 'move.shiftWeeks' : 'move.shiftDays', {
          count: shift,
          signed: formatSignedNumber(shift, i18n.language, 0),
        });
  const targetLabel = () => {
    const to = names.get(preview.personId ?? -1);
    if (!to) return t('dnd.noTarget');
    const shift = shiftLabel(preview.shift);
    return shift ? `${to} · ${shift}` : to;
  };

  const announcements: Announcements = {
    onDragStart: ({ active: a }) => {
      const x = dragData(a.data.current);
      return x ? t('dnd.start', { project: x.projectName, person: x.personName }) : undefined;
    },
    onDragOver: ({ active: a, over }) => {
      const x = dragData(a.data.current);
      const to = names.get(dropPerson(over?.data.current) ?? -1);
      if (!x) return undefined;
      return to ? t('dnd.over', { project: x.projectName, person: to }) : t('dnd.outside', { project: x.projectName });
    },
    onDragEnd: ({ active: a, over }) => {
      const x = dragData(a.data.current);
      const to = names.get(dropPerson(over?.data.current) ?? -1);
      if (!x) return undefined;
      return to ? t('dnd.end', { project: x.projectName, person: to }) : t('dnd.cancel', { project: x.projectName });
    },
    onDragCancel: ({ active: a }) => {
      const x = dragData(a.data.current);
      return x ? t('dnd.cancel', { project: x.projectName }) : undefined;
    },
  };

  const groups = matrix.hubs.map((g) => ({
    group: g,
    hub: g.hubId === null ? undefined : hubById.get(g.hubId),
    people: matrix.people.filter((p) => p.hubId === g.hubId),
  }));
  const minWidth = NAME_W + TOTAL_W + n * MIN_COL[unit];

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={pointerWithin}
      onDragStart={onDragStart}
      onDragMove={onDragMove}
      onDragEnd={onDragEnd}
      onDragCancel={() => {
        setActive(null);
        setPreview({ personId: null, shift: 0 });
      }}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('dnd.instructions') } }}
    >
      <div
        className="relative max-h-[calc(100vh-312px)] min-h-[320px] overflow-auto rounded-[var(--radius-card)] border border-line bg-surface"
        data-testid="capacity-board"
      >
        <table
          className="w-full table-fixed border-separate border-spacing-0 text-[12px]"
          style={{ minWidth }}
          aria-label={t('board.tableLabel')}
          aria-describedby="capacity-board-help"
        >
          <colgroup>
            <col style={{ width: NAME_W }} />
            {matrix.periods.map((p) => (
              <col key={p.start} />
            ))}
            <col style={{ width: TOTAL_W }} />
          </colgroup>
          <thead className="sticky top-0 z-20">
            <tr>
              <th
                scope="col"
                className="sticky left-0 z-30 border-b border-r border-line bg-subtle px-3 py-1.5 text-left text-[12px] font-medium text-muted"
              >
                {t('board.person')}
              </th>
              {matrix.periods.map((p, i) => {
                const isToday = marker?.index === i;
                const weekend = unit === 'day' && isWeekend(p.start);
                return (
                  <th
                    key={p.start}
                    ref={i === 0 ? firstCol : undefined}
                    scope="col"
                    data-period-col
                    aria-current={isToday ? 'date' : undefined}
                    className={cn(
                      'border-b border-line bg-subtle px-0.5 py-1 text-center font-normal',
                      weekend && 'bg-hover',
                    )}
                  >
                    <PeriodHeader start={p.start} end={p.end} unit={unit} today={isToday} />
                  </th>
                );
              })}
              <th
                scope="col"
                className="border-b border-l border-line bg-subtle px-1 py-1.5 text-center text-[12px] font-medium text-muted"
              >
                {t('board.total')}
              </th>
            </tr>
          </thead>
          {groups.map(({ group, hub, people }) => (
            <tbody key={group.hubId ?? 'none'} data-testid="capacity-hub">
              <GroupRow
                group={group}
                label={group.name || t('board.noHub')}
                hub={hub}
                count={people.length}
                matrix={matrix}
              />
              {people.map((person) => (
                <PersonRows
                  key={person.id}
                  person={person}
                  matrix={matrix}
                  open={expanded.has(person.id)}
                  dropTarget={active !== null && preview.personId === person.id}
                  actions={actions}
                />
              ))}
            </tbody>
          ))}
          <tfoot className="sticky bottom-0 z-20">
            <GroupRow group={matrix.team} label={t('board.team')} note={t('board.teamNote')} matrix={matrix} team />
          </tfoot>
        </table>
      </div>
      <p id="capacity-board-help" className="sr-only">
        {t('board.help')}
      </p>
      <DragOverlay dropAnimation={null}>
        {active ? (
          <div className="shadow-float flex max-w-[280px] cursor-grabbing flex-col gap-0.5 rounded-lg border border-accent bg-surface px-2.5 py-1.5 text-[12px]">
            <span className="truncate font-medium text-fg">{active.projectName}</span>
            <span className="flex items-center gap-1 truncate text-accent-text">
              <MoveRight className="size-3.5 shrink-0" aria-hidden="true" />
              {targetLabel()}
            </span>
          </div>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}

function isWeekend(date: string): boolean {
  const d = new Date(`${date}T12:00:00Z`).getUTCDay();
  return d === 0 || d === 6;
}

function PeriodHeader({
  start,
  end,
  unit,
  today,
}: {
  start: string;
  end: string;
  unit: CapacityMatrix['granularity'];
  today: boolean;
}) {
  const { t, i18n } = useTranslation('capacity');
  const lang = i18n.language;
  return (
    <div className="flex flex-col items-center leading-tight">
      <span className={cn('text-[10.5px]', today ? 'font-semibold text-accent-text' : 'text-faint')}>
        {/* A week is named by its number, this one too ("Today" over its Monday's date read as a wrong date). */}
        {today && unit === 'day'
          ? t('board.today')
          : unit === 'week'
            ? t('board.weekNumber', { week: isoWeek(start) })
            : unit === 'day'
              ? weekdayShort(start, lang)
              : start.slice(0, 4)}
      </span>
      <span
        className={cn(
          'mt-0.5 rounded-full px-1.5 text-[11.5px] font-medium whitespace-nowrap tabular-nums',
          today ? 'bg-accent text-accent-fg' : 'text-fg',
        )}
      >
        {shortDate(start, lang)}
      </span>
      <span className="sr-only">{periodName(start, end, lang)}</span>
    </div>
  );
}

/** One cell of the heatmap: % and committed/available hours, coloured by band, with time off and holidays marked. */
function HeatCell({
  figures,
  cell,
  start,
  end,
  today,
  tone = 'person',
  testId = 'capacity-cell',
}: {
  figures: CapacityFigures;
  cell?: CapacityCell;
  start: string;
  end: string;
  today: boolean;
  tone?: 'person' | 'group' | 'team' | 'total';
  testId?: string;
}) {
  const { t, i18n } = useTranslation('capacity');
  const lang = i18n.language;
  const hours = useHours();
  const band = utilizationBand(figures.utilization);
  const timeOff = cell?.timeOffDays ?? 0;
  const holidays = cell?.holidays ?? [];
  const off = figures.available === 0 && (timeOff > 0 || holidays.length > 0);
  const person = tone === 'person' || tone === 'total';
  const marks: string[] = [];
  if (timeOff > 0) marks.push(t('cell.timeOff', { count: timeOff }));
  if (holidays.length > 0) marks.push(t('cell.holidays', { names: holidays.join(', ') }));
  const fill = figures.utilization === null ? 0 : Math.min(figures.utilization, 1) * 100;
  const description = t('cell.summary', {
    period: periodName(start, end, lang),
    committed: hours(figures.committed),
    available: hours(figures.available),
    percent: percent(figures.utilization, lang),
    band: t(`band.${band}`),
  });
  return (
    <td
      data-testid={testId}
      data-band={band}
      data-committed={figures.committed}
      data-available={figures.available}
      className={cn(
        'relative h-10 border-b border-line/70 p-0 text-center align-middle',
        person ? BAND_CELL[band] : 'bg-subtle',
        tone === 'total' && 'border-l border-line',
        tone === 'team' && 'border-t border-line-strong',
        today && 'shadow-[inset_2px_0_0_var(--accent),inset_-2px_0_0_var(--accent)]',
      )}
      style={off && person ? HATCH : undefined}
    >
      <div aria-hidden="true" className="flex h-full flex-col items-center justify-center leading-[1.15]">
        <span
          className={cn(
            'text-[12px] font-semibold tabular-nums',
            !person && band === 'overloaded' && 'text-danger-text',
            !person && band === 'warning' && 'text-warning-text',
            !person && (band === 'healthy' || band === 'under' || band === 'idle') && 'text-fg',
          )}
        >
          {off && person ? (
            timeOff > 0 ? (
              <TreePalm className="mx-auto size-3.5" />
            ) : (
              <Flag className="mx-auto size-3.5" />
            )
          ) : band === 'overloaded' && person ? (
            <span className="inline-flex items-center gap-0.5">
              <TriangleAlert className="size-3" />
              {percent(figures.utilization, lang)}
            </span>
          ) : (
            percent(figures.utilization, lang)
          )}
        </span>
        <span
          className={cn('text-[10.5px] tabular-nums', person ? 'opacity-85' : 'text-muted')}
          data-testid="cell-hours"
        >
          {formatNumber(figures.committed, lang, 1)}/{formatNumber(figures.available, lang, 0)}
        </span>
      </div>
      {person && figures.utilization !== null ? (
        <span
          aria-hidden="true"
          className="absolute inset-x-1.5 bottom-1 h-[2px] rounded-full bg-black/5 dark:bg-white/10"
        >
          <span
            className={cn('absolute inset-y-0 left-0 rounded-full', BAND_FILL[band])}
            style={{ width: `${fill}%` }}
          />
        </span>
      ) : null}
      {marks.length > 0 && !off ? (
        <Tip label={marks.join(' · ')}>
          <span
            className="absolute top-0.5 right-0.5 grid size-3.5 place-items-center rounded-sm text-current opacity-80"
            data-testid="cell-mark"
          >
            {timeOff > 0 ? (
              <TreePalm className="size-2.5" aria-hidden="true" />
            ) : (
              <Flag className="size-2.5" aria-hidden="true" />
            )}
          </span>
        </Tip>
      ) : null}
      {marks.length > 0 && off ? (
        <Tip label={marks.join(' · ')}>
          <span className="absolute inset-0" data-testid="cell-mark" />
        </Tip>
      ) : null}
      <span className="sr-only">
        {description}
        {marks.length > 0 ? ` ${marks.join('. ')}.` : ''}
      </span>
    </td>
  );
}

function GroupRow({
  group,
  label,
  note,
  hub,
  count,
  matrix,
  team = false,
}: {
  group: CapacityGroup;
  label: string;
  note?: string;
  hub?: Hub;
  count?: number;
  matrix: CapacityMatrix;
  team?: boolean;
}) {
  const { t } = useTranslation('capacity');
  const marker = todayMarker(matrix);
  return (
    <tr data-testid={team ? 'capacity-team' : 'capacity-hub-row'}>
      <th
        scope="row"
        className={cn(
          'sticky left-0 z-10 border-b border-r border-line bg-subtle px-3 text-left',
          team && 'border-t border-line-strong',
        )}
      >
        <div className="flex items-center gap-2">
          {hub ? <HubDot color={hub.color} /> : null}
          <span className={cn('truncate text-[12.5px] font-semibold text-fg')}>{label}</span>
          {count !== undefined ? (
            <span className="text-[11.5px] font-normal text-muted">{t('board.people', { count })}</span>
          ) : null}
          {note ? <span className="truncate text-[11.5px] font-normal text-muted">{note}</span> : null}
        </div>
      </th>
      {group.cells.map((c, i) => (
        <HeatCell
          key={matrix.periods[i]!.start}
          figures={c}
          start={matrix.periods[i]!.start}
          end={matrix.periods[i]!.end}
          today={marker?.index === i}
          tone={team ? 'team' : 'group'}
          testId={team ? 'team-cell' : 'hub-cell'}
        />
      ))}
      <HeatCell
        figures={group.total}
        start={matrix.from}
        end={matrix.to}
        today={false}
        tone={team ? 'team' : 'group'}
        testId={team ? 'team-total' : 'hub-total'}
      />
    </tr>
  );
}

function PersonRows({
  person,
  matrix,
  open,
  dropTarget,
  actions,
}: {
  person: CapacityPerson;
  matrix: CapacityMatrix;
  open: boolean;
  dropTarget: boolean;
  actions: BoardActions;
}) {
  const { t } = useTranslation('capacity');
  const marker = todayMarker(matrix);
  const row = useDroppable({ id: `person-${person.id}`, data: { personId: person.id } });
  const bars = useDroppable({ id: `bars-${person.id}`, data: { personId: person.id } });
  const panelId = `capacity-assignments-${person.id}`;
  const count = person.assignments.length;
  const [menuOpen, setMenuOpen] = useState(false);
  const pending = useRef<(() => void) | null>(null);

  return (
    <>
      <tr
        ref={row.setNodeRef}
        data-testid="capacity-person"
        data-person-id={person.id}
        className={cn(
          dropTarget &&
            '[&>*]:bg-accent-soft! [&>td]:shadow-[inset_0_2px_0_var(--accent),inset_0_-2px_0_var(--accent)]',
        )}
      >
        <th
          scope="row"
          className="sticky left-0 z-10 border-b border-r border-line/70 bg-surface p-0 text-left font-normal"
        >
          <div className="flex h-10 items-center gap-1 pr-1 pl-1.5">
            <button
              type="button"
              aria-expanded={open}
              aria-controls={open ? panelId : undefined}
              aria-label={t('board.assignmentsOf', { name: person.name, count })}
              onClick={() => toggleExpanded(person.id)}
              className="grid size-6 shrink-0 place-items-center rounded-md text-faint transition-colors duration-150 hover:bg-hover hover:text-fg"
            >
              <ChevronRight
                className={cn('size-4 transition-transform duration-150', open && 'rotate-90')}
                aria-hidden="true"
              />
            </button>
            <div className="min-w-0 flex-1">
              <p className="flex items-center gap-1.5 truncate text-[12.5px] leading-tight font-medium text-fg">
                <span className="truncate">{person.name}</span>
                {count > 0 ? (
                  <span
                    aria-hidden="true"
                    className="rounded-full bg-subtle px-1.5 text-[10.5px] font-medium text-muted tabular-nums"
                  >
                    {count}
                  </span>
                ) : null}
              </p>
              <p className="truncate text-[11.5px] leading-tight text-muted">
                {person.employmentType === 'core'
                  ? person.role
                  : `${t(`employment.${person.employmentType}`)} · ${person.role}`}
              </p>
            </div>
            <DropdownMenu.Root open={menuOpen} onOpenChange={setMenuOpen} modal={false}>
              <DropdownMenu.Trigger
                aria-label={t('board.actionsFor', { name: person.name })}
                className="grid size-6 shrink-0 place-items-center rounded-md text-faint transition-colors duration-150 hover:bg-hover hover:text-fg data-[state=open]:bg-hover"
              >
                <MoreHorizontal className="size-4" aria-hidden="true" />
              </DropdownMenu.Trigger>
              <DropdownMenu.Portal>
                <DropdownMenu.Content
                  align="start"
                  sideOffset={4}
                  onCloseAutoFocus={() => {
                    const run = pending.current;
                    pending.current = null;
                    run?.();
                  }}
                  className={cn(MENU_CONTENT, 'min-w-48')}
                >
                  <DropdownMenu.Item
                    className={MENU_ITEM}
                    onSelect={() => {
                      pending.current = () => actions.onSkills(person);
                    }}
                  >
                    <Sparkles aria-hidden="true" />
                    {t('menu.skills')}
                  </DropdownMenu.Item>
                  <DropdownMenu.Item
                    className={MENU_ITEM}
                    onSelect={() => {
                      pending.current = () => actions.onTimeOff(person);
                    }}
                  >
                    <TreePalm aria-hidden="true" />
                    {t('menu.timeOff')}
                  </DropdownMenu.Item>
                  <DropdownMenu.Item className={MENU_ITEM} onSelect={() => toggleExpanded(person.id)}>
                    <ChevronRight aria-hidden="true" />
                    {open ? t('menu.hideAssignments') : t('menu.showAssignments')}
                  </DropdownMenu.Item>
                </DropdownMenu.Content>
              </DropdownMenu.Portal>
            </DropdownMenu.Root>
          </div>
        </th>
        {person.cells.map((c, i) => (
          <HeatCell
            key={matrix.periods[i]!.start}
            figures={c}
            cell={c}
            start={matrix.periods[i]!.start}
            end={matrix.periods[i]!.end}
            today={marker?.index === i}
          />
        ))}
        <HeatCell
          figures={person.total}
          start={matrix.from}
          end={matrix.to}
          today={false}
          tone="total"
          testId="person-total"
        />
      </tr>
      {open ? (
        <tr
          ref={bars.setNodeRef}
          id={panelId}
          data-testid="capacity-assignments"
          data-person-id={person.id}
          className={cn(dropTarget && '[&>*]:bg-accent-soft!')}
        >
          <th
            scope="row"
            className="sticky left-0 z-10 border-b border-r border-line/70 bg-surface px-3 py-1.5 text-left align-top text-[11.5px] font-normal text-muted"
          >
            <span className="sr-only">{person.name}: </span>
            {t('board.assignmentCount', { count })}
            {count > 0 ? (
              <span className="mt-0.5 flex items-center gap-1 text-faint">
                <Kbd className="h-4 min-w-4 text-[10px]">M</Kbd>
                {t('board.moveHint')}
              </span>
            ) : null}
          </th>
          <td colSpan={matrix.periods.length} className="relative border-b border-line/70 bg-canvas/60 p-0">
            <AssignmentTrack person={person} matrix={matrix} actions={actions} />
          </td>
          <td className="border-b border-l border-line/70 bg-canvas/60" />
        </tr>
      ) : null}
    </>
  );
}

function AssignmentTrack({
  person,
  matrix,
  actions,
}: {
  person: CapacityPerson;
  matrix: CapacityMatrix;
  actions: BoardActions;
}) {
  const { t } = useTranslation('capacity');
  const marker = todayMarker(matrix);
  const n = matrix.periods.length;
  const lanes = useMemo(
    () =>
      packLanes(
        person.assignments.map((a) => {
          const span = barSpan(a, matrix);
          const layout = barLayout(span, n);
          return { a, span, layout, extent: layout };
        }),
      ),
    [person.assignments, matrix, n],
  );
  if (person.assignments.length === 0)
    return <p className="px-3 py-2.5 text-[12px] text-faint">{t('board.noAssignments')}</p>;
  return (
    <ul
      aria-label={t('board.assignmentsList', { name: person.name })}
      className="relative py-1.5"
      style={{ height: lanes.length * LANE_H + 12 }}
    >
      {marker ? (
        <li
          aria-hidden="true"
          className="pointer-events-none absolute inset-y-0 w-0.5 bg-accent/50"
          style={{ left: `${((marker.index + marker.fraction) / n) * 100}%` }}
        />
      ) : null}
      {lanes.flatMap((lane, laneIndex) =>
        lane.map(({ a, span, layout }) => (
          <AssignmentBar
            key={a.id}
            assignment={a}
            span={span}
            labelAt={layout.label}
            lane={laneIndex}
            n={n}
            actions={actions}
          />
        )),
      )}
    </ul>
  );
}

function AssignmentBar({
  assignment: a,
  span,
  labelAt,
  lane,
  n,
  actions,
}: {
  assignment: Assignment;
  span: BarSpan;
  labelAt: 'inside' | 'right' | 'left';
  lane: number;
  n: number;
  actions: BoardActions;
}) {
  const { t, i18n } = useTranslation('capacity');
  const lang = i18n.language;
  const hours = useHours();
  const face = useRef<HTMLDivElement | null>(null);
  const { setNodeRef, setActivatorNodeRef, listeners, attributes, isDragging } = useDraggable({
    id: `assignment-${a.id}`,
    data: { assignment: a } satisfies DragData,
    disabled: span.done,
    attributes: { roleDescription: t('dnd.roleDescription') },
  });
  const cols = span.end - span.start + 1;
  const inside = labelAt === 'inside';
  const dates = `${shortDate(a.startDate, lang)} – ${shortDate(a.endDate, lang, a.startDate.slice(0, 4) !== a.endDate.slice(0, 4))}`;
  // Overdue: its end date passed, or only days off are left in its dates (then it is not late yet).
  // The core says which, from the person's own today (the one it poured their hours from).
  const late = a.late === true;
  const status = span.done ? t('bar.done') : span.overdue ? (late ? t('bar.overdue') : t('bar.noDaysLeft')) : null;
  // Where overdue hours fall: the bar's columns, said in dates (someone with no working day at all
  // keeps them on its first day, inside its dates: nothing to add then).
  const where =
    span.overdue && a.hoursFrom && a.hoursTo && (late || a.hoursFrom > a.endDate)
      ? a.hoursFrom === a.hoursTo
        ? t(late ? 'bar.overdueOn' : 'bar.outsideOn', {
            hours: hours(a.remainingHours),
            date: shortDate(a.hoursFrom, lang),
          })
        : t(late ? 'bar.overdueFromTo' : 'bar.outsideFromTo', {
            hours: hours(a.remainingHours),
            from: shortDate(a.hoursFrom, lang),
            to: shortDate(a.hoursTo, lang, a.hoursFrom.slice(0, 4) !== a.hoursTo.slice(0, 4)),
          })
      : null;
  const detail = `${t('bar.detail', { remaining: hours(a.remainingHours), planned: hours(a.plannedHours), dates })}${where ? `. ${where}` : ''}${status ? `. ${status}` : ''}`;
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (span.done) return;
    if (e.key === 'Enter' || ((e.key === 'm' || e.key === 'M') && !e.ctrlKey && !e.metaKey && !e.altKey)) {
      e.preventDefault();
      actions.onOpenMove(a, face.current);
    }
  };
  const tip: ReactNode = (
    <span className="flex flex-col gap-0.5 py-0.5">
      <span className="font-semibold">{a.projectName}</span>
      <span className="font-normal opacity-90">{a.clientName}</span>
      <span className="font-normal tabular-nums opacity-90">
        {t('bar.hours', { remaining: hours(a.remainingHours), planned: hours(a.plannedHours) })}
      </span>
      <span className="font-normal tabular-nums opacity-90">{dates}</span>
      <span className="font-normal opacity-90">{t('bar.due', { date: shortDate(a.projectDueDate, lang, true) })}</span>
      {where ? <span className="font-semibold tabular-nums">{where}</span> : null}
      {status ? <span className="max-w-64 font-normal text-pretty">{status}</span> : null}
    </span>
  );
  // Project names often carry the client already ("Explainer · Kiwi Bowls"): the client then is not repeated.
  const showClient = !a.projectName.includes(a.clientName);
  const name = (
    <>
      <span className="min-w-0 truncate font-medium">{a.projectName}</span>
      {showClient ? (
        <span className={cn('min-w-0 shrink-[4] truncate', inside && 'sr-only @[180px]:not-sr-only @[180px]:truncate')}>
          <span className="sr-only">, </span>
          {inside ? null : <span aria-hidden="true"> · </span>}
          {a.clientName}
        </span>
      ) : null}
    </>
  );
  const pill = span.done
    ? 'border-line bg-subtle'
    : span.overdue
      ? 'border-danger-text/40 bg-danger-soft group-hover/bar:border-danger-text/70'
      : 'border-accent/35 bg-accent-soft group-hover/bar:border-accent/70';
  const ink = span.done ? 'text-muted' : span.overdue ? 'text-danger-text' : 'text-accent-text';
  // It goes on before / after the window: an arrow at that end, on wide and narrow bars alike.
  const goesBefore = span.before ? <ArrowLeft className="size-3 shrink-0" aria-hidden="true" /> : null;
  const goesAfter = span.after ? <ArrowRight className="size-3 shrink-0" aria-hidden="true" /> : null;
  return (
    <li
      ref={setNodeRef}
      className={cn('@container absolute px-[3px]', isDragging && 'opacity-40')}
      style={{
        top: 6 + lane * LANE_H,
        height: LANE_H - 4,
        left: `${(span.start / n) * 100}%`,
        width: `${(cols / n) * 100}%`,
      }}
      data-testid="assignment-bar"
      data-assignment-id={a.id}
    >
      <Tip label={tip} side="top">
        {/* biome-ignore lint/a11y/useSemanticElements: a div so Space stays free and the bar can be dragged. */}
        <div
          ref={(node) => {
            face.current = node;
            setActivatorNodeRef(node);
          }}
          role="button"
          tabIndex={0}
          aria-roledescription={span.done ? undefined : attributes['aria-roledescription']}
          aria-describedby={span.done ? undefined : attributes['aria-describedby']}
          aria-disabled={span.done || undefined}
          onPointerDown={span.done ? undefined : (listeners?.onPointerDown as PointerEventHandler<HTMLDivElement>)}
          onKeyDown={onKeyDown}
          onClick={() => (span.done ? undefined : actions.onOpenMove(a, face.current))}
          className={cn(
            'group/bar relative flex h-full items-center gap-1 text-[11.5px] leading-none whitespace-nowrap outline-offset-1',
            span.done ? 'cursor-default' : 'cursor-grab active:cursor-grabbing',
          )}
        >
          {/* The bar itself: its columns, coloured by state. */}
          <span
            aria-hidden="true"
            className={cn(
              'absolute inset-0 rounded-md border shadow-xs transition-colors duration-150',
              pill,
              span.before && 'rounded-l-sm',
              span.after && 'rounded-r-sm',
            )}
          />
          {inside ? (
            <span className={cn('relative flex min-w-0 flex-1 items-center gap-1 px-1.5', ink)}>
              {goesBefore}
              {span.overdue ? <CalendarClock className="size-3 shrink-0" aria-hidden="true" /> : null}
              {name}
              <span className="ml-auto shrink-0 pl-1 tabular-nums opacity-90">
                {formatNumber(a.remainingHours, lang, 1)}/{formatNumber(a.plannedHours, lang, 1)}
              </span>
              {goesAfter}
            </span>
          ) : (
            <>
              <span
                className={cn(
                  'absolute inset-y-0 flex items-center gap-1 overflow-hidden text-muted',
                  labelAt === 'right' ? 'left-full pl-1.5' : 'right-full flex-row-reverse pr-1.5',
                )}
                style={{ width: `${((LABEL_COLS - cols) / cols) * 100}%` }}
              >
                <span className={cn('flex min-w-0 items-center gap-1', labelAt === 'left' && 'justify-end')}>
                  {span.overdue ? (
                    <CalendarClock className="size-3 shrink-0 text-danger-text" aria-hidden="true" />
                  ) : null}
                  <span className="flex min-w-0 items-center text-fg [&>span:last-child]:text-muted">{name}</span>
                </span>
              </span>
              <span className={cn('relative flex w-full min-w-0 items-center px-0.5 tabular-nums', ink)}>
                {goesBefore}
                <span className="min-w-0 flex-1 truncate text-center">
                  {/* One column has room for the hours left only ("37.3/…" said nothing); the tooltip has both. */}
                  {cols === 1
                    ? formatNumber(a.remainingHours, lang, 1)
                    : `${formatNumber(a.remainingHours, lang, 1)}/${formatNumber(a.plannedHours, lang, 1)}`}
                </span>
                {goesAfter}
              </span>
            </>
          )}
          <span className="sr-only">, {detail}</span>
        </div>
      </Tip>
    </li>
  );
}
