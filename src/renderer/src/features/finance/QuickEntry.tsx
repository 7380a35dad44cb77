/**
 * The expenses quick-entry row: everything by keyboard. Enter saves and puts
 * the cursor back in the description for the next one (date, category, hub
 * and currency stay); Esc clears. Errors show field by field under the row.
 */
import { CircleAlert, CornerDownLeft, Plus } from 'lucide-react';
import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { type Currency, EXPENSE_CATEGORIES, type ExpenseCategory } from '../../../../shared/domain';
import type { Expense } from '../../../../shared/money';
import { type ExpenseInput, expenseInputSchema } from '../../../../shared/money-schemas';
import { refreshSummary, toastError } from '../../app/actions';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { formatMonth, majorToMinor, parseDecimal } from '../../app/format';
import { useApp } from '../../app/store';
import { Button } from '../../components/Button';
import { cn } from '../../components/cn';
import { DateField } from '../../components/DateField';
import { CurrencySelect } from '../../components/DomainInputs';
import { controlClass } from '../../components/Field';
import { HubDot } from '../../components/HubDot';
import { Kbd } from '../../components/Kbd';
import { Select } from '../../components/Select';
import { Switch } from '../../components/Switch';
import { useFinanceErrors } from './util';

interface Draft {
  date: string;
  description: string;
  category: ExpenseCategory | '';
  /** '' = agency-wide (no hub). */
  hubId: string;
  amount: string;
  currency: Currency;
  monthly: boolean;
}

/** The hub select's value for "no hub" (the app's Select keeps '' for "nothing chosen"). */
const AGENCY_WIDE = 'agency';

const FIELDS = ['date', 'description', 'category', 'hubId', 'amountMinor', 'currency'] as const;
type FieldPath = (typeof FIELDS)[number];

