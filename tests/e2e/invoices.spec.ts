/**
 * Invoices and payments on the demo agency (Finance → Invoices): aging and the
 * overdue filter, partial then final payment, refusals (overpayment, a missing
 * FX rate), issuing a draft with the next number, voiding that keeps the
 * number, and the print route as a PDF. Expected values come from the core.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Hub } from '../../src/shared/contract';
import type { ClientDetail, ClientProject, InvoiceList, InvoiceSummary } from '../../src/shared/money';
import { type AtalayaApp, expect, SCREENSHOTS, snap, test } from './fixtures';
import { createEmptyAgency, expectAccessible, mainHeading, toasts } from './screens';

test.use({ locale: 'en-US', colorScheme: 'light', timezoneId: 'UTC', reducedMotion: 'reduce' });

const usd = (minor: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2 }).format(minor / 100);
const major = (minor: number) => (minor / 100).toFixed(2);

async function core<T>(app: AtalayaApp, method: string, args: unknown): Promise<T> {
  const result = await app.host.core.callRaw(method, args);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

const listInvoices = (app: AtalayaApp) => core<InvoiceList>(app, 'invoices/list', {});

async function openInvoices(page: Page, names = { section: 'Finance', tab: 'Invoices' }) {
  await page.getByRole('navigation').first().getByRole('button', { name: names.section, exact: true }).click();
  await expect(mainHeading(page)).toHaveText(names.section);
  const tab = page.getByRole('tab', { name: names.tab, exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  const panel = page.getByTestId('invoices-tab');
  await expect(panel.getByTestId('invoice-row').first()).toBeVisible();
  return panel;
}

/** How many invoices the table lists (rows beyond the window are not rendered, so not counted in the DOM). */
const expectListed = (panel: Locator, count: number) =>
  expect(panel.getByRole('table', { name: 'Invoices' })).toHaveAttribute('aria-rowcount', String(count + 1));

/** Picks a client in a client combobox by typing its name (the list shows the best matches). */
async function pickClient(page: Page, scope: Locator, name: string) {
  await scope.getByLabel('Client').click();
  await scope.getByLabel('Client').fill(name);
  await page.getByRole('option', { name, exact: true }).click();
  await expect(scope.getByLabel('Client')).toHaveValue(name);
}

async function openInvoice(page: Page, number: string) {
  const panel = page.getByTestId('invoices-tab');
  await panel.getByRole('searchbox', { name: 'Search invoices' }).fill(number);
  await expect(panel.getByTestId('invoice-row')).toHaveCount(1);
  await panel.getByTestId('invoice-row').click();
  const sheet = page.getByTestId('invoice-sheet');
  await expect(sheet.getByRole('heading', { name: number })).toBeVisible();
  return sheet;
}

