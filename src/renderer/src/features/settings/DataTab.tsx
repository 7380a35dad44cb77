import { DatabaseBackup, FolderOpen, FolderSearch, HardDrive, LogOut } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableCounts } from '../../../../shared/contract';
import { backupNow, closeWorkspace, refreshSummary, setOpenFileOpen, toastError } from '../../app/actions';
import { api } from '../../app/api';
import { formatNumber } from '../../app/format';
import { useApp, useOpenWorkspace } from '../../app/store';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Card, CardHeader } from '../../components/Card';
import { ConfirmDialog } from '../../components/Dialog';

const COUNT_ORDER: (keyof TableCounts)[] = ['hubs', 'people', 'services', 'clients', 'projects', 'leads', 'audit_log'];

export function DataTab() {
  const { t, i18n } = useTranslation();
  const workspace = useOpenWorkspace();
  const host = useApp((s) => s.info?.host);
  const [backingUp, setBackingUp] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);
  useEffect(() => {
    void refreshSummary();
  }, []);
  if (!workspace) return null;

  const reveal = async () => {
    const result = await api.call('host/revealPath', { path: workspace.path });
    if (!result.ok) toastError(result.error);
  };

  return (
    <div className="flex flex-col gap-4">
      {workspace.onSyncedFolder ? (
        <Banner tone="warning" title={t('settings.data.syncedTitle')} role="alert">
          {t('settings.data.syncedBody')}
        </Banner>
      ) : null}
      {workspace.migratedFrom !== null ? (
        <Banner tone="info" title={t('settings.data.migratedTitle')}>
          {t('settings.data.migratedBody', { from: workspace.migratedFrom, to: workspace.schemaVersion })}
        </Banner>
      ) : null}
      <Card>
        <CardHeader title={t('settings.data.fileTitle')} description={t('settings.data.fileDescription')} />
        <div className="flex flex-col gap-4 px-5 py-5">
          <div className="flex items-center gap-3 rounded-[10px] border border-line bg-subtle px-3.5 py-3">
            <HardDrive className="size-5 shrink-0 text-faint" aria-hidden="true" />
            <div className="min-w-0 flex-1">
              <p className="text-[12px] text-faint">{t('settings.data.location')}</p>
              <p
                className="truncate font-mono text-[12.5px] text-fg select-all"
                title={workspace.path}
                data-testid="workspace-path"
              >
                {workspace.path}
              </p>
            </div>
            <span className="shrink-0 rounded-full border border-line bg-surface px-2 py-0.5 text-[11px] font-medium text-muted">
              {t('settings.data.schema', { version: workspace.schemaVersion })}
            </span>
          </div>
          <div className="flex flex-wrap gap-2">
            {host === 'electron' ? (
              <Button icon={<FolderSearch />} onClick={() => void reveal()}>
                {t('settings.data.reveal')}
              </Button>
            ) : null}
            <Button
              variant="primary"
              icon={<DatabaseBackup />}
              busy={backingUp}
              onClick={async () => {
                setBackingUp(true);
                await backupNow();
                setBackingUp(false);
              }}
            >
              {t('settings.data.backup')}
            </Button>
            <Button icon={<FolderOpen />} onClick={() => setOpenFileOpen(true)}>
              {t('settings.data.openAnother')}
            </Button>
            <Button variant="ghost" icon={<LogOut />} onClick={() => setConfirmClose(true)}>
              {t('settings.data.close')}
            </Button>
          </div>
        </div>
      </Card>
      <Card>
        <CardHeader title={t('settings.data.contentsTitle')} description={t('settings.data.contentsDescription')} />
        <dl className="grid grid-cols-7 divide-x divide-line">
          {COUNT_ORDER.map((k) => (
            <div key={k} className="px-4 py-4">
              <dt className="text-[12px] text-muted">{t(`settings.data.tables.${k}`)}</dt>
              <dd className="mt-1 text-lg font-semibold tabular-nums text-fg">
                {formatNumber(workspace.counts[k] ?? 0, i18n.language, 0)}
              </dd>
            </div>
          ))}
        </dl>
      </Card>
      <ConfirmDialog
        open={confirmClose}
        onOpenChange={setConfirmClose}
        destructive={false}
        title={t('settings.data.closeTitle')}
        description={t('settings.data.closeDescription')}
        confirmLabel={t('settings.data.close')}
        onConfirm={async () => {
          await closeWorkspace();
          return null;
        }}
      />
    </div>
  );
}
