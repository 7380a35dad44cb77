/** Pipeline: the leads table (server-side, virtualized), saved segments, and the lead detail. */
import {
  ArrowRight,
  CircleX,
  Copy,
  Eye,
  Plus,
  Search,
  SearchX,
  SlidersHorizontal,
  Trophy,
  Workflow,
  X,
} from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { isClosedLead, nextLeadStages } from '../../../../shared/domain';
import type { LeadRow } from '../../../../shared/leads';
import { navigate, takeOpenRequest, toastError, useCreateRequest } from '../../app/actions';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { formatNumber } from '../../app/format';
import { useApp } from '../../app/store';
import { useApiQuery } from '../../app/useApi';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Input } from '../../components/Field';
import { HubDot } from '../../components/HubDot';
import { Kbd } from '../../components/Kbd';
import { PageHeader } from '../../components/PageHeader';
import { SkeletonBlock } from '../../components/Skeleton';
import { Tip } from '../../components/Tooltip';
import { ColumnChooser, useColumnVisibility } from './ColumnChooser';
import { buildColumns, COLUMN_OF_SORT } from './columns';
import { ActiveFilters, FiltersButton } from './Filters';
import { LeadAlerts, leadAlertsIn, opportunityOf } from './LeadAlerts';
import { type LeadAction, LeadDetailSheet } from './LeadDetail';
import { LeadDialog } from './LeadDialog';
import { LeadsTable, type RowAction } from './LeadsTable';
import { PeriodKpis, usePipelineKpis } from './PeriodKpis';
import { SegmentsMenu } from './SegmentsMenu';
import { refreshSegmentCounts } from './segments';
import { useLeadPages } from './useLeadPages';
import { activeFilterCount, clearFilters, effectiveFilter, setSearch, setSort, useLeadsView } from './viewState';
import { sortNoteKey } from './wording';

const SEARCH_DELAY_MS = 250;

/** The search box: typed freely, sent to the core once typing pauses. */
function SearchBox({
  value,
  replaced,
  inputRef,
}: {
  value: string;
  /** Changes when a view replaced the shown one as a whole (see `useLeadsView`). */
  replaced: number;
  inputRef: React.RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation('pipeline');
  const [text, setText] = useState(value);
  const sent = useRef(value);
  const seen = useRef(replaced);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // A segment opened or the filters cleared bring their own search: what was typed and not yet searched goes.
  useEffect(() => {
    if (value === sent.current && replaced === seen.current) return;
    clearTimeout(pending.current);
    seen.current = replaced;
    sent.current = value;
    setText(value);
  }, [value, replaced]);
  useEffect(() => {
    const trimmed = text.trim().slice(0, 100);
    if (trimmed === sent.current) return;
    pending.current = setTimeout(() => {
      sent.current = trimmed;
      setSearch(trimmed);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(pending.current);
  }, [text]);
  return (
    <div className="relative w-64">
      <Search
        className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-faint"
        aria-hidden="true"
      />
      <Input
        ref={inputRef}
        type="search"
        value={text}
        maxLength={100}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && text) {
            e.preventDefault();
            setText('');
          }
        }}
        placeholder={t('searchPlaceholder')}
        aria-label={t('search')}
        className="pr-8 pl-8"
      />
      <span className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2" aria-hidden="true">
        {text ? null : <Kbd>/</Kbd>}
      </span>
    </div>
  );
}

