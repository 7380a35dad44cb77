/**
 * Clients on the demo agency: the table with health and churn risk (sort,
 * filter, the top bar's hub filter, keyboard), saved views that survive a
 * reload, the client detail with every health factor explained, payment
 * terms, a suggested tier applied after confirmation, the client alerts, and
 * a new client refused field by field before it is added. Figures are
 * compared with what the core answers over HTTP.
 */
import type { Locator, Page } from '@playwright/test';
import type { ClientKpis } from '../../src/shared/kpis';
import type { ClientDetail, ClientList, ClientRow, ExplainedClientRow } from '../../src/shared/money';
import { expect, snap, test } from './fixtures';
import { chooseCustomPeriod, chooseHub, coreCall, expectAccessible, mainHeading, percentText, toasts } from './screens';

test.use({ locale: 'en-US', colorScheme: 'light', timezoneId: 'UTC', reducedMotion: 'reduce' });

const table = (page: Page) => page.getByRole('table', { name: 'Clients' });
const rows = (page: Page) => page.getByTestId('client-row');
const scores = async (page: Page) =>
  (await rows(page).getByTestId('client-score').allTextContents()).map((s) => Number(s.replace(/\D/g, '')));

async function openClients(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Clients' }).click();
  await expect(mainHeading(page)).toHaveText('Clients');
}