test('aging buckets and the overdue filter show what the core computes', async ({ page, demoApp }) => {
  const expected = await listInvoices(demoApp);
  await demoApp.open(page);
  const panel = await openInvoices(page);

  for (const bucket of ['0-15', '16-30', '31-60', '60+'] as const) {
    const card = panel.getByTestId(`aging-${bucket}`);
    const { count, balanceMinor } = expected.aging[bucket];
    await expect(card.getByTestId('aging-count')).toHaveText(`${count} open invoice${count === 1 ? '' : 's'}`);
    await expect(card).toContainText(usd(balanceMinor ?? Number.NaN));
  }
  await expectListed(panel, expected.invoices.length);
  await snap(page, 'invoices-list-light-en');
  await expectAccessible(page, 'invoices list (light)');

  // Overdue only: every row says so, and the count is the core's.
  const overdue = expected.invoices.filter((i) => i.status === 'overdue');
  expect(overdue.length).toBeGreaterThan(0);
  await panel.getByRole('radio', { name: /^Overdue/ }).click();
  await expectListed(panel, overdue.length);
  await expect(panel.getByTestId('invoice-status').filter({ hasNotText: 'Overdue' })).toHaveCount(0);
  const worst = [...overdue].sort((a, b) => b.daysOverdue - a.daysOverdue)[0]!;
  await expect(panel.getByTestId('invoice-row').filter({ hasText: worst.number! })).toContainText(
    String(worst.daysOverdue),
  );
  await snap(page, 'invoices-overdue-light-en');

  // A bucket card filters to its invoices, and again turns the filter off.
  await panel.getByRole('radio', { name: /^All/ }).click();
  const card = panel.getByTestId('aging-16-30');
  await card.click();
  await expect(card).toHaveAttribute('aria-pressed', 'true');
  await expectListed(panel, expected.aging['16-30'].count);
  await card.click();
  await expectListed(panel, expected.invoices.length);
  await expect(panel.getByTestId('invoices-shown')).toHaveText(
    `Showing ${expected.invoices.length} of ${expected.invoices.length} invoices`,
  );

  // Sorting is the core's: the largest balances first, in the order it gives.
  const balance = panel.getByRole('columnheader', { name: 'Balance' });
  await balance.getByRole('button').click();
  await expect(balance).toHaveAttribute('aria-sort', 'descending');
  const byBalance = await core<InvoiceList>(demoApp, 'invoices/list', {
    sort: { column: 'balance', direction: 'desc' },
    limit: 5,
  });
  expect(byBalance.invoices[0]!.balanceMinor).toBe(Math.max(...expected.invoices.map((i) => i.balanceMinor)));
  // The rows follow once the core replies.
  await expect
    .poll(async () => (await panel.getByTestId('invoice-number').allTextContents()).slice(0, 5))
    .toEqual(byBalance.invoices.map((i) => i.number ?? 'Draft'));

  // The client filter is a picker over the core's lookup: one client's invoices, then every client's again.
  const one = expected.invoices[0]!;
  const theirs = expected.invoices.filter((i) => i.clientId === one.clientId).length;
  // Each option says which hub and tier the client is (two clients may share a name).
  const client = await core<ClientDetail>(demoApp, 'clients/get', { id: one.clientId });
  const hubName = (await core<Hub[]>(demoApp, 'hubs/list', {})).find((h) => h.id === client.hubId)?.name;
  await panel.getByLabel('Client').fill(one.clientName);
  await expect(page.getByRole('option', { name: one.clientName, exact: true })).toHaveAccessibleDescription(
    `${hubName} · Tier ${client.tier} · ${['Enterprise', 'SME', 'Startup'][client.tier - 1]}`,
  );
  await pickClient(page, panel, one.clientName);
  await expect(panel.getByTestId('invoices-shown')).toHaveText(
    `Showing ${theirs} of ${theirs} invoice${theirs === 1 ? '' : 's'}`,
  );
  await expect(panel.getByTestId('invoice-row').filter({ hasNotText: one.clientName })).toHaveCount(0);
  await panel.getByLabel('Client').click();
  await page.getByRole('option', { name: 'All clients', exact: true }).click();
  await expectListed(panel, expected.invoices.length);

  // The top bar's hub filter keeps the invoices that hub issued, and the aging cards sum its receivables only.
  const lima = (await core<Hub[]>(demoApp, 'hubs/list', {})).find((h) => h.name === 'Lima')!;
  const limas = await core<InvoiceList>(demoApp, 'invoices/list', { hubId: lima.id });
  expect(limas.invoices.length).toBeGreaterThan(0);
  expect(limas.invoices.length).toBeLessThan(expected.invoices.length);
  await page.getByRole('combobox', { name: 'Hub filter' }).click();
  await page.getByRole('listbox').getByRole('option', { name: 'Lima' }).click();
  await expect(panel.getByText(/^Lima’s receivables as of/)).toBeVisible();
  await expectListed(panel, limas.invoices.length);
  const { count } = limas.aging['16-30'];
  await expect(panel.getByTestId('aging-16-30').getByTestId('aging-count')).toHaveText(
    `${count} open invoice${count === 1 ? '' : 's'}`,
  );
  await page.getByRole('combobox', { name: 'Hub filter' }).click();
  await page.getByRole('listbox').getByRole('option', { name: 'All hubs' }).click();
  await expectListed(panel, expected.invoices.length);
});

