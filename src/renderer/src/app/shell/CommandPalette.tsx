import { Command, useCommandState } from 'cmdk';
import {
  Clock,
  DatabaseBackup,
  FilePlus2,
  FileText,
  FolderOpen,
  Keyboard,
  Languages,
  LoaderCircle,
  LogOut,
  Monitor,
  Moon,
  PanelLeft,
  Plus,
  Search,
  Sparkles,
  Sun,
  UserPlus,
  UserRoundPlus,
} from 'lucide-react';
import { Dialog } from 'radix-ui';
import { type ReactNode, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTIONS } from '../../../../shared/domain';
import { cn } from '../../components/cn';
import { letToastsThrough } from '../../components/Dialog';
import { Kbd } from '../../components/Kbd';
import { keepOpenFromToasts, ToastBranch } from '../../components/toasts';
import {
  backupNow,
  closeWorkspace,
  navigate,
  navigateToRecord,
  requestCreate,
  setLogTimeOpen,
  setOpenFileOpen,
  setPaletteOpen,
  setPrefs,
  setShortcutsOpen,
  startDemo,
} from '../actions';
import { formatDate } from '../format';
import { leave } from '../leaveGuard';
import { SECTION_META } from '../sections';
import { SETTINGS_TABS, useApp } from '../store';
import { paletteFilter, recordValue } from './paletteFilter';
import { type RecordResults, useRecordSearch } from './useRecordSearch';

/**
 * One command. The palette's filter (paletteFilter) matches `value` (plus
 * `keywords`) word by word, so the value is the label the person reads, never
 * an internal id; the keywords add the same command's words in the other
 * language and a few synonyms.
 */
function Item({
  onSelect,
  icon,
  label,
  keywords,
  hint,
}: {
  onSelect: () => void;
  icon: ReactNode;
  label: string;
  keywords?: string[];
  hint?: ReactNode;
}) {
  return (
    <Command.Item
      value={label}
      keywords={keywords?.filter((k) => k && k !== label)}
      onSelect={() => {
        setPaletteOpen(false);
        onSelect();
      }}
      className="flex h-9 cursor-default select-none items-center gap-2.5 rounded-md px-2.5 text-[13px] text-fg data-[selected=true]:bg-hover [&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-faint"
    >
      {icon}
      <span className="flex-1 truncate">{label}</span>
      {hint ? <span className="text-[12px] text-faint">{hint}</span> : null}
    </Command.Item>
  );
}

/**
 * A record the core found (a client, project, lead or invoice): its name and, muted, what
 * tells it apart. Its value is the record's (recordValue), which the filter
 * passes below every command, so the records follow the commands.
 */
function RecordItem({
  value,
  icon,
  label,
  detail,
  onSelect,
}: {
  value: string;
  icon: ReactNode;
  label: string;
  detail: string;
  onSelect: () => void;
}) {
  return (
    <Command.Item
      value={value}
      onSelect={() => {
        setPaletteOpen(false);
        onSelect();
      }}
      data-palette-record=""
      className="flex h-9 cursor-default select-none items-center gap-2.5 rounded-md px-2.5 text-[13px] text-fg data-[selected=true]:bg-hover [&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-faint"
    >
      {icon}
      <span className="min-w-0 shrink truncate">{label}</span>
      <span className="sr-only">, </span>
      <span className="ml-auto min-w-0 max-w-[60%] truncate text-right text-[12px] text-faint">{detail}</span>
    </Command.Item>
  );
}

