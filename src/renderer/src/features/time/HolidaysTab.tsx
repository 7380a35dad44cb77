/**
 * Settings → Holidays: a hub's public holidays for a year — its country's
 * calendar (offline) plus the ones added by hand — each with a switch (off =
 * the hub works that day), and "Add holiday". Capacity counts the days that
 * stay on as days off for everyone in the hub. One added by hand can be edited
 * (moved, renamed) or removed.
 */
import { CalendarOff, ChevronLeft, ChevronRight, Pencil, Plus, Trash2 } from 'lucide-react';
import { type ReactNode, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type { Holiday } from '../../../../shared/capacity';
import { HOLIDAY_NAME_MAX, holidayInputSchema } from '../../../../shared/capacity-schemas';
import type { AppError, Hub } from '../../../../shared/contract';
import { toastError } from '../../app/actions';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { countryName, formatDate, textCollator } from '../../app/format';
import { useApp } from '../../app/store';
import { useWorkspaceToday } from '../../app/today';
import { useApiQuery } from '../../app/useApi';
import { useFieldErrors } from '../../app/validation';
import { Button } from '../../components/Button';
import { Card, CardHeader } from '../../components/Card';
import { cn } from '../../components/cn';
import { columnHelper, DataTable } from '../../components/DataTable';
import { DateField, useDateTyping } from '../../components/DateField';
import { ConfirmDialog, FormDialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Field, Input } from '../../components/Field';
import { HubDot } from '../../components/HubDot';
import { Select } from '../../components/Select';
import { SkeletonBlock } from '../../components/Skeleton';
import { Badge } from '../../components/StatusBadge';
import { Switch } from '../../components/Switch';
import { shortDay } from './util';
import { timeIssueMessage } from './validation';

/** Remote hubs carry ISO's "unknown" country: no public calendar. */
const NO_COUNTRY = 'ZZ';

export function HolidaysTab() {
  const { t, i18n } = useTranslation('time');
  const lang = i18n.language;
  const hubs = useApp((s) => s.hubs);
  const today = useWorkspaceToday();
  const [chosen, setChosen] = useState<number | null>(null);
  const [year, setYear] = useState(() => Number(today.slice(0, 4)));
  /** The dialog: adding one, or editing one added by hand. */
  const [dialog, setDialog] = useState<{ holiday: Holiday | null } | null>(null);
  const edit = useCallback((holiday: Holiday) => setDialog({ holiday }), []);
  const [version, setVersion] = useState(0);
  const hubSelectId = useId();
  const hub = hubs.find((h) => h.id === chosen) ?? hubs.find((h) => h.country !== NO_COUNTRY) ?? hubs[0] ?? null;

  const add = (
    <Button variant="primary" icon={<Plus />} disabled={!hub} onClick={() => setDialog({ holiday: null })}>
      {t('holidays.add')}
    </Button>
  );

  return (
    <Card data-testid="holidays-tab">
      <CardHeader title={t('holidays.title')} description={t('holidays.description')} actions={add} />
      <div className="flex flex-wrap items-center gap-x-5 gap-y-2 border-b border-line px-5 py-3">
        <div className="flex items-center gap-2">
          <label htmlFor={hubSelectId} className="text-[13px] font-medium text-fg">
            {t('holidays.hub')}
          </label>
          <Select
            id={hubSelectId}
            value={hub ? String(hub.id) : ''}
            onChange={(v) => setChosen(Number(v))}
            options={hubs.map((h) => ({ value: String(h.id), label: h.name, icon: <HubDot color={h.color} /> }))}
            placeholder={t('holidays.chooseHub')}
            className="w-52"
          />
        </div>
        <fieldset className="flex items-center gap-1">
          <legend className="sr-only">{t('holidays.year')}</legend>
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label={t('holidays.prevYear')}
            disabled={year <= 2000}
            onClick={() => setYear((y) => y - 1)}
          >
            <ChevronLeft />
          </Button>
          <span
            className="min-w-12 text-center text-[13px] font-semibold text-fg tabular-nums"
            data-testid="holidays-year"
          >
            {year}
          </span>
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label={t('holidays.nextYear')}
            disabled={year >= 2100}
            onClick={() => setYear((y) => y + 1)}
          >
            <ChevronRight />
          </Button>
        </fieldset>
        {hub ? (
          <p className="ml-auto text-[12.5px] text-muted" data-testid="holidays-calendar">
            {hub.country === NO_COUNTRY
              ? t('holidays.noCalendar')
              : t('holidays.calendarOf', { country: countryName(hub.country, lang) })}
          </p>
        ) : null}
      </div>
      {hub ? (
        <HolidayList
          key={`${hub.id}-${year}`}
          hub={hub}
          year={year}
          version={version}
          onAdd={() => setDialog({ holiday: null })}
          onEdit={edit}
        />
      ) : (
        <EmptyState
          icon={CalendarOff}
          titleLevel={3}
          title={t('holidays.noHubsTitle')}
          description={t('holidays.noHubsText')}
        />
      )}
      {dialog && hub ? (
        <HolidayDialog
          hub={hub}
          holiday={dialog.holiday}
          onClose={() => setDialog(null)}
          onSaved={(h) => {
            setDialog(null);
            toast.success(
              dialog.holiday
                ? t('holidays.updated', { name: h.name, hub: hub.name })
                : t('holidays.added', { name: h.name, hub: hub.name }),
            );
            const y = Number(h.date.slice(0, 4));
            if (y !== year) setYear(y);
            else setVersion((n) => n + 1);
          }}
        />
      ) : null}
    </Card>
  );
}

const col = columnHelper<Holiday>();

function HolidayList({
  hub,
  year,
  version,
  onAdd,
  onEdit,
}: {
  hub: Hub;
  year: number;
  version: number;
  onAdd: () => void;
  onEdit: (h: Holiday) => void;
}) {
  const { t, i18n } = useTranslation('time');
  const lang = i18n.language;
  const list = useApiQuery('holidays/list', { hubId: hub.id, year });
  const { reload } = list;
  // biome-ignore lint/correctness/useExhaustiveDependencies: version (a holiday was added or edited) is the trigger.
  useEffect(() => {
    if (version > 0) reload();
  }, [version]);
  const [pending, setPending] = useState<Set<string>>(new Set());
  const [removing, setRemoving] = useState<Holiday | null>(null);

  const remove = async (h: Holiday): Promise<AppError | null> => {
    const result = await api.call('holidays/remove', { hubId: hub.id, date: h.date, name: h.name });
    if (!result.ok) return result.error;
    toast.success(t('holidays.removed', { name: h.name, hub: hub.name }));
    reload();
    return null;
  };
  const keyOf = (h: Holiday) => `${h.date}|${h.name}`;
  const { setData } = list;

  const toggle = async (h: Holiday, active: boolean) => {
    const key = keyOf(h);
    const set = (on: boolean) => setData((rows) => rows.map((r) => (keyOf(r) === key ? { ...r, active: on } : r)));
    set(active);
    setPending((p) => new Set(p).add(key));
    const result = await api.call('holidays/setActive', { hubId: hub.id, date: h.date, name: h.name, active });
    setPending((p) => {
      const next = new Set(p);
      next.delete(key);
      return next;
    });
    if (!result.ok) {
      set(!active);
      toastError(result.error);
      return;
    }
    toast.success(
      active
        ? t('holidays.turnedOn', { name: h.name, hub: hub.name })
        : t('holidays.turnedOff', { name: h.name, hub: hub.name }),
    );
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: toggle reads the latest list through setData.
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor('date', {
          header: () => t('holidays.date'),
          cell: (c) => (
            <span className="whitespace-nowrap tabular-nums" title={formatDate(c.getValue(), lang)}>
              {shortDay(c.getValue(), lang)}
            </span>
          ),
        }),
        col.accessor('name', {
          header: () => t('holidays.name'),
          cell: (c) => (
            <span
              className={cn(c.row.original.active ? 'font-medium text-fg' : 'text-muted line-through decoration-faint')}
            >
              {c.getValue()}
            </span>
          ),
        }),
        col.accessor('source', {
          header: () => t('holidays.source'),
          cell: (c) =>
            c.getValue() === 'library' ? (
              <Badge title={t('holidays.fromCalendar', { country: countryName(hub.country, lang) })}>
                {t('holidays.sourceLibrary')}
              </Badge>
            ) : (
              <Badge tone="accent">{t('holidays.sourceManual')}</Badge>
            ),
        }),
        col.display({
          id: 'active',
          header: () => t('holidays.observed'),
          cell: (c) => {
            const h = c.row.original;
            return (
              <span className="flex items-center justify-end gap-2.5">
                <span className={cn('text-[12px]', h.active ? 'text-muted' : 'text-warning-text')}>
                  {h.active ? t('holidays.dayOff') : t('holidays.workday')}
                </span>
                <Switch
                  checked={h.active}
                  disabled={pending.has(keyOf(h))}
                  aria-label={t('holidays.observeNamed', { name: h.name, date: shortDay(h.date, lang) })}
                  onCheckedChange={(on) => void toggle(h, on)}
                />
                {/* Only a holiday added by hand can be edited or go; the public calendar's are switched off. The slot keeps the switches aligned. */}
                {h.source === 'manual' ? (
                  <span className="flex items-center gap-0.5">
                    <Button
                      variant="ghost"
                      size="icon-sm"
                      aria-label={t('holidays.edit', { name: h.name, date: shortDay(h.date, lang) })}
                      title={t('holidays.editShort')}
                      onClick={() => onEdit(h)}
                    >
                      <Pencil />
                    </Button>
                    <Button
                      variant="ghost"
                      size="icon-sm"
                      aria-label={t('holidays.remove', { name: h.name, date: shortDay(h.date, lang) })}
                      title={t('holidays.removeShort')}
                      onClick={() => setRemoving(h)}
                    >
                      <Trash2 />
                    </Button>
                  </span>
                ) : (
                  <span className="w-[58px]" aria-hidden="true" />
                )}
              </span>
            );
          },
        }),
      ]),
    [t, lang, hub, pending, onEdit],
  );

  let body: ReactNode;
  if (list.status === 'error' && !list.data) body = <ErrorState error={list.error} onRetry={list.reload} />;
  else if (!list.data) body = <SkeletonBlock lines={6} className="p-5" />;
  else {
    const collator = textCollator(lang);
    const rows = [...list.data].sort((a, b) => a.date.localeCompare(b.date) || collator.compare(a.name, b.name));
    const observed = rows.filter((h) => h.active).length;
    body = (
      <>
        {rows.length > 0 ? (
          <p className="px-5 pt-3 pb-1 text-[12.5px] text-muted" data-testid="holidays-summary">
            {t('holidays.summary', { count: rows.length, observed })}
          </p>
        ) : null}
        <DataTable
          columns={columns}
          data={rows}
          label={t('holidays.tableLabel', { hub: hub.name, year })}
          rightAligned={['active']}
          rowTestId="holiday-row"
          getRowId={keyOf}
          empty={
            <EmptyState
              icon={CalendarOff}
              titleLevel={3}
              title={
                hub.country === NO_COUNTRY
                  ? t('holidays.emptyRemoteTitle', { hub: hub.name })
                  : t('holidays.emptyTitle', { hub: hub.name, year })
              }
              description={hub.country === NO_COUNTRY ? t('holidays.emptyRemoteText') : t('holidays.emptyText')}
            >
              <Button icon={<Plus />} onClick={onAdd}>
                {t('holidays.add')}
              </Button>
            </EmptyState>
          }
        />
      </>
    );
  }
  return (
    <div data-testid="holidays-list">
      {body}
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(o) => (o ? undefined : setRemoving(null))}
        title={t('holidays.removeTitle')}
        description={
          removing
            ? t('holidays.removeDescription', {
                name: removing.name,
                date: formatDate(removing.date, lang),
                hub: hub.name,
              })
            : ''
        }
        confirmLabel={t('holidays.removeConfirm')}
        onConfirm={() => (removing ? remove(removing) : Promise.resolve(null))}
      />
    </div>
  );
}

