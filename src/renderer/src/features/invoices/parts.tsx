/** Small pieces the invoice screens share: the status badge, kind labels, money cells, missing-rate reasons. */
import { type ReactNode, useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type Currency, type InvoiceKind, type InvoiceStatus, MINOR_DIGITS } from '../../../../shared/domain';
import type { MissingRate } from '../../../../shared/money';
import { formatDate, intlLocale, minorToMajor, numberFormat } from '../../app/format';
import { cn } from '../../components/cn';
import { Badge, INVOICE_STATUS_ICON, INVOICE_STATUS_TONE } from '../../components/StatusBadge';

/** The invoice's status as a word with its icon (never colour alone). */
export function InvoiceStatusBadge({ status, className }: { status: InvoiceStatus; className?: string }) {
  const { t } = useTranslation('invoices');
  return (
    <Badge
      tone={INVOICE_STATUS_TONE[status]}
      icon={INVOICE_STATUS_ICON[status]}
      className={className}
      testId="invoice-status"
    >
      {t(`status.${status}`)}
    </Badge>
  );
}

export function useKindLabel() {
  const { t } = useTranslation('invoices');
  return useCallback((kind: InvoiceKind) => t(`kind.${kind}`), [t]);
}

/** An amount for an input field, with the currency's decimals and no grouping ("63.80" / "63,80"). */
export function moneyForInput(minor: number, currency: Currency, locale: string): string {
  const digits = MINOR_DIGITS[currency] ?? 2;
  return numberFormat(intlLocale(locale), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false,
  }).format(minorToMajor(minor, currency));
}

export function dateOrDash(date: string | null, locale: string): string {
  return date ? formatDate(date, locale) : '—';
}

/** "EUR rate missing on or before Nov 22, 2026" for each rate a figure needed. */
export function useMissingRateText() {
  const { t, i18n } = useTranslation('invoices');
  return (rates: MissingRate[]) =>
    rates.map((r) => t('missingRate', { currency: r.currency, date: formatDate(r.date, i18n.language) })).join(' · ');
}

/** A label/value row of a totals block. */
export function TotalRow({
  label,
  value,
  strong,
  testId,
}: {
  label: ReactNode;
  value: ReactNode;
  strong?: boolean;
  testId?: string;
}) {
  return (
    <div
      className={cn('flex items-baseline justify-between gap-6 py-1', strong && 'font-semibold text-fg')}
      data-testid={testId}
    >
      <dt className={cn(strong ? 'text-fg' : 'text-muted')}>{label}</dt>
      <dd className="tabular-nums">{value}</dd>
    </div>
  );
}

/** The next number of an invoice series, from the numbers already given (`INV-2026-0041` → `INV-2026-0042`). */
export function nextNumber(numbers: (string | null)[], series: string): string {
  let max = 0;
  for (const n of numbers) {
    if (!n?.startsWith(`${series}-`)) continue;
    const seq = Number(n.slice(series.length + 1));
    if (Number.isInteger(seq) && seq > max) max = seq;
  }
  return `${series}-${String(max + 1).padStart(4, '0')}`;
}

/** Basis points → a percentage for display and inputs (2500 → 25). */
export const bpToPct = (bp: number) => bp / 100;

/**
 * Focuses a field once a dialog opened over the invoice sheet has settled.
 * (`autoFocus` loses: the sheet's focus trap is still active while the nested
 * dialog mounts, and the dialog then focuses its first control.)
 */
export function useFocusAfterOpen<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const id = window.setTimeout(() => {
      ref.current?.focus();
      if (ref.current instanceof HTMLInputElement) ref.current.select();
    }, 0);
    return () => window.clearTimeout(id);
  }, []);
  return ref;
}
