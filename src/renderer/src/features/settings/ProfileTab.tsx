import { ImageUp, Trash2 } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type { WorkspaceSettings } from '../../../../shared/contract';
import type { Currency } from '../../../../shared/domain';
import { MAX_LOGO_BYTES, type SettingsPatch, settingsPatchSchema } from '../../../../shared/schemas';
import { refreshSummary, toastError } from '../../app/actions';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { formatBytes, formatDateTime, formatMonth } from '../../app/format';
import { useLeaveGuard } from '../../app/leaveGuard';
import { useApp } from '../../app/store';
import { useApiQuery } from '../../app/useApi';
import { rebaseDraft } from '../../app/useDraft';
import { useFieldErrors } from '../../app/validation';
import { Button } from '../../components/Button';
import { Card, CardHeader } from '../../components/Card';
import { CurrencySelect, TimeZoneInput } from '../../components/DomainInputs';
import { ErrorState } from '../../components/ErrorState';
import { Field, Input } from '../../components/Field';
import { Select } from '../../components/Select';
import { SkeletonBlock } from '../../components/Skeleton';

type Draft = Pick<WorkspaceSettings, 'name' | 'logoDataUrl' | 'reportingCurrency' | 'timeZone'> & {
  baselineMonth: string;
};

const toDraft = (s: WorkspaceSettings): Draft => ({
  name: s.name,
  logoDataUrl: s.logoDataUrl,
  reportingCurrency: s.reportingCurrency,
  timeZone: s.timeZone,
  baselineMonth: s.baselineMonth ?? '',
});

/** The baseline picker's "no month chosen": the core then uses the first full month with revenue (KPIS.md). */
const AUTO_BASELINE = 'auto';
const BASELINE_MONTHS = 48;

/** The last four years of months, newest first, plus the saved month if it is older. */
function recentMonths(saved: string | null, now = new Date()): string[] {
  const months: string[] = [];
  for (let i = 0; i < BASELINE_MONTHS; i++) {
    const d = new Date(Date.UTC(now.getFullYear(), now.getMonth() - i, 1));
    months.push(d.toISOString().slice(0, 7));
  }
  if (saved && !months.includes(saved)) months.push(saved);
  return months.sort().reverse();
}

/** Only what changed is sent. */
function patchOf(draft: Draft, saved: WorkspaceSettings): SettingsPatch {
  const patch: SettingsPatch = {};
  if (draft.name !== saved.name) patch.name = draft.name;
  if (draft.logoDataUrl !== saved.logoDataUrl) patch.logoDataUrl = draft.logoDataUrl;
  if (draft.reportingCurrency !== saved.reportingCurrency) patch.reportingCurrency = draft.reportingCurrency;
  if (draft.timeZone !== saved.timeZone) patch.timeZone = draft.timeZone.trim();
  const month = draft.baselineMonth === '' ? null : draft.baselineMonth;
  if (month !== saved.baselineMonth) patch.baselineMonth = month;
  return patch;
}

export function ProfileTab() {
  const q = useApiQuery('settings/get', {});
  if (q.status === 'error')
    return (
      <Card>
        <ErrorState error={q.error} onRetry={q.reload} />
      </Card>
    );
  if (!q.data)
    return (
      <Card className="p-6">
        <SkeletonBlock lines={5} />
      </Card>
    );
  return <ProfileForm saved={q.data} onSaved={(s) => q.setData(() => s)} />;
}