export function PipelinePage() {
  const { t, i18n } = useTranslation('pipeline');
  const lang = i18n.language;
  const hubs = useApp((s) => s.hubs);
  const hubFilter = useApp((s) => s.prefs.hubFilter);
  const settings = useApp((s) => s.settings);
  const view = useLeadsView((s) => s.view);
  const replaced = useLeadsView((s) => s.replaced);
  const people = useApiQuery('people/list', {});
  const services = useApiQuery('catalogue/list', {});
  const alerts = useApiQuery('alerts/list', { entity: 'lead' });
  const [visibility, setVisibility] = useColumnVisibility();
  const [openId, setOpenIdState] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const opener = useRef<HTMLElement | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  /** The dialog a lead opens with (the row menu's Win… and Mark lost…). */
  const [startWith, setStartWith] = useState<LeadAction | null>(null);
  const setOpenId = (id: number | null, action: LeadAction | null = null) => {
    if (id !== null) opener.current = document.activeElement as HTMLElement | null;
    setStartWith(action);
    setOpenIdState(id);
  };
  // The command palette's New lead: the form the button opens.
  useCreateRequest('lead', () => setAdding(true));
  // Another screen asked for a lead (a command palette result): open it here.
  const openRequest = useApp((s) => s.openRequest);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a request arrives.
  useEffect(() => {
    const id = takeOpenRequest('pipeline');
    if (id === null) return;
    // What had focus belonged to the palette: closing the lead leaves focus to the sheet's default.
    opener.current = null;
    setStartWith(null);
    setOpenIdState(id);
  }, [openRequest]);

  const globalHub = hubFilter === 'all' ? null : (hubs.find((h) => h.id === hubFilter) ?? null);
  const filter = useMemo(() => effectiveFilter(view.filter, hubFilter, hubs), [view.filter, hubFilter, hubs]);
  const query = useMemo(() => ({ filter, search: view.search, sort: view.sort }), [filter, view.search, view.sort]);
  const pages = useLeadPages(query);
  // Every lead in scope (the top bar's hub only): "Showing 146 of 429 leads".
  const everything = useApiQuery('leads/query', { filter: globalHub ? { hubIds: [globalHub.id] } : {}, limit: 1 });
  const allTotal = everything.data?.total ?? null;
  const filtered = activeFilterCount(view.filter) > 0 || view.search !== '';
  const leadAlerts = useMemo(() => leadAlertsIn(alerts.data ?? [], hubFilter), [alerts.data, hubFilter]);
  const kpis = usePipelineKpis();

  const peopleById = useMemo(() => new Map((people.data ?? []).map((p) => [p.id, p])), [people.data]);
  const hubsById = useMemo(() => new Map(hubs.map((h) => [h.id, h])), [hubs]);
  const thisYear = useMemo(() => String(new Date().getFullYear()), []);
  const columns = useMemo(
    () => buildColumns({ t, lang, people: peopleById, hubs: hubsById, thisYear }),
    [t, lang, peopleById, hubsById, thisYear],
  );

  // "/" focuses the search, as in most list tools.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.metaKey || e.ctrlKey || e.altKey) return;
      const el = e.target as HTMLElement | null;
      if (el && (el.closest('input, textarea, select, [contenteditable="true"]') || el.closest('[role="dialog"]')))
        return;
      e.preventDefault();
      searchRef.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const changed = () => {
    pages.reload();
    everything.reload();
    alerts.reload();
    kpis.reload();
    refreshSegmentCounts();
  };

  const moveLead = async (lead: LeadRow, stage: 'qualified' | 'proposal') => {
    // `from` is the stage the menu was built for: a lead moved meanwhile (another window) is left where it is.
    const result = await api.call('leads/setStage', { id: lead.id, stage, from: lead.stage });
    if (!result.ok) {
      toastError(result.error);
      changed();
      return;
    }
    toast.success(t('toast.moved', { company: lead.company, stage: t(`stageInSentence.${stage}`) }));
    changed();
  };
  const copyText = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      toast.success(t('toast.copied', { text }));
    } catch (error) {
      toast.error(t('toast.copyFailed', { message: (error as Error).message }));
    }
  };
  const rowActions = (lead: LeadRow): RowAction[] => {
    const next = nextLeadStages(lead.stage);
    const open = !isClosedLead(lead.stage);
    return [
      { id: 'open', label: t('rowMenu.open'), icon: <Eye />, shortcut: '↵', run: () => setOpenId(lead.id) },
      ...next.map((stage, i) => ({
        id: `move-${stage}`,
        label: t('detail.moveTo', { stage: t(`stageInSentence.${stage}`) }),
        icon: <ArrowRight />,
        group: i === 0,
        run: () => void moveLead(lead, stage),
      })),
      ...(open
        ? [
            {
              id: 'win',
              label: t('rowMenu.win'),
              icon: <Trophy />,
              group: next.length === 0,
              run: () => setOpenId(lead.id, 'win'),
            },
            { id: 'lose', label: t('rowMenu.lose'), icon: <CircleX />, run: () => setOpenId(lead.id, 'lose') },
          ]
        : []),
      { id: 'copy', label: t('rowMenu.copy'), icon: <Copy />, group: true, run: () => void copyText(lead.company) },
    ];
  };

  const defaults = {
    currency: settings?.reportingCurrency ?? 'USD',
    hubId: globalHub ? globalHub.id : null,
  };

  const addButton = (
    <Button variant="primary" icon={<Plus />} onClick={() => setAdding(true)}>
      {t('add')}
    </Button>
  );

  const total = pages.total;
  // The order is said in words when its column is hidden (the default, newest first, sorts by Created):
  // a whole phrase per column and direction ("sorted by score, highest first"). Nothing to order, nothing said.
  const sortColumn = COLUMN_OF_SORT[view.sort.column];
  const sortNote =
    visibility[sortColumn] || total === 0 ? null : (
      <span className="text-faint" data-testid="lead-sort-note">
        {' · '}
        {t(sortNoteKey(view.sort))}
      </span>
    );
  const description =
    total === null ? (
      t('description')
    ) : (
      <>
        <span aria-live="polite" className="inline-flex items-center gap-1.5" data-testid="lead-total">
          {globalHub ? <HubDot color={globalHub.color} /> : null}
          {filtered && allTotal !== null
            ? t('count.some', {
                count: allTotal,
                shown: formatNumber(total, lang, 0),
                n: formatNumber(allTotal, lang, 0),
              })
            : t('count.all', { count: total, n: formatNumber(total, lang, 0) })}
        </span>
        {sortNote}
      </>
    );

  const workspaceEmpty = allTotal === 0 && !globalHub;

  let body: React.ReactNode;
  if (pages.error && pages.total === null) body = <ErrorState error={pages.error} onRetry={pages.reload} />;
  else if (workspaceEmpty)
    body = (
      <EmptyState icon={Workflow} title={t('empty.title')} description={t('empty.description')}>
        {addButton}
      </EmptyState>
    );
  else if (people.status === 'error') body = <ErrorState error={people.error} onRetry={people.reload} />;
  else if (!people.data) body = <SkeletonBlock lines={8} className="p-5" />;
  else
    body = (
      <LeadsTable
        pages={pages}
        columns={columns}
        visibility={visibility}
        sort={view.sort}
        onSort={setSort}
        onOpen={(row: LeadRow) => setOpenId(row.id)}
        rowActions={rowActions}
        label={t('tableLabel')}
        // The period's KPIs above the card take 110 px of the window, the alerts line 52 px.
        className={
          leadAlerts.length > 0 ? 'h-[calc(100vh-398px)] min-h-[320px]' : 'h-[calc(100vh-346px)] min-h-[320px]'
        }
        empty={
          <EmptyState
            icon={SearchX}
            titleLevel={3}
            title={t('empty.filteredTitle')}
            description={globalHub ? t('empty.filteredHub', { hub: globalHub.name }) : t('empty.filteredDescription')}
          >
            <Button onClick={clearFilters}>{t('empty.clearFilters')}</Button>
          </EmptyState>
        }
      />
    );

  return (
    <div data-testid="section-pipeline">
      <PageHeader
        title={t('title')}
        description={description}
        actions={
          <>
            <SegmentsMenu view={view} />
            <Tip label={t('scoringSettings')}>
              <Button
                variant="ghost"
                size="icon"
                aria-label={t('scoringSettings')}
                onClick={() => navigate('settings', 'scoring')}
              >
                <SlidersHorizontal />
              </Button>
            </Tip>
            {addButton}
          </>
        }
      />
      {workspaceEmpty ? null : <PeriodKpis kpis={kpis} />}
      <LeadAlerts alerts={leadAlerts} onOpen={setOpenId} onDismissed={alerts.reload} />
      <Card>
        {workspaceEmpty ? null : (
          <div className="flex flex-col gap-2 border-b border-line px-4 py-3">
            <search className="flex flex-wrap items-center gap-2" aria-label={t('filters.label')}>
              <SearchBox value={view.search} replaced={replaced} inputRef={searchRef} />
              <FiltersButton filter={view.filter} people={people.data ?? []} hubs={hubs} globalHub={globalHub} />
              {filtered ? (
                <Button variant="ghost" size="sm" icon={<X />} onClick={clearFilters}>
                  {t('filters.clear')}
                </Button>
              ) : null}
              <div className="flex-1" />
              {pages.error && pages.total !== null ? (
                <span className="text-[12px] text-danger-text" role="alert">
                  {t('pageError', { message: errorText(pages.error) })}
                </span>
              ) : null}
              <ColumnChooser visibility={visibility} onChange={setVisibility} />
            </search>
            <ActiveFilters filter={view.filter} people={people.data ?? null} hubs={hubs} />
          </div>
        )}
        {body}
      </Card>
      <LeadDetailSheet
        leadId={openId}
        people={people.data ?? []}
        hubs={hubs}
        services={services.data ?? []}
        defaults={defaults}
        onClose={() => setOpenId(null)}
        onChanged={changed}
        returnFocus={() => opener.current}
        startWith={startWith}
        opportunity={opportunityOf(alerts.data, openId) !== null}
      />
      {adding ? (
        <LeadDialog
          lead={null}
          people={people.data ?? []}
          hubs={hubs}
          services={services.data ?? []}
          defaults={defaults}
          onClose={() => setAdding(false)}
          onSaved={(lead) => {
            setAdding(false);
            toast.success(t('toast.created', { company: lead.company }));
            changed();
            setOpenId(lead.id);
          }}
        />
      ) : null}
    </div>
  );
}
