import type { TFunction } from 'i18next';
import { ArrowUpRight, Pencil, X } from 'lucide-react';
import { Dialog, Tabs } from 'radix-ui';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type { Hub } from '../../../../shared/contract';
import { LEAD_CHANNELS, LEAD_STAGES, type Tier } from '../../../../shared/domain';
import type {
  ClientActivity,
  ClientLead,
  ClientProject,
  ClientDetail as Detail,
  InvoiceSummary,
  MissingRate,
  Subscription,
} from '../../../../shared/money';
import { api } from '../../app/api';
import { countryName, formatDate, formatList, formatMoney, formatNumber } from '../../app/format';
import { useApiQuery } from '../../app/useApi';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { columnHelper, DataTable } from '../../components/DataTable';
import { ConfirmDialog, Sheet } from '../../components/Dialog';
import { ErrorState } from '../../components/ErrorState';
import { HubDot } from '../../components/HubDot';
import { Skeleton, SkeletonBlock } from '../../components/Skeleton';
import { InvoiceStatusBadge, StatusBadge, SubscriptionBadge, TierBadge } from './badges';
import { ClientDialog } from './ClientDialog';
import { wholeMoney } from './ClientsTable';
import { HealthPanel } from './health';
import { PaymentTerms } from './PaymentTerms';
import { SatisfactionTrend } from './SatisfactionTrend';

/** "EUR rate missing on or before 2026-05-03", for every rate a figure needed. */
export function useMissingRatesNote(rates: MissingRate[]): string | null {
  const { t, i18n } = useTranslation('clients');
  if (rates.length === 0) return null;
  return formatList(
    rates.map((r) => t('missing.rate', { currency: r.currency, date: formatDate(r.date, i18n.language) })),
    i18n.language,
  );
}

/** The tier ranges (PRODUCT.md §1) in the reporting currency, as the core's suggestion reads them. */
function tierRange(tier: Tier, currency: string, locale: string, t: ClientsT) {
  const m = (minor: number) => wholeMoney(minor, currency, locale);
  if (tier === 1) return t('tierCard.range1', { min: m(50_000) });
  if (tier === 2) return t('tierCard.range2', { min: m(10_000), max: m(50_000) });
  return t('tierCard.range3', { max: m(10_000) });
}

function Section({
  title,
  children,
  actions,
  className,
}: {
  title: ReactNode;
  children: ReactNode;
  actions?: ReactNode;
  className?: string;
}) {
  return (
    <section className={className}>
      <div className="mb-2 flex items-center justify-between gap-3">
        <h3 className="text-[13px] font-semibold text-fg">{title}</h3>
        {actions}
      </div>
      {children}
    </section>
  );
}

function Figure({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <div className="min-w-0 rounded-[10px] border border-line px-3 py-2.5">
      <dt className="truncate text-[12px] text-muted">{label}</dt>
      <dd className="mt-0.5 truncate text-[17px] font-semibold text-fg tabular-nums">{value}</dd>
      {hint ? <dd className="truncate text-[11.5px] text-faint">{hint}</dd> : null}
    </div>
  );
}

/** The client detail as a wide side sheet: health explained, tier, payment terms, and the records behind them. */
export function ClientDetailSheet({
  clientId,
  hubs,
  currency,
  onClose,
  onChanged,
  returnFocus,
}: {
  clientId: number | null;
  hubs: Hub[];
  currency: string;
  onClose: () => void;
  /** Where focus goes back on close (the row or button that opened the sheet). */
  returnFocus?: () => HTMLElement | null;
  /** Something about the client changed (list and alerts reload). */
  onChanged: () => void;
}) {
  const { t } = useTranslation('clients');
  return (
    <Sheet
      open={clientId !== null}
      onClose={onClose}
      width="w-[min(880px,calc(100vw-40px))]"
      testId="client-detail"
      returnFocus={returnFocus}
    >
      {clientId !== null ? (
        <DetailBody clientId={clientId} hubs={hubs} currency={currency} onChanged={onChanged} />
      ) : (
        <Dialog.Title className="sr-only">{t('detail.loadingTitle')}</Dialog.Title>
      )}
    </Sheet>
  );
}

