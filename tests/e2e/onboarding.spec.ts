/**
 * First launch (no workspace): the welcome screen, the "Start empty" wizard
 * with its field-level validation, and "Open the demo agency" with its
 * progress, each ending in the app shell on the new workspace.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { expect, snap, test } from './fixtures';
import { mainHeading } from './screens';

test.use({ locale: 'en-US', colorScheme: 'light', timezoneId: 'America/Lima', reducedMotion: 'reduce' });

/** The error sits right under its control, left-aligned with it. */
async function expectErrorUnder(control: Locator, error: Locator) {
  const c = await control.boundingBox();
  const e = await error.boundingBox();
  expect(c && e, 'both the control and its error are laid out').toBeTruthy();
  if (!c || !e) return;
  expect(e.y).toBeGreaterThanOrEqual(c.y + c.height - 1);
  expect(e.y - (c.y + c.height)).toBeLessThan(24);
  expect(Math.abs(e.x - c.x)).toBeLessThan(8);
}

test('the welcome screen offers the demo, an empty start and opening a file', async ({ page, emptyApp }) => {
  await emptyApp.open(page);
  await expect(mainHeading(page)).toHaveText('Welcome to Atalaya');
  const demo = page.getByRole('region', { name: 'Open the demo agency' });
  await expect(demo.getByRole('button', { name: 'Open the demo agency' })).toBeEnabled();
  const empty = page.getByRole('region', { name: 'Start empty' });
  await expect(empty.getByRole('button', { name: 'Start empty' })).toBeEnabled();
  const open = page.getByRole('region', { name: 'Open a workspace file…' });
  await expect(open.getByLabel('Path of the workspace file')).toBeVisible();
  // No shell yet: nothing to navigate.
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await snap(page, 'welcome-light-en');

  // A path that does not exist says so next to the field, and the welcome stays.
  const missing = path.join(emptyApp.userDataDir, 'nowhere', 'missing.atalaya');
  const pathField = open.getByLabel('Path of the workspace file');
  await pathField.fill(missing);
  await open.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(pathField).toHaveAttribute('aria-invalid', 'true');
  const error = open.getByTestId('field-error');
  await expect(error).toBeVisible();
  await expect(error).not.toBeEmpty();
  await expectErrorUnder(pathField, error);
  await expect(mainHeading(page)).toHaveText('Welcome to Atalaya');
  await snap(page, 'welcome-open-error-light-en');
});