test('a partial then a final payment make the invoice paid; refusals change nothing', async ({ page, demoApp }) => {
  const expected = await listInvoices(demoApp);
  const target = expected.invoices.find(
    (i) => i.status === 'overdue' && i.currency === 'USD' && i.paidMinor === 0 && i.balanceMinor >= 1000,
  ) as InvoiceSummary;
  expect(target, 'the demo has an unpaid overdue USD invoice').toBeTruthy();
  const number = target.number!;
  await demoApp.open(page);
  await openInvoices(page);
  const sheet = await openInvoice(page, number);
  await expect(sheet.getByTestId('invoice-status')).toHaveText('Overdue');
  await expect(sheet.getByTestId('total-balance')).toContainText(usd(target.balanceMinor));

  // Partial payment: the amount starts at the balance.
  const partial = Math.floor(target.balanceMinor / 2);
  await sheet.getByRole('button', { name: 'Record payment' }).click();
  let dialog = page.getByRole('dialog', { name: `Record a payment on ${number}` });
  const amount = dialog.getByLabel('Amount');
  await expect(amount).toHaveValue(major(target.balanceMinor));
  await expect(amount).toBeFocused();
  await amount.fill(major(partial));
  await dialog.getByRole('button', { name: 'Record payment' }).click();
  await expect(dialog).toBeHidden();
  await expect(toasts(page).getByText(`${usd(partial)} recorded on ${number}`)).toBeVisible();
  const left = target.balanceMinor - partial;
  await expect(sheet.getByTestId('total-balance')).toContainText(usd(left));
  await expect(sheet.getByTestId('total-paid')).toContainText(usd(partial));
  await expect(sheet.getByTestId('invoice-status')).toHaveText('Overdue');
  await expect(sheet.getByTestId('payment-row')).toHaveCount(1);
  // Money was received: void is refused, with the reason.
  const voidButton = sheet.getByRole('button', { name: 'Void' });
  await expect(voidButton).toBeDisabled();
  await expect(voidButton).toHaveAccessibleDescription(/issue a credit note instead/);
  await snap(page, 'invoices-partial-payment-light-en');
  await expectAccessible(page, 'invoice sheet after a partial payment (light)');

  // Overpayment in the invoice's currency: refused beside the amount.
  await sheet.getByRole('button', { name: 'Record payment' }).click();
  dialog = page.getByRole('dialog', { name: `Record a payment on ${number}` });
  await expect(dialog.getByLabel('Amount')).toHaveValue(major(left));
  await dialog.getByLabel('Amount').fill(major(left + 100));
  await dialog.getByRole('button', { name: 'Record payment' }).click();
  await expect(dialog.getByLabel('Amount')).toHaveAccessibleDescription(
    `This is more than the open balance (${usd(left)}).`,
  );
  // Overpayment in another currency: the core converts, then refuses.
  await dialog.getByLabel('Currency').click();
  await page.getByRole('option', { name: /^EUR/ }).click();
  await dialog.getByLabel('Amount').fill('100000');
  await dialog.getByRole('button', { name: 'Record payment' }).click();
  await expect(dialog.getByLabel('Amount')).toHaveAccessibleDescription(/is more than the balance/);
  // A currency without any rate: the missing rate is said beside the currency.
  await dialog.getByLabel('Currency').click();
  await page.getByRole('option', { name: /^GBP/ }).click();
  await dialog.getByLabel('Amount').fill('1');
  await dialog.getByRole('button', { name: 'Record payment' }).click();
  await expect(dialog.getByLabel('Currency')).toHaveAccessibleDescription(/No GBP → USD exchange rate on or before/);
  await snap(page, 'invoices-payment-refused-light-en');
  // What was typed is thrown away only once confirmed.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page
    .getByRole('alertdialog', { name: 'Discard your changes?' })
    .getByRole('button', { name: 'Discard changes' })
    .click();
  await expect(dialog).toBeHidden();
  const unchanged = await core<InvoiceSummary>(demoApp, 'invoices/get', { id: target.id });
  expect(unchanged.paidMinor).toBe(partial);
  expect(unchanged.balanceMinor).toBe(left);

  // Final payment: the balance, prefilled → Paid, announced.
  await sheet.getByRole('button', { name: 'Record payment' }).click();
  dialog = page.getByRole('dialog', { name: `Record a payment on ${number}` });
  await expect(dialog.getByLabel('Amount')).toHaveValue(major(left));
  await dialog.getByRole('button', { name: 'Record payment' }).click();
  await expect(dialog).toBeHidden();
  await expect(toasts(page).getByText(`${number} is paid in full`)).toBeVisible();
  await expect(sheet.getByTestId('invoice-status')).toHaveText('Paid');
  await expect(sheet.getByTestId('total-balance')).toContainText(usd(0));
  await expect(sheet.getByTestId('payment-row')).toHaveCount(2);
  await expect(sheet.getByTestId('invoice-actions').getByRole('button')).toHaveText(['Print / PDF']);
  await snap(page, 'invoices-paid-light-en');
  const paid = await core<InvoiceSummary>(demoApp, 'invoices/get', { id: target.id });
  expect(paid.status).toBe('paid');
  expect(paid.paidMinor).toBe(target.totalMinor);

  // The list agrees once the sheet closes.
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  const row = page.getByTestId('invoice-row').filter({ hasText: number });
  await expect(row.getByTestId('invoice-status')).toHaveText('Paid');
  await expect(row.getByTestId('invoice-balance')).toHaveText(usd(0));
});

