/**
 * Saved segments on the demo agency, as a coordinator uses them: by keyboard
 * (the menu's items open their dialogs with focus where typing goes, and focus
 * comes back to the Segments button when they close), and under the top bar's
 * hub filter (a segment of one hub counts and shows none of another hub's
 * leads). Figures are compared with what the core answers over HTTP.
 */
import type { Page } from '@playwright/test';
import type { LeadFilter, LeadPage } from '../../src/shared/leads';
import type { SavedView } from '../../src/shared/money';
import { type AtalayaApp, expect, snap, test } from './fixtures';
import { chooseHub, coreCall, createQuitoHub, expectAccessible, mainHeading, toasts } from './screens';

test.use({ locale: 'en-US', colorScheme: 'light', timezoneId: 'UTC', reducedMotion: 'reduce' });

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

async function openPipeline(page: Page) {
  await nav(page).getByRole('button', { name: 'Pipeline' }).click();
  await expect(mainHeading(page)).toHaveText('Pipeline');
  await expect(page.getByTestId('lead-row').first()).toBeVisible();
}

/** Saves a segment of leads in the core (by default newest first, as the table sorts). */
function saveSegment(
  page: Page,
  app: AtalayaApp,
  name: string,
  filter: LeadFilter,
  search = '',
  column: 'created_at' | 'score' = 'created_at',
) {
  return coreCall<SavedView>(page, app, 'views/save', {
    screen: 'leads',
    name,
    state: { filter, search, sort: { column, direction: 'desc' } },
  });
}

/** Collapses the sidebar to icons and opens its segments menu from the keyboard; gives the menu. */
async function openCollapsedSegments(page: Page, text: { main: string; collapse: string; segments: string }) {
  const sidebar = page.getByRole('navigation', { name: text.main });
  await sidebar.getByRole('button', { name: text.collapse }).click();
  await expect(sidebar.getByTestId('segment-link')).toHaveCount(0);
  await sidebar.getByRole('button', { name: text.segments }).focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: text.segments });
  await expect(menu).toBeVisible();
  return menu;
}

/** What the table shows once a segment of `filter` and `search` is open: its leads of all the workspace's. */
async function expectTableShows(page: Page, app: AtalayaApp, filter: LeadFilter, search: string) {
  const total = async (f: LeadFilter, q = '') =>
    (await coreCall<LeadPage>(page, app, 'leads/query', { filter: f, search: q, limit: 1 })).total;
  await expect(page.getByTestId('lead-total')).toHaveText(
    `Showing ${await total(filter, search)} of ${await total({})} leads`,
  );
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

  // The same name again replaces that segment: the button says so before it is pressed, and the toast after.
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Save current view as segment…' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('everything');
  await expect(save).toContainText('Saving replaces the segment “Everything”.');
  await expect(save.getByRole('button', { name: 'Save segment' })).toHaveCount(0);
  await save.getByRole('button', { name: 'Replace segment' }).click();
  await expect(save).toBeHidden();
  await expect(toasts(page)).toContainText('Segment “everything” replaced');
  const replaced = await coreCall<SavedView[]>(page, demoApp, 'views/list', { screen: 'leads' });
  expect(replaced.map((v) => [v.id, v.name])).toEqual([[saved[0]!.id, 'everything']]);
  await expect(button).toBeFocused();

  // Delete: the confirmation takes focus; cancelling, then confirming, gives it back to the button.
  for (const answer of ['Cancel', 'Delete segment']) {
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Delete segment everything' }).focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('alertdialog', { name: 'Delete the segment “everything”?' });
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await confirm.getByRole('button', { name: answer }).press('Enter');
    await expect(confirm).toBeHidden();
    await expect(button).toBeFocused();
  }
  expect(await coreCall<SavedView[]>(page, demoApp, 'views/list', { screen: 'leads' })).toEqual([]);
});

