/**
 * The project as a side sheet: where it stands (stage, due date and risk,
 * value, client), what blocks delivery, its quality gates, its invoices, and
 * the stage history with the figures derived from it (revision cycles,
 * first-pass approval, same-day delivery).
 */
import { ArrowRight, ChevronDown, FileText, PackageCheck, ShieldAlert, ShieldCheck, X } from 'lucide-react';
import { Dialog, DropdownMenu } from 'radix-ui';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hub } from '../../../../shared/contract';
import { daysBetween } from '../../../../shared/dates';
import type { InvoiceSummary } from '../../../../shared/money';
import { type BoardCard, type ProjectDetail, type ProjectStageChange, WORK_STAGES } from '../../../../shared/pipeline';
import { api } from '../../app/api';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../app/format';
import { useApiQuery } from '../../app/useApi';
import { Button } from '../../components/Button';
import { cn } from '../../components/cn';
import { Sheet } from '../../components/Dialog';
import { ErrorState } from '../../components/ErrorState';
import { HubDot } from '../../components/HubDot';
import { MENU_CONTENT, MENU_ITEM } from '../../components/menu';
import { Skeleton, SkeletonBlock } from '../../components/Skeleton';
import { Badge } from '../../components/StatusBadge';
import { InvoiceSheet } from '../invoices/InvoiceSheet';
import { AssignmentsSection } from '../time/AssignmentsSection';
import { QualityGates, useBlockerLines } from './gates';
import { RiskBadge, StageBadge } from './parts';
import { isWorkStage, moveHintKey } from './rules';

export function ProjectDetailSheet({
  projectId,
  version,
  hubs,
  timeZone,
  today,
  onClose,
  returnFocus,
  onMove,
  onDeliver,
  onChanged,
}: {
  projectId: number | null;
  /** Bumped by the page when the project changed elsewhere (a move on the board, a delivery): reload. */
  version: number;
  hubs: Hub[];
  timeZone: string | undefined;
  today: string;
  onClose: () => void;
  returnFocus: () => HTMLElement | null;
  onMove: (card: BoardCard, to: (typeof WORK_STAGES)[number]) => void;
  onDeliver: (card: BoardCard) => void;
  /** A gate was reviewed: the board's card changes too. */
  onChanged: () => void;
}) {
  const { t } = useTranslation('projects');
  return (
    <Sheet
      open={projectId !== null}
      onClose={onClose}
      width="w-[min(720px,calc(100vw-40px))]"
      testId="project-detail"
      returnFocus={returnFocus}
    >
      {projectId !== null ? (
        <DetailBody
          key={projectId}
          projectId={projectId}
          version={version}
          hubs={hubs}
          timeZone={timeZone}
          today={today}
          onMove={onMove}
          onDeliver={onDeliver}
          onChanged={onChanged}
        />
      ) : (
        <Dialog.Title className="sr-only">{t('detail.loading')}</Dialog.Title>
      )}
    </Sheet>
  );
}

function Section({ title, children, actions }: { title: ReactNode; children: ReactNode; actions?: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <div className="mb-2.5 flex items-center justify-between gap-3">
        <h3 id={id} className="text-[13px] font-semibold text-fg">
          {title}
        </h3>
        {actions}
      </div>
      {children}
    </section>
  );
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="min-w-0 rounded-[10px] border border-line px-3 py-2.5" data-testid={testId}>
      <dt className="truncate text-[12px] text-muted">{label}</dt>
      <dd className="mt-1 flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-[14px] font-semibold text-fg tabular-nums">
        {children}
      </dd>
    </div>
  );
}

