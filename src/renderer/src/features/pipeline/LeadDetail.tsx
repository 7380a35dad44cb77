/**
 * The lead detail as a side sheet: who and where from, the score with each
 * factor's points, the win probability with its top reasons and a person's
 * override beside it, the qualification fields, and the timeline of stage
 * changes and activities (with "Log activity"). Moves along the stages, Mark
 * lost (with a reason) and Win (client + project + deposit) from the header.
 */
import {
  CalendarClock,
  CircleCheck,
  CircleX,
  Contact,
  Flag,
  FolderKanban,
  Mail,
  MessageSquareText,
  Pencil,
  Phone,
  Trophy,
  UserPen,
  Users,
  X,
} from 'lucide-react';
import { Dialog } from 'radix-ui';
import { type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type { Hub, Person, Service } from '../../../../shared/contract';
import { type Currency, isClosedLead, nextLeadStages } from '../../../../shared/domain';
import { ACTIVITY_KINDS, type ActivityKind, type LeadDetail } from '../../../../shared/leads';
import { activityInputSchema, probabilityOverrideSchema } from '../../../../shared/leads-schemas';
import { bandOf, OPPORTUNITY_SCORE } from '../../../../shared/scoring';
import { navigateToRecord, toastError } from '../../app/actions';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { formatDate, formatDateTime, formatMoney, formatPercent, numberForInput, parseDecimal } from '../../app/format';
import { useApp } from '../../app/store';
import { useApiQuery } from '../../app/useApi';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { cn } from '../../components/cn';
import { Sheet } from '../../components/Dialog';
import { ErrorState } from '../../components/ErrorState';
import { Field, UnitInput } from '../../components/Field';
import { HubDot } from '../../components/HubDot';
import { Skeleton, SkeletonBlock } from '../../components/Skeleton';
import { BandBadge, StageBadge } from './badges';
import { ProbabilityReasons, ScoreBreakdown } from './explain';
import { OpportunityCallout } from './LeadAlerts';
import { LeadDialog } from './LeadDialog';
import { LostDialog } from './LostDialog';
import { useLeadForm } from './validation';
import { WinDialog } from './WinDialog';
import { breakdownMaxima } from './wording';

/** What the row menu can open a lead with. */
export type LeadAction = 'win' | 'lose';

export function LeadDetailSheet({
  leadId,
  people,
  hubs,
  services,
  defaults,
  onClose,
  onChanged,
  returnFocus,
  startWith = null,
  opportunity = false,
}: {
  leadId: number | null;
  people: Person[];
  hubs: Hub[];
  services: Service[];
  defaults: { currency: Currency; hubId: number | null };
  onClose: () => void;
  /** Something about the lead changed (the table and the segment counts refresh). */
  onChanged: () => void;
  returnFocus?: () => HTMLElement | null;
  /** Opens the lead with its Win or Mark lost dialog already up (the table's row menu asked). */
  startWith?: LeadAction | null;
  /** The lead has an open OPPORTUNITY alert. */
  opportunity?: boolean;
}) {
  const { t } = useTranslation('pipeline');
  return (
    <Sheet
      open={leadId !== null}
      onClose={onClose}
      width="w-[min(820px,calc(100vw-40px))]"
      testId="lead-detail"
      returnFocus={returnFocus}
    >
      {leadId !== null ? (
        <DetailBody
          key={leadId}
          leadId={leadId}
          people={people}
          hubs={hubs}
          services={services}
          defaults={defaults}
          onChanged={onChanged}
          startWith={startWith}
          opportunity={opportunity}
        />
      ) : (
        <Dialog.Title className="sr-only">{t('detail.loadingTitle')}</Dialog.Title>
      )}
    </Sheet>
  );
}

function Panel({
  title,
  actions,
  children,
  className,
  testId,
}: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  const id = useId();
  return (
    <section
      aria-labelledby={id}
      className={cn('rounded-[10px] border border-line p-4', className)}
      data-testid={testId}
    >
      <div className="mb-3 flex min-h-7 items-center justify-between gap-3">
        <h3 id={id} className="text-[13px] font-semibold text-fg">
          {title}
        </h3>
        {actions ? <div className="flex items-center gap-1.5">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

function DetailBody({
  leadId,
  people,
  hubs,
  services,
  defaults,
  onChanged,
  startWith,
  opportunity,
}: {
  leadId: number;
  people: Person[];
  hubs: Hub[];
  services: Service[];
  defaults: { currency: Currency; hubId: number | null };
  onChanged: () => void;
  startWith: LeadAction | null;
  opportunity: boolean;
}) {
  const { t, i18n } = useTranslation('pipeline');
  const lang = i18n.language;
  const timeZone = useApp((s) => s.settings?.timeZone);
  const detail = useApiQuery('leads/get', { id: leadId });
  const scoring = useApiQuery('scoring/get', {});
  const [editing, setEditing] = useState(false);
  const [losing, setLosing] = useState(false);
  const [winning, setWinning] = useState(false);
  const [moving, setMoving] = useState<string | null>(null);
  const d = detail.data;
  // The dialog the row menu asked for, once the lead is here (and only while it is still open).
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !d || startWith === null) return;
    started.current = true;
    if (d.stage === 'won' || d.stage === 'lost') return;
    if (startWith === 'win') setWinning(true);
    else setLosing(true);
  }, [d, startWith]);

  /** A reply that carries the updated lead: show it, and let the table know. */
  const updated = (lead: LeadDetail) => {
    detail.setData(() => lead);
    onChanged();
  };

  const close = (
    <Dialog.Close asChild>
      <Button variant="ghost" size="icon-sm" aria-label={t('common.close', { ns: 'translation' })}>
        <X />
      </Button>
    </Dialog.Close>
  );

  if (!d) {
    return (
      <>
        <div className="flex items-start justify-between gap-4 border-b border-line px-6 py-4">
          <Dialog.Title className="text-[17px] font-semibold text-fg">
            {detail.status === 'error' ? t('detail.errorTitle') : <Skeleton className="h-6 w-48" />}
            <span className="sr-only">{t('detail.loadingTitle')}</span>
          </Dialog.Title>
          {close}
        </div>
        <div className="p-6">
          {detail.status === 'error' ? (
            <ErrorState error={detail.error} onRetry={detail.reload} />
          ) : (
            <SkeletonBlock lines={8} />
          )}
        </div>
      </>
    );
  }

  const open = d.stage !== 'won' && d.stage !== 'lost';
  const maxima = breakdownMaxima(d.scoreBreakdownMax, scoring.data?.weights.points ?? null);
  const hub = d.hubId === null ? undefined : hubs.find((h) => h.id === d.hubId);
  const owner = d.ownerId === null ? undefined : people.find((p) => p.id === d.ownerId);
  const nextStages = nextLeadStages(d.stage);

  const move = async (stage: 'qualified' | 'proposal') => {
    setMoving(stage);
    const result = await api.call('leads/setStage', { id: d.id, stage, from: d.stage });
    setMoving(null);
    if (!result.ok) {
      toastError(result.error);
      // It may have moved elsewhere (another window): show where it is now.
      detail.reload();
      onChanged();
      return;
    }
    toast.success(t('toast.moved', { company: d.company, stage: t(`stageInSentence.${stage}`) }));
    updated(result.value);
  };

  return (
    <>
      <header className="border-b border-line px-6 py-4">
        <div className="flex items-start justify-between gap-4">
          <div className="min-w-0">
            <Dialog.Title className="truncate text-[17px] font-semibold text-fg">{d.company}</Dialog.Title>
            <p className="mt-0.5 truncate text-[13px] text-muted">
              {[d.contactName, d.role, d.contactEmail].filter(Boolean).join(' · ')}
            </p>
          </div>
          {close}
        </div>
        <div className="mt-2.5 flex flex-wrap items-center gap-x-3 gap-y-1.5 text-[12.5px] text-muted">
          <StageBadge stage={d.stage} />
          <span>{t(`channel.${d.channel}`)}</span>
          <span>{t(`tier.long.${d.tier}`)}</span>
          <span>{t(`vertical.${d.vertical}`)}</span>
          <span className="flex items-center gap-1.5">
            {hub ? <HubDot color={hub.color} /> : null}
            {hub ? hub.name : t('noHub')}
          </span>
          <span>{owner ? t('detail.ownedBy', { name: owner.name }) : t('unassigned')}</span>
        </div>
        {open ? (
          <div className="mt-3.5 flex flex-wrap items-center gap-2">
            <Button size="sm" icon={<Pencil />} onClick={() => setEditing(true)}>
              {t('common.edit', { ns: 'translation' })}
            </Button>
            {nextStages.map((s) => (
              <Button
                key={s}
                size="sm"
                icon={<Flag />}
                busy={moving === s}
                disabled={moving !== null}
                onClick={() => void move(s)}
              >
                {t('detail.moveTo', { stage: t(`stageInSentence.${s}`) })}
              </Button>
            ))}
            <div className="flex-1" />
            <Button size="sm" variant="ghost" icon={<CircleX />} onClick={() => setLosing(true)}>
              {t('detail.markLost')}
            </Button>
            <Button size="sm" variant="primary" icon={<Trophy />} onClick={() => setWinning(true)}>
              {t('detail.win')}
            </Button>
          </div>
        ) : null}
      </header>

      <div className="min-h-0 flex-1 overflow-y-auto px-6 py-5">
        <div className="flex flex-col gap-4">
          {d.stage === 'won' ? (
            <Banner tone="success" title={t('detail.wonTitle', { date: formatDate(d.closedAt ?? '', lang, timeZone) })}>
              {t('detail.wonBody', { count: d.projectIds.length })}
              <div className="mt-2.5 flex flex-wrap gap-2">
                {d.projectIds.length > 0 ? (
                  <Button
                    size="sm"
                    icon={<FolderKanban />}
                    onClick={() => navigateToRecord('projects', d.projectIds.at(-1)!)}
                  >
                    {t('detail.openProject')}
                  </Button>
                ) : null}
                {d.clientId !== null ? (
                  <Button size="sm" icon={<Contact />} onClick={() => navigateToRecord('clients', d.clientId!)}>
                    {t('detail.openClient')}
                  </Button>
                ) : null}
              </div>
            </Banner>
          ) : d.stage === 'lost' ? (
            <Banner
              tone="warning"
              title={t('detail.lostTitle', { date: formatDate(d.closedAt ?? '', lang, timeZone) })}
            >
              <span data-testid="lost-reason">{d.lostReason}</span>
            </Banner>
          ) : null}

          <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
            <Panel
              title={t('detail.score')}
              actions={d.score === null ? null : <BandBadge band={bandOf(d.score)} />}
              testId="score-panel"
            >
              {d.score === null || !d.scoreBreakdown ? (
                <p className="text-[13px] text-muted">{t('detail.notScoredYet')}</p>
              ) : (
                <>
                  <p className="mb-3 flex items-baseline gap-1">
                    <span
                      className="text-[28px] leading-none font-semibold text-fg tabular-nums"
                      data-testid="detail-score"
                    >
                      {d.score}
                    </span>
                    <span className="text-[13px] text-muted">{t('detail.outOf100')}</span>
                  </p>
                  {/* The alert follows the lead: closed, or below the line, and it is resolved (the list reloads). */}
                  {opportunity && open && d.score >= OPPORTUNITY_SCORE ? <OpportunityCallout /> : null}
                  <ScoreBreakdown breakdown={d.scoreBreakdown} max={maxima.max} />
                  {maxima.earlier ? (
                    <p className="mt-2.5 text-[12px] leading-snug text-muted" data-testid="scored-earlier">
                      {t('detail.scoredEarlier')}
                    </p>
                  ) : null}
                </>
              )}
            </Panel>
            <ProbabilityPanel lead={d} hubs={hubs} onUpdated={updated} />
          </div>

          <Panel title={t('detail.qualification')}>
            <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-[13px] sm:grid-cols-3">
              <Item label={t('fields.budgetPlain')}>
                {d.budgetMinor === null ? t('detail.noBudget') : formatMoney(d.budgetMinor, d.currency, lang)}
              </Item>
              <Item label={t('fields.timeline')}>{d.timeline ? t(`timeline.${d.timeline}`) : t('form.notKnown')}</Item>
              <Item label={t('fields.authority')}>
                {d.authority ? t(`authority.${d.authority}`) : t('form.notKnown')}
              </Item>
              <Item label={t('fields.need')}>{d.need ? t(`need.${d.need}`) : t('form.notKnown')}</Item>
              <Item label={t('fields.expectedValue')}>{formatMoney(d.expectedValueMinor, d.currency, lang)}</Item>
              <Item label={t('fields.service')}>
                {d.serviceId === null
                  ? t('form.noService')
                  : (services.find((s) => s.id === d.serviceId)?.name ?? `#${d.serviceId}`)}
              </Item>
              <Item label={t('columns.created')}>{formatDate(d.createdAt, lang, timeZone)}</Item>
              <Item label={t('columns.activity')}>
                {d.lastActivityAt ? formatDate(d.lastActivityAt, lang, timeZone) : t('never')}
              </Item>
              <Item label={t('detail.activityCount')}>{d.activityCount}</Item>
            </dl>
          </Panel>

          <Panel title={t('detail.timeline')} testId="lead-timeline">
            {open ? <LogActivity leadId={d.id} onLogged={updated} /> : null}
            <Timeline lead={d} people={people} />
          </Panel>
        </div>
      </div>

      {editing ? (
        <LeadDialog
          lead={d}
          people={people}
          hubs={hubs}
          services={services}
          defaults={defaults}
          onClose={() => setEditing(false)}
          onSaved={(lead) => {
            setEditing(false);
            toast.success(t('toast.updated', { company: lead.company }));
            updated(lead);
          }}
        />
      ) : null}
      {losing ? (
        <LostDialog
          lead={d}
          onClose={() => setLosing(false)}
          onLost={(lead) => {
            setLosing(false);
            toast.success(t('toast.lost', { company: lead.company }));
            updated(lead);
          }}
        />
      ) : null}
      {winning ? (
        <WinDialog lead={d} services={services} onClose={() => setWinning(false)} onWon={(lead) => updated(lead)} />
      ) : null}
    </>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-[12px] text-muted">{label}</dt>
      <dd className="mt-0.5 truncate text-fg">{children}</dd>
    </div>
  );
}

// ---------- probability ----------

function ProbabilityPanel({
  lead,
  hubs,
  onUpdated,
}: {
  lead: LeadDetail;
  hubs: Hub[];
  onUpdated: (lead: LeadDetail) => void;
}) {
  const { t, i18n } = useTranslation('pipeline');
  const lang = i18n.language;
  const [editing, setEditing] = useState(false);
  const [clearing, setClearing] = useState(false);
  const pct = (p: number) => formatPercent(p, lang, 0);
  // When the form closes or the override is cleared, the keyboard goes back to Override / Change.
  const overrideButton = useRef<HTMLButtonElement>(null);
  const [refocus, setRefocus] = useState(false);
  const closeForm = () => {
    setEditing(false);
    setRefocus(true);
  };
  // A closed lead's outcome is known: no override, and the model's last figure is shown for the record.
  const closed = isClosedLead(lead.stage);
  // The lead closed while an override was being typed (won or lost from elsewhere): the form goes with it.
  const showForm = editing && !closed;
  useEffect(() => {
    if (closed) setEditing(false);
  }, [closed]);
  useEffect(() => {
    if (!refocus || showForm) return;
    setRefocus(false);
    overrideButton.current?.focus();
  }, [refocus, showForm]);

  // The override just cleared, offered back with Undo until something else is set.
  const [cleared, setCleared] = useState<number | null>(null);
  const [restoring, setRestoring] = useState(false);
  const restore = async (probability: number) => {
    setRestoring(true);
    const result = await api.call('leads/overrideProbability', { id: lead.id, probability });
    setRestoring(false);
    if (!result.ok) {
      toastError(result.error);
      return;
    }
    setCleared(null);
    toast.success(t('toast.overrideRestored', { value: pct(probability) }));
    onUpdated(result.value);
    setRefocus(true);
  };

  const clear = async () => {
    setClearing(true);
    const result = await api.call('leads/overrideProbability', { id: lead.id, probability: null });
    setClearing(false);
    if (!result.ok) {
      toastError(result.error);
      return;
    }
    setCleared(lead.probabilityOverride);
    toast.success(t('toast.overrideCleared'));
    onUpdated(result.value);
    setRefocus(true);
  };

  return (
    <Panel
      title={t('detail.probability')}
      testId="probability-panel"
      actions={
        showForm ? null : (
          <>
            {lead.probabilityOverride !== null ? (
              <Button size="sm" variant="ghost" busy={clearing} onClick={() => void clear()}>
                {t('detail.clearOverride')}
              </Button>
            ) : null}
            {closed ? null : (
              <Button
                ref={overrideButton}
                size="sm"
                icon={<UserPen />}
                onClick={() => {
                  setCleared(null);
                  setEditing(true);
                }}
              >
                {lead.probabilityOverride !== null ? t('detail.changeOverride') : t('detail.override')}
              </Button>
            )}
          </>
        )
      }
    >
      <div className="mb-3 flex flex-wrap items-end gap-x-5 gap-y-2">
        <div>
          <p
            className={cn(
              'text-[28px] leading-none font-semibold tabular-nums',
              lead.probabilityOverride !== null ? 'text-muted' : 'text-fg',
            )}
            data-testid="detail-probability"
          >
            {lead.winProbability === null ? '—' : pct(lead.winProbability)}
          </p>
          <p className="mt-1 text-[12px] text-muted">{closed ? t('detail.modelSaid') : t('detail.modelSays')}</p>
        </div>
        {lead.probabilityOverride !== null ? (
          <div>
            <p
              className="flex items-center gap-1.5 text-[28px] leading-none font-semibold text-accent-text tabular-nums"
              data-testid="detail-override"
            >
              <UserPen className="size-5" aria-hidden="true" />
              {pct(lead.probabilityOverride)}
            </p>
            <p className="mt-1 text-[12px] text-muted">{t('detail.personSays')}</p>
          </div>
        ) : null}
      </div>
      {cleared !== null && lead.probabilityOverride === null && !closed && !showForm ? (
        <p className="mb-3 flex flex-wrap items-center gap-x-2 text-[12.5px] text-muted" data-testid="override-cleared">
          {t('detail.overrideCleared', { value: pct(cleared) })}
          <Button size="sm" variant="link" busy={restoring} onClick={() => void restore(cleared)}>
            {t('detail.undoClear')}
          </Button>
        </p>
      ) : null}
      {showForm ? (
        <OverrideForm
          lead={lead}
          onCancel={closeForm}
          onSaved={(l) => {
            closeForm();
            toast.success(t('toast.overrideSet', { value: pct(l.probabilityOverride ?? 0) }));
            onUpdated(l);
          }}
        />
      ) : closed ? (
        <p className="text-[13px] text-muted" data-testid="probability-closed">
          {t(lead.stage === 'won' ? 'detail.closedWon' : 'detail.closedLost')}
        </p>
      ) : lead.probabilityFactors ? (
        <ProbabilityReasons factors={lead.probabilityFactors} hubs={hubs} />
      ) : (
        <p className="text-[13px] text-muted">{t('detail.noModel')}</p>
      )}
    </Panel>
  );
}

function OverrideForm({
  lead,
  onCancel,
  onSaved,
}: {
  lead: LeadDetail;
  onCancel: () => void;
  onSaved: (lead: LeadDetail) => void;
}) {
  const { t, i18n } = useTranslation('pipeline');
  const lang = i18n.language;
  const start = lead.probabilityOverride ?? lead.winProbability;
  const [text, setText] = useState(start === null ? '' : numberForInput(Math.round(start * 100), lang));
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // Esc in the form cancels the form, not the whole sheet (whose dialog listens for Esc on the document,
  // in the capture phase: the form's claim is made earlier, on the window).
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape' || !form.current?.contains(e.target as Node | null)) return;
      e.stopPropagation();
      e.preventDefault();
      if (!busy) onCancel();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [busy, onCancel]);
  const input = useMemo(() => {
    const n = parseDecimal(text, lang);
    return { id: lead.id, probability: n === null ? Number.NaN : n / 100 };
  }, [text, lang, lead.id]);
  const v = useLeadForm(probabilityOverrideSchema, input);

  const save = async () => {
    v.setSubmitted(true);
    if (!v.valid) return;
    setBusy(true);
    const result = await api.call('leads/overrideProbability', input);
    setBusy(false);
    if (!result.ok) {
      if (result.error.field) v.setServerError(result.error.field, errorText(result.error));
      else toastError(result.error);
      return;
    }
    onSaved(result.value);
  };

  return (
    <form
      ref={form}
      noValidate
      className="flex flex-col gap-3 rounded-lg bg-subtle/60 p-3"
      data-testid="override-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Field label={t('detail.overrideLabel')} error={v.errorFor('probability')} hint={t('detail.overrideHint')}>
        {(p) => (
          <UnitInput
            {...p}
            unit="%"
            autoFocus
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              v.edited('probability');
            }}
            onBlur={() => v.touch('probability')}
            className="w-32"
          />
        )}
      </Field>
      <div className="flex justify-end gap-2">
        <Button size="sm" onClick={onCancel} disabled={busy}>
          {t('common.cancel', { ns: 'translation' })}
        </Button>
        <Button size="sm" type="submit" variant="primary" busy={busy}>
          {t('detail.saveOverride')}
        </Button>
      </div>
    </form>
  );
}

