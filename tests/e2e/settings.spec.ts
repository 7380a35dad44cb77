/**
 * Settings on the demo agency: the workspace profile, hubs (add, edit, delete,
 * and the conflict when a hub is in use), the service catalogue, and backups.
 * Every change is checked where it shows and again after a reload.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, snap, test } from './fixtures';
import { mainHeading } from './screens';

test.use({ locale: 'en-US', colorScheme: 'light', timezoneId: 'UTC', reducedMotion: 'reduce' });

const toasts = (page: Page) => page.getByRole('region', { name: /^Notifications/ });

async function openSettings(page: Page, tab: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await expect(mainHeading(page)).toHaveText('Settings');
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
  return page.getByRole('tabpanel', { name: tab, exact: true });
}

test('renaming the workspace shows in the top bar and survives a reload', async ({ page, demoApp }) => {
  await demoApp.open(page);
  const banner = page.getByRole('banner');
  await expect(banner.getByText('Atalaya Demo Agency', { exact: true })).toBeVisible();
  const panel = await openSettings(page, 'Workspace profile');
  const name = panel.getByLabel('Workspace name');
  await expect(name).toHaveValue('Atalaya Demo Agency');
  const save = panel.getByRole('button', { name: 'Save changes' });
  await expect(save).toBeDisabled();

  // Empty is refused under the field.
  await name.fill('');
  await save.click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription('This field cannot be empty.');
  await expect(banner.getByText('Atalaya Demo Agency', { exact: true })).toBeVisible();

  await name.fill('Northwind Studio');
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
  await save.click();
  await expect(toasts(page).getByText('Changes saved')).toBeVisible();
  await expect(banner.getByText('Northwind Studio', { exact: true })).toBeVisible();
  await expect(save).toBeDisabled();
  await snap(page, 'settings-profile-renamed-light-en');

  await page.reload();
  await expect(mainHeading(page)).toHaveText('Settings');
  await expect(page.getByRole('banner').getByText('Northwind Studio', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Workspace name')).toHaveValue('Northwind Studio');
});

test('a hub can be added, edited and deleted with confirmation', async ({ page, demoApp }) => {
  await demoApp.open(page);
  const panel = await openSettings(page, 'Hubs');
  const rows = panel.getByTestId('hub-row');
  await expect(rows).toHaveCount(4);

  // Add — first with nothing filled in, which is refused field by field.
  await panel.getByRole('button', { name: 'Add hub' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a hub' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Hub', { exact: true })).toBeFocused();
  await dialog.getByRole('button', { name: 'Add hub' }).click();
  await expect(dialog.getByLabel('Hub', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Hub', { exact: true })).toHaveAccessibleDescription('This field cannot be empty.');
  await expect(dialog.getByLabel('Country')).toHaveAttribute('aria-invalid', 'true');
  await snap(page, 'settings-hub-add-errors-light-en');
  await dialog.getByLabel('Hub', { exact: true }).fill('Bogotá');
  await dialog.getByLabel('Country').fill('co');
  await expect(dialog.getByLabel('Country')).toHaveValue('CO');
  await dialog.getByLabel('Time zone').fill('America/Bogota');
  await dialog.getByRole('button', { name: 'Add hub' }).click();
  await expect(dialog).toBeHidden();
  await expect(toasts(page).getByText('Bogotá added')).toBeVisible();
  await expect(rows).toHaveCount(5);
  const bogota = rows.filter({ hasText: 'Bogotá' });
  await expect(bogota).toContainText('Colombia');
  await expect(bogota).toContainText('America/Bogota');
  // The top bar's hub filter knows it at once.
  await page.getByRole('combobox', { name: 'Hub filter' }).click();
  await expect(page.getByRole('listbox').getByRole('option', { name: 'Bogotá' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox')).toBeHidden();

  // Edit: rename it and give it a target.
  await panel.getByRole('button', { name: 'Edit Bogotá' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Bogotá' });
  await expect(edit).toBeVisible();
  await expect(edit.getByLabel('Hub', { exact: true })).toHaveValue('Bogotá');
  await edit.getByLabel('Hub', { exact: true }).fill('Medellín');
  await edit.getByRole('combobox', { name: 'Target' }).click();
  await page.getByRole('option', { name: 'Share of revenue' }).click();
  await edit.getByLabel('Share').fill('10');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(toasts(page).getByText('Changes saved')).toBeVisible();
  const medellin = rows.filter({ hasText: 'Medellín' });
  await expect(medellin).toContainText('10% of revenue');
  await expect(rows.filter({ hasText: 'Bogotá' })).toHaveCount(0);

  // Delete, after confirming.
  await panel.getByRole('button', { name: 'Delete Medellín' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete Medellín?' });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('This cannot be undone.');
  // Cancelling keeps it.
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(rows).toHaveCount(5);
  await panel.getByRole('button', { name: 'Delete Medellín' }).click();
  await expect(confirm).toBeVisible();
  await snap(page, 'settings-hub-delete-confirm-light-en');
  await confirm.getByRole('button', { name: 'Delete hub' }).click();
  await expect(confirm).toBeHidden();
  await expect(toasts(page).getByText('Medellín deleted')).toBeVisible();
  await expect(rows).toHaveCount(4);
  await expect(rows.filter({ hasText: 'Medellín' })).toHaveCount(0);

  await page.reload();
  const after = await openSettings(page, 'Hubs');
  await expect(after.getByTestId('hub-row')).toHaveCount(4);
  await expect(after.getByTestId('hub-row').filter({ hasText: 'Medellín' })).toHaveCount(0);
});

test('deleting a hub in use (Caracas) shows the conflict and keeps it', async ({ page, demoApp }) => {
  await demoApp.open(page);
  const panel = await openSettings(page, 'Hubs');
  const caracas = panel.getByTestId('hub-row').filter({ hasText: 'Caracas' });
  await expect(caracas).toHaveCount(1);

  await panel.getByRole('button', { name: 'Delete Caracas' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete Caracas?' });
  await expect(confirm).toBeVisible();
  // It warns up front…
  await expect(confirm).toContainText(/This hub still has \d+ people and \d+ projects/);
  await confirm.getByRole('button', { name: 'Delete hub' }).click();
  // …and the core's refusal is shown in the dialog, not lost.
  await expect(confirm.getByText('That would conflict with existing data')).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Delete hub' })).toHaveCount(0);
  await snap(page, 'settings-hub-delete-conflict-light-en');
  await confirm.getByRole('button', { name: 'Close' }).click();
  await expect(confirm).toBeHidden();
  await expect(caracas).toHaveCount(1);
  await expect(panel.getByTestId('hub-row')).toHaveCount(4);

  await page.reload();
  const after = await openSettings(page, 'Hubs');
  await expect(after.getByTestId('hub-row').filter({ hasText: 'Caracas' })).toHaveCount(1);
});

test("a service's price is edited in the catalogue and kept after a reload", async ({ page, demoApp }) => {
  await demoApp.open(page);
  const panel = await openSettings(page, 'Service catalogue');
  const row = panel.getByTestId('service-row').filter({ hasText: 'Quick Edit' });
  await expect(row).toHaveCount(1);
  const tier1 = row.getByRole('cell').nth(1);
  const before = (await tier1.textContent()) ?? '';
  expect(before).not.toContain('95');

  await row.getByRole('button', { name: 'Edit Quick Edit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit Quick Edit' });
  await expect(dialog).toBeVisible();
  const max = dialog.getByLabel('Tier 1 · Enterprise, highest price');
  const min = dialog.getByLabel('Tier 1 · Enterprise, lowest price');
  // Lowest above highest is refused next to the field.
  await min.fill('500');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByText('The lowest price cannot exceed the highest.')).toBeVisible();
  await expect(dialog).toBeVisible();
  await min.fill('25');
  await max.fill('95');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(toasts(page).getByText('Changes saved')).toBeVisible();
  await expect(tier1).toContainText('95');
  const edited = (await tier1.textContent()) ?? '';
  expect(edited).not.toBe(before);

  await page.reload();
  const after = await openSettings(page, 'Service catalogue');
  const rowAfter = after.getByTestId('service-row').filter({ hasText: 'Quick Edit' });
  await expect(rowAfter.getByRole('cell').nth(1)).toHaveText(edited);
  await rowAfter.getByRole('button', { name: 'Edit Quick Edit' }).click();
  const reopened = page.getByRole('dialog', { name: 'Edit Quick Edit' });
  await expect(reopened.getByLabel('Tier 1 · Enterprise, highest price')).toHaveValue('95');
  await expect(reopened.getByLabel('Tier 1 · Enterprise, lowest price')).toHaveValue('25');
  await snap(page, 'settings-service-edit-light-en');
});

test('Data › Back up now shows a toast with the backup path', async ({ page, demoApp }) => {
  await demoApp.open(page);
  const panel = await openSettings(page, 'Data');
  await expect(panel.getByTestId('workspace-path')).toHaveText(
    path.join(demoApp.userDataDir, 'workspaces', 'demo.atalaya'),
  );
  await panel.getByRole('button', { name: 'Back up now' }).click();
  const toast = toasts(page).locator('[data-sonner-toast]').filter({ hasText: 'Backup saved' });
  await expect(toast).toBeVisible();
  const backupsDir = path.join(demoApp.userDataDir, 'backups') + path.sep;
  await expect(toast).toContainText(backupsDir);
  const text = (await toast.textContent()) ?? '';
  const backup = text.slice(text.indexOf(backupsDir)).trim();
  expect(existsSync(backup), `the backup file ${backup} exists`).toBe(true);
  await snap(page, 'settings-data-backup-light-en');
});
