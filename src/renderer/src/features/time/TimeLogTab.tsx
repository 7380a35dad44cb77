/**
 * Time logging: a person's week, hours per project per day. Rows are the
 * projects the person is assigned to that week (or logged on); each day shows
 * the hours the person has available. A cell saves when it is left (Tab,
 * Enter, arrows, click elsewhere): 0 or empty removes the entry. Errors — a
 * day ahead of today, more than 24 h — sit right under the cell.
 */
import { CalendarDays, ChevronLeft, ChevronRight, CircleAlert, Clock } from 'lucide-react';
import { type KeyboardEvent, type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimeWeek } from '../../../../shared/capacity';
import type { AppError } from '../../../../shared/contract';
import { addDays, startOfIsoWeek } from '../../../../shared/dates';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { numberForInput, parseDecimal } from '../../app/format';
import { useWorkspaceToday } from '../../app/today';
import { useApiQuery } from '../../app/useApi';
import { Button } from '../../components/Button';
import { cn } from '../../components/cn';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { type Option, Select } from '../../components/Select';
import { SkeletonBlock } from '../../components/Skeleton';
import { Badge } from '../../components/StatusBadge';
import { dayLabel, hoursNumber, isQuarter, weekRange } from './util';

export function TimeLogTab({
  personId: initialPerson,
  weekStart: initialWeek,
  focusProjectId,
  onLogged,
  embedded = false,
}: {
  personId?: number;
  /** Any date of the week to open (default: this week). */
  weekStart?: string;
  /** A project whose row is highlighted (opened from its sheet). */
  focusProjectId?: number;
  /** Hours were saved (e.g. to refresh an assignment's logged and remaining hours). */
  onLogged?: () => void;
  /** Inside a dialog: no outer card. */
  embedded?: boolean;
}) {
  const { t, i18n } = useTranslation('time');
  const lang = i18n.language;
  const today = useWorkspaceToday();
  const people = useApiQuery('people/list', {});
  const [chosen, setChosen] = useState<number | null>(initialPerson ?? null);
  const [week, setWeek] = useState(() => startOfIsoWeek(initialWeek ?? today));
  const personLabelId = useId();

  const active = useMemo(
    () =>
      (people.data ?? [])
        .filter((p) => p.endDate === null || p.endDate >= week)
        .sort((a, b) => a.name.localeCompare(b.name, lang)),
    [people.data, week, lang],
  );
  const personId = chosen ?? active.find((p) => p.employmentType === 'core')?.id ?? active[0]?.id ?? null;
  const person = (people.data ?? []).find((p) => p.id === personId);
  const options: Option[] = active.map((p) => ({
    value: String(p.id),
    label: p.name,
    hint: t(`employment.${p.employmentType}`, { ns: 'translation' }),
  }));
  if (person && !active.some((p) => p.id === person.id))
    options.unshift({ value: String(person.id), label: person.name });

  const thisWeek = startOfIsoWeek(today);
  const toolbar = (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <div className="flex items-center gap-2">
        <label htmlFor={personLabelId} className="text-[13px] font-medium text-fg">
          {t('log.person')}
        </label>
        <Select
          id={personLabelId}
          value={personId === null ? '' : String(personId)}
          onChange={(v) => setChosen(Number(v))}
          options={options}
          placeholder={t('log.choosePerson')}
          className="w-60"
          disabled={!people.data}
        />
      </div>
      <fieldset className="flex items-center gap-1">
        <legend className="sr-only">{t('log.weekNav')}</legend>
        <Button
          variant="ghost"
          size="icon-sm"
          aria-label={t('log.prevWeek')}
          onClick={() => setWeek((w) => addDays(w, -7))}
        >
          <ChevronLeft />
        </Button>
        <Button size="sm" disabled={week === thisWeek} onClick={() => setWeek(thisWeek)}>
          {t('log.thisWeek')}
        </Button>
        <Button
          variant="ghost"
          size="icon-sm"
          aria-label={t('log.nextWeek')}
          onClick={() => setWeek((w) => addDays(w, 7))}
        >
          <ChevronRight />
        </Button>
      </fieldset>
      <p className="flex items-center gap-1.5 text-[13px] font-medium text-fg tabular-nums" data-testid="log-week">
        <CalendarDays className="size-4 text-faint" aria-hidden="true" />
        {weekRange(week, lang)}
      </p>
    </div>
  );

  let body: ReactNode;
  if (people.status === 'error') body = <ErrorState error={people.error} onRetry={people.reload} />;
  else if (!people.data) body = <SkeletonBlock lines={5} />;
  else if (personId === null)
    body = (
      <EmptyState icon={Clock} titleLevel={3} title={t('log.noPeopleTitle')} description={t('log.noPeopleText')} />
    );
  else
    body = (
      <WeekGrid
        key={`${personId}-${week}`}
        personId={personId}
        personName={person?.name ?? ''}
        weekStart={week}
        today={today}
        focusProjectId={focusProjectId}
        onLogged={onLogged}
      />
    );

  return (
    <div
      className={cn(
        'flex flex-col gap-4',
        embedded ? '' : 'rounded-[var(--radius-card)] border border-line bg-surface p-5',
      )}
      data-testid="time-log"
    >
      {toolbar}
      {body}
    </div>
  );
}