test('rename a segment from the menu: its filters and count stay; a name another segment has is refused', async ({
  page,
  demoApp,
}) => {
  for (const name of ['Referrals', 'Lost'])
    await saveSegment(page, demoApp, name, {
      channels: name === 'Lost' ? [] : ['referral'],
      stages: name === 'Lost' ? ['lost'] : [],
    });
  const referrals = await coreCall<LeadPage>(page, demoApp, 'leads/query', {
    filter: { channels: ['referral'] },
    limit: 1,
  });
  await demoApp.open(page);
  await openPipeline(page);
  const button = page.getByTestId('segments-button');
  await button.click();
  await page.getByRole('button', { name: 'Rename segment Referrals' }).click();
  const dialog = page.getByTestId('save-segment-dialog');
  await expect(dialog.getByRole('heading', { name: 'Rename “Referrals”' })).toBeVisible();
  const field = dialog.getByLabel('Segment name');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('Referrals');
  // A name another segment has: said under the field, and refused by the core.
  await field.fill('lost');
  await expect(dialog).toContainText('Another segment is called “Lost”: choose another name.');
  await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(dialog.getByTestId('field-error')).toHaveText(
    'Another one is already called "Lost"; choose another name.',
  );
  await field.fill('Warm referrals');
  await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
  await expect(toasts(page)).toContainText('Segment renamed to “Warm referrals”');
  const link = nav(page).getByTestId('segment-link').filter({ hasText: 'Warm referrals' });
  await expect(link.getByTestId('segment-count')).toHaveAttribute('title', String(referrals.total));
  await link.click();
  await expect(page.getByRole('list', { name: 'Filters in force' })).toHaveText('Channel: Referral');
  const views = await coreCall<SavedView[]>(page, demoApp, 'views/list', { screen: 'leads' });
  expect(views.map((v) => v.name)).toEqual(['Lost', 'Warm referrals']);
});

test('a search typed just before a segment is opened is dropped: the table shows the segment alone', async ({
  page,
  demoApp,
}) => {
  // A segment with a search of its own: the first word of a referral's company.
  const first = await coreCall<LeadPage>(page, demoApp, 'leads/query', {
    filter: { channels: ['referral'] },
    limit: 1,
  });
  const word = first.rows[0]!.company.split(' ')[0]!;
  await saveSegment(page, demoApp, 'All referrals', { channels: ['referral'] });
  await saveSegment(page, demoApp, `${word} referrals`, { channels: ['referral'] }, word);
  await demoApp.open(page);
  await openPipeline(page);
  const search = page.getByRole('searchbox', { name: 'Search leads' });
  const inForce = page.getByRole('list', { name: 'Filters in force' });
  for (const [name, saved] of [
    ['All referrals', ''],
    [`${word} referrals`, word],
  ] as const) {
    // Typed, then the segment clicked at once: well inside the search box's pause before it searches.
    await search.fill('zzz');
    await nav(page).getByTestId('segment-link').filter({ hasText: name }).click();
    await expect(search).toHaveValue(saved);
    await expect(inForce).toHaveText('Channel: Referral');
    // Past that pause, what was typed still does not land on the segment.
    await page.waitForTimeout(400);
    await expect(search).toHaveValue(saved);
    await expectTableShows(page, demoApp, { channels: ['referral'] }, saved);
  }
  // Clearing the filters and search clears what was being typed too.
  await search.fill('zzz');
  await page.getByRole('button', { name: 'Clear filters', exact: true }).click();
  await expect(search).toHaveValue('');
  await page.waitForTimeout(400);
  await expect(search).toHaveValue('');
  const all = await coreCall<LeadPage>(page, demoApp, 'leads/query', { filter: {}, limit: 1 });
  await expect(page.getByTestId('lead-total')).toHaveText(`${all.total} leads`);
});

