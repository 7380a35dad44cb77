/** Ends a monthly expense after a chosen month (it still counts in that month). */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type { AppError } from '../../../../shared/contract';
import type { ExpenseOccurrence } from '../../../../shared/money';
import { expenseStopSchema } from '../../../../shared/money-schemas';
import { refreshSummary } from '../../app/actions';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { formatMonth } from '../../app/format';
import { FormDialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { MonthPicker } from '../../components/MonthPicker';
import { isMonth, useFinanceErrors } from './util';

export function StopRecurrenceDialog({
  occurrence,
  defaultMonth,
  onClose,
  onStopped,
}: {
  occurrence: ExpenseOccurrence;
  defaultMonth: string;
  onClose: () => void;
  onStopped: () => void;
}) {
  const { t, i18n } = useTranslation('finance');
  const [lastMonth, setLastMonth] = useState(defaultMonth);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const value = useMemo(() => ({ id: occurrence.expenseId, lastMonth }), [occurrence.expenseId, lastMonth]);
  const v = useFinanceErrors(expenseStopSchema, value);

  const save = async () => {
    v.submit();
    if (!v.valid) return;
    setBusy(true);
    setError(null);
    const result = await api.call('expenses/stop', value);
    setBusy(false);
    if (!result.ok) {
      if (result.error.field === 'lastMonth') v.setServerError('lastMonth', errorText(result.error));
      else setError(result.error);
      return;
    }
    void refreshSummary();
    toast.success(
      t('expenses.stopped', { description: occurrence.description, month: formatMonth(lastMonth, i18n.language) }),
    );
    onStopped();
  };

  return (
    <FormDialog
      formId="stop-recurrence-form"
      title={t('expenses.stopTitle', { description: occurrence.description })}
      description={t('expenses.stopDescription')}
      width="max-w-md"
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      submitLabel={t('expenses.stopConfirm')}
    >
      <Field
        label={t('expenses.lastMonth')}
        hint={
          isMonth(lastMonth) ? t('expenses.lastMonthHint', { month: formatMonth(lastMonth, i18n.language) }) : undefined
        }
        error={v.errorFor('lastMonth')}
      >
        {(p) => (
          <MonthPicker
            {...p}
            label={t('expenses.lastMonth')}
            value={lastMonth}
            onChange={(m) => {
              setLastMonth(m);
              v.edited('lastMonth');
            }}
            onBlur={() => v.touch('lastMonth')}
          />
        )}
      </Field>
    </FormDialog>
  );
}
