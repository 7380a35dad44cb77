/** Clients: the table with health and churn risk, saved views, and the client detail. */
import { Contact, Plus, SearchX } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { takeOpenRequest, useCreateRequest } from '../../app/actions';
import { errorText } from '../../app/errors';
import { formatNumber } from '../../app/format';
import { useApp, useFilterHub } from '../../app/store';
import { useApiQuery } from '../../app/useApi';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { HubDot } from '../../components/HubDot';
import { PageHeader } from '../../components/PageHeader';
import { SkeletonBlock } from '../../components/Skeleton';
import { ClientAlerts, isClientAlert } from './ClientAlerts';
import { ClientDetailSheet, useMissingRatesNote } from './ClientDetail';
import { ClientDialog } from './ClientDialog';
import { ClientFilters } from './ClientFilters';
import { ClientKpisStrip, useClientKpis } from './ClientKpis';
import { ClientsTable } from './ClientsTable';
import { SavedViews } from './SavedViews';
import { DEFAULT_VIEW, filterClients, setView, useClientsView } from './viewState';

export function ClientsPage() {
  const { t, i18n } = useTranslation('clients');
  const lang = i18n.language;
  const list = useApiQuery('clients/list', {});
  const kpis = useClientKpis();
  const alerts = useApiQuery('alerts/list', { entity: 'client' });
  const hubs = useApp((s) => s.hubs);
  const storedView = useClientsView((s) => s.view);
  const [openId, setOpenIdState] = useState<number | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const lastOpened = useRef<number | null>(null);
  /** Opens a client, remembering what had focus so closing the sheet returns there. */
  const setOpenId = (id: number | null) => {
    if (id !== null) {
      opener.current = document.activeElement as HTMLElement | null;
      lastOpened.current = id;
    }
    setOpenIdState(id);
  };
  /**
   * Where focus goes when the sheet closes: what opened it, or, when that is
   * gone (another screen asked for the client), the client's row, or the
   * table's current row when that one is not rendered.
   */
  const returnFocus = () => {
    if (opener.current?.isConnected) return opener.current;
    const table = '[data-testid="section-clients"] tbody';
    return (
      document.querySelector<HTMLElement>(`${table} tr[data-row-id="${lastOpened.current}"]`) ??
      document.querySelector<HTMLElement>(`${table} tr[tabindex="0"]`)
    );
  };
  const [adding, setAdding] = useState(false);
  // The command palette's New client: the form the button opens.
  useCreateRequest('client', () => setAdding(true));
  // Another screen asked for a client (a won lead's): open it here.
  const openRequest = useApp((s) => s.openRequest);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a request arrives.
  useEffect(() => {
    const id = takeOpenRequest('clients');
    if (id === null) return;
    setOpenId(id);
    // What had focus belonged to the screen that asked (or is the page itself): closing returns to the row.
    opener.current = null;
  }, [openRequest]);

  const globalHub = useFilterHub();
  // A view naming a hub this workspace does not have (another workspace's view) shows every hub.
  const view = useMemo(
    () =>
      /^\d+$/.test(storedView.hub) && !hubs.some((h) => String(h.id) === storedView.hub)
        ? { ...storedView, hub: 'all' }
        : storedView,
    [storedView, hubs],
  );
  const rows = useMemo(
    () => filterClients(list.data?.clients ?? [], view, globalHub ? globalHub.id : 'all', lang),
    [list.data, view, globalHub, lang],
  );
  const clientAlerts = useMemo(() => {
    const all = (alerts.data ?? []).filter(isClientAlert);
    if (!globalHub || !list.data) return all;
    const inHub = new Set(list.data.clients.filter((c) => c.hubId === globalHub.id).map((c) => c.id));
    return all.filter((a) => inHub.has(a.entityId));
  }, [alerts.data, globalHub, list.data]);
  const missingNote = useMissingRatesNote(list.data?.missingRates ?? []);
  const currency = list.data?.reportingCurrency ?? 'USD';
  const inScope = useMemo(
    () => (list.data?.clients ?? []).filter((c) => !globalHub || c.hubId === globalHub.id),
    [list.data, globalHub],
  );
  const total = inScope.length;
  const atRisk = inScope.filter((c) => c.health.status === 'at_risk').length;

  /** A client added or edited (its hub) can move the period's figures too. */
  const changed = () => {
    list.reload();
    alerts.reload();
    kpis.reload();
  };

  const addButton = (
    <Button variant="primary" icon={<Plus />} onClick={() => setAdding(true)}>
      {t('add')}
    </Button>
  );

  let body: React.ReactNode;
  if (list.status === 'error') body = <ErrorState error={list.error} onRetry={list.reload} />;
  else if (!list.data) body = <SkeletonBlock lines={8} className="p-5" />;
  else if (list.data.clients.length === 0)
    body = (
      <EmptyState icon={Contact} title={t('empty.title')} description={t('empty.description')}>
        {addButton}
      </EmptyState>
    );
  else
    body = (
      <ClientsTable
        asOf={list.data.asOf}
        rows={rows}
        hubs={hubs}
        currency={currency}
        missingRatesNote={missingNote}
        sorting={view.sorting}
        onSortingChange={(sorting) => setView({ sorting })}
        onOpen={(r) => setOpenId(r.id)}
        empty={
          <EmptyState
            icon={SearchX}
            titleLevel={3}
            title={t('empty.filteredTitle')}
            description={globalHub ? t('empty.filteredHub', { hub: globalHub.name }) : t('empty.filteredDescription')}
          >
            <Button onClick={() => setView({ ...DEFAULT_VIEW, sorting: view.sorting })}>
              {t('empty.clearFilters')}
            </Button>
          </EmptyState>
        }
      />
    );

  return (
    <div data-testid="section-clients">
      <PageHeader
        title={t('title')}
        description={
          list.data ? (
            <span aria-live="polite" data-testid="client-count" className="inline-flex items-center gap-1.5">
              {globalHub ? <HubDot color={globalHub.color} /> : null}
              {rows.length === total
                ? t('count.all', {
                    count: total,
                    n: formatNumber(total, lang, 0),
                    atRisk: formatNumber(atRisk, lang, 0),
                  })
                : t('count.some', {
                    count: total,
                    shown: formatNumber(rows.length, lang, 0),
                    n: formatNumber(total, lang, 0),
                  })}
            </span>
          ) : (
            t('description')
          )
        }
        actions={
          <>
            <SavedViews />
            {addButton}
          </>
        }
      />
      {list.data && list.data.clients.length > 0 ? <ClientKpisStrip kpis={kpis} /> : null}
      {alerts.status === 'error' ? (
        <Banner tone="warning" title={t('alerts.loadError')} className="mb-4">
          {errorText(alerts.error)}
        </Banner>
      ) : (
        <ClientAlerts alerts={clientAlerts} onOpen={setOpenId} onDismissed={alerts.reload} />
      )}
      {list.data && list.data.missingRates.length > 0 ? (
        <Banner tone="warning" title={t('missing.title')} className="mb-4">
          {missingNote}
        </Banner>
      ) : null}
      <Card>
        <div className="border-b border-line px-4 py-3">
          <ClientFilters view={view} hubs={hubs} globalHub={globalHub} />
        </div>
        {body}
      </Card>
      <ClientDetailSheet
        clientId={openId}
        hubs={hubs}
        currency={currency}
        onClose={() => setOpenId(null)}
        onChanged={changed}
        returnFocus={returnFocus}
      />
      {adding ? (
        <ClientDialog
          client={null}
          hubs={hubs}
          defaultHub={globalHub ? globalHub.id : null}
          onClose={() => setAdding(false)}
          onSaved={(row) => {
            setAdding(false);
            toast.success(t('toast.created', { name: row.name }));
            changed();
            setOpenId(row.id);
          }}
        />
      ) : null}
    </div>
  );
}
