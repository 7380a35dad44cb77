/** Finance: invoices and payments, subscriptions and MRR, expenses, FX rates (tabs). */
export function FinancePage() {
  return null;
}