type CellKey = `${number}:${number}`;
const keyOf = (projectId: number, day: number): CellKey => `${projectId}:${day}`;

function setIn<T>(map: Map<CellKey, T>, key: CellKey, value: T | undefined): Map<CellKey, T> {
  const next = new Map(map);
  if (value === undefined) next.delete(key);
  else next.set(key, value);
  return next;
}

function WeekGrid({
  personId,
  personName,
  weekStart,
  today,
  focusProjectId,
  onLogged,
}: {
  personId: number;
  personName: string;
  weekStart: string;
  today: string;
  focusProjectId?: number;
  onLogged?: () => void;
}) {
  const { t, i18n } = useTranslation('time');
  const lang = i18n.language;
  const week = useApiQuery('time/week', { personId, weekStart });
  const [drafts, setDrafts] = useState<Map<CellKey, string>>(new Map());
  const [errors, setErrors] = useState<Map<CellKey, string>>(new Map());
  const [saving, setSaving] = useState<Set<CellKey>>(new Set());
  const [announce, setAnnounce] = useState('');
  const gridRef = useRef<HTMLTableElement>(null);
  const gridId = useId();
  const focusedOnce = useRef(false);

  const data = week.data;

  // Esc in a cell with typing undoes it. The dialog around listens for Esc on the document in the
  // capture phase, so the cell's claim is made earlier, on the window.
  const pendingRef = useRef({ drafts, errors });
  pendingRef.current = { drafts, errors };
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      const target = e.target as HTMLElement | null;
      const key = target?.getAttribute?.('data-key') as CellKey | null;
      if (!key || !gridRef.current?.contains(target)) return;
      const { drafts: d, errors: er } = pendingRef.current;
      if (!d.has(key) && !er.has(key)) return;
      e.stopPropagation();
      e.preventDefault();
      setDrafts((m) => setIn(m, key, undefined));
      setErrors((m) => setIn(m, key, undefined));
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);

  // Opened for a project: start in its row, on today (or the week's first day).
  useEffect(() => {
    if (!data || focusedOnce.current || focusProjectId === undefined) return;
    focusedOnce.current = true;
    const r = data.rows.findIndex((row) => row.projectId === focusProjectId);
    if (r < 0) return;
    const d = Math.max(0, data.days.indexOf(today));
    gridRef.current?.querySelector<HTMLInputElement>(`[data-cell="${r}-${d}"]`)?.focus();
  }, [data, focusProjectId, today]);

  if (week.status === 'error' && !data) return <ErrorState error={week.error} onRetry={week.reload} />;
  if (!data) return <SkeletonBlock lines={4} />;

  const days = data.days.map((d) => ({ iso: d, ...dayLabel(d, lang) }));
  const dayTotals = data.days.map((_, i) => data.rows.reduce((s, r) => s + (r.hours[i] ?? 0), 0));
  const total = dayTotals.reduce((s, h) => s + h, 0);
  const available = data.available.reduce((s, h) => s + h, 0);

  /** Known refusals of the core in the chosen language; anything else as the core says it. */
  const refusal = (error: AppError) => {
    if (error.key === 'time.aheadOfToday') return t('log.future');
    if (error.key === 'time.notEmployed') return t('log.notEmployed', { name: personName });
    if (error.key === 'time.dayFull') return t('log.dayFull');
    return errorText(error);
  };

  const commit = async (rowIndex: number, day: number) => {
    const row = data.rows[rowIndex];
    if (!row) return;
    const key = keyOf(row.projectId, day);
    const draft = drafts.get(key);
    if (draft === undefined) return;
    const parsed = parseDecimal(draft, lang);
    const hours = parsed === null ? 0 : parsed;
    let problem: string | null = null;
    if (Number.isNaN(hours)) problem = t('log.notNumber');
    else if (hours < 0) problem = t('log.negative');
    else if (hours > 24) problem = t('log.tooMany');
    else if (!isQuarter(hours)) problem = t('log.quarters');
    if (problem) {
      setErrors((e) => setIn(e, key, problem));
      return;
    }
    if (hours === (row.hours[day] ?? 0)) {
      setDrafts((d) => setIn(d, key, undefined));
      setErrors((e) => setIn(e, key, undefined));
      return;
    }
    setSaving((s) => new Set(s).add(key));
    const result = await api.call('time/log', { personId, projectId: row.projectId, date: data.days[day]!, hours });
    setSaving((s) => {
      const next = new Set(s);
      next.delete(key);
      return next;
    });
    if (!result.ok) {
      setErrors((e) => setIn(e, key, refusal(result.error)));
      return;
    }
    week.setData(() => result.value as TimeWeek);
    setDrafts((d) => setIn(d, key, undefined));
    setErrors((e) => setIn(e, key, undefined));
    setAnnounce(
      t('log.saved', { hours: hoursNumber(hours, lang), project: row.projectName, day: days[day]?.long ?? '' }),
    );
    onLogged?.();
  };

  const move = (r: number, d: number) => {
    const el = gridRef.current?.querySelector<HTMLInputElement>(`[data-cell="${r}-${d}"]`);
    if (el) {
      el.focus();
      return true;
    }
    return false;
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>, r: number, d: number) => {
    const el = e.currentTarget;
    const all = el.selectionStart === 0 && el.selectionEnd === el.value.length;
    const atStart = all || (el.selectionStart === 0 && el.selectionEnd === 0);
    const atEnd = all || (el.selectionStart === el.value.length && el.selectionEnd === el.value.length);
    if (e.key === 'Enter') {
      e.preventDefault();
      // Enter saves and goes down a row (or stays on the last one).
      if (!move(r + 1, d)) void commit(r, d);
    } else if (e.key === 'ArrowDown') {
      if (move(r + 1, d)) e.preventDefault();
    } else if (e.key === 'ArrowUp') {
      if (move(r - 1, d)) e.preventDefault();
    } else if (e.key === 'ArrowRight' && atEnd) {
      if (move(r, d + 1)) e.preventDefault();
    } else if (e.key === 'ArrowLeft' && atStart) {
      if (move(r, d - 1)) e.preventDefault();
    }
  };

  const h = (n: number) => t('hours', { value: hoursNumber(n, lang) });
  const th = 'px-1.5 py-2 text-[12px] font-medium whitespace-nowrap';

  if (data.rows.length === 0)
    return (
      <div className="rounded-[10px] border border-dashed border-line-strong">
        <EmptyState
          icon={Clock}
          titleLevel={3}
          className="py-8"
          title={t('log.emptyTitle')}
          description={t('log.emptyText', { name: personName })}
        />
      </div>
    );

  return (
    <div className="flex flex-col gap-2">
      <div className="overflow-x-auto rounded-[10px] border border-line">
        <table
          ref={gridRef}
          className="w-full min-w-[760px] table-fixed border-collapse text-[13px]"
          aria-label={t('log.gridLabel', { name: personName, week: weekRange(weekStart, lang) })}
          data-testid="time-grid"
        >
          <colgroup>
            <col className="w-[260px]" />
            {days.map((d) => (
              <col key={d.iso} />
            ))}
            <col className="w-[84px]" />
          </colgroup>
          <thead className="bg-subtle/60">
            <tr className="border-b border-line">
              <th scope="col" className={cn(th, 'pl-3 text-left text-muted')}>
                {t('log.project')}
              </th>
              {days.map((d, i) => {
                const isToday = d.iso === today;
                const off = (data.available[i] ?? 0) === 0;
                // What is left to log that day: the day's hours less those logged on any project.
                const free = Math.max(0, (data.available[i] ?? 0) - (dayTotals[i] ?? 0));
                return (
                  <th
                    key={d.iso}
                    scope="col"
                    className={cn(
                      th,
                      'text-right',
                      isToday ? 'text-accent-text' : d.iso > today ? 'text-faint' : 'text-muted',
                    )}
                    data-testid="log-day"
                  >
                    <span className="block text-fg/90">
                      <span className={cn(isToday && 'text-accent-text')}>{d.weekday}</span>{' '}
                      <span className="font-normal">{d.day}</span>
                    </span>
                    <span className="block font-normal tabular-nums" data-testid="log-available">
                      {off ? t('log.off') : t('log.available', { hours: hoursNumber(free, lang) })}
                    </span>
                    {isToday ? <span className="sr-only">{t('log.today')}</span> : null}
                  </th>
                );
              })}
              <th scope="col" className={cn(th, 'pr-3 text-right text-muted')}>
                {t('log.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row, r) => {
              const rowTotal = row.hours.reduce((s, x) => s + x, 0);
              const rowErrors = days.flatMap((_, d) => {
                const message = errors.get(keyOf(row.projectId, d));
                return message ? [{ d, message }] : [];
              });
              const focus = row.projectId === focusProjectId;
              return (
                <RowGroup key={row.projectId}>
                  <tr
                    className={cn('border-b border-line', focus && 'bg-accent-soft/40')}
                    data-testid="log-row"
                    data-project-id={row.projectId}
                  >
                    <th scope="row" className="px-3 py-1.5 text-left font-normal">
                      {/* Two lines before any cut: "Social Media Video · Quinoa Records 71" and "… 99" must differ. */}
                      <span className="line-clamp-2 font-medium break-words text-fg" title={row.projectName}>
                        {row.projectName}
                      </span>
                      {row.assignmentId === null ? <Badge className="mt-0.5">{t('log.notAssigned')}</Badge> : null}
                    </th>
                    {days.map((d, i) => {
                      const key = keyOf(row.projectId, i);
                      const error = errors.get(key);
                      const stored = row.hours[i] ?? 0;
                      const value = drafts.get(key) ?? (stored === 0 ? '' : numberForInput(stored, lang));
                      return (
                        <td key={d.iso} className={cn('px-1 py-1.5', d.iso > today && 'bg-subtle/40')}>
                          <input
                            type="text"
                            inputMode="decimal"
                            autoComplete="off"
                            data-cell={`${r}-${i}`}
                            data-key={key}
                            data-testid="log-cell"
                            aria-label={t('log.cellLabel', { project: row.projectName, day: d.long })}
                            aria-invalid={error ? true : undefined}
                            aria-describedby={error ? `${gridId}-${key}` : undefined}
                            aria-busy={saving.has(key) || undefined}
                            placeholder="–"
                            value={value}
                            onFocus={(e) => e.currentTarget.select()}
                            onChange={(e) => {
                              const text = e.target.value;
                              setDrafts((m) => setIn(m, key, text));
                            }}
                            onBlur={() => void commit(r, i)}
                            onKeyDown={(e) => onKey(e, r, i)}
                            className={cn(
                              'h-8 w-full min-w-0 rounded-[var(--radius-control)] border border-line bg-surface px-2 text-right text-[13px] text-fg tabular-nums',
                              'placeholder:text-faint hover:border-line-strong focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-offset-0',
                              'aria-[invalid=true]:border-danger aria-[invalid=true]:bg-danger-soft',
                              saving.has(key) && 'opacity-60',
                            )}
                          />
                        </td>
                      );
                    })}
                    <td className="px-3 py-1.5 text-right font-medium tabular-nums" data-testid="log-row-total">
                      {h(rowTotal)}
                    </td>
                  </tr>
                  {rowErrors.map(({ d, message }) => (
                    <tr key={`e-${d}`} className="border-b border-line bg-danger-soft/40" data-testid="log-error-row">
                      <td colSpan={1 + d} />
                      <td colSpan={days.length - d + 1} className="px-1 pt-0 pb-2">
                        <p
                          id={`${gridId}-${keyOf(row.projectId, d)}`}
                          role="alert"
                          className="flex items-start gap-1 text-[12px] text-danger-text"
                          data-testid="log-cell-error"
                        >
                          <CircleAlert className="mt-px size-3.5 shrink-0" aria-hidden="true" />
                          <span>{message}</span>
                        </p>
                      </td>
                    </tr>
                  ))}
                </RowGroup>
              );
            })}
          </tbody>
          <tfoot className="bg-subtle/40">
            <tr>
              <th scope="row" className="px-3 py-2 text-left text-[12px] font-medium text-muted">
                {t('log.dayTotal')}
              </th>
              {dayTotals.map((sum, i) => {
                const avail = data.available[i] ?? 0;
                return (
                  <td
                    key={data.days[i]}
                    className={cn(
                      'px-2.5 py-2 text-right font-medium tabular-nums',
                      sum > avail && sum > 0 ? 'text-warning-text' : 'text-fg',
                    )}
                    data-testid="log-day-total"
                  >
                    {sum === 0 ? <span className="text-faint">0</span> : hoursNumber(sum, lang)}
                  </td>
                );
              })}
              <td className="px-3 py-2 text-right tabular-nums" data-testid="log-week-total">
                <span className="block font-semibold text-fg">{h(total)}</span>
                <span className="block text-[11.5px] text-muted">
                  {t('log.ofAvailable', { hours: hoursNumber(available, lang) })}
                </span>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="text-[12px] text-faint">{t('log.keysHint')}</p>
      <p role="status" className="sr-only">
        {announce}
      </p>
    </div>
  );
}

/** Rows of one project (its cells and the errors under them) without a wrapper element. */
function RowGroup({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