/** Adds a holiday, or edits one added by hand (`holiday`): the same fields, prefilled. */
function HolidayDialog({
  hub,
  holiday,
  onClose,
  onSaved,
}: {
  hub: Hub;
  holiday: Holiday | null;
  onClose: () => void;
  onSaved: (h: Holiday) => void;
}) {
  const { t } = useTranslation('time');
  const formId = useId();
  const [date, setDate] = useState(holiday?.date ?? '');
  const [name, setName] = useState(holiday?.name ?? '');
  /** A date being typed that is not the field's value yet (no year, or unreadable). */
  const { typing: typingDate, typingIn } = useDateTyping();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const value = useMemo(() => ({ hubId: hub.id, date, name }), [hub.id, date, name]);
  const v = useFieldErrors(holidayInputSchema, value, timeIssueMessage);
  // Every field counts: a date alone is a change; editing, a change is what differs from the holiday as it was.
  const dirty = typingDate || date !== (holiday?.date ?? '') || name.trim() !== (holiday?.name ?? '');

  const submit = async () => {
    v.setSubmitted(true);
    setError(null);
    if (!v.valid) return;
    if (holiday && !dirty) {
      onClose();
      return;
    }
    setBusy(true);
    const result = holiday
      ? await api.call('holidays/update', {
          hubId: hub.id,
          from: { date: holiday.date, name: holiday.name },
          date,
          name: name.trim(),
        })
      : await api.call('holidays/add', { hubId: hub.id, date, name: name.trim() });
    setBusy(false);
    if (result.ok) {
      onSaved(result.value);
      return;
    }
    if (result.error.field === 'name' || result.error.field === 'date')
      v.setServerError(
        result.error.field,
        result.error.code === 'CONFLICT' ? t('holidays.duplicate', { name: name.trim() }) : errorText(result.error),
      );
    else setError(result.error);
  };

  return (
    <FormDialog
      formId={formId}
      title={holiday ? t('holidays.editTitle', { hub: hub.name }) : t('holidays.addTitle', { hub: hub.name })}
      description={holiday ? t('holidays.editDescription') : t('holidays.addDescription')}
      testId="holiday-dialog"
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      dirty={dirty}
      error={error}
      submitLabel={holiday ? t('holidays.editSubmit') : t('holidays.addSubmit')}
    >
      <Field label={t('holidays.date')} error={v.errorFor('date')} className="max-w-[220px]">
        {(p) => (
          <DateField
            {...p}
            value={date}
            autoFocus
            onChange={(d) => {
              setDate(d);
              v.edited('date');
            }}
            onTypingChange={typingIn('date')}
            onBlur={() => v.touch('date')}
          />
        )}
      </Field>
      <Field
        label={t('holidays.name')}
        error={v.errorFor('name')}
        hint={
          name.length >= HOLIDAY_NAME_MAX - 10
            ? t('holidays.nameLength', { n: name.length, max: HOLIDAY_NAME_MAX })
            : undefined
        }
      >
        {(p) => (
          <Input
            {...p}
            value={name}
            maxLength={HOLIDAY_NAME_MAX}
            placeholder={t('holidays.namePlaceholder')}
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
