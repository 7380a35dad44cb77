/**
 * The production board: one column per stage (PRODUCT.md §3.1) with its WIP
 * count and value, cards that drag between the work stages (@dnd-kit, with
 * its keyboard sensor and announcements), and a "Move to…" menu on every card
 * (M on a focused card) as the keyboard alternative. Dropping a card on Final
 * delivery opens the Deliver dialog instead of moving it.
 */
import {
  type Announcements,
  type CollisionDetection,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  Banknote,
  CalendarCheck,
  CalendarClock,
  ChevronLeft,
  ChevronRight,
  Eye,
  MoreHorizontal,
  PackageCheck,
  Send,
} from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import {
  createContext,
  type KeyboardEvent,
  type PointerEventHandler,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Hub } from '../../../../shared/contract';
import {
  type BoardCard,
  type BoardColumn,
  type Board as BoardData,
  type BoardStage,
  WORK_STAGES,
  type WorkStage,
} from '../../../../shared/pipeline';
import { formatMoney, formatNumber } from '../../app/format';
import { cn } from '../../components/cn';
import { HubDot } from '../../components/HubDot';
import { Kbd } from '../../components/Kbd';
import { MENU_CONTENT, MENU_ITEM } from '../../components/menu';
import { Tip } from '../../components/Tooltip';
import { Dash, GatesChip, headerMoney, RevisionsChip, RiskBadge, shortDate } from './parts';
import { canDeliver, canMove, isWorkStage, moveHintKey } from './rules';

export interface BoardActions {
  onOpen: (card: BoardCard, opener: HTMLElement | null) => void;
  onMove: (card: BoardCard, to: WorkStage) => void;
  /** A card dropped on the stage the core moves by itself: explain, nothing moves. */
  onRefused: (card: BoardCard, to: BoardStage) => void;
  onDeliver: (card: BoardCard) => void;
}

/** A card that should take focus when it mounts (a move remounts it in another column), for a moment only. */
type FocusNext = { current: { id: number; until: number } | null };
const FocusContext = createContext<FocusNext>({ current: null });

/** Cards a work column shows at first, and how many more each "Show more" adds: thousands of cards would freeze the board. */
const COLUMN_PAGE = 30;

/** ←/→ jump the picked-up card to the previous/next column (↑/↓ do nothing). */
const columnJump: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const { collisionRect, droppableRects, droppableContainers } = context;
  const dir = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
  if (event.code === 'ArrowUp' || event.code === 'ArrowDown') event.preventDefault();
  if (!dir || !collisionRect) return undefined;
  event.preventDefault();
  const center = collisionRect.left + collisionRect.width / 2;
  const rects = droppableContainers
    .getEnabled()
    .map((c) => droppableRects.get(c.id))
    .filter((r): r is NonNullable<typeof r> => Boolean(r))
    .sort((a, b) => a.left - b.left);
  const target = dir > 0 ? rects.find((r) => r.left > center) : rects.reverse().find((r) => r.right < center);
  if (!target) return undefined;
  return { x: target.left + (target.width - collisionRect.width) / 2, y: currentCoordinates.y };
};

/** The pointer decides when there is one; the keyboard's card rectangle otherwise. */
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : rectIntersection(args);
};

