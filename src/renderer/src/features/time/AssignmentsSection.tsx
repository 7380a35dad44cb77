/**
 * The project's assignments in its sheet: who works on it, planned, logged and
 * remaining hours, dates and (for freelancers and partners) the cost. Planned
 * hours and dates can be edited, an assignment without logged hours removed,
 * hours logged for a person's week, and "Find who" opens the routing panel.
 */
import { Clock, Pencil, Trash2, UserSearch, Users } from 'lucide-react';
import { type ReactNode, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assignment } from '../../../../shared/capacity';
import { assignmentUpdateSchema } from '../../../../shared/capacity-schemas';
import type { AppError } from '../../../../shared/contract';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { formatDate, formatMoney, numberForInput, parseDecimal } from '../../app/format';
import { useWorkspaceToday } from '../../app/today';
import { useApiQuery } from '../../app/useApi';
import { useFieldErrors } from '../../app/validation';
import { Button } from '../../components/Button';
import { cn } from '../../components/cn';
import { DateField, useDateTyping } from '../../components/DateField';
import { ConfirmDialog, FormDialog, Modal } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Field, UnitInput } from '../../components/Field';
import { SkeletonBlock } from '../../components/Skeleton';
import { Badge } from '../../components/StatusBadge';
import { Tip } from '../../components/Tooltip';
import { RoutingPanel } from './RoutingPanel';
import { TimeLogTab } from './TimeLogTab';
import { dateRange, hoursNumber, weekFor } from './util';
import { timeIssueMessage } from './validation';

export function AssignmentsSection({
  projectId,
  canAssign,
  today: todayProp,
  onChanged,
}: {
  projectId: number;
  /** False once the project is delivered or cancelled: no new assignments. */
  canAssign: boolean;
  today?: string;
  /** An assignment was added, changed or removed, or hours were logged. */
  onChanged?: () => void;
}) {
  const { t } = useTranslation('time');
  const headingId = useId();
  const workspaceToday = useWorkspaceToday();
  const today = todayProp ?? workspaceToday;
  const list = useApiQuery('assignments/forProject', { projectId });
  const [routing, setRouting] = useState(false);
  const [editing, setEditing] = useState<Assignment | null>(null);
  const [removing, setRemoving] = useState<Assignment | null>(null);
  const [logging, setLogging] = useState<Assignment | null>(null);

  const changed = () => {
    list.reload();
    onChanged?.();
  };

  const findWho = canAssign ? (
    <Button size="sm" icon={<UserSearch />} onClick={() => setRouting(true)}>
      {t('assignments.findWho')}
    </Button>
  ) : null;

  let body: ReactNode;
  if (list.status === 'error') body = <ErrorState error={list.error} onRetry={list.reload} className="py-6" />;
  else if (!list.data) body = <SkeletonBlock lines={2} />;
  else if (list.data.length === 0)
    body = (
      <div className="rounded-[10px] border border-dashed border-line-strong">
        <EmptyState
          icon={Users}
          titleLevel={3}
          className="py-6"
          title={t('assignments.emptyTitle')}
          description={canAssign ? t('assignments.emptyDescription') : t('assignments.emptyClosed')}
        />
      </div>
    );
  else
    body = (
      <AssignmentsTable
        rows={list.data}
        onLog={setLogging}
        onEdit={setEditing}
        onRemove={setRemoving}
        labelledBy={headingId}
      />
    );

  return (
    <section aria-labelledby={headingId} data-testid="assignments-section">
      <div className="mb-2.5 flex items-center justify-between gap-3">
        <h3 id={headingId} className="text-[13px] font-semibold text-fg">
          {t('assignments.title')}
        </h3>
        {findWho}
      </div>
      {body}

      {routing ? (
        <RoutingPanel
          projectId={projectId}
          onClose={() => setRouting(false)}
          onAssigned={() => {
            setRouting(false);
            changed();
          }}
          onChanged={changed}
        />
      ) : null}

      {editing ? (
        <EditAssignmentDialog
          assignment={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            changed();
          }}
        />
      ) : null}

      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(o) => (o ? undefined : setRemoving(null))}
        title={t('assignments.removeTitle', { name: removing?.personName ?? '' })}
        description={t('assignments.removeText', {
          name: removing?.personName ?? '',
          project: removing?.projectName ?? '',
        })}
        confirmLabel={t('assignments.remove')}
        onConfirm={async () => {
          if (!removing) return null;
          const result = await api.call('assignments/delete', { id: removing.id });
          if (!result.ok) return result.error;
          changed();
          return null;
        }}
      />

      <Modal
        open={logging !== null}
        onOpenChange={(o) => (o ? undefined : setLogging(null))}
        title={t('log.dialogTitle', { name: logging?.personName ?? '' })}
        description={t('log.dialogDescription')}
        width="max-w-[960px]"
        testId="time-log-dialog"
      >
        {logging ? (
          <TimeLogTab
            personId={logging.personId}
            weekStart={weekFor(today, logging.startDate, logging.endDate)}
            focusProjectId={projectId}
            onLogged={changed}
            embedded
          />
        ) : null}
      </Modal>
    </section>
  );
}

