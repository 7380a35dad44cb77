/**
 * People added after the workspace's setup: the Capacity board's Add person dialog (from its toolbar, the empty
 * board and the command palette), its field messages with nothing saved, its discard question, and the new person
 * on the board and in the core with what was entered. Screenshots in light and dark, English and Spanish, at 1280
 * and 1024 wide.
 */
import type { Locator, Page } from '@playwright/test';
import type { CapacityMatrix } from '../../src/shared/capacity';
import type { Hub, Person } from '../../src/shared/contract';
import { type AtalayaApp, expect, snap, test } from './fixtures';
import {
  chooseHub,
  coreCall,
  createEmptyAgency,
  discardPrompt,
  expectAccessible,
  holdToasts,
  mainHeading,
  toastSaying,
} from './screens';

test.use({ locale: 'en-US', colorScheme: 'light', timezoneId: 'UTC', reducedMotion: 'reduce' });

const personRow = (page: Page, id: number) => page.locator(`[data-testid="capacity-person"][data-person-id="${id}"]`);
const dialogOf = (page: Page) => page.getByTestId('add-person-dialog');

async function openCapacity(page: Page, name = 'Capacity') {
  await page
    .getByRole('navigation', { name: /^(Main|Principal)$/ })
    .getByRole('button', { name, exact: true })
    .click();
  await expect(mainHeading(page)).toHaveText(name);
}

/** The workspace's today, as the core counts it (the board's). */
async function coreToday(page: Page, app: AtalayaApp): Promise<string> {
  const m = await coreCall<CapacityMatrix>(page, app, 'capacity/matrix', {
    from: '2026-01-05',
    granularity: 'week',
    count: 1,
  });
  return m.today;
}

async function choose(page: Page, scope: Locator, combobox: string, option: string) {
  await scope.getByRole('combobox', { name: combobox, exact: true }).click();
  await page.getByRole('listbox').getByRole('option', { name: option, exact: true }).click();
}

const people = (page: Page, app: AtalayaApp) => coreCall<Person[]>(page, app, 'people/list');

