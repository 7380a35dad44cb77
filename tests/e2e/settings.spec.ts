/**
 * Settings on the demo agency: the workspace profile, hubs (add, edit, delete,
 * and the conflict when a hub is in use), the service catalogue, and backups.
 * Every change is checked where it shows and again after a reload.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { expect, snap, test } from './fixtures';
import { coreCall, createQuitoHub, discardPrompt, mainHeading, openPalette, openScoringTab, toasts } from './screens';

test.use({ locale: 'en-US', colorScheme: 'light', timezoneId: 'UTC', reducedMotion: 'reduce' });

interface CoreHub {
  id: number;
  name: string;
  peopleCount: number;
  clientsCount: number;
  leadsCount: number;
  projectsCount: number;
}

/** "12 people", "1 client"…: what keeps a hub from being deleted, in the core's order, as the dialog lists it. */
function blockersOf(hub: CoreHub): string[] {
  const plural = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;
  return [
    hub.peopleCount ? plural(hub.peopleCount, 'person', 'people') : '',
    hub.clientsCount ? plural(hub.clientsCount, 'client', 'clients') : '',
    hub.leadsCount ? plural(hub.leadsCount, 'lead', 'leads') : '',
    hub.projectsCount ? plural(hub.projectsCount, 'project', 'projects') : '',
  ].filter(Boolean);
}

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

test('the profile keeps what is being typed when the workspace changes outside (the CLI, another window)', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  const panel = await openSettings(page, 'Workspace profile');
  const name = panel.getByLabel('Workspace name');
  const zone = panel.getByLabel('Time zone');
  await expect(zone).toHaveValue('America/Caracas');
  await name.fill('Northwind Studio');

  // Another process saves a different field: the app notices and reads the workspace again.
  const outside = new Database(path.join(demoApp.userDataDir, 'workspaces', 'demo.atalaya'));
  try {
    outside.prepare("UPDATE workspace_settings SET time_zone = 'America/Lima' WHERE id = 1").run();
  } finally {
    outside.close();
  }
  await expect(zone).toHaveValue('America/Lima');
  await expect(name).toHaveValue('Northwind Studio');

  const save = panel.getByRole('button', { name: 'Save changes' });
  await save.click();
  await expect(toasts(page).getByText('Changes saved')).toBeVisible();
  await expect(page.getByRole('banner').getByText('Northwind Studio', { exact: true })).toBeVisible();
  await expect(save).toBeDisabled();
  await page.reload();
  await expect(page.getByLabel('Workspace name')).toHaveValue('Northwind Studio');
  await expect(page.getByLabel('Time zone')).toHaveValue('America/Lima');
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

test('deleting a hub in use (Caracas) lists everything that still belongs to it and offers no Delete', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  const panel = await openSettings(page, 'Hubs');
  const caracas = panel.getByTestId('hub-row').filter({ hasText: 'Caracas' });
  await expect(caracas).toHaveCount(1);
  const hubs = await coreCall<CoreHub[]>(page, demoApp, 'hubs/list', {});
  const core = hubs.find((h) => h.name === 'Caracas');
  if (!core) throw new Error('the demo has no Caracas hub');
  // The demo places clients and leads in Caracas too, not only people and projects.
  expect(core.peopleCount).toBeGreaterThan(0);
  expect(core.clientsCount).toBeGreaterThan(0);
  expect(core.leadsCount).toBeGreaterThan(0);
  expect(core.projectsCount).toBeGreaterThan(0);

  await panel.getByRole('button', { name: 'Delete Caracas' }).click();
  const blocked = page.getByRole('dialog', { name: 'Caracas can’t be deleted yet' });
  await expect(blocked).toBeVisible();
  await expect(blocked.getByRole('list', { name: 'What still belongs to this hub' }).getByRole('listitem')).toHaveText(
    blockersOf(core),
  );
  await expect(blocked).toContainText('Move them to another hub first');
  await expect(blocked.getByRole('button', { name: /^Delete/ })).toHaveCount(0);
  await snap(page, 'settings-hub-delete-blocked-light-en');

  // Escape (or Cancel) keeps the hub.
  await page.keyboard.press('Escape');
  await expect(blocked).toBeHidden();
  await expect(caracas).toHaveCount(1);

  // What to do instead: edit the hub, one click away.
  await panel.getByRole('button', { name: 'Delete Caracas' }).click();
  await expect(blocked).toBeVisible();
  await blocked.getByRole('button', { name: 'Edit Caracas' }).click();
  await expect(blocked).toBeHidden();
  const edit = page.getByRole('dialog', { name: 'Edit Caracas' });
  await expect(edit).toBeVisible();
  await expect(edit.getByLabel('Hub', { exact: true })).toHaveValue('Caracas');
  await page.keyboard.press('Escape');
  await expect(edit).toBeHidden();

  await page.reload();
  const after = await openSettings(page, 'Hubs');
  await expect(after.getByTestId('hub-row')).toHaveCount(4);
  await expect(after.getByTestId('hub-row').filter({ hasText: 'Caracas' })).toHaveCount(1);
});

