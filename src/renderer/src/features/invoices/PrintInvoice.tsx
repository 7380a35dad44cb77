/**
 * The invoice as a printable A4 page: the report route `#/print/invoice/<id>`.
 * Electron loads it in a hidden window and prints it to PDF once
 * `<html data-print-ready="true">` (or "error") is set; the browser host opens
 * it in a window that prints itself. Always light, whatever the app's theme.
 */
import { Printer } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/contract';
import { daysBetween } from '../../../../shared/dates';
import type { Invoice } from '../../../../shared/money';
import { api } from '../../app/api';
import { countryName, formatDate, formatMoney, formatNumber } from '../../app/format';
import { applyLanguage, resolveLanguage } from '../../app/i18n';
import { Button } from '../../components/Button';
import { ErrorState } from '../../components/ErrorState';
import { bpToPct } from './parts';

const PRINT_CSS = `
@page { size: A4; margin: 0; }
@media print {
  html, body, #root { background: #fff !important; height: auto !important; }
  .print-hide { display: none !important; }
  .print-sheet { box-shadow: none !important; margin: 0 !important; border: 0 !important; }
}
`;

type State =
  | { status: 'loading' }
  | { status: 'ready'; invoice: Invoice; credited: string | null }
  | { status: 'error'; error: AppError };

function setReady(value: 'true' | 'error') {
  document.documentElement.dataset.printReady = value;
}

/** Waits for the fonts and the logo so the PDF never catches them half-loaded. */
async function settled(): Promise<void> {
  await document.fonts?.ready;
  await Promise.all(
    [...document.images].map((img) => (img.complete ? Promise.resolve() : img.decode().catch(() => undefined))),
  );
}

export function PrintInvoicePage({ id, autoPrint }: { id: number; autoPrint: boolean }) {
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    // A report is printed light, even when the app is dark.
    document.documentElement.classList.remove('dark');
    document.documentElement.style.colorScheme = 'light';
    delete document.documentElement.dataset.printReady;
    let live = true;
    void (async () => {
      const [prefs, inv] = await Promise.all([api.call('prefs/get', {}), api.call('invoices/get', { id })]);
      if (!live) return;
      if (prefs.ok) applyLanguage(resolveLanguage(prefs.value.language));
      if (!inv.ok) {
        setState({ status: 'error', error: inv.error });
        return;
      }
      let credited: string | null = null;
      if (inv.value.creditsInvoiceId !== null) {
        const c = await api.call('invoices/get', { id: inv.value.creditsInvoiceId });
        credited = c.ok ? c.value.number : null;
      }
      if (live) setState({ status: 'ready', invoice: inv.value, credited });
    })();
    return () => {
      live = false;
    };
  }, [id]);

  useEffect(() => {
    if (state.status === 'error') {
      setReady('error');
      return;
    }
    if (state.status !== 'ready') return;
    const inv = state.invoice;
    document.title = `${inv.number ?? `draft-${inv.id}`} · ${inv.client.name}`;
    let live = true;
    void settled().then(() => {
      if (!live) return;
      setReady('true');
      if (autoPrint) window.print();
    });
    return () => {
      live = false;
    };
  }, [state, autoPrint]);

  return (
    <div className="min-h-full bg-slate-200/70 py-8 print:bg-white print:py-0" data-testid="print-invoice">
      <style>{PRINT_CSS}</style>
      {state.status === 'error' ? (
        <div className="mx-auto max-w-lg rounded-xl bg-white py-6">
          <ErrorState error={state.error} />
        </div>
      ) : state.status === 'loading' ? (
        <div className="print-sheet mx-auto min-h-[297mm] w-[210mm] animate-shimmer bg-white shadow-lg" />
      ) : (
        <InvoiceDocument invoice={state.invoice} credited={state.credited} />
      )}
    </div>
  );
}

