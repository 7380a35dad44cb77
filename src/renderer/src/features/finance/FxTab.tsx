/**
 * The FX table: per currency, its rates by date (newest first), in units of the
 * reporting currency per unit. The rate in force on a date is the latest on or
 * before it. Add (or replace) a rate, edit one in place, delete with confirmation.
 */
import { ArrowLeftRight, Check, Info, Pencil, Plus, Trash2, X } from 'lucide-react';
import { type KeyboardEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toast } from 'sonner';
import { CURRENCIES, type Currency } from '../../../../shared/domain';
import type { FxRate } from '../../../../shared/money';
import { fxSetSchema } from '../../../../shared/money-schemas';
import { toastError } from '../../app/actions';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { currencyName, formatDate, formatNumber, intlLocale, numberFormat, parseDecimal } from '../../app/format';
import { useWorkspaceToday } from '../../app/today';
import { useApiQuery } from '../../app/useApi';
import { Button } from '../../components/Button';
import { Card, CardHeader } from '../../components/Card';
import { cn } from '../../components/cn';
import { DateField } from '../../components/DateField';
import { ConfirmDialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { controlClass } from '../../components/Field';
import { SkeletonBlock } from '../../components/Skeleton';
import { Tip } from '../../components/Tooltip';
import { formatChange, formatFixed, isZeroChange, ratePrecision } from './numbers';
import { financeChanged, useFinance } from './store';
import { financeFieldErrors, useFinanceErrors, useReportingCurrency } from './util';

/** One rate in a sentence (a hint, a confirmation): its own digits, up to six decimals. */
const formatRate = (rate: number, locale: string) => formatNumber(rate, locale, 6);
/** A rate for an input, every digit kept and no grouping ("0,1472" in Spanish). */
const rateForInput = (rate: number, locale: string) =>
  numberFormat(intlLocale(locale), { maximumFractionDigits: 10, useGrouping: false }).format(rate);

export function FxTab() {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language;
  const reporting = useReportingCurrency();
  const query = useApiQuery('fx/list', {});
  const chosen = useFinance((s) => s.fxCurrency);
  const [deleting, setDeleting] = useState<FxRate | null>(null);

  const currencies = useMemo(() => CURRENCIES.filter((c) => c !== reporting), [reporting]);
  const byCurrency = useMemo(() => {
    const map = new Map<Currency, FxRate[]>();
    for (const r of query.data ?? []) {
      const list = map.get(r.currency) ?? [];
      list.push(r);
      map.set(r.currency, list);
    }
    for (const list of map.values()) list.sort((a, b) => (a.date < b.date ? 1 : -1));
    return map;
  }, [query.data]);
  const selected: Currency =
    chosen && chosen !== reporting ? chosen : (currencies.find((c) => byCurrency.has(c)) ?? currencies[0] ?? 'EUR');
  const rates = byCurrency.get(selected) ?? [];
  const choose = (c: Currency) => useFinance.setState({ fxCurrency: c });

  const saved = (rate: FxRate, replaced: boolean) => {
    query.setData((list) => [...list.filter((r) => !(r.currency === rate.currency && r.date === rate.date)), rate]);
    financeChanged();
    toast.success(
      t(replaced ? 'fx.replaced' : 'fx.added', {
        currency: rate.currency,
        date: formatDate(rate.date, lang),
      }),
    );
  };

  let body: ReactNode;
  if (query.status === 'error') body = <ErrorState error={query.error} onRetry={query.reload} />;
  else if (!query.data) body = <SkeletonBlock lines={6} className="p-5" />;
  else
    body = (
      <RatesTable currency={selected} reporting={reporting} rates={rates} onSaved={saved} onDelete={setDeleting} />
    );

  return (
    <div className="flex flex-col gap-4">
      <p className="flex items-start gap-2 text-[13px] text-muted" data-testid="fx-unit-note">
        <Info className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
        <span>{t('fx.unitNote', { reporting })}</span>
      </p>
      <div className="grid grid-cols-12 items-start gap-4">
        <Card className="col-span-4 overflow-hidden">
          <CardHeader title={t('fx.currencies')} description={t('fx.currenciesDescription', { reporting })} />
          <ul className="flex flex-col p-2" aria-label={t('fx.currencies')}>
            {currencies.map((c) => {
              const list = byCurrency.get(c) ?? [];
              const latest = list[0];
              const active = c === selected;
              const decimals = ratePrecision(list.map((r) => r.rate)).rate;
              return (
                <li key={c}>
                  <button
                    type="button"
                    aria-current={active ? 'true' : undefined}
                    onClick={() => choose(c)}
                    className={cn(
                      'flex min-h-11 w-full items-center gap-3 rounded-lg px-3 py-1.5 text-left transition-colors duration-150',
                      active ? 'bg-accent-soft' : 'hover:bg-hover',
                    )}
                    data-testid={`fx-currency-${c}`}
                  >
                    <span
                      className={cn('w-10 shrink-0 text-[13px] font-semibold', active ? 'text-accent-text' : 'text-fg')}
                    >
                      {c}
                    </span>
                    <span className="min-w-0 flex-1">
                      <span className="block truncate text-[12px] text-muted">{currencyName(c, lang)}</span>
                    </span>
                    <span className="shrink-0 text-right">
                      {latest ? (
                        <>
                          <span className="block text-[13px] font-medium text-fg tabular-nums">
                            {formatFixed(latest.rate, decimals, lang)}
                          </span>
                          <span className="block text-[11px] text-faint tabular-nums">
                            {formatDate(latest.date, lang)}
                          </span>
                        </>
                      ) : (
                        <span className="text-[12px] text-faint">{t('fx.noRates')}</span>
                      )}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </Card>
        <Card className="col-span-8">
          <CardHeader
            title={t('fx.ratesOf', { currency: selected, name: currencyName(selected, lang) })}
            description={t('fx.ratesDescription', { reporting, currency: selected })}
          />
          <RateForm key={selected} currency={selected} reporting={reporting} rates={rates} onSaved={saved} />
          {body}
        </Card>
      </div>
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(o) => (o ? undefined : setDeleting(null))}
        title={t('fx.deleteTitle', {
          currency: deleting?.currency ?? '',
          date: deleting ? formatDate(deleting.date, lang) : '',
        })}
        description={(() => {
          if (!deleting) return '';
          const list = byCurrency.get(deleting.currency) ?? [];
          const previous = list.find((r) => r.date < deleting.date);
          return previous
            ? t('fx.deleteFallsBack', { rate: formatRate(previous.rate, lang), date: formatDate(previous.date, lang) })
            : t('fx.deleteNoPrevious', { currency: deleting.currency });
        })()}
        confirmLabel={t('fx.deleteConfirm')}
        onConfirm={async () => {
          if (!deleting) return null;
          const result = await api.call('fx/delete', { currency: deleting.currency, date: deleting.date });
          if (!result.ok) return result.error;
          const gone = deleting;
          query.setData((list) => list.filter((r) => !(r.currency === gone.currency && r.date === gone.date)));
          financeChanged();
          toast.success(t('fx.deleted', { currency: gone.currency, date: formatDate(gone.date, lang) }));
          return null;
        }}
      />
    </div>
  );
}

/** Add a rate (or replace the one of that date). Prefilled when a "missing rate" banner sent the person here. */
function RateForm({
  currency,
  reporting,
  rates,
  onSaved,
}: {
  currency: Currency;
  reporting: Currency;
  rates: FxRate[];
  onSaved: (rate: FxRate, replaced: boolean) => void;
}) {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language;
  const today = useWorkspaceToday();
  const prefill = useFinance((s) => s.fxPrefill);
  const [date, setDate] = useState(() => (prefill?.currency === currency ? prefill.date : today));
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const rateRef = useRef<HTMLInputElement>(null);

  // A jump from a missing-rate banner: the date is filled in and the cursor waits in the rate.
  useEffect(() => {
    if (!prefill || prefill.currency !== currency) return;
    setDate(prefill.date);
    setText('');
    useFinance.setState({ fxPrefill: null });
    requestAnimationFrame(() => {
      rateRef.current?.focus();
      rateRef.current?.scrollIntoView({ block: 'center' });
    });
  }, [prefill, currency]);

  const parsed = parseDecimal(text, lang);
  const value = useMemo(() => ({ currency, date, rate: parsed ?? Number.NaN }), [currency, date, parsed]);
  const v = useFinanceErrors(fxSetSchema, value);
  const existing = rates.find((r) => r.date === date);

  const save = async () => {
    v.submit();
    if (!v.valid) return;
    setBusy(true);
    const result = await api.call('fx/set', value);
    setBusy(false);
    if (!result.ok) {
      if (result.error.field === 'date' || result.error.field === 'rate') {
        v.setServerError(result.error.field, errorText(result.error));
      } else toastError(result.error);
      return;
    }
    onSaved(result.value, Boolean(existing));
    setText('');
    v.reset();
    rateRef.current?.focus();
  };

  const dateError = v.errorFor('date');
  const rateError = v.errorFor('rate');
  return (
    <form
      noValidate
      aria-label={t('fx.addLabel', { currency })}
      className="border-b border-line bg-subtle/40 px-5 py-3"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      data-testid="fx-form"
    >
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor="fx-date" className="text-[12px] font-medium text-muted">
            {t('fx.date')}
          </label>
          <DateField
            id="fx-date"
            className="w-40"
            value={date}
            onChange={(d) => {
              setDate(d);
              v.edited('date');
            }}
            onBlur={() => v.touch('date')}
            aria-invalid={dateError ? true : undefined}
            aria-describedby={dateError ? 'fx-date-error' : undefined}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="fx-rate" className="text-[12px] font-medium text-muted">
            {t('fx.rateLabel', { reporting, currency })}
          </label>
          <input
            id="fx-rate"
            ref={rateRef}
            className={cn(controlClass, 'w-40 text-right tabular-nums')}
            inputMode="decimal"
            autoComplete="off"
            placeholder={
              existing ? rateForInput(existing.rate, lang) : rates[0] ? rateForInput(rates[0].rate, lang) : ''
            }
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              v.edited('rate');
            }}
            onBlur={() => v.touch('rate')}
            aria-invalid={rateError ? true : undefined}
            aria-describedby={rateError ? 'fx-rate-error' : 'fx-rate-hint'}
          />
        </div>
        <Button type="submit" variant="primary" icon={<Plus />} busy={busy}>
          {existing ? t('fx.replace') : t('fx.add')}
        </Button>
      </div>
      <div className="pt-2 text-[12px]">
        {dateError ? (
          <p id="fx-date-error" className="text-danger-text" data-testid="field-error">
            {t('fx.date')}: {dateError}
          </p>
        ) : null}
        {rateError ? (
          <p id="fx-rate-error" className="text-danger-text" data-testid="field-error">
            {t('fx.rate')}: {rateError}
          </p>
        ) : null}
        {!dateError && !rateError ? (
          <p id="fx-rate-hint" className="text-faint">
            {existing
              ? t('fx.replaceHint', { rate: formatRate(existing.rate, lang), date: formatDate(date, lang) })
              : parsed && parsed > 0
                ? t('fx.inverseHint', {
                    currency,
                    reporting,
                    rate: formatRate(parsed, lang),
                    inverse: formatRate(1 / parsed, lang),
                  })
                : t('fx.formHint', { reporting, currency })}
          </p>
        ) : null}
      </div>
    </form>
  );
}

function RatesTable({
  currency,
  reporting,
  rates,
  onSaved,
  onDelete,
}: {
  currency: Currency;
  reporting: Currency;
  rates: FxRate[];
  onSaved: (rate: FxRate, replaced: boolean) => void;
  onDelete: (rate: FxRate) => void;
}) {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language;
  const [editing, setEditing] = useState<{ date: string; text: string; error: string | null } | null>(null);
  const [busy, setBusy] = useState(false);

  if (rates.length === 0)
    return (
      <EmptyState
        icon={ArrowLeftRight}
        titleLevel={3}
        title={t('fx.emptyTitle', { currency })}
        description={t('fx.emptyDescription', { currency, reporting })}
      />
    );

  const saveEdit = async () => {
    if (!editing || busy) return;
    const value = { currency, date: editing.date, rate: parseDecimal(editing.text, lang) ?? Number.NaN };
    const errors = financeFieldErrors(fxSetSchema, value);
    if (errors.rate) {
      setEditing({ ...editing, error: errors.rate });
      return;
    }
    setBusy(true);
    const result = await api.call('fx/set', value);
    setBusy(false);
    if (!result.ok) {
      setEditing({ ...editing, error: errorText(result.error) });
      return;
    }
    setEditing(null);
    onSaved(result.value, true);
  };
  const onEditKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void saveEdit();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setEditing(null);
    }
  };

  const precision = ratePrecision(rates.map((r) => r.rate));
  const th =
    'sticky top-0 z-[1] border-b border-line bg-subtle px-3 py-2 first:pl-5 last:pr-5 text-[12px] font-medium whitespace-nowrap text-muted';
  const td = 'border-b border-line px-3 py-2 first:pl-5 last:pr-5 align-middle whitespace-nowrap group-last:border-b-0';
  return (
    <table
      className="w-full border-separate border-spacing-0 text-[13px]"
      aria-label={t('fx.ratesOf', { currency, name: currencyName(currency, lang) })}
    >
      <thead>
        <tr>
          <th scope="col" className={cn(th, 'text-left')}>
            {t('fx.date')}
          </th>
          <th scope="col" className={cn(th, 'text-right')}>
            {t('fx.rateColumn', { reporting, currency })}
          </th>
          <th scope="col" className={cn(th, 'text-right')}>
            {t('fx.inverseColumn', { reporting, currency })}
          </th>
          <th scope="col" className={cn(th, 'text-right')}>
            {t('fx.change')}
          </th>
          <th scope="col" className={cn(th, 'text-right')}>
            <span className="sr-only">{t('actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rates.map((r, i) => {
          const previous = rates[i + 1];
          const change = previous ? formatChange(r.rate / previous.rate - 1, lang) : null;
          const isEditing = editing?.date === r.date;
          return (
            <tr key={r.date} className="group hover:bg-hover/60" data-testid="fx-row">
              <td className={cn(td, 'text-fg tabular-nums')}>{formatDate(r.date, lang)}</td>
              <td className={cn(td, 'text-right font-medium text-fg tabular-nums')}>
                {isEditing ? (
                  <span className="inline-flex flex-col items-end gap-1">
                    <input
                      // biome-ignore lint/a11y/noAutofocus: editing starts where the person asked.
                      autoFocus
                      className={cn(controlClass, 'h-7 w-32 text-right tabular-nums')}
                      inputMode="decimal"
                      aria-label={t('fx.editLabel', { currency, date: formatDate(r.date, lang) })}
                      aria-invalid={editing.error ? true : undefined}
                      aria-describedby={editing.error ? 'fx-edit-error' : undefined}
                      value={editing.text}
                      onChange={(e) => setEditing({ ...editing, text: e.target.value, error: null })}
                      onKeyDown={onEditKey}
                    />
                    {editing.error ? (
                      <span id="fx-edit-error" className="text-[12px] font-normal text-danger-text">
                        {editing.error}
                      </span>
                    ) : null}
                  </span>
                ) : (
                  formatFixed(r.rate, precision.rate, lang)
                )}
              </td>
              <td className={cn(td, 'text-right text-muted tabular-nums')}>
                {formatFixed(1 / r.rate, precision.inverse, lang)}
              </td>
              <td className={cn(td, 'text-right tabular-nums')}>
                {change === null ? (
                  <span className="text-faint">—</span>
                ) : (
                  <span className={isZeroChange(change) ? 'text-faint' : 'text-muted'}>{change}</span>
                )}
              </td>
              <td className={cn(td, 'text-right')}>
                <span className="flex justify-end gap-1">
                  {isEditing ? (
                    <>
                      <Tip label={t('fx.saveEdit')}>
                        <Button
                          variant="ghost"
                          size="icon-sm"
                          aria-label={t('fx.saveEdit')}
                          busy={busy}
                          onClick={() => void saveEdit()}
                        >
                          <Check />
                        </Button>
                      </Tip>
                      <Tip label={t('cancel')}>
                        <Button
                          variant="ghost"
                          size="icon-sm"
                          aria-label={t('cancel')}
                          onClick={() => setEditing(null)}
                        >
                          <X />
                        </Button>
                      </Tip>
                    </>
                  ) : (
                    <>
                      <Tip label={t('edit')}>
                        <Button
                          variant="ghost"
                          size="icon-sm"
                          aria-label={t('fx.editLabel', { currency, date: formatDate(r.date, lang) })}
                          onClick={() => setEditing({ date: r.date, text: rateForInput(r.rate, lang), error: null })}
                        >
                          <Pencil />
                        </Button>
                      </Tip>
                      <Tip label={t('delete')}>
                        <Button
                          variant="ghost"
                          size="icon-sm"
                          aria-label={t('fx.deleteLabel', { currency, date: formatDate(r.date, lang) })}
                          onClick={() => onDelete(r)}
                        >
                          <Trash2 />
                        </Button>
                      </Tip>
                    </>
                  )}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
