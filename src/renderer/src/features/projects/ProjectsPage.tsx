/** Projects: the production board (and table), quality gates and delivery. */
import { Columns3, FolderKanban, Table2 } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type { AppError } from '../../../../shared/contract';
import {
  BOARD_DELIVERED_CARDS,
  type BoardCard,
  type BoardStage,
  type ProjectDetail,
  type WorkStage,
} from '../../../../shared/pipeline';
import type { Result } from '../../../../shared/result';
import { navigate, setPrefs, takeOpenRequest } from '../../app/actions';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { useApp, useFilterHub } from '../../app/store';
import { useApiQuery } from '../../app/useApi';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Kbd } from '../../components/Kbd';
import { PageHeader } from '../../components/PageHeader';
import { SegmentedControl } from '../../components/SegmentedControl';
import { Skeleton, SkeletonBlock } from '../../components/Skeleton';
import { jumpToRate, setFinanceTab } from '../finance/store';
import { ProductionBoard } from './Board';
import { DeliverDialog } from './DeliverDialog';
import { ProductionKpis, useProductionKpis } from './ProductionKpis';
import { ProjectDetailSheet } from './ProjectDetail';
import { ProjectsTable } from './ProjectsTable';
import { useMissingRatesNote } from './parts';
import { isWorkStage, withCardMoved } from './rules';
import { setProjectsSorting, setProjectsView, useProjectsView } from './store';

function BoardSkeleton() {
  const { t } = useTranslation();
  return (
    <div
      role="status"
      aria-label={t('common.loading')}
      className="flex gap-2 overflow-hidden"
      data-testid="board-skeleton"
    >
      {Array.from({ length: 5 }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders.
        <div key={i} className="flex w-[194px] shrink-0 flex-col gap-2 rounded-[12px] border border-line p-2.5">
          <Skeleton className="h-5 w-28" />
          <Skeleton className="mb-2 h-4 w-16" />
          <Skeleton className="h-24" />
          <Skeleton className="h-24" />
        </div>
      ))}
    </div>
  );
}