/** The records found for the query, one titled group per kind (a kind with none found shows nothing). */
function RecordGroups({ results }: { results: RecordResults }) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('clients');
  const { t: tp } = useTranslation('pipeline');
  const { t: ti } = useTranslation('invoices');
  const { t: tj, i18n } = useTranslation('projects');
  const hubs = useApp((s) => s.hubs);
  const hubName = (id: number | null) => hubs.find((h) => h.id === id)?.name ?? tc('noHub');
  const ClientIcon = SECTION_META.clients.icon;
  const LeadIcon = SECTION_META.pipeline.icon;
  const ProjectIcon = SECTION_META.projects.icon;
  return (
    <>
      {results.clients.length > 0 ? (
        <Command.Group heading={t('palette.clients')}>
          {results.clients.map((c) => (
            <RecordItem
              key={c.id}
              value={recordValue('client', c.id)}
              icon={<ClientIcon />}
              label={c.name}
              detail={`${hubName(c.hubId)} · ${tc(`tier.long.${c.tier}`)}`}
              onSelect={() => navigateToRecord('clients', c.id)}
            />
          ))}
        </Command.Group>
      ) : null}
      {results.projects.length > 0 ? (
        <Command.Group heading={t('palette.projects')}>
          {results.projects.map((p) => (
            <RecordItem
              key={p.id}
              value={recordValue('project', p.id)}
              icon={<ProjectIcon />}
              label={p.name}
              detail={`${tj(`stage.${p.stage}`)} · ${tj('card.due', { date: formatDate(p.dueDate, i18n.language) })}`}
              onSelect={() => navigateToRecord('projects', p.id)}
            />
          ))}
        </Command.Group>
      ) : null}
      {results.leads.length > 0 ? (
        <Command.Group heading={t('palette.leads')}>
          {results.leads.map((l) => (
            <RecordItem
              key={l.id}
              value={recordValue('lead', l.id)}
              icon={<LeadIcon />}
              label={l.company}
              detail={`${l.contactName} · ${tp(`stage.${l.stage}`)}`}
              onSelect={() => navigateToRecord('pipeline', l.id)}
            />
          ))}
        </Command.Group>
      ) : null}
      {results.invoices.length > 0 ? (
        <Command.Group heading={t('palette.invoices')}>
          {results.invoices.map((i) => (
            <RecordItem
              key={i.id}
              value={recordValue('invoice', i.id)}
              icon={<FileText />}
              label={i.number ?? ti('print.draftInvoice')}
              detail={`${i.clientName} · ${ti(`status.${i.status}`)}`}
              onSelect={() => navigateToRecord('invoices', i.id)}
            />
          ))}
        </Command.Group>
      ) : null}
    </>
  );
}

/**
 * A titled group while browsing; while searching, nothing: cmdk 1.1 ranks
 * items only inside their group and cannot reorder the groups themselves, so
 * the commands found are one list (CommandsGroup), best match first.
 */
function PaletteGroup({ heading, flat, children }: { heading: string; flat: boolean; children: ReactNode }) {
  if (flat) return children;
  return <Command.Group heading={heading}>{children}</Command.Group>;
}

/**
 * While searching, every command sits in one untitled group, ranked inside it,
 * ahead of the record groups. cmdk re-appends an ungrouped item at the end of
 * the list whenever it ranks, which put the commands below the records that
 * arrived after them; items inside a group stay inside it.
 */
function CommandsGroup({ flat, children }: { flat: boolean; children: ReactNode }) {
  if (!flat) return children;
  return <Command.Group value="commands">{children}</Command.Group>;
}

/** The list, padded only while it shows something (a search still asking the core shows only its status row). */
function PaletteList({ children }: { children: ReactNode }) {
  const listed = useCommandState((state) => state.filtered.count > 0);
  return <Command.List className={listed ? 'p-1.5' : 'px-1.5'}>{children}</Command.List>;
}

/** Below the list: a quiet row while the core is asked for records, or one line if asking failed. */
function RecordStatus({ searching, error }: { searching: boolean; error: string | null }) {
  const { t } = useTranslation();
  const listed = useCommandState((state) => state.filtered.count > 0);
  const row = cn('flex h-9 items-center gap-2 px-4 text-[12px]', listed && 'border-t border-line');
  // Outside the list: cmdk reorders what is inside it as it ranks.
  return (
    <div role="status">
      {searching ? (
        <div className={cn(row, 'text-faint')}>
          <LoaderCircle className="size-3.5 animate-spin motion-reduce:animate-none" aria-hidden="true" />
          {t('palette.searching')}
        </div>
      ) : error ? (
        <div className={cn(row, 'text-danger-text')} title={error}>
          <span className="truncate">{t('palette.searchFailed', { message: error })}</span>
        </div>
      ) : null}
    </div>
  );
}

/**
 * Other words for "new" a person may type first, in both languages ("add client", "crear factura"), and both
 * genders of the Spanish one ("nuevo" lists Nueva factura too).
 */
const CREATE_WORDS = ['new', 'add', 'create', 'nuevo', 'nueva', 'agregar', 'añadir', 'crear'];

