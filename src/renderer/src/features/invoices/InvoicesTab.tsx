/** Invoices and payments: the list with aging, the invoice detail, payments and credit notes. */
import { FilePlus2, ReceiptText, Search, SearchX, Users } from 'lucide-react';
import { ToggleGroup } from 'radix-ui';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGING_BUCKETS, type AgingBucket, INVOICE_STATUSES, type InvoiceStatus } from '../../../../shared/domain';
import {
  type ClientOption,
  INVOICES_SHOWN,
  type Invoice,
  type InvoiceList,
  type InvoiceSortColumn,
  type InvoiceSummary,
} from '../../../../shared/money';
import { navigate, takeOpenRequest, useCreateRequest } from '../../app/actions';
import { dateFormat, formatDate, formatMoney, formatNumber, intlLocale } from '../../app/format';
import { useApp, useFilterHub } from '../../app/store';
import { useApiQuery } from '../../app/useApi';
import { useDebounced } from '../../app/useDebounced';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { cn } from '../../components/cn';
import { columnHelper, DataTable, type SortingState } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Input } from '../../components/Field';
import { HubDot } from '../../components/HubDot';
import { Skeleton } from '../../components/Skeleton';
import { Tip } from '../../components/Tooltip';
import { ClientPicker } from '../clients/ClientPicker';
import { financeChanged } from '../finance/store';
import { type EditorMode, InvoiceEditor } from './InvoiceEditor';
import { InvoiceSheet } from './InvoiceSheet';
import { InvoiceStatusBadge, useKindLabel, useMissingRateText } from './parts';

type StatusFilter = 'all' | InvoiceStatus;

const col = columnHelper<InvoiceSummary>();
/** The search is sent to the core once typing pauses this long. */
const SEARCH_DELAY_MS = 250;

/** A credit note reads as a negative amount. */
const signed = (inv: InvoiceSummary, minor: number) => (inv.kind === 'credit_note' ? -minor : minor);

const BUCKET_ACCENT: Record<AgingBucket, string> = {
  '0-15': 'bg-sky-500',
  '16-30': 'bg-amber-400',
  '31-60': 'bg-orange-500',
  '60+': 'bg-red-600',
};