function DetailBody({
  clientId,
  hubs,
  currency,
  onChanged,
}: {
  clientId: number;
  hubs: Hub[];
  currency: string;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation('clients');
  const lang = i18n.language;
  const detail = useApiQuery('clients/get', { id: clientId });
  const [editing, setEditing] = useState(false);
  const [confirmTier, setConfirmTier] = useState(false);
  const d = detail.data;
  const missingNote = useMissingRatesNote(d?.missingRates ?? []);
  const hub = d && d.hubId !== null ? hubs.find((h) => h.id === d.hubId) : undefined;

  const changed = () => {
    detail.reload();
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

  return (
    <>
      <header className="flex items-start justify-between gap-4 border-b border-line px-6 py-4">
        <div className="min-w-0">
          <Dialog.Title className="truncate text-[17px] font-semibold text-fg">{d.name}</Dialog.Title>
          <div className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-[12.5px] text-muted">
            <TierBadge tier={d.tier} />
            <span>{t(`vertical.${d.vertical}`)}</span>
            <span className="flex items-center gap-1.5">
              {hub ? <HubDot color={hub.color} /> : null}
              {hub ? hub.name : t('noHub')}
            </span>
            <span>{countryName(d.country, lang)}</span>
            {d.email ? <span className="truncate">{d.email}</span> : null}
            <StatusBadge status={d.health.status} />
          </div>
        </div>
        <div className="flex shrink-0 items-center gap-1">
          <Button size="sm" icon={<Pencil />} onClick={() => setEditing(true)}>
            {t('detail.edit')}
          </Button>
          {close}
        </div>
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto px-6 py-5">
        {d.missingRates.length > 0 ? (
          <Banner tone="warning" title={t('missing.title')} className="mb-4">
            {missingNote}
          </Banner>
        ) : null}
        <dl className="grid grid-cols-4 gap-3">
          <Figure
            label={t('detail.revenue')}
            value={d.revenueToDateMinor === null ? '—' : wholeMoney(d.revenueToDateMinor, currency, lang)}
            hint={d.revenueToDateMinor === null ? (missingNote ?? undefined) : undefined}
          />
          <Figure
            label={t('detail.projectsDelivered')}
            value={formatNumber(d.projectsDelivered, lang, 0)}
            hint={d.projectsOpen > 0 ? t('openProjects', { count: d.projectsOpen }) : undefined}
          />
          <Figure
            label={t('columns.lastDelivery')}
            value={d.lastDeliveryDate ? formatDate(d.lastDeliveryDate, lang) : t('never')}
          />
          <Figure
            label={t('detail.mrr')}
            value={
              d.subscription.mrrMinor === null
                ? '—'
                : d.subscription.status === 'active'
                  ? wholeMoney(d.subscription.mrrMinor, currency, lang)
                  : t(`subscription.${d.subscription.status}`)
            }
          />
        </dl>

        <Section title={t('health.title')} className="mt-6">
          <div className="rounded-[10px] border border-line p-4">
            <HealthPanel health={d.health} />
          </div>
        </Section>

        <div className="mt-6 grid grid-cols-2 gap-4">
          <Section title={t('tierCard.title')}>
            <div
              className="flex h-[calc(100%-28px)] flex-col gap-3 rounded-[10px] border border-line p-4"
              data-testid="tier-card"
            >
              <p className="text-[13px] text-fg">
                <span className="font-medium">{t(`tier.long.${d.tier}`)}</span>
                <span className="text-muted"> · {tierRange(d.tier, currency, lang, t)}</span>
              </p>
              <p className="text-[12.5px] text-muted">
                {d.averageProjectMinor === null
                  ? t('tierCard.noAverage')
                  : t('tierCard.average', {
                      amount: wholeMoney(d.averageProjectMinor, currency, lang),
                      count: d.projectsDelivered,
                    })}
              </p>
              {d.suggestedTier !== null ? (
                <Banner
                  tone="info"
                  role="status"
                  title={t('tierCard.suggestion', { tier: d.suggestedTier })}
                  actions={
                    <Button size="sm" variant="primary" icon={<ArrowUpRight />} onClick={() => setConfirmTier(true)}>
                      {t('tierCard.apply', { tier: d.suggestedTier })}
                    </Button>
                  }
                >
                  {tierRange(d.suggestedTier, currency, lang, t)}
                </Banner>
              ) : (
                <p className="text-[12px] text-faint">{t('tierCard.noSuggestion')}</p>
              )}
            </div>
          </Section>
          <Section title={t('terms.title')}>
            <div className="rounded-[10px] border border-line p-4">
              <PaymentTerms key={d.id} client={d} onSaved={changed} />
            </div>
          </Section>
        </div>

        <DetailTabs detail={d} currency={currency} />
      </div>

      {editing ? (
        <ClientDialog
          client={d}
          hubs={hubs}
          defaultHub={null}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            toast.success(t('toast.saved'));
            changed();
          }}
        />
      ) : null}
      {d.suggestedTier !== null ? (
        <ConfirmDialog
          open={confirmTier}
          onOpenChange={setConfirmTier}
          destructive={false}
          title={t('tierCard.confirmTitle', { name: d.name, tier: d.suggestedTier })}
          description={t('tierCard.confirmDescription', {
            from: d.tier,
            tier: d.suggestedTier,
            amount: d.averageProjectMinor === null ? '—' : wholeMoney(d.averageProjectMinor, currency, lang),
          })}
          confirmLabel={t('tierCard.apply', { tier: d.suggestedTier })}
          onConfirm={async () => {
            const tier = d.suggestedTier;
            if (tier === null) return null;
            const result = await api.call('clients/update', { id: d.id, patch: { tier } });
            if (!result.ok) return result.error;
            toast.success(t('tierCard.applied', { name: d.name, tier }));
            changed();
            return null;
          }}
        />
      ) : null}
    </>
  );
}