test('Add person: messages next to the fields and nothing saved, then the person on the board and in the core', async ({
  page,
  demoApp,
}) => {
  test.setTimeout(90_000);
  await demoApp.open(page);
  const before = await people(page, demoApp);
  const hubs = await coreCall<Hub[]>(page, demoApp, 'hubs/list');
  const lima = hubs.find((h) => h.name === 'Lima')!;
  const today = await coreToday(page, demoApp);
  await openCapacity(page);
  await expect(page.getByTestId('capacity-board')).toBeVisible();

  const opener = page.getByTestId('add-person-button');
  await expect(opener).toHaveText('Add person');
  await opener.click();
  const dialog = dialogOf(page);
  await expect(dialog.getByRole('heading', { name: 'Add a person' })).toBeVisible();
  await expect(dialog.getByLabel('Name', { exact: true })).toBeFocused();
  // What it opens with: 8 hours, Monday to Friday, from today, no end.
  await expect(dialog.getByLabel('Hours per day')).toHaveValue('8');
  const day = (name: string) => dialog.getByRole('button', { name, exact: true });
  for (const d of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])
    await expect(day(d)).toHaveAttribute('aria-pressed', 'true');
  for (const d of ['Saturday', 'Sunday']) await expect(day(d)).toHaveAttribute('aria-pressed', 'false');
  await expect(dialog.getByLabel('Start date', { exact: true })).toHaveAttribute('data-value', today);
  await expect(dialog.getByLabel(/^End date/)).toHaveAttribute('data-value', '');
  await expectAccessible(page, 'the Add person dialog');

  // Submitted empty (and with no hours, no working days): each field says what is wrong, and nothing is created.
  for (const d of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) await day(d).click();
  await dialog.getByLabel('Hours per day').fill('');
  await dialog.getByRole('button', { name: 'Add person', exact: true }).click();
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveAccessibleDescription('This field cannot be empty.');
  await expect(dialog.getByLabel('Role', { exact: true })).toHaveAccessibleDescription('This field cannot be empty.');
  await expect(dialog.getByLabel('Hours per day')).toHaveAccessibleDescription('Hours per day must be a number.');
  await expect(dialog.getByRole('group', { name: 'Working days' })).toHaveAccessibleDescription(
    'Choose at least one working day.',
  );
  await expect(dialog.getByLabel(/^Email/)).not.toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toBeVisible();
  expect((await people(page, demoApp)).length).toBe(before.length);
  // A wrong email is refused at its field too.
  await dialog.getByLabel(/^Email/).fill('ines.example.com');
  await dialog.getByRole('button', { name: 'Add person', exact: true }).click();
  await expect(dialog.getByLabel(/^Email/)).toHaveAccessibleDescription('That email address does not look right.');
  expect((await people(page, demoApp)).length).toBe(before.length);

  // Filled in: Lima (its time zone follows), 6 hours, Monday to Thursday; Enter adds.
  await dialog.getByLabel('Name', { exact: true }).fill('Inés Carrasco');
  await dialog.getByLabel('Role', { exact: true }).fill('Motion designer');
  await dialog.getByLabel(/^Email/).fill('ines@example.com');
  await choose(page, dialog, 'Hub', 'Lima');
  await expect(dialog.getByLabel('Time zone')).toHaveValue('America/Lima');
  await choose(page, dialog, 'Employment', 'Freelancer');
  await dialog.getByLabel('Hours per day').fill('6');
  for (const d of ['Monday', 'Tuesday', 'Wednesday', 'Thursday']) await day(d).click();
  await day('Thursday').focus();
  // The days answer to the keyboard: Space takes Thursday back off and on.
  await page.keyboard.press('Space');
  await expect(day('Thursday')).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Space');
  await expect(day('Thursday')).toHaveAttribute('aria-pressed', 'true');
  await expect(dialog.getByTestId('field-error')).toHaveCount(0);
  await dialog.getByLabel('Name', { exact: true }).press('Enter');

  const toast = toastSaying(page, 'Inés Carrasco added');
  await expect(toast).toBeVisible();
  await expect(dialog).toBeHidden();
  // Focus is back on the button that opened it.
  await expect(opener).toBeFocused();

  const after = await people(page, demoApp);
  expect(after.length).toBe(before.length + 1);
  const added = after.find((p) => p.name === 'Inés Carrasco');
  expect(added).toMatchObject({
    role: 'Motion designer',
    email: 'ines@example.com',
    hubId: lima.id,
    employmentType: 'freelancer',
    timeZone: 'America/Lima',
    hoursPerDay: 6,
    workdays: [1, 2, 3, 4],
    startDate: today,
    endDate: null,
  });
  // On the board without a reload, in Lima's group, with a week of 4 × 6 hours available.
  const row = personRow(page, added!.id);
  await expect(row).toBeVisible();
  await expect(row).toContainText('Inés Carrasco');
  const matrix = await coreCall<CapacityMatrix>(page, demoApp, 'capacity/matrix', {
    from: today,
    granularity: 'week',
    count: 13,
  });
  expect(matrix.people.find((p) => p.id === added!.id)?.hubId).toBe(lima.id);
});

test('with the hub filter on a hub: the dialog opens on that hub, and says where a person added elsewhere is', async ({
  page,
  demoApp,
}) => {
  test.setTimeout(90_000);
  await demoApp.open(page);
  await openCapacity(page);
  const copenhagen = await chooseHub(page, demoApp, 'Copenhagen');
  await expect(page.getByTestId('capacity-board')).toBeVisible();
  await page.getByTestId('add-person-button').click();
  const dialog = dialogOf(page);
  await expect(dialog.getByRole('combobox', { name: 'Hub', exact: true })).toHaveText('Copenhagen');
  await expect(dialog.getByLabel('Time zone')).toHaveValue('Europe/Copenhagen');
  await dialog.getByLabel('Name', { exact: true }).fill('Freja Lind');
  await dialog.getByLabel('Role', { exact: true }).fill('Designer');
  await choose(page, dialog, 'Hub', 'Lima');
  await expect(dialog.getByLabel('Time zone')).toHaveValue('America/Lima');
  await dialog.getByRole('button', { name: 'Add person', exact: true }).click();
  const toast = toastSaying(page, 'Freja Lind added');
  await expect(toast).toContainText('The hub filter shows only Copenhagen');
  const freja = (await people(page, demoApp)).find((p) => p.name === 'Freja Lind')!;
  expect(freja.hubId).not.toBe(copenhagen);
  await expect(personRow(page, freja.id)).toHaveCount(0);
});

