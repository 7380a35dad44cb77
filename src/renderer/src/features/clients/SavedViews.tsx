import { Bookmark, BookmarkPlus, ChevronDown, Trash2 } from 'lucide-react';
import { Popover } from 'radix-ui';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type { AppError, Args } from '../../../../shared/contract';
import type { SavedView } from '../../../../shared/money';
import { viewSaveSchema } from '../../../../shared/money-schemas';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { useApiQuery } from '../../app/useApi';
import { useNameOrder } from '../../app/useNameOrder';
import { useFieldErrors } from '../../app/validation';
import { Button } from '../../components/Button';
import { CheckedName } from '../../components/CheckedName';
import { cn } from '../../components/cn';
import { ConfirmDialog, FormDialog } from '../../components/Dialog';
import { Field, Input } from '../../components/Field';
import { Tip } from '../../components/Tooltip';
import { type ClientsView, parseView, sameView, useClientsView } from './viewState';

const SCREEN = 'clients';

/** Saved views of the clients table: save the current filters and sort, apply one, delete one. */
export function SavedViews() {
  const { t } = useTranslation('clients');
  const views = useApiQuery('views/list', { screen: SCREEN });
  const listed = useNameOrder(views.data) ?? [];
  const view = useClientsView((s) => s.view);
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState<SavedView | null>(null);
  const current = useMemo(
    () => (views.data ?? []).find((v) => sameView(parseView(v.state), view)) ?? null,
    [views.data, view],
  );

  const apply = (v: SavedView) => {
    useClientsView.setState({ view: parseView(v.state) });
    setOpen(false);
  };

  return (
    <>
      <Popover.Root open={open} onOpenChange={setOpen}>
        <Popover.Trigger asChild>
          <Button icon={<Bookmark />} aria-label={current ? t('views.buttonNamed', { name: current.name }) : undefined}>
            <span className="max-w-[10rem] truncate">{current ? current.name : t('views.button')}</span>
            <ChevronDown className="text-faint" aria-hidden="true" />
          </Button>
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content
            align="end"
            sideOffset={6}
            aria-label={t('views.title')}
            className="shadow-float z-50 w-72 animate-slide-down rounded-xl border border-line bg-surface p-1.5"
          >
            <p className="px-2 pt-1.5 pb-1 text-[12px] font-medium text-muted">{t('views.title')}</p>
            {views.status === 'error' ? (
              <p className="px-2 py-2 text-[12.5px] text-danger-text">{errorText(views.error)}</p>
            ) : listed.length === 0 ? (
              <p className="px-2 py-2 text-[12.5px] text-muted">{t('views.empty')}</p>
            ) : (
              <ul className="flex flex-col" aria-label={t('views.title')}>
                {listed.map((v) => {
                  const isCurrent = current?.id === v.id;
                  return (
                    <li key={v.id} className="group flex items-center gap-1 rounded-md hover:bg-hover">
                      <button
                        type="button"
                        className={cn(
                          'flex h-8 min-w-0 flex-1 items-center gap-2 rounded-md px-2 text-left text-[13px] text-fg',
                          isCurrent && 'font-medium',
                        )}
                        aria-current={isCurrent || undefined}
                        onClick={() => apply(v)}
                      >
                        <CheckedName checked={isCurrent} name={v.name} />
                      </button>
                      <Tip label={t('views.delete')}>
                        <Button
                          variant="ghost"
                          size="icon-sm"
                          aria-label={t('views.deleteNamed', { name: v.name })}
                          onClick={() => {
                            setOpen(false);
                            setDeleting(v);
                          }}
                        >
                          <Trash2 />
                        </Button>
                      </Tip>
                    </li>
                  );
                })}
              </ul>
            )}
            <div className="mt-1 border-t border-line pt-1">
              <button
                type="button"
                className="flex h-8 w-full items-center gap-2 rounded-md px-2 text-left text-[13px] font-medium text-accent-text hover:bg-hover"
                onClick={() => {
                  setOpen(false);
                  setSaving(true);
                }}
              >
                <BookmarkPlus className="size-4" aria-hidden="true" />
                {t('views.saveCurrent')}
              </button>
            </div>
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
      {saving ? (
        <SaveViewDialog
          view={view}
          existing={views.data ?? []}
          onClose={() => setSaving(false)}
          onSaved={() => {
            setSaving(false);
            views.reload();
          }}
        />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(o) => (o ? undefined : setDeleting(null))}
        title={t('views.deleteTitle', { name: deleting?.name ?? '' })}
        description={t('views.deleteDescription')}
        confirmLabel={t('views.deleteConfirm')}
        onConfirm={async () => {
          if (!deleting) return null;
          const result = await api.call('views/delete', { id: deleting.id });
          if (!result.ok) return result.error;
          toast.success(t('views.deleted', { name: deleting.name }));
          views.reload();
          return null;
        }}
      />
    </>
  );
}

function SaveViewDialog({
  view,
  existing,
  onClose,
  onSaved,
}: {
  view: ClientsView;
  existing: SavedView[];
  onClose: () => void;
  onSaved: (v: SavedView) => void;
}) {
  const { t } = useTranslation('clients');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  // The view is plain JSON data (strings, a boolean, arrays); the round trip gives it the contract's JSON type.
  const input = useMemo(
    () => ({ screen: SCREEN, name, state: JSON.parse(JSON.stringify(view)) as Args<'views/save'>['state'] }),
    [name, view],
  );
  const v = useFieldErrors(viewSaveSchema, input);
  const duplicate = existing.find((e) => e.name.trim().toLowerCase() === name.trim().toLowerCase());

  const save = async () => {
    v.setSubmitted(true);
    if (!v.valid) return;
    setBusy(true);
    setError(null);
    // Saving under an existing name replaces that view (the core matches names case-insensitively).
    const result = await api.call('views/save', input);
    setBusy(false);
    if (!result.ok) {
      if (result.error.field === 'name') v.setServerError('name', errorText(result.error));
      else setError(result.error);
      return;
    }
    toast.success(t('views.saved', { name: result.value.name }));
    onSaved(result.value);
  };

  return (
    <FormDialog
      formId="save-view-form"
      title={t('views.saveTitle')}
      description={t('views.saveDescription')}
      width="max-w-md"
      testId="save-view-dialog"
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      submitLabel={t('views.save')}
    >
      <Field
        label={t('views.name')}
        error={v.errorFor('name')}
        hint={duplicate ? t('views.replaces', { name: duplicate.name }) : undefined}
      >
        {(p) => (
          <Input
            {...p}
            autoFocus
            value={name}
            maxLength={60}
            onChange={(e) => {
              setName(e.target.value);
              v.edited('name');
            }}
            onBlur={() => v.touch('name')}
          />
        )}
      </Field>
    </FormDialog>
  );
}
