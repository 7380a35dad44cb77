/**
 * A calendar date (YYYY-MM-DD) in the app's language: a text field that shows the date as the app writes it
 * ("Dec 7, 2026", "7 dic 2026") and takes a typed one, and a calendar in a popover. The native
 * <input type="date"> writes its mask and calendar in Chromium's own UI language, whatever the app's is.
 */
import { CalendarDays, ChevronLeft, ChevronRight, ChevronsLeft, ChevronsRight } from 'lucide-react';
import { Popover } from 'radix-ui';
import { type KeyboardEvent, type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, startOfIsoWeek } from '../../../shared/dates';
import {
  addMonthsToDate,
  calendarWeeks,
  formatDateText,
  isIsoDate,
  lastDayOf,
  parseDateText,
  withinBounds,
} from '../app/dateText';
import { calendarDay, dateFormat, intlLocale, weekdayNames } from '../app/format';
import { useWorkspaceToday } from '../app/today';
import { cn } from './cn';
import { controlClass, FieldError } from './Field';

/** What the person typed, while it is not the field's date written back: kept for the value it was typed for. */
interface Draft {
  text: string;
  /** The field's value when the text was typed (or what the text set it to). */
  for: string;
  /** Left unreadable: the field says so. */
  unreadable: boolean;
}

/**
 * Which of a form's date fields hold typing that is not their date yet (a date without its year, or unreadable):
 * give each field `onTypingChange={typingIn('its name')}` and count `typing` as a change, so closing the form asks
 * (useDiscardGuard) instead of dropping the typing silently.
 */
export function useDateTyping(): { typing: boolean; typingIn: (field: string) => (typing: boolean) => void } {
  const [fields, setFields] = useState<readonly string[]>([]);
  const typingIn = useCallback(
    (field: string) => (typing: boolean) =>
      setFields((now) =>
        typing === now.includes(field) ? now : typing ? [...now, field] : now.filter((f) => f !== field),
      ),
    [],
  );
  return { typing: fields.length > 0, typingIn };
}