function ProfileForm({ saved, onSaved }: { saved: WorkspaceSettings; onSaved: (s: WorkspaceSettings) => void }) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => toDraft(saved));
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const patch = useMemo(() => patchOf(draft, saved), [draft, saved]);
  const v = useFieldErrors(settingsPatchSchema, patch);
  const dirty = Object.keys(patch).length > 0;
  const formRef = useRef<HTMLFormElement>(null);
  useLeaveGuard(dirty && !busy, formRef);

  // Saved anew (here, or elsewhere while this was open): what the person edited stays, the rest follows.
  const base = useRef(saved);
  useEffect(() => {
    const before = toDraft(base.current);
    base.current = saved;
    setDraft((d) => rebaseDraft(d, before, toDraft(saved)));
  }, [saved]);

  const lang = i18n.language;
  const baselineOptions = useMemo(
    () => [
      { value: AUTO_BASELINE, label: t('settings.profile.baselineAuto') },
      ...recentMonths(saved.baselineMonth).map((m) => ({ value: m, label: formatMonth(m, lang) })),
    ],
    [t, lang, saved.baselineMonth],
  );

  const set = (p: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...p }));
    for (const k of Object.keys(p)) v.edited(k);
  };

  const pickLogo = (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_LOGO_BYTES) {
      v.setServerError('logoDataUrl', t('validation.logoSize'));
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      set({ logoDataUrl: String(reader.result) });
      v.touch('logoDataUrl');
    };
    reader.readAsDataURL(file);
  };

  const save = async () => {
    v.setSubmitted(true);
    if (!v.valid || !dirty) return;
    setBusy(true);
    const result = await api.call('settings/update', patch);
    setBusy(false);
    if (!result.ok) {
      if (result.error.field) v.setServerError(result.error.field, errorText(result.error));
      else toastError(result.error);
      return;
    }
    v.reset();
    // As saved (a time zone trimmed, say), before the rebase on the new saved values keeps the edits as typed.
    setDraft(toDraft(result.value));
    onSaved(result.value);
    useApp.setState({ settings: result.value });
    toast.success(t('toast.saved'));
    void refreshSummary();
  };

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Card>
        <CardHeader title={t('settings.profile.title')} description={t('settings.profile.description')} />
        <div className="grid grid-cols-12 gap-x-6 gap-y-5 px-5 py-5">
          <Field className="col-span-6" label={t('fields.workspaceName')} error={v.errorFor('name')}>
            {(p) => (
              <Input
                {...p}
                value={draft.name}
                onChange={(e) => set({ name: e.target.value })}
                onBlur={() => v.touch('name')}
              />
            )}
          </Field>
          <div className="col-span-6 flex flex-col gap-1.5">
            <span className="text-[13px] font-medium text-fg" id="logo-label">
              {t('fields.logo')}
            </span>
            <div className="flex items-center gap-3">
              <div className="grid size-12 shrink-0 place-items-center overflow-hidden rounded-lg border border-line bg-subtle">
                {draft.logoDataUrl ? (
                  <img
                    src={draft.logoDataUrl}
                    alt={t('settings.profile.logoPreview')}
                    className="size-full object-contain"
                  />
                ) : (
                  <span className="text-lg font-semibold text-faint" aria-hidden="true">
                    {draft.name.slice(0, 1).toUpperCase()}
                  </span>
                )}
              </div>
              <input
                ref={fileRef}
                type="file"
                accept="image/png,image/jpeg,image/webp,image/svg+xml"
                className="sr-only"
                tabIndex={-1}
                aria-hidden="true"
                onChange={(e) => {
                  pickLogo(e.target.files?.[0]);
                  e.target.value = '';
                }}
              />
              <Button
                size="sm"
                icon={<ImageUp />}
                onClick={() => fileRef.current?.click()}
                aria-describedby="logo-hint"
              >
                {t('settings.profile.uploadLogo')}
              </Button>
              {draft.logoDataUrl ? (
                <Button size="sm" variant="ghost" icon={<Trash2 />} onClick={() => set({ logoDataUrl: null })}>
                  {t('common.remove')}
                </Button>
              ) : null}
            </div>
            {v.errorFor('logoDataUrl') ? (
              <p className="text-[12px] text-danger-text" role="alert" data-testid="field-error">
                {v.errorFor('logoDataUrl')}
              </p>
            ) : (
              <p id="logo-hint" className="text-[12px] text-faint">
                {t('settings.profile.logoHint', { size: formatBytes(MAX_LOGO_BYTES, i18n.language) })}
              </p>
            )}
          </div>
          <Field className="col-span-4" label={t('fields.reportingCurrency')} error={v.errorFor('reportingCurrency')}>
            {(p) => (
              <CurrencySelect
                {...p}
                value={draft.reportingCurrency}
                onChange={(c) => set({ reportingCurrency: c as Currency })}
              />
            )}
          </Field>
          <Field className="col-span-4" label={t('fields.timeZone')} error={v.errorFor('timeZone')}>
            {(p) => (
              <TimeZoneInput
                {...p}
                value={draft.timeZone}
                onChange={(e) => set({ timeZone: e.target.value })}
                onBlur={() => v.touch('timeZone')}
              />
            )}
          </Field>
          <Field
            className="col-span-4"
            label={t('fields.baselineMonth')}
            hint={
              draft.baselineMonth === '' ? t('settings.profile.baselineAutoHint') : t('settings.profile.baselineHint')
            }
            error={v.errorFor('baselineMonth')}
          >
            {(p) => (
              <Select
                {...p}
                value={draft.baselineMonth === '' ? AUTO_BASELINE : draft.baselineMonth}
                options={baselineOptions}
                onChange={(m) => set({ baselineMonth: m === AUTO_BASELINE ? '' : m })}
                onBlur={() => v.touch('baselineMonth')}
              />
            )}
          </Field>
        </div>
        <div className="flex items-center justify-between gap-3 rounded-b-[var(--radius-card)] border-t border-line bg-subtle/50 px-5 py-3">
          <span className="text-[12px] text-faint">
            {t('settings.profile.updatedAt', { when: formatDateTime(saved.updatedAt, i18n.language) })}
          </span>
          <div className="flex gap-2">
            <Button
              disabled={!dirty || busy}
              onClick={() => {
                setDraft(toDraft(saved));
                v.reset();
              }}
            >
              {t('common.discard')}
            </Button>
            <Button type="submit" variant="primary" busy={busy} disabled={!dirty}>
              {t('common.save')}
            </Button>
          </div>
        </div>
      </Card>
    </form>
  );
}
