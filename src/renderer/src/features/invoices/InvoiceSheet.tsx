/**
 * One invoice in a side sheet: header, lines with tax per line, totals,
 * reverse-charge note, payments and credit notes, and the actions its state
 * allows (draft: edit, issue, void; open: payment, credit note, void, print;
 * paid/void: print).
 */
import { ArrowLeft, Ban, Banknote, FileMinus, FilePen, Printer, ReceiptText, Send, X } from 'lucide-react';
import { Dialog as D } from 'radix-ui';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { daysBetween } from '../../../../shared/dates';
import type { Invoice } from '../../../../shared/money';
import { countryName, formatDate, formatMoney, formatNumber } from '../../app/format';
import { useApiQuery } from '../../app/useApi';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Sheet } from '../../components/Dialog';
import { ErrorState } from '../../components/ErrorState';
import { SkeletonBlock } from '../../components/Skeleton';
import { Tip } from '../../components/Tooltip';
import { CreditNoteDialog, IssueDialog, VoidDialog } from './ActionDialogs';
import { InvoiceEditor } from './InvoiceEditor';
import { PaymentDialog } from './PaymentDialog';
import { bpToPct, dateOrDash, InvoiceStatusBadge, TotalRow, useKindLabel } from './parts';
import { printInvoice } from './print';

type Action = 'edit' | 'issue' | 'void' | 'payment' | 'credit' | null;

export function InvoiceSheet({
  invoiceId,
  today,
  onClose,
  onOpenInvoice,
  onChanged,
}: {
  invoiceId: number | null;
  today: string;
  /** The client's payment terms by client id (for the issue confirmation). */
  onClose: () => void;
  /** Opens another invoice (a credit note, or the invoice a credit note credits). */
  onOpenInvoice: (id: number) => void;
  /** Something changed (the list should refresh). */
  onChanged: () => void;
}) {
  const { t } = useTranslation('invoices');
  const { t: tc } = useTranslation();
  return (
    <Sheet open={invoiceId !== null} onClose={onClose} width="w-[min(680px,calc(100vw-48px))]" testId="invoice-sheet">
      {invoiceId !== null ? (
        <SheetBody
          key={invoiceId}
          id={invoiceId}
          today={today}
          onOpenInvoice={onOpenInvoice}
          onChanged={onChanged}
          closeButton={
            <D.Close asChild>
              <Button variant="ghost" size="icon-sm" aria-label={tc('common.close')}>
                <X />
              </Button>
            </D.Close>
          }
          title={(text) => <D.Title className="text-lg font-semibold tracking-tight text-fg">{text}</D.Title>}
        />
      ) : (
        <D.Title className="sr-only">{t('detail.title')}</D.Title>
      )}
    </Sheet>
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="flex flex-col gap-2" data-testid={testId}>
      <h3 className="text-[12px] font-semibold tracking-wide text-muted uppercase">{title}</h3>
      {children}
    </section>
  );
}

