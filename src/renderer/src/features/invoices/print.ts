/**
 * Print / PDF. The desktop app saves the report route as a PDF itself (after a
 * save dialog) and replies with the path. The browser host replies
 * `{ saved: null }`: the route opens in a new window that prints itself with the
 * browser's dialog (which offers "Save as PDF"). Framing the page is not an
 * option: both hosts send `frame-ancestors 'none'`.
 */
import { toast } from 'sonner';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import i18n, { errorTitle } from '../../app/i18n';
import { useApp } from '../../app/store';
import { browserReportUrl, invoiceRoute } from './printRoute';

export async function printInvoice(invoice: { id: number; number: string | null }): Promise<void> {
  const route = invoiceRoute(invoice.id);
  const fileName = invoice.number ?? `draft-${invoice.id}`;
  const desktop = useApp.getState().info?.host === 'electron';
  const pending = desktop ? toast.loading(i18n.t('invoices:print.preparing')) : undefined;
  const result = await api.call('host/printToPdf', { route, fileName });
  if (!result.ok) {
    toast.error(errorTitle(result.error.code), { id: pending, description: errorText(result.error) });
    return;
  }
  if (result.value.saved) {
    toast.success(i18n.t('invoices:print.saved', { path: result.value.saved }), { id: pending, duration: 8000 });
    return;
  }
  if (desktop) {
    // The person cancelled the save dialog.
    if (pending !== undefined) toast.dismiss(pending);
    return;
  }
  const win = window.open(browserReportUrl(route, { autoPrint: true }), '_blank');
  if (!win) toast.error(i18n.t('invoices:print.blocked'), { description: i18n.t('invoices:print.blockedHint') });
}