export function ProjectsPage() {
  const { t } = useTranslation('projects');
  const { t: tc } = useTranslation();
  const hubs = useApp((s) => s.hubs);
  const timeZone = useApp((s) => s.settings?.timeZone);
  const hub = useFilterHub();
  const hubId = hub ? hub.id : null;
  const board = useApiQuery('projects/board', { hubId });
  const kpis = useProductionKpis();
  const view = useProjectsView((s) => s.view);
  const sorting = useProjectsView((s) => s.sorting);
  const missingNote = useMissingRatesNote(board.data?.missingRates ?? []);

  const [openId, setOpenIdState] = useState<number | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const [detailVersion, setDetailVersion] = useState(0);
  const [delivering, setDelivering] = useState<BoardCard | null>(null);
  /** The slot at the end of the row above the board that holds its scroll buttons. */
  const [scrollSlot, setScrollSlot] = useState<HTMLElement | null>(null);

  // The latest board and open project, for actions that run later (an Undo clicked in a toast).
  const latest = useRef({ data: board.data, openId });
  latest.current = { data: board.data, openId };

  const lastOpened = useRef<number | null>(null);
  const openProject = (id: number | null, from?: HTMLElement | null) => {
    if (id !== null) {
      opener.current = from ?? (document.activeElement as HTMLElement | null);
      lastOpened.current = id;
    }
    setOpenIdState(id);
  };
  // Another screen asked for a project (a won lead's): open it here.
  const openRequest = useApp((s) => s.openRequest);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a request arrives.
  useEffect(() => {
    const id = takeOpenRequest('projects');
    if (id !== null) openProject(id, null);
  }, [openRequest]);
  /** Where focus goes when the sheet closes: what opened it, or else the project's card (it may have moved). */
  const returnFocus = () =>
    opener.current?.isConnected
      ? opener.current
      : document.querySelector<HTMLElement>(`[data-card-id="${lastOpened.current}"]`);

  const cards = useMemo(() => board.data?.columns.flatMap((c) => c.cards) ?? [], [board.data]);
  const openWork = cards.filter((c) => isWorkStage(c.stage));
  const overdue = openWork.filter((c) => c.risk === 'overdue').length;
  const dueSoon = openWork.filter((c) => c.risk === 'due_soon').length;
  const today = board.data?.asOf ?? new Date().toISOString().slice(0, 10);

  /**
   * A change of stage shown at once: the board moves the card, the core records the change (or refuses it, and the
   * card goes back). True once recorded.
   */
  const recordMove = async (
    card: BoardCard,
    to: WorkStage,
    call: () => Promise<Result<ProjectDetail>>,
  ): Promise<boolean> => {
    const before = latest.current.data;
    board.setData((b) => withCardMoved(b, card.id, to));
    const result = await call();
    if (!result.ok) {
      if (before) board.setData(() => before);
      refused(card, result.error);
      return false;
    }
    board.reload();
    if (latest.current.openId === card.id) setDetailVersion((v) => v + 1);
    return true;
  };

  /** A move by hand; its toast's Undo takes it back (the core leaves the history as if it had not happened). */
  const move = async (card: BoardCard, to: WorkStage): Promise<void> => {
    const from = card.stage;
    if (from === to) return;
    if (!(await recordMove(card, to, () => api.call('projects/move', { id: card.id, stage: to })))) return;
    const names = { name: card.name, from: t(`stageInSentence.${from}`), to: t(`stageInSentence.${to}`) };
    // Only a production stage moves on to another, so a move that was recorded always has its way back.
    const undo = isWorkStage(from)
      ? async () => {
          const moved = { ...card, stage: to };
          if (!(await recordMove(moved, from, () => api.call('projects/undoMove', { id: card.id, from, to })))) return;
          toast(t('move.undone', { name: card.name, to: names.from }));
          focusProject(card.id);
        }
      : null;
    toast.success(t('move.done', names), {
      action: undo ? { label: t('move.undo'), onClick: () => void undo() } : undefined,
    });
  };

  /** The keyboard back on a project after its toast's Undo (the toast closes, taking focus with it), unless its sheet is open. */
  const focusProject = (id: number) => {
    if (latest.current.openId !== null) return;
    document.querySelector<HTMLElement>(`[data-card-id="${id}"], tr[data-row-id="${id}"]`)?.focus();
  };

  const refused = (card: BoardCard, error: AppError) => {
    toast.error(t('move.failed', { name: card.name }), { description: errorText(error) });
  };

  /** A delivery or a change in a project's detail (gates, satisfaction) can move the period's figures too. */
  const changed = () => {
    board.reload();
    kpis.reload();
  };

  const onDelivered = async (project: ProjectDetail) => {
    setDelivering(null);
    changed();
    setDetailVersion((v) => v + 1);
    const invoiceId = project.invoiceIds.at(-1);
    const invoice = invoiceId ? await api.call('invoices/get', { id: invoiceId }) : null;
    const number = invoice?.ok ? (invoice.value.number ?? '') : '';
    toast.success(t('deliver.done', { name: project.name }), {
      description: number ? t('deliver.invoiceIssued', { number }) : undefined,
      duration: 10_000,
      action: {
        label: t('deliver.openFinance'),
        onClick: () => {
          setFinanceTab('invoices');
          navigate('finance');
        },
      },
    });
  };

  const actions = {
    onOpen: (card: BoardCard, from: HTMLElement | null) => openProject(card.id, from),
    onMove: (card: BoardCard, to: WorkStage) => void move(card, to),
    onRefused: (card: BoardCard, to: BoardStage) =>
      toast.error(t('move.failed', { name: card.name }), {
        description:
          to === 'invoiced' || to === 'paid'
            ? t('move.afterDelivery')
            : card.stage === 'discovery'
              ? t('move.afterProduction')
              : to === 'revision'
                ? t('move.afterPreview')
                : t('move.notAllowed'),
      }),
    onDeliver: (card: BoardCard) => setDelivering(card),
  };

  const empty = board.data?.columns.every((c) => c.count === 0) ?? false;

  return (
    <div data-testid="section-projects">
      <PageHeader
        title={tc('sections.projects.title')}
        description={tc('sections.projects.question')}
        actions={
          <SegmentedControl
            value={view}
            onChange={setProjectsView}
            label={t('view.label')}
            segments={[
              { value: 'board', label: t('view.board'), icon: Columns3 },
              { value: 'table', label: t('view.table'), icon: Table2 },
            ]}
          />
        }
      />

      {board.data && board.data.missingRates.length > 0 ? (
        <Banner
          tone="warning"
          className="mb-4"
          title={t('missingTitle', { currency: board.data.reportingCurrency })}
          actions={
            <Button
              size="sm"
              onClick={() => {
                const rate = board.data?.missingRates[0];
                if (rate) jumpToRate(rate.currency, rate.date);
                navigate('finance');
              }}
            >
              {t('addRate')}
            </Button>
          }
        >
          {missingNote}
        </Banner>
      ) : null}

      {!board.data ? (
        board.status === 'error' ? (
          <ErrorState error={board.error} onRetry={board.reload} />
        ) : view === 'board' ? (
          <BoardSkeleton />
        ) : (
          <Card data-testid="table-skeleton">
            <SkeletonBlock lines={8} className="p-5" />
          </Card>
        )
      ) : empty && hub ? (
        <Card>
          <EmptyState
            icon={FolderKanban}
            title={t('empty.hubTitle', { hub: hub.name })}
            description={t('empty.hubDescription')}
          >
            <Button onClick={() => void setPrefs({ hubFilter: 'all' })}>{t('empty.allHubs')}</Button>
          </EmptyState>
        </Card>
      ) : empty ? (
        <Card>
          <EmptyState icon={FolderKanban} title={t('empty.title')} description={t('empty.description')}>
            <Button variant="primary" onClick={() => navigate('pipeline')}>
              {t('empty.action')}
            </Button>
          </EmptyState>
        </Card>
      ) : (
        <>
          <ProductionKpis kpis={kpis} />
          <div className="mb-3 flex items-center justify-between gap-4 text-[12.5px] text-muted">
            <p data-testid="board-summary">
              {t('summary.open', { count: openWork.length })}
              {overdue > 0 ? (
                <span className="text-danger-text"> · {t('summary.overdue', { count: overdue })}</span>
              ) : null}
              {dueSoon > 0 ? (
                <span className="text-warning-text"> · {t('summary.dueSoon', { count: dueSoon })}</span>
              ) : null}
            </p>
            {view === 'board' ? (
              <div className="flex items-center gap-4">
                <p className="hidden items-center gap-1.5 lg:flex">
                  <Kbd>M</Kbd>
                  <span>{t('hint.move')}</span>
                  <Kbd className="ml-2">↵</Kbd>
                  <span>{t('hint.open')}</span>
                </p>
                <div ref={setScrollSlot} className="contents" />
              </div>
            ) : (
              <p>{t('table.recentNote', { n: BOARD_DELIVERED_CARDS })}</p>
            )}
          </div>
          {view === 'board' ? (
            <ProductionBoard
              board={board.data}
              hubs={hubs}
              showHub={hubId === null}
              missingNote={missingNote}
              actions={actions}
              scrollControls={scrollSlot}
            />
          ) : (
            <Card className="max-h-[calc(100vh-322px)] min-h-[300px] overflow-auto">
              <ProjectsTable
                cards={cards}
                hubs={hubs}
                showHub={hubId === null}
                asOf={today}
                sorting={sorting}
                onSortingChange={setProjectsSorting}
                onOpen={(card) => openProject(card.id)}
                empty={
                  <EmptyState
                    icon={FolderKanban}
                    titleLevel={3}
                    title={t('table.emptyTitle')}
                    description={t('table.emptyDescription', {
                      invoiced: t('stage.invoiced'),
                      paid: t('stage.paid'),
                    })}
                  >
                    <Button onClick={() => setProjectsView('board')}>{t('table.showBoard')}</Button>
                  </EmptyState>
                }
              />
            </Card>
          )}
        </>
      )}

      <ProjectDetailSheet
        projectId={openId}
        version={detailVersion}
        hubs={hubs}
        timeZone={timeZone}
        today={today}
        onClose={() => openProject(null)}
        returnFocus={returnFocus}
        onMove={(card, to) => void move(card, to)}
        onDeliver={(card) => setDelivering(card)}
        onChanged={changed}
      />
      <DeliverDialog
        card={delivering}
        today={today}
        onClose={() => setDelivering(null)}
        onDelivered={(p) => void onDelivered(p)}
        onReviewGates={(card) => {
          setDelivering(null);
          openProject(card.id);
        }}
      />
    </div>
  );
}