test('a hub that only a client and a lead belong to cannot be deleted until they move', async ({ page, demoApp }) => {
  await demoApp.open(page);
  // A new hub with no people or projects, but one client and one lead in it.
  const hub = await createQuitoHub(page, demoApp);
  const client = await coreCall<{ id: number }>(page, demoApp, 'clients/create', {
    name: 'Andes Bikes',
    tier: 2,
    vertical: 'ecommerce',
    hubId: hub.id,
    country: 'EC',
    email: null,
  });
  const lead = await coreCall<{ id: number }>(page, demoApp, 'leads/create', {
    company: 'Volcán Coffee',
    contactName: 'Inés Paredes',
    channel: 'referral',
    vertical: 'ecommerce',
    tier: 3,
    expectedValueMinor: 45_000,
    currency: 'USD',
    hubId: hub.id,
  });
  const panel = await openSettings(page, 'Hubs');
  const row = panel.getByTestId('hub-row').filter({ hasText: 'Quito' });
  await expect(row).toHaveCount(1);

  await panel.getByRole('button', { name: 'Delete Quito' }).click();
  const blocked = page.getByRole('dialog', { name: 'Quito can’t be deleted yet' });
  await expect(blocked).toBeVisible();
  await expect(blocked.getByRole('list', { name: 'What still belongs to this hub' }).getByRole('listitem')).toHaveText([
    '1 client',
    '1 lead',
  ]);
  await expect(blocked.getByRole('button', { name: /^Delete/ })).toHaveCount(0);
  await snap(page, 'settings-hub-delete-blocked-client-lead-light-en');
  await blocked.getByRole('button', { name: 'Cancel' }).click();
  await expect(blocked).toBeHidden();

  // Move the client away: the lead alone still blocks it (the dialog reads fresh counts).
  await coreCall(page, demoApp, 'clients/update', { id: client.id, patch: { hubId: null } });
  await panel.getByRole('button', { name: 'Delete Quito' }).click();
  await expect(blocked).toBeVisible();
  await expect(blocked.getByRole('list', { name: 'What still belongs to this hub' }).getByRole('listitem')).toHaveText([
    '1 lead',
  ]);
  await page.keyboard.press('Escape');
  await expect(blocked).toBeHidden();

  // Once nothing belongs to it, it is deleted after the usual confirmation.
  await coreCall(page, demoApp, 'leads/update', { id: lead.id, patch: { hubId: null } });
  await panel.getByRole('button', { name: 'Delete Quito' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete Quito?' });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('This cannot be undone.');
  await confirm.getByRole('button', { name: 'Delete hub' }).click();
  await expect(confirm).toBeHidden();
  await expect(toasts(page).getByText('Quito deleted')).toBeVisible();
  await expect(row).toHaveCount(0);
  const left = await coreCall<CoreHub[]>(page, demoApp, 'hubs/list', {});
  expect(left.map((h) => h.name)).not.toContain('Quito');
});

test('the baseline month is chosen from a list of months, with "automatic" as the empty state', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  const panel = await openSettings(page, 'Workspace profile');
  const baseline = panel.getByRole('combobox', { name: 'Baseline month' });
  // Empty means automatic: said in words, never a raw "--------- ----" month input.
  await expect(baseline).toHaveText('Automatic');
  await expect(panel.locator('input[type="month"]')).toHaveCount(0);
  await expect(baseline).toHaveAccessibleDescription(
    'Automatic: growth is measured from the first full month with revenue.',
  );
  await snap(page, 'settings-profile-baseline-auto-light-en');

  // This month as the app reads it: in the page's time zone (UTC, above), not this process's, and both before and
  // after, for a month that ends in between.
  const thisMonth = () => new Date().toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const monthBefore = thisMonth();
  await baseline.click();
  const listbox = page.getByRole('listbox');
  await expect(listbox.getByRole('option').first()).toHaveText('Automatic');
  // Then this month, newest to oldest.
  await expect(listbox.getByRole('option').nth(1)).toHaveText(new RegExp(`^(${monthBefore}|${thisMonth()})$`));
  await snap(page, 'settings-profile-baseline-list-light-en');
  await listbox.getByRole('option', { name: 'June 2026' }).click();
  await expect(baseline).toHaveText('June 2026');
  await expect(baseline).toHaveAccessibleDescription('Growth is measured from this month.');
  await panel.getByRole('button', { name: 'Save changes' }).click();
  await expect(toasts(page).getByText('Changes saved')).toBeVisible();
  await expect
    .poll(
      async () => (await coreCall<{ baselineMonth: string | null }>(page, demoApp, 'settings/get', {})).baselineMonth,
    )
    .toBe('2026-06');

  await page.reload();
  await expect(mainHeading(page)).toHaveText('Settings');
  const again = page.getByRole('combobox', { name: 'Baseline month' });
  await expect(again).toHaveText('June 2026');
  // Back to automatic clears it in the core.
  await again.click();
  await page.getByRole('listbox').getByRole('option', { name: 'Automatic' }).click();
  await expect(again).toHaveText('Automatic');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(toasts(page).getByText('Changes saved')).toBeVisible();
  await expect
    .poll(
      async () => (await coreCall<{ baselineMonth: string | null }>(page, demoApp, 'settings/get', {})).baselineMonth,
    )
    .toBeNull();
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
  // The same range dash everywhere: an en dash between narrow no-break spaces.
  expect(await tier1.textContent()).toBe('$25\u202f–\u202f$95');
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

test('leaving Settings with unsaved changes asks first: the sidebar, a tab, the palette', async ({ page, demoApp }) => {
  await demoApp.open(page);
  // A saved segment for the sidebar to list.
  await coreCall(page, demoApp, 'views/save', {
    screen: 'leads',
    name: 'Qualified',
    state: { filter: { stages: ['qualified'] }, search: '', sort: { column: 'created_at', direction: 'desc' } },
  });
  await page.reload();
  const nav = page.getByRole('navigation', { name: 'Main' });
  const prompt = discardPrompt(page);
  const panel = await openSettings(page, 'Workspace profile');
  const name = panel.getByLabel('Workspace name');

  // Nothing changed: leaving asks nothing.
  await page.getByRole('tab', { name: 'Hubs', exact: true }).click();
  await expect(prompt).toBeHidden();
  await page.getByRole('tab', { name: 'Workspace profile', exact: true }).click();

  // The sidebar: "Keep editing" stays on the form with the edit, focus back on what was pressed.
  await name.fill('Northwind Studio');
  await nav.getByRole('button', { name: 'Pipeline' }).click();
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText('What you changed in this form has not been saved.');
  await snap(page, 'settings-leave-prompt-light-en');
  await prompt.getByRole('button', { name: 'Keep editing' }).click();
  await expect(prompt).toBeHidden();
  await expect(mainHeading(page)).toHaveText('Settings');
  await expect(name).toHaveValue('Northwind Studio');
  await expect(nav.getByRole('button', { name: 'Pipeline' })).toBeFocused();

  // Another tab, by keyboard: the arrows only move along the tabs; Enter asks; Escape keeps editing.
  const profileTab = page.getByRole('tab', { name: 'Workspace profile', exact: true });
  await profileTab.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Hubs', exact: true })).toBeFocused();
  await expect(profileTab).toHaveAttribute('aria-selected', 'true');
  await expect(prompt).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(prompt).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(prompt).toBeHidden();
  await expect(profileTab).toHaveAttribute('aria-selected', 'true');
  await expect(name).toHaveValue('Northwind Studio');

  // The command palette (Ctrl+K): keeping returns focus to the form, the palette being gone.
  await openPalette(page);
  await page.getByTestId('command-palette').getByRole('combobox').fill('Capacity');
  await page.keyboard.press('Enter');
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: 'Keep editing' }).click();
  await expect(mainHeading(page)).toHaveText('Settings');
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('Northwind Studio');

  // "Discard changes" leaves, and nothing was saved.
  await nav.getByRole('button', { name: 'Pipeline' }).click();
  await prompt.getByRole('button', { name: 'Discard changes' }).click();
  await expect(mainHeading(page)).toHaveText('Pipeline');
  expect((await coreCall<{ name: string }>(page, demoApp, 'settings/get')).name).toBe('Atalaya Demo Agency');

  // Scoring weights: switching tab asks; discarding opens the tab and drops the edit.
  const scoring = await openScoringTab(page);
  await scoring.getByLabel('Maximum points for Budget').fill('35');
  await page.getByRole('tab', { name: 'Hubs', exact: true }).click();
  await expect(prompt).toBeVisible();
  await snap(page, 'settings-scoring-leave-prompt-light-en');
  await prompt.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByRole('tab', { name: 'Hubs', exact: true })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Scoring', exact: true }).click();
  await expect(prompt).toBeHidden();
  await expect(scoring.getByLabel('Maximum points for Budget')).toHaveValue('25');

  // A saved segment in the sidebar: it opens only once discarding is agreed, and then without asking twice.
  await scoring.getByLabel('Maximum points for Budget').fill('35');
  const segment = page.getByTestId('segment-link').filter({ hasText: 'Qualified' });
  await segment.click();
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: 'Discard changes' }).click();
  await expect(mainHeading(page)).toHaveText('Pipeline');
  await expect(prompt).toBeHidden();
  await expect(segment).toHaveAttribute('aria-current', 'true');
});