test('the sidebar collapsed to icons keeps the segments a keypress away, with their counts', async ({
  page,
  demoApp,
}) => {
  await saveSegment(page, demoApp, 'Referrals', { channels: ['referral'] });
  await saveSegment(page, demoApp, 'Lost', { stages: ['lost'] });
  const total = async (filter: LeadFilter) =>
    (await coreCall<LeadPage>(page, demoApp, 'leads/query', { filter, limit: 1 })).total;
  const referrals = await total({ channels: ['referral'] });
  await demoApp.open(page);
  await expect(mainHeading(page)).not.toHaveText('Pipeline');
  const text = { main: 'Main', collapse: 'Collapse sidebar', segments: 'Saved segments' };
  const menu = await openCollapsedSegments(page, text);
  await expect(menu.getByRole('menuitem')).toHaveText([/^Lost/, /^Referrals/]);
  // Each with its count; the keyboard on the first.
  await expect(menu.getByRole('menuitem', { name: `Lost ${await total({ stages: ['lost'] })} leads` })).toBeFocused();
  await snap(page, 'sidebar-collapsed-segments-light-en');
  await expectAccessible(page, 'the collapsed sidebar with its segments menu open');

  // As a click on it in the expanded sidebar: the Pipeline shows the segment, and the keyboard is back on the button.
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: `Referrals ${referrals} leads` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(mainHeading(page)).toHaveText('Pipeline');
  await expect(page.getByRole('list', { name: 'Filters in force' })).toHaveText('Channel: Referral');
  await expectTableShows(page, demoApp, { channels: ['referral'] }, '');
  const trigger = nav(page).getByRole('button', { name: 'Saved segments' });
  await expect(trigger).toBeFocused();
  await snap(page, 'pipeline-collapsed-segment-open-light-en');
  await page.keyboard.press('Enter');
  await expect(menu.getByRole('menuitem', { name: /^Referrals/ })).toHaveAttribute('aria-current', 'true');
  await expect(menu.getByRole('menuitem', { name: /^Lost/ })).not.toHaveAttribute('aria-current');
});

test('two segments of the same leads in other orders: the Segments button names the one opened', async ({
  page,
  demoApp,
}) => {
  for (const [name, column] of [
    ['Referrals by date', 'created_at'],
    ['Referrals by score', 'score'],
  ] as const)
    await saveSegment(page, demoApp, name, { channels: ['referral'] }, '', column);
  await demoApp.open(page);
  await openPipeline(page);
  const button = page.getByTestId('segments-button');
  for (const name of ['Referrals by score', 'Referrals by date']) {
    const link = nav(page).getByTestId('segment-link').filter({ hasText: name });
    await link.click();
    await expect(link).toHaveAttribute('aria-current', 'true');
    await expect(button).toHaveAccessibleName(`Segment: ${name}`);
    await button.click();
    const menu = page.getByRole('dialog', { name: 'Saved segments' });
    await expect(menu.locator('[aria-current="true"]')).toHaveText(new RegExp(`^${name}\\d`));
    await page.keyboard.press('Escape');
  }
});

