import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import type { AppError } from '../../../../shared/contract';
import type { ClientRow } from '../../../../shared/money';
import { clientUpdateSchema } from '../../../../shared/money-schemas';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { numberForInput } from '../../app/format';
import { errorTitle } from '../../app/i18n';
import { useFieldErrors } from '../../app/validation';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Field, UnitInput } from '../../components/Field';
import { numberFromField, termsError } from './ClientDialog';

/** Payment terms (days to pay, deposit %) edited in place, validated field by field. */
export function PaymentTerms({ client, onSaved }: { client: ClientRow; onSaved: () => void }) {
  const { t, i18n } = useTranslation('clients');
  const locale = i18n.language;
  const initial = useMemo(
    () => ({
      days: numberForInput(client.paymentTermsDays, locale),
      deposit: numberForInput(client.depositPct, locale),
    }),
    [client.paymentTermsDays, client.depositPct, locale],
  );
  const [draft, setDraft] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const patch = useMemo(
    () => ({
      paymentTermsDays: numberFromField(draft.days, locale),
      depositPct: numberFromField(draft.deposit, locale),
    }),
    [draft, locale],
  );
  const input = useMemo(() => ({ id: client.id, patch }), [client.id, patch]);
  const v = useFieldErrors(clientUpdateSchema, input);
  const dirty = patch.paymentTermsDays !== client.paymentTermsDays || patch.depositPct !== client.depositPct;

  const save = async () => {
    v.setSubmitted(true);
    if (!v.valid) return;
    setBusy(true);
    setError(null);
    const result = await api.call('clients/update', input);
    setBusy(false);
    if (!result.ok) {
      if (result.error.field) v.setServerError(result.error.field, errorText(result.error));
      else setError(result.error);
      return;
    }
    v.reset();
    setDraft({
      days: numberForInput(result.value.paymentTermsDays, locale),
      deposit: numberForInput(result.value.depositPct, locale),
    });
    toast.success(t('terms.saved'));
    onSaved();
  };

  return (
    <form
      noValidate
      aria-label={t('terms.title')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      className="flex flex-col gap-3"
    >
      {error ? (
        <Banner tone="danger" title={errorTitle(error.code)}>
          {errorText(error)}
        </Banner>
      ) : null}
      <div className="grid grid-cols-2 gap-3">
        <Field
          label={t('fields.paymentTermsDays')}
          error={termsError('paymentTermsDays', patch.paymentTermsDays, v.errorFor('patch.paymentTermsDays'), t)}
        >
          {(p) => (
            <UnitInput
              {...p}
              unit={t('terms.daysUnit')}
              value={draft.days}
              onChange={(e) => {
                setDraft((d) => ({ ...d, days: e.target.value }));
                v.edited('patch.paymentTermsDays');
              }}
              onBlur={() => v.touch('patch.paymentTermsDays')}
            />
          )}
        </Field>
        <Field
          label={t('fields.depositPct')}
          error={termsError('depositPct', patch.depositPct, v.errorFor('patch.depositPct'), t)}
        >
          {(p) => (
            <UnitInput
              {...p}
              unit="%"
              value={draft.deposit}
              onChange={(e) => {
                setDraft((d) => ({ ...d, deposit: e.target.value }));
                v.edited('patch.depositPct');
              }}
              onBlur={() => v.touch('patch.depositPct')}
            />
          )}
        </Field>
      </div>
      <p className="text-[12px] text-faint">{t('terms.explain')}</p>
      <div className="flex justify-end gap-2">
        {dirty ? (
          <Button
            size="sm"
            variant="ghost"
            disabled={busy}
            onClick={() => {
              v.reset();
              setDraft(initial);
            }}
          >
            {t('common.discard', { ns: 'translation' })}
          </Button>
        ) : null}
        <Button type="submit" size="sm" variant="primary" busy={busy} disabled={!dirty}>
          {t('terms.save')}
        </Button>
      </div>
    </form>
  );
}
