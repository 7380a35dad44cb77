/**
 * The Board tab: the window (weeks or days, previous / today / next), the
 * heatmap, and what changes it — moves by drag or by the Move dialog, skills,
 * time off and "Balance the week" — each followed by a fresh matrix, and an
 * Undo (the toast's button, or Ctrl/⌘+Z while it shows) for moves.
 */
import { CalendarDays, CalendarRange, ChevronLeft, ChevronRight, Scale, UserRoundPlus, Users } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type { Assignment, AssignmentRevert, CapacityPerson } from '../../../../shared/capacity';
import type { AppError } from '../../../../shared/contract';
import { laterDate, startOfIsoWeek } from '../../../../shared/dates';
import { dataChanged, refreshSummary, setPrefs, useCreateRequest } from '../../app/actions';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { formatSignedNumber } from '../../app/format';
import { useApp } from '../../app/store';
import { useApiQuery } from '../../app/useApi';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { cn } from '../../components/cn';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Kbd, modKey } from '../../components/Kbd';
import { SegmentedControl } from '../../components/SegmentedControl';
import { Skeleton } from '../../components/Skeleton';
import { AddPersonDialog } from './AddPersonDialog';
import { BalanceDialog } from './BalanceDialog';
import { CapacityBoard } from './Board';
import { CapacityAlerts } from './CapacityAlerts';
import { MoveDialog } from './MoveDialog';
import { boardWindow, capacityAlertsFor, periodName, STEP, todayIn } from './model';
import { BandLegend } from './parts';
import { SkillsDialog } from './SkillsDialog';
import { setScale, shiftWindow, toggleExpanded, useCapacity } from './store';
import { TimeOffDialog } from './TimeOffDialog';

function BoardSkeleton() {
  const { t } = useTranslation();
  return (
    <div
      role="status"
      aria-label={t('common.loading')}
      className="flex flex-col gap-1.5 rounded-[var(--radius-card)] border border-line bg-surface p-3"
    >
      <Skeleton className="h-8" />
      {Array.from({ length: 9 }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders.
        <div key={i} className="flex gap-1.5">
          <Skeleton className="h-9 w-[200px] shrink-0" />
          <Skeleton className={cn('h-9 flex-1', i % 4 === 0 && 'opacity-60')} />
        </div>
      ))}
    </div>
  );
}

