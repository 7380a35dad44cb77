/**
 * Small forms ask before throwing away what was typed: the payment, lost-reason
 * and win dialogs. Escape or Cancel with a change opens "Discard your changes?";
 * keeping on editing keeps the input, discarding closes and saves nothing, and
 * an untouched form closes at once. A date typed without its year yet (not the
 * field's date) is such a change too, in every form with a date field.
 */
import type { Locator, Page } from '@playwright/test';
import type { LeadDetail, LeadPage } from '../../src/shared/leads';
import type { InvoiceList, InvoiceSummary } from '../../src/shared/money';
import { type AtalayaApp, expect, test } from './fixtures';
import { coreCall, discardPrompt, mainHeading } from './screens';

test.use({ locale: 'en-US', colorScheme: 'light', timezoneId: 'UTC', reducedMotion: 'reduce' });

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** Escape asks; "Keep editing" returns to the form with `field` still holding `typed`. */
async function escapeThenKeep(page: Page, field: Locator, typed: string) {
  // The form, marked while it can still be found by role (the question hides it from them).
  await field.locator('xpath=ancestor::*[@role="dialog"][1]').evaluate((el) => el.setAttribute('data-e2e-form', ''));
  await page.keyboard.press('Escape');
  await expect(discardPrompt(page)).toBeVisible();
  // The question dims the form behind it with the page: its overlay (the element painted just before it, later in
  // the document than the form) stacks at least as high as the form.
  const stacking = await discardPrompt(page).evaluate((prompt) => {
    const doc = prompt.ownerDocument;
    const form = doc.querySelector('[data-e2e-form]')!;
    const overlays = [...doc.querySelectorAll('.fixed.inset-0[data-state="open"]')];
    const overlay = overlays[overlays.length - 1]!;
    const z = (el: typeof form) => Number(doc.defaultView!.getComputedStyle(el).zIndex);
    const following = 4; // Node.DOCUMENT_POSITION_FOLLOWING
    return {
      overlayAfterForm: (form.compareDocumentPosition(overlay) & following) !== 0,
      overlayBeforePrompt: (overlay.compareDocumentPosition(prompt) & following) !== 0,
      covers: z(overlay) >= z(form),
    };
  });
  expect(stacking, "the question's overlay covers the form").toEqual({
    overlayAfterForm: true,
    overlayBeforePrompt: true,
    covers: true,
  });
  await discardPrompt(page).getByRole('button', { name: 'Keep editing' }).click();
  await expect(discardPrompt(page)).toBeHidden();
  await expect(field).toHaveValue(typed);
}

/** Cancel (or the form's other closing button) asks; "Discard changes" closes the form. */
async function cancelThenDiscard(page: Page, dialog: Locator, cancel = 'Cancel') {
  // The footer's button (the header's × is named "Close" too).
  await dialog.getByRole('button', { name: cancel, exact: true }).last().click();
  await expect(discardPrompt(page)).toBeVisible();
  await discardPrompt(page).getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog).toBeHidden();
}

/**
 * A date half typed (no year yet: not the field's date) is a change: Escape asks, "Keep editing" keeps the text,
 * and "Discard changes" then closes the form.
 */
async function halfTypedDateAsks(page: Page, dialog: Locator, field: Locator, cancel = 'Cancel') {
  await field.fill('06/20');
  await expect(field).toHaveAttribute('data-value', /^\d{4}-\d{2}-\d{2}$/);
  await escapeThenKeep(page, field, '06/20');
  await expect(dialog).toBeVisible();
  await cancelThenDiscard(page, dialog, cancel);
}

async function openLead(page: Page, app: AtalayaApp): Promise<LeadDetail> {
  const open = await coreCall<LeadPage>(page, app, 'leads/query', {
    filter: { stages: ['qualified'] },
    limit: 1,
  });
  const lead = open.rows[0]!;
  await nav(page).getByRole('button', { name: 'Pipeline' }).click();
  await expect(mainHeading(page)).toHaveText('Pipeline');
  // The table shows the search's result before a row is pressed: a press on a row of the list before it would open
  // that lead and then lose it to the search's new page.
  const found = await coreCall<LeadPage>(page, app, 'leads/query', { search: lead.company, limit: 1 });
  await page.getByRole('searchbox', { name: 'Search leads' }).fill(lead.company);
  await expect(page.getByText(`Showing ${found.total} of`)).toBeVisible();
  await page.getByTestId('lead-row').filter({ hasText: lead.company }).first().click();
  await expect(page.getByTestId('lead-detail')).toContainText(lead.company);
  return coreCall<LeadDetail>(page, app, 'leads/get', { id: lead.id });
}