test('a new draft is issued with the next number, and voiding keeps the number', async ({ page, demoApp }) => {
  const before = await listInvoices(demoApp);
  const year = before.asOf.slice(0, 4);
  const last = Math.max(
    ...before.invoices.filter((i) => i.number?.startsWith(`INV-${year}-`)).map((i) => Number(i.number!.slice(9))),
  );
  const next = `INV-${year}-${String(last + 1).padStart(4, '0')}`;
  const { clients } = await core<{ clients: { id: number; name: string }[] }>(demoApp, 'clients/list', {});
  const client = [...clients].sort((a, b) => a.name.localeCompare(b.name))[0]!;

  await demoApp.open(page);
  const panel = await openInvoices(page);
  await panel.getByRole('button', { name: 'New invoice' }).click();
  const editor = page.getByRole('dialog', { name: 'New invoice' });
  // Nothing chosen: refused field by field.
  await editor.getByRole('button', { name: 'Create draft' }).click();
  await expect(editor.getByLabel('Client')).toHaveAccessibleDescription('Choose a client.');
  await pickClient(page, editor, client.name);
  await editor.getByRole('button', { name: 'Create draft' }).click();
  await expect(editor.getByLabel('Description, line 1')).toHaveAccessibleDescription('This field cannot be empty.');
  await expect(editor.getByLabel('Unit price, line 1')).toHaveAccessibleDescription('Type a price, like 120.50.');
  await editor.getByLabel('Description, line 1').fill('Brand film, 60 s edit');
  await editor.getByLabel('Quantity, line 1').fill('2');
  await editor.getByLabel('Unit price, line 1').fill('1,250.50');
  await editor.getByRole('button', { name: 'Add line' }).click();
  await expect(editor.getByLabel('Description, line 2')).toBeFocused();
  await editor.getByLabel('Description, line 2').fill('Subtitles');
  await editor.getByLabel('Unit price, line 2').fill('99');
  // A tax rate the core refuses is flagged and left out of the totals until fixed.
  await editor.getByLabel('Tax rate, line 2').fill('150');
  await expect(editor.getByTestId('editor-totals')).toContainText('$2,501.00');
  await expect(editor.getByTestId('editor-excluded')).toHaveText(
    '1 line with an error is not counted until it is fixed.',
  );
  await expect(editor.getByTestId('line-row').nth(1)).toContainText('—');
  await editor.getByLabel('Tax rate, line 2').fill('10');
  await expect(editor.getByTestId('editor-excluded')).toHaveCount(0);
  // 2 × 1,250.50 + 99 = 2,600.00 net; 9.90 tax on the second line.
  await expect(editor.getByTestId('editor-totals')).toContainText('$2,600.00');
  await expect(editor.getByTestId('editor-totals')).toContainText('$2,609.90');
  await snap(page, 'invoices-new-draft-light-en');
  await expectAccessible(page, 'new invoice dialog (light)');
  await editor.getByRole('button', { name: 'Create draft' }).click();
  await expect(editor).toBeHidden();
  await expect(toasts(page).getByText(`Draft created for ${client.name}`)).toBeVisible();

  const sheet = page.getByTestId('invoice-sheet');
  await expect(sheet.getByRole('heading', { name: 'Draft' })).toBeVisible();
  await expect(sheet.getByTestId('invoice-line')).toHaveCount(2);
  await expect(sheet.getByTestId('total-total')).toContainText('$2,609.90');

  // Issue: the confirmation says which number comes next.
  await sheet.getByRole('button', { name: 'Issue' }).click();
  const issue = page.getByRole('dialog', { name: 'Issue this invoice?' });
  await expect(issue.getByTestId('issue-steps')).toContainText(next);
  await snap(page, 'invoices-issue-confirm-light-en');
  await issue.getByRole('button', { name: `Issue as ${next}` }).click();
  await expect(issue).toBeHidden();
  await expect(toasts(page).getByText(`${next} issued`)).toBeVisible();
  await expect(sheet.getByRole('heading', { name: next })).toBeVisible();
  const issued = (await listInvoices(demoApp)).invoices.find((i) => i.number === next)!;
  expect(issued.clientId).toBe(client.id);
  await expect(sheet.getByTestId('invoice-status')).toHaveText(issued.status === 'due' ? 'Due' : 'Sent');

  // Void: asks a reason, keeps the number.
  await sheet.getByRole('button', { name: 'Void' }).click();
  const voiding = page.getByRole('dialog', { name: `Void ${next}?` });
  await voiding.getByRole('button', { name: 'Void invoice' }).click();
  await expect(voiding.getByLabel('Reason')).toHaveAccessibleDescription('This field cannot be empty.');
  await voiding.getByLabel('Reason').fill('Sent to the wrong client contact');
  await voiding.getByRole('button', { name: 'Void invoice' }).click();
  await expect(voiding).toBeHidden();
  await expect(toasts(page).getByText(`${next} voided`)).toBeVisible();
  await expect(sheet.getByRole('heading', { name: next })).toBeVisible();
  await expect(sheet.getByTestId('invoice-status')).toHaveText('Void');
  await expect(sheet).toContainText('Reason: Sent to the wrong client contact');
  await snap(page, 'invoices-void-light-en');
  const after = await listInvoices(demoApp);
  expect(after.invoices.find((i) => i.id === issued.id)).toMatchObject({ number: next, status: 'void' });
  expect(after.invoices.length).toBe(before.invoices.length + 1);
});

