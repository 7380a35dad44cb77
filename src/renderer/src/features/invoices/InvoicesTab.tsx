/** Invoices and payments: the list with aging, the invoice detail, payments and credit notes. */
export function InvoicesTab() {
  return null;
}
