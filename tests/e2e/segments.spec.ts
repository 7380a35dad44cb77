/**
 * Saved segments on the demo agency, as a coordinator uses them: by keyboard
 * (the menu's items open their dialogs with focus where typing goes, and focus
 * comes back to the Segments button when they close). Figures are compared
 * with what the core answers over HTTP.
 */
import type { Page } from '@playwright/test';
import type { SavedView } from '../../src/shared/money';
import { expect, test } from './fixtures';
import { coreCall, mainHeading } from './screens';

test.use({ locale: 'en-US', colorScheme: 'light', timezoneId: 'UTC', reducedMotion: 'reduce' });

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

async function openPipeline(page: Page) {
  await nav(page).getByRole('button', { name: 'Pipeline' }).click();
  await expect(mainHeading(page)).toHaveText('Pipeline');
  await expect(page.getByTestId('lead-row').first()).toBeVisible();
}

test('segments by keyboard: the name field takes what is typed, and focus comes back to the Segments button', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  await openPipeline(page);
  const button = page.getByTestId('segments-button');

  // Save: Enter on the menu's item opens the dialog with the name field focused, so typing names the segment.
  await button.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Save current view as segment…' }).focus();
  await page.keyboard.press('Enter');
  const save = page.getByTestId('save-segment-dialog');
  await expect(save.getByLabel('Segment name')).toBeFocused();
  await page.keyboard.type('Everything');
  await page.keyboard.press('Enter');
  await expect(save).toBeHidden();
  await expect(button).toBeFocused();
  const saved = await coreCall<SavedView[]>(page, demoApp, 'views/list', { screen: 'leads' });
  expect(saved.map((v) => v.name)).toEqual(['Everything']);

  // Delete: the confirmation takes focus; cancelling, then confirming, gives it back to the button.
  for (const answer of ['Cancel', 'Delete segment']) {
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Delete segment Everything' }).focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('alertdialog', { name: 'Delete the segment “Everything”?' });
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await confirm.getByRole('button', { name: answer }).press('Enter');
    await expect(confirm).toBeHidden();
    await expect(button).toBeFocused();
  }
  expect(await coreCall<SavedView[]>(page, demoApp, 'views/list', { screen: 'leads' })).toEqual([]);
});
