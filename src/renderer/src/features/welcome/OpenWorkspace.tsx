import { FileClock, FolderOpen } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract';
import { pathSchema } from '../../../../shared/schemas';
import { openWorkspace, pickAndOpenWorkspace, setOpenFileOpen } from '../../app/actions';
import { errorText } from '../../app/errors';
import { errorTitle } from '../../app/i18n';
import { useApp } from '../../app/store';
import { useFieldErrors } from '../../app/validation';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Modal } from '../../components/Dialog';
import { Field, Input } from '../../components/Field';

/**
 * Open a workspace file: the native picker under Electron, a path field in the
 * browser host. Recent files are one click away.
 */
export function OpenWorkspaceForm({ autoFocus }: { autoFocus?: boolean }) {
  const { t } = useTranslation();
  const host = useApp((s) => s.info?.host);
  const current = useApp((s) => (s.workspace?.state === 'open' ? s.workspace.path : null));
  const recent = useApp((s) => s.prefs.recentWorkspaces)
    .filter((p) => p !== current)
    .slice(0, 4);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const value = { path: path.trim() };
  const v = useFieldErrors(pathSchema, value);

  const open = async (p: string) => {
    setBusy(true);
    setError(null);
    const failure = await openWorkspace(p);
    setBusy(false);
    if (failure) {
      setError(failure);
      if (host === 'web') v.setServerError('path', errorText(failure));
    }
  };

  const submit = async () => {
    v.setSubmitted(true);
    if (!v.valid) return;
    await open(value.path);
  };

  const pick = async () => {
    setBusy(true);
    setError(null);
    const failure = await pickAndOpenWorkspace();
    setBusy(false);
    if (failure) setError(failure);
  };

  return (
    <div className="flex flex-col gap-4">
      {host === 'web' ? (
        <form
          noValidate
          className="flex items-start gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Field className="flex-1" label={t('open.pathLabel')} hint={t('open.pathHint')} error={v.errorFor('path')}>
            {(p) => (
              <Input
                {...p}
                autoFocus={autoFocus}
                value={path}
                spellCheck={false}
                placeholder={t('open.pathPlaceholder')}
                onChange={(e) => {
                  setPath(e.target.value);
                  v.edited('path');
                }}
                onBlur={() => v.touch('path')}
                className="font-mono text-[12.5px]"
              />
            )}
          </Field>
          <Button type="submit" variant="primary" className="mt-[25px]" busy={busy} icon={<FolderOpen />}>
            {t('open.open')}
          </Button>
        </form>
      ) : (
        <div className="flex flex-col items-start gap-2">
          <Button variant="primary" busy={busy} icon={<FolderOpen />} onClick={() => void pick()}>
            {t('open.choose')}
          </Button>
          {error ? (
            <Banner tone="danger" title={errorTitle(error.code)} className="w-full">
              {errorText(error)}
            </Banner>
          ) : null}
        </div>
      )}
      {recent.length > 0 ? (
        <div>
          <p className="mb-1.5 text-[12px] font-medium text-faint">{t('open.recent')}</p>
          <ul className="flex flex-col gap-1">
            {recent.map((p) => (
              <li key={p}>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void open(p)}
                  className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-[12.5px] text-muted hover:bg-hover hover:text-fg"
                >
                  <FileClock className="size-4 shrink-0 text-faint" aria-hidden="true" />
                  <span className="truncate font-mono" title={p}>
                    {p}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** The same form as a dialog, opened from Settings › Data or the command palette. */
export function OpenWorkspaceDialog() {
  const { t } = useTranslation();
  const open = useApp((s) => s.openFileOpen);
  return (
    <Modal
      open={open}
      onOpenChange={setOpenFileOpen}
      title={t('open.title')}
      description={t('open.description')}
      testId="open-workspace-dialog"
    >
      <OpenWorkspaceForm autoFocus />
    </Modal>
  );
}
