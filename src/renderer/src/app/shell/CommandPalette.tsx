import { Command } from 'cmdk';
import {
  DatabaseBackup,
  FolderOpen,
  Languages,
  LogOut,
  Monitor,
  Moon,
  PanelLeft,
  Search,
  Sparkles,
  Sun,
} from 'lucide-react';
import { Dialog } from 'radix-ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTIONS } from '../../../../shared/domain';
import { Kbd } from '../../components/Kbd';
import { backupNow, closeWorkspace, navigate, setOpenFileOpen, setPaletteOpen, setPrefs, startDemo } from '../actions';
import { SECTION_META } from '../sections';
import { SETTINGS_TABS, useApp } from '../store';

function Item({
  onSelect,
  icon,
  children,
  keywords,
  hint,
  value,
}: {
  onSelect: () => void;
  icon: ReactNode;
  children: ReactNode;
  keywords?: string[];
  hint?: ReactNode;
  value: string;
}) {
  return (
    <Command.Item
      value={value}
      keywords={keywords}
      onSelect={() => {
        setPaletteOpen(false);
        onSelect();
      }}
      className="flex h-9 cursor-default select-none items-center gap-2.5 rounded-md px-2.5 text-[13px] text-fg data-[selected=true]:bg-hover [&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-faint"
    >
      {icon}
      <span className="flex-1 truncate">{children}</span>
      {hint ? <span className="text-[12px] text-faint">{hint}</span> : null}
    </Command.Item>
  );
}

/** ⌘K: jump to any section or run an app command, all from the keyboard. */
export function CommandPalette() {
  const { t } = useTranslation();
  const open = useApp((s) => s.paletteOpen);
  const collapsed = useApp((s) => s.prefs.sidebarCollapsed);
  const section = useApp((s) => s.section);

  return (
    <Dialog.Root open={open} onOpenChange={setPaletteOpen}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 animate-fade-in bg-slate-950/30 dark:bg-black/50" />
        <Dialog.Content
          className="shadow-float fixed top-[14vh] left-1/2 z-50 w-[min(600px,calc(100vw-32px))] -translate-x-1/2 animate-pop-in overflow-hidden rounded-[14px] border border-line bg-surface focus:outline-none"
          aria-describedby={undefined}
          data-testid="command-palette"
        >
          <Dialog.Title className="sr-only">{t('palette.title')}</Dialog.Title>
          <Command label={t('palette.title')} loop>
            <div className="flex items-center gap-2 border-b border-line px-3.5">
              <Search className="size-4 shrink-0 text-faint" aria-hidden="true" />
              <Command.Input
                autoFocus
                placeholder={t('palette.placeholder')}
                className="h-12 w-full bg-transparent text-[14px] text-fg outline-none placeholder:text-faint"
              />
              <Kbd>Esc</Kbd>
            </div>
            <Command.List className="p-1.5">
              <Command.Empty className="px-3 py-8 text-center text-[13px] text-muted">
                {t('palette.empty')}
              </Command.Empty>
              <Command.Group heading={t('palette.goTo')}>
                {SECTIONS.map((s) => {
                  const Icon = SECTION_META[s].icon;
                  return (
                    <Item
                      key={s}
                      value={`go-${s}`}
                      keywords={[t(`sections.${s}.title`), s]}
                      icon={<Icon />}
                      onSelect={() => navigate(s)}
                      hint={s === section ? t('palette.current') : undefined}
                    >
                      {t(`sections.${s}.title`)}
                    </Item>
                  );
                })}
                {SETTINGS_TABS.map((tab) => (
                  <Item
                    key={tab}
                    value={`settings-${tab}`}
                    keywords={[t('sections.settings.title'), t(`settings.tabs.${tab}`)]}
                    icon={<SECTION_META.settings.icon />}
                    onSelect={() => navigate('settings', tab)}
                  >
                    {t('palette.settingsTab', { tab: t(`settings.tabs.${tab}`) })}
                  </Item>
                ))}
              </Command.Group>
              <Command.Group heading={t('palette.workspace')}>
                <Item
                  value="backup"
                  keywords={[t('palette.backup')]}
                  icon={<DatabaseBackup />}
                  onSelect={() => void backupNow()}
                >
                  {t('palette.backup')}
                </Item>
                <Item
                  value="open-file"
                  keywords={[t('palette.openFile')]}
                  icon={<FolderOpen />}
                  onSelect={() => setOpenFileOpen(true)}
                >
                  {t('palette.openFile')}
                </Item>
                <Item
                  value="open-demo"
                  keywords={[t('palette.openDemo')]}
                  icon={<Sparkles />}
                  onSelect={() => void startDemo()}
                >
                  {t('palette.openDemo')}
                </Item>
                <Item
                  value="close"
                  keywords={[t('palette.closeWorkspace')]}
                  icon={<LogOut />}
                  onSelect={() => void closeWorkspace()}
                >
                  {t('palette.closeWorkspace')}
                </Item>
              </Command.Group>
              <Command.Group heading={t('palette.preferences')}>
                <Item
                  value="theme-light"
                  keywords={[t('theme.label')]}
                  icon={<Sun />}
                  onSelect={() => setPrefs({ theme: 'light' })}
                >
                  {t('palette.themeTo', { theme: t('theme.light') })}
                </Item>
                <Item
                  value="theme-dark"
                  keywords={[t('theme.label')]}
                  icon={<Moon />}
                  onSelect={() => setPrefs({ theme: 'dark' })}
                >
                  {t('palette.themeTo', { theme: t('theme.dark') })}
                </Item>
                <Item
                  value="theme-system"
                  keywords={[t('theme.label')]}
                  icon={<Monitor />}
                  onSelect={() => setPrefs({ theme: 'system' })}
                >
                  {t('palette.themeTo', { theme: t('theme.system') })}
                </Item>
                <Item
                  value="lang-en"
                  keywords={['language', 'idioma', 'English']}
                  icon={<Languages />}
                  onSelect={() => setPrefs({ language: 'en' })}
                >
                  {t('palette.languageTo', { language: 'English' })}
                </Item>
                <Item
                  value="lang-es"
                  keywords={['language', 'idioma', 'Español']}
                  icon={<Languages />}
                  onSelect={() => setPrefs({ language: 'es' })}
                >
                  {t('palette.languageTo', { language: 'Español' })}
                </Item>
                <Item
                  value="lang-system"
                  keywords={['language', 'idioma']}
                  icon={<Languages />}
                  onSelect={() => setPrefs({ language: null })}
                >
                  {t('palette.languageSystem')}
                </Item>
                <Item
                  value="sidebar"
                  keywords={['sidebar']}
                  icon={<PanelLeft />}
                  onSelect={() => setPrefs({ sidebarCollapsed: !collapsed })}
                >
                  {collapsed ? t('shell.expandSidebar') : t('shell.collapseSidebar')}
                </Item>
              </Command.Group>
            </Command.List>
          </Command>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
