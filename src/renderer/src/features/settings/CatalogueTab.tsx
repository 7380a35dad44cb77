import { Layers3, Pencil } from 'lucide-react';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type { Service } from '../../../../shared/contract';
import { TIERS } from '../../../../shared/domain';
import { refreshSummary, toastError } from '../../app/actions';
import { api } from '../../app/api';
import { formatMoneyRange, formatNumber } from '../../app/format';
import { useApiQuery } from '../../app/useApi';
import { Button } from '../../components/Button';
import { Card, CardHeader } from '../../components/Card';
import { columnHelper, DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { SkeletonBlock } from '../../components/Skeleton';
import { Switch } from '../../components/Switch';
import { Tip } from '../../components/Tooltip';
import { ServiceDialog } from './ServiceDialog';

const col = columnHelper<Service>();

export function useHoursRange() {
  const { t, i18n } = useTranslation();
  return (min: number, max: number) => {
    const range =
      min === max
        ? formatNumber(min, i18n.language)
        : `${formatNumber(min, i18n.language)}–${formatNumber(max, i18n.language)}`;
    return t('catalogue.hours', { range });
  };
}

export function CatalogueTab() {
  const { t, i18n } = useTranslation();
  const q = useApiQuery('catalogue/list', {});
  const [editing, setEditing] = useState<Service | null>(null);
  const lang = i18n.language;
  const hoursRange = useHoursRange();

  const toggle = async (s: Service, active: boolean) => {
    q.setData((list) => list.map((x) => (x.id === s.id ? { ...x, active } : x)));
    const result = await api.call('catalogue/update', { id: s.id, patch: { active } });
    if (!result.ok) {
      q.setData((list) => list.map((x) => (x.id === s.id ? { ...x, active: s.active } : x)));
      toastError(result.error);
      return;
    }
    toast.success(
      active ? t('toast.serviceActivated', { name: s.name }) : t('toast.serviceDeactivated', { name: s.name }),
    );
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: toggle and hoursRange only close over stable setters and t.
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor('name', {
          header: () => t('catalogue.service'),
          cell: (c) => {
            const s = c.row.original;
            return (
              <span className="flex min-w-0 flex-col">
                <span className={s.active ? 'font-medium' : 'font-medium text-muted'}>{s.name}</span>
                <span className="text-[12px] text-faint">
                  {s.code} · {t(`catalogue.kind.${s.kind}`)}
                </span>
              </span>
            );
          },
        }),
        ...TIERS.map((tier) =>
          col.display({
            id: `tier${tier}`,
            header: () => t(`catalogue.tier${tier}`),
            cell: (c) => {
              const s = c.row.original;
              const r = s.prices[tier];
              const money = formatMoneyRange(r.min, r.max, s.currency, lang);
              return (
                <span className="whitespace-nowrap">
                  {money}
                  {s.kind === 'subscription' ? <span className="text-faint">{t('catalogue.perMonth')}</span> : null}
                </span>
              );
            },
          }),
        ),
        col.display({
          id: 'turnaround',
          header: () => t('catalogue.turnaround'),
          cell: (c) => {
            const s = c.row.original;
            if (s.kind === 'subscription' && s.turnaroundHours.max === 0)
              return <span className="text-faint">{t('catalogue.recurring')}</span>;
            return hoursRange(s.turnaroundHours.min, s.turnaroundHours.max);
          },
        }),
        col.accessor('effortHours', {
          header: () => t('catalogue.effort'),
          cell: (c) => hoursRange(c.getValue(), c.getValue()),
        }),
        col.display({
          id: 'active',
          header: () => t('catalogue.active'),
          cell: (c) => {
            const s = c.row.original;
            return (
              <Switch
                checked={s.active}
                onCheckedChange={(on) => void toggle(s, on)}
                aria-label={t('catalogue.activeNamed', { name: s.name })}
              />
            );
          },
        }),
        col.display({
          id: 'actions',
          header: () => <span className="sr-only">{t('common.actions')}</span>,
          cell: (c) => (
            <Tip label={t('common.edit')}>
              <Button
                variant="ghost"
                size="icon-sm"
                aria-label={t('catalogue.editNamed', { name: c.row.original.name })}
                onClick={() => setEditing(c.row.original)}
              >
                <Pencil />
              </Button>
            </Tip>
          ),
        }),
      ]),
    [t, lang],
  );

  let body: ReactNode;
  if (q.status === 'error') body = <ErrorState error={q.error} onRetry={q.reload} />;
  else if (!q.data) body = <SkeletonBlock lines={6} className="p-5" />;
  else
    body = (
      <DataTable
        columns={columns}
        data={q.data}
        label={t('settings.catalogue.title')}
        rightAligned={['tier1', 'tier2', 'tier3', 'turnaround', 'effortHours', 'actions']}
        rowTestId="service-row"
        getRowId={(s) => String(s.id)}
        empty={
          <EmptyState
            icon={Layers3}
            titleLevel={3}
            title={t('settings.catalogue.emptyTitle')}
            description={t('settings.catalogue.emptyDescription')}
          />
        }
      />
    );

  return (
    <Card>
      <CardHeader title={t('settings.catalogue.title')} description={t('settings.catalogue.description')} />
      {body}
      {editing ? (
        <ServiceDialog
          service={editing}
          onClose={() => setEditing(null)}
          onSaved={(s) => {
            setEditing(null);
            q.setData((list) => list.map((x) => (x.id === s.id ? s : x)));
            toast.success(t('toast.saved'));
            void refreshSummary();
          }}
        />
      ) : null}
    </Card>
  );
}