test('closing Add person with a typed name asks first; the command palette opens it', async ({ page, demoApp }) => {
  test.setTimeout(90_000);
  await demoApp.open(page);
  const before = await people(page, demoApp);
  await openCapacity(page);
  await page.getByRole('tab', { name: 'Coverage' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Clients', exact: true }).click();
  await expect(mainHeading(page)).toHaveText('Clients');

  // From another section (and Capacity left on another tab): the palette's command (found by its Spanish words too) goes to Capacity's board and opens it.
  await page.keyboard.press('Control+k');
  const palette = page.getByTestId('command-palette');
  await palette.getByRole('combobox').fill('agregar persona');
  await expect(palette.getByRole('option', { name: 'Add person' })).toBeVisible();
  await palette.getByRole('combobox').fill('add person');
  await palette.getByRole('option', { name: 'Add person' }).click();
  const dialog = dialogOf(page);
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('capacity-board-tab')).toBeAttached();

  // Untouched, it closes at once, over Capacity's Board tab.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(discardPrompt(page)).toBeHidden();
  await expect(mainHeading(page)).toHaveText('Capacity');
  await expect(page.getByRole('tab', { name: 'Board' })).toHaveAttribute('aria-selected', 'true');
  // What opened it (the palette) is gone: focus lands on the board's own Add person button.
  await expect(page.getByTestId('add-person-button')).toBeFocused();

  // With a name typed, Escape asks; "Keep editing" keeps it; Cancel asks again and "Discard changes" closes it.
  await page.getByTestId('add-person-button').click();
  await dialog.getByLabel('Name', { exact: true }).fill('Tomás Ibarra');
  await page.keyboard.press('Escape');
  await expect(discardPrompt(page)).toBeVisible();
  await discardPrompt(page).getByRole('button', { name: 'Keep editing' }).click();
  await expect(discardPrompt(page)).toBeHidden();
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveValue('Tomás Ibarra');
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(discardPrompt(page)).toBeVisible();
  await discardPrompt(page).getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('add-person-button')).toBeFocused();

  // A start date half typed (no year yet) counts as a change too.
  await page.getByTestId('add-person-button').click();
  await dialog.getByLabel('Start date', { exact: true }).fill('06/20');
  await page.keyboard.press('Escape');
  await expect(discardPrompt(page)).toBeVisible();
  await discardPrompt(page).getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog).toBeHidden();

  expect((await people(page, demoApp)).length).toBe(before.length);
});