export function BoardTab() {
  const { t, i18n } = useTranslation('capacity');
  const lang = i18n.language;
  const hubs = useApp((s) => s.hubs);
  const hubFilter = useApp((s) => s.prefs.hubFilter);
  const timeZone = useApp((s) => s.settings?.timeZone);
  const hub = hubFilter === 'all' ? undefined : hubs.find((h) => h.id === hubFilter);
  const scale = useCapacity((s) => s.scale);
  const offset = useCapacity((s) => s.offset);
  const today = useMemo(() => todayIn(timeZone), [timeZone]);
  const win = boardWindow(scale, today, offset);
  const matrix = useApiQuery('capacity/matrix', {
    from: win.from,
    granularity: scale,
    count: win.count,
    hubId: hub?.id ?? null,
  });
  const data = matrix.data;
  // The capacity alerts are brought up to date as they are listed: asked again whenever the board is.
  const personAlerts = useApiQuery('alerts/list', { entity: 'person' });
  const teamAlerts = useApiQuery('alerts/list', { entity: 'team' });
  const reloadAlerts = useRef(() => {});
  reloadAlerts.current = () => {
    personAlerts.reload();
    teamAlerts.reload();
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new matrix (a move, time off, skills) is the trigger.
  useEffect(() => reloadAlerts.current(), [data]);
  const alerts = useMemo(
    () =>
      capacityAlertsFor(
        personAlerts.data ?? [],
        teamAlerts.data ?? [],
        new Set((data?.people ?? []).map((p) => p.id)),
        hub === undefined,
      ),
    [personAlerts.data, teamAlerts.data, data, hub],
  );

  const [moving, setMoving] = useState<{ assignment: Assignment; opener: HTMLElement | null } | null>(null);
  const [skillsFor, setSkillsFor] = useState<CapacityPerson | null>(null);
  const [timeOffFor, setTimeOffFor] = useState<CapacityPerson | null>(null);
  const [balancing, setBalancing] = useState(false);
  /** The Add person dialog, with what had focus when it opened (focus goes back there, or to the toolbar's button). */
  const [adding, setAdding] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const addOpener = useRef<HTMLElement | null>(null);
  const openAdd = () => {
    const active = document.activeElement;
    addOpener.current = active instanceof HTMLElement && active !== document.body ? active : null;
    setAdding(true);
  };
  // The command palette's Add person: the dialog the toolbar's button opens.
  useCreateRequest('person', openAdd);

  // The move that Undo (the toast's button or Ctrl/⌘+Z) would take back.
  const undoable = useRef<{ toastId: string | number; revert: AssignmentRevert } | null>(null);
  const reload = useRef(matrix.reload);
  reload.current = matrix.reload;

  const undo = async (revert: AssignmentRevert) => {
    const pending = undoable.current;
    if (pending) toast.dismiss(pending.toastId);
    undoable.current = null;
    const result = await api.call('assignments/revert', revert);
    reload.current();
    if (!result.ok) {
      toast.error(t('undo.failed'), { description: errorText(result.error) });
      return;
    }
    toast(t('undo.done'));
  };
  const undoRef = useRef(undo);
  undoRef.current = undo;

  const offerUndo = (message: string, revert: AssignmentRevert) => {
    if (revert.restore.length === 0 && revert.remove.length === 0) {
      toast.success(message);
      return;
    }
    const clear = () => {
      if (undoable.current?.toastId === toastId) undoable.current = null;
    };
    const toastId = toast.success(message, {
      description: t('undo.hint', { key: `${modKey}+Z` }),
      duration: 10_000,
      action: { label: t('undo.action'), onClick: () => void undoRef.current(revert) },
      onDismiss: clear,
      onAutoClose: clear,
    });
    undoable.current = { toastId, revert };
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== 'z') return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      // Not from inside a dialog (Skills, Time off, Balance…): the move it would take back is behind it.
      if (target?.closest('[role="dialog"], [role="alertdialog"]')) return;
      const pending = undoable.current;
      if (!pending) return;
      e.preventDefault();
      void undoRef.current(pending.revert);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const personName = (id: number) => data?.people.find((p) => p.id === id)?.name ?? '';
  const unitDays = scale === 'week' ? 7 : 1;

  /** Moves an assignment; returns the core's refusal for a dialog to show (a drag shows it as a toast). */
  const move = async (a: Assignment, personId: number, shift: number, fromDialog = false): Promise<AppError | null> => {
    const result = await api.call('assignments/move', { id: a.id, personId, shiftDays: shift * unitDays });
    if (!result.ok) {
      if (!fromDialog)
        toast.error(t('move.failed', { project: a.projectName }), { description: errorText(result.error) });
      return result.error;
    }
    matrix.reload();
    // The moved bar shows where it landed.
    toggleExpanded(personId, true);
    const shiftText =
      shift === 0
        ? ''
        : t(scale === 'week' ? 'move.shiftWeeks' : 'move.shiftDays', {
            count: shift,
            signed: formatSignedNumber(shift, lang, 0),
          });
    const to = personName(personId) || result.value.assignment.personName;
    const message =
      personId === a.personId
        ? t('move.shifted', { project: a.projectName, shift: shiftText })
        : shift === 0
          ? t('move.done', { project: a.projectName, person: to })
          : t('move.doneShifted', { project: a.projectName, person: to, shift: shiftText });
    offerUndo(message, result.value.revert);
    return null;
  };

  const thisWeek = startOfIsoWeek(data?.today ?? today);
  // "Balance the week" opens on the board's first week when the board has moved on to later weeks.
  const windowWeek = startOfIsoWeek(data?.from ?? win.from);
  const balanceWeek = laterDate(windowWeek, thisWeek);
  const range = data ? periodName(data.from, data.to, lang) : '';
  const empty = data ? data.people.length === 0 : false;

  return (
    <div className="flex flex-col gap-3 @container" data-testid="capacity-board-tab">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <SegmentedControl
            value={scale}
            onChange={setScale}
            label={t('toolbar.scale')}
            segments={[
              { value: 'week', label: t('toolbar.week'), icon: CalendarRange },
              { value: 'day', label: t('toolbar.day'), icon: CalendarDays },
            ]}
          />
          <div className="flex items-center gap-1">
            <Button
              size="icon"
              variant="secondary"
              aria-label={t('toolbar.previousWeeks', { count: scale === 'week' ? STEP.week : STEP.day / 7 })}
              onClick={() => shiftWindow(-STEP[scale])}
            >
              <ChevronLeft />
            </Button>
            <Button onClick={() => shiftWindow(null)} disabled={offset === 0}>
              {t('toolbar.today')}
            </Button>
            <Button
              size="icon"
              variant="secondary"
              aria-label={t('toolbar.nextWeeks', { count: scale === 'week' ? STEP.week : STEP.day / 7 })}
              onClick={() => shiftWindow(STEP[scale])}
            >
              <ChevronRight />
            </Button>
          </div>
          <p className="text-[13px] font-medium text-fg tabular-nums" data-testid="capacity-range" aria-live="polite">
            {range}
          </p>
        </div>
        <div className="flex items-center gap-2">
          {/* The M hint where the toolbar has room for it beside the buttons (in either language), and people to move. */}
          {empty ? null : (
            <p className="mr-1 hidden items-center gap-1.5 text-[12px] text-muted @min-[1080px]:flex">
              <Kbd>M</Kbd>
              {t('toolbar.moveHint')}
            </p>
          )}
          {/* Where the toolbar is narrow (1024 px with the sidebar open), the icon alone, named and with a tooltip. */}
          <Button
            ref={addButton}
            icon={<UserRoundPlus />}
            onClick={openAdd}
            title={t('addPerson.open')}
            data-testid="add-person-button"
          >
            <span className="sr-only @min-[840px]:not-sr-only">{t('addPerson.open')}</span>
          </Button>
          <Button
            variant="primary"
            icon={<Scale />}
            onClick={() => setBalancing(true)}
            disabled={!data || empty}
            data-testid="balance-button"
          >
            {t('balance.open')}
          </Button>
        </div>
      </div>

      <CapacityAlerts people={alerts.people} team={alerts.team} onDismissed={() => reloadAlerts.current()} />
      {!data ? (
        matrix.status === 'error' ? (
          <Card>
            <ErrorState error={matrix.error} onRetry={matrix.reload} />
          </Card>
        ) : (
          <BoardSkeleton />
        )
      ) : empty && hub ? (
        <Card data-empty-board="">
          <EmptyState
            icon={Users}
            title={t('empty.hubTitle', { hub: hub.name })}
            description={t('empty.hubDescription')}
          >
            <div className="flex flex-wrap justify-center gap-2">
              <Button onClick={() => void setPrefs({ hubFilter: 'all' })}>{t('empty.allHubs')}</Button>
              <Button icon={<UserRoundPlus />} onClick={openAdd}>
                {t('empty.addPersonTo', { hub: hub.name })}
              </Button>
            </div>
          </EmptyState>
        </Card>
      ) : empty ? (
        <Card data-empty-board="">
          <EmptyState icon={Users} title={t('empty.title')} description={t('empty.description')}>
            <Button variant="primary" icon={<UserRoundPlus />} onClick={openAdd} data-testid="empty-add-person">
              {t('empty.addPerson')}
            </Button>
          </EmptyState>
        </Card>
      ) : (
        <>
          <div className={cn('transition-opacity duration-150', matrix.status === 'loading' && 'opacity-70')}>
            <CapacityBoard
              matrix={data}
              hubs={hubs}
              actions={{
                onMove: (a, personId, shift) => void move(a, personId, shift),
                onOpenMove: (assignment, opener) => setMoving({ assignment, opener }),
                onSkills: setSkillsFor,
                onTimeOff: setTimeOffFor,
              }}
            />
          </div>
          <BandLegend />
        </>
      )}

      {moving && data ? (
        <MoveDialog
          assignment={moving.assignment}
          people={data.people}
          scale={scale}
          today={data.today}
          onClose={() => setMoving(null)}
          onMove={async (personId, shift) => {
            const error = await move(moving.assignment, personId, shift, true);
            if (!error) setMoving(null);
            return error;
          }}
        />
      ) : null}
      {skillsFor ? (
        <SkillsDialog
          person={skillsFor}
          onClose={() => setSkillsFor(null)}
          onSaved={() => {
            setSkillsFor(null);
            matrix.reload();
          }}
        />
      ) : null}
      {timeOffFor ? (
        <TimeOffDialog
          person={timeOffFor}
          today={data?.today ?? today}
          onClose={() => setTimeOffFor(null)}
          onChanged={matrix.reload}
        />
      ) : null}
      {adding ? (
        <AddPersonDialog
          hubs={hubs}
          defaultHubId={hub?.id ?? null}
          workspaceTimeZone={timeZone ?? 'UTC'}
          returnFocus={() => (addOpener.current?.isConnected ? addOpener.current : addButton.current)}
          onClose={() => setAdding(false)}
          onAdded={(person) => {
            // The empty board's button goes with the empty board once the board shows the person.
            if (addOpener.current?.closest('[data-empty-board]')) addOpener.current = addButton.current;
            setAdding(false);
            // Added to another hub than the one the top bar's filter shows: the board would not show them.
            const elsewhere = hub !== undefined && person.hubId !== hub.id;
            toast.success(
              t('addPerson.added', { name: person.name }),
              elsewhere ? { description: t('addPerson.addedElsewhere', { hub: hub.name }) } : undefined,
            );
            // Every screen that lists people (the board, coverage, pickers) reads them again.
            dataChanged();
            void refreshSummary();
          }}
        />
      ) : null}
      {balancing ? (
        <BalanceDialog
          initialWeek={balanceWeek}
          thisWeek={thisWeek}
          hub={hub ?? null}
          onClose={() => setBalancing(false)}
          onApplied={(revert, count) => {
            setBalancing(false);
            matrix.reload();
            offerUndo(t('balance.applied', { count }), revert);
          }}
        />
      ) : null}
    </div>
  );
}