/** A date in a dense table: without the year when it is the current one (the full date on hover). */
function TableDate({ date, year }: { date: string; year: string }) {
  const { i18n } = useTranslation();
  if (!date) return <span className="text-faint">—</span>;
  const full = formatDate(date, i18n.language);
  if (!date.startsWith(year)) return <>{full}</>;
  const short = dateFormat(intlLocale(i18n.language), {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
  return (
    <time dateTime={date} title={full}>
      {short}
    </time>
  );
}

function AgingCards({
  list,
  bucket,
  onBucket,
}: {
  list: InvoiceList;
  bucket: AgingBucket | null;
  onBucket: (b: AgingBucket | null) => void;
}) {
  const { t, i18n } = useTranslation('invoices');
  const lang = i18n.language;
  const missingText = useMissingRateText();
  const reason = list.missingRates.length ? missingText(list.missingRates) : t('missingGeneric');
  return (
    <section aria-labelledby="aging-title" className="mb-5">
      <div className="mb-2 flex items-baseline justify-between gap-4">
        <h2 id="aging-title" className="text-[13px] font-semibold text-fg">
          {t('aging.title')}
        </h2>
        <p className="text-[12px] text-muted">{t('aging.subtitle', { currency: list.reportingCurrency })}</p>
      </div>
      <div className="grid grid-cols-4 gap-3">
        {AGING_BUCKETS.map((b) => {
          const a = list.aging[b];
          const pressed = bucket === b;
          return (
            <button
              key={b}
              type="button"
              aria-pressed={pressed}
              data-testid={`aging-${b}`}
              onClick={() => onBucket(pressed ? null : b)}
              className={cn(
                'relative flex flex-col gap-1 overflow-hidden rounded-[var(--radius-card)] border bg-surface px-4 py-3 text-left transition-colors duration-150',
                'hover:bg-hover/60',
                pressed ? 'border-accent ring-1 ring-accent' : 'border-line',
              )}
            >
              <span aria-hidden="true" className={cn('absolute inset-y-0 left-0 w-1', BUCKET_ACCENT[b])} />
              <span className="flex items-center justify-between gap-2 text-[12px] font-medium text-muted">
                {t(`aging.bucket.${b}`)}
                {pressed ? <span className="text-accent-text">{t('aging.filtering')}</span> : null}
              </span>
              <span className="text-[22px] leading-tight font-semibold tracking-tight text-fg tabular-nums">
                {a.balanceMinor === null ? (
                  <span title={reason}>
                    —<span className="sr-only"> {reason}</span>
                  </span>
                ) : (
                  formatMoney(a.balanceMinor, list.reportingCurrency, lang)
                )}
              </span>
              <span className="text-[12px] text-muted tabular-nums" data-testid="aging-count">
                {t('aging.count', { count: a.count, n: formatNumber(a.count, lang, 0) })}
              </span>
              {a.balanceMinor === null ? <span className="text-[11.5px] text-warning-text">{reason}</span> : null}
            </button>
          );
        })}
      </div>
    </section>
  );
}

function StatusFilterBar({
  value,
  onChange,
  counts,
}: {
  value: StatusFilter;
  onChange: (s: StatusFilter) => void;
  counts: Record<StatusFilter, number>;
}) {
  const { t, i18n } = useTranslation('invoices');
  return (
    <ToggleGroup.Root
      type="single"
      value={value}
      onValueChange={(v) => onChange((v || 'all') as StatusFilter)}
      aria-label={t('filters.status')}
      className="inline-flex h-8 items-center rounded-[var(--radius-control)] border border-line bg-subtle p-0.5"
    >
      {(['all', ...INVOICE_STATUSES] as StatusFilter[]).map((s) => (
        <ToggleGroup.Item
          key={s}
          value={s}
          className={cn(
            'inline-flex h-full items-center gap-1.5 rounded-[6px] px-2.5 text-[12.5px] font-medium text-muted transition-colors duration-150',
            'hover:text-fg data-[state=on]:bg-surface data-[state=on]:text-fg data-[state=on]:shadow-xs',
          )}
        >
          {s === 'all' ? t('filters.all') : t(`status.${s}`)}
          <span className="text-[11.5px] text-faint tabular-nums">{formatNumber(counts[s], i18n.language, 0)}</span>
        </ToggleGroup.Item>
      ))}
    </ToggleGroup.Root>
  );
}

function TabSkeleton() {
  const { t } = useTranslation();
  return (
    <div role="status" aria-label={t('common.loading')} className="flex flex-col gap-5">
      <div className="grid grid-cols-4 gap-3">
        {AGING_BUCKETS.map((b) => (
          <Skeleton key={b} className="h-[92px] rounded-[var(--radius-card)]" />
        ))}
      </div>
      <Skeleton className="h-8 w-2/3" />
      <Skeleton className="h-80" />
    </div>
  );
}

export function InvoicesTab() {
  const { t, i18n } = useTranslation('invoices');
  const lang = i18n.language;
  const kindLabel = useKindLabel();
  /** The client filter: a picker over the core's lookup (a list of every client would not scale). */
  const [client, setClient] = useState<ClientOption | null>(null);
  const clientId = client?.id ?? null;
  const [status, setStatus] = useState<StatusFilter>('all');
  const [bucket, setBucket] = useState<AgingBucket | null>(null);
  const [search, setSearch] = useState('');
  const [sorting, setSorting] = useState<SortingState>([]);
  const [openId, setOpenId] = useState<number | null>(null);
  const [editor, setEditor] = useState<EditorMode | null>(null);
  // Another screen asked for an invoice (a command palette result): open its sheet here.
  const openRequest = useApp((s) => s.openRequest);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a request arrives.
  useEffect(() => {
    const id = takeOpenRequest('invoices');
    if (id !== null) setOpenId(id);
  }, [openRequest]);
  // The top bar's hub filter: the invoices that hub issued, and its receivables.
  const hub = useFilterHub();

  // The core filters, counts and sorts every invoice and sends the first rows; "Show more" asks for more.
  const sent = useDebounced(search.trim(), SEARCH_DELAY_MS);
  const sortBy = sorting[0];
  const query = {
    ...(clientId === null ? {} : { clientId }),
    ...(hub ? { hubId: hub.id } : {}),
    ...(status === 'all' ? {} : { status }),
    ...(bucket === null ? {} : { bucket }),
    ...(sent === '' ? {} : { search: sent }),
    ...(sortBy
      ? {
          sort: {
            column: sortBy.id as InvoiceSortColumn,
            direction: sortBy.desc ? ('desc' as const) : ('asc' as const),
            language: lang.startsWith('es') ? ('es' as const) : ('en' as const),
          },
        }
      : {}),
  };
  const queryKey = JSON.stringify(query);
  const [shownFor, setShownFor] = useState({ key: queryKey, limit: INVOICES_SHOWN });
  const limit = shownFor.key === queryKey ? shownFor.limit : INVOICES_SHOWN;
  // Another query starts from the first rows again, and so does coming back to this one.
  useEffect(() => {
    setShownFor((s) => (s.key === queryKey ? s : { key: queryKey, limit: INVOICES_SHOWN }));
  }, [queryKey]);
  const list = useApiQuery('invoices/list', { ...query, limit });
  // Whether there is any client at all to invoice.
  const anyClient = useApiQuery('clients/lookup', { search: '', limit: 1 });
  // Whether the workspace has any invoice at all (what the filtered list says lags behind a change of filter).
  const anyInvoice = useApiQuery('invoices/list', { limit: 1 });
  const reload = () => {
    list.reload();
    anyInvoice.reload();
    // Payments, issues, credit notes and voids move the period's KPIs above the tabs.
    financeChanged();
  };

  const data = list.data;
  const year = data?.asOf.slice(0, 4) ?? '';
  const rows = data?.invoices ?? [];
  // After "Show more", focus moves to the first new row (the button may be gone once every row is shown).
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    const index = focusRow.current;
    if (index === null || rows.length <= index) return;
    focusRow.current = null;
    document.querySelector<HTMLElement>(`[data-testid="invoices-tab"] tbody tr[data-index="${index}"]`)?.focus();
  }, [rows.length]);

  const columns = useMemo(
    () =>
      col.columns([
        col.accessor((r) => r.number ?? '', {
          id: 'number',
          header: () => t('columns.number'),
          cell: (c) =>
            c.row.original.number ? (
              <span className="font-medium tabular-nums" data-testid="invoice-number">
                {c.row.original.number}
              </span>
            ) : (
              <span className="text-muted italic" data-testid="invoice-number">
                {t('draft')}
              </span>
            ),
        }),
        col.accessor('clientName', {
          id: 'client',
          header: () => t('columns.client'),
          cell: (c) => (
            <span className="block max-w-[180px] truncate" title={c.getValue()}>
              {c.getValue()}
            </span>
          ),
        }),
        col.accessor((r) => kindLabel(r.kind), {
          id: 'kind',
          header: () => t('columns.kind'),
          cell: (c) => <span className="text-muted">{c.getValue()}</span>,
        }),
        col.accessor((r) => r.issueDate ?? '', {
          id: 'issued',
          header: () => t('columns.issued'),
          cell: (c) => <TableDate date={c.getValue()} year={year} />,
        }),
        col.accessor((r) => r.dueDate ?? '', {
          id: 'due',
          header: () => t('columns.due'),
          cell: (c) => <TableDate date={c.getValue()} year={year} />,
        }),
        col.accessor((r) => INVOICE_STATUSES.indexOf(r.status), {
          id: 'status',
          header: () => t('columns.status'),
          cell: (c) => <InvoiceStatusBadge status={c.row.original.status} />,
        }),
        col.accessor((r) => signed(r, r.totalMinor), {
          id: 'total',
          header: () => t('columns.total'),
          cell: (c) => formatMoney(c.getValue(), c.row.original.currency, lang),
        }),
        col.accessor('balanceMinor', {
          id: 'balance',
          header: () => t('columns.balance'),
          cell: (c) => (
            <span className={c.getValue() === 0 ? 'text-faint' : 'font-medium'} data-testid="invoice-balance">
              {formatMoney(c.getValue(), c.row.original.currency, lang)}
            </span>
          ),
        }),
        col.accessor('daysOverdue', {
          id: 'overdue',
          header: () => t('columns.daysOverdue'),
          cell: (c) =>
            c.getValue() > 0 ? (
              <span className="font-medium text-danger-text">{formatNumber(c.getValue(), lang, 0)}</span>
            ) : (
              <span className="text-faint">—</span>
            ),
        }),
      ]),
    [t, lang, kindLabel, year],
  );

  const filtered = status !== 'all' || bucket !== null || search.trim() !== '';
  const clearFilters = () => {
    setStatus('all');
    setBucket(null);
    setSearch('');
  };
  const newInvoice = () =>
    data &&
    setEditor({
      kind: 'new',
      reportingCurrency: data.reportingCurrency,
      today: data.asOf,
      ...(client === null ? {} : { client }),
    });

  const noClients = anyClient.status === 'ready' && anyClient.data.total === 0;
  // The command palette's New invoice: what the button does once the list is in (with no client, nothing: the
  // screen says to add one first).
  useCreateRequest(
    'invoice',
    () => {
      if (!noClients) newInvoice();
    },
    Boolean(data) && anyClient.status === 'ready',
  );
  const newButton = (
    <>
      <Tip label={t('empty.noClients')} disabled={!noClients}>
        <Button
          variant="primary"
          icon={<FilePlus2 />}
          onClick={() => (noClients ? undefined : newInvoice())}
          disabled={!data}
          aria-disabled={noClients ? true : undefined}
          aria-describedby={noClients ? 'new-invoice-blocked' : undefined}
          className={noClients ? 'cursor-not-allowed opacity-50' : undefined}
        >
          {t('actions.new')}
        </Button>
      </Tip>
      {noClients ? (
        <span id="new-invoice-blocked" className="sr-only">
          {t('empty.noClients')}
        </span>
      ) : null}
    </>
  );

  let body: React.ReactNode;
  if (list.status === 'error' && !data) body = <ErrorState error={list.error} onRetry={list.reload} />;
  else if (!data) body = <TabSkeleton />;
  else if (anyInvoice.status === 'ready' && anyInvoice.data.total === 0)
    body = (
      <Card>
        <EmptyState icon={ReceiptText} title={t('empty.title')} description={t('empty.description')}>
          {noClients ? (
            <Button icon={<Users />} onClick={() => navigate('clients')}>
              {t('empty.goClients')}
            </Button>
          ) : (
            <Button variant="primary" icon={<FilePlus2 />} onClick={newInvoice}>
              {t('actions.new')}
            </Button>
          )}
        </EmptyState>
      </Card>
    );
  else
    body = (
      <>
        <AgingCards
          list={data}
          bucket={bucket}
          onBucket={(b) => {
            setBucket(b);
            // Aging covers open invoices only.
            if (b !== null && (status === 'draft' || status === 'paid' || status === 'void')) setStatus('all');
          }}
        />
        <div className="mb-3 flex flex-wrap items-center gap-2">
          <StatusFilterBar value={status} onChange={setStatus} counts={data.counts} />
          {/* Client and search wrap together, at full width, when the row is too narrow for them beside the tabs. */}
          <div className="ml-auto flex shrink-0 items-center gap-2">
            <div className="w-[200px]">
              <ClientPicker
                aria-label={t('filters.client')}
                value={client}
                onChange={setClient}
                noneLabel={t('filters.allClients')}
              />
            </div>
            <div className="relative w-[170px]">
              <Search
                className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-faint"
                aria-hidden="true"
              />
              <Input
                type="search"
                aria-label={t('filters.search')}
                placeholder={t('filters.searchPlaceholder')}
                value={search}
                maxLength={100}
                onChange={(e) => setSearch(e.target.value)}
                className="pl-8"
              />
            </div>
          </div>
        </div>
        <Card
          className={cn(
            // Clip, not hidden: the card's corners round the header without becoming the header's sticky scroller.
            'overflow-clip transition-opacity',
            list.status === 'loading' && 'opacity-60',
          )}
        >
          <DataTable
            columns={columns}
            data={rows}
            label={t('tableLabel')}
            rightAligned={['total', 'balance', 'overdue']}
            rowTestId="invoice-row"
            getRowId={(r) => String(r.id)}
            sortable
            sorting={sorting}
            onSortingChange={setSorting}
            sortedElsewhere
            onRowClick={(r) => setOpenId(r.id)}
            empty={
              <EmptyState
                icon={SearchX}
                title={t('empty.filteredTitle')}
                description={t('empty.filteredDescription')}
                titleLevel={3}
              >
                {filtered ? <Button onClick={clearFilters}>{t('filters.clear')}</Button> : null}
              </EmptyState>
            }
          />
        </Card>
        <div className="mt-2 flex items-center gap-3">
          <p className="text-[12px] text-muted" aria-live="polite" data-testid="invoices-shown">
            {t('shown', {
              count: data.total,
              shown: formatNumber(rows.length, lang, 0),
              total: formatNumber(data.total, lang, 0),
            })}
          </p>
          {rows.length < data.total ? (
            <Button
              size="sm"
              variant="ghost"
              aria-disabled={list.status === 'loading' || undefined}
              onClick={() => {
                if (list.status === 'loading') return;
                focusRow.current = rows.length;
                setShownFor({ key: queryKey, limit: limit + INVOICES_SHOWN });
              }}
            >
              {t('showMore', { n: formatNumber(Math.min(INVOICES_SHOWN, data.total - rows.length), lang, 0) })}
            </Button>
          ) : null}
        </div>
      </>
    );

  const opened = (inv: Invoice) => {
    setEditor(null);
    reload();
    setOpenId(inv.id);
  };

  return (
    <div data-testid="invoices-tab">
      <div className="mb-4 flex items-center justify-between gap-4">
        <div className="flex items-center gap-2 text-[13px] text-muted">
          {!data ? (
            <Skeleton className="h-4 w-64" />
          ) : hub ? (
            <>
              <HubDot color={hub.color} />
              {t('introHub', { hub: hub.name, date: formatDate(data.asOf, lang) })}
            </>
          ) : (
            t('intro', { date: formatDate(data.asOf, lang) })
          )}
        </div>
        {newButton}
      </div>
      {body}
      <InvoiceSheet
        invoiceId={openId}
        today={data?.asOf ?? ''}
        onClose={() => setOpenId(null)}
        onOpenInvoice={setOpenId}
        onChanged={reload}
      />
      {editor ? <InvoiceEditor mode={editor} onClose={() => setEditor(null)} onSaved={opened} /> : null}
    </div>
  );
}