function InvoiceDocument({ invoice: inv, credited }: { invoice: Invoice; credited: string | null }) {
  const { t, i18n } = useTranslation('invoices');
  const lang = i18n.language;
  const m = (minor: number) => formatMoney(minor, inv.currency, lang);
  const isCredit = inv.kind === 'credit_note';
  const terms = inv.issueDate && inv.dueDate && !isCredit ? daysBetween(inv.issueDate, inv.dueDate) : null;
  const title = isCredit
    ? t('print.creditNote')
    : inv.status === 'draft'
      ? t('print.draftInvoice')
      : t('print.invoice');
  const taxRates = [...new Set(inv.lines.map((l) => l.taxRateBp))];
  const stamp =
    inv.status === 'paid' && !isCredit ? t('print.stampPaid') : inv.status === 'void' ? t('print.stampVoid') : null;

  return (
    <>
      <div className="print-hide mx-auto mb-4 flex w-[210mm] items-center justify-between text-[13px] text-slate-600">
        <span>{t('print.screenHint')}</span>
        <Button variant="primary" icon={<Printer />} onClick={() => window.print()}>
          {t('print.printNow')}
        </Button>
      </div>
      <article
        className="print-sheet relative mx-auto flex min-h-[297mm] w-[210mm] flex-col bg-white px-[18mm] py-[16mm] text-[10.5pt] leading-snug text-slate-900 shadow-lg"
        aria-label={`${title} ${inv.number ?? ''}`}
      >
        <header className="flex items-start justify-between gap-8">
          <div className="flex items-start gap-4">
            {inv.issuer.logoDataUrl ? (
              <img src={inv.issuer.logoDataUrl} alt="" className="max-h-[18mm] max-w-[40mm] object-contain" />
            ) : null}
            <div>
              <p className="text-[14pt] font-semibold">{inv.issuer.name}</p>
              {inv.issuer.hubName ? <p className="text-slate-600">{inv.issuer.hubName}</p> : null}
              {inv.issuer.country ? <p className="text-slate-600">{countryName(inv.issuer.country, lang)}</p> : null}
              {inv.issuer.email ? <p className="text-slate-600">{inv.issuer.email}</p> : null}
            </div>
          </div>
          <div className="text-right">
            <h1 className="text-[20pt] font-semibold tracking-tight uppercase">{title}</h1>
            <p className="mt-1 text-[12pt] font-medium tabular-nums" data-testid="print-number">
              {inv.number ?? t('draft')}
            </p>
            {stamp ? (
              <p
                className={`mt-2 inline-block rounded border-2 px-2 py-0.5 text-[10pt] font-bold tracking-widest uppercase ${
                  inv.status === 'void' ? 'border-red-700 text-red-700' : 'border-emerald-700 text-emerald-700'
                }`}
              >
                {stamp}
              </p>
            ) : null}
          </div>
        </header>

        <section className="mt-[12mm] grid grid-cols-[1.4fr_1fr] gap-8">
          <div>
            <h2 className="text-[8.5pt] font-semibold tracking-wider text-slate-500 uppercase">{t('print.billTo')}</h2>
            <p className="mt-1 font-semibold">{inv.client.name}</p>
            <p className="text-slate-600">{countryName(inv.client.country, lang)}</p>
            {inv.client.email ? <p className="text-slate-600">{inv.client.email}</p> : null}
          </div>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 self-start">
            <dt className="text-slate-500">{t('detail.issued')}</dt>
            <dd className="text-right tabular-nums">{inv.issueDate ? formatDate(inv.issueDate, lang) : '—'}</dd>
            {isCredit ? null : (
              <>
                <dt className="text-slate-500">{t('detail.due')}</dt>
                <dd className="text-right tabular-nums">{inv.dueDate ? formatDate(inv.dueDate, lang) : '—'}</dd>
                <dt className="text-slate-500">{t('detail.terms')}</dt>
                <dd className="text-right">{terms === null ? '—' : t('detail.termsDays', { count: terms })}</dd>
              </>
            )}
            <dt className="text-slate-500">{t('print.currency')}</dt>
            <dd className="text-right">{inv.currency}</dd>
            {isCredit && credited ? (
              <>
                <dt className="text-slate-500">{t('print.credits')}</dt>
                <dd className="text-right tabular-nums">{credited}</dd>
              </>
            ) : null}
          </dl>
        </section>

        <table className="mt-[10mm] w-full border-collapse">
          <thead>
            <tr className="border-b-2 border-slate-800 text-[8.5pt] tracking-wider text-slate-600 uppercase">
              <th scope="col" className="py-2 pr-3 text-left font-semibold">
                {t('line.description')}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-semibold">
                {t('line.quantity')}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-semibold">
                {t('line.unitPrice')}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-semibold">
                {t('line.tax')}
              </th>
              <th scope="col" className="py-2 pl-3 text-right font-semibold">
                {t('line.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {inv.lines.map((l) => (
              <tr key={l.id} className="border-b border-slate-200 align-top">
                <td className="py-2 pr-3">{l.description}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatNumber(l.quantity, lang, 0)}</td>
                <td className="px-3 py-2 text-right tabular-nums whitespace-nowrap">{m(l.unitPriceMinor)}</td>
                <td className="px-3 py-2 text-right tabular-nums whitespace-nowrap">
                  {t('line.taxRate', { rate: formatNumber(bpToPct(l.taxRateBp), lang, 2) })}
                </td>
                <td className="py-2 pl-3 text-right tabular-nums whitespace-nowrap">{m(l.netMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>

        <dl className="mt-4 ml-auto w-[78mm] tabular-nums" data-testid="print-totals">
          <div className="flex justify-between py-0.5">
            <dt className="text-slate-600">{t('totals.net')}</dt>
            <dd>{m(inv.netMinor)}</dd>
          </div>
          {taxRates.map((bp) => (
            <div key={bp} className="flex justify-between py-0.5">
              <dt className="text-slate-600">{t('print.taxAt', { rate: formatNumber(bpToPct(bp), lang, 2) })}</dt>
              <dd>{m(inv.lines.filter((l) => l.taxRateBp === bp).reduce((s, l) => s + l.taxMinor, 0))}</dd>
            </div>
          ))}
          <div className="mt-1 flex justify-between border-t-2 border-slate-800 pt-1.5 text-[12pt] font-semibold">
            <dt>{t('totals.total')}</dt>
            <dd>{m(inv.totalMinor)}</dd>
          </div>
          {isCredit || inv.status === 'draft' || inv.status === 'void' ? null : (
            <>
              {inv.paidMinor > 0 ? (
                <div className="flex justify-between py-0.5">
                  <dt className="text-slate-600">{t('totals.paid')}</dt>
                  <dd>{m(-inv.paidMinor)}</dd>
                </div>
              ) : null}
              {inv.creditedMinor > 0 ? (
                <div className="flex justify-between py-0.5">
                  <dt className="text-slate-600">{t('totals.credited')}</dt>
                  <dd>{m(-inv.creditedMinor)}</dd>
                </div>
              ) : null}
              <div className="mt-1 flex justify-between border-t border-slate-300 pt-1.5 font-semibold">
                <dt>{t('print.balanceDue')}</dt>
                <dd data-testid="print-balance">{m(inv.balanceMinor)}</dd>
              </div>
            </>
          )}
        </dl>

        <div className="mt-[10mm] flex flex-col gap-3 text-[9.5pt]">
          {inv.reverseCharge ? (
            <p className="rounded border border-slate-300 bg-slate-50 px-3 py-2" data-testid="print-reverse-charge">
              <strong className="font-semibold">{t('reverseCharge.title')}. </strong>
              {t('reverseCharge.note')}
            </p>
          ) : null}
          {inv.status === 'void' ? (
            <p className="font-medium text-red-700">{t('print.voided', { reason: inv.voidReason ?? '—' })}</p>
          ) : null}
          {inv.status === 'draft' ? <p className="font-medium text-slate-600">{t('print.draftNote')}</p> : null}
          {inv.notes ? (
            <div>
              <h2 className="text-[8.5pt] font-semibold tracking-wider text-slate-500 uppercase">
                {t('detail.notes')}
              </h2>
              <p className="mt-0.5 whitespace-pre-wrap">{inv.notes}</p>
            </div>
          ) : null}
        </div>

        <footer className="mt-auto border-t border-slate-200 pt-3 text-[9pt] text-slate-600">
          {isCredit
            ? t('print.footerCredit', { number: credited ?? '—' })
            : terms !== null && inv.dueDate && inv.number
              ? t('print.footerTerms', { count: terms, date: formatDate(inv.dueDate, lang), number: inv.number })
              : t('print.footerPlain')}
        </footer>
      </article>
    </>
  );
}