test('a final invoice is drafted from a project', async ({ page, demoApp }) => {
  const { invoices } = await listInvoices(demoApp);
  const invoiced = new Set(invoices.map((i) => i.projectId));
  const { clients } = await core<{ clients: { id: number; name: string; depositPct: number }[] }>(
    demoApp,
    'clients/list',
    {},
  );
  let found: { client: (typeof clients)[number]; project: ClientProject } | null = null;
  for (const client of clients) {
    const detail = await core<{ projects: ClientProject[] }>(demoApp, 'clients/get', { id: client.id });
    const project = detail.projects.find((p) => p.stage !== 'cancelled' && !invoiced.has(p.id));
    if (project) {
      found = { client, project };
      break;
    }
  }
  expect(found, 'the demo has a project not invoiced yet').toBeTruthy();
  const { client, project } = found!;

  await demoApp.open(page);
  const panel = await openInvoices(page);
  await panel.getByRole('button', { name: 'New invoice' }).click();
  const editor = page.getByRole('dialog', { name: 'New invoice' });
  await pickClient(page, editor, client.name);
  await editor.getByRole('radio', { name: /^A project/ }).click();
  await editor.getByLabel('Project').click();
  await page.getByRole('option', { name: new RegExp(`^${project.name}`) }).click();
  const deposit = editor.getByRole('radio', { name: /^Deposit/ });
  if (client.depositPct === 0) {
    await expect(deposit).toBeDisabled();
    await expect(deposit).toContainText(`${client.name}'s terms ask for no deposit.`);
  }
  await editor.getByRole('radio', { name: /^Final invoice/ }).click();
  await snap(page, 'invoices-from-project-light-en');
  await editor.getByRole('button', { name: 'Create draft' }).click();
  await expect(editor).toBeHidden();
  const sheet = page.getByTestId('invoice-sheet');
  await expect(sheet.getByRole('heading', { name: 'Draft' })).toBeVisible();
  await expect(sheet.getByText('Delivery', { exact: true })).toBeVisible();
  await expect(sheet.getByTestId('invoice-line').first()).toContainText(project.name);
  const draft = (await listInvoices(demoApp)).invoices.find((i) => i.projectId === project.id)!;
  expect(draft).toMatchObject({ kind: 'delivery', status: 'draft', netMinor: project.valueMinor });

  // The same project cannot get a second final invoice: the core says why, in the dialog.
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await panel.getByRole('button', { name: 'New invoice' }).click();
  await pickClient(page, editor, client.name);
  await editor.getByRole('radio', { name: /^A project/ }).click();
  await editor.getByLabel('Project').click();
  await page.getByRole('option', { name: new RegExp(`^${project.name}`) }).click();
  await editor.getByRole('radio', { name: /^Final invoice/ }).click();
  await editor.getByRole('button', { name: 'Create draft' }).click();
  await expect(editor.getByRole('alert')).toContainText('This project already has a final invoice.');
});

