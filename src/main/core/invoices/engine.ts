/** Pure invoice rules: line and invoice totals, the status a day shows, aging, tax defaults, reverse charge. */
import { daysBetween } from '../../../shared/dates';
import { type AgingBucket, EU_COUNTRIES, type InvoiceStatus } from '../../../shared/domain';
import { roundMinor } from '../fx/engine';

export interface LineInput {
  quantity: number;
  unitPriceMinor: number;
  taxRateBp: number;
}

export function lineAmounts(line: LineInput): { netMinor: number; taxMinor: number } {
  const netMinor = line.quantity * line.unitPriceMinor;
  return { netMinor, taxMinor: roundMinor((netMinor * line.taxRateBp) / 10_000) };
}

export function invoiceTotals(lines: readonly LineInput[]): { netMinor: number; taxMinor: number; totalMinor: number } {
  let netMinor = 0;
  let taxMinor = 0;
  for (const l of lines) {
    const a = lineAmounts(l);
    netMinor += a.netMinor;
    taxMinor += a.taxMinor;
  }
  return { netMinor, taxMinor, totalMinor: netMinor + taxMinor };
}

/** A sent invoice shows `due` when its due date is at most this many days away. */
export const DUE_SOON_DAYS = 7;

export type StoredStatus = 'draft' | 'sent' | 'paid' | 'void';

/** The status a person sees on `today`: stored status, with sent split into sent / due / overdue. */
export function displayStatus(stored: StoredStatus, dueDate: string | null, today: string): InvoiceStatus {
  if (stored !== 'sent' || dueDate === null) return stored;
  const daysLeft = daysBetween(today, dueDate);
  if (daysLeft < 0) return 'overdue';
  return daysLeft <= DUE_SOON_DAYS ? 'due' : 'sent';
}

export function daysOverdue(stored: StoredStatus, dueDate: string | null, today: string): number {
  if (stored !== 'sent' || dueDate === null) return 0;
  return Math.max(0, daysBetween(dueDate, today));
}

/** Aging of an open invoice: days since its issue date. */
export function agingBucket(issueDate: string, today: string): AgingBucket {
  const age = Math.max(0, daysBetween(issueDate, today));
  if (age <= 15) return '0-15';
  if (age <= 30) return '16-30';
  if (age <= 60) return '31-60';
  return '60+';
}

const EU = new Set<string>(EU_COUNTRIES);

/** B2B services to a client in another EU country: no VAT charged, the client accounts for it. */
export function isReverseCharge(issuerCountry: string | null, clientCountry: string): boolean {
  return issuerCountry !== null && EU.has(issuerCountry) && EU.has(clientCountry) && issuerCountry !== clientCountry;
}

/** Standard VAT rates for domestic sales where the demo hubs bill; everything else defaults to 0 and is editable per line. */
const DOMESTIC_VAT_BP: Record<string, number> = { DK: 2500, VE: 1600, PE: 1800 };

export function defaultTaxRateBp(issuerCountry: string | null, clientCountry: string): number {
  if (issuerCountry === null || issuerCountry !== clientCountry) return 0;
  return DOMESTIC_VAT_BP[issuerCountry] ?? 0;
}

export const REVERSE_CHARGE_NOTE =
  'Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC).';

export function formatNumber(series: string, seq: number): string {
  return `${series}-${String(seq).padStart(4, '0')}`;
}

export function seriesFor(kind: 'invoice' | 'credit_note', issueDate: string): string {
  return `${kind === 'credit_note' ? 'CN' : 'INV'}-${issueDate.slice(0, 4)}`;
}
