/**
 * Finance on the demo agency: expenses typed in the quick-entry row by keyboard
 * (a refused row first, then a saved one in the month's list and totals), void
 * and undo; the MRR table reconciles row by row; a fee change shows as an
 * expansion; FX rates are added, including from a "missing rate" banner.
 * Every tab is photographed in light and dark, English and Spanish.
 */
import type { Locator, Page } from '@playwright/test';
import type { FinanceKpis } from '../../src/shared/kpis';
import { expect, snap, test } from './fixtures';
import {
  chooseCustomPeriod,
  chooseHub,
  coreCall,
  createEmptyAgency,
  expectAccessible,
  intlDate,
  mainHeading,
  openPalette,
  plusDays,
  toasts,
} from './screens';

test.use({ locale: 'en-US', colorScheme: 'light', timezoneId: 'UTC', reducedMotion: 'reduce' });

async function openFinance(page: Page, tab: string, section = 'Finance', nav = 'Main') {
  await page.getByRole('navigation', { name: nav }).getByRole('button', { name: section }).click();
  await expect(mainHeading(page)).toHaveText(section);
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
  return page.getByRole('tabpanel', { name: tab, exact: true });
}

/** "$1,234.50" / "-$25" / "−$25" → minor units (cents). */
function cents(text: string): number {
  const clean = text.replace(/\s/g, '');
  const negative = /^[-−]|[-−]\$/.test(clean);
  const digits = clean.replace(/[^0-9.]/g, '');
  const value = Math.round(Number.parseFloat(digits) * 100);
  return negative ? -value : value;
}

async function moneyOf(locator: Locator): Promise<number> {
  return cents((await locator.textContent()) ?? '');
}

/** Picks an option of one of the app's selects (a combobox with a listbox). */
async function choose(page: Page, scope: Locator, combobox: string, option: string) {
  await scope.getByRole('combobox', { name: combobox, exact: true }).click();
  await page.getByRole('listbox').getByRole('option', { name: option, exact: true }).click();
}

const PICKER_WORDS = { 'en-US': ['month', 'year'], 'es-419': ['mes', 'año'] } as const;

/** A month (YYYY-MM) in the app's language: its name in a month picker, "julio" in Spanish. */
const monthName = (month: string, locale: keyof typeof PICKER_WORDS) =>
  new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));

/** Sets one of the app's month pickers (a month select and a year select) to `month`, YYYY-MM: its year first. */
async function pickMonth(
  page: Page,
  scope: Locator,
  label: string,
  month: string,
  locale: keyof typeof PICKER_WORDS = 'en-US',
) {
  const [monthWord, yearWord] = PICKER_WORDS[locale];
  await choose(page, scope, `${label}: ${yearWord}`, month.slice(0, 4));
  await choose(page, scope, `${label}: ${monthWord}`, monthName(month, locale));
}