function SheetBody({
  id,
  today,
  onOpenInvoice,
  onChanged,
  closeButton,
  title,
}: {
  id: number;
  today: string;
  onOpenInvoice: (id: number) => void;
  onChanged: () => void;
  closeButton: ReactNode;
  title: (text: string) => ReactNode;
}) {
  const { t, i18n } = useTranslation('invoices');
  const lang = i18n.language;
  const kindLabel = useKindLabel();
  const query = useApiQuery('invoices/get', { id });
  const [action, setAction] = useState<Action>(null);

  if (query.status === 'error') {
    return (
      <>
        <div className="flex items-center justify-between border-b border-line px-5 py-4">
          {title(t('detail.title'))}
          {closeButton}
        </div>
        <ErrorState error={query.error} onRetry={query.reload} />
      </>
    );
  }
  const inv = query.data;
  if (!inv) {
    return (
      <>
        <div className="flex items-center justify-between border-b border-line px-5 py-4">
          {title(t('detail.title'))}
          {closeButton}
        </div>
        <SkeletonBlock lines={8} className="p-5" />
      </>
    );
  }

  const changed = (next: Invoice) => {
    query.setData(() => next);
    setAction(null);
    onChanged();
  };
  const open = inv.status === 'sent' || inv.status === 'due' || inv.status === 'overdue';
  const isCredit = inv.kind === 'credit_note';
  const m = (minor: number) => formatMoney(minor, inv.currency, lang);
  const voidBlocked =
    inv.payments.length > 0
      ? t('detail.voidBlockedPayments')
      : inv.creditNotes.length > 0
        ? t('detail.voidBlockedCredits')
        : null;

  // A blocked action stays focusable (aria-disabled) so its explanation can be read and hovered.
  const voidButton = isCredit ? null : (
    <>
      <Tip label={voidBlocked} disabled={!voidBlocked}>
        <Button
          icon={<Ban />}
          aria-disabled={voidBlocked ? true : undefined}
          aria-describedby={voidBlocked ? 'void-blocked-reason' : undefined}
          className={voidBlocked ? 'cursor-not-allowed opacity-50' : undefined}
          onClick={() => (voidBlocked ? undefined : setAction('void'))}
        >
          {t('actions.void')}
        </Button>
      </Tip>
      {voidBlocked ? (
        <span id="void-blocked-reason" className="sr-only">
          {voidBlocked}
        </span>
      ) : null}
    </>
  );
  const printButton = (
    <Button icon={<Printer />} onClick={() => void printInvoice(inv)}>
      {t('actions.print')}
    </Button>
  );

  let actions: ReactNode;
  if (inv.status === 'draft')
    actions = (
      <>
        <Button variant="primary" icon={<Send />} onClick={() => setAction('issue')}>
          {t('actions.issue')}
        </Button>
        <Button icon={<FilePen />} onClick={() => setAction('edit')}>
          {t('actions.edit')}
        </Button>
        {voidButton}
      </>
    );
  else if (open)
    actions = (
      <>
        <Button variant="primary" icon={<Banknote />} onClick={() => setAction('payment')}>
          {t('actions.recordPayment')}
        </Button>
        <Button icon={<FileMinus />} onClick={() => setAction('credit')}>
          {t('actions.creditNote')}
        </Button>
        {voidButton}
        {printButton}
      </>
    );
  else actions = printButton;

  const terms = inv.issueDate && inv.dueDate && !isCredit ? daysBetween(inv.issueDate, inv.dueDate) : null;

  return (
    <>
      <header className="flex flex-col gap-3 border-b border-line px-5 pt-4 pb-4">
        <div className="flex items-start justify-between gap-4">
          <div className="min-w-0">
            <p className="text-[12px] font-medium text-muted">{kindLabel(inv.kind)}</p>
            <div className="flex flex-wrap items-center gap-2.5">
              {title(inv.number ?? t('draft'))}
              {/* A draft's title already says so. */}
              {inv.status === 'draft' ? null : <InvoiceStatusBadge status={inv.status} />}
            </div>
            <p className="mt-0.5 truncate text-[13px] text-muted">
              {inv.client.name} · {countryName(inv.client.country, lang)}
              {inv.client.email ? ` · ${inv.client.email}` : ''}
            </p>
          </div>
          {closeButton}
        </div>
        <dl className="grid grid-cols-4 gap-3 text-[13px]" data-testid="invoice-dates">
          <div>
            <dt className="text-[12px] text-muted">{t('detail.issued')}</dt>
            <dd className="tabular-nums">{dateOrDash(inv.issueDate, lang)}</dd>
          </div>
          <div>
            <dt className="text-[12px] text-muted">{t('detail.due')}</dt>
            <dd className="tabular-nums">{dateOrDash(inv.dueDate, lang)}</dd>
          </div>
          <div>
            <dt className="text-[12px] text-muted">{t('detail.terms')}</dt>
            <dd className="tabular-nums">{terms === null ? '—' : t('detail.termsDays', { count: terms })}</dd>
          </div>
          <div>
            <dt className="text-[12px] text-muted">
              {inv.status === 'paid' && inv.paidOn ? t('detail.paidOn') : t('detail.daysOverdue')}
            </dt>
            <dd className={inv.daysOverdue > 0 ? 'font-medium text-danger-text tabular-nums' : 'tabular-nums'}>
              {inv.status === 'paid' && inv.paidOn
                ? formatDate(inv.paidOn, lang)
                : inv.daysOverdue > 0
                  ? t('detail.daysCount', { count: inv.daysOverdue })
                  : '—'}
            </dd>
          </div>
        </dl>
        <div className="flex flex-wrap items-center gap-2" data-testid="invoice-actions">
          {actions}
        </div>
      </header>

      <div className="flex min-h-0 flex-1 flex-col gap-6 overflow-y-auto px-5 py-5">
        {inv.status === 'void' ? (
          <Banner tone="warning" title={t('detail.voidTitle', { number: inv.number ?? t('draft') })}>
            {inv.voidReason ? t('detail.voidReason', { reason: inv.voidReason }) : null}
          </Banner>
        ) : null}
        {isCredit && inv.creditsInvoiceId ? (
          <Banner tone="info" title={t('detail.creditNoteTitle')}>
            <Button variant="link" icon={<ArrowLeft />} onClick={() => onOpenInvoice(inv.creditsInvoiceId!)}>
              {t('detail.openCredited')}
            </Button>
          </Banner>
        ) : null}
        {inv.reverseCharge ? (
          <Banner tone="info" title={t('reverseCharge.title')}>
            {t('reverseCharge.note')}
          </Banner>
        ) : null}

        <Section title={t('detail.lines')}>
          <table className="w-full text-[13px]" aria-label={t('detail.lines')}>
            <thead>
              <tr className="text-[12px] text-muted">
                <th scope="col" className="border-b border-line py-1.5 pr-2 text-left font-medium">
                  {t('line.description')}
                </th>
                <th scope="col" className="border-b border-line px-2 py-1.5 text-right font-medium">
                  {t('line.quantity')}
                </th>
                <th scope="col" className="border-b border-line px-2 py-1.5 text-right font-medium">
                  {t('line.unitPrice')}
                </th>
                <th scope="col" className="border-b border-line px-2 py-1.5 text-right font-medium">
                  {t('line.tax')}
                </th>
                <th scope="col" className="border-b border-line py-1.5 pl-2 text-right font-medium">
                  {t('line.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {inv.lines.map((l) => (
                <tr key={l.id} data-testid="invoice-line">
                  <td className="border-b border-line py-2 pr-2 align-top">{l.description}</td>
                  <td className="border-b border-line px-2 py-2 text-right align-top tabular-nums">
                    {formatNumber(l.quantity, lang, 0)}
                  </td>
                  <td className="border-b border-line px-2 py-2 text-right align-top tabular-nums whitespace-nowrap">
                    {m(l.unitPriceMinor)}
                  </td>
                  <td className="border-b border-line px-2 py-2 text-right align-top tabular-nums whitespace-nowrap">
                    <span className="block">
                      {t('line.taxRate', { rate: formatNumber(bpToPct(l.taxRateBp), lang, 2) })}
                    </span>
                    <span className="block text-[12px] text-muted">{m(l.taxMinor)}</span>
                  </td>
                  <td className="border-b border-line py-2 pl-2 text-right align-top tabular-nums whitespace-nowrap">
                    {m(l.netMinor)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl className="ml-auto w-72 text-[13px]" data-testid="invoice-totals">
            <TotalRow label={t('totals.net')} value={m(inv.netMinor)} />
            <TotalRow label={t('totals.tax')} value={m(inv.taxMinor)} />
            <div className="border-t border-line" />
            <TotalRow label={t('totals.total')} value={m(inv.totalMinor)} strong testId="total-total" />
            {isCredit || inv.status === 'draft' ? null : (
              <>
                {inv.paidMinor > 0 ? (
                  <TotalRow label={t('totals.paid')} value={m(-inv.paidMinor)} testId="total-paid" />
                ) : null}
                {inv.creditedMinor > 0 ? (
                  <TotalRow label={t('totals.credited')} value={m(-inv.creditedMinor)} testId="total-credited" />
                ) : null}
                {inv.status === 'void' ? null : (
                  <>
                    <div className="border-t border-line" />
                    <TotalRow label={t('totals.balance')} value={m(inv.balanceMinor)} strong testId="total-balance" />
                  </>
                )}
              </>
            )}
          </dl>
        </Section>

        {inv.notes ? (
          <Section title={t('detail.notes')}>
            <p className="text-[13px] whitespace-pre-wrap text-fg">{inv.notes}</p>
          </Section>
        ) : null}

        {isCredit ? null : (
          <Section title={t('detail.payments')} testId="invoice-payments">
            {inv.payments.length === 0 ? (
              <p className="text-[13px] text-muted">{t('detail.noPayments')}</p>
            ) : (
              <ul className="divide-y divide-line rounded-[10px] border border-line">
                {inv.payments.map((p) => (
                  <li key={p.id} className="flex items-center gap-3 px-3 py-2 text-[13px]" data-testid="payment-row">
                    <Banknote className="size-4 shrink-0 text-muted" aria-hidden="true" />
                    <div className="min-w-0 flex-1">
                      <p className="text-fg">
                        {formatDate(p.paidOn, lang)} · {t(`method.${p.method}`)}
                      </p>
                      {p.note ? <p className="truncate text-[12px] text-muted">{p.note}</p> : null}
                    </div>
                    <div className="text-right tabular-nums">
                      <p className="font-medium text-fg">{formatMoney(p.amountMinor, p.currency, lang)}</p>
                      {p.currency !== inv.currency ? (
                        <p className="text-[12px] text-muted">{t('detail.applied', { amount: m(p.appliedMinor) })}</p>
                      ) : null}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        )}

        {isCredit ? null : (
          <Section title={t('detail.creditNotes')} testId="invoice-credit-notes">
            {inv.creditNotes.length === 0 ? (
              <p className="text-[13px] text-muted">{t('detail.noCreditNotes')}</p>
            ) : (
              <ul className="divide-y divide-line rounded-[10px] border border-line">
                {inv.creditNotes.map((c) => (
                  <li key={c.id}>
                    <button
                      type="button"
                      onClick={() => onOpenInvoice(c.id)}
                      className="flex w-full items-center gap-3 px-3 py-2 text-left text-[13px] hover:bg-hover"
                    >
                      <ReceiptText className="size-4 shrink-0 text-muted" aria-hidden="true" />
                      <span className="flex-1 font-medium text-fg">{c.number ?? t('draft')}</span>
                      <span className="text-muted">{dateOrDash(c.issueDate, lang)}</span>
                      <span className="w-28 text-right tabular-nums text-fg">{m(-c.totalMinor)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        )}
      </div>

      {action === 'payment' ? (
        <PaymentDialog invoice={inv} today={today} onClose={() => setAction(null)} onRecorded={changed} />
      ) : null}
      {action === 'issue' ? (
        <IssueDialog
          invoice={inv}
          today={today}
          termsDays={inv.clientTermsDays}
          onClose={() => setAction(null)}
          onDone={changed}
        />
      ) : null}
      {action === 'void' ? <VoidDialog invoice={inv} onClose={() => setAction(null)} onDone={changed} /> : null}
      {action === 'credit' ? (
        <CreditNoteDialog
          invoice={inv}
          onClose={() => setAction(null)}
          onDone={() => {
            setAction(null);
            query.reload();
            onChanged();
          }}
        />
      ) : null}
      {action === 'edit' ? (
        <InvoiceEditor mode={{ kind: 'edit', invoice: inv }} onClose={() => setAction(null)} onSaved={changed} />
      ) : null}
    </>
  );
}