test('opening another workspace from the palette asks first, and the new one opens with its own profile', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  const other = await coreCall<{ path: string }>(page, demoApp, 'workspace/backup');
  const prompt = discardPrompt(page);
  const panel = await openSettings(page, 'Workspace profile');
  const name = panel.getByLabel('Workspace name');
  await name.fill('Northwind Studio');

  // The demo and "Open a workspace file…" leave the workspace: keeping stays with the edit.
  for (const command of ['Open the demo agency', 'Open a workspace file…']) {
    await openPalette(page);
    await page.getByTestId('command-palette').getByRole('combobox').fill(command);
    await page.keyboard.press('Enter');
    await expect(prompt).toBeVisible();
    await prompt.getByRole('button', { name: 'Keep editing' }).click();
    await expect(prompt).toBeHidden();
    await expect(page.getByTestId('open-workspace-dialog')).toBeHidden();
    await expect(page.getByRole('dialog', { name: 'Opening the demo agency' })).toBeHidden();
    await expect(name).toHaveValue('Northwind Studio');
  }

  // Discarding opens the file: its profile shows what it saved, not the name typed in the other one.
  await openPalette(page);
  await page.getByTestId('command-palette').getByRole('combobox').fill('Open a workspace file…');
  await page.keyboard.press('Enter');
  await prompt.getByRole('button', { name: 'Discard changes' }).click();
  const dialog = page.getByTestId('open-workspace-dialog');
  await dialog.getByLabel('Path of the workspace file').fill(other.path);
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(toasts(page)).toContainText('Opened Atalaya Demo Agency');
  await expect(mainHeading(page)).toHaveText('Settings');
  await expect(page.getByLabel('Workspace name')).toHaveValue('Atalaya Demo Agency');
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeDisabled();
});