async function choose(page: Page, scope: Page | Locator, combobox: string, option: string) {
  await scope.getByRole('combobox', { name: combobox, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('the table shows every demo client with its health, sorts by health and filters', async ({ page, demoApp }) => {
  await demoApp.open(page);
  await openClients(page);
  const list = await coreCall<ClientList>(page, demoApp, 'clients/list');
  expect(list.clients.length).toBeGreaterThan(10);
  await expect(rows(page)).toHaveCount(list.clients.length);
  await expect(page.getByTestId('client-count')).toContainText(
    `${list.clients.length} clients · ${list.clients.filter((c) => c.health.status === 'at_risk').length} at risk`,
  );

  // A client's row carries its score and risk as the core computed them (word + icon, not colour alone).
  const sample = list.clients.find((c) => c.health.risk === 'high') ?? list.clients[0]!;
  const sampleRow = rows(page).filter({ hasText: sample.name }).first();
  await expect(sampleRow.getByTestId('client-score')).toHaveText(String(sample.health.score));
  await expect(sampleRow).toContainText({ low: 'Low', medium: 'Medium', high: 'High' }[sample.health.risk]);
  await snap(page, 'clients-table-light-en');

  // Sort by health: highest first, then lowest first.
  const health = table(page).getByRole('columnheader', { name: 'Health' });
  await health.getByRole('button').click();
  await expect(health).toHaveAttribute('aria-sort', 'descending');
  const all = list.clients.map((c) => c.health.score);
  expect((await scores(page))[0]).toBe(Math.max(...all));
  expect(await scores(page)).toEqual([...all].sort((a, b) => b - a));
  await health.getByRole('button').click();
  await expect(health).toHaveAttribute('aria-sort', 'ascending');
  expect(await scores(page)).toEqual([...all].sort((a, b) => a - b));

  // Filter: tier, then search, then the risk filter; "clear" brings everything back.
  await choose(page, page, 'Tier', 'Tier 1 · Enterprise');
  const tier1 = list.clients.filter((c) => c.tier === 1);
  await expect(rows(page)).toHaveCount(tier1.length);
  await expect(page.getByTestId('client-count')).toHaveText(
    `Showing ${tier1.length} of ${list.clients.length} clients`,
  );
  for (const c of tier1) await expect(rows(page).filter({ hasText: c.name })).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear filter' }).click();
  await expect(rows(page)).toHaveCount(list.clients.length);

  const target = list.clients[3]!;
  await page.getByRole('searchbox', { name: 'Search clients' }).fill(target.name.toLowerCase());
  await expect(rows(page).filter({ hasText: target.name })).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Search clients' }).fill('');

  await choose(page, page, 'Health', 'High risk');
  await expect(rows(page)).toHaveCount(list.clients.filter((c) => c.health.risk === 'high').length);
  await choose(page, page, 'Health', 'Any health');

  // Nothing matches: an empty state with the way out.
  await page.getByRole('searchbox', { name: 'Search clients' }).fill('zzz no such client');
  await expect(page.getByRole('heading', { name: 'No client matches' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows(page)).toHaveCount(list.clients.length);

  // The top bar's hub filter applies too.
  const hubs = await coreCall<{ id: number; name: string }[]>(page, demoApp, 'hubs/list');
  const hub = hubs.find((h) => list.clients.some((c) => c.hubId === h.id))!;
  await choose(page, page, 'Hub filter', hub.name);
  const inHub = list.clients.filter((c) => c.hubId === hub.id);
  await expect(rows(page)).toHaveCount(inHub.length);
  await expect(page.getByRole('combobox', { name: 'Hub', exact: true })).toBeDisabled();
  await choose(page, page, 'Hub filter', 'All hubs');
  await expect(rows(page)).toHaveCount(list.clients.length);
});

test('rows open with the keyboard: arrows move between rows, Enter opens the client', async ({ page, demoApp }) => {
  await demoApp.open(page);
  await openClients(page);
  await expect(rows(page).first()).toBeVisible();
  const second = (await rows(page).nth(1).locator('td').first().textContent())?.trim() ?? '';
  await rows(page).first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('client-detail');
  await expect(detail).toBeVisible();
  await expect(detail.getByRole('heading', { level: 2 }).first()).toHaveText(
    second.replace(/(At risk|Lapsed|Prospect)$/, '').trim(),
  );
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  // Focus returns to the row that opened it.
  await expect(rows(page).nth(1)).toBeFocused();
});

test('a long client list renders only the rows in view, and End and Home still reach the last and first rows', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  const hubs = await coreCall<{ id: number }[]>(page, demoApp, 'hubs/list');
  for (let i = 1; i <= 160; i++)
    await coreCall(page, demoApp, 'clients/create', {
      name: `Windowed Client ${String(i).padStart(3, '0')}`,
      tier: 3,
      vertical: 'media',
      hubId: hubs[0]!.id,
      country: 'PE',
      email: null,
    });
  const total = (await coreCall<{ clients: unknown[] }>(page, demoApp, 'clients/list')).clients.length;
  expect(total).toBeGreaterThan(200);
  await page.reload();
  await openClients(page);
  const table = page.getByRole('table', { name: 'Clients' });
  await expect(table).toHaveAttribute('aria-rowcount', String(total + 1));
  await expect(rows(page).first()).toBeVisible();
  expect(await rows(page).count()).toBeLessThan(80);
  const focused = page.locator('tr:focus');
  await rows(page).first().focus();
  await page.keyboard.press('End');
  await expect(focused).toHaveAttribute('aria-rowindex', String(total + 1));
  await expect(focused).toBeInViewport();
  await snap(page, 'clients-table-windowed-end-light-en');
  await page.keyboard.press('Home');
  await expect(focused).toHaveAttribute('aria-rowindex', '2');
  await expect(focused).toBeInViewport();
});

test('a saved view comes back after a reload, and can be deleted after confirming', async ({ page, demoApp }) => {
  await demoApp.open(page);
  await openClients(page);
  const list = await coreCall<ClientList>(page, demoApp, 'clients/list');
  await choose(page, page, 'Tier', 'Tier 2 · SME');
  const health = table(page).getByRole('columnheader', { name: 'Health' });
  await health.getByRole('button').click();
  await health.getByRole('button').click();
  await expect(health).toHaveAttribute('aria-sort', 'ascending');
  const tier2 = list.clients.filter((c) => c.tier === 2);
  await expect(rows(page)).toHaveCount(tier2.length);

  await page.getByRole('button', { name: 'Views' }).click();
  await expect(page.getByText('No saved views yet.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Save current view…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save view' });
  // An empty name is refused under the field.
  await dialog.getByRole('button', { name: 'Save view' }).click();
  await expect(dialog.getByLabel('View name')).toHaveAccessibleDescription('This field cannot be empty.');
  await dialog.getByLabel('View name').fill('SMEs, weakest first');
  await snap(page, 'clients-save-view-light-en');
  await dialog.getByRole('button', { name: 'Save view' }).click();
  await expect(dialog).toBeHidden();
  await expect(toasts(page).getByText('View SMEs, weakest first saved')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Saved view: SMEs, weakest first' })).toBeVisible();

  await page.reload();
  await expect(mainHeading(page)).toHaveText('Clients');
  await expect(rows(page)).toHaveCount(list.clients.length);
  await page.getByRole('button', { name: 'Views' }).click();
  await page.getByRole('button', { name: 'SMEs, weakest first', exact: true }).click();
  await expect(rows(page)).toHaveCount(tier2.length);
  await expect(page.getByRole('combobox', { name: 'Tier', exact: true })).toHaveText('Tier 2 · SME');
  await expect(table(page).getByRole('columnheader', { name: 'Health' })).toHaveAttribute('aria-sort', 'ascending');
  expect(await scores(page)).toEqual(tier2.map((c) => c.health.score).sort((a, b) => a - b));

  // Delete, after confirming (cancel first keeps it).
  await page.getByRole('button', { name: 'Saved view: SMEs, weakest first' }).click();
  await page.getByRole('button', { name: 'Delete view SMEs, weakest first' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete the view SMEs, weakest first?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect(await coreCall<unknown[]>(page, demoApp, 'views/list', { screen: 'clients' })).toHaveLength(1);
  await page.getByRole('button', { name: 'Saved view: SMEs, weakest first' }).click();
  await page.getByRole('button', { name: 'Delete view SMEs, weakest first' }).click();
  await confirm.getByRole('button', { name: 'Delete view' }).click();
  await expect(toasts(page).getByText('View SMEs, weakest first deleted')).toBeVisible();
  expect(await coreCall<unknown[]>(page, demoApp, 'views/list', { screen: 'clients' })).toHaveLength(0);
});

test('saved views are listed as names are read: accents with their letter, numbers as numbers, long names whole on hover', async ({
  page,
  demoApp,
}) => {
  const long = 'Enterprise clients with a subscription, weakest first';
  // The core keeps its own order (lower(name): "zona 10" before "zona 2", "Éxitos" after "Zona").
  for (const [i, name] of ['Zona 10', 'Éxitos', 'Alpha', 'Zona 2', long].entries())
    await coreCall(page, demoApp, 'views/save', { screen: 'clients', name, state: { tier: String((i % 3) + 1) } });
  await demoApp.open(page);
  await openClients(page);
  await page.getByRole('button', { name: 'Views' }).click();
  const list = page.getByRole('list', { name: 'Saved views' });
  await expect(list.getByRole('listitem')).toHaveText(['Alpha', long, 'Éxitos', 'Zona 2', 'Zona 10']);
  await expect(list.getByText(long, { exact: true })).toHaveAttribute('title', long);
});

/** What the detail must say about each factor, from the core's inputs (the same wording rules as the UI). */
function expectedFactorText(c: ExplainedClientRow): Record<string, RegExp> {
  const f = Object.fromEntries(c.health.factors.map((x) => [x.key, x]));
  const days = f.recency!.inputs.daysSinceLastDelivery;
  return {
    recency:
      days === null
        ? /No delivery yet/
        : days === 0
          ? /Delivered today/
          : new RegExp(`Last delivery ${days} days? ago`),
    frequency: new RegExp(`${f.frequency!.inputs.deliveredLast90Days} deliver(y|ies) in the last 90 days`),
    subscription: {
      active: /An active subscription/,
      paused: /paused/,
      cancelled: /cancelled/,
      none: /No subscription/,
    }[String(f.subscription!.inputs.status)]!,
  };
}

test('a client opens with every health factor explained, and its payment terms can be edited', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  await openClients(page);
  const list = await coreCall<ClientList>(page, demoApp, 'clients/list');
  const weakest = [...list.clients].sort((a, b) => a.health.score - b.health.score)[0]!;
  // The list carries the score; the factors behind it come with the client's detail.
  const client = await coreCall<ClientDetail>(page, demoApp, 'clients/get', { id: weakest.id });
  await rows(page).filter({ hasText: client.name }).first().click();
  const detail = page.getByTestId('client-detail');
  await expect(detail.getByRole('heading', { name: client.name, level: 2 })).toBeVisible();
  await expect(detail.getByTestId('health-score')).toHaveText(String(client.health.score));
  for (const factor of client.health.factors) {
    const item = detail.getByTestId(`factor-${factor.key}`);
    await expect(item).toContainText(`${factor.points} of ${factor.max} points`);
  }
  for (const [key, text] of Object.entries(expectedFactorText(client)))
    await expect(detail.getByTestId(`factor-${key}`)).toContainText(text);
  await expect(
    detail.getByText({ low: 'Low risk', medium: 'Medium risk', high: 'High risk' }[client.health.risk]).first(),
  ).toBeVisible();
  await snap(page, 'clients-detail-light-en');

  // The records behind it: invoices with status, number, total and balance.
  const get = await coreCall<{ invoices: { number: string | null }[] }>(page, demoApp, 'clients/get', {
    id: client.id,
  });
  await detail.getByRole('tab', { name: /Invoices/ }).click();
  await expect(detail.getByTestId('client-invoice')).toHaveCount(get.invoices.length);
  await detail.getByRole('tab', { name: /Satisfaction/ }).click();
  await expect(detail.getByTestId('satisfaction-trend')).toBeVisible();
  await detail.getByRole('tab', { name: /Activity/ }).click();

  // Payment terms: out of range is refused under the field, then a valid change is saved.
  const terms = detail.getByRole('form', { name: 'Payment terms' });
  const days = terms.getByLabel('Days to pay');
  const deposit = terms.getByLabel('Deposit');
  await expect(days).toHaveValue(String(client.paymentTermsDays));
  await days.fill('200');
  await terms.getByRole('button', { name: 'Save terms' }).click();
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  await expect(days).toHaveAccessibleDescription('Payment terms can be at most 180 days.');
  await deposit.fill('150');
  await deposit.blur();
  await expect(deposit).toHaveAccessibleDescription('The deposit cannot exceed 100%.');
  await snap(page, 'clients-terms-errors-light-en');
  await days.fill('45');
  await deposit.fill('25');
  await terms.getByRole('button', { name: 'Save terms' }).click();
  await expect(toasts(page).getByText('Payment terms saved')).toBeVisible();
  const after = await coreCall<ClientRow>(page, demoApp, 'clients/get', { id: client.id });
  expect([after.paymentTermsDays, after.depositPct]).toEqual([45, 25]);

  await page.reload();
  await openClients(page);
  await rows(page).filter({ hasText: client.name }).first().click();
  await expect(page.getByTestId('client-detail').getByLabel('Days to pay')).toHaveValue('45');
  await expect(page.getByTestId('client-detail').getByLabel('Deposit')).toHaveValue('25');
});

test('a tier suggested by actual spend is applied only after confirming', async ({ page, demoApp }) => {
  await demoApp.open(page);
  await openClients(page);
  const list = await coreCall<ClientList>(page, demoApp, 'clients/list');
  // The demo's tiers match their spend; give a repeat client the wrong tier so the spend disagrees.
  let client = list.clients.find((c) => c.suggestedTier !== null);
  const detail = page.getByTestId('client-detail');
  if (!client) {
    const repeat = list.clients.find((c) => c.projectsDelivered >= 2 && c.averageProjectMinor !== null)!;
    const wrong = repeat.tier === 1 ? 3 : 1;
    await rows(page).filter({ hasText: repeat.name }).first().click();
    await detail.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: `Edit ${repeat.name}` });
    await choose(page, edit, 'Tier', wrong === 1 ? 'Tier 1 · Enterprise' : 'Tier 3 · Startup');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect(edit).toBeHidden();
    await expect(toasts(page).getByText('Client saved')).toBeVisible();
    client = (await coreCall<ClientList>(page, demoApp, 'clients/list')).clients.find((c) => c.id === repeat.id)!;
    expect(client.tier).toBe(wrong);
    expect(client.suggestedTier).toBe(repeat.tier);
  } else {
    await rows(page).filter({ hasText: client.name }).first().click();
  }
  const suggested = client.suggestedTier!;
  const card = detail.getByTestId('tier-card');
  await expect(card).toContainText(`Actual spend suggests Tier ${suggested}`);
  await snap(page, 'clients-tier-suggestion-light-en');

  // Cancelling changes nothing.
  await card.getByRole('button', { name: `Apply tier ${suggested}` }).click();
  const confirm = page.getByRole('alertdialog', { name: `Move ${client.name} to Tier ${suggested}?` });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect((await coreCall<ClientRow>(page, demoApp, 'clients/get', { id: client.id })).tier).toBe(client.tier);

  await card.getByRole('button', { name: `Apply tier ${suggested}` }).click();
  await snap(page, 'clients-tier-confirm-light-en');
  await confirm.getByRole('button', { name: `Apply tier ${suggested}` }).click();
  await expect(confirm).toBeHidden();
  await expect(toasts(page).getByText(`${client.name} is now Tier ${suggested}`)).toBeVisible();
  await expect(card).not.toContainText('Actual spend suggests');
  expect((await coreCall<ClientRow>(page, demoApp, 'clients/get', { id: client.id })).tier).toBe(suggested);
  await page.keyboard.press('Escape');
  await expect(rows(page).filter({ hasText: client.name }).first()).toContainText(`T${suggested}`);
});

test('client alerts can be opened and dismissed', async ({ page, demoApp }) => {
  await demoApp.open(page);
  await openClients(page);
  const alerts = (
    await coreCall<{ id: number; rule: string; entityId: number; params: { clientName: string } }[]>(
      page,
      demoApp,
      'alerts/list',
    )
  ).filter((a) => a.rule.startsWith('client_'));
  test.skip(alerts.length === 0, 'the demo raised no client alert');
  const strip = page.getByTestId('client-alerts');
  await expect(strip.getByRole('heading')).toHaveText(`${alerts.length} client alert${alerts.length === 1 ? '' : 's'}`);
  const first = alerts[0]!;
  await strip
    .getByRole('button', { name: `Open ${first.params.clientName}` })
    .first()
    .click();
  await expect(page.getByTestId('client-detail').getByRole('heading', { name: first.params.clientName })).toBeVisible();
  await page.keyboard.press('Escape');
  await strip
    .getByRole('button', { name: `Dismiss the alert about ${first.params.clientName}` })
    .first()
    .click();
  await expect
    .poll(async () => (await coreCall<{ id: number }[]>(page, demoApp, 'alerts/list')).some((a) => a.id === first.id))
    .toBe(false);
  if (alerts.length > 1)
    await expect(strip.getByRole('heading')).toHaveText(
      `${alerts.length - 1} client alert${alerts.length === 2 ? '' : 's'}`,
    );
  else await expect(strip).toBeHidden();
});

test('a new client is refused field by field, then added and opened', async ({ page, demoApp }) => {
  await demoApp.open(page);
  await openClients(page);
  const before = (await coreCall<ClientList>(page, demoApp, 'clients/list')).clients.length;
  await page.getByRole('button', { name: 'New client', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'New client' });
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await dialog.getByRole('button', { name: 'Add client' }).click();
  await expect(dialog.getByLabel('Name')).toHaveAccessibleDescription('This field cannot be empty.');
  await expect(dialog.getByRole('combobox', { name: 'Vertical' })).toHaveAccessibleDescription('Choose a vertical.');
  await expect(dialog.getByRole('combobox', { name: 'Hub' })).toHaveAccessibleDescription('Choose a hub, or No hub.');
  await expect(dialog.getByLabel('Country')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Email').fill('not-an-email');
  await dialog.getByLabel('Days to pay').fill('-3');
  await dialog.getByLabel('Days to pay').blur();
  await expect(dialog.getByLabel('Email')).toHaveAccessibleDescription('That email address does not look right.');
  await expect(dialog.getByLabel('Days to pay')).toHaveAccessibleDescription('Payment terms cannot be negative.');
  await snap(page, 'clients-new-errors-light-en');

  await dialog.getByLabel('Name').fill('Quetzal Studio');
  await choose(page, dialog, 'Tier', 'Tier 2 · SME');
  await choose(page, dialog, 'Vertical', 'Media');
  await choose(page, dialog, 'Hub', 'Lima');
  await dialog.getByLabel('Country').fill('gt');
  await dialog.getByLabel('Email').fill('hola@quetzal.example');
  await dialog.getByLabel('Days to pay').fill('30');
  await dialog.getByLabel('Deposit').fill('20');
  await dialog.getByRole('button', { name: 'Add client' }).click();
  await expect(dialog).toBeHidden();
  await expect(toasts(page).getByText('Quetzal Studio added')).toBeVisible();
  const detail = page.getByTestId('client-detail');
  await expect(detail.getByRole('heading', { name: 'Quetzal Studio' })).toBeVisible();
  await expect(detail.getByTestId('factor-recency')).toContainText('No delivery yet.');
  await expect(detail).toContainText('Prospect');
  await page.keyboard.press('Escape');
  await expect(rows(page)).toHaveCount(before + 1);
  const created = (await coreCall<ClientList>(page, demoApp, 'clients/list')).clients.find(
    (c) => c.name === 'Quetzal Studio',
  )!;
  expect(created).toMatchObject({ tier: 2, vertical: 'media', country: 'GT', paymentTermsDays: 30, depositPct: 20 });

  // The same name again is refused by the core, under the field.
  await page.getByRole('button', { name: 'New client', exact: true }).click();
  await dialog.getByLabel('Name').fill('quetzal studio');
  await choose(page, dialog, 'Vertical', 'Media');
  await choose(page, dialog, 'Hub', 'No hub');
  await dialog.getByLabel('Country').fill('GT');
  await dialog.getByRole('button', { name: 'Add client' }).click();
  await expect(dialog.getByLabel('Name')).toHaveAccessibleDescription(/already exists/);

  // Escape on a form with unsaved input asks first: Keep editing keeps every field, Discard closes it.
  await page.keyboard.press('Escape');
  const discard = page.getByRole('alertdialog', { name: 'Discard your changes?' });
  await expect(discard).toBeVisible();
  await discard.getByRole('button', { name: 'Keep editing' }).click();
  await expect(discard).toBeHidden();
  await expect(dialog.getByLabel('Name')).toHaveValue('quetzal studio');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await discard.getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(rows(page)).toHaveCount(before + 1);
  // An untouched form closes at once.
  await page.getByRole('button', { name: 'New client', exact: true }).click();
  await expect(dialog.getByLabel('Name')).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(discard).toBeHidden();
});

test("the top bar's period and hub reach the clients' KPIs, each explained with its inputs", async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  await openClients(page);
  const strip = page.getByTestId('client-kpis');
  await chooseCustomPeriod(page, '2026-10-01', '2026-10-31');
  await expect(strip.getByTestId('kpi-range')).toHaveText(/Oct 1\s*–\s*31/);

  const kpis = (hubId: number | null) =>
    coreCall<ClientKpis>(page, demoApp, 'kpis/clients', { from: '2026-10-01', to: '2026-10-31', hubId });
  const pct = percentText;
  const tile = (name: string) => strip.getByTestId(`kpi-${name}`);
  const expectTiles = async (k: ClientKpis) => {
    expect(k.repeatRate.share, 'the demo delivers to clients in October').not.toBeNull();
    expect(k.retention?.retained.share, 'the demo has clients active in September').not.toBeNull();
    await expect(tile('newClients').getByTestId('kpi-value')).toHaveText(String(k.newClients));
    await expect(tile('repeatRate').getByTestId('kpi-value')).toHaveText(pct(k.repeatRate.share!));
    await expect(tile('repeatRate').getByTestId('kpi-detail')).toHaveText(
      `${k.repeatRate.part} of ${k.repeatRate.whole}`,
    );
    await expect(tile('upsellRate').getByTestId('kpi-value')).toHaveText(pct(k.upsellRate.share!));
    await expect(tile('upsellRate').getByTestId('kpi-detail')).toHaveText(
      `${k.upsellRate.part} of ${k.upsellRate.whole}`,
    );
    await expect(tile('retention').getByTestId('kpi-value')).toHaveText(pct(k.retention!.retained.share!));
    await expect(tile('retention').getByTestId('kpi-detail')).toHaveText('Oct against Sep');
  };
  const all = await kpis(null);
  expect(all.retention).toMatchObject({ month: '2026-10', previousMonth: '2026-09', through: '2026-10-31' });
  await expectTiles(all);

  await strip.getByRole('button', { name: 'How Client retention is computed' }).click();
  const how = page.getByRole('dialog', { name: 'How Client retention is computed' });
  await expect(how).toContainText('Clients active in the month before that are active this month');
  const r = all.retention!.retained;
  await expect(how.getByTestId('kpi-how')).toHaveText(
    `${r.part} of the ${r.whole} clients active in September 2026 were active in October 2026 ` +
      `(through Oct 31, 2026) = ${pct(r.share!)}. Churn: ${pct(1 - r.share!)}. ` +
      `Active in October 2026: ${all.retention!.active}.`,
  );
  await snap(page, 'clients-kpis-how-light-en');
  await page.keyboard.press('Escape');
  await expect(how).toBeHidden();

  const caracas = await kpis(await chooseHub(page, demoApp, 'Caracas'));
  expect(caracas.repeatRate.whole).toBeLessThan(all.repeatRate.whole);
  await expectTiles(caracas);
});

for (const scheme of ['light', 'dark'] as const) {
  for (const lang of ['en', 'es'] as const) {
    test.describe(`${scheme} theme, ${lang === 'en' ? 'English' : 'Spanish'}`, () => {
      test.use({ colorScheme: scheme, locale: lang === 'es' ? 'es-419' : 'en-US' });
      test(`the table, the detail and the satisfaction trend (${scheme}, ${lang})`, async ({ page, demoApp }) => {
        await demoApp.open(page);
        const title = lang === 'es' ? 'Clientes' : 'Clients';
        await page.getByRole('navigation').getByRole('button', { name: title }).click();
        await expect(mainHeading(page)).toHaveText(title);
        await expect(rows(page).first()).toBeVisible();
        // Search and the five filters fit one row at 1280 px ("Cualquier suscripción" too), no label cut.
        const bar = page.getByRole('search', { name: lang === 'es' ? 'Filtrar clientes' : 'Filter clients' });
        const tops = await bar
          .locator(':scope > *')
          .evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
        expect(tops).toHaveLength(6);
        expect(new Set(tops).size).toBe(1);
        for (const label of await bar.getByRole('combobox').locator('span.truncate').all())
          expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
        await snap(page, `clients-table-${scheme}-${lang}`);
        await expectAccessible(page, `clients table (${scheme}, ${lang})`);
        const list = await coreCall<ClientList>(page, demoApp, 'clients/list');
        const client = [...list.clients].sort((a, b) => a.health.score - b.health.score)[0]!;
        await rows(page).filter({ hasText: client.name }).first().click();
        const detail = page.getByTestId('client-detail');
        await expect(detail.getByTestId('health-score')).toHaveText(String(client.health.score));
        await snap(page, `clients-detail-${scheme}-${lang}`);
        await expectAccessible(page, `client detail (${scheme}, ${lang})`);
        // The satisfaction trend of the client with the most deliveries.
        await page.keyboard.press('Escape');
        const busiest = [...list.clients].sort((a, b) => b.projectsDelivered - a.projectsDelivered)[0]!;
        await rows(page).filter({ hasText: busiest.name }).first().click();
        await expect(detail.getByRole('heading', { name: busiest.name })).toBeVisible();
        await detail.getByRole('tab').nth(4).click();
        await expect(detail.getByTestId('satisfaction-trend')).toBeVisible();
        await detail.getByTestId('satisfaction-trend').scrollIntoViewIfNeeded();
        await snap(page, `clients-satisfaction-${scheme}-${lang}`);
        await expectAccessible(page, `client satisfaction (${scheme}, ${lang})`);
        // The new-client dialog with its errors showing.
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: lang === 'es' ? 'Nuevo cliente' : 'New client', exact: true }).click();
        const dialog = page.getByRole('dialog', { name: lang === 'es' ? 'Nuevo cliente' : 'New client' });
        await dialog.getByRole('button', { name: lang === 'es' ? 'Agregar cliente' : 'Add client' }).click();
        await expect(dialog.getByTestId('field-error').first()).toBeVisible();
        await snap(page, `clients-new-errors-${scheme}-${lang}`);
        await expectAccessible(page, `new client dialog (${scheme}, ${lang})`);
      });
    });
  }
}