test('an empty workspace: the empty board adds the first person', async ({ page, emptyApp }) => {
  test.setTimeout(90_000);
  await createEmptyAgency(page, emptyApp);
  await emptyApp.open(page);
  await openCapacity(page);
  await expect(page.getByRole('heading', { name: 'No people yet' })).toBeVisible();
  // No dead end: the board says how to fill it, and does.
  await expect(page.getByText('Add them when you set up the workspace')).toHaveCount(0);
  await snap(page, 'people-empty-board-light-en');
  await page.getByRole('button', { name: 'Add a person' }).click();
  const dialog = dialogOf(page);
  await expect(dialog).toBeVisible();
  // The workspace's one hub, and its time zone.
  await expect(dialog.getByRole('combobox', { name: 'Hub', exact: true })).toHaveText('Lima');
  await expect(dialog.getByLabel('Time zone')).toHaveValue('America/Lima');
  // Remote (no hub): the time zone follows to the workspace's.
  await choose(page, dialog, 'Hub', 'No hub (remote)');
  await expect(dialog.getByLabel('Time zone')).toHaveValue('UTC');
  await choose(page, dialog, 'Hub', 'Lima');
  await dialog.getByLabel('Name', { exact: true }).fill('Ana Quispe');
  await dialog.getByLabel('Role', { exact: true }).fill('Editor');
  await dialog.getByRole('button', { name: 'Add person', exact: true }).click();
  await expect(toastSaying(page, 'Ana Quispe added')).toBeVisible();
  await expect(dialog).toBeHidden();

  const [ana] = await people(page, emptyApp);
  expect(ana).toMatchObject({ name: 'Ana Quispe', role: 'Editor', hoursPerDay: 8, workdays: [1, 2, 3, 4, 5] });
  await expect(personRow(page, ana!.id)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No people yet' })).toHaveCount(0);
  // The button that opened it is gone with the empty board: focus goes to the toolbar's.
  await expect(page.getByTestId('add-person-button')).toBeFocused();
});

test('in Spanish and dark: the dialog and the board with the new person', async ({ page, demoApp }) => {
  test.setTimeout(90_000);
  await demoApp.open(page);
  await coreCall(page, demoApp, 'prefs/set', { language: 'es' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await openCapacity(page, 'Capacidad');
  await page.getByRole('button', { name: 'Agregar persona' }).click();
  const dialog = dialogOf(page);
  await expect(dialog.getByRole('heading', { name: 'Agregar una persona' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'lunes' })).toHaveAttribute('aria-pressed', 'true');
  await expect(dialog.getByRole('button', { name: 'sábado' })).toHaveAttribute('aria-pressed', 'false');
  await dialog.getByRole('button', { name: 'Agregar persona', exact: true }).click();
  await expect(dialog.getByLabel('Nombre', { exact: true })).toHaveAccessibleDescription(
    'Este campo no puede quedar vacío.',
  );
  await snap(page, 'people-add-errors-dark-es');
  await expectAccessible(page, 'Agregar persona (oscuro)');

  await dialog.getByLabel('Nombre', { exact: true }).fill('Lucía Fernández');
  await dialog.getByLabel('Rol', { exact: true }).fill('Redactora');
  await choose(page, dialog, 'Sede', 'Copenhagen');
  await expect(dialog.getByLabel('Zona horaria')).toHaveValue('Europe/Copenhagen');
  await dialog.getByLabel('Horas por día').fill('7,5');
  await snap(page, 'people-add-filled-dark-es');
  await dialog.getByRole('button', { name: 'Agregar persona', exact: true }).click();
  const toast = toastSaying(page, 'Se agregó a Lucía Fernández');
  await expect(toast).toBeVisible();
  await holdToasts(toast);
  const lucia = (await people(page, demoApp)).find((p) => p.name === 'Lucía Fernández');
  expect(lucia).toMatchObject({ hoursPerDay: 7.5, timeZone: 'Europe/Copenhagen' });
  await expect(personRow(page, lucia!.id)).toBeVisible();
  await personRow(page, lucia!.id).scrollIntoViewIfNeeded();
  await snap(page, 'people-board-added-dark-es');
});

/** The dialog and the board with the new person in both themes and languages, at 1280×800 and 1024×680. */
for (const size of [
  { width: 1280, height: 800 },
  { width: 1024, height: 680 },
]) {
  test(`screens at ${size.width}×${size.height}: the dialog and the board, light and dark, English and Spanish`, async ({
    page,
    demoApp,
  }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(size);
    await demoApp.open(page);
    let n = 0;
    for (const lang of ['en', 'es'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        await coreCall(page, demoApp, 'prefs/set', { language: lang });
        await page.emulateMedia({ colorScheme: theme });
        await page.reload();
        await openCapacity(page, lang === 'en' ? 'Capacity' : 'Capacidad');
        await expect(page.getByTestId('capacity-board')).toBeVisible();
        await page.getByTestId('add-person-button').click();
        const dialog = dialogOf(page);
        await expect(dialog).toBeVisible();
        const name = `Persona Prueba ${++n}`;
        await dialog.getByLabel(lang === 'en' ? 'Name' : 'Nombre', { exact: true }).fill(name);
        await dialog.getByLabel(lang === 'en' ? 'Role' : 'Rol', { exact: true }).fill('Motion designer');
        await snap(page, `people-add-${theme}-${lang}-${size.width}`);
        await dialog
          .getByRole('button', { name: lang === 'en' ? 'Add person' : 'Agregar persona', exact: true })
          .click();
        await expect(dialog).toBeHidden();
        const person = (await people(page, demoApp)).find((p) => p.name === name)!;
        await expect(personRow(page, person.id)).toBeVisible();
        await personRow(page, person.id).scrollIntoViewIfNeeded();
        await page.mouse.move(5, 5);
        await snap(page, `people-board-${theme}-${lang}-${size.width}`);
      }
    }
  });
}
