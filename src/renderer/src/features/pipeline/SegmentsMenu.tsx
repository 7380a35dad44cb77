/** The Pipeline's segments menu: apply a saved segment, rename or delete one, or save the current view as one. */
import { Bookmark, BookmarkPlus, ChevronDown, Pencil, Trash2 } from 'lucide-react';
import { Popover } from 'radix-ui';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type { AppError, Args } from '../../../../shared/contract';
import { VIEW_NAME_MAX as SEGMENT_NAME_MAX, viewSaveSchema } from '../../../../shared/money-schemas';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { formatNumber } from '../../app/format';
import { errorTitle } from '../../app/i18n';
import { useFieldErrors } from '../../app/validation';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { CheckedName } from '../../components/CheckedName';
import { cn } from '../../components/cn';
import { ConfirmDialog, Modal } from '../../components/Dialog';
import { Field, Input } from '../../components/Field';
import { Tip } from '../../components/Tooltip';
import { loadSegments, openSegment, type Segment, useSegmentList, useSegments } from './segments';
import { type LeadsView, parseView, SEGMENT_SCREEN, sameMembers, sameView } from './viewState';

export function SegmentsMenu({ view }: { view: LeadsView }) {
  const { t, i18n } = useTranslation('pipeline');
  const lang = i18n.language;
  const segments = useSegmentList();
  const error = useSegments((s) => s.error);
  const [open, setOpen] = useState(false);
  /** The name dialog: saving the current view, or renaming a segment. */
  const [naming, setNaming] = useState<{ renaming: Segment | null } | null>(null);
  const [deleting, setDeleting] = useState<Segment | null>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  /** An item opened a dialog: the closing menu leaves focus to it (its name field, its Cancel), not to the button. */
  const toDialog = useRef(false);
  const openDialog = (open: () => void) => {
    toDialog.current = true;
    setOpen(false);
    open();
  };
  // The segment shown, sort included (as the sidebar marks it); else one of the same leads in another order.
  const current = useMemo(() => {
    const list = segments ?? [];
    return (
      list.find((s) => sameView(parseView(s.state), view)) ??
      list.find((s) => sameMembers(parseView(s.state), view)) ??
      null
    );
  }, [segments, view]);

  return (
    <>
      <Popover.Root open={open} onOpenChange={setOpen}>
        <Popover.Trigger asChild>
          <Button
            ref={trigger}
            icon={<Bookmark />}
            data-testid="segments-button"
            aria-label={current ? t('segments.buttonNamed', { name: current.name }) : undefined}
          >
            <span className="max-w-[10rem] truncate">{current ? current.name : t('segments.button')}</span>
            <ChevronDown className="text-faint" aria-hidden="true" />
          </Button>
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content
            align="end"
            sideOffset={6}
            aria-label={t('segments.title')}
            onCloseAutoFocus={(e) => {
              if (toDialog.current) e.preventDefault();
              toDialog.current = false;
            }}
            className="shadow-float z-50 w-72 animate-slide-down rounded-xl border border-line bg-surface p-1.5"
          >
            <p className="px-2 pt-1.5 pb-1 text-[12px] font-medium text-muted">{t('segments.title')}</p>
            {error ? (
              <p className="px-2 py-2 text-[12.5px] text-danger-text">{errorText(error)}</p>
            ) : (segments ?? []).length === 0 ? (
              <p className="px-2 py-2 text-[12.5px] text-muted">{t('segments.empty')}</p>
            ) : (
              <ul className="flex max-h-72 flex-col overflow-y-auto">
                {(segments ?? []).map((s) => {
                  const isCurrent = current?.id === s.id;
                  return (
                    <li key={s.id} className="group flex items-center gap-1 rounded-md hover:bg-hover">
                      <button
                        type="button"
                        className={cn(
                          'flex h-8 min-w-0 flex-1 items-center gap-2 rounded-md px-2 text-left text-[13px] text-fg',
                          isCurrent && 'font-medium',
                        )}
                        aria-current={isCurrent || undefined}
                        onClick={() => {
                          openSegment(s);
                          setOpen(false);
                        }}
                      >
                        <CheckedName checked={isCurrent} name={s.name} />
                        <span className="text-[12px] text-faint tabular-nums">
                          {s.count === null ? '' : formatNumber(s.count, lang, 0)}
                        </span>
                      </button>
                      <Tip label={t('segments.rename')}>
                        <Button
                          variant="ghost"
                          size="icon-sm"
                          aria-label={t('segments.renameNamed', { name: s.name })}
                          onClick={() => openDialog(() => setNaming({ renaming: s }))}
                        >
                          <Pencil />
                        </Button>
                      </Tip>
                      <Tip label={t('segments.delete')}>
                        <Button
                          variant="ghost"
                          size="icon-sm"
                          aria-label={t('segments.deleteNamed', { name: s.name })}
                          onClick={() => openDialog(() => setDeleting(s))}
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
                className="flex min-h-8 w-full items-center gap-2 rounded-md px-2 py-1.5 text-left leading-snug text-[13px] font-medium text-accent-text hover:bg-hover"
                onClick={() => openDialog(() => setNaming({ renaming: null }))}
              >
                <BookmarkPlus className="size-4 shrink-0" aria-hidden="true" />
                {t('segments.saveCurrent')}
              </button>
            </div>
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
      {naming ? (
        <SegmentNameDialog
          view={view}
          renaming={naming.renaming}
          existing={segments ?? []}
          returnFocus={() => trigger.current}
          onClose={() => setNaming(null)}
          onSaved={() => {
            setNaming(null);
            void loadSegments();
          }}
        />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(o) => (o ? undefined : setDeleting(null))}
        title={t('segments.deleteTitle', { name: deleting?.name ?? '' })}
        description={t('segments.deleteDescription')}
        confirmLabel={t('segments.deleteConfirm')}
        returnFocus={() => trigger.current}
        onConfirm={async () => {
          if (!deleting) return null;
          const result = await api.call('views/delete', { id: deleting.id });
          if (!result.ok) return result.error;
          toast.success(t('segments.deleted', { name: deleting.name }));
          void loadSegments();
          return null;
        }}
      />
    </>
  );
}

/** Names a segment: the current view under a name (a taken one replaces that segment), or `renaming` anew. */
function SegmentNameDialog({
  view,
  renaming,
  existing,
  returnFocus,
  onClose,
  onSaved,
}: {
  view: LeadsView;
  renaming: Segment | null;
  existing: Segment[];
  returnFocus: () => HTMLElement | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('pipeline');
  const [name, setName] = useState(renaming?.name ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const input = useMemo(
    () => ({
      screen: SEGMENT_SCREEN,
      name,
      state: JSON.parse(
        JSON.stringify({ filter: view.filter, search: view.search, sort: view.sort }),
      ) as Args<'views/save'>['state'],
    }),
    [name, view],
  );
  const v = useFieldErrors(viewSaveSchema, input);
  const duplicate = existing.find(
    (e) => e.id !== renaming?.id && e.name.trim().toLowerCase() === name.trim().toLowerCase(),
  );

  const save = async () => {
    v.setSubmitted(true);
    if (!v.valid) return;
    setBusy(true);
    setError(null);
    const result = renaming
      ? await api.call('views/rename', { id: renaming.id, name: input.name })
      : await api.call('views/save', input);
    setBusy(false);
    if (!result.ok) {
      if (result.error.field === 'name') v.setServerError('name', errorText(result.error));
      else setError(result.error);
      return;
    }
    const done = renaming ? 'segments.renamed' : duplicate ? 'segments.replaced' : 'segments.saved';
    toast.success(t(done, { name: result.value.name }));
    onSaved();
  };

  return (
    <Modal
      open
      onOpenChange={(o) => (o ? undefined : onClose())}
      title={renaming ? t('segments.renameTitle', { name: renaming.name }) : t('segments.saveTitle')}
      description={renaming ? t('segments.renameDescription') : t('segments.saveDescription')}
      width="max-w-md"
      testId="save-segment-dialog"
      returnFocus={returnFocus}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel', { ns: 'translation' })}
          </Button>
          <Button type="submit" form="save-segment-form" variant="primary" busy={busy}>
            {renaming ? t('segments.renameConfirm') : duplicate ? t('segments.replace') : t('segments.save')}
          </Button>
        </>
      }
    >
      <form
        id="save-segment-form"
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {error ? (
          <Banner tone="danger" title={errorTitle(error.code)}>
            {errorText(error)}
          </Banner>
        ) : null}
        <Field
          label={t('segments.name')}
          error={v.errorFor('name')}
          hint={
            duplicate
              ? t(renaming ? 'segments.nameTaken' : 'segments.replaces', { name: duplicate.name })
              : name.length >= SEGMENT_NAME_MAX - 10
                ? t('segments.nameLength', { n: name.length, max: SEGMENT_NAME_MAX })
                : t('segments.nameHint')
          }
        >
          {(p) => (
            <Input
              {...p}
              autoFocus
              value={name}
              maxLength={SEGMENT_NAME_MAX}
              onChange={(e) => {
                setName(e.target.value);
                v.edited('name');
              }}
              onBlur={() => v.touch('name')}
            />
          )}
        </Field>
      </form>
    </Modal>
  );
}
