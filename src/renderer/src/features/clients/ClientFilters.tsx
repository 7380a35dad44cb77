import { Search, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Hub } from '../../../../shared/contract';
import { TIERS, VERTICALS } from '../../../../shared/domain';
import { Button } from '../../components/Button';
import { Input } from '../../components/Field';
import { HubDot } from '../../components/HubDot';
import { Select } from '../../components/Select';
import {
  activeFilterCount,
  type ClientsView,
  DEFAULT_VIEW,
  HEALTH_FILTERS,
  SUBSCRIPTION_FILTERS,
  setView,
} from './viewState';

/**
 * The filters size to their labels, a little tighter than a form's select, so search and all five
 * fit one row at 1280 px in Spanish too ("Cualquier suscripción"); with a filter chosen the row may
 * wrap, the search keeping the first line full.
 */
const FILTER_SELECT = 'w-auto! max-w-[14rem] gap-1.5! px-2!';

/** Search and the five filters of the clients table. */
export function ClientFilters({ view, hubs, globalHub }: { view: ClientsView; hubs: Hub[]; globalHub: Hub | null }) {
  const { t } = useTranslation('clients');
  const active = activeFilterCount(view);
  return (
    <search className="flex flex-wrap items-center gap-2" aria-label={t('filters.label')}>
      {/* At least as wide as its placeholder; it takes what the row leaves, up to 20rem. */}
      <div className="relative min-w-44 max-w-80 flex-1">
        <Search
          className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-faint"
          aria-hidden="true"
        />
        <Input
          type="search"
          value={view.q}
          onChange={(e) => setView({ q: e.target.value })}
          placeholder={t('filters.searchPlaceholder')}
          aria-label={t('filters.search')}
          className="pl-8"
        />
      </div>
      <Select
        aria-label={t('filters.tier')}
        className={FILTER_SELECT}
        value={view.tier}
        onChange={(v) => setView({ tier: v as ClientsView['tier'] })}
        options={[
          { value: 'all', label: t('filters.allTiers') },
          ...TIERS.map((tier) => ({ value: String(tier), label: t(`tier.long.${tier}`) })),
        ]}
      />
      <Select
        aria-label={t('filters.vertical')}
        className={FILTER_SELECT}
        value={view.vertical}
        onChange={(v) => setView({ vertical: v as ClientsView['vertical'] })}
        options={[
          { value: 'all', label: t('filters.allVerticals') },
          ...VERTICALS.map((v) => ({ value: v, label: t(`vertical.${v}`) })),
        ]}
      />
      <Select
        aria-label={t('filters.hub')}
        className={FILTER_SELECT}
        disabled={globalHub !== null}
        value={globalHub ? String(globalHub.id) : view.hub}
        onChange={(v) => setView({ hub: v })}
        options={[
          { value: 'all', label: t('filters.allHubs') },
          ...hubs.map((h) => ({ value: String(h.id), label: h.name, icon: <HubDot color={h.color} /> })),
          { value: 'none', label: t('noHub') },
        ]}
      />
      <Select
        aria-label={t('filters.health')}
        className={FILTER_SELECT}
        value={view.health}
        onChange={(v) => setView({ health: v as ClientsView['health'] })}
        options={HEALTH_FILTERS.map((h) => ({ value: h, label: t(`filters.healthOptions.${h}`) }))}
      />
      <Select
        aria-label={t('filters.subscription')}
        className={FILTER_SELECT}
        value={view.subscription}
        onChange={(v) => setView({ subscription: v as ClientsView['subscription'] })}
        options={SUBSCRIPTION_FILTERS.map((s) => ({ value: s, label: t(`filters.subscriptionOptions.${s}`) }))}
      />
      {active > 0 ? (
        <Button
          variant="ghost"
          size="sm"
          icon={<X />}
          onClick={() => setView({ ...DEFAULT_VIEW, sorting: view.sorting })}
        >
          {t('filters.clear', { count: active })}
        </Button>
      ) : null}
    </search>
  );
}