/** An unpaid invoice's sheet, its search waited for before its row is pressed, and its payment dialog open. */
async function openPayment(page: Page, app: AtalayaApp) {
  const invoices = await coreCall<InvoiceList>(page, app, 'invoices/list', {});
  const unpaid = invoices.invoices.find(
    (i) => (i.status === 'overdue' || i.status === 'due' || i.status === 'sent') && i.paidMinor === 0,
  ) as InvoiceSummary;
  expect(unpaid, 'the demo has an unpaid invoice').toBeTruthy();
  await nav(page).getByRole('button', { name: 'Finance' }).click();
  await page.getByRole('tab', { name: 'Invoices', exact: true }).click();
  const panel = page.getByTestId('invoices-tab');
  await panel.getByRole('searchbox', { name: 'Search invoices' }).fill(unpaid.number!);
  await expect(panel.getByTestId('invoice-row')).toHaveCount(1);
  await panel.getByTestId('invoice-row').filter({ hasText: unpaid.number! }).click();
  const sheet = page.getByTestId('invoice-sheet');
  const payment = page.getByRole('dialog', { name: `Record a payment on ${unpaid.number}` });
  await sheet.getByRole('button', { name: 'Record payment' }).click();
  return { unpaid, sheet, payment };
}

test('payment, lost and win dialogs ask before discarding typed input', async ({ page, demoApp }) => {
  await demoApp.open(page);

  // Payment: an untouched form closes at once; a changed amount asks first and nothing is recorded.
  const { unpaid, sheet, payment } = await openPayment(page, demoApp);
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

test('payment: a paid-on date half typed asks before it is dropped', async ({ page, demoApp }) => {
  await demoApp.open(page);
  const { payment } = await openPayment(page, demoApp);
  await halfTypedDateAsks(page, payment, payment.getByLabel('Paid on', { exact: true }));
});

test('win: a due date half typed asks before it is dropped', async ({ page, demoApp }) => {
  await demoApp.open(page);
  await openLead(page, demoApp);
  await page.getByTestId('lead-detail').getByRole('button', { name: 'Win', exact: true }).click();
  const win = page.getByTestId('win-dialog');
  // The second date field of the form: each field's typing counts, not only the first's.
  await halfTypedDateAsks(page, win, win.getByLabel('Due', { exact: true }));
});

test('time off: a first day half typed asks before it is dropped', async ({ page, demoApp }) => {
  await demoApp.open(page);
  await nav(page).getByRole('button', { name: 'Capacity', exact: true }).click();
  await expect(mainHeading(page)).toHaveText('Capacity');
  const openTimeOff = async () => {
    await page
      .getByTestId('capacity-person')
      .first()
      .getByRole('button', { name: /^Actions for / })
      .click();
    await page.getByRole('menuitem', { name: 'Time off…' }).click();
  };
  await openTimeOff();
  const off = page.getByTestId('time-off-dialog');
  // Untouched, it closes at once.
  await page.keyboard.press('Escape');
  await expect(off).toBeHidden();
  await expect(discardPrompt(page)).toBeHidden();
  await openTimeOff();
  await halfTypedDateAsks(page, off, off.getByLabel('First day', { exact: true }), 'Close');
});

test('subscription change: an effective date half typed asks before it is dropped', async ({ page, demoApp }) => {
  await demoApp.open(page);
  await nav(page).getByRole('button', { name: 'Finance' }).click();
  await page.getByRole('tab', { name: 'Subscriptions & MRR', exact: true }).click();
  const panel = page.getByRole('tabpanel', { name: 'Subscriptions & MRR', exact: true });
  const active = panel
    .getByTestId('subscription-row')
    .filter({ has: page.getByTestId('subscription-status').filter({ hasText: 'Active' }) })
    .first();
  await active.getByRole('button', { name: /^Change / }).click();
  await page.getByRole('menuitem', { name: 'Change fee…' }).click();
  const dialog = page.getByTestId('subscription-change-dialog');
  // Untouched, it closes at once.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(discardPrompt(page)).toBeHidden();
  await active.getByRole('button', { name: /^Change / }).click();
  await page.getByRole('menuitem', { name: 'Change fee…' }).click();
  await halfTypedDateAsks(page, dialog, dialog.getByLabel('Effective from', { exact: true }));
});