test('Start empty walks the wizard, validates next to the field and lands in the shell', async ({ page, emptyApp }) => {
  await emptyApp.open(page);
  await page.getByRole('button', { name: 'Start empty' }).click();
  await expect(mainHeading(page)).toHaveText('Set up your agency');
  const steps = page.getByRole('list', { name: 'Setup steps' });
  const form = page.getByRole('form', { name: 'Workspace' });
  await expect(form).toBeVisible();
  await expect(steps.locator('[aria-current="step"]')).toContainText('Workspace');

  // Step 1 — the name is required: the error appears under the field, not in a toast.
  const name = form.getByLabel('Workspace name');
  await expect(name).toBeFocused();
  await form.getByRole('button', { name: 'Next' }).click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription('This field cannot be empty.');
  const nameError = form.getByTestId('field-error');
  await expect(nameError).toHaveText('This field cannot be empty.');
  await expectErrorUnder(name, nameError);
  await expect(steps.locator('[aria-current="step"]')).toContainText('Workspace');
  await snap(page, 'onboarding-1-workspace-error-light-en');
  await name.fill('Northwind Studio');
  await expect(nameError).toBeHidden();
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  await form.getByRole('button', { name: 'Next' }).click();

  // Step 2 — reporting currency and time zone (the zone defaults to the computer's).
  const region = page.getByRole('form', { name: 'Currency & time zone' });
  await expect(region).toBeVisible();
  const zone = region.getByLabel('Time zone');
  await expect(zone).toHaveValue('America/Lima');
  const currency = region.getByRole('combobox', { name: 'Reporting currency' });
  await expect(currency).toContainText('USD');
  await currency.click();
  await page.getByRole('option', { name: /^EUR/ }).click();
  await expect(currency).toContainText('EUR');
  // A zone that does not exist is refused next to its field too.
  await zone.fill('Mars/Olympus_Mons');
  await zone.blur();
  await expect(zone).toHaveAttribute('aria-invalid', 'true');
  await expect(zone).toHaveAccessibleDescription(/Not a known time zone/);
  await region.getByRole('button', { name: 'Next' }).click();
  await expect(region).toBeVisible();
  await zone.fill('Europe/Copenhagen');
  await expect(zone).not.toHaveAttribute('aria-invalid', 'true');
  await snap(page, 'onboarding-2-region-light-en');
  await region.getByRole('button', { name: 'Next' }).click();

  // Step 3 — hubs come prefilled with the reference agency's four.
  const hubsStep = page.getByRole('form', { name: 'Hubs' });
  await expect(hubsStep).toBeVisible();
  const hubRows = hubsStep.getByTestId('onboarding-hub');
  await expect(hubRows).toHaveCount(4);
  for (const [hub, country] of [
    ['Caracas', 'VE'],
    ['Copenhagen', 'DK'],
    ['Lima', 'PE'],
    ['Remote', 'US'],
  ] as const) {
    await expect(hubsStep.getByRole('textbox', { name: `Hub of ${hub}` })).toHaveValue(hub);
    await expect(hubsStep.getByRole('textbox', { name: `Country of ${hub}` })).toHaveValue(country);
  }
  await snap(page, 'onboarding-3-hubs-light-en');
  await hubsStep.getByRole('button', { name: 'Next' }).click();

  // Step 4 — people: empty to begin with; a half-filled person is caught on Create.
  const peopleStep = page.getByRole('form', { name: 'People' });
  await expect(peopleStep).toBeVisible();
  await expect(peopleStep.getByRole('heading', { name: 'No people yet' })).toBeVisible();
  await peopleStep.getByRole('button', { name: 'Add person' }).click();
  const person = peopleStep.getByTestId('onboarding-person');
  await expect(person).toHaveCount(1);
  await peopleStep.getByRole('button', { name: 'Create workspace' }).click();
  const personName = person.getByRole('textbox', { name: 'Name of Person 1' });
  await expect(personName).toHaveAttribute('aria-invalid', 'true');
  await expect(person.getByTestId('field-error')).toContainText('Name: This field cannot be empty.');
  await expect(peopleStep).toBeVisible();
  await personName.fill('Ana Pérez');
  await person.getByRole('textbox', { name: 'Role of Ana Pérez' }).fill('Video editor');
  await expect(person.getByRole('combobox', { name: 'Hub of Ana Pérez' })).toContainText('Caracas');
  await expect(person.getByTestId('field-error')).toHaveCount(0);
  await snap(page, 'onboarding-4-people-light-en');
  await peopleStep.getByRole('button', { name: 'Create workspace' }).click();

  // The shell opens on the new workspace. (Its 4 s toast first: the shell's first render can outlast it under load.)
  await expect(page.getByText('Northwind Studio is ready')).toBeVisible();
  await expect(mainHeading(page)).toHaveText('Executive');
  await expect(page.getByRole('banner').getByText('Northwind Studio', { exact: true })).toBeVisible();
  await snap(page, 'onboarding-done-light-en');

  // Settings › Data: the file lives in the user-data folder.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Data' }).click();
  const filePath = page.getByTestId('workspace-path');
  await expect(filePath).toContainText(path.join(emptyApp.userDataDir, 'workspaces') + path.sep);
  await expect(filePath).toContainText(/\.atalaya$/);
  expect(existsSync((await filePath.textContent()) ?? ''), 'the workspace file exists on disk').toBe(true);
  const contents = page.getByRole('definition');
  await expect(contents).toHaveCount(7);
  // Hubs 4, People 1.
  await expect(contents.nth(0)).toHaveText('4');
  await expect(contents.nth(1)).toHaveText('1');

  // What was entered is what was stored.
  await page.getByRole('tab', { name: 'Workspace profile' }).click();
  await expect(page.getByLabel('Workspace name')).toHaveValue('Northwind Studio');
  await expect(page.getByRole('combobox', { name: 'Reporting currency' })).toContainText('EUR');
  await expect(page.getByLabel('Time zone')).toHaveValue('Europe/Copenhagen');
  await page.getByRole('tab', { name: 'Hubs' }).click();
  await expect(page.getByTestId('hub-row')).toHaveCount(4);
  // Ana was placed in the first hub: Caracas has one person.
  await expect(page.getByTestId('hub-row').filter({ hasText: 'Caracas' }).getByRole('cell').nth(6)).toHaveText('1');

  // And it is the workspace that opens next time.
  await page.reload();
  await expect(page.getByRole('banner').getByText('Northwind Studio', { exact: true })).toBeVisible();
});

test('"Back to welcome" leaves the wizard without creating anything', async ({ page, emptyApp }) => {
  await emptyApp.open(page);
  await page.getByRole('button', { name: 'Start empty' }).click();
  await page.getByLabel('Workspace name').fill('Abandoned');
  await page.getByRole('button', { name: 'Back to welcome' }).click();
  await expect(mainHeading(page)).toHaveText('Welcome to Atalaya');
  await page.reload();
  await expect(mainHeading(page)).toHaveText('Welcome to Atalaya');
  expect(existsSync(path.join(emptyApp.userDataDir, 'workspaces', 'Abandoned.atalaya'))).toBe(false);
});

test('"Open the demo agency" shows its progress and ends in the shell', async ({ page, emptyApp }) => {
  await emptyApp.open(page);
  await expect(mainHeading(page)).toHaveText('Welcome to Atalaya');
  // Record every state of the progress bar, however quickly the job runs.
  // (A string: this file is type-checked without the DOM library.)
  await page.evaluate(`(() => {
    const seen = (window.__progress = []);
    const record = () => {
      const bar = document.querySelector('[role="progressbar"]');
      if (bar) seen.push(Number(bar.getAttribute('aria-valuenow')));
    };
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-valuenow'],
    });
  })()`);

  await page.getByRole('button', { name: 'Open the demo agency' }).click();
  // Its 4 s toast first: the shell's first render can outlast it under load.
  await expect(page.getByText('The demo agency is ready')).toBeVisible({ timeout: 45_000 });
  await expect(mainHeading(page)).toHaveText('Executive', { timeout: 45_000 });
  await expect(page.getByRole('banner').getByText('Atalaya Demo Agency', { exact: true })).toBeVisible();

  const progress = (await page.evaluate('window.__progress')) as number[];
  expect(progress.length, 'the progress bar was shown').toBeGreaterThan(0);
  for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]!);
  expect(Math.min(...progress)).toBeGreaterThanOrEqual(0);
  expect(Math.max(...progress)).toBeLessThanOrEqual(100);
  await snap(page, 'demo-ready-light-en');

  // The demo file was made in the user-data folder.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Data' }).click();
  await expect(page.getByTestId('workspace-path')).toContainText(path.join(emptyApp.userDataDir, 'workspaces'));
});
