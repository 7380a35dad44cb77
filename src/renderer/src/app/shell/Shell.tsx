import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../components/Dialog';
import { CapacityPage } from '../../features/capacity/CapacityPage';
import { ClientsPage } from '../../features/clients/ClientsPage';
import { FinancePage } from '../../features/finance/FinancePage';
import { PipelinePage } from '../../features/pipeline/PipelinePage';
import { SectionPlaceholder } from '../../features/placeholder/SectionPlaceholder';
import { ProjectsPage } from '../../features/projects/ProjectsPage';
import { SettingsPage } from '../../features/settings/SettingsPage';
import { LogTimeDialog } from '../../features/time/LogTimeDialog';
import { DemoProgress } from '../../features/welcome/DemoProgress';
import { OpenWorkspaceDialog } from '../../features/welcome/OpenWorkspace';
import { navigate, setPaletteOpen, setPrefs, setShortcutsOpen } from '../actions';
import { useApp } from '../store';
import { CommandPalette } from './CommandPalette';
import { LeavePrompt } from './LeavePrompt';
import { isShortcutsKey, modalOpen, ShortcutsDialog, typingIn } from './ShortcutsDialog';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';

function useShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isShortcutsKey(e)) {
        if (useApp.getState().shortcutsOpen) {
          e.preventDefault();
          setShortcutsOpen(false);
        } else if (!e.repeat && !modalOpen() && (e.ctrlKey || e.metaKey || !typingIn(e.target))) {
          e.preventDefault();
          setShortcutsOpen(true);
        }
        return;
      }
      const mod = e.metaKey || e.ctrlKey;
      if (!mod || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === 'k') {
        e.preventDefault();
        setPaletteOpen(!useApp.getState().paletteOpen);
      } else if (key === 'b' && !e.shiftKey) {
        e.preventDefault();
        void setPrefs({ sidebarCollapsed: !useApp.getState().prefs.sidebarCollapsed });
      } else if (key === ',') {
        e.preventDefault();
        navigate('settings');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** The demo job started from the palette while a workspace is open. */
function DemoJobDialog() {
  const { t } = useTranslation();
  const job = useApp((s) => s.demoJob);
  return (
    <Modal
      open={job !== null}
      onOpenChange={(o) => {
        if (!o && job?.status === 'failed') useApp.setState({ demoJob: null });
      }}
      title={t('demo.dialogTitle')}
      description={t('welcome.demo.description')}
    >
      <DemoProgress />
    </Modal>
  );
}

export function Shell() {
  const { t } = useTranslation();
  const section = useApp((s) => s.section);
  const mainRef = useRef<HTMLElement>(null);
  useShortcuts();

  // A new section starts at the top, and its heading is announced by focus.
  // biome-ignore lint/correctness/useExhaustiveDependencies: section is the trigger.
  useEffect(() => {
    mainRef.current?.scrollTo({ top: 0 });
  }, [section]);

  return (
    <div className="flex h-full">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-accent px-3 py-2 text-accent-fg focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        {t('shell.skipToContent')}
      </a>
      <Sidebar />
      <div className="flex min-w-0 flex-1 flex-col">
        <TopBar />
        {/* Relative: absolutely placed text (screen-reader-only labels) stays inside the pane that scrolls. Without
            it, such text far down a long page stretched the document, and the wheel slid the whole app out of view. */}
        <main
          id="main"
          ref={mainRef}
          tabIndex={-1}
          className="relative min-h-0 flex-1 overflow-y-auto focus:outline-none"
        >
          <div className="mx-auto w-full max-w-[1200px] px-6 py-6">
            {section === 'settings' ? (
              <SettingsPage />
            ) : section === 'clients' ? (
              <ClientsPage />
            ) : section === 'finance' ? (
              <FinancePage />
            ) : section === 'pipeline' ? (
              <PipelinePage />
            ) : section === 'projects' ? (
              <ProjectsPage />
            ) : section === 'capacity' ? (
              <CapacityPage />
            ) : (
              <SectionPlaceholder section={section} />
            )}
          </div>
        </main>
      </div>
      <CommandPalette />
      <ShortcutsDialog />
      <LogTimeDialog />
      <OpenWorkspaceDialog />
      <DemoJobDialog />
      <LeavePrompt />
    </div>
  );
}
