import { Pencil } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { AppError, Hub } from '../../../../shared/contract';
import { Button } from '../../components/Button';
import { ConfirmDialog, Modal } from '../../components/Dialog';

/** What keeps a hub from being deleted, in the order the core checks it (hubs/repo.ts deleteHub). */
const BLOCKERS = [
  { key: 'people', count: (h: Hub) => h.peopleCount },
  { key: 'clients', count: (h: Hub) => h.clientsCount },
  { key: 'leads', count: (h: Hub) => h.leadsCount },
  { key: 'projects', count: (h: Hub) => h.projectsCount },
] as const;

export function hubBlockers(hub: Hub) {
  return BLOCKERS.map((b) => ({ key: b.key, count: b.count(hub) })).filter((b) => b.count > 0);
}

/**
 * Deleting a hub. A hub that people, clients, leads or projects still belong to
 * cannot be deleted (the core refuses, so no record is left without a hub): the
 * dialog then lists every one of them and offers what to do instead, with no
 * Delete button. A hub nothing belongs to is deleted after a confirmation.
 */
export function HubDeleteDialog({
  hub,
  onClose,
  onEdit,
  onDelete,
}: {
  hub: Hub | null;
  onClose: () => void;
  onEdit: (hub: Hub) => void;
  /** Returns an error to show, or null when done. */
  onDelete: (hub: Hub) => Promise<AppError | null>;
}) {
  const { t } = useTranslation();
  const blockers = hub ? hubBlockers(hub) : [];
  const blocked = blockers.length > 0;
  const close = (open: boolean) => (open ? undefined : onClose());

  return (
    <>
      <Modal
        open={hub !== null && blocked}
        onOpenChange={close}
        width="max-w-md"
        testId="hub-delete-blocked"
        title={t('hubs.deleteBlockedTitle', { name: hub?.name ?? '' })}
        description={t('hubs.deleteBlockedDescription')}
        footer={
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              variant="primary"
              icon={<Pencil />}
              onClick={() => {
                if (hub) onEdit(hub);
              }}
            >
              {t('hubs.editNamed', { name: hub?.name ?? '' })}
            </Button>
          </>
        }
      >
        <ul aria-label={t('hubs.blockersLabel')} className="flex flex-col gap-1.5" data-testid="hub-blockers">
          {blockers.map((b) => (
            <li key={b.key} className="flex items-center gap-2 text-[13px] text-fg">
              <span className="size-1.5 shrink-0 rounded-full bg-faint" aria-hidden="true" />
              <span className="tabular-nums">{t(`hubs.blockers.${b.key}`, { count: b.count })}</span>
            </li>
          ))}
        </ul>
        <p className="mt-4 text-[13px] text-muted">{t('hubs.deleteBlockedAdvice')}</p>
      </Modal>
      <ConfirmDialog
        open={hub !== null && !blocked}
        onOpenChange={close}
        title={t('hubs.deleteTitle', { name: hub?.name ?? '' })}
        description={t('hubs.deleteDescription')}
        confirmLabel={t('hubs.deleteConfirm')}
        onConfirm={async () => (hub ? onDelete(hub) : null)}
      />
    </>
  );
}