export function ProductionBoard({
  board,
  hubs,
  showHub,
  missingNote,
  actions,
  scrollControls,
}: {
  board: BoardData;
  hubs: Hub[];
  showHub: boolean;
  missingNote: string | null;
  actions: BoardActions;
  /**
   * Where the ‹ › buttons that scroll the board go: a slot in the row above it, so they never sit on a
   * column's header or cards (the board shows as many columns as fit, right up to its edges).
   */
  scrollControls: HTMLElement | null;
}) {
  const { t } = useTranslation('projects');
  const focusNext: FocusNext = useRef<{ id: number; until: number } | null>(null);
  const [active, setActive] = useState<BoardCard | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState({ left: false, right: false });
  const hubById = useMemo(() => new Map(hubs.map((h) => [h.id, h])), [hubs]);
  const [shown, setShown] = useState<Partial<Record<BoardStage, number>>>({});
  /** The column's first cards (most urgent first), and a card just moved into it wherever it sorts. */
  const visibleCards = (column: BoardColumn) => {
    const cards = column.cards.slice(0, shown[column.stage] ?? COLUMN_PAGE);
    const moved = focusNext.current && column.cards.find((c) => c.id === focusNext.current?.id);
    return moved && !cards.includes(moved) ? [...cards, moved] : cards;
  };

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, {
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
      coordinateGetter: columnJump,
    }),
  );

  const stageName = (id: unknown) => t(`stageInSentence.${id as BoardStage}`);
  const cardOf = (data: unknown) => (data as { card?: BoardCard } | undefined)?.card;
  const announcements: Announcements = {
    onDragStart: ({ active: a }) => {
      const card = cardOf(a.data.current);
      return card ? t('dnd.start', { name: card.name, stage: stageName(card.stage) }) : undefined;
    },
    onDragOver: ({ active: a, over }) => {
      const card = cardOf(a.data.current);
      if (!card) return undefined;
      return over
        ? t('dnd.over', { name: card.name, stage: stageName(over.id) })
        : t('dnd.outside', { name: card.name });
    },
    onDragEnd: ({ active: a, over }) => {
      const card = cardOf(a.data.current);
      if (!card) return undefined;
      return over
        ? t('dnd.end', { name: card.name, stage: stageName(over.id) })
        : t('dnd.endOutside', { name: card.name });
    },
    onDragCancel: ({ active: a }) => {
      const card = cardOf(a.data.current);
      return card ? t('dnd.cancel', { name: card.name, stage: stageName(card.stage) }) : undefined;
    },
  };

  const updateShadows = () => {
    const el = scroller.current;
    if (!el) return;
    const next = { left: el.scrollLeft > 4, right: el.scrollLeft + el.clientWidth < el.scrollWidth - 4 };
    setMore((m) => (m.left === next.left && m.right === next.right ? m : next));
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measured when the board changes.
  useEffect(() => {
    updateShadows();
    window.addEventListener('resize', updateShadows);
    return () => window.removeEventListener('resize', updateShadows);
  }, [board]);

  const onDragStart = (e: DragStartEvent) => setActive(cardOf(e.active.data.current) ?? null);
  const onDragEnd = ({ active: a, over }: DragEndEvent) => {
    setActive(null);
    const card = cardOf(a.data.current);
    if (!card || !over) return;
    const to = over.id as BoardStage;
    if (to === card.stage) return;
    if (to === 'final_delivery' && canDeliver(card.stage)) actions.onDeliver(card);
    else if (isWorkStage(to) && canMove(card.stage, to)) {
      focusNext.current = { id: card.id, until: Date.now() + 2000 };
      actions.onMove(card, to);
    } else actions.onRefused(card, to);
  };

  return (
    <FocusContext.Provider value={focusNext}>
      <DndContext
        sensors={sensors}
        collisionDetection={collision}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setActive(null)}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('dnd.instructions') } }}
      >
        <div className="relative">
          <div
            ref={scroller}
            onScroll={updateShadows}
            data-testid="production-board"
            // Relative: the columns' screen-reader-only text scrolls with them instead of widening the page. Its height
            // leaves the window's room for the top bar, the header, the period's KPIs (110 px) and the summary line.
            className="relative flex h-[calc(100vh-322px)] min-h-[380px] gap-2 overflow-x-auto overflow-y-hidden pb-2"
          >
            {board.columns.map((column) => (
              <Column
                key={column.stage}
                column={column}
                currency={board.reportingCurrency}
                missingNote={missingNote}
                dragging={active}
                hiddenCards={column.cards.length - visibleCards(column).length}
                onShowMore={() =>
                  setShown((s) => ({ ...s, [column.stage]: (s[column.stage] ?? COLUMN_PAGE) + COLUMN_PAGE }))
                }
              >
                {visibleCards(column).map((card) => (
                  <CardItem
                    key={card.id}
                    card={card}
                    hub={showHub ? hubById.get(card.hubId) : undefined}
                    asOfYear={board.asOf.slice(0, 4)}
                    dragging={active !== null}
                    actions={actions}
                  />
                ))}
              </Column>
            ))}
          </div>
          {/* Edges that say there is more board to either side (the scrollbar may be an overlay). */}
          <BoardEdge side="left" shown={more.left} />
          <BoardEdge side="right" shown={more.right} />
        </div>
        {scrollControls && (more.left || more.right)
          ? createPortal(
              <span className="flex items-center gap-1" data-testid="board-scroll">
                <ScrollButton side="left" shown={more.left} label={t('column.earlier')} scroller={scroller} />
                <ScrollButton side="right" shown={more.right} label={t('column.later')} scroller={scroller} />
              </span>,
              scrollControls,
            )
          : null}
        <DragOverlay dropAnimation={null}>
          {active ? (
            <div className="w-[176px] rotate-1 cursor-grabbing">
              <CardFace
                card={active}
                hub={showHub ? hubById.get(active.hubId) : undefined}
                asOfYear={board.asOf.slice(0, 4)}
                className="shadow-float border-accent"
              />
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
    </FocusContext.Provider>
  );
}

