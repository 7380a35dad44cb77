/**
 * A person's time off: what is booked (removable after a confirmation) and a form to add more, which says
 * the working days the dates would take before they are added, counted by the core as the list counts them.
 */
import { CalendarClock, CalendarPlus, Trash2, TreePalm } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { type CapacityPerson, TIME_OFF_KINDS, type TimeOff, type TimeOffKind } from '../../../../shared/capacity';
import { timeOffInputSchema, timeOffPreviewSchema } from '../../../../shared/capacity-schemas';
import type { AppError } from '../../../../shared/contract';
import { daysBetween } from '../../../../shared/dates';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { formatDate } from '../../app/format';
import { useApp } from '../../app/store';
import { useApiQuery } from '../../app/useApi';
import { useFieldErrors } from '../../app/validation';
import { Button } from '../../components/Button';
import { cn } from '../../components/cn';
import { DateField, useDateTyping } from '../../components/DateField';
import { ConfirmDialog, ErrorBanner, Modal, useDiscardGuard } from '../../components/Dialog';
import { ErrorState } from '../../components/ErrorState';
import { Field, Input } from '../../components/Field';
import { Select } from '../../components/Select';
import { SkeletonBlock } from '../../components/Skeleton';
import { Badge, type Tone } from '../../components/StatusBadge';
import { firstFreeDay } from './model';

const KIND_TONE: Record<TimeOffKind, Tone> = { vacation: 'info', sick: 'danger', personal: 'accent', other: 'neutral' };
const FIELDS = ['startDate', 'endDate', 'kind', 'note'] as const;
/** Calendar days from the first day to the last, both included. */
const spanOf = (o: { startDate: string; endDate: string }) => daysBetween(o.startDate, o.endDate) + 1;

interface Span {
  personId: number;
  startDate: string;
  endDate: string;
}
const sameSpan = (a: Span, b: Span) =>
  a.personId === b.personId && a.startDate === b.startDate && a.endDate === b.endDate;

/**
 * The working days time off over these dates would take, asked of the core (the rule, the hub's holidays and
 * the employment dates the list's count uses); null until both dates are valid and in order.
 * While the count for new dates is on its way, the last one stays, marked `stale`, with the calendar days of the
 * dates it counted (never a count of old dates beside the length of new ones). A count the core could not make
 * shows nothing rather than an old one.
 */
function useWorkingDaysPreview(span: Span): { workingDays: number; calendarDays: number; stale: boolean } | null {
  const dataVersion = useApp((s) => s.dataVersion);
  const [shown, setShown] = useState<{ span: Span; workingDays: number } | null>(null);
  const valid = timeOffPreviewSchema.safeParse(span).success;
  const { personId, startDate, endDate } = span;
  // biome-ignore lint/correctness/useExhaustiveDependencies: dataVersion (holidays may have changed) is a trigger.
  useEffect(() => {
    if (!valid) return;
    let live = true;
    const asked = { personId, startDate, endDate };
    void api.call('timeOff/workingDays', asked).then((r) => {
      if (live) setShown(r.ok ? { span: asked, workingDays: r.value.workingDays } : null);
    });
    return () => {
      live = false;
    };
  }, [valid, personId, startDate, endDate, dataVersion]);
  if (!valid || !shown) return null;
  return { workingDays: shown.workingDays, calendarDays: spanOf(shown.span), stale: !sameSpan(shown.span, span) };
}

