/** Ends a monthly expense after a chosen month (it still counts in that month). */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type { AppError } from '../../../../shared/contract';
import type { ExpenseOccurrence } from '../../../../shared/money';
import { expenseStopSchema } from '../../../../shared/money-schemas';
import { refreshSummary } from '../../app/actions';
import { api } from '../../app/api';
import { formatMonth } from '../../app/format';
import { errorTitle } from '../../app/i18n';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Modal } from '../../components/Dialog';
import { Field, Input } from '../../components/Field';
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
      if (result.error.field === 'lastMonth') v.setServerError('lastMonth', result.error.message);
      else setError(result.error);
      return;
    }
    void refreshSummary();
    toast.success(
      t('expenses.stopped', { description: occurrence.description, month: formatMonth(lastMonth, i18n.language) }),
    );
    onStopped();
  };

  const formId = 'stop-recurrence-form';
  return (
    <Modal
      open
      onOpenChange={(o) => (o ? undefined : onClose())}
      title={t('expenses.stopTitle', { description: occurrence.description })}
      description={t('expenses.stopDescription')}
      width="max-w-md"
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            {t('cancel')}
          </Button>
          <Button type="submit" form={formId} variant="primary" busy={busy}>
            {t('expenses.stopConfirm')}
          </Button>
        </>
      }
    >
      <form
        id={formId}
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {error ? (
          <Banner tone="danger" title={errorTitle(error.code)}>
            {error.message}
          </Banner>
        ) : null}
        <Field
          label={t('expenses.lastMonth')}
          hint={
            isMonth(lastMonth)
              ? t('expenses.lastMonthHint', { month: formatMonth(lastMonth, i18n.language) })
              : undefined
          }
          error={v.errorFor('lastMonth')}
        >
          {(p) => (
            <Input
              {...p}
              type="month"
              value={lastMonth}
              onChange={(e) => {
                setLastMonth(e.target.value);
                v.edited('lastMonth');
              }}
              onBlur={() => v.touch('lastMonth')}
              className="w-48"
            />
          )}
        </Field>
      </form>
    </Modal>
  );
}