test('opening a workspace from the native menu or the OS asks first too, and opens it once changes are discarded', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  const other = await coreCall<{ path: string }>(page, demoApp, 'workspace/backup');
  const first = await coreCall<{ path: string }>(page, demoApp, 'workspace/current');
  const prompt = discardPrompt(page);
  const panel = await openSettings(page, 'Workspace profile');
  const name = panel.getByLabel('Workspace name');
  await name.fill('Northwind Studio');

  // What Electron's main process sends its window for File → Open Workspace…, a file opened with Atalaya or a
  // second launch. Keeping stays with the edit, in the same workspace.
  demoApp.host.emit('host/openWorkspace', { path: other.path });
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: 'Keep editing' }).click();
  await expect(prompt).toBeHidden();
  await expect(name).toHaveValue('Northwind Studio');
  expect((await coreCall<{ path: string }>(page, demoApp, 'workspace/current')).path).toBe(first.path);

  // Discarding opens it.
  demoApp.host.emit('host/openWorkspace', { path: other.path });
  await prompt.getByRole('button', { name: 'Discard changes' }).click();
  await expect(toasts(page)).toContainText('Opened Atalaya Demo Agency');
  await expect
    .poll(async () => (await coreCall<{ path: string }>(page, demoApp, 'workspace/current')).path)
    .toBe(other.path);
  await expect(page.getByLabel('Workspace name')).toHaveValue('Atalaya Demo Agency');

  // With nothing unsaved it opens at once; a file that is not there says why.
  demoApp.host.emit('host/openWorkspace', { path: `${other.path}.missing` });
  await expect(toasts(page)).toContainText('.missing');
  await expect(prompt).toBeHidden();
});