/** A narrow fade at the board's edge while more columns lie that way; it stays within the gap and border. */
function BoardEdge({ side, shown }: { side: 'left' | 'right'; shown: boolean }) {
  return (
    <div
      aria-hidden="true"
      className={cn(
        'pointer-events-none absolute inset-y-0 w-3 from-canvas to-transparent transition-opacity duration-150',
        side === 'left' ? 'left-0 bg-gradient-to-r' : 'right-0 bg-gradient-to-l',
        shown ? 'opacity-100' : 'opacity-0',
      )}
    />
  );
}

/**
 * A button that scrolls the board most of a screen to one side; where there is no more board that way, a
 * faint chevron holds its place (not a button, so nothing is announced or clicked in vain), and the pair
 * does not shift as the board scrolls. Out of the tab order: keyboard users move across the columns' cards.
 */
function ScrollButton({
  side,
  shown,
  label,
  scroller,
}: {
  side: 'left' | 'right';
  shown: boolean;
  label: string;
  scroller: React.RefObject<HTMLDivElement | null>;
}) {
  const scroll = () => {
    const el = scroller.current;
    if (!el) return;
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    el.scrollBy({ left: (side === 'left' ? -1 : 1) * el.clientWidth * 0.8, behavior: reduce ? 'auto' : 'smooth' });
  };
  const Icon = side === 'left' ? ChevronLeft : ChevronRight;
  // -my-0.5: 24 px to aim at, without making the row above the board taller (the page fits 800 px high).
  const box = 'grid size-6 -my-0.5 place-items-center rounded-[var(--radius-control)] border border-line';
  if (!shown) {
    return (
      <span aria-hidden="true" className={cn(box, 'text-faint opacity-50')}>
        <Icon className="size-4" />
      </span>
    );
  }
  return (
    <button
      type="button"
      tabIndex={-1}
      aria-label={label}
      title={label}
      data-testid={`board-scroll-${side}`}
      onClick={scroll}
      className={cn(box, 'bg-surface text-muted transition-colors duration-150 hover:bg-hover hover:text-fg')}
    >
      <Icon className="size-4" aria-hidden="true" />
    </button>
  );
}