test('a credit note corrects a sent invoice instead of an edit', async ({ page, demoApp }) => {
  const { invoices, asOf } = await listInvoices(demoApp);
  const target = invoices.find((i) => i.status === 'overdue' && i.currency === 'USD' && i.paidMinor === 0)!;
  const series = `CN-${asOf.slice(0, 4)}-`;
  const lastCn = Math.max(
    0,
    ...invoices.filter((i) => i.number?.startsWith(series)).map((i) => Number(i.number!.slice(series.length))),
  );
  const cn = `${series}${String(lastCn + 1).padStart(4, '0')}`;
  const credit = Math.floor(target.balanceMinor / 4);

  await demoApp.open(page);
  await openInvoices(page);
  const sheet = await openInvoice(page, target.number!);
  await sheet.getByRole('button', { name: 'Credit note' }).click();
  const dialog = page.getByRole('dialog', { name: `Credit note for ${target.number}` });
  await expect(dialog.getByLabel('Amount')).toHaveValue(major(target.balanceMinor));
  await dialog.getByLabel('Amount').fill(major(target.balanceMinor + 1));
  await dialog.getByLabel('Reason').fill('Two revision rounds were not delivered');
  await dialog.getByRole('button', { name: 'Issue credit note' }).click();
  await expect(dialog.getByLabel('Amount')).toHaveAccessibleDescription(
    `A credit note cannot exceed the open balance (${usd(target.balanceMinor)}).`,
  );
  await dialog.getByLabel('Amount').fill(major(credit));
  await dialog.getByRole('button', { name: 'Issue credit note' }).click();
  await expect(dialog).toBeHidden();
  await expect(toasts(page).getByText(`${cn} issued against ${target.number}`)).toBeVisible();
  await expect(sheet.getByTestId('total-credited')).toContainText(usd(credit));
  await expect(sheet.getByTestId('total-balance')).toContainText(usd(target.balanceMinor - credit));
  await expect(sheet.getByTestId('invoice-credit-notes')).toContainText(cn);
  await expect(sheet.getByRole('button', { name: 'Void' })).toHaveAccessibleDescription(/Credit notes were issued/);
  await snap(page, 'invoices-credit-note-light-en');

  // The credit note is a document of its own, linked back to the invoice.
  await sheet.getByRole('button', { name: new RegExp(cn) }).click();
  await expect(sheet.getByRole('heading', { name: cn })).toBeVisible();
  await expect(sheet.getByText('Credit note', { exact: true }).first()).toBeVisible();
  await sheet.getByRole('button', { name: 'Open the credited invoice' }).click();
  await expect(sheet.getByRole('heading', { name: target.number! })).toBeVisible();
});

