/**
 * Small forms ask before throwing away what was typed: the payment, lost-reason
 * and win dialogs. Escape or Cancel with a change opens "Discard your changes?";
 * keeping on editing keeps the input, discarding closes and saves nothing, and
 * an untouched form closes at once.
 */
import type { Locator, Page } from '@playwright/test';
import type { LeadDetail, LeadPage } from '../../src/shared/leads';
import type { InvoiceList, InvoiceSummary } from '../../src/shared/money';
import { type AtalayaApp, expect, test } from './fixtures';
import { coreCall, mainHeading } from './screens';

test.use({ locale: 'en-US', colorScheme: 'light', timezoneId: 'UTC', reducedMotion: 'reduce' });

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const discardPrompt = (page: Page) => page.getByRole('alertdialog', { name: 'Discard your changes?' });

/** Escape asks; "Keep editing" returns to the form with `field` still holding `typed`. */
async function escapeThenKeep(page: Page, field: Locator, typed: string) {
  await page.keyboard.press('Escape');
  await expect(discardPrompt(page)).toBeVisible();
  await discardPrompt(page).getByRole('button', { name: 'Keep editing' }).click();
  await expect(discardPrompt(page)).toBeHidden();
  await expect(field).toHaveValue(typed);
}

/** Cancel asks; "Discard changes" closes the form. */
async function cancelThenDiscard(page: Page, dialog: Locator) {
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(discardPrompt(page)).toBeVisible();
  await discardPrompt(page).getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog).toBeHidden();
}

async function openLead(page: Page, app: AtalayaApp): Promise<LeadDetail> {
  const open = await coreCall<LeadPage>(page, app, 'leads/query', {
    filter: { stages: ['qualified'] },
    limit: 1,
  });
  const lead = open.rows[0]!;
  await nav(page).getByRole('button', { name: 'Pipeline' }).click();
  await expect(mainHeading(page)).toHaveText('Pipeline');
  await page.getByRole('searchbox', { name: 'Search leads' }).fill(lead.company);
  await page.getByTestId('lead-row').filter({ hasText: lead.company }).first().click();
  await expect(page.getByTestId('lead-detail')).toContainText(lead.company);
  return coreCall<LeadDetail>(page, app, 'leads/get', { id: lead.id });
}

test('payment, lost and win dialogs ask before discarding typed input', async ({ page, demoApp }) => {
  await demoApp.open(page);

  // Payment: an untouched form closes at once; a changed amount asks first and nothing is recorded.
  const invoices = await coreCall<InvoiceList>(page, demoApp, 'invoices/list', {});
  const unpaid = invoices.invoices.find(
    (i) => (i.status === 'overdue' || i.status === 'due' || i.status === 'sent') && i.paidMinor === 0,
  ) as InvoiceSummary;
  expect(unpaid, 'the demo has an unpaid invoice').toBeTruthy();
  await nav(page).getByRole('button', { name: 'Finance' }).click();
  await page.getByRole('tab', { name: 'Invoices', exact: true }).click();
  const panel = page.getByTestId('invoices-tab');
  await panel.getByRole('searchbox', { name: 'Search invoices' }).fill(unpaid.number!);
  await panel.getByTestId('invoice-row').first().click();
  const sheet = page.getByTestId('invoice-sheet');
  const payment = page.getByRole('dialog', { name: `Record a payment on ${unpaid.number}` });
  await sheet.getByRole('button', { name: 'Record payment' }).click();
  await page.keyboard.press('Escape');
  await expect(payment).toBeHidden();
  await expect(discardPrompt(page)).toBeHidden();

  await sheet.getByRole('button', { name: 'Record payment' }).click();
  await payment.getByLabel('Amount').fill('1.00');
  await escapeThenKeep(page, payment.getByLabel('Amount'), '1.00');
  await cancelThenDiscard(page, payment);
  const after = await coreCall<InvoiceList>(page, demoApp, 'invoices/list', { search: unpaid.number! });
  expect(after.invoices[0]!.paidMinor).toBe(0);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  // Lost: a typed reason asks first; discarding leaves the lead open.
  const lead = await openLead(page, demoApp);
  const detail = page.getByTestId('lead-detail');
  await detail.getByRole('button', { name: 'Mark lost' }).click();
  const lost = page.getByTestId('lost-dialog');
  await lost.getByRole('textbox').fill('Budget frozen');
  await escapeThenKeep(page, lost.getByRole('textbox'), 'Budget frozen');
  await cancelThenDiscard(page, lost);
  expect((await coreCall<LeadDetail>(page, demoApp, 'leads/get', { id: lead.id })).stage).toBe('qualified');

  // Win: a changed value asks first; discarding wins nothing.
  await detail.getByRole('button', { name: 'Win', exact: true }).click();
  const win = page.getByTestId('win-dialog');
  const value = win.getByLabel(/^Project value/);
  await value.fill('999');
  await escapeThenKeep(page, value, '999');
  await cancelThenDiscard(page, win);
  expect((await coreCall<LeadDetail>(page, demoApp, 'leads/get', { id: lead.id })).stage).toBe('qualified');
});
