import { Building2, CalendarOff, Database, Layers3, Palette, SlidersHorizontal, Target } from 'lucide-react';
import { Tabs } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/actions';
import { useAnyUnsaved } from '../../app/leaveGuard';
import { SETTINGS_TABS, type SettingsTab, useApp } from '../../app/store';
import { PageHeader } from '../../components/PageHeader';
import { ScoringTab } from '../pipeline/ScoringTab';
import { HolidaysTab } from '../time/HolidaysTab';
import { AppearanceTab } from './AppearanceTab';
import { CatalogueTab } from './CatalogueTab';
import { DataTab } from './DataTab';
import { HubsTab } from './HubsTab';
import { ProfileTab } from './ProfileTab';

const ICONS: Record<SettingsTab, typeof Building2> = {
  profile: SlidersHorizontal,
  hubs: Building2,
  holidays: CalendarOff,
  catalogue: Layers3,
  scoring: Target,
  data: Database,
  appearance: Palette,
};

export function SettingsPage() {
  const { t } = useTranslation();
  const tab = useApp((s) => s.settingsTab);
  // With unsaved changes, the arrow keys only move along the tabs: Enter or Space opens one (and asks first).
  const unsaved = useAnyUnsaved();
  return (
    <div data-testid="section-settings">
      <PageHeader title={t('sections.settings.title')} description={t('settings.description')} />
      <Tabs.Root
        value={tab}
        onValueChange={(v) => navigate('settings', v as SettingsTab)}
        activationMode={unsaved ? 'manual' : 'automatic'}
      >
        <Tabs.List aria-label={t('settings.tabsLabel')} className="mb-5 flex gap-1 border-b border-line">
          {SETTINGS_TABS.map((id) => {
            const Icon = ICONS[id];
            // One line each, in either language, down to the smallest window (1024 wide, sidebar open): the
            // padding narrows there rather than a label like "Catálogo de servicios" breaking in two.
            return (
              <Tabs.Trigger
                key={id}
                value={id}
                onKeyDown={(e) => {
                  // Enter and Space open the tab on the key press, not also by the click that follows it: that
                  // click would land on the "Discard your changes?" prompt that opening may raise.
                  if (e.key !== 'Enter' && e.key !== ' ') return;
                  e.preventDefault();
                  navigate('settings', id);
                }}
                className="-mb-px flex h-9 items-center gap-2 whitespace-nowrap rounded-t-md border-b-2 focus-visible:outline-offset-[-2px] border-transparent px-2 text-[13px] xl:px-3 font-medium text-muted transition-colors duration-150 hover:text-fg data-[state=active]:border-accent data-[state=active]:text-fg"
              >
                <Icon className="size-4" aria-hidden="true" />
                {t(`settings.tabs.${id}`)}
              </Tabs.Trigger>
            );
          })}
        </Tabs.List>
        <Tabs.Content value="profile">
          <ProfileTab />
        </Tabs.Content>
        <Tabs.Content value="hubs">
          <HubsTab />
        </Tabs.Content>
        <Tabs.Content value="holidays">
          <HolidaysTab />
        </Tabs.Content>
        <Tabs.Content value="catalogue">
          <CatalogueTab />
        </Tabs.Content>
        <Tabs.Content value="scoring">
          <ScoringTab />
        </Tabs.Content>
        <Tabs.Content value="data">
          <DataTab />
        </Tabs.Content>
        <Tabs.Content value="appearance">
          <AppearanceTab />
        </Tabs.Content>
      </Tabs.Root>
    </div>
  );
}
