/**
 * "Find who": the core's routing report for a project as a dialog. The
 * request (hours, skill, window, the client's time zone), the ranked
 * candidates with one small bar per factor and the numbers behind it in
 * words, one-click Assign, the people left out and why, and — when nobody
 * internal fits — the overflow ladder in its order (PRODUCT.md §3.2).
 */
import { CalendarClock, ChevronRight, Handshake, Shuffle, UserPlus, UserX } from 'lucide-react';
import { Collapsible } from 'radix-ui';
import { type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type {
  AssignmentRevert,
  CapacityMatrix,
  OverflowOption,
  RoutingCandidate,
  RoutingReason,
  RoutingReport,
} from '../../../../shared/capacity';
import type { AppError } from '../../../../shared/contract';
import { daysBetween } from '../../../../shared/dates';
import type { Currency } from '../../../../shared/domain';
import { api } from '../../app/api';
import { formatDate, formatMoney, formatPercent } from '../../app/format';
import { useApp } from '../../app/store';
import { useApiQuery } from '../../app/useApi';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { cn } from '../../components/cn';
import { ErrorBanner, Modal } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { HubDot } from '../../components/HubDot';
import { SkeletonBlock } from '../../components/Skeleton';
import { Badge } from '../../components/StatusBadge';
import { arrowRange, clockIn, hoursNumber, laterDate } from './util';

type Assign = (personId: number, name: string, cost?: { minor: number; currency: Currency }) => Promise<void>;

export function RoutingPanel({
  projectId,
  onClose,
  onAssigned,
  onChanged,
}: {
  projectId: number;
  onClose: () => void;
  /** An assignment was created for this project. */
  onAssigned: () => void;
  /** Something else changed (a redistribution moved another project's assignment). */
  onChanged?: () => void;
}) {
  const { t } = useTranslation('time');
  const report = useApiQuery('routing/candidates', { projectId });
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [moving, setMoving] = useState<number | null>(null);
  const [moved, setMoved] = useState<{ text: string; revert: AssignmentRevert } | null>(null);
  const [undoing, setUndoing] = useState(false);
  const r = report.data;

  const changed = () => {
    report.reload();
    onChanged?.();
  };

  /** (1) of the ladder: hand the assignment over; the panel offers the undo (toasts sit under a dialog). */
  const apply = async (o: OverflowOption) => {
    if (!o.moveAssignmentId || !o.moveToPersonId) return;
    setMoving(o.moveAssignmentId);
    setError(null);
    const result = await api.call('assignments/move', {
      id: o.moveAssignmentId,
      personId: o.moveToPersonId,
      shiftDays: 0,
    });
    setMoving(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setMoved({
      text: t('routing.moved', { project: result.value.assignment.projectName, name: o.moveToName ?? '' }),
      revert: result.value.revert,
    });
    changed();
  };

  const undo = async () => {
    if (!moved) return;
    setUndoing(true);
    const result = await api.call('assignments/revert', moved.revert);
    setUndoing(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setMoved(null);
    changed();
  };

  const assign: Assign = async (personId, name, cost) => {
    if (!r) return;
    setBusy(personId);
    setError(null);
    const result = await api.call('assignments/create', {
      projectId,
      personId,
      plannedHours: r.neededHours,
      startDate: r.startDate,
      // A past due date cannot end an assignment that starts today: it ends the day it starts.
      endDate: laterDate(r.dueDate, r.startDate),
      costMinor: cost?.minor ?? null,
      costCurrency: cost?.currency ?? null,
    });
    setBusy(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    toast.success(t('routing.assigned', { name, project: r.projectName }));
    onAssigned();
  };

  let body: ReactNode;
  if (report.status === 'error' && !r) body = <ErrorState error={report.error} onRetry={report.reload} />;
  else if (!r) body = <SkeletonBlock lines={6} />;
  else
    body = (
      <>
        {moved ? (
          <Banner
            tone="success"
            role="status"
            title={moved.text}
            className="mb-4"
            actions={
              <Button size="sm" busy={undoing} onClick={() => void undo()}>
                {t('routing.undo')}
              </Button>
            }
          >
            {t('routing.movedHint')}
          </Banner>
        ) : null}
        <RoutingBody report={r} busy={busy} error={error} assign={assign} moving={moving} apply={apply} />
      </>
    );

  return (
    <Modal
      open
      onOpenChange={(o) => (o ? undefined : onClose())}
      title={t('routing.title')}
      description={r ? r.projectName : t('routing.loading')}
      width="max-w-[840px]"
      testId="routing-panel"
    >
      {body}
    </Modal>
  );
}

function RoutingBody({
  report,
  busy,
  error,
  assign,
  moving,
  apply,
}: {
  report: RoutingReport;
  busy: number | null;
  error: AppError | null;
  assign: Assign;
  moving: number | null;
  apply: (o: OverflowOption) => Promise<void>;
}) {
  const { t, i18n } = useTranslation('time');
  const lang = i18n.language;
  const skill = t(`skills.${report.skill}`);
  const pastDue = report.dueDate < report.startDate;
  const candidatesId = useId();
  const nobodyAtAll = report.candidates.length === 0 && report.excluded.length === 0 && report.overflow.length === 0;

  return (
    <div className="flex flex-col gap-5">
      <RequestFacts report={report} />
      {pastDue ? (
        <Banner tone="warning" title={t('routing.pastDueTitle', { date: formatDate(report.dueDate, lang) })}>
          {t('routing.pastDueText')}
        </Banner>
      ) : null}
      <ErrorBanner error={error} />

      {nobodyAtAll ? (
        <div className="rounded-[10px] border border-dashed border-line-strong">
          <EmptyState
            icon={UserX}
            titleLevel={3}
            className="py-8"
            title={t('routing.nobodyTitle', { skill })}
            description={t('routing.nobodyText', { skill })}
          />
        </div>
      ) : report.candidates.length > 0 ? (
        <section aria-labelledby={candidatesId}>
          <h3 id={candidatesId} className="mb-2.5 text-[13px] font-semibold text-fg">
            {t('routing.candidates', { count: report.candidates.length })}
          </h3>
          <ol className="flex flex-col gap-2.5" data-testid="routing-candidates">
            {report.candidates.map((c, i) => (
              <CandidateCard
                key={c.personId}
                candidate={c}
                rank={i + 1}
                busy={busy === c.personId}
                disabled={busy !== null}
                onAssign={() => void assign(c.personId, c.name)}
              />
            ))}
          </ol>
        </section>
      ) : (
        <Ladder report={report} busy={busy} assign={assign} moving={moving} apply={apply} />
      )}

      {report.excluded.length > 0 ? <NotProposed excluded={report.excluded} /> : null}

      {report.candidates.length > 0 && report.overflow.length > 0 ? (
        <Collapsible.Root className="rounded-[10px] border border-line">
          <Collapsible.Trigger className="group flex h-10 w-full items-center gap-2 rounded-[10px] px-3 text-left text-[13px] font-medium text-fg hover:bg-hover">
            <ChevronRight
              className="size-4 text-faint transition-transform duration-150 group-data-[state=open]:rotate-90"
              aria-hidden="true"
            />
            {t('routing.otherOptions')}
          </Collapsible.Trigger>
          <Collapsible.Content className="border-t border-line px-3 py-3">
            <Ladder report={report} busy={busy} assign={assign} moving={moving} apply={apply} bare />
          </Collapsible.Content>
        </Collapsible.Root>
      ) : null}
    </div>
  );
}

function RequestFacts({ report }: { report: RoutingReport }) {
  const { t, i18n } = useTranslation('time');
  const lang = i18n.language;
  const clock = report.clientTimeZone ? clockIn(report.clientTimeZone, lang) : null;
  const days = Math.max(0, daysBetween(report.startDate, report.dueDate)) + 1;
  const range = arrowRange(report.startDate, report.dueDate, lang);
  return (
    <dl className="grid grid-cols-4 gap-2.5" data-testid="routing-request">
      <Fact label={t('routing.needed')}>{t('hours', { value: hoursNumber(report.neededHours, lang) })}</Fact>
      <Fact label={t('routing.skill')}>{t(`skills.${report.skill}`)}</Fact>
      <Fact label={t('routing.window')}>
        <span>{t('routing.windowValue', { start: range.start, due: range.end })}</span>
        <span className="text-[12px] font-normal text-muted">{t('routing.windowDays', { count: days })}</span>
      </Fact>
      <Fact label={t('routing.clientZone')}>
        {report.clientTimeZone ? (
          <>
            <span className="truncate" title={report.clientTimeZone}>
              {report.clientTimeZone.replace(/_/g, ' ')}
            </span>
            {clock ? (
              <span className="text-[12px] font-normal text-muted">{t('routing.clientClock', { time: clock })}</span>
            ) : null}
          </>
        ) : (
          <span className="font-normal text-muted">{t('routing.zoneUnknown')}</span>
        )}
      </Fact>
    </dl>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0 rounded-[10px] border border-line px-3 py-2.5">
      <dt className="truncate text-[12px] text-muted">{label}</dt>
      <dd className="mt-1 flex min-w-0 flex-col gap-0.5 text-[14px] font-semibold text-fg tabular-nums">{children}</dd>
    </div>
  );
}

function CandidateCard({
  candidate: c,
  rank,
  busy,
  disabled,
  onAssign,
}: {
  candidate: RoutingCandidate;
  rank: number;
  busy: boolean;
  disabled: boolean;
  onAssign: () => void;
}) {
  const { t } = useTranslation('time');
  const hubs = useApp((s) => s.hubs);
  const hub = hubs.find((h) => h.id === c.hubId);
  const nameId = useId();
  return (
    <li
      className="rounded-[10px] border border-line px-4 py-3.5"
      data-testid="routing-candidate"
      aria-labelledby={nameId}
    >
      <div className="flex items-center gap-3">
        <span
          aria-hidden="true"
          className={cn(
            'grid size-7 shrink-0 place-items-center rounded-full text-[12px] font-semibold tabular-nums',
            rank === 1 ? 'bg-accent text-accent-fg' : 'bg-subtle text-muted',
          )}
        >
          {rank}
        </span>
        <div className="min-w-0 flex-1">
          <p id={nameId} className="truncate text-[14px] font-semibold text-fg">
            <span className="sr-only">{t('routing.rank', { rank })} </span>
            {c.name}
          </p>
          <p className="mt-0.5 flex items-center gap-1.5 truncate text-[12px] text-muted">
            <span className="truncate">{c.role}</span>
            {c.hubName ? (
              <>
                <span aria-hidden="true">·</span>
                {hub ? <HubDot color={hub.color} /> : null}
                <span>{c.hubName}</span>
              </>
            ) : null}
          </p>
        </div>
        <div className="text-right" data-testid="candidate-score">
          <span className="text-[22px] leading-none font-semibold text-fg tabular-nums">{c.score}</span>
          <span className="text-[12px] text-muted">/100</span>
          <span className="sr-only"> {t('routing.scoreLabel')}</span>
        </div>
        <Button
          variant={rank === 1 ? 'primary' : 'secondary'}
          size="sm"
          icon={<UserPlus />}
          busy={busy}
          disabled={disabled}
          aria-label={t('routing.assignNamed', { name: c.name })}
          onClick={onAssign}
        >
          {t('routing.assign')}
        </Button>
      </div>
      <ul className="mt-3.5 grid grid-cols-3 gap-x-5 gap-y-3" aria-label={t('routing.why', { name: c.name })}>
        {c.reasons.map((r) => (
          <ReasonBar key={r.factor} reason={r} />
        ))}
      </ul>
    </li>
  );
}

function ReasonBar({ reason }: { reason: RoutingReason }) {
  const { t } = useTranslation('time');
  const phrase = useReasonPhrase(reason);
  const share = reason.max > 0 ? Math.max(0, Math.min(1, reason.points / reason.max)) : 0;
  return (
    <li className="min-w-0" data-testid="routing-reason" data-factor={reason.factor}>
      <div className="flex items-baseline justify-between gap-2 text-[12px]">
        <span className="font-medium text-fg">{t(`routing.factor.${reason.factor}`)}</span>
        <span className="text-muted tabular-nums">
          <span aria-hidden="true">
            {reason.points}/{reason.max}
          </span>
          <span className="sr-only">{t('routing.points', { points: reason.points, max: reason.max })}</span>
        </span>
      </div>
      <div aria-hidden="true" className="mt-1 h-1.5 overflow-hidden rounded-full bg-line">
        <div className="h-full rounded-full bg-accent" style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
      <p className="mt-1 text-[12px] leading-snug text-muted">{phrase}</p>
    </li>
  );
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const sameHub = (a: string | null, b: string | null) =>
  a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

/** The numbers behind a factor's points, in words. */
function useReasonPhrase(reason: RoutingReason): string {
  const { t, i18n } = useTranslation('time');
  const lang = i18n.language;
  const d = reason.detail;
  const h = (v: number) => hoursNumber(v, lang);
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v, lang, 0));
  switch (reason.factor) {
    case 'skill': {
      const skill = str(d.skill);
      return t('routing.detail.skill', {
        skill: skill ? t(`skills.${skill as 'design'}`, { defaultValue: skill }) : '—',
        level: num(d.level) ?? 0,
      });
    }
    case 'free_hours':
      return t('routing.detail.freeHours', { free: h(num(d.freeHours) ?? 0), needed: h(num(d.neededHours) ?? 0) });
    case 'hub_fit': {
      const preferred = str(d.preferredHub) ?? '—';
      const personHub = str(d.personHub);
      const segment = t(`routing.segment.${(str(d.segment) ?? 'latam_mid') as 'premium'}`, {
        defaultValue: str(d.segment) ?? '',
      });
      if (sameHub(personHub, preferred)) return t('routing.detail.hubPreferred', { hub: preferred, segment });
      if (sameHub(personHub, str(d.projectHub)))
        return t('routing.detail.hubProject', { hub: personHub ?? '', preferred, segment });
      if (personHub === null || sameHub(personHub, 'Remote'))
        return t('routing.detail.hubRemote', { preferred, segment });
      return t('routing.detail.hubOther', { hub: personHub, preferred, segment });
    }
    case 'time_zone': {
      const overlap = num(d.overlapHours);
      if (overlap === null) return t('routing.detail.zoneUnknown');
      if (overlap <= 0) return t('routing.detail.noOverlap');
      return t('routing.detail.overlap', { hours: h(overlap) });
    }
    case 'utilization': {
      const u = num(d.utilization);
      return u === null ? t('routing.detail.noAvailability') : t('routing.detail.utilization', { pct: pct(u) });
    }
    case 'quality': {
      const fp = num(d.firstPassRate);
      const ot = num(d.onTimeRate);
      if (fp === null && ot === null) return t('routing.detail.noRecord');
      return t('routing.detail.quality', { firstPass: pct(fp), onTime: pct(ot) });
    }
    default:
      return '';
  }
}

function NotProposed({ excluded }: { excluded: RoutingReport['excluded'] }) {
  const { t } = useTranslation('time');
  return (
    <Collapsible.Root className="rounded-[10px] border border-line" data-testid="routing-excluded">
      <Collapsible.Trigger className="group flex h-10 w-full items-center gap-2 rounded-[10px] px-3 text-left text-[13px] font-medium text-fg hover:bg-hover">
        <ChevronRight
          className="size-4 text-faint transition-transform duration-150 group-data-[state=open]:rotate-90"
          aria-hidden="true"
        />
        {t('routing.notProposed', { count: excluded.length })}
      </Collapsible.Trigger>
      <Collapsible.Content>
        <ul className="divide-y divide-line border-t border-line">
          {excluded.map((e) => (
            <li key={e.personId} className="flex items-center justify-between gap-3 px-3 py-2 text-[13px]">
              <span className="font-medium text-fg">{e.name}</span>
              <Badge tone={e.reason === 'overloaded' ? 'danger' : 'warning'}>
                {t(`routing.excluded.${e.reason as 'overloaded'}`, { defaultValue: e.reason })}
              </Badge>
            </li>
          ))}
        </ul>
      </Collapsible.Content>
    </Collapsible.Root>
  );
}

/** Project names of the assignments a redistribution would move (the report gives their ids). */
function useMovedProjects(report: RoutingReport): Map<number, string> {
  const ids = report.overflow.flatMap((o) =>
    o.step === 'redistribute' && o.moveAssignmentId ? [o.moveAssignmentId] : [],
  );
  const key = ids.join(',');
  const [names, setNames] = useState<Map<number, string>>(new Map());
  // biome-ignore lint/correctness/useExhaustiveDependencies: the ids (as a key) and the window are the triggers.
  useEffect(() => {
    if (ids.length === 0) return;
    let live = true;
    const end = laterDate(report.dueDate, report.startDate);
    const weeks = Math.min(62, Math.floor(daysBetween(report.startDate, end) / 7) + 2);
    void api
      .call('capacity/matrix', { from: report.startDate, granularity: 'week', count: weeks, hubId: null })
      .then((result) => {
        if (!live || !result.ok) return;
        const found = new Map<number, string>();
        for (const p of (result.value as CapacityMatrix).people)
          for (const a of p.assignments) if (ids.includes(a.id)) found.set(a.id, a.projectName);
        setNames(found);
      });
    return () => {
      live = false;
    };
  }, [key, report.startDate, report.dueDate]);
  return names;
}

const STEPS: { step: OverflowOption['step']; icon: typeof Shuffle }[] = [
  { step: 'redistribute', icon: Shuffle },
  { step: 'freelancer', icon: UserPlus },
  { step: 'partner', icon: Handshake },
  { step: 'new_due_date', icon: CalendarClock },
];

function Ladder({
  report,
  busy,
  assign,
  moving,
  apply,
  bare,
}: {
  report: RoutingReport;
  busy: number | null;
  assign: Assign;
  moving: number | null;
  apply: (o: OverflowOption) => Promise<void>;
  /** Inside "Other options": no heading banner. */
  bare?: boolean;
}) {
  const { t, i18n } = useTranslation('time');
  const lang = i18n.language;
  const projects = useMovedProjects(report);
  const skill = t(`skills.${report.skill}`);
  const headingId = useId();
  const byStep = useMemo(() => {
    const m = new Map<OverflowOption['step'], OverflowOption[]>();
    for (const o of report.overflow) m.set(o.step, [...(m.get(o.step) ?? []), o]);
    return m;
  }, [report.overflow]);

  const outsider = (o: OverflowOption) => (
    <li
      key={`${o.step}-${o.personId}`}
      className="flex items-center justify-between gap-3 px-3 py-2"
      data-testid="overflow-option"
    >
      <div className="min-w-0">
        <p className="truncate text-[13px] font-medium text-fg">{o.name}</p>
        <p className="text-[12px] text-muted tabular-nums">
          {o.costMinor !== undefined && o.costCurrency
            ? t('routing.ladder.cost', {
                cost: formatMoney(o.costMinor, o.costCurrency, lang),
                hours: hoursNumber(report.neededHours, lang),
              })
            : t('routing.ladder.noRate')}
        </p>
      </div>
      <Button
        size="sm"
        icon={<UserPlus />}
        busy={busy === o.personId}
        disabled={busy !== null || o.personId === null}
        aria-label={t('routing.assignNamed', { name: o.name ?? '' })}
        onClick={() =>
          o.personId !== null &&
          void assign(
            o.personId,
            o.name ?? '',
            o.costMinor !== undefined && o.costCurrency ? { minor: o.costMinor, currency: o.costCurrency } : undefined,
          )
        }
      >
        {t('routing.assign')}
      </Button>
    </li>
  );

  const options = (step: OverflowOption['step']): ReactNode => {
    const list = byStep.get(step) ?? [];
    if (list.length === 0) return <p className="mt-1.5 text-[12.5px] text-faint">{t(`routing.ladder.none.${step}`)}</p>;
    if (step === 'new_due_date')
      return list.map((o) => (
        <div key="due" className="mt-2 rounded-[10px] border border-line px-3 py-2" data-testid="overflow-option">
          <p className="text-[13px] font-medium text-fg">
            {t('routing.ladder.askFor', { date: o.dueDate ? formatDate(o.dueDate, lang) : '—' })}
          </p>
          <p className="text-[12px] text-muted">{t('routing.ladder.askWhy', { name: o.name ?? '' })}</p>
        </div>
      ));
    return (
      <ul className="mt-2 divide-y divide-line rounded-[10px] border border-line">
        {list.map((o) =>
          step === 'redistribute' ? (
            <li
              key={`${o.moveAssignmentId}-${o.moveToPersonId}`}
              className="flex items-center justify-between gap-3 px-3 py-2"
              data-testid="overflow-option"
            >
              <div className="min-w-0">
                <p className="text-[13px] font-medium text-fg">
                  {t('routing.ladder.move', {
                    project:
                      (o.moveAssignmentId && projects.get(o.moveAssignmentId)) || t('routing.ladder.theirProject'),
                    name: o.moveToName ?? '',
                    hours: hoursNumber(o.freedHours ?? 0, lang),
                  })}
                </p>
                <p className="text-[12px] text-muted">{t('routing.ladder.moveWho', { name: o.name ?? '' })}</p>
              </div>
              <Button
                size="sm"
                busy={moving === o.moveAssignmentId}
                disabled={moving !== null || busy !== null}
                onClick={() => void apply(o)}
              >
                {t('routing.ladder.apply')}
              </Button>
            </li>
          ) : (
            outsider(o)
          ),
        )}
      </ul>
    );
  };

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <h3 id={headingId} className={bare ? 'sr-only' : 'text-[13px] font-semibold text-fg'}>
        {t('routing.ladder.title')}
      </h3>
      {bare ? null : (
        <Banner
          tone="warning"
          title={report.excluded.length > 0 ? t('routing.noRoomTitle') : t('routing.noSkillTitle', { skill })}
        >
          {t('routing.noRoomText')}
        </Banner>
      )}
      <ol className="flex flex-col gap-4" data-testid="overflow-ladder">
        {STEPS.map(({ step, icon: Icon }, i) => (
          <li key={step} className="flex gap-3" data-testid="overflow-step" data-step={step}>
            <span
              aria-hidden="true"
              className="grid size-6 shrink-0 place-items-center rounded-full bg-accent-soft text-[12px] font-semibold text-accent-text tabular-nums"
            >
              {i + 1}
            </span>
            <div className="min-w-0 flex-1">
              <h4 className="flex items-center gap-1.5 text-[13px] font-semibold text-fg">
                <Icon className="size-3.5 text-muted" aria-hidden="true" />
                {t(`routing.ladder.step.${step}`)}
              </h4>
              <p className="text-[12px] text-muted">{t(`routing.ladder.stepHint.${step}`)}</p>
              {options(step)}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