test("a segment of one hub counts none of another hub's leads when the top bar shows that hub", async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  const hubs = await coreCall<{ id: number; name: string }[]>(page, demoApp, 'hubs/list');
  const lima = hubs.find((h) => h.name === 'Lima')!.id;
  const caracas = hubs.find((h) => h.name === 'Caracas')!.id;
  await saveSegment(page, demoApp, 'Lost in Lima', { stages: ['lost'], hubIds: [lima] });
  const count = async (filter: object) =>
    (await coreCall<LeadPage>(page, demoApp, 'leads/query', { filter, limit: 1 })).total;
  const lostInLima = await count({ stages: ['lost'], hubIds: [lima] });
  const lostInCaracas = await count({ stages: ['lost'], hubIds: [caracas] });
  expect(lostInLima).toBeGreaterThan(0);
  expect(lostInCaracas).toBeGreaterThan(0);
  await page.reload();
  await openPipeline(page);
  const segment = nav(page).getByTestId('segment-link').filter({ hasText: 'Lost in Lima' });
  await expect(segment.getByTestId('segment-count')).toContainText(`${lostInLima} leads`);

  // The top bar shows Caracas: no lead lost in Lima is there, in the sidebar and in the table.
  await chooseHub(page, demoApp, 'Caracas');
  await expect(segment.getByTestId('segment-count')).toContainText('0 leads');
  await segment.click();
  await expect(page.getByTestId('lead-total')).toHaveText(`Showing 0 of ${await count({ hubIds: [caracas] })} leads`);
  await expect(page.getByTestId('lead-row')).toHaveCount(0);
  await expect(
    page.getByText('Nothing matches in Caracas. Try fewer filters, or choose All hubs in the top bar.'),
  ).toBeVisible();
  // No row, so no order to name.
  await expect(page.getByTestId('lead-sort-note')).toHaveCount(0);
  // The segment's hub shows as a filter in force; removing it leaves the leads lost in Caracas.
  const inForce = page.getByRole('list', { name: 'Filters in force' });
  await expect(inForce).toContainText('Hub: Lima');
  await inForce.getByRole('button', { name: 'Remove filter: Hub: Lima' }).click();
  await expect(page.getByTestId('lead-total')).toHaveText(
    `Showing ${lostInCaracas} of ${await count({ hubIds: [caracas] })} leads`,
  );

  // The top bar shows Lima: the segment counts and shows its leads.
  await chooseHub(page, demoApp, 'Lima');
  await expect(segment.getByTestId('segment-count')).toContainText(`${lostInLima} leads`);
  await segment.click();
  await expect(page.getByTestId('lead-total')).toHaveText(
    `Showing ${lostInLima} of ${await count({ hubIds: [lima] })} leads`,
  );
});

test('every segment gets its count, past the fifty one call of the core counts', async ({ page, demoApp }) => {
  await demoApp.open(page);
  const stages = ['new', 'qualified', 'proposal', 'won', 'lost'] as const;
  // Sixty segments, each of one stage, named so the sidebar lists them in this order.
  for (let i = 1; i <= 60; i++)
    await saveSegment(page, demoApp, `Segment ${String(i).padStart(2, '0')}`, { stages: [stages[i % 5]!] });
  const byStage = new Map<string, number>();
  for (const stage of stages)
    byStage.set(
      stage,
      (await coreCall<LeadPage>(page, demoApp, 'leads/query', { filter: { stages: [stage] }, limit: 1 })).total,
    );
  await page.reload();
  await openPipeline(page);
  const counts = nav(page).getByTestId('segment-count');
  await expect(counts).toHaveCount(60);
  for (const i of [1, 50, 51, 60])
    await expect(counts.nth(i - 1), `Segment ${i}`).toHaveAttribute('title', String(byStage.get(stages[i % 5]!)));
});

test('a count the core could not make says why, instead of waiting for ever', async ({ page, demoApp }) => {
  await saveSegment(page, demoApp, 'Referrals', { channels: ['referral'] });
  await page.route('**/api/call', async (route) => {
    if ((route.request().postDataJSON() as { method?: string } | null)?.method === 'leads/segmentCounts')
      await route.fulfill({ json: { ok: false, error: { code: 'INTERNAL', message: 'The disk is full.' } } });
    else await route.continue();
  });
  await demoApp.open(page);
  const count = nav(page).getByTestId('segment-link').filter({ hasText: 'Referrals' }).getByTestId('segment-count');
  await expect(count).toHaveText("—Couldn't count: The disk is full.");
  await expect(count).toHaveAttribute('title', "Couldn't count: The disk is full.");
  await page.unroute('**/api/call');
});

test('a segment of a hub deleted since says so in its filter chip', async ({ page, demoApp }) => {
  const hub = await createQuitoHub(page, demoApp);
  await saveSegment(page, demoApp, 'Quito leads', { hubIds: [hub.id] });
  await coreCall(page, demoApp, 'hubs/delete', { id: hub.id });
  await demoApp.open(page);
  await openPipeline(page);
  await nav(page).getByTestId('segment-link').filter({ hasText: 'Quito leads' }).click();
  await expect(page.getByRole('list', { name: 'Filters in force' })).toContainText('Hub: a deleted hub');
});