test('the print route renders the invoice, and Chromium prints it to PDF', async ({ page, context, demoApp }) => {
  const { invoices } = await listInvoices(demoApp);
  const target = invoices.find((i) => i.reverseCharge && i.kind === 'delivery') ?? invoices[0]!;
  const url = new URL(demoApp.host.url);
  const token = /token=([^&]+)/.exec(url.hash)?.[1] ?? '';
  // The route first, then the token, in the fragment: the app keeps the route when it takes the token.
  const printUrl = `${url.origin}/#/print/invoice/${target.id}&token=${token}`;

  const errors: string[] = [];
  const report = await context.newPage();
  report.on('console', (m) => (m.type() === 'error' || m.type() === 'warning' ? errors.push(m.text()) : undefined));
  report.on('pageerror', (e) => errors.push(e.message));
  await report.goto(printUrl);
  await expect(report.locator('html')).toHaveAttribute('data-print-ready', 'true');
  await expect(report.getByTestId('print-number')).toHaveText(target.number!);
  await expect(report.getByRole('article')).toContainText(target.clientName);
  if (target.reverseCharge) await expect(report.getByTestId('print-reverse-charge')).toContainText('Article 196');
  await report.setViewportSize({ width: 1280, height: 800 });
  await snap(report, 'invoices-print-route-light-en');
  // What the printer sees: white, no toolbar.
  await report.emulateMedia({ media: 'print' });
  await expect(report.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  await snap(report, 'invoices-print-media-light-en');
  const pdf = await report.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(15_000);
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g), 'one A4 page').toHaveLength(1);
  writeFileSync(path.join(SCREENSHOTS, 'invoices-print.pdf'), pdf);
  expect(errors).toEqual([]);

  // An unknown invoice: the page says so and tells the printer it failed.
  await report.goto(`${url.origin}/#/print/invoice/999999&token=${token}`);
  await expect(report.locator('html')).toHaveAttribute('data-print-ready', 'error');
  await report.close();

  // In the app, Print / PDF opens the route in a window of its own (the browser host prints there).
  await demoApp.open(page);
  await openInvoices(page);
  const sheet = await openInvoice(page, target.number!);
  const popup = page.waitForEvent('popup');
  await sheet.getByRole('button', { name: 'Print / PDF' }).click();
  const win = await popup;
  await expect(win.locator('html')).toHaveAttribute('data-print-ready', 'true');
  // The token leaves the address as soon as the page has it; the report route stays.
  expect(new URL(win.url()).hash).not.toContain('token=');
  expect(new URL(win.url()).hash).toMatch(/^#\/print\/invoice\/\d+/);
  await expect(win.getByTestId('print-number')).toHaveText(target.number!);
  await win.close();
});

