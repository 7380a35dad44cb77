import { Building2, Pencil, Plus, Trash2 } from 'lucide-react';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type { Hub, Person } from '../../../../shared/contract';
import { refreshHubs } from '../../app/actions';
import { api } from '../../app/api';
import { countryName, formatNumber, formatPercentPoints } from '../../app/format';
import { useApiQuery } from '../../app/useApi';
import { Button } from '../../components/Button';
import { Card, CardHeader } from '../../components/Card';
import { columnHelper, DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { HubDot } from '../../components/HubDot';
import { SkeletonBlock } from '../../components/Skeleton';
import { Tip } from '../../components/Tooltip';
import { HubDeleteDialog } from './HubDeleteDialog';
import { HubDialog } from './HubDialog';

const col = columnHelper<Hub>();

export function HubsTab() {
  const { t, i18n } = useTranslation();
  const hubs = useApiQuery('hubs/list', {});
  const people = useApiQuery('people/list', {});
  const [editing, setEditing] = useState<Hub | 'new' | null>(null);
  // The hub is read from the (reloaded) list, so the dialog shows what blocks it now, not when the page loaded.
  const [deletingId, setDeletingId] = useState<number | null>(null);
  const deleting = deletingId === null ? null : (hubs.data?.find((h) => h.id === deletingId) ?? null);
  const lang = i18n.language;

  const reloadHubs = hubs.reload;
  const peopleById = useMemo(() => new Map((people.data ?? []).map((p) => [p.id, p])), [people.data]);

  const columns = useMemo(
    () =>
      col.columns([
        col.accessor('name', {
          header: () => t('fields.hubName'),
          cell: (c) => (
            <span className="flex items-center gap-2 font-medium">
              <HubDot color={c.row.original.color} />
              {c.getValue()}
            </span>
          ),
        }),
        col.accessor('country', {
          header: () => t('fields.country'),
          cell: (c) => {
            // ZZ is ISO 3166's "unknown or unspecified" code, used for hubs with no country.
            if (c.getValue() === 'ZZ') return <span className="text-muted">{t('hubs.anywhere')}</span>;
            return <span title={c.getValue()}>{countryName(c.getValue(), lang)}</span>;
          },
        }),
        col.accessor('timeZone', {
          header: () => t('fields.timeZone'),
          cell: (c) => <span className="text-muted">{c.getValue()}</span>,
        }),
        col.accessor('currency', { header: () => t('fields.currency') }),
        col.display({
          id: 'target',
          header: () => t('fields.target'),
          cell: (c) => {
            const h = c.row.original;
            if (!h.targetKind || h.targetSharePct === null)
              return <span className="text-faint">{t('hubs.target.none')}</span>;
            return t(`hubs.target.${h.targetKind}Share`, { share: formatPercentPoints(h.targetSharePct, lang) });
          },
        }),
        col.display({
          id: 'leader',
          header: () => t('fields.leader'),
          cell: (c) => {
            const id = c.row.original.leaderId;
            const leader = id === null ? undefined : peopleById.get(id);
            return leader ? leader.name : <span className="text-faint">—</span>;
          },
        }),
        col.accessor('peopleCount', {
          header: () => t('hubs.people'),
          cell: (c) => formatNumber(c.getValue(), lang, 0),
        }),
        col.accessor('projectsCount', {
          header: () => t('hubs.projects'),
          cell: (c) => formatNumber(c.getValue(), lang, 0),
        }),
        col.display({
          id: 'actions',
          header: () => <span className="sr-only">{t('common.actions')}</span>,
          cell: (c) => {
            const h = c.row.original;
            return (
              <span className="flex justify-end gap-1">
                <Tip label={t('common.edit')}>
                  <Button
                    variant="ghost"
                    size="icon-sm"
                    aria-label={t('hubs.editNamed', { name: h.name })}
                    onClick={() => setEditing(h)}
                  >
                    <Pencil />
                  </Button>
                </Tip>
                <Tip label={t('common.delete')}>
                  <Button
                    variant="ghost"
                    size="icon-sm"
                    aria-label={t('hubs.deleteNamed', { name: h.name })}
                    onClick={() => {
                      setDeletingId(h.id);
                      reloadHubs();
                    }}
                  >
                    <Trash2 />
                  </Button>
                </Tip>
              </span>
            );
          },
        }),
      ]),
    [t, lang, peopleById, reloadHubs],
  );

  const saved = (hub: Hub, created: boolean) => {
    setEditing(null);
    hubs.reload();
    void refreshHubs();
    toast.success(created ? t('toast.hubCreated', { name: hub.name }) : t('toast.saved'));
  };

  let body: ReactNode;
  if (hubs.status === 'error') body = <ErrorState error={hubs.error} onRetry={hubs.reload} />;
  else if (!hubs.data) body = <SkeletonBlock lines={4} className="p-5" />;
  else
    body = (
      <DataTable
        columns={columns}
        data={hubs.data}
        label={t('settings.hubs.title')}
        rightAligned={['peopleCount', 'projectsCount', 'actions']}
        rowTestId="hub-row"
        getRowId={(h) => String(h.id)}
        empty={
          <EmptyState
            icon={Building2}
            titleLevel={3}
            title={t('settings.hubs.emptyTitle')}
            description={t('settings.hubs.emptyDescription')}
          >
            <Button variant="primary" icon={<Plus />} onClick={() => setEditing('new')}>
              {t('hubs.add')}
            </Button>
          </EmptyState>
        }
      />
    );

  return (
    <Card>
      <CardHeader
        title={t('settings.hubs.title')}
        description={t('settings.hubs.description')}
        actions={
          <Button variant="primary" icon={<Plus />} onClick={() => setEditing('new')}>
            {t('hubs.add')}
          </Button>
        }
      />
      {body}
      {editing ? (
        <HubDialog
          hub={editing === 'new' ? null : editing}
          people={people.data ?? ([] as Person[])}
          existing={hubs.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      ) : null}
      <HubDeleteDialog
        hub={deleting}
        onClose={() => setDeletingId(null)}
        onEdit={(h) => {
          setDeletingId(null);
          setEditing(h);
        }}
        onDelete={async (h) => {
          const result = await api.call('hubs/delete', { id: h.id });
          if (!result.ok) return result.error;
          toast.success(t('toast.hubDeleted', { name: h.name }));
          hubs.reload();
          void refreshHubs();
          return null;
        }}
      />
    </Card>
  );
}