/** ⌘K: jump to any section, create a record or run an app command, all from the keyboard. */
export function CommandPalette() {
  const { t, i18n } = useTranslation();
  const open = useApp((s) => s.paletteOpen);
  const collapsed = useApp((s) => s.prefs.sidebarCollapsed);
  const section = useApp((s) => s.section);
  const [search, setSearch] = useState('');
  const flat = search.trim() !== '';
  useEffect(() => {
    if (!open) setSearch('');
  }, [open]);
  const records = useRecordSearch(open ? search : '');

  // It has no trigger, so Radix would leave focus on the page's body when it closes. Focus goes back to what had it
  // (or to the main area when a command changed the screen), unless what the command opened took focus itself.
  const from = useRef<{ element: HTMLElement | null; section: string }>({ element: null, section: '' });
  useLayoutEffect(() => {
    if (!open) return;
    const active = document.activeElement;
    from.current = {
      element: active instanceof HTMLElement && active !== document.body ? active : null,
      section: useApp.getState().section,
    };
  }, [open]);
  const focusBack = (event: Event) => {
    event.preventDefault();
    const { element, section: before } = from.current;
    requestAnimationFrame(() => {
      const now = document.activeElement;
      if (now && now !== document.body) return;
      const main = document.getElementById('main');
      (useApp.getState().section === before && element?.isConnected ? element : main)?.focus({ preventScroll: true });
    });
  };

  // A command's words in both languages: whichever one the person types in, it is found.
  const both = useMemo(() => {
    const fixed = [i18n.getFixedT('en'), i18n.getFixedT('es')] as (typeof t)[];
    return (words: (tt: typeof t) => string) => [...new Set(fixed.map(words))];
  }, [i18n]);
  const themeItem = (theme: 'light' | 'dark' | 'system') => ({
    label: t('palette.themeTo', { theme: t(`theme.${theme}`) }),
    keywords: [
      ...both((tt) => tt('palette.themeTo', { theme: tt(`theme.${theme}`) })),
      ...both((tt) => tt('settings.tabs.appearance')),
    ],
  });
  const languageItem = (language: 'en' | 'es') => ({
    label: t('palette.languageTo', { language: t(`language.${language}`) }),
    keywords: [
      ...both((tt) => tt('palette.languageTo', { language: tt(`language.${language}`) })),
      'language',
      'idioma',
    ],
  });

  return (
    <Dialog.Root open={open} onOpenChange={setPaletteOpen}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 animate-fade-in bg-slate-950/30 dark:bg-black/50" />
        <Dialog.Content
          className="shadow-float fixed top-[14vh] left-1/2 z-50 w-[min(600px,calc(100vw-32px))] -translate-x-1/2 animate-pop-in overflow-hidden rounded-[14px] border border-line bg-surface focus:outline-none"
          aria-describedby={undefined}
          data-testid="command-palette"
          onEscapeKeyDown={keepOpenFromToasts}
          onInteractOutside={letToastsThrough}
          onCloseAutoFocus={focusBack}
        >
          <ToastBranch />
          <Dialog.Title className="sr-only">{t('palette.title')}</Dialog.Title>
          <Command label={t('palette.title')} loop filter={paletteFilter}>
            <div className="flex items-center gap-2 border-b border-line px-3.5">
              <Search className="size-4 shrink-0 text-faint" aria-hidden="true" />
              <Command.Input
                autoFocus
                value={search}
                onValueChange={setSearch}
                placeholder={t('palette.placeholder')}
                className="h-12 w-full bg-transparent text-[14px] text-fg outline-none placeholder:text-faint"
              />
              <Kbd>Esc</Kbd>
            </div>
            <PaletteList>
              {/* No "nothing matches" while records are still coming, nor over a failed search's message. */}
              {records.searching || records.results?.error ? null : (
                <Command.Empty className="px-3 py-8 text-center text-[13px] text-muted">
                  {t('palette.empty')}
                </Command.Empty>
              )}
              <CommandsGroup flat={flat}>
                <PaletteGroup heading={t('palette.goTo')} flat={flat}>
                  {SECTIONS.map((s) => {
                    const Icon = SECTION_META[s].icon;
                    return (
                      <Item
                        key={s}
                        label={t(`sections.${s}.title`)}
                        keywords={both((tt) => `${tt('palette.goTo')} ${tt(`sections.${s}.title`)}`)}
                        icon={<Icon />}
                        onSelect={() => navigate(s)}
                        hint={s === section ? t('palette.current') : undefined}
                      />
                    );
                  })}
                  {SETTINGS_TABS.map((tab) => (
                    <Item
                      key={tab}
                      label={t('palette.settingsTab', { tab: t(`settings.tabs.${tab}`) })}
                      keywords={both((tt) => tt('palette.settingsTab', { tab: tt(`settings.tabs.${tab}`) }))}
                      icon={<SECTION_META.settings.icon />}
                      onSelect={() => navigate('settings', tab)}
                    />
                  ))}
                </PaletteGroup>
                <PaletteGroup heading={t('palette.actions')} flat={flat}>
                  <Item
                    label={t('palette.newLead')}
                    keywords={[...both((tt) => tt('palette.newLead')), ...CREATE_WORDS]}
                    icon={<Plus />}
                    onSelect={() => requestCreate('lead')}
                  />
                  <Item
                    label={t('palette.newClient')}
                    keywords={[...both((tt) => tt('palette.newClient')), ...CREATE_WORDS]}
                    icon={<UserPlus />}
                    onSelect={() => requestCreate('client')}
                  />
                  <Item
                    label={t('palette.newInvoice')}
                    keywords={[...both((tt) => tt('palette.newInvoice')), ...CREATE_WORDS]}
                    icon={<FilePlus2 />}
                    onSelect={() => requestCreate('invoice')}
                  />
                  <Item
                    label={t('palette.addPerson')}
                    keywords={[
                      ...both((tt) => tt('palette.addPerson')),
                      ...CREATE_WORDS,
                      'people',
                      'team',
                      'hire',
                      'personas',
                      'equipo',
                      'contratar',
                    ]}
                    icon={<UserRoundPlus />}
                    onSelect={() => requestCreate('person')}
                  />
                  <Item
                    label={t('palette.logTime')}
                    keywords={[...both((tt) => tt('palette.logTime')), 'hours', 'timesheet', 'horas', 'tiempo']}
                    icon={<Clock />}
                    onSelect={() => setLogTimeOpen(true)}
                  />
                </PaletteGroup>
                <PaletteGroup heading={t('palette.workspace')} flat={flat}>
                  <Item
                    label={t('palette.backup')}
                    keywords={[...both((tt) => tt('palette.backup')), 'backup', 'respaldo']}
                    icon={<DatabaseBackup />}
                    onSelect={() => void backupNow()}
                  />
                  <Item
                    label={t('palette.openFile')}
                    keywords={both((tt) => tt('palette.openFile'))}
                    icon={<FolderOpen />}
                    onSelect={() => leave(() => setOpenFileOpen(true))}
                  />
                  <Item
                    label={t('palette.openDemo')}
                    keywords={both((tt) => tt('palette.openDemo'))}
                    icon={<Sparkles />}
                    onSelect={() => leave(() => void startDemo())}
                  />
                  <Item
                    label={t('palette.closeWorkspace')}
                    keywords={both((tt) => tt('palette.closeWorkspace'))}
                    icon={<LogOut />}
                    onSelect={() => leave(() => void closeWorkspace())}
                  />
                </PaletteGroup>
                <PaletteGroup heading={t('palette.preferences')} flat={flat}>
                  <Item {...themeItem('light')} icon={<Sun />} onSelect={() => setPrefs({ theme: 'light' })} />
                  <Item {...themeItem('dark')} icon={<Moon />} onSelect={() => setPrefs({ theme: 'dark' })} />
                  <Item {...themeItem('system')} icon={<Monitor />} onSelect={() => setPrefs({ theme: 'system' })} />
                  <Item {...languageItem('en')} icon={<Languages />} onSelect={() => setPrefs({ language: 'en' })} />
                  <Item {...languageItem('es')} icon={<Languages />} onSelect={() => setPrefs({ language: 'es' })} />
                  <Item
                    label={t('palette.languageSystem')}
                    keywords={[...both((tt) => tt('palette.languageSystem')), 'language', 'idioma']}
                    icon={<Languages />}
                    onSelect={() => setPrefs({ language: null })}
                  />
                  <Item
                    label={collapsed ? t('shell.expandSidebar') : t('shell.collapseSidebar')}
                    keywords={[
                      ...both((tt) => (collapsed ? tt('shell.expandSidebar') : tt('shell.collapseSidebar'))),
                      'sidebar',
                      'barra lateral',
                    ]}
                    icon={<PanelLeft />}
                    onSelect={() => setPrefs({ sidebarCollapsed: !collapsed })}
                  />
                  <Item
                    label={t('palette.shortcuts')}
                    keywords={[...both((tt) => tt('palette.shortcuts')), 'keys', 'hotkeys', 'help', 'teclas', 'ayuda']}
                    icon={<Keyboard />}
                    hint={<Kbd>?</Kbd>}
                    onSelect={() => setShortcutsOpen(true)}
                  />
                </PaletteGroup>
              </CommandsGroup>
              {records.results ? <RecordGroups results={records.results} /> : null}
            </PaletteList>
            <RecordStatus searching={records.searching} error={records.results?.error ?? null} />
          </Command>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
