/** The keyboard's way to move an assignment: to whom, and how many weeks (or days) earlier or later. */
import { History, Minus, Plus, TriangleAlert } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Assignment, type CapacityPerson, movedDates } from '../../../../shared/capacity';
import type { AppError } from '../../../../shared/contract';
import { daysBetween } from '../../../../shared/dates';
import { errorText } from '../../app/errors';
import { useApp } from '../../app/store';
import { Button } from '../../components/Button';
import { FormDialog } from '../../components/Dialog';
import { Field, Input } from '../../components/Field';
import { HubDot } from '../../components/HubDot';
import { Select } from '../../components/Select';
import { shortDate } from './model';
import { useHours } from './parts';
import type { Scale } from './store';

const MAX_SHIFT = { week: 52, day: 366 } as const;
const UNIT_DAYS = { week: 7, day: 1 } as const;

/**
 * The shift the dialog opens with: none, unless the assignment's dates have
 * passed; then the fewest weeks (or days) that bring its last day to today or
 * later, so moving it plans the work from now on instead of keeping it overdue.
 */
export function openingShift(a: { endDate: string }, today: string, scale: Scale): number {
  const pastBy = daysBetween(a.endDate, today);
  return pastBy > 0 ? Math.min(MAX_SHIFT[scale], Math.ceil(pastBy / UNIT_DAYS[scale])) : 0;
}

export function MoveDialog({
  assignment: a,
  people,
  scale,
  today,
  onClose,
  onMove,
}: {
  assignment: Assignment;
  people: CapacityPerson[];
  scale: Scale;
  /** The workspace's today, from which the core plans moved work. */
  today: string;
  onClose: () => void;
  onMove: (personId: number, shift: number) => Promise<AppError | null>;
}) {
  const { t, i18n } = useTranslation('capacity');
  const lang = i18n.language;
  const hours = useHours();
  const hubs = useApp((s) => s.hubs);
  const [personId, setPersonId] = useState(String(a.personId));
  const [catchUp] = useState(() => openingShift(a, today, scale));
  const [shiftText, setShiftText] = useState(String(catchUp));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [fieldError, setFieldError] = useState<{ field: 'personId' | 'shift'; message: string } | null>(null);

  const shift = /^[-+]?\d+$/.test(shiftText.trim()) ? Number(shiftText.trim()) : Number.NaN;
  const shiftValid = Number.isInteger(shift) && Math.abs(shift) <= MAX_SHIFT[scale];
  const days = shiftValid ? shift * UNIT_DAYS[scale] : 0;
  const range = (from: string, to: string) =>
    `${shortDate(from, lang)} – ${shortDate(to, lang, from.slice(0, 4) !== to.slice(0, 4))}`;
  // The dates the core will give it (a split starts today at the earliest).
  const moved = movedDates(a, Number(personId), days, today);
  const newDates = range(moved.startDate, moved.endDate);
  const staysPast = shiftValid && moved.endDate < today;
  const unchanged = Number(personId) === a.personId && shift === 0;
  // Routing and "Balance the week" only hand work to people with its skill; a manual move may, but says so.
  const chosen = people.find((p) => p.id === Number(personId));
  const lacksSkill = chosen !== undefined && !chosen.skills.some((s) => s.skill === a.skill);

  const step = (by: number) => {
    setShiftText(String((shiftValid ? shift : 0) + by));
    setFieldError(null);
  };

  const submit = async () => {
    if (!shiftValid) {
      setFieldError({ field: 'shift', message: t('move.shiftInvalid', { max: MAX_SHIFT[scale] }) });
      return;
    }
    if (unchanged) {
      onClose();
      return;
    }
    setBusy(true);
    setError(null);
    const failure = await onMove(Number(personId), shift);
    setBusy(false);
    if (!failure) return;
    if (failure.field === 'personId') setFieldError({ field: 'personId', message: errorText(failure) });
    else if (failure.field === 'startDate' || failure.field === 'endDate')
      setFieldError({ field: 'shift', message: errorText(failure) });
    else setError(failure);
  };

  const unit = scale === 'week' ? t('move.unitWeeks') : t('move.unitDays');
  return (
    <FormDialog
      formId="capacity-move-form"
      testId="move-dialog"
      title={t('move.title', { project: a.projectName })}
      description={
        a.projectName.includes(a.clientName)
          ? t('move.descriptionShort', { person: a.personName, remaining: hours(a.remainingHours) })
          : t('move.description', { client: a.clientName, person: a.personName, remaining: hours(a.remainingHours) })
      }
      width="max-w-md"
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      error={error}
      submitLabel={t('move.submit')}
    >
      <Field
        label={t('move.person')}
        hint={
          lacksSkill ? (
            <span className="text-warning-text" data-testid="move-skill-warning">
              {t('move.lacksSkill', { person: chosen.name, skill: t(`skill.${a.skill}`) })}
            </span>
          ) : undefined
        }
        error={fieldError?.field === 'personId' ? fieldError.message : undefined}
      >
        {(p) => (
          <Select
            {...p}
            value={personId}
            onChange={(v) => {
              setPersonId(v);
              setFieldError(null);
            }}
            options={people.map((person) => {
              const hub = hubs.find((h) => h.id === person.hubId);
              return {
                value: String(person.id),
                label: person.name,
                icon: hub ? <HubDot color={hub.color} className="size-2" /> : undefined,
                hint: person.id === a.personId ? t('move.current') : person.role,
              };
            })}
          />
        )}
      </Field>
      {catchUp > 0 ? (
        <p
          className="flex gap-2 rounded-lg border border-line bg-subtle/60 px-3 py-2 text-[12.5px] text-muted"
          data-testid="move-past-note"
        >
          <History className="mt-0.5 size-3.5 shrink-0 text-faint" aria-hidden="true" />
          <span>
            {t(scale === 'week' ? 'move.pastWeeks' : 'move.pastDays', {
              dates: range(a.startDate, a.endDate),
              count: catchUp,
            })}
          </span>
        </p>
      ) : null}
      <Field
        label={t('move.shift', { unit })}
        hint={
          !shiftValid ? undefined : staysPast ? (
            <span className="flex items-center gap-1.5 text-warning-text" data-testid="move-past-warning">
              <TriangleAlert className="size-3.5 shrink-0" aria-hidden="true" />
              {t('move.staysPast', { dates: newDates })}
            </span>
          ) : (
            t('move.newDates', { dates: newDates })
          )
        }
        error={fieldError?.field === 'shift' ? fieldError.message : undefined}
      >
        {(p) => (
          <div className="flex items-center gap-1.5">
            <Button
              size="icon"
              aria-label={t(scale === 'week' ? 'move.earlierWeek' : 'move.earlierDay')}
              onClick={() => step(-1)}
              disabled={busy}
            >
              <Minus />
            </Button>
            <Input
              {...p}
              inputMode="numeric"
              autoFocus
              className="max-w-20 text-center tabular-nums"
              value={shiftText}
              onChange={(e) => {
                setShiftText(e.target.value);
                setFieldError(null);
              }}
              onKeyDown={(e) => {
                if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
                  e.preventDefault();
                  step(e.key === 'ArrowUp' ? 1 : -1);
                }
              }}
            />
            <Button
              size="icon"
              aria-label={t(scale === 'week' ? 'move.laterWeek' : 'move.laterDay')}
              onClick={() => step(1)}
              disabled={busy}
            >
              <Plus />
            </Button>
            <span className="ml-1 text-[12.5px] text-muted">{unit}</span>
          </div>
        )}
      </Field>
    </FormDialog>
  );
}