export function QuickEntry({
  defaultDate,
  defaultHubId,
  reportingCurrency,
  viewedMonth,
  onSaved,
  onShowMonth,
}: {
  defaultDate: string;
  /** The top bar's hub, when one is chosen: a new expense starts as that hub's, so it shows in the list. */
  defaultHubId: number | null;
  reportingCurrency: Currency;
  viewedMonth: string;
  onSaved: (expense: Expense) => void;
  onShowMonth: (month: string) => void;
}) {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language;
  const hubs = useApp((s) => s.hubs);
  const blank = (): Draft => ({
    date: defaultDate,
    description: '',
    category: '',
    hubId: defaultHubId === null ? '' : String(defaultHubId),
    amount: '',
    currency: reportingCurrency,
    monthly: false,
  });
  const [draft, setDraft] = useState<Draft>(blank);
  const [busy, setBusy] = useState(false);
  const descriptionRef = useRef<HTMLInputElement>(null);
  const [lastMonth, setLastMonth] = useState(viewedMonth);
  // A new month on screen moves the default date into it (unless the person typed one).
  if (lastMonth !== viewedMonth) {
    setLastMonth(viewedMonth);
    if (draft.date.slice(0, 7) !== viewedMonth) setDraft((d) => ({ ...d, date: defaultDate }));
  }
  // Another hub chosen in the top bar moves the row's hub with it (unless the person chose one).
  const [lastHub, setLastHub] = useState(defaultHubId);
  if (lastHub !== defaultHubId) {
    setLastHub(defaultHubId);
    const previous = lastHub === null ? '' : String(lastHub);
    if (draft.hubId === previous) setDraft((d) => ({ ...d, hubId: defaultHubId === null ? '' : String(defaultHubId) }));
  }

  const value = useMemo((): ExpenseInput => {
    const major = parseDecimal(draft.amount, lang);
    return {
      date: draft.date,
      // '' is refused by the schema with "Choose a category".
      category: draft.category as ExpenseCategory,
      hubId: draft.hubId === '' ? null : Number(draft.hubId),
      description: draft.description,
      amountMinor: major === null || Number.isNaN(major) ? Number.NaN : majorToMinor(major, draft.currency),
      currency: draft.currency,
      recurrence: draft.monthly ? 'monthly' : 'none',
      recurrenceEndMonth: null,
    };
  }, [draft, lang]);
  const v = useFinanceErrors(expenseInputSchema, value);

  const set = (patch: Partial<Draft>, path?: FieldPath) => {
    setDraft((d) => ({ ...d, ...patch }));
    if (path) v.edited(path);
  };

  const labels: Record<FieldPath, string> = {
    date: t('expenses.fields.date'),
    description: t('expenses.fields.description'),
    category: t('expenses.fields.category'),
    hubId: t('expenses.fields.hub'),
    amountMinor: t('expenses.fields.amount'),
    currency: t('expenses.fields.currency'),
  };
  const errorList = FIELDS.map((f) => ({ field: f, message: v.errorFor(f) })).filter(
    (e): e is { field: FieldPath; message: string } => Boolean(e.message),
  );
  const errId = 'quick-entry-errors';
  const aria = (path: FieldPath) => {
    const bad = Boolean(v.errorFor(path));
    return { 'aria-invalid': bad || undefined, 'aria-describedby': bad ? errId : undefined };
  };

  const clear = () => {
    setDraft(blank());
    v.reset();
    descriptionRef.current?.focus();
  };

  const save = async () => {
    if (busy) return;
    v.submit();
    if (!v.valid) return;
    setBusy(true);
    const result = await api.call('expenses/create', value);
    setBusy(false);
    if (!result.ok) {
      const field = result.error.field;
      if (field && (FIELDS as readonly string[]).includes(field)) v.setServerError(field, errorText(result.error));
      else toastError(result.error);
      return;
    }
    const saved = result.value;
    const month = saved.date.slice(0, 7);
    onSaved(saved);
    void refreshSummary();
    toast.success(t('expenses.added', { description: saved.description }), {
      ...(month !== viewedMonth
        ? {
            description: t('expenses.addedOtherMonth', { month: formatMonth(month, lang) }),
            action: { label: t('expenses.showMonth'), onClick: () => onShowMonth(month) },
          }
        : {}),
    });
    setDraft((d) => ({ ...d, description: '', amount: '', monthly: false }));
    v.reset();
    descriptionRef.current?.focus();
  };

  // Keys pressed in an open select's list (portalled out of the row) belong to the list.
  const inRow = (e: KeyboardEvent<HTMLFormElement>) => e.currentTarget.contains(e.target as Node);
  // Enter on a closed select saves the row, as in every other field (the select would open its list).
  const onKeyDownCapture = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.nativeEvent.isComposing || !inRow(e)) return;
    if (e.key !== 'Enter' || e.shiftKey || e.altKey) return;
    if ((e.target as HTMLElement).getAttribute('role') !== 'combobox') return;
    e.preventDefault();
    void save();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.nativeEvent.isComposing || !inRow(e)) return;
    const target = e.target as HTMLElement;
    if (e.key === 'Escape') {
      e.preventDefault();
      clear();
      return;
    }
    if (e.key !== 'Enter' || e.shiftKey || e.altKey) return;
    // Enter on a button does what the button says, except the monthly switch, where it saves.
    if (target.tagName === 'BUTTON' && target.getAttribute('role') !== 'switch') return;
    e.preventDefault();
    void save();
  };

  const label = (path: FieldPath | 'monthly', text: string) => (
    <label htmlFor={`qe-${path}`} className="text-[12px] font-medium text-muted">
      {text}
    </label>
  );

  return (
    <form
      aria-label={t('expenses.quickEntry')}
      noValidate
      onKeyDown={onKeyDown}
      onKeyDownCapture={onKeyDownCapture}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      className="border-b border-line bg-subtle/40 px-5 py-3"
      data-testid="expense-quick-entry"
    >
      {/* One row in a wide window; below 1280 px two (date, description, category, hub; then amount, currency,
          monthly, add), so the description keeps its room. */}
      <div className="grid grid-cols-[8.5rem_minmax(0,1fr)_9.5rem_9rem] items-end gap-2 xl:grid-cols-[8.5rem_minmax(0,1fr)_9.5rem_9rem_5.75rem_4.75rem_auto_auto]">
        <div className="flex flex-col gap-1">
          {label('date', labels.date)}
          <DateField
            id="qe-date"
            value={draft.date}
            onChange={(date) => set({ date }, 'date')}
            onBlur={() => v.touch('date')}
            {...aria('date')}
          />
        </div>
        <div className="flex flex-col gap-1">
          {label('description', labels.description)}
          <input
            id="qe-description"
            ref={descriptionRef}
            className={controlClass}
            value={draft.description}
            placeholder={t('expenses.descriptionPlaceholder')}
            autoComplete="off"
            onChange={(e) => set({ description: e.target.value }, 'description')}
            onBlur={() => v.touch('description')}
            {...aria('description')}
          />
        </div>
        <div className="flex flex-col gap-1">
          {label('category', labels.category)}
          <Select
            id="qe-category"
            value={draft.category}
            placeholder={t('expenses.chooseCategory')}
            options={EXPENSE_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
            onChange={(c) => set({ category: c as ExpenseCategory }, 'category')}
            onBlur={() => v.touch('category')}
            {...aria('category')}
          />
        </div>
        <div className="flex flex-col gap-1">
          {label('hubId', labels.hubId)}
          <Select
            id="qe-hubId"
            value={draft.hubId === '' ? AGENCY_WIDE : draft.hubId}
            options={[
              { value: AGENCY_WIDE, label: t('expenses.agencyWide') },
              ...hubs.map((h) => ({ value: String(h.id), label: h.name, icon: <HubDot color={h.color} /> })),
            ]}
            onChange={(hub) => set({ hubId: hub === AGENCY_WIDE ? '' : hub }, 'hubId')}
            {...aria('hubId')}
          />
        </div>
        <div className="flex flex-col gap-1">
          {label('amountMinor', labels.amountMinor)}
          <input
            id="qe-amountMinor"
            className={cn(controlClass, 'text-right tabular-nums')}
            inputMode="decimal"
            autoComplete="off"
            placeholder="0"
            value={draft.amount}
            onChange={(e) => set({ amount: e.target.value }, 'amountMinor')}
            onBlur={() => v.touch('amountMinor')}
            {...aria('amountMinor')}
          />
        </div>
        <div className="flex w-[5.75rem] flex-col gap-1 xl:w-auto">
          {label('currency', labels.currency)}
          <CurrencySelect
            id="qe-currency"
            value={draft.currency}
            onChange={(c) => set({ currency: c as Currency }, 'currency')}
            {...aria('currency')}
          />
        </div>
        <div className="flex flex-col items-center gap-1">
          {label('monthly', t('expenses.fields.monthly'))}
          <div className="flex h-8 items-center">
            <Switch id="qe-monthly" checked={draft.monthly} onCheckedChange={(monthly) => set({ monthly })} />
          </div>
        </div>
        <Button
          type="submit"
          variant="primary"
          icon={<Plus />}
          busy={busy}
          className="justify-self-end xl:justify-self-auto"
        >
          {t('expenses.add')}
        </Button>
      </div>
      {errorList.length > 0 ? (
        <ul id={errId} className="flex flex-col gap-0.5 pt-2 pl-0.5" data-testid="field-error">
          {errorList.map((e) => (
            <li key={e.field} className="flex items-start gap-1 text-[12px] text-danger-text">
              <CircleAlert className="mt-px size-3.5 shrink-0" aria-hidden="true" />
              <span>
                <span className="font-medium">{labels[e.field]}:</span> {e.message}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="flex items-center gap-1.5 pt-2 text-[12px] text-faint">
          <Kbd>
            <CornerDownLeft className="size-3" aria-hidden="true" />
            <span className="sr-only">Enter</span>
          </Kbd>
          {t('expenses.keysSave')}
          <Kbd className="ml-2">Esc</Kbd>
          {t('expenses.keysClear')}
        </p>
      )}
    </form>
  );
}