function AssignmentsTable({
  rows,
  onLog,
  onEdit,
  onRemove,
  labelledBy,
}: {
  rows: Assignment[];
  onLog: (a: Assignment) => void;
  onEdit: (a: Assignment) => void;
  onRemove: (a: Assignment) => void;
  labelledBy: string;
}) {
  const { t, i18n } = useTranslation('time');
  const lang = i18n.language;
  const withCost = rows.some((a) => a.costMinor !== null);
  const totals = useMemo(
    () =>
      rows.reduce(
        (s, a) => ({
          planned: s.planned + a.plannedHours,
          logged: s.logged + a.loggedHours,
          remaining: s.remaining + a.remainingHours,
        }),
        { planned: 0, logged: 0, remaining: 0 },
      ),
    [rows],
  );
  const h = (n: number) => t('hours', { value: hoursNumber(n, lang) });
  const th = 'h-8 px-2.5 text-[12px] font-medium text-muted whitespace-nowrap';
  const num = 'text-right tabular-nums';

  return (
    <div className="overflow-hidden rounded-[10px] border border-line">
      <table
        className="w-full border-collapse text-[13px]"
        aria-labelledby={labelledBy}
        data-testid="assignments-table"
      >
        <thead className="bg-subtle/60">
          <tr className="border-b border-line">
            <th scope="col" className={cn(th, 'text-left')}>
              {t('assignments.person')}
            </th>
            <th scope="col" className={cn(th, num)}>
              {t('assignments.planned')}
            </th>
            <th scope="col" className={cn(th, num)}>
              {t('assignments.logged')}
            </th>
            <th scope="col" className={cn(th, num)}>
              {t('assignments.remaining')}
            </th>
            {withCost ? (
              <th scope="col" className={cn(th, num)}>
                {t('assignments.cost')}
              </th>
            ) : null}
            <th scope="col" className={cn(th, 'w-0')}>
              <span className="sr-only">{t('common.actions', { ns: 'translation' })}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => {
            const over = a.loggedHours - a.plannedHours;
            return (
              <tr
                key={a.id}
                className="border-b border-line last:border-b-0 hover:bg-hover/50"
                data-testid="assignment-row"
                data-assignment-id={a.id}
              >
                <td className="px-2.5 py-2 align-top">
                  <div className="flex items-center gap-1.5">
                    <span className="font-medium text-fg">{a.personName}</span>
                    {a.costMinor !== null ? <Badge tone="accent">{t('assignments.external')}</Badge> : null}
                  </div>
                  <div className="mt-0.5 text-[12px] text-muted tabular-nums">
                    {dateRange(a.startDate, a.endDate, lang)}
                  </div>
                </td>
                <td className={cn('px-2.5 py-2 align-top', num)} data-testid="assignment-planned">
                  {h(a.plannedHours)}
                </td>
                <td className={cn('px-2.5 py-2 align-top', num)} data-testid="assignment-logged">
                  {h(a.loggedHours)}
                  <LoggedBar planned={a.plannedHours} logged={a.loggedHours} />
                </td>
                <td className={cn('px-2.5 py-2 align-top', num)} data-testid="assignment-remaining">
                  <span className="font-medium">{h(a.remainingHours)}</span>
                  {over > 0 ? (
                    <div className="mt-1 flex justify-end">
                      <Badge tone="warning">{t('assignments.over', { value: hoursNumber(over, lang) })}</Badge>
                    </div>
                  ) : null}
                </td>
                {withCost ? (
                  <td className={cn('px-2.5 py-2 align-top', num)}>
                    {a.costMinor !== null && a.costCurrency ? (
                      formatMoney(a.costMinor, a.costCurrency, lang)
                    ) : (
                      <span className="text-faint">
                        —<span className="sr-only"> {t('assignments.internalCost')}</span>
                      </span>
                    )}
                  </td>
                ) : null}
                <td className="px-1.5 py-1.5 align-top">
                  <div className="flex justify-end gap-0.5">
                    <Tip label={t('assignments.logTime')}>
                      <Button
                        variant="ghost"
                        size="icon-sm"
                        aria-label={t('assignments.logTimeFor', { name: a.personName })}
                        onClick={() => onLog(a)}
                      >
                        <Clock />
                      </Button>
                    </Tip>
                    <Tip label={t('assignments.edit')}>
                      <Button
                        variant="ghost"
                        size="icon-sm"
                        aria-label={t('assignments.editFor', { name: a.personName })}
                        onClick={() => onEdit(a)}
                      >
                        <Pencil />
                      </Button>
                    </Tip>
                    <Tip label={a.loggedHours > 0 ? t('assignments.cannotRemove') : t('assignments.remove')}>
                      {/* A disabled button gets no hover: the wrapper carries the tip. */}
                      <span className="inline-flex">
                        <Button
                          variant="ghost"
                          size="icon-sm"
                          aria-label={t('assignments.removeFor', { name: a.personName })}
                          aria-describedby={undefined}
                          disabled={a.loggedHours > 0}
                          onClick={() => onRemove(a)}
                        >
                          <Trash2 />
                        </Button>
                      </span>
                    </Tip>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
        {rows.length > 1 ? (
          <tfoot className="border-t border-line bg-subtle/40">
            <tr>
              <th scope="row" className="px-2.5 py-2 text-left text-[12px] font-medium text-muted">
                {t('assignments.total')}
              </th>
              <td className={cn('px-2.5 py-2 font-medium', num)}>{h(totals.planned)}</td>
              <td className={cn('px-2.5 py-2 font-medium', num)} data-testid="assignments-total-logged">
                {h(totals.logged)}
              </td>
              <td className={cn('px-2.5 py-2 font-medium', num)} data-testid="assignments-total-remaining">
                {h(totals.remaining)}
              </td>
              {withCost ? <td /> : null}
              <td />
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

/** Logged of planned as a hairline bar (the numbers beside it say the same in words). */
function LoggedBar({ planned, logged }: { planned: number; logged: number }) {
  const share = planned > 0 ? Math.min(1, logged / planned) : logged > 0 ? 1 : 0;
  return (
    <div aria-hidden="true" className="mt-1.5 ml-auto h-1 w-14 overflow-hidden rounded-full bg-line">
      <div
        className={cn('h-full rounded-full', logged > planned ? 'bg-warning-text' : 'bg-accent')}
        style={{ width: `${Math.round(share * 100)}%` }}
      />
    </div>
  );
}

function EditAssignmentDialog({
  assignment,
  onClose,
  onSaved,
}: {
  assignment: Assignment;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation('time');
  const lang = i18n.language;
  const formId = useId();
  const [planned, setPlanned] = useState(numberForInput(assignment.plannedHours, lang));
  const [startDate, setStartDate] = useState(assignment.startDate);
  const [endDate, setEndDate] = useState(assignment.endDate);
  const { typing, typingIn } = useDateTyping();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const parsed = parseDecimal(planned, lang);
  const value = useMemo(
    () => ({ id: assignment.id, plannedHours: parsed === null ? undefined : parsed, startDate, endDate }),
    [assignment.id, parsed, startDate, endDate],
  );
  // An empty field is a missing number, not "leave as it is".
  const schema = useMemo(
    () =>
      assignmentUpdateSchema.refine((v) => v.plannedHours !== undefined, {
        message: 'Planned hours must be a number.',
        path: ['plannedHours'],
      }),
    [],
  );
  const v = useFieldErrors(schema, value, timeIssueMessage);

  const submit = async () => {
    v.setSubmitted(true);
    setError(null);
    if (!v.valid) return;
    setBusy(true);
    const result = await api.call('assignments/update', {
      id: assignment.id,
      plannedHours: value.plannedHours,
      startDate,
      endDate,
    });
    setBusy(false);
    if (result.ok) {
      onSaved();
      return;
    }
    if (result.error.field) v.setServerError(result.error.field, errorText(result.error));
    else setError(result.error);
  };

  const logged = assignment.loggedHours;
  return (
    <FormDialog
      formId={formId}
      title={t('edit.title', { name: assignment.personName })}
      description={assignment.projectName}
      testId="assignment-dialog"
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      dirty={
        typing ||
        planned !== numberForInput(assignment.plannedHours, lang) ||
        startDate !== assignment.startDate ||
        endDate !== assignment.endDate
      }
      error={error}
      submitLabel={t('common.save', { ns: 'translation' })}
      className="grid grid-cols-2 gap-4"
      errorClassName="col-span-2"
    >
      <Field
        label={t('edit.planned')}
        error={v.errorFor('plannedHours')}
        hint={logged > 0 ? t('edit.loggedHint', { value: hoursNumber(logged, lang) }) : undefined}
        className="col-span-2 max-w-[220px]"
      >
        {(p) => (
          <UnitInput
            {...p}
            unit="h"
            value={planned}
            autoFocus
            onChange={(e) => {
              setPlanned(e.target.value);
              v.edited('plannedHours');
            }}
            onBlur={() => v.touch('plannedHours')}
          />
        )}
      </Field>
      <Field label={t('edit.start')} error={v.errorFor('startDate')}>
        {(p) => (
          <DateField
            {...p}
            value={startDate}
            onChange={(date) => {
              setStartDate(date);
              v.edited('startDate');
            }}
            onTypingChange={typingIn('startDate')}
            onBlur={() => v.touch('startDate')}
          />
        )}
      </Field>
      <Field label={t('edit.end')} error={v.errorFor('endDate')}>
        {(p) => (
          <DateField
            {...p}
            value={endDate}
            onChange={(date) => {
              setEndDate(date);
              v.edited('endDate');
            }}
            onTypingChange={typingIn('endDate')}
            onBlur={() => v.touch('endDate')}
          />
        )}
      </Field>
      <p className="col-span-2 text-[12px] text-muted">
        {t('edit.due', { date: formatDate(assignment.projectDueDate, lang) })}
      </p>
    </FormDialog>
  );
}
