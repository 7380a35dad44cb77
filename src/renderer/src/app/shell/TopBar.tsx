import { Search } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Kbd, modKey } from '../../components/Kbd';
import { setPaletteOpen } from '../actions';
import { useApp, useOpenWorkspace } from '../store';
import { HubFilter } from './HubFilter';
import { PeriodPicker } from './PeriodPicker';
import { ThemeMenu } from './ThemeMenu';

export function TopBar() {
  const { t } = useTranslation();
  const workspace = useOpenWorkspace();
  const settings = useApp((s) => s.settings);
  const name = settings?.name ?? workspace?.name ?? '';
  return (
    <header className="flex h-14 shrink-0 items-center gap-3 border-b border-line bg-surface px-4">
      <div className="flex min-w-0 flex-1 items-center gap-2.5" data-testid="workspace-name">
        {settings?.logoDataUrl ? (
          <img
            src={settings.logoDataUrl}
            alt=""
            className="size-7 shrink-0 rounded-md border border-line object-contain"
          />
        ) : (
          <div
            aria-hidden="true"
            className="grid size-7 shrink-0 place-items-center rounded-md bg-subtle text-[12px] font-semibold text-muted"
          >
            {name.slice(0, 1).toUpperCase()}
          </div>
        )}
        <span className="truncate text-[14px] font-semibold text-fg" title={workspace?.path}>
          {name}
        </span>
      </div>
      <PeriodPicker />
      <HubFilter />
      <div className="flex shrink-0 items-center justify-end gap-1.5">
        <button
          type="button"
          onClick={() => setPaletteOpen(true)}
          aria-keyshortcuts="Control+K Meta+K"
          className="flex h-8 items-center gap-2 rounded-lg border border-line bg-subtle px-2.5 text-[13px] text-muted transition-colors duration-150 hover:border-line-strong hover:text-fg xl:w-[196px]"
        >
          <Search className="size-4 shrink-0" aria-hidden="true" />
          {/* A narrow window shows the icon and the shortcut only, so the workspace's name keeps its room. */}
          <span className="sr-only xl:not-sr-only xl:flex-1 xl:truncate xl:text-left">{t('palette.button')}</span>
          <Kbd>{modKey}</Kbd>
          <Kbd>K</Kbd>
        </button>
        <ThemeMenu />
      </div>
    </header>
  );
}