test.describe('in Spanish, dark', () => {
  test.use({ locale: 'es-419', colorScheme: 'dark' });

  test('a cell its column cuts short ("Comercio elec…") reads whole on hover', async ({ page, demoApp }) => {
    await demoApp.open(page);
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('button', { name: 'Embudo' }).click();
    await expect(page.getByTestId('lead-row').first()).toBeVisible();
    await page.getByTestId('filters-button').click();
    await page
      .getByRole('dialog', { name: 'Filtrar prospectos' })
      .getByRole('button', { name: 'Comercio electrónico' })
      .click();
    await page.keyboard.press('Escape');
    await page.getByTestId('columns-button').click();
    await page.getByRole('dialog', { name: 'Columnas visibles' }).getByRole('checkbox', { name: 'Sector' }).check();
    await page.keyboard.press('Escape');
    const cell = page.getByTestId('lead-row').first().getByText('Comercio electrónico', { exact: true });
    const cut = await cell.evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(cut, 'the column cuts the vertical short').toBe(true);
    await expect(cell).toHaveAttribute('title', 'Comercio electrónico');
  });

  test('segments are listed as Spanish orders names: accents with their letter, Ñ after N, numbers as numbers', async ({
    page,
    demoApp,
  }) => {
    for (const name of ['Zona 10', 'Oro', 'Éxitos', 'Ñandú', 'Zona 2', 'Nube'])
      await saveSegment(page, demoApp, name, {});
    const order = ['Éxitos', 'Nube', 'Ñandú', 'Oro', 'Zona 2', 'Zona 10'];
    await demoApp.open(page);
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('button', { name: 'Embudo' }).click();
    await expect(page.getByTestId('lead-row').first()).toBeVisible();
    await expect(page.getByTestId('segment-link')).toHaveText(order.map((name) => new RegExp(`^${name}\\d`)));
    await page.getByTestId('segments-button').click();
    const menu = page.getByRole('dialog', { name: 'Segmentos guardados' });
    await expect(menu.getByRole('listitem')).toHaveText(order.map((name) => new RegExp(`^${name}\\d`)));
  });

  test('the sidebar collapsed to icons lists the segments in a menu', async ({ page, demoApp }) => {
    await saveSegment(page, demoApp, 'Referidos', { channels: ['referral'] });
    await saveSegment(page, demoApp, 'Perdidos en todas las sedes, de este año y del anterior', { stages: ['lost'] });
    await demoApp.open(page);
    const text = { main: 'Principal', collapse: 'Contraer barra lateral', segments: 'Segmentos guardados' };
    const menu = await openCollapsedSegments(page, text);
    await expect(menu.getByRole('menuitem')).toHaveText([/^Perdidos en todas/, /^Referidos/]);
    await snap(page, 'sidebar-collapsed-segments-dark-es');
    await menu.getByRole('menuitem', { name: /^Referidos/ }).click();
    await expect(page.getByRole('list', { name: 'Filtros aplicados' })).toHaveText('Canal: Referido');
    await snap(page, 'pipeline-collapsed-segment-open-dark-es');
  });

  test("the segments menu's entries fit their text: a long name shows whole on hover, the save entry on two lines", async ({
    page,
    demoApp,
  }) => {
    const name = 'Referidos calientes de socios y clientes antiguos en Copenhague';
    await saveSegment(page, demoApp, name.slice(0, 60), { channels: ['referral'] }, '', 'score');
    await demoApp.open(page);
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('button', { name: 'Embudo' }).click();
    await expect(page.getByTestId('lead-row').first()).toBeVisible();
    await page.getByTestId('segments-button').click();
    const menu = page.getByRole('dialog', { name: 'Segmentos guardados' });
    await expect(menu.getByTitle(name.slice(0, 60), { exact: true })).toBeVisible();
    const save = menu.getByRole('button', { name: 'Guardar la vista actual como segmento…' });
    const fits = await save.evaluate((el) => el.scrollHeight <= el.clientHeight);
    expect(fits, 'the save entry holds its text').toBe(true);
    await snap(page, 'pipeline-segments-menu-dark-es');
  });
});