export function DateField({
  value,
  onChange,
  onBlur,
  onTypingChange,
  min,
  max,
  id,
  className,
  disabled,
  required,
  autoFocus,
  ...aria
}: {
  /** YYYY-MM-DD, or '' for none. */
  value: string;
  /** A date the person typed or picked, YYYY-MM-DD; '' when the field was emptied or holds no readable date. */
  onChange: (date: string) => void;
  onBlur?: () => void;
  /**
   * Whether text typed in the field is not its value written back (a date without its year yet, or unreadable):
   * a form counts it as a change, so closing it does not lose the typing silently.
   */
  onTypingChange?: (typing: boolean) => void;
  /** The first and last dates that can be picked (YYYY-MM-DD). */
  min?: string | undefined;
  max?: string | undefined;
  /** Given to the text field, so a <label for> reaches it. */
  id?: string;
  className?: string;
  disabled?: boolean;
  required?: boolean;
  autoFocus?: boolean;
  'aria-label'?: string;
  'aria-invalid'?: boolean | undefined;
  'aria-describedby'?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const today = useWorkspaceToday();
  const input = useRef<HTMLInputElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const problemId = useId();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [open, setOpen] = useState(false);
  /** The day the calendar's keyboard focus is on; its month is the one shown. */
  const [focusDay, setFocusDay] = useState(today);
  const [name, setName] = useState(aria['aria-label'] ?? '');

  // The field's own name, for its calendar ("First day: calendar"): its label's text.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the label is read again when the language changes.
  useEffect(() => {
    setName(aria['aria-label'] ?? input.current?.labels?.[0]?.textContent?.trim() ?? '');
  }, [aria['aria-label'], lang]);

  // A value set from outside (a reset, another field, the calendar) replaces what was typed for another.
  useEffect(() => {
    if (draft && draft.for !== value) setDraft(null);
  }, [draft, value]);

  const shown = draft && draft.for === value ? draft : null;
  const unreadable = shown?.unreadable === true;
  const typing = shown !== null && shown.text.trim() !== formatDateText(value, lang);
  const reportTyping = useRef(onTypingChange);
  reportTyping.current = onTypingChange;
  useEffect(() => reportTyping.current?.(typing), [typing]);
  // A field that goes away holds no typing any more (its form must not stay unsaved for it).
  useEffect(() => () => reportTyping.current?.(false), []);

  /**
   * Reads what was typed: a date is set; text that is no date empties the field and says so. Says whether
   * the field's value stayed as it was (a whole date typed was already set as it was typed).
   */
  const commit = (): boolean => {
    if (!shown) return true;
    const parsed = parseDateText(shown.text, lang);
    const date = parsed?.date ?? '';
    if (date !== value) onChange(date);
    setDraft(parsed ? null : { text: shown.text, for: '', unreadable: true });
    return parsed !== null && date === value;
  };

  const openCalendar = () => {
    const start = isIsoDate(value) ? value : today;
    setFocusDay(withinBounds(start, min, max) ? start : min && start < min ? min : (max ?? start));
    setOpen(true);
  };

  const pick = (date: string) => {
    setDraft(null);
    if (date !== value) onChange(date);
    setOpen(false);
  };

  const pattern = t('dateField.pattern');
  // A date typed past the calendar's bounds is taken (the form decides), but said at once, not left to the save.
  const bound =
    !shown && isIsoDate(value) && !withinBounds(value, min, max) ? (min && value < min ? 'min' : 'max') : null;
  // The field's own message shows only while the caller shows none (a caller that validates says it first).
  const ownProblem = (unreadable || bound !== null) && !aria['aria-invalid'];
  const ownMessage = unreadable
    ? t('dateField.unreadable', { pattern })
    : bound === 'min'
      ? t('dateField.tooEarly', { date: formatDateText(min!, lang) })
      : t('dateField.tooLate', { date: formatDateText(max!, lang) });
  const describedBy = [ownProblem ? problemId : null, aria['aria-describedby']].filter(Boolean).join(' ') || undefined;
  const calendarLabel = name ? t('dateField.calendarFor', { label: name }) : t('dateField.calendar');

  return (
    <div className={cn('flex min-w-0 flex-col gap-1.5', className)}>
      <Popover.Root open={open} onOpenChange={(next) => (next ? openCalendar() : setOpen(false))}>
        <Popover.Anchor asChild>
          <div className="relative">
            <input
              ref={input}
              id={id}
              type="text"
              autoComplete="off"
              spellCheck={false}
              // biome-ignore lint/a11y/noAutofocus: callers that focused their native date field keep doing so.
              autoFocus={autoFocus}
              disabled={disabled}
              required={required}
              placeholder={pattern}
              className={cn(controlClass, 'pr-9 tabular-nums')}
              value={shown ? shown.text : formatDateText(value, lang)}
              data-value={value}
              aria-label={aria['aria-label']}
              aria-invalid={aria['aria-invalid'] || unreadable || bound !== null || undefined}
              aria-describedby={describedBy}
              aria-keyshortcuts="Alt+ArrowDown"
              onChange={(e) => {
                const text = e.target.value;
                // A whole date (a four-digit year typed) is set at once, as the native field did; the rest waits for Enter or leaving.
                const parsed = /\d{4}/.test(text) ? parseDateText(text, lang) : null;
                const date = parsed?.date || null;
                if (date && date !== value) onChange(date);
                setDraft({ text, for: date ?? value, unreadable: false });
              }}
              onBlur={() => {
                commit();
                onBlur?.();
              }}
              onKeyDown={(e) => {
                // Enter sets what was typed; it goes on to submit the form only when the date was already set,
                // so a form never saves the date that was there before.
                if (e.key === 'Enter' && !commit()) {
                  e.preventDefault();
                  e.stopPropagation();
                }
                if (e.key === 'ArrowDown' && e.altKey) {
                  e.preventDefault();
                  commit();
                  openCalendar();
                }
              }}
            />
            <Popover.Trigger asChild>
              <button
                type="button"
                disabled={disabled}
                // Its name holds neither the field's nor the word "date": finding the field by its label ("Date",
                // "First day") must find the field alone.
                aria-label={t('dateField.calendar')}
                title={t('dateField.calendar')}
                className={cn(
                  'absolute inset-y-1 right-1 flex w-7 items-center justify-center rounded-md text-faint',
                  'transition-colors duration-150 hover:bg-hover hover:text-fg disabled:pointer-events-none',
                  'focus-visible:outline-2 focus-visible:outline-offset-0',
                  open && 'bg-hover text-fg',
                )}
              >
                <CalendarDays className="size-4" aria-hidden="true" />
              </button>
            </Popover.Trigger>
          </div>
        </Popover.Anchor>
        <Popover.Portal>
          <Popover.Content
            align="start"
            sideOffset={4}
            collisionPadding={8}
            aria-label={calendarLabel}
            className="shadow-float z-50 animate-slide-down rounded-xl border border-line bg-surface p-3"
            ref={content}
            // The calendar's keys stay in the calendar (React passes them up through the portal to the field's form).
            onKeyDown={(e) => e.stopPropagation()}
            onOpenAutoFocus={(e) => {
              // Onto the calendar's day (the field's date, or today), as the keyboard then moves it.
              e.preventDefault();
              content.current?.querySelector<HTMLElement>('[data-date][tabindex="0"]')?.focus();
            }}
            onCloseAutoFocus={(e) => {
              // Back to the field itself (not its button), where the date now reads.
              e.preventDefault();
              input.current?.focus();
            }}
          >
            <Calendar
              value={value}
              today={today}
              min={min}
              max={max}
              focusDay={focusDay}
              setFocusDay={setFocusDay}
              onPick={pick}
              language={lang}
            />
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
      {ownProblem ? <FieldError id={problemId}>{ownMessage}</FieldError> : null}
    </div>
  );
}

/** Where a key moves the calendar's day: a day, a week, the week's ends, a month (a year with Shift); null for other keys. */
function movedDay(key: string, day: string, shift: boolean): string | null {
  switch (key) {
    case 'ArrowLeft':
      return addDays(day, -1);
    case 'ArrowRight':
      return addDays(day, 1);
    case 'ArrowUp':
      return addDays(day, -7);
    case 'ArrowDown':
      return addDays(day, 7);
    case 'Home':
      return startOfIsoWeek(day);
    case 'End':
      return addDays(startOfIsoWeek(day), 6);
    case 'PageUp':
      return addMonthsToDate(day, shift ? -12 : -1);
    case 'PageDown':
      return addMonthsToDate(day, shift ? 12 : 1);
    default:
      return null;
  }
}

/** A month's days as a grid (weeks Monday first), operable from the keyboard as WAI-ARIA's date picker dialog. */
function Calendar({
  value,
  today,
  min,
  max,
  focusDay,
  setFocusDay,
  onPick,
  language,
}: {
  value: string;
  today: string;
  min: string | undefined;
  max: string | undefined;
  focusDay: string;
  setFocusDay: (date: string) => void;
  onPick: (date: string) => void;
  language: string;
}) {
  const { t } = useTranslation();
  const grid = useRef<HTMLTableElement>(null);
  const titleId = useId();
  const month = focusDay.slice(0, 7);
  const locale = intlLocale(language);
  const title = dateFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    calendarDay(`${month}-15`),
  );
  const dayName = dateFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
  const dayNumber = dateFormat(locale, { day: 'numeric', timeZone: 'UTC' });
  const canPick = (date: string) => withinBounds(date, min, max);
  const keyboardMoved = useRef(false);

  // The keyboard's day takes the focus when the keyboard moved it (not when a month button was clicked).
  useEffect(() => {
    if (!keyboardMoved.current) return;
    keyboardMoved.current = false;
    grid.current?.querySelector<HTMLElement>(`[data-date="${focusDay}"]`)?.focus();
  }, [focusDay]);

  const onKeyDown = (e: KeyboardEvent) => {
    const next = movedDay(e.key, focusDay, e.shiftKey);
    if (next) {
      e.preventDefault();
      keyboardMoved.current = true;
      setFocusDay(next);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (canPick(focusDay)) onPick(focusDay);
    }
  };

  const step = { focusDay, setFocusDay, min, max };

  return (
    <div className="flex w-[15.5rem] flex-col gap-2">
      <div className="flex items-center justify-between">
        <div className="flex">
          <MonthStep label={t('dateField.previousYear')} months={-12} {...step}>
            <ChevronsLeft className="size-4" aria-hidden="true" />
          </MonthStep>
          <MonthStep label={t('dateField.previousMonth')} months={-1} {...step}>
            <ChevronLeft className="size-4" aria-hidden="true" />
          </MonthStep>
        </div>
        <h2 id={titleId} className="text-[13px] font-semibold text-fg first-letter:uppercase" aria-live="polite">
          {title}
        </h2>
        <div className="flex">
          <MonthStep label={t('dateField.nextMonth')} months={1} {...step}>
            <ChevronRight className="size-4" aria-hidden="true" />
          </MonthStep>
          <MonthStep label={t('dateField.nextYear')} months={12} {...step}>
            <ChevronsRight className="size-4" aria-hidden="true" />
          </MonthStep>
        </div>
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: WAI-ARIA's date picker: a table as a grid, its days moved through with the arrows. */}
      <table ref={grid} role="grid" aria-labelledby={titleId} className="w-full border-collapse" onKeyDown={onKeyDown}>
        <thead>
          <tr>
            {weekdayNames(language, 'narrow').map(({ name: narrow, long }) => (
              <th key={long} scope="col" className="h-7 p-0 text-center text-[11.5px] font-medium text-faint">
                <span aria-hidden="true">{narrow}</span>
                <span className="sr-only">{long}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {calendarWeeks(month).map((week) => (
            <tr key={week[0]}>
              {week.map((date) => (
                <td key={date} className="p-0">
                  <Day
                    date={date}
                    label={dayName.format(calendarDay(date))}
                    text={dayNumber.format(calendarDay(date))}
                    focused={date === focusDay}
                    selected={date === value}
                    today={date === today}
                    outside={date.slice(0, 7) !== month}
                    enabled={canPick(date)}
                    onClick={() => {
                      setFocusDay(date);
                      if (canPick(date)) onPick(date);
                    }}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex justify-end border-t border-line pt-2">
        <button
          type="button"
          className="h-7 rounded-md px-2 text-[12.5px] font-medium text-accent-text transition-colors duration-150 hover:bg-hover disabled:pointer-events-none disabled:opacity-40"
          disabled={!canPick(today)}
          onClick={() => onPick(today)}
        >
          {t('dateField.today')}
        </button>
      </div>
    </div>
  );
}

/** A button that shows another month (a year with ±12), disabled when none of that month's days can be picked. */
function MonthStep({
  label,
  months,
  focusDay,
  setFocusDay,
  min,
  max,
  children,
}: {
  label: string;
  months: number;
  focusDay: string;
  setFocusDay: (date: string) => void;
  min: string | undefined;
  max: string | undefined;
  children: ReactNode;
}) {
  const target = addMonthsToDate(focusDay, months);
  const month = target.slice(0, 7);
  const outOfBounds =
    months < 0
      ? Boolean(min && isIsoDate(min) && lastDayOf(month) < min)
      : Boolean(max && isIsoDate(max) && `${month}-01` > max);
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={outOfBounds}
      onClick={() => setFocusDay(target)}
      className={cn(
        'flex size-7 items-center justify-center rounded-md text-muted transition-colors duration-150',
        'hover:bg-hover hover:text-fg disabled:pointer-events-none disabled:opacity-40',
      )}
    >
      {children}
    </button>
  );
}

/** One day of the calendar: the chosen one filled, today marked with a dot, those out of bounds struck out. */
function Day({
  date,
  label,
  text,
  focused,
  selected,
  today,
  outside,
  enabled,
  onClick,
}: {
  date: string;
  label: string;
  text: string;
  focused: boolean;
  selected: boolean;
  today: boolean;
  outside: boolean;
  enabled: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      data-date={date}
      tabIndex={focused ? 0 : -1}
      aria-label={label}
      aria-pressed={selected}
      aria-current={today ? 'date' : undefined}
      aria-disabled={enabled ? undefined : true}
      onClick={onClick}
      className={cn(
        'relative mx-auto flex size-8 items-center justify-center rounded-md text-[12.5px] tabular-nums',
        'transition-colors duration-150 focus-visible:outline-2 focus-visible:outline-offset-0',
        outside ? 'text-faint' : 'text-fg',
        enabled && !selected && 'hover:bg-hover',
        !enabled && 'cursor-not-allowed text-faint line-through opacity-60',
        today && !selected && 'font-semibold text-accent-text',
        selected && 'bg-accent font-semibold text-accent-fg',
      )}
    >
      {text}
      {today ? (
        <span
          aria-hidden="true"
          className={cn(
            'absolute bottom-1 left-1/2 size-1 -translate-x-1/2 rounded-full',
            selected ? 'bg-accent-fg' : 'bg-accent',
          )}
        />
      ) : null}
    </button>
  );
}
