/**
 * The subscriptions with their status today and the actions that change them
 * from a date on (fee change, pause, resume, cancel), and each one's change log.
 */
import {
  CircleCheck,
  CircleX,
  Clock,
  History,
  MoreHorizontal,
  Pause,
  Play,
  Plus,
  Repeat,
  TrendingUp,
} from 'lucide-react';
import { DropdownMenu, Popover } from 'radix-ui';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubscriptionStatus } from '../../../../shared/domain';
import type { Subscription, SubscriptionChange } from '../../../../shared/money';
import { formatDate, formatMoney } from '../../app/format';
import { useWorkspaceToday } from '../../app/today';
import type { Loadable } from '../../app/useApi';
import { Button } from '../../components/Button';
import { Card, CardHeader } from '../../components/Card';
import { cn } from '../../components/cn';
import { columnHelper, DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { SkeletonBlock } from '../../components/Skeleton';
import { Tip } from '../../components/Tooltip';
import { type ChangeKind, NewSubscriptionDialog, SubscriptionChangeDialog } from './SubscriptionDialogs';

const col = columnHelper<Subscription>();

const STATUS_STYLE: Record<SubscriptionStatus, { icon: typeof CircleCheck; className: string }> = {
  active: { icon: CircleCheck, className: 'bg-success-soft text-success-text' },
  paused: { icon: Pause, className: 'bg-warning-soft text-warning-text' },
  cancelled: { icon: CircleX, className: 'bg-subtle text-muted' },
  scheduled: { icon: Clock, className: 'bg-info-soft text-info-text' },
};

export function StatusBadge({ status }: { status: SubscriptionStatus }) {
  const { t } = useTranslation('finance');
  const { icon: Icon, className } = STATUS_STYLE[status];
  return (
    <span
      className={cn('inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-[12px] font-medium', className)}
      data-testid="subscription-status"
    >
      <Icon className="size-3.5" aria-hidden="true" />
      {t(`subscriptions.status.${status}`)}
    </span>
  );
}

/** The date the status shown began: the start, the last resume, the pause, the cancellation. */
function statusSince(s: Subscription, today: string): string {
  if (s.status === 'scheduled') return s.startedOn;
  const kinds = s.status === 'active' ? ['start', 'resume'] : s.status === 'paused' ? ['pause'] : ['cancel'];
  const match = s.changes.filter((c) => kinds.includes(c.kind) && c.effectiveOn <= today).at(-1);
  return match?.effectiveOn ?? s.startedOn;
}

export function SubscriptionsList({
  query,
  onChanged,
  hubName = null,
}: {
  query: Loadable<Subscription[]> & { reload: () => void };
  onChanged: () => void;
  /** The top bar's hub filter, when one hub is chosen: the list holds its clients' subscriptions only. */
  hubName?: string | null;
}) {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language;
  const today = useWorkspaceToday();
  const [creating, setCreating] = useState(false);
  const [changing, setChanging] = useState<{ sub: Subscription; kind: ChangeKind } | null>(null);

  const columns = useMemo(
    () =>
      col.columns([
        col.accessor('clientName', {
          header: () => t('subscriptions.client'),
          cell: (c) => <span className="font-medium">{c.getValue()}</span>,
        }),
        col.accessor('serviceName', { header: () => t('subscriptions.service') }),
        col.accessor('feeMinor', {
          header: () => t('subscriptions.fee'),
          cell: (c) => (
            <span className={cn(c.row.original.status === 'cancelled' && 'text-faint line-through')}>
              {formatMoney(c.getValue(), c.row.original.currency, lang)}
            </span>
          ),
        }),
        col.accessor('currency', {
          header: () => t('subscriptions.currency'),
          cell: (c) => <span className="text-muted">{c.getValue()}</span>,
        }),
        col.accessor('status', {
          header: () => t('subscriptions.statusLabel'),
          cell: (c) => <StatusBadge status={c.getValue()} />,
        }),
        col.display({
          id: 'since',
          header: () => t('subscriptions.since'),
          cell: (c) => (
            <span className="text-muted tabular-nums">{formatDate(statusSince(c.row.original, today), lang)}</span>
          ),
        }),
        col.display({
          id: 'actions',
          header: () => <span className="sr-only">{t('actions')}</span>,
          cell: (c) => (
            <RowActions
              sub={c.row.original}
              today={today}
              onAction={(kind) => setChanging({ sub: c.row.original, kind })}
            />
          ),
        }),
      ]),
    [t, lang, today],
  );

  let body: ReactNode;
  if (query.status === 'error') body = <ErrorState error={query.error} onRetry={query.reload} />;
  else if (!query.data) body = <SkeletonBlock lines={4} className="p-5" />;
  else
    body = (
      <DataTable
        columns={columns}
        data={query.data}
        label={t('subscriptions.title')}
        rightAligned={['feeMinor', 'actions']}
        rowTestId="subscription-row"
        sortable
        getRowId={(s) => String(s.id)}
        empty={
          <EmptyState
            icon={Repeat}
            titleLevel={3}
            title={hubName ? t('subscriptions.emptyHubTitle', { hub: hubName }) : t('subscriptions.emptyTitle')}
            description={
              hubName ? t('subscriptions.emptyHubDescription', { hub: hubName }) : t('subscriptions.emptyDescription')
            }
          >
            <Button variant="primary" icon={<Plus />} onClick={() => setCreating(true)}>
              {t('subscriptions.new')}
            </Button>
          </EmptyState>
        }
      />
    );

  return (
    <Card>
      <CardHeader
        title={t('subscriptions.title')}
        description={t('subscriptions.description', { date: formatDate(today, lang) })}
        actions={
          <Button variant="primary" icon={<Plus />} onClick={() => setCreating(true)}>
            {t('subscriptions.new')}
          </Button>
        }
      />
      {body}
      {creating ? (
        <NewSubscriptionDialog
          onClose={() => setCreating(false)}
          onSaved={() => {
            setCreating(false);
            onChanged();
          }}
        />
      ) : null}
      {changing ? (
        <SubscriptionChangeDialog
          sub={changing.sub}
          kind={changing.kind}
          onClose={() => setChanging(null)}
          onSaved={() => {
            setChanging(null);
            onChanged();
          }}
        />
      ) : null}
    </Card>
  );
}

function RowActions({
  sub,
  today,
  onAction,
}: {
  sub: Subscription;
  today: string;
  onAction: (kind: ChangeKind) => void;
}) {
  const { t } = useTranslation('finance');
  const ended = sub.status === 'cancelled';
  const item =
    'flex h-8 cursor-default select-none items-center gap-2 rounded-md px-2 text-[13px] text-fg outline-none data-[highlighted]:bg-hover data-[disabled]:opacity-45 [&_svg]:size-4 [&_svg]:text-muted';
  return (
    <span className="flex justify-end gap-1">
      <HistoryPopover sub={sub} today={today} />
      <DropdownMenu.Root modal={false}>
        <Tip label={t('subscriptions.actions')}>
          <DropdownMenu.Trigger asChild>
            <Button
              variant="ghost"
              size="icon-sm"
              aria-label={t('subscriptions.actionsFor', { client: sub.clientName, service: sub.serviceName })}
            >
              <MoreHorizontal />
            </Button>
          </DropdownMenu.Trigger>
        </Tip>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            align="end"
            sideOffset={4}
            className="shadow-float z-50 min-w-48 animate-slide-down rounded-[10px] border border-line bg-surface p-1"
          >
            <DropdownMenu.Item className={item} disabled={ended} onSelect={() => onAction('change')}>
              <TrendingUp />
              {t('subscriptions.actionsMenu.change')}
            </DropdownMenu.Item>
            <DropdownMenu.Item className={item} disabled={sub.status !== 'active'} onSelect={() => onAction('pause')}>
              <Pause />
              {t('subscriptions.actionsMenu.pause')}
            </DropdownMenu.Item>
            <DropdownMenu.Item className={item} disabled={sub.status !== 'paused'} onSelect={() => onAction('resume')}>
              <Play />
              {t('subscriptions.actionsMenu.resume')}
            </DropdownMenu.Item>
            <DropdownMenu.Separator className="my-1 h-px bg-line" />
            <DropdownMenu.Item
              className={cn(item, 'text-danger-text [&_svg]:text-danger-text')}
              disabled={ended}
              onSelect={() => onAction('cancel')}
            >
              <CircleX />
              {t('subscriptions.actionsMenu.cancel')}
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
    </span>
  );
}

function HistoryPopover({ sub, today }: { sub: Subscription; today: string }) {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language;
  const describeChange = (c: SubscriptionChange) =>
    c.feeMinor !== null
      ? t(`subscriptions.history.${c.kind === 'start' ? 'start' : 'change'}`, {
          fee: formatMoney(c.feeMinor, sub.currency, lang),
        })
      : t(`subscriptions.history.${c.kind as 'pause' | 'resume' | 'cancel'}`);
  return (
    <Popover.Root>
      <Tip label={t('subscriptions.historyLabel')}>
        <Popover.Trigger asChild>
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label={t('subscriptions.historyFor', { client: sub.clientName, service: sub.serviceName })}
          >
            <History />
          </Button>
        </Popover.Trigger>
      </Tip>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={6}
          className="shadow-float z-50 w-80 animate-slide-down rounded-xl border border-line bg-surface p-4"
          aria-label={t('subscriptions.historyFor', { client: sub.clientName, service: sub.serviceName })}
          data-testid="subscription-history"
        >
          <p className="text-[13px] font-semibold text-fg">{t('subscriptions.historyTitle')}</p>
          <p className="mb-3 text-[12px] text-muted">
            {sub.clientName} · {sub.serviceName}
          </p>
          <ol className="relative flex flex-col gap-3 border-l border-line pl-4">
            {[...sub.changes].reverse().map((c) => (
              <li key={c.id} className="relative text-[13px]" data-testid="history-entry">
                <span
                  aria-hidden="true"
                  className={cn(
                    'absolute top-1.5 -left-[21px] size-2.5 rounded-full border-2 border-surface',
                    c.kind === 'cancel' ? 'bg-danger' : c.kind === 'pause' ? 'bg-hub-amber' : 'bg-accent',
                  )}
                />
                <p className="font-medium text-fg">{describeChange(c)}</p>
                <p className="text-[12px] text-muted tabular-nums">
                  {c.effectiveOn > today
                    ? t('subscriptions.history.from', { date: formatDate(c.effectiveOn, lang) })
                    : t('subscriptions.history.on', { date: formatDate(c.effectiveOn, lang) })}
                </p>
                {formatDate(c.createdAt, lang) !== formatDate(c.effectiveOn, lang) ? (
                  <p className="text-[12px] text-faint tabular-nums">
                    {t('subscriptions.history.recorded', { date: formatDate(c.createdAt, lang) })}
                  </p>
                ) : null}
                {c.note ? <p className="mt-0.5 text-[12px] text-muted italic">{c.note}</p> : null}
              </li>
            ))}
          </ol>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
