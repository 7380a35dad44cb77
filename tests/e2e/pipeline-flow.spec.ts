/**
 * The pipeline end to end (issue 4): a lead is created and scored with its
 * breakdown, won into a project, found on the board, moved into production,
 * reviewed through gates 1–3, delivered — and its final invoice is in Finance.
 */
import type { LeadDetail } from '../../src/shared/leads';
import type { Invoice } from '../../src/shared/money';
import type { ProjectDetail } from '../../src/shared/pipeline';
import { expect, snap, test } from './fixtures';
import { coreCall, mainHeading } from './screens';

test.use({ locale: 'en-US', colorScheme: 'light', timezoneId: 'UTC', reducedMotion: 'reduce' });

test('create a lead, see its score, win it, take the project through the gates, deliver it, see the invoice', async ({
  page,
  demoApp,
}) => {
  test.setTimeout(120_000);
  await demoApp.open(page);
  const nav = page.getByRole('navigation', { name: 'Main' });

  // A lead, scored on creation; its breakdown adds up to its score.
  const lead = await coreCall<LeadDetail>(page, demoApp, 'leads/create', {
    company: 'Vindel Optics',
    contactName: 'Sofía Vindel',
    channel: 'referral',
    vertical: 'ecommerce',
    tier: 2,
    authority: 'decision_maker',
    need: 'urgent',
    timeline: 'now',
    budgetMinor: 40_000,
    expectedValueMinor: 30_000,
    currency: 'USD',
  });
  await nav.getByRole('button', { name: 'Pipeline' }).click();
  await expect(mainHeading(page)).toHaveText('Pipeline');
  await page.getByRole('searchbox', { name: 'Search leads' }).fill('vindel');
  await expect(page.getByTestId('lead-row')).toHaveCount(1);
  await page.getByTestId('lead-row').first().click();
  const detail = page.getByTestId('lead-detail');
  await expect(detail.getByTestId('detail-score')).toHaveText(String(lead.score));
  expect(Object.values(lead.scoreBreakdown!).reduce((a, b) => a + b, 0)).toBe(lead.score);
  await snap(page, 'flow-lead-light-en');

  // Win it: service and value; the project is created.
  await detail.getByRole('button', { name: 'Win' }).click();
  const win = page.getByTestId('win-dialog');
  await win.getByRole('combobox', { name: 'Service', exact: true }).click();
  await page.getByRole('option', { name: 'Explainer Video', exact: true }).click();
  await win.getByRole('button', { name: 'Win lead' }).click();
  const result = page.getByTestId('win-result');
  await expect(result.getByRole('heading', { name: 'Vindel Optics is won' })).toBeVisible();
  const won = await coreCall<LeadDetail>(page, demoApp, 'leads/get', { id: lead.id });
  const projectId = won.projectIds[0]!;
  const project = await coreCall<ProjectDetail>(page, demoApp, 'projects/get', { id: projectId });

  // On the board, in Discovery; moved to Production from the keyboard.
  await result.getByRole('button', { name: 'Open Projects' }).click();
  await expect(mainHeading(page)).toHaveText('Projects');
  const card = page.getByTestId('board-column-discovery').getByTestId('project-card').filter({ hasText: project.name });
  await expect(card).toBeVisible();
  await card.getByRole('button').first().focus();
  await page.keyboard.press('m');
  await page.getByRole('menu').getByRole('menuitem', { name: 'Production', exact: true }).click();
  await expect(
    page.getByTestId('board-column-production').getByTestId('project-card').filter({ hasText: project.name }),
  ).toBeVisible();

  // The three gates, in order, then delivery with a rating.
  await page
    .getByTestId('board-column-production')
    .getByTestId('project-card')
    .filter({ hasText: project.name })
    .click();
  const sheet = page.getByTestId('project-detail');
  const gate = (n: number) => sheet.getByTestId(`gate-${n}`);
  const reviewer = (await coreCall<{ name: string }[]>(page, demoApp, 'people/list', {}))[0]!.name;
  for (const n of [1, 2, 3]) {
    for (const box of await gate(n).getByRole('checkbox').all()) await box.check();
    await gate(n).getByRole('combobox', { name: 'Reviewer' }).click();
    await page.getByRole('option', { name: reviewer }).click();
    await gate(n).getByRole('button', { name: 'Submit review' }).click();
    await expect(gate(n).getByText('Passed', { exact: true })).toBeVisible();
  }
  await sheet.getByRole('button', { name: 'Deliver…' }).click();
  const deliver = page.getByTestId('deliver-dialog');
  // The app's own checks, next to the fields (not the browser's bubbles): a rating, and no future date.
  const deliveredOn = deliver.getByLabel('Delivery date');
  const today = (await deliveredOn.getAttribute('data-value')) ?? '';
  await deliveredOn.fill(`${Number(today.slice(0, 4)) + 1}${today.slice(4)}`);
  await deliver.getByRole('button', { name: 'Deliver and invoice' }).click();
  await expect(deliver.getByTestId('field-error')).toHaveText([
    'Choose the client’s rating, or Not rated.',
    'The delivery date can’t be in the future.',
  ]);
  await deliveredOn.fill(today);
  await deliver.getByRole('radio', { name: '9 of 10' }).click();
  await deliver.getByRole('button', { name: 'Deliver and invoice' }).click();
  await expect(deliver).toBeHidden();

  const delivered = await coreCall<ProjectDetail>(page, demoApp, 'projects/get', { id: projectId });
  expect(delivered).toMatchObject({ stage: 'invoiced', satisfaction: 9 });
  const invoice = await coreCall<Invoice>(page, demoApp, 'invoices/get', { id: delivered.invoiceIds.at(-1)! });
  expect(invoice).toMatchObject({ kind: 'delivery', projectId, clientId: won.clientId });
  expect(invoice.lines[0]!.unitPriceMinor).toBe(project.valueMinor);

  // The sheet lists the invoice; and it is in Finance.
  await expect(sheet).toContainText(invoice.number!);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await nav.getByRole('button', { name: 'Finance' }).click();
  await expect(mainHeading(page)).toHaveText('Finance');
  await expect(page.getByRole('main')).toContainText(invoice.number!);
  await snap(page, 'flow-invoice-light-en');
});