function DetailBody({
  projectId,
  version,
  hubs,
  timeZone,
  today,
  onMove,
  onDeliver,
  onChanged,
}: {
  projectId: number;
  version: number;
  hubs: Hub[];
  timeZone: string | undefined;
  today: string;
  onMove: (card: BoardCard, to: (typeof WORK_STAGES)[number]) => void;
  onDeliver: (card: BoardCard) => void;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation('projects');
  const lang = i18n.language;
  const detail = useApiQuery('projects/get', { id: projectId });
  const people = useApiQuery('people/list', {});
  const [invoiceId, setInvoiceId] = useState<number | null>(null);
  const blockers = useBlockerLines(detail.data);
  const blockersId = useId();
  const { reload } = detail;

  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the trigger.
  useEffect(() => {
    if (version > 0) reload();
  }, [version]);

  const close = (
    <Dialog.Close asChild>
      <Button variant="ghost" size="icon-sm" aria-label={t('common.close', { ns: 'translation' })}>
        <X />
      </Button>
    </Dialog.Close>
  );

  const d = detail.data;
  if (!d) {
    return (
      <>
        <div className="flex items-start justify-between gap-4 border-b border-line px-6 py-4">
          <Dialog.Title className="text-[17px] font-semibold text-fg">
            {detail.status === 'error' ? t('detail.error') : <Skeleton className="h-6 w-56" />}
            <span className="sr-only">{t('detail.loading')}</span>
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

  const hub = hubs.find((h) => h.id === d.hubId);
  const open = isWorkStage(d.stage);
  const left = daysBetween(today, d.dueDate);

  return (
    <>
      <header className="flex items-start justify-between gap-4 border-b border-line px-6 py-4">
        <div className="min-w-0">
          <Dialog.Title className="truncate text-[17px] font-semibold text-fg">{d.name}</Dialog.Title>
          <div className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-[12.5px] text-muted">
            <StageBadge stage={d.stage} />
            <span className="font-medium text-fg">{d.clientName}</span>
            <span>{d.serviceName}</span>
            {hub ? (
              <span className="flex items-center gap-1.5">
                <HubDot color={hub.color} />
                {hub.name}
              </span>
            ) : null}
          </div>
        </div>
        <div className="flex shrink-0 items-center gap-2">
          {open ? <MoveMenu project={d} onMove={onMove} /> : null}
          {close}
        </div>
      </header>

      <div className="min-h-0 flex-1 overflow-y-auto px-6 py-5">
        <div className="flex flex-col gap-6">
          <dl className="grid grid-cols-4 gap-2.5">
            <Fact label={t('detail.value')}>{formatMoney(d.valueMinor, d.currency, lang)}</Fact>
            <Fact label={t('detail.started')}>{formatDate(d.startDate, lang)}</Fact>
            <Fact label={t('detail.due')} testId="detail-due">
              {formatDate(d.dueDate, lang)}
            </Fact>
            {d.deliveredAt ? (
              <Fact label={t('detail.delivered')} testId="detail-delivered">
                {formatDate(d.deliveredAt, lang, timeZone)}
                {d.paidOn ? (
                  <span className="text-[12px] font-normal text-muted">
                    {t('card.paidOn', { date: formatDate(d.paidOn, lang) })}
                  </span>
                ) : null}
              </Fact>
            ) : (
              <Fact label={t('detail.risk')}>
                <RiskBadge risk={d.risk} />
                <span className="text-[12px] font-normal text-muted">
                  {left < 0
                    ? t('detail.daysLate', { count: -left })
                    : left === 0
                      ? t('detail.dueToday')
                      : t('detail.daysLeft', { count: left })}
                </span>
              </Fact>
            )}
          </dl>

          {open ? (
            <Section title={t('detail.delivery')}>
              <div
                className={cn(
                  'flex items-start justify-between gap-4 rounded-[10px] border px-4 py-3',
                  blockers.length > 0
                    ? 'border-warning-text/25 bg-warning-soft text-warning-text'
                    : 'border-success-text/20 bg-success-soft text-success-text',
                )}
              >
                <div className="flex min-w-0 gap-2.5 text-[13px]">
                  {blockers.length > 0 ? (
                    <ShieldAlert className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
                  ) : (
                    <ShieldCheck className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
                  )}
                  <div id={blockersId} data-testid="delivery-blockers">
                    <p className="font-semibold">
                      {blockers.length > 0 ? t('detail.blockedTitle') : t('detail.readyTitle')}
                    </p>
                    {blockers.length > 0 ? (
                      <ul className="mt-0.5 list-disc pl-4 opacity-95">
                        {blockers.map((b) => (
                          <li key={b}>{b}</li>
                        ))}
                      </ul>
                    ) : (
                      <p className="opacity-95">{t('detail.readyText')}</p>
                    )}
                  </div>
                </div>
                <Button
                  variant="primary"
                  icon={<PackageCheck />}
                  disabled={blockers.length > 0}
                  aria-describedby={blockersId}
                  onClick={() => onDeliver(d)}
                >
                  {t('detail.deliver')}
                </Button>
              </div>
            </Section>
          ) : null}

          {d.invoiceIds.length > 0 ? (
            <Section title={t('detail.invoices')}>
              <ProjectInvoices ids={d.invoiceIds} onOpen={setInvoiceId} />
            </Section>
          ) : null}

          <AssignmentsSection projectId={d.id} canAssign={open} today={today} onChanged={onChanged} />

          <Section
            title={t('detail.gates')}
            actions={
              <span className="text-[12px] text-muted">{t('detail.gatesPassed', { count: d.gatesPassed })}</span>
            }
          >
            <QualityGates
              project={d}
              people={people.data ?? []}
              timeZone={timeZone}
              today={today}
              onReviewed={(next) => {
                detail.setData(() => next);
                onChanged();
              }}
            />
          </Section>

          <Section title={t('detail.history')}>
            <dl className="mb-3 grid grid-cols-4 gap-2.5">
              <Fact label={t('detail.revisionCycles')} testId="detail-revisions">
                {formatNumber(d.revisionCycles, lang)}
              </Fact>
              <Fact label={t('detail.firstPass')}>
                <YesNo value={d.firstPassApproved} pending={t('detail.notYetDelivered')} />
              </Fact>
              <Fact label={t('detail.sameDay')}>
                <YesNo value={d.sameDayDelivery} pending={t('detail.notYetDelivered')} />
              </Fact>
              <Fact label={t('detail.satisfaction')}>
                {d.satisfaction !== null ? (
                  t('detail.satisfactionValue', { value: d.satisfaction })
                ) : (
                  <span className="text-[12.5px] font-normal text-muted">
                    {d.deliveredAt ? t('detail.notRated') : t('detail.atDelivery')}
                  </span>
                )}
              </Fact>
            </dl>
            <History history={d.history} timeZone={timeZone} />
          </Section>
        </div>
      </div>
      <InvoiceSheet
        invoiceId={invoiceId}
        today={today}
        onClose={() => setInvoiceId(null)}
        onOpenInvoice={setInvoiceId}
        onChanged={() => {
          detail.reload();
          onChanged();
        }}
      />
    </>
  );
}

function YesNo({ value, pending }: { value: boolean | null; pending: string }) {
  const { t } = useTranslation('projects');
  if (value === null) return <span className="text-[12.5px] font-normal text-muted">{pending}</span>;
  return value ? <Badge tone="success">{t('detail.yes')}</Badge> : <Badge tone="neutral">{t('detail.no')}</Badge>;
}

function MoveMenu({
  project,
  onMove,
}: {
  project: ProjectDetail;
  onMove: (card: BoardCard, to: (typeof WORK_STAGES)[number]) => void;
}) {
  const { t } = useTranslation('projects');
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild>
        <Button size="sm">
          {t('detail.moveTo')}
          <ChevronDown className="text-faint" aria-hidden="true" />
        </Button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={4} className={cn(MENU_CONTENT, 'min-w-52')}>
          {WORK_STAGES.filter((s) => s !== project.stage).map((s) => {
            const hint = moveHintKey(project.stage, s);
            return (
              <DropdownMenu.Item
                key={s}
                disabled={hint !== null}
                className={MENU_ITEM}
                onSelect={() => onMove(project, s)}
              >
                <span className="flex-1">{t(`stage.${s}`)}</span>
                {hint ? <span className="text-[11px] text-faint">{t(hint)}</span> : null}
              </DropdownMenu.Item>
            );
          })}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

const ACTORS = new Set(['demo', 'electron', 'web', 'cli', 'test']);

function History({ history, timeZone }: { history: ProjectStageChange[]; timeZone: string | undefined }) {
  const { t, i18n } = useTranslation('projects');
  const lang = i18n.language;
  let revisions = 0;
  return (
    <ol className="relative flex flex-col" data-testid="stage-history">
      {history.map((h, i) => {
        const revision = h.toStage === 'revision' ? ++revisions : 0;
        const last = i === history.length - 1;
        return (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: the history is append-only; its order is its identity.
            key={i}
            className="relative flex gap-3 pb-3 last:pb-0"
            data-testid="history-entry"
          >
            {last ? null : <span aria-hidden="true" className="absolute top-4 bottom-0 left-[5px] w-px bg-line" />}
            <span
              aria-hidden="true"
              className={cn(
                'relative mt-1.5 size-[11px] shrink-0 rounded-full border-2',
                last ? 'border-accent bg-accent' : 'border-line-strong bg-surface',
              )}
            />
            <div className="flex min-w-0 flex-1 flex-wrap items-baseline justify-between gap-x-3">
              <p className="flex items-center gap-1.5 text-[13px] text-fg">
                {h.fromStage ? (
                  <>
                    <span className="text-muted">{t(`stage.${h.fromStage}`)}</span>
                    <ArrowRight className="size-3.5 text-faint" aria-label={t('history.to')} />
                  </>
                ) : (
                  <span className="text-muted">{t('history.created')}</span>
                )}
                <span className="font-medium">
                  {h.fromStage ? t(`stage.${h.toStage}`) : t(`stageInSentence.${h.toStage}`)}
                </span>
                {revision > 0 ? <Badge tone="warning">{t('history.revision', { n: revision })}</Badge> : null}
              </p>
              <p className="text-[12px] text-muted tabular-nums">
                {formatDateTime(h.at, lang, timeZone)}
                <span className="text-faint">
                  {' · '}
                  {ACTORS.has(h.actor) ? t(`history.actor.${h.actor as 'demo'}`) : h.actor}
                </span>
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

function ProjectInvoices({ ids, onOpen }: { ids: number[]; onOpen: (id: number) => void }) {
  const { t, i18n } = useTranslation('projects');
  const { t: ti } = useTranslation('invoices');
  const lang = i18n.language;
  const [invoices, setInvoices] = useState<InvoiceSummary[] | null>(null);
  const key = ids.join(',');

  // biome-ignore lint/correctness/useExhaustiveDependencies: the ids (as a key) are the trigger.
  useEffect(() => {
    let live = true;
    void Promise.all(ids.map((id) => api.call('invoices/get', { id }))).then((results) => {
      if (live) setInvoices(results.flatMap((r) => (r.ok ? [r.value] : [])));
    });
    return () => {
      live = false;
    };
  }, [key]);

  if (!invoices) return <SkeletonBlock lines={Math.min(ids.length, 2)} />;
  return (
    <ul className="flex flex-col divide-y divide-line rounded-[10px] border border-line" data-testid="project-invoices">
      {invoices.map((inv) => (
        <li key={inv.id} className="flex items-center justify-between gap-3 px-3 py-2 text-[13px]">
          <span className="flex min-w-0 items-center gap-2">
            <FileText className="size-4 shrink-0 text-faint" aria-hidden="true" />
            <Button variant="link" onClick={() => onOpen(inv.id)}>
              {inv.number ?? t('detail.draftInvoice')}
            </Button>
            <span className="text-muted">{ti(`kind.${inv.kind}`)}</span>
          </span>
          <span className="flex items-center gap-3">
            <span className="text-muted">{ti(`status.${inv.status}`)}</span>
            <span className="font-medium tabular-nums">{formatMoney(inv.totalMinor, inv.currency, lang)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