function Column({
  column,
  currency,
  missingNote,
  dragging,
  hiddenCards,
  onShowMore,
  children,
}: {
  column: BoardColumn;
  currency: string;
  missingNote: string | null;
  dragging: BoardCard | null;
  /** Cards the board holds for this column but does not show yet. */
  hiddenCards: number;
  onShowMore: () => void;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation('projects');
  const lang = i18n.language;
  const { stage } = column;
  const { setNodeRef, isOver } = useDroppable({ id: stage });
  const headingId = `board-col-${stage}`;
  const takes = dragging
    ? stage === 'final_delivery'
      ? canDeliver(dragging.stage)
      : canMove(dragging.stage, stage)
    : false;
  const home = dragging?.stage === stage;
  const hidden = column.count - column.cards.length;
  const delivered = stage === 'invoiced' || stage === 'paid';

  return (
    <section
      ref={setNodeRef}
      aria-labelledby={headingId}
      data-testid={`board-column-${stage}`}
      className={cn(
        'flex w-[194px] shrink-0 flex-col rounded-[12px] border bg-subtle/60 transition-colors duration-150',
        dragging && !home && takes && 'border-dashed border-accent/60',
        dragging && !home && !takes && 'opacity-60',
        isOver &&
          !home &&
          (takes ? 'border-solid border-accent bg-accent-soft/50' : 'border-danger/60 bg-danger-soft/40'),
        !dragging && 'border-line',
        dragging && home && 'border-line',
      )}
    >
      <header className="flex flex-col gap-0.5 border-b border-line px-3 pt-2.5 pb-2">
        <div className="flex items-center justify-between gap-2">
          <h2 id={headingId} className="truncate text-[13px] font-semibold text-fg" title={t(`stage.${stage}`)}>
            {t(`stage.${stage}`)}
          </h2>
          <span
            className="inline-flex h-5 min-w-6 shrink-0 items-center justify-center rounded-full bg-surface px-1.5 text-[11.5px] font-semibold text-muted tabular-nums ring-1 ring-line"
            data-testid="column-count"
          >
            <span aria-hidden="true">{formatNumber(column.count, lang)}</span>
            <span className="sr-only">{t('column.count', { count: column.count })}</span>
          </span>
        </div>
        <p className="text-[12px] text-muted tabular-nums" data-testid="column-value">
          <span className="sr-only">{t('column.value')} </span>
          {column.valueMinor === null ? (
            <Dash reason={missingNote ?? t('missingGeneric')} />
          ) : (
            headerMoney(column.valueMinor, currency, lang)
          )}
        </p>
      </header>
      <ul aria-labelledby={headingId} className="flex min-h-0 flex-1 flex-col gap-2 overflow-y-auto p-2">
        {children}
        {column.cards.length === 0 ? (
          <li className="grid flex-1 place-items-center rounded-lg border border-dashed border-line px-3 py-6 text-center text-[12px] text-faint">
            {stage === 'final_delivery'
              ? t('column.dropToDeliver')
              : hidden > 0
                ? t('column.noneRecent')
                : t('column.empty')}
          </li>
        ) : null}
        {hiddenCards > 0 ? (
          <li className="pt-0.5">
            <button
              type="button"
              onClick={onShowMore}
              className="h-7 w-full rounded-md text-[12px] font-medium text-accent-text hover:bg-hover focus-visible:outline-2 focus-visible:outline-accent"
            >
              {t('column.showMore', {
                n: formatNumber(Math.min(COLUMN_PAGE, hiddenCards), lang),
                hidden: formatNumber(hiddenCards, lang),
              })}
            </button>
          </li>
        ) : null}
        {/* "The latest 0 of 11" says nothing the placeholder above does not. */}
        {delivered && hidden > 0 && column.cards.length > 0 ? (
          <li className="px-1 pt-1 pb-0.5 text-center text-[11.5px] text-faint">
            {t('column.recentOnly', {
              shown: formatNumber(column.cards.length, lang),
              n: formatNumber(column.count, lang),
            })}
          </li>
        ) : null}
      </ul>
    </section>
  );
}

/** The card's content: name, client, value, gates and revisions; the due date and its risk, or when it was delivered or paid. */
function CardFace({
  card,
  hub,
  asOfYear,
  className,
  menu,
}: {
  card: BoardCard;
  hub: Hub | undefined;
  asOfYear: string;
  className?: string;
  menu?: ReactNode;
}) {
  const { t, i18n } = useTranslation('projects');
  const lang = i18n.language;
  const open = isWorkStage(card.stage);
  const dueDate = shortDate(card.dueDate, asOfYear, lang);
  return (
    <div className={cn('rounded-[10px] border border-line bg-surface px-2.5 pt-2 pb-2 text-left shadow-xs', className)}>
      <p className="line-clamp-2 pr-6 text-[13px] leading-snug font-medium text-fg">{card.name}</p>
      <p className="mt-0.5 flex min-w-0 items-center gap-1.5 text-[12px] text-muted">
        {hub ? <HubDot color={hub.color} className="size-2" /> : null}
        {hub ? <span className="sr-only">{hub.name}: </span> : null}
        <span className="truncate">{card.clientName}</span>
      </p>
      <div className="mt-2 flex items-center justify-between gap-2">
        <span className="text-[12.5px] font-medium text-fg tabular-nums">
          {formatMoney(card.valueMinor, card.currency, lang)}
        </span>
        <span className="flex items-center gap-2">
          <GatesChip passed={card.gatesPassed} />
          <RevisionsChip count={card.revisionCycles} />
        </span>
      </div>
      {/* Wraps when a date in another year does not fit beside the badge; the date stays on the right. */}
      <div className="mt-1.5 flex flex-wrap items-center justify-between gap-x-2 gap-y-1 text-[12px] text-muted">
        {open ? (
          <>
            <RiskBadge risk={card.risk} />
            <DateChip icon={<CalendarClock aria-hidden="true" />} label={t('card.due', { date: dueDate })}>
              {dueDate}
            </DateChip>
          </>
        ) : card.paidOn ? (
          <DoneOn
            icon={<Banknote aria-hidden="true" />}
            word={t('card.paidWord')}
            date={shortDate(card.paidOn, asOfYear, lang)}
          />
        ) : card.deliveredAt ? (
          <DoneOn
            icon={<CalendarCheck aria-hidden="true" />}
            word={t('card.deliveredWord')}
            date={shortDate(card.deliveredAt, asOfYear, lang)}
          />
        ) : null}
      </div>
      {menu}
    </div>
  );
}

/** Finished work's line: what happened ("Paid", "Delivered") on the left, its date on the right. */
function DoneOn({ icon, word, date }: { icon: ReactNode; word: string; date: string }) {
  return (
    <>
      <span className="flex items-center gap-1 [&_svg]:size-3.5">
        {icon}
        {word}
      </span>
      <span className="tabular-nums">{date}</span>
    </>
  );
}

const CARD_FACE = '[data-card-face]';

/** ↑/↓: the card above or below; ←/→: the first card of the column beside (skipping empty columns). */
function neighbour(face: HTMLElement, key: string): HTMLElement | null {
  const item = face.closest('li');
  if (key === 'ArrowDown' || key === 'ArrowUp') {
    let li = key === 'ArrowDown' ? item?.nextElementSibling : item?.previousElementSibling;
    while (li && !li.querySelector(CARD_FACE))
      li = key === 'ArrowDown' ? li.nextElementSibling : li.previousElementSibling;
    return li?.querySelector<HTMLElement>(CARD_FACE) ?? null;
  }
  if (key === 'ArrowLeft' || key === 'ArrowRight') {
    let col = face.closest('section');
    for (;;) {
      col = (key === 'ArrowRight' ? col?.nextElementSibling : col?.previousElementSibling) as HTMLElement | null;
      if (!col) return null;
      const first = col.querySelector<HTMLElement>(CARD_FACE);
      if (first) return first;
    }
  }
  return null;
}

/** The due date beside the risk: the icon and the date on the card, "Due Nov 21" on hover and for screen readers. */
function DateChip({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <Tip label={label}>
      <span className="ml-auto flex shrink-0 items-center gap-1 whitespace-nowrap tabular-nums [&_svg]:size-3.5">
        {icon}
        <span aria-hidden="true">{children}</span>
        <span className="sr-only">{label}</span>
      </span>
    </Tip>
  );
}

function CardItem({
  card,
  hub,
  asOfYear,
  dragging,
  actions,
}: {
  card: BoardCard;
  hub: Hub | undefined;
  asOfYear: string;
  dragging: boolean;
  actions: BoardActions;
}) {
  const { t } = useTranslation('projects');
  const movable = isWorkStage(card.stage);
  const { setNodeRef, setActivatorNodeRef, listeners, attributes, isDragging } = useDraggable({
    id: card.id,
    data: { card },
    disabled: !movable,
    attributes: { roleDescription: t('dnd.roleDescription') },
  });
  const [menuOpen, setMenuOpen] = useState(false);
  const face = useRef<HTMLDivElement | null>(null);
  const focusNext = useContext(FocusContext);
  const refocus = useRef(true);

  // After a move the card mounts in its new column: keep the keyboard where it was.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on mount.
  useEffect(() => {
    const next = focusNext.current;
    if (next?.id === card.id) {
      focusNext.current = null;
      if (next.until > Date.now()) face.current?.focus();
    }
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (dragging) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      actions.onOpen(card, face.current);
      return;
    }
    if ((e.key === 'm' || e.key === 'M') && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      setMenuOpen(true);
      return;
    }
    const next = neighbour(e.currentTarget, e.key);
    if (next) {
      e.preventDefault();
      next.focus();
      return;
    }
    if (movable) listeners?.onKeyDown?.(e);
  };

  /** What a menu choice opens once the menu has closed and given focus back to the card (a dialog returns it there). */
  const pending = useRef<(() => void) | null>(null);
  /** A menu choice: a move remounts the card elsewhere (it takes focus there); the rest open from the card. */
  const after = (run: () => void, moves: boolean) => {
    refocus.current = !moves;
    if (moves) {
      focusNext.current = { id: card.id, until: Date.now() + 2000 };
      run();
    } else pending.current = run;
  };

  const dndAttributes = movable
    ? {
        'aria-roledescription': attributes['aria-roledescription'],
        'aria-describedby': attributes['aria-describedby'],
      }
    : {};

  return (
    <li ref={setNodeRef} className={cn('group relative', isDragging && 'opacity-40')} data-testid="project-card">
      {/* biome-ignore lint/a11y/useSemanticElements: a native button clicks on Space, which here picks the card up. */}
      <div
        ref={(node) => {
          face.current = node;
          setActivatorNodeRef(node);
        }}
        role="button"
        tabIndex={0}
        data-card-face
        data-card-id={card.id}
        {...dndAttributes}
        onPointerDown={movable ? (listeners?.onPointerDown as PointerEventHandler<HTMLDivElement>) : undefined}
        onKeyDown={onKeyDown}
        onClick={() => actions.onOpen(card, face.current)}
        className={cn(
          'block rounded-[10px] outline-offset-1 transition-shadow duration-150 hover:[&>div]:border-line-strong',
          movable ? 'cursor-grab active:cursor-grabbing' : 'cursor-pointer',
        )}
      >
        <CardFace card={card} hub={hub} asOfYear={asOfYear} />
      </div>
      <DropdownMenu.Root open={menuOpen} onOpenChange={setMenuOpen} modal={false}>
        {/* One Tab stop per card: from the keyboard this menu opens with M on the card. */}
        <DropdownMenu.Trigger
          tabIndex={-1}
          aria-label={t('card.menu', { name: card.name })}
          className={cn(
            'absolute top-1.5 right-1.5 grid size-6 place-items-center rounded-md text-faint transition-opacity duration-150',
            'hover:bg-hover hover:text-fg focus-visible:opacity-100 data-[state=open]:bg-hover data-[state=open]:opacity-100',
            'opacity-0 group-focus-within:opacity-100 group-hover:opacity-100',
          )}
        >
          <MoreHorizontal className="size-4" aria-hidden="true" />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            align="start"
            sideOffset={4}
            onCloseAutoFocus={(e) => {
              e.preventDefault();
              if (refocus.current) face.current?.focus();
              refocus.current = true;
              const run = pending.current;
              pending.current = null;
              run?.();
            }}
            className={cn(MENU_CONTENT, 'min-w-52')}
          >
            <DropdownMenu.Item
              className={MENU_ITEM}
              onSelect={() => after(() => actions.onOpen(card, face.current), false)}
            >
              <Eye aria-hidden="true" />
              {t('menu.open')}
              <Kbd className="ml-auto">↵</Kbd>
            </DropdownMenu.Item>
            <DropdownMenu.Separator className="my-1 h-px bg-line" />
            <DropdownMenu.Label className="px-2 pt-1 pb-1 text-[11.5px] font-medium text-faint">
              {movable ? t('menu.moveTo') : t('menu.deliveredNote')}
            </DropdownMenu.Label>
            {movable
              ? WORK_STAGES.filter((s) => s !== card.stage).map((s) => {
                  const hint = moveHintKey(card.stage, s);
                  return (
                    <DropdownMenu.Item
                      key={s}
                      disabled={hint !== null}
                      className={MENU_ITEM}
                      onSelect={() => after(() => actions.onMove(card, s), true)}
                    >
                      <Send aria-hidden="true" />
                      <span className="flex-1">{t(`stage.${s}`)}</span>
                      {hint ? <span className="text-[11px] text-faint">{t(hint)}</span> : null}
                    </DropdownMenu.Item>
                  );
                })
              : null}
            {movable ? (
              <>
                <DropdownMenu.Separator className="my-1 h-px bg-line" />
                <DropdownMenu.Item
                  disabled={!canDeliver(card.stage)}
                  className={MENU_ITEM}
                  onSelect={() => after(() => actions.onDeliver(card), false)}
                >
                  <PackageCheck aria-hidden="true" />
                  <span className="flex-1">{t('menu.deliver')}</span>
                  {canDeliver(card.stage) ? null : (
                    <span className="text-[11px] text-faint">{t('menu.afterProduction')}</span>
                  )}
                </DropdownMenu.Item>
              </>
            ) : null}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
    </li>
  );
}