// ---------- Records behind the health ----------

const projectCol = columnHelper<ClientProject>();
const leadCol = columnHelper<ClientLead>();
const invoiceCol = columnHelper<InvoiceSummary>();
const subCol = columnHelper<Subscription>();

type TabId = 'projects' | 'invoices' | 'subscriptions' | 'leads' | 'satisfaction' | 'activity';

function DetailTabs({ detail: d, currency }: { detail: Detail; currency: string }) {
  const { t, i18n } = useTranslation('clients');
  const lang = i18n.language;
  const [tab, setTab] = useState<TabId>('projects');

  const projectColumns = useMemo(
    () =>
      projectCol.columns([
        projectCol.accessor('name', {
          header: () => t('projects.name'),
          cell: (c) => (
            <span className="block max-w-[220px] truncate font-medium" title={c.getValue()}>
              {c.getValue()}
            </span>
          ),
        }),
        projectCol.accessor('stage', {
          header: () => t('projects.stage'),
          cell: (c) => <span className="text-muted">{t(`projectStage.${c.getValue()}`)}</span>,
        }),
        projectCol.accessor('valueMinor', {
          header: () => t('projects.value'),
          cell: (c) => formatMoney(c.getValue(), c.row.original.currency, lang),
        }),
        projectCol.accessor('deliveredAt', {
          header: () => t('projects.delivered'),
          cell: (c) =>
            c.getValue() ? (
              dateOf(c.getValue(), lang)
            ) : (
              <span className="text-faint">{t('projects.due', { date: dateOf(c.row.original.dueDate, lang) })}</span>
            ),
        }),
        projectCol.accessor('satisfaction', {
          header: () => t('projects.satisfaction'),
          cell: (c) => {
            const v = c.getValue();
            return v === null ? (
              <span className="text-faint">—</span>
            ) : (
              t('projects.outOfTen', { score: formatNumber(v, lang, 1) })
            );
          },
        }),
        projectCol.accessor('revisionCycles', {
          header: () => t('projects.revisions'),
          cell: (c) => formatNumber(c.getValue(), lang, 0),
        }),
      ]),
    [t, lang],
  );

  const invoiceColumns = useMemo(
    () =>
      invoiceCol.columns([
        invoiceCol.accessor('number', {
          header: () => t('invoices.number'),
          cell: (c) => <span className="font-medium tabular-nums">{c.getValue() ?? t('invoices.draft')}</span>,
        }),
        invoiceCol.accessor('kind', {
          header: () => t('invoices.kind'),
          cell: (c) => <span className="text-muted">{t(`invoiceKind.${c.getValue()}`)}</span>,
        }),
        invoiceCol.accessor('status', {
          header: () => t('invoices.status'),
          cell: (c) => (
            <span className="inline-flex items-center gap-1.5">
              <InvoiceStatusBadge status={c.getValue()} />
              {c.row.original.daysOverdue > 0 ? (
                <span className="text-[11.5px] text-danger-text">
                  {t('invoices.daysOverdue', { count: c.row.original.daysOverdue })}
                </span>
              ) : null}
            </span>
          ),
        }),
        invoiceCol.accessor('issueDate', {
          header: () => t('invoices.issued'),
          cell: (c) => dateOf(c.getValue(), lang),
        }),
        invoiceCol.accessor('dueDate', { header: () => t('invoices.due'), cell: (c) => dateOf(c.getValue(), lang) }),
        invoiceCol.accessor('totalMinor', {
          header: () => t('invoices.total'),
          cell: (c) => formatMoney(c.getValue(), c.row.original.currency, lang),
        }),
        invoiceCol.accessor('balanceMinor', {
          header: () => t('invoices.balance'),
          cell: (c) =>
            c.getValue() === 0 ? (
              <span className="text-faint">{formatMoney(0, c.row.original.currency, lang)}</span>
            ) : (
              <span className="font-medium">{formatMoney(c.getValue(), c.row.original.currency, lang)}</span>
            ),
        }),
      ]),
    [t, lang],
  );

  const subColumns = useMemo(
    () =>
      subCol.columns([
        subCol.accessor('serviceName', {
          header: () => t('subscriptions.service'),
          cell: (c) => <span className="font-medium">{c.getValue()}</span>,
        }),
        subCol.accessor('status', {
          header: () => t('subscriptions.status'),
          cell: (c) => <SubscriptionBadge status={c.getValue()} />,
        }),
        subCol.accessor('feeMinor', {
          header: () => t('subscriptions.fee'),
          cell: (c) => t('perMonth', { amount: formatMoney(c.getValue(), c.row.original.currency, lang) }),
        }),
        subCol.accessor('startedOn', {
          header: () => t('subscriptions.started'),
          cell: (c) => dateOf(c.getValue(), lang),
        }),
        subCol.accessor('endedOn', {
          header: () => t('subscriptions.ended'),
          cell: (c) => (c.getValue() ? dateOf(c.getValue(), lang) : <span className="text-faint">—</span>),
        }),
        subCol.accessor((s) => s.changes.length, {
          id: 'changes',
          header: () => t('subscriptions.changes'),
          cell: (c) => formatNumber(c.getValue(), lang, 0),
        }),
      ]),
    [t, lang],
  );

  const leadColumns = useMemo(
    () =>
      leadCol.columns([
        leadCol.accessor('company', {
          header: () => t('leads.company'),
          cell: (c) => <span className="font-medium">{c.getValue()}</span>,
        }),
        leadCol.accessor('stage', {
          header: () => t('leads.stage'),
          cell: (c) => <span className="text-muted">{leadStageLabel(c.getValue(), t)}</span>,
        }),
        leadCol.accessor('channel', {
          header: () => t('leads.channel'),
          cell: (c) => channelLabel(c.getValue(), t),
        }),
        leadCol.accessor('expectedValueMinor', {
          header: () => t('leads.value'),
          cell: (c) => formatMoney(c.getValue(), c.row.original.currency, lang),
        }),
        leadCol.accessor('createdAt', { header: () => t('leads.created'), cell: (c) => dateOf(c.getValue(), lang) }),
        leadCol.accessor('closedAt', {
          header: () => t('leads.closed'),
          cell: (c) => (c.getValue() ? dateOf(c.getValue(), lang) : <span className="text-faint">—</span>),
        }),
      ]),
    [t, lang],
  );

  const tabs: { id: TabId; label: string; count?: number }[] = [
    { id: 'projects', label: t('tabs.projects'), count: d.projects.length },
    { id: 'invoices', label: t('tabs.invoices'), count: d.invoices.length },
    { id: 'subscriptions', label: t('tabs.subscriptions'), count: d.subscriptions.length },
    { id: 'leads', label: t('tabs.leads'), count: d.leads.length },
    { id: 'satisfaction', label: t('tabs.satisfaction') },
    { id: 'activity', label: t('tabs.activity') },
  ];

  const emptyLine = (text: string) => <p className="px-1 py-6 text-center text-[13px] text-muted">{text}</p>;

  return (
    <Tabs.Root value={tab} onValueChange={(v) => setTab(v as TabId)} className="mt-6">
      <Tabs.List aria-label={t('tabs.label')} className="mb-3 flex gap-1 border-b border-line">
        {tabs.map((x) => (
          <Tabs.Trigger
            key={x.id}
            value={x.id}
            className="-mb-px flex h-9 items-center gap-1.5 rounded-t-md border-b-2 border-transparent px-2.5 text-[13px] font-medium text-muted transition-colors duration-150 hover:text-fg focus-visible:outline-offset-[-2px] data-[state=active]:border-accent data-[state=active]:text-fg"
          >
            {x.label}
            {x.count !== undefined ? (
              <span className="rounded-full bg-subtle px-1.5 text-[11px] text-muted tabular-nums">
                {formatNumber(x.count, lang, 0)}
              </span>
            ) : null}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      <Tabs.Content value="projects" className="-mx-5">
        <DataTable
          columns={projectColumns}
          data={d.projects}
          label={t('tabs.projects')}
          rightAligned={['valueMinor', 'satisfaction', 'revisionCycles']}
          getRowId={(p) => String(p.id)}
          empty={emptyLine(t('projects.empty'))}
        />
      </Tabs.Content>
      <Tabs.Content value="invoices" className="-mx-5">
        <DataTable
          columns={invoiceColumns}
          data={d.invoices}
          label={t('tabs.invoices')}
          rightAligned={['totalMinor', 'balanceMinor']}
          getRowId={(i) => String(i.id)}
          rowTestId="client-invoice"
          empty={emptyLine(t('invoices.empty'))}
        />
      </Tabs.Content>
      <Tabs.Content value="subscriptions" className="-mx-5">
        <DataTable
          columns={subColumns}
          data={d.subscriptions}
          label={t('tabs.subscriptions')}
          rightAligned={['feeMinor', 'changes']}
          getRowId={(s) => String(s.id)}
          empty={emptyLine(t('subscriptions.empty'))}
        />
      </Tabs.Content>
      <Tabs.Content value="leads" className="-mx-5">
        <DataTable
          columns={leadColumns}
          data={d.leads}
          label={t('tabs.leads')}
          rightAligned={['expectedValueMinor']}
          getRowId={(l) => String(l.id)}
          empty={emptyLine(t('leads.empty'))}
        />
      </Tabs.Content>
      <Tabs.Content value="satisfaction">
        <SatisfactionTrend points={d.satisfaction} />
      </Tabs.Content>
      <Tabs.Content value="activity">
        {d.activity.length === 0 ? (
          emptyLine(t('activity.empty'))
        ) : (
          <ol className="flex flex-col" aria-label={t('tabs.activity')}>
            {d.activity.map((a, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: activity entries have no id; the order is fixed.
              <li key={i} className="flex gap-4 border-b border-line py-2 text-[13px] last:border-b-0">
                <span className="w-28 shrink-0 text-muted tabular-nums">{dateOf(a.at, lang)}</span>
                <span className="min-w-0 text-fg">{activitySentence(a, t, lang, currency)}</span>
              </li>
            ))}
          </ol>
        )}
      </Tabs.Content>
    </Tabs.Root>
  );
}

type ClientsT = TFunction<'clients'>;

const dateOf = (v: string | null, lang: string) => (v ? formatDate(v.slice(0, 10), lang) : '—');

function leadStageLabel(stage: string, t: ClientsT): string {
  return (LEAD_STAGES as readonly string[]).includes(stage)
    ? t(`leadStage.${stage as (typeof LEAD_STAGES)[number]}`)
    : stage;
}

function channelLabel(channel: string, t: ClientsT): string {
  return (LEAD_CHANNELS as readonly string[]).includes(channel)
    ? t(`channel.${channel as (typeof LEAD_CHANNELS)[number]}`)
    : channel;
}

function activitySentence(a: ClientActivity, t: ClientsT, lang: string, _currency: string): string {
  const p = a.params;
  const amount = (minorKey: string) => {
    const minor = p[minorKey];
    const cur = p.currency;
    return typeof minor === 'number' && typeof cur === 'string' ? formatMoney(minor, cur, lang) : '—';
  };
  const str = (k: string) => String(p[k] ?? '—');
  switch (a.kind) {
    case 'project_started':
      return t('activity.project_started', { project: str('project') });
    case 'project_delivered':
      return t('activity.project_delivered', { project: str('project') });
    case 'lead_created':
      return t('activity.lead_created', { channel: channelLabel(str('channel'), t) });
    case 'invoice_issued':
      return t('activity.invoice_issued', { number: str('number'), amount: amount('totalMinor') });
    case 'credit_note_issued':
      return t('activity.credit_note_issued', { number: str('number'), amount: amount('totalMinor') });
    case 'payment_recorded':
      return t('activity.payment_recorded', { number: str('number'), amount: amount('amountMinor') });
    case 'subscription_start':
      return t('activity.subscription_start', { service: str('service'), amount: amount('feeMinor') });
    case 'subscription_change':
      return t('activity.subscription_change', { service: str('service'), amount: amount('feeMinor') });
    case 'subscription_pause':
      return t('activity.subscription_pause', { service: str('service') });
    case 'subscription_resume':
      return t('activity.subscription_resume', { service: str('service') });
    case 'subscription_cancel':
      return t('activity.subscription_cancel', { service: str('service') });
    default:
      return t('activity.other', { kind: a.kind });
  }
}