// ---------- activities and history ----------

const ACTIVITY_ICON: Record<ActivityKind, typeof Phone> = {
  call: Phone,
  email: Mail,
  meeting: Users,
  note: MessageSquareText,
};

function LogActivity({ leadId, onLogged }: { leadId: number; onLogged: (lead: LeadDetail) => void }) {
  const { t } = useTranslation('pipeline');
  const [kind, setKind] = useState<ActivityKind | ''>('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useMemo(
    () => ({ leadId, kind: kind || undefined, note: note.trim() === '' ? null : note }),
    [leadId, kind, note],
  );
  const v = useLeadForm(activityInputSchema, input);
  const kindId = useId();
  const noteId = useId();

  const save = async () => {
    v.setSubmitted(true);
    if (!v.valid || !kind) return;
    setBusy(true);
    const result = await api.call('leads/addActivity', { leadId, kind, note: input.note });
    setBusy(false);
    if (!result.ok) {
      if (result.error.field) v.setServerError(result.error.field, errorText(result.error));
      else toastError(result.error);
      return;
    }
    toast.success(t('toast.activityLogged', { kind: t(`activity.${kind}`) }));
    setKind('');
    setNote('');
    v.setSubmitted(false);
    onLogged(result.value);
  };

  const kindError = v.errorFor('kind');
  const noteError = v.errorFor('note');
  return (
    <form
      noValidate
      aria-label={t('detail.logActivity')}
      className="mb-4 flex flex-col gap-2.5 rounded-lg border border-line bg-subtle/40 p-3"
      data-testid="log-activity"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset aria-describedby={kindError ? kindId : undefined}>
        <legend className="mb-1.5 text-[12px] font-medium text-muted">{t('detail.logActivity')}</legend>
        <div className="flex flex-wrap gap-1.5" role="radiogroup" aria-label={t('detail.activityKind')}>
          {ACTIVITY_KINDS.map((k) => {
            const Icon = ACTIVITY_ICON[k];
            const on = kind === k;
            return (
              // biome-ignore lint/a11y/useSemanticElements: a segmented control of radio buttons.
              <button
                key={k}
                type="button"
                role="radio"
                aria-checked={on}
                onClick={() => {
                  setKind(k);
                  v.edited('kind');
                }}
                className={cn(
                  'inline-flex h-7 items-center gap-1.5 rounded-full border px-2.5 text-[12.5px] transition-colors duration-150',
                  on
                    ? 'border-accent/40 bg-accent-soft font-medium text-accent-text'
                    : 'border-line-strong bg-surface text-fg hover:bg-hover',
                )}
              >
                <Icon className="size-3.5" aria-hidden="true" />
                {t(`activity.${k}`)}
              </button>
            );
          })}
        </div>
        {kindError ? (
          <p id={kindId} className="mt-1 text-[12px] text-danger-text" data-testid="field-error">
            {kindError}
          </p>
        ) : null}
      </fieldset>
      <label htmlFor={noteId} className="sr-only">
        {t('detail.note')}
      </label>
      <textarea
        id={noteId}
        value={note}
        rows={2}
        maxLength={2000}
        placeholder={t('detail.notePlaceholder')}
        aria-invalid={noteError ? true : undefined}
        onChange={(e) => {
          setNote(e.target.value);
          v.edited('note');
        }}
        className="w-full resize-y rounded-[var(--radius-control)] border border-line-strong bg-surface px-2.5 py-1.5 text-[13px] text-fg focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-offset-0"
      />
      {noteError ? <p className="text-[12px] text-danger-text">{noteError}</p> : null}
      <div className="flex justify-end">
        <Button size="sm" type="submit" variant="primary" busy={busy} icon={<CalendarClock />}>
          {t('detail.log')}
        </Button>
      </div>
    </form>
  );
}