test.describe('in Spanish, dark', () => {
  test.use({ locale: 'es-419', colorScheme: 'dark' });

  test('leaving the profile with a change asks in Spanish', async ({ page, demoApp }) => {
    await demoApp.open(page);
    const nav = page.getByRole('navigation', { name: 'Principal' });
    await nav.getByRole('button', { name: 'Configuración' }).click();
    await page.getByLabel('Nombre del espacio de trabajo').fill('Estudio Norte');
    await nav.getByRole('button', { name: 'Embudo' }).click();
    const prompt = discardPrompt(page);
    await expect(prompt).toContainText('Lo que cambiaste en este formulario no se ha guardado.');
    await expect(prompt.getByRole('button', { name: 'Seguir editando' })).toBeVisible();
    await snap(page, 'settings-leave-prompt-dark-es');
    await prompt.getByRole('button', { name: 'Descartar cambios' }).click();
    await expect(mainHeading(page)).toHaveText('Embudo');
  });
});

test.describe('in Spanish, in the smallest window (1024 × 680)', () => {
  test.use({ locale: 'es-419', viewport: { width: 1024, height: 680 } });

  test('every Settings tab keeps its label on one line, all within the tab bar', async ({ page, demoApp }) => {
    await demoApp.open(page);
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('button', { name: 'Configuración' }).click();
    const list = page.getByRole('tablist', { name: /./ }).first();
    const tabs = list.getByRole('tab');
    await expect(tabs).toHaveCount(7);
    const first = (await tabs.first().boundingBox())!;
    for (const tab of await tabs.all()) {
      const box = (await tab.boundingBox())!;
      const name = await tab.textContent();
      expect(box.height, `${name}: its height`).toBe(first.height);
      // A label that breaks in two ("Catálogo de / servicios") is laid out as two line boxes.
      const text = await tab.evaluate((el) => {
        const node = [...el.childNodes].find((n) => n.nodeType === 3 /* a text node */)!;
        const range = el.ownerDocument.createRange();
        range.selectNodeContents(node);
        return range.getClientRects().length;
      });
      expect(text, `${name}: its label on one line`).toBe(1);
    }
    const fits = await list.evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(fits, 'the tabs fit the bar').toBe(true);
  });

  test('Scoring gives each factor room for its name and hint, the bars narrowing instead', async ({
    page,
    demoApp,
  }) => {
    await demoApp.open(page);
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('button', { name: 'Configuración' }).click();
    await page.getByRole('tab', { name: 'Puntuación', exact: true }).click();
    const rows = page.getByTestId('scoring-tab').getByRole('table').first().locator('tbody tr');
    await expect(rows).toHaveCount(7);
    for (const row of await rows.all()) {
      const hint = row.locator('td').first().locator('p').nth(1);
      // Two lines at most: at 1024 wide the longest hint ("El presupuesto indicado frente al rango…") took four.
      const lines = await hint.evaluate((el) =>
        Math.round(el.clientHeight / Number.parseFloat(el.ownerDocument.defaultView!.getComputedStyle(el).lineHeight)),
      );
      expect(lines, `${await hint.textContent()}`).toBeLessThanOrEqual(2);
    }
  });
});
