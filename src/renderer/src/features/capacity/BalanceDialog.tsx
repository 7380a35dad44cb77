/**
 * "Balance the week": the core proposes reassignments that take overload and
 * due-date risk off people (nothing is saved); each move can be left out; the
 * before/after per person and the total overload follow the chosen moves.
 * Applying saves them in one transaction and offers an Undo.
 */
import { ArrowRight, ChevronLeft, ChevronRight, CircleCheck, Clock, Scale, TriangleAlert } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentRevert, BalanceProposal, CapacityMatrix } from '../../../../shared/capacity';
import type { AppError } from '../../../../shared/contract';
import { addDays } from '../../../../shared/dates';
import { api } from '../../app/api';
import { Button } from '../../components/Button';
import { cn } from '../../components/cn';
import { ErrorBanner, Modal } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { SkeletonBlock } from '../../components/Skeleton';
import { Badge } from '../../components/StatusBadge';
import { periodName } from './model';
import { percent, UtilBar, useHours } from './parts';

type Loaded = { proposal: BalanceProposal; week: CapacityMatrix };

export function BalanceDialog({
  initialWeek,
  thisWeek,
  hub,
  onClose,
  onApplied,
}: {
  initialWeek: string;
  thisWeek: string;
  /** The hub the board is filtered to: the moves stay among its people. */
  hub: { id: number; name: string } | null;
  onClose: () => void;
  onApplied: (revert: AssignmentRevert, count: number) => void;
}) {
  const { t, i18n } = useTranslation('capacity');
  const lang = i18n.language;
  const hours = useHours();
  const [weekStart, setWeekStart] = useState(initialWeek);
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'error'; error: AppError } | { status: 'ready'; data: Loaded }
  >({ status: 'loading' });
  const [tick, setTick] = useState(0);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const hubId = hub?.id ?? null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick is the retry trigger.
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    setError(null);
    Promise.all([
      api.call('capacity/balance', { weekStart, hubId }),
      api.call('capacity/matrix', { from: weekStart, granularity: 'week', count: 1, hubId }),
    ]).then(([proposal, week]) => {
      if (!live) return;
      if (!proposal.ok) setState({ status: 'error', error: proposal.error });
      else if (!week.ok) setState({ status: 'error', error: week.error });
      else {
        setState({ status: 'ready', data: { proposal: proposal.value, week: week.value } });
        setChosen(new Set(proposal.value.moves.map((m) => m.assignmentId)));
      }
    });
    return () => {
      live = false;
    };
  }, [weekStart, hubId, tick]);

  const data = state.status === 'ready' ? state.data : null;
  const moves = data?.proposal.moves ?? [];
  const picked = moves.filter((m) => chosen.has(m.assignmentId));

  /** Each listed person's utilization before and with the chosen moves, and the team's overload hours. */
  const outcome = useMemo(() => {
    if (!data) return null;
    const figures = new Map(data.week.people.map((p) => [p.id, p.cells[0]!]));
    const delta = new Map<number, number>();
    for (const m of picked) {
      delta.set(m.fromPersonId, (delta.get(m.fromPersonId) ?? 0) - m.hours);
      delta.set(m.toPersonId, (delta.get(m.toPersonId) ?? 0) + m.hours);
    }
    const core = data.week.people.filter((p) => p.employmentType === 'core');
    const over = (committed: number, available: number) => Math.max(0, committed - available);
    let overloadAfter = 0;
    for (const p of core) {
      const f = p.cells[0]!;
      overloadAfter += over(f.committed + (delta.get(p.id) ?? 0), f.available);
    }
    const all = picked.length === moves.length;
    const people = data.proposal.before.map((b) => {
      const f = figures.get(b.personId);
      const afterExact = data.proposal.after.find((a) => a.personId === b.personId)?.utilization ?? null;
      const after =
        all || !f || f.available <= 0 ? afterExact : (f.committed + (delta.get(b.personId) ?? 0)) / f.available;
      return { id: b.personId, name: b.name, before: b.utilization, after };
    });
    return {
      people,
      overloadBefore: data.proposal.overloadBefore,
      overloadAfter: all ? data.proposal.overloadAfter : Math.round(overloadAfter * 100) / 100,
    };
  }, [data, picked, moves.length]);

  const apply = async () => {
    if (!data || picked.length === 0) return;
    setBusy(true);
    setError(null);
    const result = await api.call('capacity/applyBalance', {
      weekStart: data.proposal.weekStart,
      hubId,
      moves: picked.map((m) => ({ assignmentId: m.assignmentId, toPersonId: m.toPersonId })),
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onApplied(result.value, picked.length);
  };

  const toggle = (id: number, on: boolean) =>
    setChosen((c) => {
      const next = new Set(c);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const weekLabel = periodName(weekStart, addDays(weekStart, 6), lang);
  const nothing = data !== null && moves.length === 0;

  return (
    <Modal
      open
      onOpenChange={(o) => (o || busy ? undefined : onClose())}
      title={t('balance.title')}
      description={hub ? t('balance.descriptionHub', { hub: hub.name }) : t('balance.description')}
      width="max-w-2xl"
      testId="balance-dialog"
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            {nothing ? t('balance.close') : t('balance.cancel')}
          </Button>
          {nothing ? null : (
            <Button
              variant="primary"
              busy={busy}
              disabled={!data || picked.length === 0}
              onClick={() => void apply()}
              data-testid="balance-apply"
            >
              {t('balance.apply', { count: picked.length })}
            </Button>
          )}
        </>
      }
    >
      <div className="flex flex-col gap-4">
        <div className="flex items-center justify-between gap-3">
          <div className="flex items-center gap-1">
            <Button
              size="icon-sm"
              variant="ghost"
              aria-label={t('balance.previousWeek')}
              onClick={() => setWeekStart((w) => addDays(w, -7))}
              disabled={busy}
            >
              <ChevronLeft />
            </Button>
            <p className="min-w-40 text-center text-[13px] font-medium text-fg tabular-nums" aria-live="polite">
              {weekLabel}
            </p>
            <Button
              size="icon-sm"
              variant="ghost"
              aria-label={t('balance.nextWeek')}
              onClick={() => setWeekStart((w) => addDays(w, 7))}
              disabled={busy}
            >
              <ChevronRight />
            </Button>
          </div>
          {weekStart === thisWeek ? (
            <Badge tone="accent">{t('balance.thisWeek')}</Badge>
          ) : (
            <Button size="sm" variant="ghost" onClick={() => setWeekStart(thisWeek)}>
              {t('balance.backToThisWeek')}
            </Button>
          )}
        </div>

        <ErrorBanner error={error} />

        {state.status === 'error' ? (
          <ErrorState error={state.error} onRetry={() => setTick((n) => n + 1)} className="py-6" />
        ) : !data || !outcome ? (
          <SkeletonBlock lines={4} />
        ) : nothing ? (
          <EmptyState
            icon={data.proposal.overloadBefore > 0 ? Scale : CircleCheck}
            titleLevel={3}
            title={data.proposal.overloadBefore > 0 ? t('balance.stuckTitle') : t('balance.emptyTitle')}
            description={
              data.proposal.overloadBefore > 0
                ? t('balance.stuckDescription', { hours: hours(data.proposal.overloadBefore) })
                : t('balance.emptyDescription')
            }
            className="py-8"
          />
        ) : (
          <>
            <div className="grid grid-cols-2 gap-3" data-testid="balance-overload">
              <OverloadTile label={t('balance.overloadBefore')} value={hours(outcome.overloadBefore)} danger />
              <OverloadTile
                label={t('balance.overloadAfter')}
                value={hours(outcome.overloadAfter)}
                danger={outcome.overloadAfter > 0}
                good={outcome.overloadAfter < outcome.overloadBefore}
              />
            </div>

            <fieldset>
              <legend className="mb-2 text-[13px] font-semibold text-fg">
                {t('balance.moves', { count: moves.length })}
              </legend>
              <ul className="flex flex-col divide-y divide-line rounded-[10px] border border-line">
                {moves.map((m) => {
                  const id = `balance-move-${m.assignmentId}`;
                  return (
                    <li key={m.assignmentId} className="flex items-center gap-3 px-3 py-2" data-testid="balance-move">
                      <input
                        id={id}
                        type="checkbox"
                        className="size-4 shrink-0 accent-[var(--accent)]"
                        checked={chosen.has(m.assignmentId)}
                        onChange={(e) => toggle(m.assignmentId, e.target.checked)}
                        disabled={busy}
                      />
                      <label htmlFor={id} className="min-w-0 flex-1 cursor-pointer text-[13px]">
                        <span className="block truncate font-medium text-fg">{m.projectName}</span>
                        <span className="flex items-center gap-1.5 text-[12px] text-muted">
                          <span className="truncate">{m.fromName}</span>
                          <ArrowRight className="size-3 shrink-0" aria-hidden="true" />
                          <span className="sr-only">{t('balance.to')}</span>
                          <span className="truncate">{m.toName}</span>
                        </span>
                      </label>
                      <span className="shrink-0 text-[12.5px] font-medium text-fg tabular-nums">{hours(m.hours)}</span>
                      <Badge
                        tone={m.reason === 'due_risk' ? 'warning' : 'danger'}
                        icon={
                          m.reason === 'due_risk' ? <Clock aria-hidden="true" /> : <TriangleAlert aria-hidden="true" />
                        }
                      >
                        {t(`balance.reason.${m.reason}`)}
                      </Badge>
                    </li>
                  );
                })}
              </ul>
            </fieldset>

            <section aria-labelledby="balance-people-title">
              <h3 id="balance-people-title" className="mb-2 text-[13px] font-semibold text-fg">
                {t('balance.people')}
              </h3>
              <table className="w-full text-[12.5px]" data-testid="balance-people">
                <thead>
                  <tr className="text-left text-[12px] text-muted">
                    <th scope="col" className="pb-1 font-medium">
                      {t('balance.person')}
                    </th>
                    <th scope="col" className="w-[34%] pb-1 font-medium">
                      {t('balance.before')}
                    </th>
                    <th scope="col" className="w-[34%] pb-1 font-medium">
                      {t('balance.after')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {outcome.people.map((p) => (
                    <tr key={p.id} className="border-t border-line">
                      <th scope="row" className="py-1.5 pr-3 text-left font-medium text-fg">
                        {p.name}
                      </th>
                      <td className="py-1.5 pr-4">
                        <UtilFigure value={p.before} lang={lang} />
                      </td>
                      <td className="py-1.5">
                        <UtilFigure value={p.after} lang={lang} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </>
        )}
      </div>
    </Modal>
  );
}

function UtilFigure({ value, lang }: { value: number | null; lang: string }) {
  return (
    <span className="flex items-center gap-2">
      <UtilBar utilization={value} className="flex-1" />
      <span className="w-11 shrink-0 text-right tabular-nums">{percent(value, lang)}</span>
    </span>
  );
}

function OverloadTile({
  label,
  value,
  danger,
  good,
}: {
  label: string;
  value: string;
  danger?: boolean;
  good?: boolean;
}) {
  return (
    <div className="rounded-[10px] border border-line px-3 py-2">
      <p className="text-[12px] text-muted">{label}</p>
      <p
        className={cn(
          'flex items-center gap-1.5 text-lg font-semibold tabular-nums',
          good ? 'text-success-text' : danger ? 'text-danger-text' : 'text-fg',
        )}
      >
        {good ? (
          <CircleCheck className="size-4" aria-hidden="true" />
        ) : danger ? (
          <TriangleAlert className="size-4" aria-hidden="true" />
        ) : null}
        {value}
      </p>
    </div>
  );
}
