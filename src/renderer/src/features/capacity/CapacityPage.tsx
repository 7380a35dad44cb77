/** Capacity (PRODUCT.md §3.3): the people × weeks board, demand against capacity, and time-zone coverage. */
import { Globe2, LayoutGrid, TrendingUp } from 'lucide-react';
import { Tabs } from 'radix-ui';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store';
import { PageHeader } from '../../components/PageHeader';
import { BoardTab } from './BoardTab';
import { CoverageTab } from './CoverageTab';
import { DemandTab } from './DemandTab';
import { CAPACITY_TABS, type CapacityTab, setCapacityTab, useCapacity } from './store';

const ICONS: Record<CapacityTab, typeof LayoutGrid> = { board: LayoutGrid, demand: TrendingUp, coverage: Globe2 };

const triggerClass =
  '-mb-px flex h-9 items-center gap-2 rounded-t-md border-b-2 border-transparent px-3 text-[13px] font-medium text-muted transition-colors duration-150 hover:text-fg focus-visible:outline-offset-[-2px] data-[state=active]:border-accent data-[state=active]:text-fg';

export function CapacityPage() {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('capacity');
  const tab = useCapacity((s) => s.tab);
  // The command palette's Add person is taken by the Board tab (its toolbar's button opens the dialog).
  const addingPerson = useApp((s) => s.createRequest === 'person');
  useEffect(() => {
    if (addingPerson) setCapacityTab('board');
  }, [addingPerson]);
  return (
    <div data-testid="section-capacity">
      <PageHeader title={t('sections.capacity.title')} description={t('sections.capacity.question')} />
      <Tabs.Root value={tab} onValueChange={(v) => setCapacityTab(v as CapacityTab)}>
        <Tabs.List aria-label={tc('tabs.label')} className="mb-4 flex gap-1 border-b border-line">
          {CAPACITY_TABS.map((id) => {
            const Icon = ICONS[id];
            return (
              <Tabs.Trigger key={id} value={id} className={triggerClass}>
                <Icon className="size-4" aria-hidden="true" />
                {tc(`tabs.${id}`)}
              </Tabs.Trigger>
            );
          })}
        </Tabs.List>
        <Tabs.Content value="board">
          <BoardTab />
        </Tabs.Content>
        <Tabs.Content value="demand">
          <DemandTab />
        </Tabs.Content>
        <Tabs.Content value="coverage">
          <CoverageTab />
        </Tabs.Content>
      </Tabs.Root>
    </div>
  );
}
