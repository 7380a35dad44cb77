import { PanelLeftClose, PanelLeftOpen, TowerControl } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { SECTIONS, type Section } from '../../../../shared/domain';
import { cn } from '../../components/cn';
import { modKey } from '../../components/Kbd';
import { Tip } from '../../components/Tooltip';
import { SidebarSegments } from '../../features/pipeline/SidebarSegments';
import { navigate, setPrefs } from '../actions';
import { SECTION_META } from '../sections';
import { useApp } from '../store';

const MAIN: Section[] = SECTIONS.filter((s) => s !== 'settings');

export function Sidebar() {
  const { t } = useTranslation();
  const collapsed = useApp((s) => s.prefs.sidebarCollapsed);
  const section = useApp((s) => s.section);

  const item = (s: Section) => {
    const Icon = SECTION_META[s].icon;
    const active = s === section;
    const label = t(`sections.${s}.title`);
    return (
      <li key={s}>
        <Tip label={label} side="right" disabled={!collapsed}>
          <button
            type="button"
            onClick={() => navigate(s)}
            aria-current={active ? 'page' : undefined}
            aria-label={collapsed ? label : undefined}
            data-testid={`nav-${s}`}
            className={cn(
              'group flex h-8 w-full items-center gap-2.5 rounded-lg text-[13px] font-medium transition-colors duration-150',
              collapsed ? 'justify-center px-0' : 'px-2.5',
              active ? 'bg-accent-soft text-accent-text' : 'text-muted hover:bg-hover hover:text-fg',
            )}
          >
            <Icon
              className={cn('size-4 shrink-0', active ? 'text-accent-text' : 'text-faint group-hover:text-fg')}
              aria-hidden="true"
            />
            {collapsed ? null : <span className="truncate">{label}</span>}
          </button>
        </Tip>
      </li>
    );
  };

  return (
    <nav
      aria-label={t('shell.navigation')}
      className={cn(
        'flex h-full shrink-0 flex-col border-r border-line bg-surface transition-[width] duration-150',
        collapsed ? 'w-[60px]' : 'w-[220px]',
      )}
    >
      <div
        className={cn(
          'flex h-14 shrink-0 items-center gap-2 border-b border-line',
          collapsed ? 'justify-center' : 'px-4',
        )}
      >
        <div className="grid size-7 place-items-center rounded-lg bg-accent text-accent-fg">
          <TowerControl className="size-4" aria-hidden="true" />
        </div>
        {collapsed ? null : <span className="text-[15px] font-semibold tracking-tight text-fg">Atalaya</span>}
      </div>
      <ul className="flex flex-1 flex-col gap-0.5 overflow-y-auto p-2">
        {MAIN.map((s) => (s === 'pipeline' ? [item(s), <SidebarSegments key="segments" />] : item(s)))}
      </ul>
      <div className="flex flex-col gap-0.5 border-t border-line p-2">
        <ul>{item('settings')}</ul>
        <Tip label={`${collapsed ? t('shell.expandSidebar') : t('shell.collapseSidebar')} (${modKey}+B)`} side="right">
          <button
            type="button"
            onClick={() => setPrefs({ sidebarCollapsed: !collapsed })}
            aria-label={collapsed ? t('shell.expandSidebar') : t('shell.collapseSidebar')}
            aria-expanded={!collapsed}
            className={cn(
              'flex h-8 w-full items-center gap-2.5 rounded-lg text-[13px] text-muted transition-colors duration-150 hover:bg-hover hover:text-fg',
              collapsed ? 'justify-center' : 'px-2.5',
            )}
          >
            {collapsed ? (
              <PanelLeftOpen className="size-4" aria-hidden="true" />
            ) : (
              <PanelLeftClose className="size-4" aria-hidden="true" />
            )}
            {collapsed ? null : <span className="flex-1 truncate text-left">{t('shell.collapseSidebar')}</span>}
          </button>
        </Tip>
      </div>
    </nav>
  );
}