type Entry =
  | {
      kind: 'stage';
      at: string;
      from: LeadDetail['history'][number]['fromStage'];
      to: LeadDetail['stage'];
      reason: string | null;
    }
  | { kind: 'activity'; at: string; activity: LeadDetail['activities'][number] };

function Timeline({ lead, people }: { lead: LeadDetail; people: Person[] }) {
  const { t, i18n } = useTranslation('pipeline');
  const lang = i18n.language;
  const timeZone = useApp((s) => s.settings?.timeZone);
  const entries = useMemo(() => {
    const all: Entry[] = [
      ...lead.history.map((h) => ({
        kind: 'stage' as const,
        at: h.at,
        from: h.fromStage,
        to: h.toStage,
        reason: h.reason,
      })),
      ...lead.activities.map((a) => ({ kind: 'activity' as const, at: a.at, activity: a })),
    ];
    return all.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.kind === 'stage' ? -1 : 1));
  }, [lead]);

  if (entries.length === 0) return <p className="text-[13px] text-muted">{t('detail.noHistory')}</p>;
  return (
    <ol className="relative flex flex-col" aria-label={t('detail.timeline')}>
      {entries.map((e, i) => {
        const last = i === entries.length - 1;
        let icon: ReactNode;
        let text: ReactNode;
        let sub: ReactNode = null;
        if (e.kind === 'stage') {
          const Icon = e.to === 'won' ? CircleCheck : e.to === 'lost' ? CircleX : Flag;
          icon = (
            <Icon
              className={cn(
                'size-3.5',
                e.to === 'won' ? 'text-success-text' : e.to === 'lost' ? 'text-danger-text' : 'text-accent-text',
              )}
              aria-hidden="true"
            />
          );
          text =
            e.from === null
              ? t('detail.history.created', { stage: t(`stageInSentence.${e.to}`) })
              : t('detail.history.moved', { from: t(`stage.${e.from}`), to: t(`stage.${e.to}`) });
          if (e.reason) sub = e.reason;
        } else {
          const Icon = ACTIVITY_ICON[e.activity.kind];
          icon = <Icon className="size-3.5 text-muted" aria-hidden="true" />;
          const person = e.activity.personId === null ? undefined : people.find((p) => p.id === e.activity.personId);
          text = person
            ? t('detail.history.activityBy', { kind: t(`activity.${e.activity.kind}`), name: person.name })
            : t(`activity.${e.activity.kind}`);
          if (e.activity.note) sub = e.activity.note;
        }
        return (
          <li
            key={e.kind === 'stage' ? `stage-${e.at}-${e.to}` : `activity-${e.activity.id}`}
            className="relative flex gap-3 pb-3.5"
            data-testid={`timeline-${e.kind}`}
          >
            {last ? null : <span className="absolute top-7 bottom-0 left-[13px] w-px bg-line" aria-hidden="true" />}
            <span className="grid size-7 shrink-0 place-items-center rounded-full border border-line bg-surface">
              {icon}
            </span>
            <div className="min-w-0 flex-1 pt-1">
              <p className="flex flex-wrap items-baseline justify-between gap-x-3 text-[13px] text-fg">
                <span className="font-medium">{text}</span>
                <time dateTime={e.at} className="text-[12px] text-faint tabular-nums">
                  {formatDateTime(e.at, lang, timeZone)}
                </time>
              </p>
              {sub ? <p className="mt-0.5 text-[12.5px] whitespace-pre-wrap text-muted">{sub}</p> : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