test('an empty workspace explains where invoices come from', async ({ page, emptyApp }) => {
  await createEmptyAgency(page, emptyApp);
  await emptyApp.open(page);
  await page.getByRole('navigation').first().getByRole('button', { name: 'Finance', exact: true }).click();
  const panel = page.getByTestId('invoices-tab');
  await expect(panel.getByRole('heading', { name: 'No invoices yet' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Go to Clients' })).toBeVisible();
  const create = panel.getByRole('button', { name: 'New invoice' });
  await expect(create).toBeDisabled();
  await expect(create).toHaveAccessibleDescription('Add a client first: every invoice belongs to a client.');
  await snap(page, 'invoices-empty-light-en');
  await panel.getByRole('button', { name: 'Go to Clients' }).click();
  await expect(mainHeading(page)).toHaveText('Clients');
});

test.describe('dark', () => {
  test.use({ colorScheme: 'dark' });
  test('the list and an invoice read well in dark', async ({ page, demoApp }) => {
    const { invoices } = await listInvoices(demoApp);
    const target = invoices.find((i) => i.reverseCharge && i.status !== 'paid') ?? invoices[0]!;
    await demoApp.open(page);
    await openInvoices(page);
    await snap(page, 'invoices-list-dark-en');
    const sheet = await openInvoice(page, target.number!);
    await expect(sheet.getByTestId('invoice-line').first()).toBeVisible();
    await snap(page, 'invoices-detail-dark-en');
    await expectAccessible(page, 'invoice sheet (dark)');
    await sheet.getByRole('button', { name: 'Record payment' }).click();
    await expect(page.getByTestId('payment-dialog')).toBeVisible();
    await snap(page, 'invoices-payment-dark-en');
    await expectAccessible(page, 'payment dialog (dark)');
  });
});

test.describe('Spanish', () => {
  test.use({ locale: 'es-ES' });
  test('las facturas en español, con montos y fechas del idioma', async ({ page, demoApp }) => {
    const { invoices } = await listInvoices(demoApp);
    const target = invoices.find((i) => i.status === 'overdue')!;
    await demoApp.open(page);
    const panel = await openInvoices(page, { section: 'Finanzas', tab: 'Facturas' });
    await expect(panel.getByRole('radio', { name: /^Vencida/ })).toBeVisible();
    await expect(panel.getByTestId('aging-0-15')).toContainText('0–15 días');
    // The filter row fits one line at 1280 in Spanish: tabs, client and search side by side, the search whole.
    const tabs = panel.getByRole('radiogroup', { name: 'Estado' });
    const client = panel.getByRole('combobox', { name: 'Cliente' });
    const search = panel.getByRole('searchbox', { name: 'Buscar facturas' });
    const box = async (l: Locator) => (await l.boundingBox())!;
    const boxes = async () => Promise.all([box(tabs), box(client), box(search)] as const);
    const middle = (b: { y: number; height: number }) => b.y + b.height / 2;
    let [t, c, s] = await boxes();
    expect(Math.abs(middle(s) - middle(t)), 'the search sits beside the status tabs').toBeLessThanOrEqual(2);
    expect(c.x, 'the client filter starts after the tabs').toBeGreaterThan(t.x + t.width);
    expect(s.width).toBeGreaterThanOrEqual(160);
    await snap(page, 'invoices-list-light-es');
    // Narrower, the client filter and the search move below the tabs together, neither squeezed.
    await page.setViewportSize({ width: 1024, height: 800 });
    await expect.poll(async () => (await search.boundingBox())!.y).toBeGreaterThan(t.y + t.height);
    [t, c, s] = await boxes();
    expect(Math.abs(middle(c) - middle(s)), 'client and search share their row').toBeLessThanOrEqual(2);
    expect(c.x + c.width).toBeLessThan(s.x);
    expect(s.width).toBeGreaterThanOrEqual(160);
    await page.setViewportSize({ width: 1280, height: 800 });
    await panel.getByRole('searchbox', { name: 'Buscar facturas' }).fill(target.number!);
    // The search is sent once typing pauses.
    await expect(panel.getByTestId('invoice-row')).toHaveCount(1);
    await panel.getByTestId('invoice-row').click();
    const sheet = page.getByTestId('invoice-sheet');
    await expect(sheet.getByTestId('invoice-status')).toHaveText('Vencida');
    await snap(page, 'invoices-detail-light-es');
    await sheet.getByRole('button', { name: 'Registrar pago' }).click();
    const dialog = page.getByTestId('payment-dialog');
    await dialog.getByLabel('Monto').fill('abc');
    await dialog.getByRole('button', { name: 'Registrar pago' }).click();
    await expect(dialog.getByLabel('Monto')).toHaveAccessibleDescription('Escribe un monto, como 120.50.');
    await snap(page, 'invoices-payment-light-es');
  });
});
