import { Layers } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { HubDot } from '../../components/HubDot';
import { Select } from '../../components/Select';
import { setPrefs } from '../actions';
import { useApp } from '../store';

export function HubFilter() {
  const { t } = useTranslation();
  const hubs = useApp((s) => s.hubs);
  const filter = useApp((s) => s.prefs.hubFilter);
  const value = filter === 'all' || !hubs.some((h) => h.id === filter) ? 'all' : String(filter);
  return (
    <div className="w-[176px] shrink-0">
      <Select
        aria-label={t('hubFilter.label')}
        value={value}
        onChange={(v) => setPrefs({ hubFilter: v === 'all' ? 'all' : Number(v) })}
        className="bg-surface"
        options={[
          {
            value: 'all',
            label: t('hubFilter.all'),
            icon: <Layers className="size-3.5 text-faint" aria-hidden="true" />,
          },
          ...hubs.map((h) => ({ value: String(h.id), label: h.name, icon: <HubDot color={h.color} /> })),
        ]}
      />
    </div>
  );
}