export function TimeOffDialog({
  person,
  today,
  onClose,
  onChanged,
}: {
  person: CapacityPerson;
  today: string;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation('capacity');
  const { t: tc } = useTranslation();
  const lang = i18n.language;
  const list = useApiQuery('timeOff/list', { personId: person.id });
  const [startDate, setStartDate] = useState(today);
  const [endDate, setEndDate] = useState(today);
  const [kind, setKind] = useState<TimeOffKind>('vacation');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [removing, setRemoving] = useState<TimeOff | null>(null);
  /** The add form as it opened, or as it was last added: what differs from it, or a date half typed, is unsaved. */
  const [saved, setSaved] = useState<{ startDate: string; endDate: string; kind: TimeOffKind }>({
    startDate: today,
    endDate: today,
    kind: 'vacation',
  });
  const { typing, typingIn } = useDateTyping();
  const dirty =
    typing || note.trim() !== '' || startDate !== saved.startDate || endDate !== saved.endDate || kind !== saved.kind;
  const { requestClose, prompt } = useDiscardGuard(dirty && !busy, onClose);
  const value = useMemo(
    () => ({ personId: person.id, startDate, endDate, kind, note: note.trim() === '' ? null : note.trim() }),
    [person.id, startDate, endDate, kind, note],
  );
  const v = useFieldErrors(timeOffInputSchema, value);
  const preview = useWorkingDaysPreview({ personId: person.id, startDate, endDate });

  // An untouched form opens (and, after an add, moves on) to the first day not already booked: today may be.
  const booked = list.data;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new list moves the form, never a keystroke.
  useEffect(() => {
    if (!booked || dirty) return;
    const free = firstFreeDay(startDate, booked);
    if (free === startDate) return;
    setStartDate(free);
    setEndDate(free);
    setSaved({ startDate: free, endDate: free, kind });
  }, [booked]);

  const range = (o: { startDate: string; endDate: string }) =>
    o.startDate === o.endDate
      ? formatDate(o.startDate, lang)
      : `${formatDate(o.startDate, lang)} – ${formatDate(o.endDate, lang)}`;

  const add = async () => {
    v.setSubmitted(true);
    if (!v.valid) return;
    setBusy(true);
    setError(null);
    const result = await api.call('timeOff/add', value);
    setBusy(false);
    if (!result.ok) {
      const field = result.error.field;
      if (field && (FIELDS as readonly string[]).includes(field)) v.setServerError(field, errorText(result.error));
      else setError(result.error);
      return;
    }
    toast.success(
      t('timeOff.added', { name: person.name, dates: range(result.value), count: result.value.workingDays }),
    );
    v.reset();
    setNote('');
    setSaved({ startDate, endDate, kind });
    list.reload();
    onChanged();
  };

  const remove = async (item: TimeOff): Promise<AppError | null> => {
    const result = await api.call('timeOff/remove', { id: item.id });
    if (!result.ok) return result.error;
    toast.success(t('timeOff.removed', { dates: range(item) }));
    list.reload();
    onChanged();
    return null;
  };

  const items = list.data ?? [];
  const upcoming = items.filter((o) => o.endDate >= today);
  const past = items.filter((o) => o.endDate < today);

  return (
    <>
      <Modal
        open
        onOpenChange={(o) => (o ? undefined : requestClose())}
        title={t('timeOff.title', { name: person.name })}
        description={t('timeOff.description')}
        width="max-w-xl"
        testId="time-off-dialog"
        footer={<Button onClick={requestClose}>{tc('common.close')}</Button>}
      >
        <div className="flex flex-col gap-5">
          <section aria-labelledby="time-off-list-title">
            <h3 id="time-off-list-title" className="mb-2 text-[13px] font-semibold text-fg">
              {t('timeOff.booked')}
            </h3>
            {list.status === 'error' ? (
              <ErrorState error={list.error} onRetry={list.reload} className="py-4" />
            ) : !list.data ? (
              <SkeletonBlock lines={2} />
            ) : items.length === 0 ? (
              <p className="flex items-center gap-2 rounded-[10px] border border-dashed border-line px-3 py-3 text-[13px] text-muted">
                <TreePalm className="size-4 text-faint" aria-hidden="true" />
                {t('timeOff.none')}
              </p>
            ) : (
              <ul
                className="flex flex-col divide-y divide-line rounded-[10px] border border-line"
                data-testid="time-off-list"
              >
                {[...upcoming, ...past].map((o) => (
                  <li
                    key={o.id}
                    className="flex items-center gap-3 px-3 py-2 text-[13px]"
                    data-testid="time-off-item"
                    data-past={o.endDate < today || undefined}
                  >
                    <Badge tone={KIND_TONE[o.kind]}>{t(`kind.${o.kind}`)}</Badge>
                    <div className="min-w-0 flex-1">
                      <p className={o.endDate < today ? 'text-muted' : 'text-fg'}>
                        <span className="tabular-nums">{range(o)}</span>
                        <span className="text-muted" data-testid="time-off-days">
                          {' · '}
                          {t('timeOff.workingDays', { count: o.workingDays })}
                          {spanOf(o) !== o.workingDays ? ` ${t('timeOff.calendarDays', { count: spanOf(o) })}` : null}
                        </span>
                      </p>
                      {o.note ? <p className="truncate text-[12px] text-muted">{o.note}</p> : null}
                    </div>
                    <Button
                      variant="ghost"
                      size="icon-sm"
                      aria-label={t('timeOff.remove', { dates: range(o) })}
                      onClick={() => setRemoving(o)}
                    >
                      <Trash2 />
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="time-off-add-title" className="rounded-[10px] border border-line bg-subtle/40 p-3">
            <h3 id="time-off-add-title" className="mb-3 text-[13px] font-semibold text-fg">
              {t('timeOff.addTitle')}
            </h3>
            <form
              noValidate
              aria-labelledby="time-off-add-title"
              className="grid grid-cols-2 gap-3"
              onSubmit={(e) => {
                e.preventDefault();
                void add();
              }}
            >
              <ErrorBanner error={error} className="col-span-2" />
              <Field label={t('timeOff.start')} error={v.errorFor('startDate')}>
                {(p) => (
                  <DateField
                    {...p}
                    value={startDate}
                    onChange={(date) => {
                      setStartDate(date);
                      v.edited('startDate');
                      if (endDate < date) setEndDate(date);
                    }}
                    onTypingChange={typingIn('startDate')}
                    onBlur={() => v.touch('startDate')}
                  />
                )}
              </Field>
              <Field label={t('timeOff.end')} error={v.errorFor('endDate')}>
                {(p) => (
                  <DateField
                    {...p}
                    value={endDate}
                    min={startDate}
                    onChange={(date) => {
                      setEndDate(date);
                      v.edited('endDate');
                    }}
                    onTypingChange={typingIn('endDate')}
                    onBlur={() => v.touch('endDate')}
                  />
                )}
              </Field>
              <Field label={t('timeOff.kind')} error={v.errorFor('kind')}>
                {(p) => (
                  <Select
                    {...p}
                    value={kind}
                    onChange={(k) => {
                      setKind(k as TimeOffKind);
                      v.edited('kind');
                    }}
                    options={TIME_OFF_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
                  />
                )}
              </Field>
              <Field label={t('timeOff.note')} optional optionalLabel={t('optional')} error={v.errorFor('note')}>
                {(p) => (
                  <Input
                    {...p}
                    value={note}
                    maxLength={200}
                    placeholder={t('timeOff.notePlaceholder')}
                    onChange={(e) => {
                      setNote(e.target.value);
                      v.edited('note');
                    }}
                    onBlur={() => v.touch('note')}
                  />
                )}
              </Field>
              <div className="col-span-2 flex items-center justify-end gap-3">
                {preview ? (
                  <p
                    className={cn(
                      'mr-auto flex min-w-0 items-center gap-1.5 text-[12.5px] text-muted transition-opacity',
                      preview.stale && 'opacity-60',
                    )}
                    data-testid="time-off-preview"
                    aria-live="polite"
                    aria-busy={preview.stale || undefined}
                  >
                    <CalendarClock className="size-3.5 shrink-0 text-faint" aria-hidden="true" />
                    <span>
                      {t('timeOff.preview', { count: preview.workingDays })}
                      {preview.calendarDays !== preview.workingDays
                        ? ` ${t('timeOff.calendarDays', { count: preview.calendarDays })}`
                        : null}
                    </span>
                  </p>
                ) : null}
                <Button type="submit" variant="primary" icon={<CalendarPlus />} busy={busy}>
                  {t('timeOff.add')}
                </Button>
              </div>
            </form>
          </section>
        </div>
        {prompt}
      </Modal>
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(o) => (o ? undefined : setRemoving(null))}
        title={t('timeOff.removeTitle')}
        description={removing ? t('timeOff.removeDescription', { name: person.name, dates: range(removing) }) : ''}
        confirmLabel={t('timeOff.removeConfirm')}
        onConfirm={() => (removing ? remove(removing) : Promise.resolve(null))}
      />
    </>
  );
}