/** YYYY-MM plus n months. */
function addMonths(month: string, n: number): string {
  const d = new Date(`${month}-15T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 7);
}

async function totalsReady(panel: Locator) {
  await expect(panel.getByTestId('total-all')).toContainText('$');
}

test('an expense typed by keyboard shows in the month’s list and totals; a refused row changes nothing', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  const panel = await openFinance(page, 'Expenses');
  await expect(panel.getByTestId('freelancer-hint')).toContainText('Freelancer and partner costs are not expenses');
  await totalsReady(panel);
  const rows = panel.getByTestId('expense-row');
  await expect(rows.first()).toBeVisible();
  const before = await rows.count();
  const totalBefore = await moneyOf(panel.getByTestId('total-all').locator('p').nth(1));
  const marketingBefore = await moneyOf(panel.getByTestId('total-marketing_sales').locator('p').nth(1));
  await snap(page, 'finance-expenses-light-en');

  const row = panel.getByRole('form', { name: 'New expense' });
  const description = row.getByLabel('Description');
  const amount = row.getByLabel('Amount');

  // Enter with nothing typed: refused field by field, nothing saved.
  await description.focus();
  await page.keyboard.press('Enter');
  const errors = row.getByTestId('field-error');
  await expect(errors).toContainText('Description: This field cannot be empty.');
  await expect(errors).toContainText('Category: Choose a category.');
  await expect(errors).toContainText('Amount: Enter the amount as a number.');
  await expect(description).toHaveAttribute('aria-invalid', 'true');

  // Everything by keyboard: description, category, hub, a zero amount (refused), then a real one.
  await page.keyboard.type('Drone rental, Lima shoot');
  await page.keyboard.press('Tab');
  await expect(row.getByLabel('Category')).toBeFocused();
  await page.keyboard.type('Marketing');
  await expect(row.getByLabel('Category')).toHaveText('Marketing and sales');
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await page.keyboard.press('Tab');
  await expect(row.getByLabel('Hub')).toBeFocused();
  await page.keyboard.type('Lima');
  await expect(row.getByLabel('Hub')).toHaveText('Lima');
  await page.keyboard.press('Tab');
  await expect(amount).toBeFocused();
  await page.keyboard.type('0');
  await page.keyboard.press('Enter');
  await expect(errors).toHaveText(/Amount: The amount must be more than zero\./);
  await expect(errors).not.toContainText('Description');
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await snap(page, 'finance-expenses-quick-entry-errors-light-en');
  await expect(rows).toHaveCount(before);
  expect(await moneyOf(panel.getByTestId('total-all').locator('p').nth(1))).toBe(totalBefore);

  await page.keyboard.press('Backspace');
  await page.keyboard.type('123.45');
  await page.keyboard.press('Enter');
  await expect(toasts(page).getByText('Expense added: Drone rental, Lima shoot')).toBeVisible();
  await expect(rows).toHaveCount(before + 1);
  const added = rows.filter({ hasText: 'Drone rental, Lima shoot' });
  await expect(added).toContainText('Marketing and sales');
  await expect(added).toContainText('Lima');
  await expect(added).toContainText('$123.45');
  await expect.poll(() => moneyOf(panel.getByTestId('total-all').locator('p').nth(1))).toBe(totalBefore + 12_345);
  expect(await moneyOf(panel.getByTestId('total-marketing_sales').locator('p').nth(1))).toBe(marketingBefore + 12_345);
  // Ready for the next one: the cursor is back in an empty description; category and hub stay.
  await expect(description).toBeFocused();
  await expect(description).toHaveValue('');
  await expect(amount).toHaveValue('');
  await expect(row.getByLabel('Category')).toHaveText('Marketing and sales');
  await expect(errors).toHaveCount(0);

  // Esc clears the row.
  await page.keyboard.type('Half-typed');
  await page.keyboard.press('Escape');
  await expect(description).toHaveValue('');
  await expect(row.getByLabel('Category')).toHaveText('Choose…');

  // The hub filter narrows the list and the totals to that hub's own expenses.
  await page.getByRole('combobox', { name: 'Hub filter' }).click();
  await page.getByRole('listbox').getByRole('option', { name: 'Lima' }).click();
  await expect(panel.getByText('Showing Lima’s expenses only (hub filter)')).toBeVisible();
  await expect(rows.filter({ hasText: 'Drone rental, Lima shoot' })).toHaveCount(1);
  for (const hub of await rows.locator('td:nth-child(4)').allTextContents()) expect(hub).toBe('Lima');
  const limaTotal = await moneyOf(panel.getByTestId('total-all').locator('p').nth(1));
  expect(limaTotal).toBeGreaterThanOrEqual(12_345);
  expect(limaTotal).toBeLessThan(totalBefore + 12_345);
  // A new row starts as the chosen hub's, so what is added stays in this list; back to all hubs, it is agency-wide.
  await expect(row.getByLabel('Hub')).toHaveText('Lima');
  await page.getByRole('combobox', { name: 'Hub filter' }).click();
  await page.getByRole('listbox').getByRole('option', { name: 'All hubs' }).click();
  await expect(row.getByLabel('Hub')).toHaveText('Agency-wide');

  // It is still there after a reload.
  await page.reload();
  const again = await openFinance(page, 'Expenses');
  await expect(again.getByTestId('expense-row').filter({ hasText: 'Drone rental, Lima shoot' })).toHaveCount(1);
});

test('a date field speaks the app’s language, not the browser’s: switched to Spanish, its calendar picks by keyboard', async ({
  page,
  demoApp,
}) => {
  // The browser stays English (a native date field would write "mm/dd/yyyy" and "December"); the app turns Spanish.
  await demoApp.open(page);
  await expect(mainHeading(page)).toBeVisible();
  await openPalette(page);
  await page.keyboard.type('Español');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  const panel = await openFinance(page, 'Gastos', 'Finanzas', 'Principal');
  const row = panel.getByRole('form', { name: 'Nuevo gasto' });
  const field = row.getByLabel('Fecha', { exact: true });
  const today = (await field.getAttribute('data-value')) ?? '';
  expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  // The date as the app writes it in Spanish ("7 dic 2026"), the typing order in its placeholder.
  await expect(field).toHaveValue(intlDate(today, 'es-419', { dateStyle: 'medium' }));
  await expect(field).toHaveAttribute('placeholder', 'dd/mm/aaaa');

  // The calendar: the month's Spanish name, weeks from Monday (lunes), today chosen and focused.
  await row.getByRole('button', { name: 'Abrir calendario' }).click();
  const calendar = page.getByRole('dialog', { name: 'Fecha: calendario' });
  const month = intlDate(today, 'es-419', { month: 'long' });
  await expect(calendar.getByRole('heading')).toHaveText(`${month} de ${today.slice(0, 4)}`);
  await expect(calendar.getByRole('columnheader')).toHaveText(
    ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'].map((d) => new RegExp(`${d}$`)),
  );
  const todayButton = calendar.getByRole('button', { name: intlDate(today, 'es-419', { dateStyle: 'full' }) });
  await expect(todayButton).toBeFocused();
  await expect(todayButton).toHaveAttribute('aria-current', 'date');
  await expect(todayButton).toHaveAttribute('aria-pressed', 'true');
  await snap(page, 'finance-expense-date-calendar-light-es');

  // The keyboard: a day on (or back, on a month's last days), then a week on and back, Enter picks it.
  const forward = Number(today.slice(8, 10)) < 28;
  const picked = plusDays(today, forward ? 1 : -1);
  await page.keyboard.press(forward ? 'ArrowRight' : 'ArrowLeft');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(calendar.getByRole('button', { name: intlDate(picked, 'es-419', { dateStyle: 'full' }) })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(calendar).toBeHidden();
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('data-value', picked);
  await expect(field).toHaveValue(intlDate(picked, 'es-419', { dateStyle: 'medium' }));
  // Escape closes it and gives the field back, the date untouched (after a look a year back and forth).
  await page.keyboard.press('Alt+ArrowDown');
  await expect(calendar).toBeVisible();
  const pickedMonth = intlDate(picked, 'es-419', { month: 'long' });
  const year = Number(picked.slice(0, 4));
  await calendar.getByRole('button', { name: 'Año anterior' }).click();
  await expect(calendar.getByRole('heading')).toHaveText(`${pickedMonth} de ${year - 1}`);
  await calendar.getByRole('button', { name: 'Año siguiente' }).click();
  await calendar.getByRole('button', { name: 'Año siguiente' }).click();
  await expect(calendar.getByRole('heading')).toHaveText(`${pickedMonth} de ${year + 1}`);
  await page.keyboard.press('Escape');
  await expect(calendar).toBeHidden();
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('data-value', picked);

  // Typed, in Spanish order (day first); a day that does not exist is refused, never taken for another.
  const [y, m, d] = picked.split('-');
  await field.fill(`${Number(d)}/${m}/${y}`);
  await field.blur();
  await expect(field).toHaveAttribute('data-value', picked);
  await field.fill(`31/02/${y}`);
  await field.blur();
  await expect(field).toHaveAttribute('data-value', '');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveValue(`31/02/${y}`);
  await field.fill(`${y}-${m}-${d}`);
  await field.blur();
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');

  // Saved with the date picked.
  await row.getByLabel('Descripción').fill('Alquiler de luces');
  await choose(page, row, 'Categoría', 'Otros');
  await row.getByLabel('Monto').fill('80');
  await row.getByLabel('Monto').press('Enter');
  await expect(toasts(page).getByText('Gasto agregado: Alquiler de luces')).toBeVisible();
  const added = panel.getByTestId('expense-row').filter({ hasText: 'Alquiler de luces' });
  await expect(added.locator('time')).toHaveAttribute('datetime', picked);
});

test('an expense still ahead this month is marked Scheduled and counted apart from what is spent', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  const panel = await openFinance(page, 'Expenses');
  await totalsReady(panel);
  const rows = panel.getByTestId('expense-row');
  await expect(rows.first()).toBeVisible();
  // Today as the app counts it: the quick-entry row's default date (the field's value, YYYY-MM-DD).
  const today =
    (await panel.getByRole('form', { name: 'New expense' }).getByLabel('Date').getAttribute('data-value')) ?? '';
  // A one-off expense later this month (or next, on a month's last day) is scheduled, not spent.
  const later = new Date(`${today}T12:00:00Z`);
  later.setUTCDate(later.getUTCDate() + 1);
  const laterDate = later.toISOString().slice(0, 10);
  const row = panel.getByRole('form', { name: 'New expense' });
  await row.getByLabel('Date').fill(laterDate);
  await row.getByLabel('Description').fill('Venue deposit');
  await choose(page, row, 'Category', 'Other');
  await row.getByLabel('Amount').fill('250');
  await row.getByLabel('Amount').press('Enter');
  await expect(toasts(page).getByText('Expense added: Venue deposit')).toBeVisible();
  if (laterDate.slice(0, 7) !== today.slice(0, 7)) await toasts(page).getByRole('button', { name: 'Show it' }).click();
  const venue = rows.filter({ hasText: 'Venue deposit' });
  await expect(venue.getByTestId('scheduled-marker')).toHaveText('Scheduled');

  // Every row dated after today carries the badge; none on or before today does.
  const dates = await rows.locator('time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime') ?? ''));
  const marked = await rows.evaluateAll((els) =>
    els.map((el) => !!el.querySelector('[data-testid="scheduled-marker"]')),
  );
  expect(dates.length).toBeGreaterThan(1);
  for (const [i, d] of dates.entries()) expect(marked[i], d).toBe(d > today);
  expect(marked.some((m) => m)).toBe(true);

  // The total splits into spent so far and scheduled, which add up to it.
  const total = panel.getByTestId('total-all');
  const spent = await moneyOf(total.getByTestId('total-spent').getByTestId('split-amount'));
  const scheduled = await moneyOf(total.getByTestId('total-scheduled').getByTestId('split-amount'));
  await expect(total.getByTestId('total-spent')).toContainText('spent so far');
  await expect(total.getByTestId('total-scheduled')).toContainText('scheduled');
  expect(scheduled).toBeGreaterThanOrEqual(25_000);
  expect(spent + scheduled).toBe(await moneyOf(total.locator('p').nth(1)));
  await snap(page, 'finance-expenses-scheduled-light-en');

  // A future month: all of it is scheduled. (Counted once its rows have replaced this month's: all dated in it.)
  const title = panel.getByRole('heading', { name: /^Expenses of / });
  const shown = (await title.textContent()) ?? '';
  const rowDates = () => rows.locator('time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime') ?? ''));
  const month = (await rowDates()).find((d) => d > today)!.slice(0, 7);
  await panel.getByRole('button', { name: 'Next month' }).click();
  await expect(title).not.toHaveText(shown);
  await expect
    .poll(async () => {
      const next = await rowDates();
      return next.length > 0 && next.every((d) => d.slice(0, 7) > month);
    })
    .toBe(true);
  await expect(rows.getByTestId('scheduled-marker')).toHaveCount(await rows.count());
  expect(await moneyOf(total.getByTestId('total-spent').getByTestId('split-amount'))).toBe(0);
});

test('the hub filter narrows subscriptions and MRR to that hub’s clients', async ({ page, demoApp }) => {
  await demoApp.open(page);
  const panel = await openFinance(page, 'Subscriptions & MRR');
  const subs = panel.getByTestId('subscription-row');
  await expect(subs.first()).toBeVisible();
  const allCount = await subs.count();
  const closing = () => moneyOf(panel.getByTestId('mrr-row').last().locator('[data-col="closing"]'));
  const allClosing = await closing();
  const allNames = await subs.locator('td:first-child').allTextContents();

  await page.getByRole('combobox', { name: 'Hub filter' }).click();
  await page.getByRole('listbox').getByRole('option', { name: 'Lima' }).click();
  await expect(panel.getByTestId('mrr-hub')).toHaveText('Showing Lima’s subscriptions and MRR only (hub filter)');
  await expect.poll(() => subs.count()).toBeLessThan(allCount);
  const limaNames = await subs.locator('td:first-child').allTextContents();
  for (const name of limaNames) expect(allNames).toContain(name);
  await expect.poll(closing).toBeLessThan(allClosing);
  // Still the same formula: every row reconciles and opens at the last closing.
  let last: number | null = null;
  for (const r of await panel.getByTestId('mrr-row').all()) {
    const cell = (col: string) => moneyOf(r.locator(`[data-col="${col}"]`));
    const parts = await Promise.all(['opening', 'new', 'expansion', 'contraction', 'churn', 'reactivation'].map(cell));
    expect(parts.reduce((a, b) => a + b, 0)).toBe(await cell('closing'));
    if (last !== null) expect(parts[0]).toBe(last);
    last = await cell('closing');
  }
  // The month axis names months without a bare number that reads as a day: "Jul", the year where it starts.
  const ticks = panel.getByTestId('mrr-month-tick');
  await expect.poll(() => ticks.count()).toBeGreaterThanOrEqual(3);
  const first = (await ticks.first().textContent()) ?? '';
  expect(first).toMatch(/^[A-Z][a-z]{2}20\d\d$/);
  for (const tick of (await ticks.allTextContents()).slice(1)) expect(tick).toMatch(/^[A-Z][a-z]{2}(20\d\d)?$/);
  await snap(page, 'finance-mrr-hub-light-en');

  // The Expenses tab follows the same filter.
  const expenses = await openFinance(page, 'Expenses');
  await expect(expenses.getByText('Showing Lima’s expenses only (hub filter)')).toBeVisible();
  for (const hub of await expenses.getByTestId('expense-row').locator('td:nth-child(4)').allTextContents())
    expect(hub).toBe('Lima');

  // A hub whose clients hold no subscription says so, in the list and in the chart.
  await page.getByRole('combobox', { name: 'Hub filter' }).click();
  await page.getByRole('listbox').getByRole('option', { name: 'Remote' }).click();
  const remote = await openFinance(page, 'Subscriptions & MRR');
  await expect(remote.getByText('No subscriptions in Remote')).toBeVisible();
  await expect(remote.getByText('No recurring revenue in Remote in these months')).toBeVisible();
  await expect(remote.getByTestId('subscription-row')).toHaveCount(0);
  await snap(page, 'finance-mrr-hub-empty-light-en');

  await page.getByRole('combobox', { name: 'Hub filter' }).click();
  await page.getByRole('listbox').getByRole('option', { name: 'All hubs' }).click();
  const back = await openFinance(page, 'Subscriptions & MRR');
  await expect(back.getByTestId('mrr-hub')).toHaveCount(0);
  await expect(back.getByTestId('subscription-row')).toHaveCount(allCount);
});

test("the top bar's period and hub reach Finance's KPIs: revenue, collected, expenses, days to collect", async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  const panel = await openFinance(page, 'Expenses');
  const strip = page.getByTestId('finance-kpis');
  await expect(strip).toBeVisible();
  // October, against September, as the core computes them.
  await chooseCustomPeriod(page, '2026-10-01', '2026-10-31');
  await expect(strip.getByTestId('kpi-range')).toHaveText(/Oct 1\s*–\s*31/);

  const kpis = (hubId: number | null) =>
    coreCall<FinanceKpis>(page, demoApp, 'kpis/finance', { from: '2026-10-01', to: '2026-10-31', hubId });
  const n = (v: number) => v.toLocaleString('en-US');
  const usd = (major: number, options: Intl.NumberFormatOptions = {}) =>
    major.toLocaleString('en-US', { style: 'currency', currency: 'USD', ...options });
  // A tile shows whole dollars up to $100,000 and compact above; its ⓘ the exact sum.
  const tile = (minor: number | null) => {
    expect(minor, 'the demo has every rate October needs').not.toBeNull();
    const major = (minor ?? 0) / 100;
    return Math.abs(major) >= 100_000
      ? usd(major, { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 })
      : usd(Math.round(major), { minimumFractionDigits: 0, maximumFractionDigits: 0 });
  };
  const plural = (count: number, word: string) => `${n(count)} ${word}${count === 1 ? '' : 's'}`;
  const value = (name: string) => strip.getByTestId(`kpi-${name}`).getByTestId('kpi-value');
  const detail = (name: string) => strip.getByTestId(`kpi-${name}`).getByTestId('kpi-detail');
  const expectTiles = async (k: FinanceKpis) => {
    await expect(value('revenue')).toHaveText(tile(k.revenue.valueMinor));
    const revenueDetail = `${n(k.revenue.projects)} deliv. · ${plural(k.revenue.subscriptions, 'sub')}`;
    await expect(detail('revenue')).toHaveText(revenueDetail);
    // Cut short or not, the line reads whole on hover.
    await expect(detail('revenue')).toHaveAttribute('title', revenueDetail);
    await expect(value('collected')).toHaveText(tile(k.collected.valueMinor));
    await expect(detail('collected')).toHaveText(plural(k.collected.payments, 'payment'));
    await expect(value('expenses')).toHaveText(tile(k.expenses.valueMinor));
    await expect(detail('expenses')).toHaveText(plural(k.expenses.expenses, 'expense'));
    expect(k.dso.days, 'the demo pays invoices off in October').not.toBeNull();
    await expect(value('dso')).toHaveText(`${n(Math.round((k.dso.days ?? 0) * 10) / 10)} d`);
    await expect(detail('dso')).toHaveText(`${plural(k.dso.invoices, 'invoice')} paid`);
  };
  const all = await kpis(null);
  expect(all.revenue.projects).toBeGreaterThan(0);
  expect(all.revenue.subscriptions).toBeGreaterThan(0);
  await expectTiles(all);

  // The ⓘ explains revenue with its two inputs and their exact sums.
  await strip.getByRole('button', { name: 'How Revenue is computed' }).click();
  const how = page.getByRole('dialog', { name: 'How Revenue is computed' });
  await expect(how).toContainText('days of the period it was active ÷ days in that calendar month');
  const exact = (minor: number | null) => usd((minor ?? 0) / 100);
  await expect(how.getByTestId('kpi-how')).toHaveText(
    `${exact(all.revenue.projectsMinor)} from ${plural(all.revenue.projects, 'project')} delivered + ` +
      `${exact(all.revenue.subscriptionsMinor)} from ${plural(all.revenue.subscriptions, 'subscription')} = ` +
      exact(all.revenue.valueMinor),
  );
  await snap(page, 'finance-kpis-how-light-en');
  await page.keyboard.press('Escape');
  await expect(how).toBeHidden();

  // One hub: its own records only.
  const lima = await kpis(await chooseHub(page, demoApp, 'Lima'));
  await expect(strip).toContainText('Lima');
  expect(lima.revenue.projects).toBeLessThan(all.revenue.projects);
  expect(lima.collected.payments).toBeLessThan(all.collected.payments);
  await expectTiles(lima);
  await page.mouse.move(0, 0);
  await snap(page, 'finance-kpis-lima-light-en');

  // This month: an expense recorded today shows in the strip at once.
  await page.getByRole('combobox', { name: 'Hub filter' }).click();
  await page.getByRole('listbox').getByRole('option', { name: 'All hubs' }).click();
  await page.getByRole('radiogroup', { name: 'Period' }).getByRole('radio', { name: 'This month' }).click();
  await expect(strip).toHaveAccessibleName(/^Finance, This month \(/);
  await totalsReady(panel);
  const expenses = Number(((await detail('expenses').textContent()) ?? '').replace(/\D/g, ''));
  const row = panel.getByRole('form', { name: 'New expense' });
  await row.getByLabel('Description').fill('Courier');
  await choose(page, row, 'Category', 'Other');
  await row.getByLabel('Amount').fill('25');
  await row.getByRole('combobox', { name: 'Currency' }).press('Enter');
  await expect(panel.getByTestId('expense-row').filter({ hasText: 'Courier' })).toHaveCount(1);
  await expect(detail('expenses')).toHaveText(plural(expenses + 1, 'expense'));
  await expectAccessible(page, 'finance KPIs');
});

test('voiding an expense can be undone from the toast', async ({ page, demoApp }) => {
  await demoApp.open(page);
  const panel = await openFinance(page, 'Expenses');
  await totalsReady(panel);
  const row = panel.getByRole('form', { name: 'New expense' });
  await row.getByLabel('Description').fill('Team lunch');
  await choose(page, row, 'Category', 'Other');
  await row.getByLabel('Amount').fill('40');
  // Enter on a closed select saves the row, like every other field (it does not open the list).
  await row.getByRole('combobox', { name: 'Currency' }).press('Enter');
  await expect(page.getByRole('listbox')).toHaveCount(0);
  const lunch = panel.getByTestId('expense-row').filter({ hasText: 'Team lunch' });
  await expect(lunch).toHaveCount(1);
  const total = await moneyOf(panel.getByTestId('total-all').locator('p').nth(1));

  await lunch.getByRole('button', { name: 'Void Team lunch' }).click();
  await expect(lunch).toHaveCount(0);
  const toast = toasts(page).locator('[data-sonner-toast]').filter({ hasText: 'Expense voided: Team lunch' });
  await expect(toast).toBeVisible();
  await expect.poll(() => moneyOf(panel.getByTestId('total-all').locator('p').nth(1))).toBe(total - 4_000);
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(toasts(page).getByText('Expense restored: Team lunch')).toBeVisible();
  await expect(lunch).toHaveCount(1);
  await expect.poll(() => moneyOf(panel.getByTestId('total-all').locator('p').nth(1))).toBe(total);
});

test('the MRR table reconciles: opening + movements = closing on every row', async ({ page, demoApp }) => {
  await demoApp.open(page);
  const panel = await openFinance(page, 'Subscriptions & MRR');
  const rows = panel.getByTestId('mrr-row');
  await expect(rows).toHaveCount(6);
  await expect(panel.getByTestId('mrr-chart').locator('svg').first()).toBeVisible();
  let lastClosing = 0;
  for (const row of await rows.all()) {
    const cell = (col: string) => moneyOf(row.locator(`[data-col="${col}"]`));
    const opening = await cell('opening');
    const moves = await Promise.all(['new', 'expansion', 'contraction', 'churn', 'reactivation'].map(cell));
    const closing = await cell('closing');
    expect(await cell('contraction')).toBeLessThanOrEqual(0);
    expect(await cell('churn')).toBeLessThanOrEqual(0);
    expect(opening + moves.reduce((a, b) => a + b, 0), `row ${await row.getAttribute('data-month')}`).toBe(closing);
    await expect(row.locator('[data-col="check"]')).toContainText('Opening plus movements equals closing');
    // Each month opens where the previous one closed.
    if (lastClosing) expect(opening).toBe(lastClosing);
    lastClosing = closing;
  }
  expect(lastClosing).toBeGreaterThan(0);
  await expect(panel.getByTestId('mrr-summary')).toContainText('MRR went from');
  await snap(page, 'finance-mrr-light-en');

  // A wider range: twelve rows, still reconciling.
  await panel.getByRole('radio', { name: '12 months' }).click();
  await expect(rows).toHaveCount(12);
});

test('a higher fee from today is an expansion movement, kept in the change history', async ({ page, demoApp }) => {
  await demoApp.open(page);
  const panel = await openFinance(page, 'Subscriptions & MRR');
  const subs = panel.getByTestId('subscription-row');
  const active = subs.filter({ has: page.getByTestId('subscription-status').filter({ hasText: 'Active' }) }).first();
  await expect(active).toBeVisible();
  const client = (await active.locator('td').first().textContent())?.trim() ?? '';
  const feeBefore = await moneyOf(active.locator('td').nth(2));
  const lastRow = panel.getByTestId('mrr-row').last();
  const expansionBefore = await moneyOf(lastRow.locator('[data-col="expansion"]'));

  await active.getByRole('button', { name: /^Change / }).click();
  await page.getByRole('menuitem', { name: 'Change fee…' }).click();
  const dialog = page.getByRole('dialog', { name: `Change the fee for ${client}` });
  await expect(dialog).toBeVisible();
  const fee = dialog.getByLabel('New monthly fee');
  // The same fee is not a change.
  await dialog.getByRole('button', { name: 'Change fee' }).click();
  await expect(fee).toHaveAccessibleDescription('The new fee is the same as the current one.');
  await fee.fill(String((feeBefore + 5_000) / 100));
  await expect(dialog.getByTestId('change-preview')).toContainText('MRR +$50.00');
  await expect(dialog.getByTestId('change-preview')).toContainText('an expansion');
  await snap(page, 'finance-subscription-change-light-en');
  await dialog.getByRole('button', { name: 'Change fee' }).click();
  await expect(dialog).toBeHidden();
  await expect(toasts(page).getByText(`New fee for ${client} from`)).toBeVisible();

  // The month's movements show the expansion; the table still reconciles.
  const movement = panel.getByTestId('mrr-movement').filter({ hasText: client }).filter({ hasText: 'Expansion' });
  await expect(movement).toContainText('+$50');
  await expect.poll(() => moneyOf(lastRow.locator('[data-col="expansion"]'))).toBe(expansionBefore + 5_000);
  const cell = (col: string) => moneyOf(lastRow.locator(`[data-col="${col}"]`));
  const sum = (
    await Promise.all(['opening', 'new', 'expansion', 'contraction', 'churn', 'reactivation'].map(cell))
  ).reduce((a, b) => a + b, 0);
  expect(sum).toBe(await cell('closing'));
  await expect(active.locator('td').nth(2)).toContainText(
    new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format((feeBefore + 5_000) / 100),
  );

  // The change log lists the new fee on top.
  await active.getByRole('button', { name: /^History of / }).click();
  const history = page.getByTestId('subscription-history');
  await expect(history.getByTestId('history-entry').first()).toContainText('Fee changed to');
  await expect(history.getByTestId('history-entry').last()).toContainText('Started at');
  await snap(page, 'finance-subscription-history-light-en');
});

test('a new subscription from today is new MRR in this month', async ({ page, demoApp }) => {
  await demoApp.open(page);
  const panel = await openFinance(page, 'Subscriptions & MRR');
  const subs = panel.getByTestId('subscription-row');
  await expect(subs.first()).toBeVisible();
  const count = await subs.count();
  const lastRow = panel.getByTestId('mrr-row').last();
  const newBefore = await moneyOf(lastRow.locator('[data-col="new"]'));

  await panel.getByRole('button', { name: 'New subscription' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New subscription' });
  // Nothing chosen: refused field by field.
  await dialog.getByRole('button', { name: 'Start subscription' }).click();
  await expect(dialog.getByRole('combobox', { name: 'Client' })).toHaveAccessibleDescription('Choose a client.');
  await expect(dialog.getByRole('combobox', { name: 'Service' })).toHaveAccessibleDescription('Choose a service.');
  // The client picker looks clients up by name; its first entry is "none".
  await dialog.getByRole('combobox', { name: 'Client' }).click();
  const option = page
    .getByRole('option')
    .filter({ hasNotText: /^(Choose a client|Andes Records|Brisa Goods)/ })
    .first();
  const client = ((await option.getByTestId('client-option-name').textContent()) ?? '').trim();
  await option.click();
  await expect(dialog.getByRole('combobox', { name: 'Client' })).toHaveValue(client);
  await dialog.getByRole('combobox', { name: 'Service' }).click();
  await page.getByRole('option', { name: 'Brand Asset Library' }).click();
  // The catalogue's range for the client's tier is the first suggestion; a fee of our own replaces it.
  await expect(dialog.getByLabel('Monthly fee')).not.toHaveValue('');
  await dialog.getByLabel('Monthly fee').fill('220');
  await snap(page, 'finance-subscription-new-light-en');
  await dialog.getByRole('button', { name: 'Start subscription' }).click();
  await expect(dialog).toBeHidden();
  await expect(toasts(page).getByText(`${client} subscribed to Brand Asset Library`)).toBeVisible();
  await expect(subs).toHaveCount(count + 1);
  await expect.poll(() => moneyOf(lastRow.locator('[data-col="new"]'))).toBeGreaterThanOrEqual(newBefore);
  const moved = panel.getByTestId('mrr-movement').filter({ hasText: client }).filter({ hasText: '+$220' });
  await expect(moved.first()).toBeVisible();
});

test('an empty workspace: each tab says what fills it', async ({ page, emptyApp }) => {
  await createEmptyAgency(page, emptyApp);
  await emptyApp.open(page);

  let panel = await openFinance(page, 'Subscriptions & MRR');
  await expect(panel.getByText('No subscriptions yet')).toBeVisible();
  await expect(panel.getByTestId('mrr-row')).toHaveCount(6);
  await expect(panel.getByTestId('mrr-movements-empty')).toBeVisible();
  await snap(page, 'finance-mrr-empty-light-en');

  panel = await openFinance(page, 'Expenses');
  await expect(panel.getByRole('heading', { name: /^No expenses in / })).toBeVisible();
  await expect(panel.getByTestId('total-all')).toContainText('$0.00');
  const row = panel.getByRole('form', { name: 'New expense' });
  await row.getByLabel('Description').fill('Domain and e-mail');
  await choose(page, row, 'Category', 'Infrastructure');
  await choose(page, row, 'Hub', 'Lima');
  await row.getByLabel('Amount').fill('12');
  await row.getByLabel('Monthly').click();
  await row.getByLabel('Amount').press('Enter');
  const added = panel.getByTestId('expense-row');
  await expect(added).toHaveCount(1);
  await expect(added).toContainText('Monthly');
  await expect(panel.getByTestId('total-infrastructure')).toContainText('$12.00');
  // A monthly expense is in next month too, until stopped.
  await panel.getByRole('button', { name: 'Next month' }).click();
  await expect(added).toHaveCount(1);
  await added.getByRole('button', { name: 'Stop recurring: Domain and e-mail' }).click();
  const stop = page.getByRole('dialog', { name: 'Stop “Domain and e-mail”' });
  await pickMonth(page, stop, 'Last month it counts in', await previousMonthOf(panel));
  await snap(page, 'finance-stop-recurrence-light-en');
  await stop.getByRole('button', { name: 'Stop recurring' }).click();
  await expect(stop).toBeHidden();
  await expect(added).toHaveCount(0);
  await panel.getByRole('button', { name: 'Previous month' }).click();
  await expect(added).toHaveCount(1);

  panel = await openFinance(page, 'Exchange rates');
  await expect(panel.getByText('No EUR rates yet')).toBeVisible();
});

/** The month before the one on screen, as YYYY-MM. */
async function previousMonthOf(panel: Locator): Promise<string> {
  const label = (await panel.getByTestId('month-label').textContent()) ?? '';
  const d = new Date(`1 ${label} 12:00 UTC`);
  return addMonths(d.toISOString().slice(0, 7), -1);
}

test('exchange rates: add one, and add a missing one from the banner that reported it', async ({ page, demoApp }) => {
  await demoApp.open(page);
  let panel = await openFinance(page, 'Exchange rates');
  await expect(panel.getByTestId('fx-unit-note')).toContainText('Rates are in USD per unit');
  await expect(panel.getByTestId('fx-row').first()).toBeVisible();
  await snap(page, 'finance-fx-light-en');

  // GBP has no rates yet: add one.
  await panel.getByTestId('fx-currency-GBP').click();
  await expect(panel.getByText('No GBP rates yet')).toBeVisible();
  const form = panel.getByRole('form', { name: 'Add a GBP rate' });
  await form.getByLabel('Date').fill('2026-11-02');
  await form.getByLabel('USD per 1 GBP').fill('0');
  await form.getByRole('button', { name: 'Add rate' }).click();
  await expect(form.getByLabel('USD per 1 GBP')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByTestId('field-error')).toContainText('The rate must be more than zero.');
  await form.getByLabel('USD per 1 GBP').fill('1.27');
  await form.getByRole('button', { name: 'Add rate' }).click();
  await expect(toasts(page).getByText('GBP rate of Nov 2, 2026 added')).toBeVisible();
  const gbp = panel.getByTestId('fx-row');
  await expect(gbp).toHaveCount(1);
  await expect(gbp.first()).toContainText('1.27');
  await expect(panel.getByTestId('fx-currency-GBP')).toContainText('1.27');

  // Edit it in place, then delete it (confirmed).
  await gbp.first().getByRole('button', { name: 'Edit the GBP rate of Nov 2, 2026' }).click();
  const edit = gbp.first().getByRole('textbox', { name: 'Edit the GBP rate of Nov 2, 2026' });
  await edit.fill('1.28');
  await edit.press('Enter');
  await expect(toasts(page).getByText('GBP rate of Nov 2, 2026 updated')).toBeVisible();
  await expect(gbp.first()).toContainText('1.28');
  await gbp.first().getByRole('button', { name: 'Delete the GBP rate of Nov 2, 2026' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete the GBP rate of Nov 2, 2026?' });
  await expect(confirm).toContainText('There is no earlier GBP rate');
  await confirm.getByRole('button', { name: 'Delete rate' }).click();
  await expect(gbp).toHaveCount(0);

  // An expense in COP (no rates) is reported as missing, not counted at 1.
  panel = await openFinance(page, 'Expenses');
  await totalsReady(panel);
  const row = panel.getByRole('form', { name: 'New expense' });
  await row.getByLabel('Description').fill('Bogotá shoot permit');
  await choose(page, row, 'Category', 'Cost of delivery');
  await row.getByLabel('Amount').fill('200000');
  await choose(page, row, 'Currency', 'COP');
  await row.getByLabel('Amount').press('Enter');
  const permit = panel.getByTestId('expense-row').filter({ hasText: 'Bogotá shoot permit' });
  await expect(permit).toContainText('—');
  const banner = panel.getByRole('status').filter({ hasText: 'An exchange rate is missing' });
  await expect(banner).toContainText('COP: no rate on or before');
  await expect(panel.getByTestId('total-all')).toContainText('—');
  await snap(page, 'finance-expenses-missing-rate-light-en');
  await banner.getByRole('button', { name: 'Add COP rate' }).click();

  // The exchange rates open on COP with the date filled in and the cursor in the rate.
  panel = page.getByRole('tabpanel', { name: 'Exchange rates' });
  await expect(page.getByRole('tab', { name: 'Exchange rates' })).toHaveAttribute('aria-selected', 'true');
  const cop = panel.getByRole('form', { name: 'Add a COP rate' });
  const rate = cop.getByLabel('USD per 1 COP');
  await expect(rate).toBeFocused();
  await expect(cop.getByLabel('Date')).not.toHaveValue('');
  await page.keyboard.type('0.00025');
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('fx-row')).toHaveCount(1);

  panel = await openFinance(page, 'Expenses');
  await expect(panel.getByTestId('expense-row').filter({ hasText: 'Bogotá shoot permit' })).toContainText('$50.00');
  await expect(panel.getByRole('status').filter({ hasText: 'exchange rate' })).toHaveCount(0);
  await expect(panel.getByTestId('total-all')).not.toContainText('—');
});

test('the Finance tab is remembered while moving between sections', async ({ page, demoApp }) => {
  await demoApp.open(page);
  await openFinance(page, 'Exchange rates');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await expect(mainHeading(page)).toHaveText('Settings');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Finance' }).click();
  await expect(page.getByTestId('section-finance')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Exchange rates' })).toHaveAttribute('aria-selected', 'true');
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(scheme, () => {
    test.use({ colorScheme: scheme });
    test(`every finance tab passes an axe scan (${scheme}, English)`, async ({ page, demoApp }) => {
      await demoApp.open(page);
      let panel = await openFinance(page, 'Subscriptions & MRR');
      await expect(panel.getByTestId('mrr-row')).toHaveCount(6);
      await expect(panel.getByTestId('subscription-row').first()).toBeVisible();
      await expectAccessible(page, `subscriptions (${scheme})`);
      if (scheme === 'dark') await snap(page, 'finance-mrr-dark-en');
      panel = await openFinance(page, 'Expenses');
      await totalsReady(panel);
      await expect(panel.getByTestId('expense-row').first()).toBeVisible();
      await expectAccessible(page, `expenses (${scheme})`);
      if (scheme === 'dark') await snap(page, 'finance-expenses-dark-en');
      panel = await openFinance(page, 'Exchange rates');
      await expect(panel.getByTestId('fx-row').first()).toBeVisible();
      await expectAccessible(page, `exchange rates (${scheme})`);
      if (scheme === 'dark') await snap(page, 'finance-fx-dark-en');
    });
  });
}

test.describe('Spanish', () => {
  test.use({ locale: 'es-419' });
  test('the MRR range’s month pickers name the months in Spanish, and still set the range', async ({
    page,
    demoApp,
  }) => {
    await demoApp.open(page);
    const panel = await openFinance(page, 'Suscripciones y MRR', 'Finanzas', 'Principal');
    const rows = panel.getByTestId('mrr-row');
    await expect(rows).toHaveCount(6);
    const from = (await rows.first().getAttribute('data-month')) ?? '';
    const to = (await rows.last().getAttribute('data-month')) ?? '';
    const fromMonth = panel.getByRole('combobox', { name: 'Desde: mes', exact: true });
    await expect(fromMonth).toHaveText(monthName(from, 'es-419'));
    await expect(panel.getByRole('combobox', { name: 'Hasta: mes', exact: true })).toHaveText(monthName(to, 'es-419'));
    await expect(panel.getByRole('combobox', { name: 'Desde: año', exact: true })).toHaveText(from.slice(0, 4));
    // The list names every month in Spanish, enero to diciembre.
    await fromMonth.click();
    const options = page.getByRole('listbox').getByRole('option');
    await expect(options).toHaveText(
      Array.from({ length: 12 }, (_, i) => monthName(`2026-${String(i + 1).padStart(2, '0')}`, 'es-419')),
    );
    await expect(options.first()).toHaveText('enero');
    await snap(page, 'finance-mrr-month-list-light-es');
    await page.keyboard.press('Escape');
    // "Hasta" cannot end before "Desde": in its list, exactly the months of its year before Desde are disabled.
    await panel.getByRole('combobox', { name: 'Hasta: mes', exact: true }).click();
    const toYearMonths = Array.from({ length: 12 }, (_, i) => `${to.slice(0, 4)}-${String(i + 1).padStart(2, '0')}`);
    for (const [i, m] of toYearMonths.entries())
      if (m < from) await expect(options.nth(i), m).toHaveAttribute('aria-disabled', 'true');
      else await expect(options.nth(i), m).not.toHaveAttribute('aria-disabled', 'true');
    await page.keyboard.press('Escape');

    // Two months later: four months shown, from the one picked.
    const later = addMonths(from, 2);
    await pickMonth(page, panel, 'Desde', later, 'es-419');
    await expect(rows).toHaveCount(4);
    await expect(rows.first()).toHaveAttribute('data-month', later);
    await expect(fromMonth).toHaveText(monthName(later, 'es-419'));
    await page.mouse.move(0, 0);
    await snap(page, 'finance-mrr-month-picker-light-es');
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`every finance tab in Spanish (${scheme})`, async ({ page, demoApp }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await demoApp.open(page);
      let panel = await openFinance(page, 'Suscripciones y MRR', 'Finanzas', 'Principal');
      await expect(panel.getByTestId('mrr-row')).toHaveCount(6);
      await expect(panel.getByRole('columnheader', { name: 'Bajas' })).toBeVisible();
      // The y axis steps round amounts, negatives with a true minus like the rest of the page.
      const tickTexts = panel
        .getByTestId('mrr-chart')
        .locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value');
      await expect.poll(() => tickTexts.count()).toBeGreaterThanOrEqual(3);
      const ticks = await tickTexts.allTextContents();
      for (const tick of ticks) expect(tick).not.toContain('-');
      expect(ticks.some((tick) => tick.startsWith('−'))).toBe(true);
      const amounts = ticks.map((tick) => {
        const n = Number.parseFloat(tick.replace(/[^0-9.]/g, '')) * (/K/.test(tick) ? 1000 : 1);
        return tick.startsWith('−') ? -n : n;
      });
      const steps = new Set(amounts.slice(1).map((v, i) => v - (amounts[i] ?? 0)));
      expect(steps.size).toBe(1);
      const step = [...steps][0] ?? 0;
      expect([1, 2, 5]).toContain(step / 10 ** Math.floor(Math.log10(step)));
      await snap(page, `finance-mrr-${scheme}-es`);
      panel = await openFinance(page, 'Gastos', 'Finanzas', 'Principal');
      await expect(panel.getByTestId('total-all')).toContainText('USD');
      await expect(panel.getByTestId('freelancer-hint')).toContainText('no son gastos');
      // "Herramientas y software" wraps to two lines; every tile's amount still sits on one line.
      const values = panel.getByTestId('total-value');
      await expect(values).toHaveCount(6);
      const tops = await values.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
      expect(new Set(tops).size).toBe(1);
      // The tiles share one height, and the Total's split keeps each part on one line: "USD 88.00 ya gastado",
      // "USD 382.15 programado" (in a sixth of the row, "programado" wrapped onto a third line).
      const heights = await panel
        .getByTestId('expense-totals')
        .locator(':scope > li')
        .evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().height)));
      expect(heights).toHaveLength(6);
      expect(new Set(heights).size).toBe(1);
      const split = panel.getByTestId('total-split').locator(':scope > p');
      await expect(split).toHaveCount(2);
      for (const line of await split.all()) {
        const box = await line.evaluate((el) => ({
          text: el.textContent,
          height: el.getBoundingClientRect().height,
          lineHeight: Number.parseFloat(el.ownerDocument.defaultView?.getComputedStyle(el).lineHeight ?? ''),
        }));
        expect(box.height, box.text ?? '').toBeLessThan(box.lineHeight * 1.5);
      }
      await snap(page, `finance-expenses-${scheme}-es`);
      panel = await openFinance(page, 'Tipos de cambio', 'Finanzas', 'Principal');
      await expect(panel.getByTestId('fx-row').first()).toBeVisible();
      // Each column shows its rates with one number of decimals, so the digits line up; no "−0%".
      const cells = (n: number) => panel.getByTestId('fx-row').locator(`td:nth-child(${n})`).allTextContents();
      for (const column of [2, 3]) {
        const decimals = new Set((await cells(column)).map((text) => text.split('.')[1]?.length ?? 0));
        expect(decimals.size).toBe(1);
      }
      for (const change of await cells(4)) expect(change).not.toMatch(/^[-−]0%$/);
      await snap(page, `finance-fx-${scheme}-es`);
    });
  }
});
