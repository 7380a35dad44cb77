/**
 * The Pipeline on the demo agency: the leads table pages, sorts, filters and
 * searches on the server (only the rows on screen are in the page), keyboard
 * navigation, saved segments in the sidebar with live counts, a new lead
 * refused field by field and then scored with its breakdown, an activity that
 * raises the score, a probability override beside the model's, a lead lost
 * with a reason, a lead won into a client + project + deposit invoice, and
 * Settings → Scoring: a weight change previewed, saved and rescored as a job.
 * Figures are compared with what the core answers over HTTP.
 */
import type { Locator, Page } from '@playwright/test';
import { shownReasons } from '../../src/renderer/src/features/pipeline/wording';
import type { PipelineKpis } from '../../src/shared/kpis';
import type { LeadDetail, LeadPage, ScoringPreview, ScoringSettings } from '../../src/shared/leads';
import type { ClientLookup, ClientOption, Invoice } from '../../src/shared/money';
import { DEFAULT_SCORING_WEIGHTS, SCORE_BANDS } from '../../src/shared/scoring';
import { bestQualifiedLead } from '../fixtures/leads';
import { type AtalayaApp, expect, snap, test } from './fixtures';
import {
  chooseCustomPeriod,
  chooseHub,
  coreCall,
  createEmptyAgency,
  expectAccessible,
  intlDate,
  mainHeading,
  openScoringTab,
  percentText,
  plusDays,
  toasts,
} from './screens';

test.use({ locale: 'en-US', colorScheme: 'light', timezoneId: 'UTC', reducedMotion: 'reduce' });

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

const table = (page: Page) => page.getByRole('table', { name: 'Leads' });
const rows = (page: Page) => page.getByTestId('lead-row');
const total = (page: Page) => page.getByTestId('lead-total');
const detail = (page: Page) => page.getByTestId('lead-detail');
const n = (v: number) => v.toLocaleString('en-US');

async function openPipeline(page: Page) {
  await nav(page).getByRole('button', { name: 'Pipeline' }).click();
  await expect(mainHeading(page)).toHaveText('Pipeline');
  await expect(rows(page).first()).toBeVisible();
}

async function choose(page: Page, scope: Page | Locator, combobox: string, option: string) {
  await scope.getByRole('combobox', { name: combobox, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The number shown in the detail's score (waits until it reads as one). */
async function detailScore(page: Page): Promise<number> {
  const el = detail(page).getByTestId('detail-score');
  await expect(el).toHaveText(/^\d+$/);
  return Number(await el.textContent());
}

test('the table pages, sorts, filters and searches on the server; segments sit in the sidebar with counts', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  await openPipeline(page);
  const all = await coreCall<LeadPage>(page, demoApp, 'leads/query', { limit: 1 });
  expect(all.total).toBeGreaterThan(100);
  await expect(total(page)).toHaveText(`${n(all.total)} leads`);
  // Newest first by default, as the core orders them; each row shows its score with its band.
  const newest = await coreCall<LeadPage>(page, demoApp, 'leads/query', { limit: 3 });
  await expect(rows(page).first().getByTestId('lead-company')).toHaveText(newest.rows[0]!.company);
  await expect(rows(page).first().getByTestId('lead-score')).toHaveText(String(newest.rows[0]!.score));
  await expect(rows(page).first()).toContainText(/Cold|Warm|Hot|Priority/);
  // Virtualized: only the rows near the screen exist, not all of them.
  expect(await rows(page).count()).toBeLessThan(60);
  await snap(page, 'pipeline-table-light-en');
  await expectAccessible(page, 'pipeline table');

  // The column chooser: hide Owner, show Vertical; the choice survives a reload.
  await page.getByTestId('columns-button').click();
  const chooser = page.getByRole('dialog', { name: 'Columns to show' });
  await chooser.getByRole('checkbox', { name: 'Owner' }).uncheck();
  await chooser.getByRole('checkbox', { name: 'Vertical' }).check();
  await expect(chooser.getByRole('checkbox', { name: 'Company' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(table(page).getByRole('columnheader', { name: 'Owner' })).toHaveCount(0);
  await expect(table(page).getByRole('columnheader', { name: 'Vertical' })).toBeVisible();
  await page.reload();
  await openPipeline(page);
  await expect(table(page).getByRole('columnheader', { name: 'Vertical' })).toBeVisible();
  await page.getByTestId('columns-button').click();
  await chooser.getByRole('button', { name: 'Back to the default columns' }).click();
  await page.keyboard.press('Escape');
  await expect(table(page).getByRole('columnheader', { name: 'Owner' })).toBeVisible();

  // The default order (newest first) has no column on screen, so it is said in words.
  await expect(page.getByTestId('lead-sort-note')).toHaveText(' · sorted newest first');
  // Sort by score on the server: highest first, then lowest first.
  const score = table(page).getByRole('columnheader', { name: 'Score' });
  await score.getByRole('button').click();
  await expect(score).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByTestId('lead-sort-note')).toHaveCount(0);
  const best = await coreCall<LeadPage>(page, demoApp, 'leads/query', {
    sort: { column: 'score', direction: 'desc' },
    limit: 5,
  });
  await expect(rows(page).first().getByTestId('lead-company')).toHaveText(best.rows[0]!.company);
  await expect(rows(page).first().getByTestId('lead-score')).toHaveText(String(best.rows[0]!.score));
  await score.getByRole('button').click();
  await expect(score).toHaveAttribute('aria-sort', 'ascending');
  const worst = await coreCall<LeadPage>(page, demoApp, 'leads/query', {
    sort: { column: 'score', direction: 'asc' },
    limit: 1,
  });
  await expect(rows(page).first().getByTestId('lead-score')).toHaveText(String(worst.rows[0]!.score));

  // Keyboard: ↓ moves between rows, End goes to the last lead (its page is fetched), Enter opens it.
  await rows(page).first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).nth(1)).toBeFocused();
  await page.keyboard.press('End');
  const last = await coreCall<LeadPage>(page, demoApp, 'leads/query', {
    sort: { column: 'score', direction: 'asc' },
    offset: all.total - 1,
    limit: 1,
  });
  const lastRow = page.locator(`[data-testid="lead-row"][data-row-index="${all.total - 1}"]`);
  await expect(lastRow).toBeFocused();
  await expect(lastRow.getByTestId('lead-company')).toHaveText(last.rows[0]!.company);
  await page.keyboard.press('Enter');
  await expect(detail(page).getByRole('heading', { name: last.rows[0]!.company })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(detail(page)).toBeHidden();

  // Filter by channel: the total comes from the core's count.
  await page.getByTestId('filters-button').click();
  const filters = page.getByRole('dialog', { name: 'Filter leads' });
  await filters.getByRole('button', { name: 'Referral' }).click();
  await expect(filters.getByRole('button', { name: 'Referral' })).toHaveAttribute('aria-pressed', 'true');
  await snap(page, 'pipeline-filters-light-en');
  await page.keyboard.press('Escape');
  const referrals = await coreCall<LeadPage>(page, demoApp, 'leads/query', {
    filter: { channels: ['referral'] },
    limit: 1,
  });
  expect(referrals.total).toBeLessThan(all.total);
  await expect(total(page)).toHaveText(`Showing ${n(referrals.total)} of ${n(all.total)} leads`);
  await expect(page.getByRole('list', { name: 'Filters in force' })).toContainText('Channel: Referral');
  for (const channel of await rows(page).locator('td:nth-child(3)').allTextContents()) expect(channel).toBe('Referral');

  // Save it as a segment: it appears in the sidebar with its live count.
  await page.getByTestId('segments-button').click();
  await page.getByRole('button', { name: 'Save current view as segment…' }).click();
  const save = page.getByTestId('save-segment-dialog');
  await save.getByRole('button', { name: 'Save segment' }).click();
  await expect(save.getByTestId('field-error')).toHaveText('This field cannot be empty.');
  // Near the limit the field counts, so a long name is not cut without notice.
  await save.getByLabel('Segment name').fill('Referrals from partners and past clients in Copenhagen 2026');
  await expect(save).toContainText('59 of 60 characters: a name stops at 60.');
  await save.getByLabel('Segment name').fill('Referrals');
  await save.getByRole('button', { name: 'Save segment' }).click();
  await expect(save).toBeHidden();
  const segment = nav(page).getByTestId('segment-link').filter({ hasText: 'Referrals' });
  await expect(segment.getByTestId('segment-count')).toContainText(String(referrals.total));
  await expect(segment).toHaveAttribute('aria-current', 'true');

  // Search (on top of the filter, then alone): words of the company, on the server.
  const word =
    referrals.total > 0 ? (await rows(page).first().getByTestId('lead-company').textContent())!.split(' ')[0]! : 'Rio';
  await page.getByRole('searchbox', { name: 'Search leads' }).fill(word.toLowerCase());
  const found = await coreCall<LeadPage>(page, demoApp, 'leads/query', {
    filter: { channels: ['referral'] },
    search: word.toLowerCase(),
    limit: 1,
  });
  await expect(total(page)).toHaveText(`Showing ${n(found.total)} of ${n(all.total)} leads`);
  for (const company of await rows(page).getByTestId('lead-company').allTextContents())
    expect(company.toLowerCase()).toContain(word.toLowerCase());
  await page.getByRole('button', { name: 'Clear filters', exact: true }).click();
  await expect(total(page)).toHaveText(`${n(all.total)} leads`);
  await expect(segment).not.toHaveAttribute('aria-current', 'true');

  // A score that is not one says so and is not applied; then a score range and a created-since date.
  await page.getByTestId('filters-button').click();
  await filters.getByRole('textbox', { name: 'Lowest' }).fill('150');
  await expect(filters.getByTestId('score-filter-message')).toHaveText(
    '“150” is not a score, so it is not applied: use a whole number from 0 to 100.',
  );
  await expect(filters.getByRole('textbox', { name: 'Lowest' })).toHaveAttribute('aria-invalid', 'true');
  await expect(total(page)).toHaveText(`${n(all.total)} leads`);
  await filters.getByRole('textbox', { name: 'Lowest' }).fill('70');
  await expect(filters.getByTestId('score-filter-message')).toHaveText('Whole numbers from 0 to 100.');
  await filters.getByLabel('Created from').fill('2026-10-01');
  await page.keyboard.press('Escape');
  const hot = await coreCall<LeadPage>(page, demoApp, 'leads/query', {
    filter: { scoreMin: 70, createdFrom: '2026-10-01' },
    limit: 1,
  });
  await expect(total(page)).toHaveText(`Showing ${n(hot.total)} of ${n(all.total)} leads`);
  await expect(page.getByRole('list', { name: 'Filters in force' })).toContainText('Score 70–100');
  for (const value of await rows(page).getByTestId('lead-score').allTextContents())
    expect(Number(value)).toBeGreaterThanOrEqual(70);
  await page.getByRole('button', { name: 'Clear filters', exact: true }).click();

  // The top bar's hub filter narrows the table and the segment counts alike.
  const hubs = await coreCall<{ id: number; name: string }[]>(page, demoApp, 'hubs/list');
  const lima = hubs.find((h) => h.name === 'Lima')!.id;
  await page.getByRole('combobox', { name: 'Hub filter' }).click();
  await page.getByRole('listbox').getByRole('option', { name: 'Lima' }).click();
  const inLima = await coreCall<LeadPage>(page, demoApp, 'leads/query', { filter: { hubIds: [lima] }, limit: 1 });
  const referralsInLima = await coreCall<LeadPage>(page, demoApp, 'leads/query', {
    filter: { hubIds: [lima], channels: ['referral'] },
    limit: 1,
  });
  await expect(total(page)).toHaveText(`${n(inLima.total)} leads`);
  await expect(segment.getByTestId('segment-count')).toContainText(String(referralsInLima.total));
  await page.getByRole('combobox', { name: 'Hub filter' }).click();
  await page.getByRole('listbox').getByRole('option', { name: 'All hubs' }).click();
  await expect(total(page)).toHaveText(`${n(all.total)} leads`);
  await expect(segment.getByTestId('segment-count')).toContainText(String(referrals.total));

  // The segment brings its filter back from anywhere.
  await nav(page).getByRole('button', { name: 'Clients' }).click();
  await expect(mainHeading(page)).toHaveText('Clients');
  await segment.click();
  await expect(mainHeading(page)).toHaveText('Pipeline');
  await expect(total(page)).toHaveText(`Showing ${n(referrals.total)} of ${n(all.total)} leads`);
  await snap(page, 'pipeline-segment-light-en');
});

test("the top bar's period and hub reach the pipeline's KPIs: each against the same days before, each explained", async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  await openPipeline(page);
  const strip = page.getByTestId('pipeline-kpis');
  await expect(strip).toBeVisible();
  // October, against September, as the core computes them.
  await chooseCustomPeriod(page, '2026-10-01', '2026-10-31');
  await expect(strip.getByTestId('kpi-range')).toHaveText(/Oct 1\s*–\s*31/);
  await expect(strip.getByTestId('kpi-against')).toHaveText(/vs Aug 31\s*–\s*Sep 30/);

  const kpis = (hubId: number | null) =>
    coreCall<PipelineKpis>(page, demoApp, 'kpis/pipeline', { from: '2026-10-01', to: '2026-10-31', hubId });
  // Whole dollars on the tile (the demo books less than $100,000 a month).
  const money = (minor: number) =>
    Math.round(minor / 100).toLocaleString('en-US', {
      style: 'currency',
      currency: 'USD',
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    });
  const pct = percentText;
  const expectTiles = async (k: PipelineKpis) => {
    expect(k.conversion.share, 'the demo closes leads in October').not.toBeNull();
    await expect(strip.getByTestId('kpi-newLeads').getByTestId('kpi-value')).toHaveText(n(k.newLeads));
    await expect(strip.getByTestId('kpi-booked').getByTestId('kpi-value')).toHaveText(money(k.booked.valueMinor!));
    await expect(strip.getByTestId('kpi-booked').getByTestId('kpi-detail')).toHaveText(`${n(k.booked.leads)} won`);
    await expect(strip.getByTestId('kpi-conversion').getByTestId('kpi-value')).toHaveText(pct(k.conversion.share!));
    await expect(strip.getByTestId('kpi-conversion').getByTestId('kpi-detail')).toHaveText(
      `${n(k.conversion.part)} of ${n(k.conversion.whole)} closed`,
    );
    await expect(strip.getByTestId('kpi-proposalWinRate').getByTestId('kpi-value')).toHaveText(
      k.proposalWinRate.share === null ? '—' : pct(k.proposalWinRate.share),
    );
  };
  const all = await kpis(null);
  await expectTiles(all);

  // The ⓘ explains the figure with its inputs.
  await strip.getByRole('button', { name: 'How Conversion is computed' }).click();
  const how = page.getByRole('dialog', { name: 'How Conversion is computed' });
  await expect(how).toContainText('leads won ÷ (won + lost), by close date in the period');
  await expect(how.getByTestId('kpi-how')).toHaveText(
    `${n(all.conversion.part)} won ÷ (${n(all.conversion.part)} won + ${n(all.conversion.whole - all.conversion.part)} lost) = ${pct(all.conversion.share!)}`,
  );
  await snap(page, 'pipeline-kpis-how-light-en');
  await expectAccessible(page, 'pipeline KPIs with a definition open');
  await page.keyboard.press('Escape');
  await expect(how).toBeHidden();
  // The booked tile rounds; its ⓘ gives the exact sum.
  await strip.getByRole('button', { name: 'How Booked is computed' }).click();
  await expect(page.getByRole('dialog', { name: 'How Booked is computed' }).getByTestId('kpi-how')).toHaveText(
    `The expected values of ${n(all.booked.leads)} leads won, added up: ${(all.booked.valueMinor! / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD' })}.`,
  );
  await page.keyboard.press('Escape');

  // One hub: its own leads only.
  const lima = await kpis(await chooseHub(page, demoApp, 'Lima'));
  await expect(strip).toContainText('Lima');
  expect(lima.newLeads).toBeLessThan(all.newLeads);
  await expectTiles(lima);

  // Today: the figures of one day, compared with the day before.
  await page.getByRole('radiogroup', { name: 'Period' }).getByRole('radio', { name: 'Today' }).click();
  await expect(strip).toHaveAccessibleName(/^Pipeline, Today \(/);
  await expect(strip.getByTestId('kpi-against')).toHaveText(/^vs \w{3} \d{1,2}, up to this time of day/);
});

test('a new lead is refused field by field, then saved and scored; an activity, an override and a loss', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  await openPipeline(page);
  const before = await coreCall<LeadPage>(page, demoApp, 'leads/query', { limit: 1 });

  await page.getByRole('button', { name: 'New lead', exact: true }).click();
  const form = page.getByTestId('lead-dialog');
  await form.getByRole('button', { name: 'Add lead' }).click();
  // Nothing is sent: each field says what is wrong, next to it.
  await expect(form.getByTestId('field-error')).toHaveText([
    'This field cannot be empty.',
    'This field cannot be empty.',
    'Choose a channel.',
    'Choose a vertical.',
    'Choose the size (tier 1, 2 or 3).',
    'Enter an amount, like 1,200 or 1,200.50.',
  ]);
  await expect(form.getByLabel('Company')).toBeFocused();
  await snap(page, 'pipeline-new-lead-errors-light-en');

  await form.getByLabel('Company').fill('Zephyrine Analytics');
  await form.getByLabel('Contact name').fill('Ingrid Dahl');
  await form.getByLabel(/^Contact email/).fill('ingrid@zephyrine');
  await choose(page, form, 'Channel', 'Referral');
  await choose(page, form, 'Vertical', 'SaaS');
  await choose(page, form, 'Size (tier)', 'Tier 1 · Enterprise');
  await choose(page, form, 'Authority', 'Decision maker');
  await choose(page, form, 'Need', 'Urgent');
  await choose(page, form, 'Timeline', 'Now');
  await form.getByLabel(/^Budget/).fill('1500');
  await form.getByLabel('Expected value').fill('a lot');
  await form.getByRole('button', { name: 'Add lead' }).click();
  await expect(form.getByTestId('field-error')).toHaveText([
    'That email address does not look right.',
    'Enter an amount, like 1,200 or 1,200.50.',
  ]);
  await form.getByLabel(/^Contact email/).fill('ingrid@zephyrine.dk');
  await form.getByLabel('Expected value').fill('1,200');
  await form.getByRole('button', { name: 'Add lead' }).click();
  await expect(form).toBeHidden();

  // It opens scored, with every factor's points, as the core stored them.
  await expect(detail(page).getByRole('heading', { name: 'Zephyrine Analytics' })).toBeVisible();
  const found = await coreCall<LeadPage>(page, demoApp, 'leads/query', { search: 'zephyrine', limit: 1 });
  const created = await coreCall<LeadDetail>(page, demoApp, 'leads/get', { id: found.rows[0]!.id });
  expect(await detailScore(page)).toBe(created.score);
  const weights = await coreCall<ScoringSettings>(page, demoApp, 'scoring/get');
  for (const [factor, points] of Object.entries(created.scoreBreakdown!))
    await expect(detail(page).getByTestId(`factor-${factor}`)).toHaveText(
      `${points} / ${weights.weights.points[factor as keyof typeof weights.weights.points]}`,
    );
  // The model's top reasons, in words: as many as the core gives less any too small to show
  // (×1.00 is neither for nor against), each saying which way it pulls; the tier is "Tier: 1 · Enterprise".
  const reasons = shownReasons(created.probabilityFactors!);
  const reasonsFor = detail(page).getByTestId('reasons-for').getByRole('listitem');
  await expect(reasonsFor).toHaveCount(reasons.for.length);
  for (const item of await reasonsFor.allTextContents()) {
    expect(item).toMatch(/^[A-Za-z ]+: .+ — raises the odds ×[\d.]+$/);
    expect(item).not.toMatch(/×1$/);
    if (item.startsWith('Tier:')) expect(item).toMatch(/^Tier: 1 · Enterprise — /);
  }
  if (reasons.against.length > 0)
    await expect(detail(page).getByTestId('reasons-against').getByRole('listitem')).toHaveCount(reasons.against.length);
  for (const item of await detail(page).getByTestId('reasons-against').getByRole('listitem').allTextContents())
    expect(item).toMatch(/^[A-Za-z ]+: .+ — lowers the odds ÷(?!1$)[\d.]+$/);
  await expect(total(page)).toHaveText(`${n(before.total + 1)} leads`);
  await snap(page, 'pipeline-lead-detail-light-en');
  await expectAccessible(page, 'lead detail');

  // Logging a call raises the engagement points and the score.
  const log = detail(page).getByTestId('log-activity');
  await log.getByRole('button', { name: 'Log', exact: true }).click();
  await expect(log.getByTestId('field-error')).toHaveText('Choose call, email, meeting or note.');
  await log.getByRole('radio', { name: 'Call' }).click();
  await log.getByPlaceholder('What happened (optional)').fill('Scoped the brief with Ingrid');
  await log.getByRole('button', { name: 'Log', exact: true }).click();
  await expect(detail(page).getByTestId('timeline-activity').first()).toContainText('Scoped the brief with Ingrid');
  await expect.poll(() => detailScore(page)).toBeGreaterThan(created.score!);
  const called = await coreCall<LeadDetail>(page, demoApp, 'leads/get', { id: created.id });
  expect(await detailScore(page)).toBe(called.score);

  // A person's probability sits beside the model's, which stays visible.
  const probability = detail(page).getByTestId('probability-panel');
  await probability.getByRole('button', { name: 'Override' }).click();
  const override = probability.getByTestId('override-form');
  await override.getByLabel('Your probability').fill('150');
  await override.getByRole('button', { name: 'Set override' }).click();
  await expect(override.getByTestId('field-error')).toHaveText('The probability cannot be above 100%.');
  await override.getByLabel('Your probability').fill('85');
  await override.getByRole('button', { name: 'Set override' }).click();
  await expect(probability.getByTestId('detail-override')).toHaveText('85%');
  await expect(probability.getByTestId('detail-probability')).toHaveText(
    `${Math.round(called.winProbability! * 100)}%`,
  );
  expect((await coreCall<LeadDetail>(page, demoApp, 'leads/get', { id: created.id })).probabilityOverride).toBe(0.85);
  await snap(page, 'pipeline-override-light-en');

  // Editing sends only what changed, and the lead is rescored.
  await detail(page).getByRole('button', { name: 'Edit', exact: true }).click();
  const edit = page.getByTestId('lead-dialog');
  await expect(edit.getByLabel('Company')).toHaveValue('Zephyrine Analytics');
  await edit.getByLabel(/^Role/).fill('Head of growth');
  // Escape with an unsaved change asks first; keeping on editing keeps what was typed.
  await page.keyboard.press('Escape');
  const discard = page.getByRole('alertdialog', { name: 'Discard your changes?' });
  await expect(discard).toBeVisible();
  await snap(page, 'pipeline-discard-prompt-light-en');
  await discard.getByRole('button', { name: 'Keep editing' }).click();
  await expect(discard).toBeHidden();
  await expect(edit.getByLabel(/^Role/)).toHaveValue('Head of growth');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(detail(page)).toContainText('Ingrid Dahl · Head of growth · ingrid@zephyrine.dk');
  expect((await coreCall<LeadDetail>(page, demoApp, 'leads/get', { id: created.id })).role).toBe('Head of growth');

  // An override still being typed when the lead closes goes with it: a closed lead takes none.
  await probability.getByRole('button', { name: 'Change' }).click();
  await expect(probability.getByTestId('override-form')).toBeVisible();

  // Lost needs a reason; a suggestion fills it.
  await detail(page).getByRole('button', { name: 'Mark lost' }).click();
  const lost = page.getByTestId('lost-dialog');
  await lost.getByRole('button', { name: 'Mark lost' }).click();
  await expect(lost.getByTestId('field-error')).toHaveText('Say why the lead was lost.');
  await lost.getByRole('button', { name: 'Went with another agency' }).click();
  await lost.getByRole('button', { name: 'Mark lost' }).click();
  await expect(lost).toBeHidden();
  await expect(detail(page).getByTestId('lost-reason')).toHaveText('Went with another agency');
  await expect(detail(page).getByTestId('timeline-stage').first()).toContainText('New → Lost');
  const closed = await coreCall<LeadDetail>(page, demoApp, 'leads/get', { id: created.id });
  expect(closed).toMatchObject({ stage: 'lost', lostReason: 'Went with another agency' });
  // Times are the workspace's (America/Caracas), not this device's (UTC), as on every other screen.
  const settings = await coreCall<{ timeZone: string }>(page, demoApp, 'settings/get');
  const oneSpace = (text: string) => text.replace(/\s+/g, ' ');
  const closedAt = new Intl.DateTimeFormat('en-US', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: settings.timeZone,
  }).format(new Date(closed.closedAt!));
  expect(oneSpace((await detail(page).getByTestId('timeline-stage').first().textContent())!)).toContain(
    oneSpace(closedAt),
  );
  // The outcome is known: the model's last figure stays, a new override is not offered (clearing one is).
  await expect(probability.getByTestId('probability-closed')).toHaveText(
    'Lost: the outcome is known, so there is nothing to override. The model learns from it.',
  );
  await expect(probability.getByRole('button', { name: 'Change' })).toHaveCount(0);
  await expect(probability.getByTestId('override-form')).toHaveCount(0);
  await expect(probability.getByRole('button', { name: 'Clear override' })).toBeVisible();
  await detail(page).getByTestId('lead-timeline').scrollIntoViewIfNeeded();
  await snap(page, 'pipeline-timeline-light-en');
  await page.keyboard.press('Escape');
  // The table shows the override beside the model's figure.
  await page.getByRole('searchbox', { name: 'Search leads' }).fill('zephyrine');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first().getByTestId('lead-override')).toHaveText('85%');
});

test('the probability override by keyboard: Esc closes the form, not the lead; the keyboard returns to Override', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  await openPipeline(page);
  await rows(page).first().click();
  const probability = detail(page).getByTestId('probability-panel');
  const overrideButton = probability.getByRole('button', { name: 'Override' });
  await overrideButton.click();
  const field = probability.getByTestId('override-form').getByLabel('Your probability');
  await expect(field).toBeFocused();
  await field.fill('80');
  // Esc gives up the typing only: the lead stays open, and the keyboard is back on Override.
  await page.keyboard.press('Escape');
  await expect(probability.getByTestId('override-form')).toHaveCount(0);
  await expect(detail(page)).toBeVisible();
  await expect(overrideButton).toBeFocused();
  await expect(probability.getByTestId('detail-override')).toHaveCount(0);

  // Saved with Enter: the keyboard goes to Change; cleared: back to Override.
  await page.keyboard.press('Enter');
  await expect(field).toBeFocused();
  await field.fill('80');
  await page.keyboard.press('Enter');
  await expect(probability.getByTestId('detail-override')).toHaveText('80%');
  await expect(probability.getByRole('button', { name: 'Change' })).toBeFocused();
  await probability.getByRole('button', { name: 'Clear override' }).click();
  await expect(probability.getByTestId('detail-override')).toHaveCount(0);
  await expect(overrideButton).toBeFocused();
});

test("clearing a lead's probability override can be undone in place", async ({ page, demoApp }) => {
  await demoApp.open(page);
  await openPipeline(page);
  const first = await coreCall<LeadPage>(page, demoApp, 'leads/query', { limit: 1 });
  const lead = first.rows[0]!;
  await coreCall(page, demoApp, 'leads/overrideProbability', { id: lead.id, probability: 0.8 });
  await rows(page).first().click();
  const probability = detail(page).getByTestId('probability-panel');
  await expect(probability.getByTestId('detail-override')).toHaveText('80%');
  await probability.getByRole('button', { name: 'Clear override' }).click();
  await expect(probability.getByTestId('detail-override')).toHaveCount(0);
  expect((await coreCall<LeadDetail>(page, demoApp, 'leads/get', { id: lead.id })).probabilityOverride).toBeNull();

  // Undo sits where the override was (a toast cannot be reached from inside the sheet), by keyboard too.
  const cleared = probability.getByTestId('override-cleared');
  await expect(cleared).toContainText('The override of 80% was cleared.');
  await cleared.getByRole('button', { name: 'Undo' }).focus();
  await page.keyboard.press('Enter');
  await expect(probability.getByTestId('detail-override')).toHaveText('80%');
  await expect(cleared).toHaveCount(0);
  await expect(toasts(page)).toContainText('Override back at 80%');
  await expect(probability.getByRole('button', { name: 'Change' })).toBeFocused();
  expect((await coreCall<LeadDetail>(page, demoApp, 'leads/get', { id: lead.id })).probabilityOverride).toBe(0.8);
  await expect(detail(page)).toBeVisible();
});

test('winning a lead makes the client, the project and the deposit invoice in one step', async ({ page, demoApp }) => {
  await demoApp.open(page);
  const hubs = await coreCall<{ id: number; name: string }[]>(page, demoApp, 'hubs/list');
  const lead = await coreCall<LeadDetail>(page, demoApp, 'leads/create', {
    company: 'Quillon Studios',
    contactName: 'Astrid Holm',
    channel: 'partner',
    vertical: 'media',
    tier: 1,
    expectedValueMinor: 150_000,
    currency: 'EUR',
    hubId: hubs.find((h) => h.name === 'Copenhagen')!.id,
  });
  await openPipeline(page);
  await page.getByRole('searchbox', { name: 'Search leads' }).fill('quillon');
  await expect(rows(page)).toHaveCount(1);
  await rows(page).first().click();
  await detail(page).getByRole('button', { name: 'Move to Qualified' }).click();
  await expect(detail(page).getByTestId('timeline-stage').first()).toContainText('New → Qualified');

  await detail(page).getByRole('button', { name: 'Win' }).click();
  const win = page.getByTestId('win-dialog');
  await win.getByRole('button', { name: 'Win lead' }).click();
  await expect(win.getByTestId('field-error')).toHaveText('Choose the service the project is for.');
  await choose(page, win, 'Service', 'Brand Campaign');
  await expect(win.getByLabel('Project value (EUR)')).toHaveValue('1500');
  // A start typed past today (the calendar offers none) is said at once, beside the field.
  const start = win.getByLabel('Start', { exact: true });
  const today = (await start.getAttribute('data-value')) ?? '';
  await start.fill(intlDate(plusDays(today, 3), 'en-US', { dateStyle: 'medium' }));
  await start.blur();
  await expect(start).toHaveAttribute('aria-invalid', 'true');
  await expect(win.getByText(`Choose ${intlDate(today, 'en-US', { dateStyle: 'medium' })} or earlier.`)).toBeVisible();
  await start.fill(intlDate(today, 'en-US', { dateStyle: 'medium' }));
  await start.blur();
  await expect(start).not.toHaveAttribute('aria-invalid', 'true');
  await snap(page, 'pipeline-win-light-en');
  await win.getByRole('button', { name: 'Win lead' }).click();

  const result = page.getByTestId('win-result');
  await expect(result.getByRole('heading', { name: 'Quillon Studios is won' })).toBeVisible();
  const won = await coreCall<LeadDetail>(page, demoApp, 'leads/get', { id: lead.id });
  expect(won.stage).toBe('won');
  expect(won.projectIds).toHaveLength(1);
  await expect(result.getByTestId('won-client')).toHaveText('Quillon Studios (new client)');
  await expect(result.getByTestId('won-project')).toHaveText(
    `Brand Campaign · Quillon Studios · #${won.projectIds[0]}, in Discovery`,
  );
  // A new tier 1 client pays a 30% deposit: its invoice is issued at once.
  const invoices = await coreCall<{ invoices: { id: number; number: string; kind: string; projectId: number }[] }>(
    page,
    demoApp,
    'invoices/list',
    {},
  );
  const deposit = invoices.invoices.find((i) => i.kind === 'deposit' && i.projectId === won.projectIds[0])!;
  const invoice = await coreCall<Invoice>(page, demoApp, 'invoices/get', { id: deposit.id });
  expect(invoice.totalMinor).toBeGreaterThanOrEqual(45_000);
  await expect(result.getByTestId('won-deposit')).toContainText(`${invoice.number} for €`);
  await snap(page, 'pipeline-won-light-en');

  await result.getByRole('button', { name: 'Open Projects' }).click();
  await expect(nav(page).getByRole('button', { name: 'Projects' })).toHaveAttribute('aria-current', 'page');

  // Later, the won lead leads straight to its client and its project.
  const openWonLead = async () => {
    await openPipeline(page);
    await page.getByRole('searchbox', { name: 'Search leads' }).fill('Quillon Studios');
    await expect(rows(page)).toHaveCount(1);
    await rows(page).first().click();
  };
  await openWonLead();
  await detail(page).getByRole('button', { name: 'Open the client' }).click();
  await expect(page.getByTestId('client-detail')).toContainText('Quillon Studios');
  await page.keyboard.press('Escape');
  await expect(mainHeading(page)).toHaveText('Clients');
  // The button that opened it is gone with the Pipeline: focus lands in the clients table, not on the page.
  await expect(page.getByRole('table', { name: 'Clients' }).locator('tr:focus')).toHaveCount(1);
  await openWonLead();
  await detail(page).getByRole('button', { name: 'Open the project' }).click();
  await expect(page.getByTestId('project-detail')).toContainText('Brand Campaign · Quillon Studios');
  await page.keyboard.press('Escape');
  await expect(mainHeading(page)).toHaveText('Projects');
});

test("winning into an existing client: the picker finds it by part of its name; one of the lead's name is chosen by itself", async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  const some = await coreCall<ClientLookup>(page, demoApp, 'clients/lookup', { limit: 2 });
  const [namesake, target] = some.matches as [ClientOption, ClientOption];
  // The lead's company is an existing client's name in other letters' case: winning it links that client.
  const lead = await coreCall<LeadDetail>(page, demoApp, 'leads/create', {
    company: namesake.name.toUpperCase(),
    contactName: 'Noor Haddad',
    channel: 'referral',
    vertical: 'saas',
    tier: 2,
    expectedValueMinor: 90_000,
    currency: 'USD',
  });
  await openPipeline(page);
  await page.getByRole('searchbox', { name: 'Search leads' }).fill(lead.company);
  await rows(page).first().click();
  await detail(page).getByRole('button', { name: 'Win' }).click();
  const win = page.getByTestId('win-dialog');
  const picker = win.getByRole('combobox', { name: 'Client', exact: true });
  await expect(picker).toHaveValue(namesake.name);
  await expect(picker).toHaveAccessibleDescription(
    `${namesake.name} is already a client, with the lead's company name: the project goes to it, with its payment terms.`,
  );

  // Typing narrows the list in the core; Escape closes the list, not the dialog.
  await picker.click();
  const list = page.getByRole('listbox', { name: 'Clients' });
  await expect(list.getByRole('option').first()).toHaveText(`New client from this lead (${lead.company})`);
  await picker.fill(target.name.slice(1).toLowerCase());
  await expect(list.getByRole('option').nth(1)).toHaveAccessibleName(target.name);
  await expectAccessible(page, 'win dialog, client picker open');
  await snap(page, 'pipeline-win-client-picker-light-en');
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(win).toBeVisible();
  await expect(picker).toHaveValue(namesake.name);

  // From the keyboard: open, the first match is highlighted after typing, Enter chooses it.
  await picker.fill(target.name.slice(1).toLowerCase());
  await expect(picker).toHaveAttribute('aria-activedescendant', /.+/);
  await expect(list.getByRole('option', { selected: true })).toHaveAccessibleName(target.name);
  await page.keyboard.press('Enter');
  await expect(list).toBeHidden();
  await expect(picker).toHaveValue(target.name);
  await expect(picker).toHaveAccessibleDescription('The project goes to this client, with its payment terms.');
  await choose(page, win, 'Service', 'Brand Campaign');
  await win.getByRole('button', { name: 'Win lead' }).click();
  const result = page.getByTestId('win-result');
  await expect(result.getByTestId('won-client')).toHaveText(`${target.name} (existing client)`);
  const won = await coreCall<LeadDetail>(page, demoApp, 'leads/get', { id: lead.id });
  const project = await coreCall<{ clientId: number }>(page, demoApp, 'projects/get', { id: won.projectIds[0] });
  expect(project.clientId).toBe(target.id);
});

test("a row's menu, by right click or the context-menu key: move a lead on, then open it to mark it lost", async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  await openPipeline(page);
  // The table's first lead still at New (the table and the core share the order: newest first).
  const fresh = await coreCall<LeadPage>(page, demoApp, 'leads/query', {
    filter: { stages: ['new'] },
    sort: { column: 'created_at', direction: 'desc' },
    limit: 1,
  });
  const lead = fresh.rows[0]!;
  const row = rows(page).filter({ hasText: lead.company }).filter({ hasText: lead.contactName });
  const menu = page.getByRole('menu', { name: `Actions for ${lead.company}` });
  const entries = () => menu.getByRole('menuitem');

  await row.click({ button: 'right' });
  await expect(entries()).toHaveText([
    'Open↵',
    'Move to Qualified',
    'Move to Proposal',
    'Win…',
    'Mark lost…',
    'Copy company name',
  ]);
  await menu.getByRole('menuitem', { name: 'Move to Qualified' }).click();
  await expect(page.getByText(`${lead.company} moved to Qualified`)).toBeVisible();
  await expect
    .poll(async () => (await coreCall<LeadDetail>(page, demoApp, 'leads/get', { id: lead.id })).stage)
    .toBe('qualified');
  // Focus is back on the lead's row, which now says Qualified.
  await expect(row).toBeFocused();
  await expect(row).toContainText('Qualified');

  // From the keyboard: the menu opens on the focused row and Escape gives the row its focus back.
  await row.press('Shift+F10');
  await expect(entries()).toHaveText(['Open↵', 'Move to Proposal', 'Win…', 'Mark lost…', 'Copy company name']);
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(row).toBeFocused();
  // Closed by a click elsewhere, the focus stays where that click put it.
  await row.click({ button: 'right' });
  await expect(menu).toBeVisible();
  const search = page.getByRole('searchbox', { name: 'Search leads' });
  await search.click();
  await expect(menu).toHaveCount(0);
  await expect(search).toBeFocused();
  await row.focus();

  // Mark lost… opens the lead with its dialog up; cancelling leaves the lead open and unchanged.
  await row.press('ContextMenu');
  await menu.getByRole('menuitem', { name: 'Mark lost…' }).press('Enter');
  const lost = page.getByRole('dialog', { name: `Mark ${lead.company} lost` });
  await expect(lost).toBeVisible();
  await expect(detail(page)).toContainText(lead.company);
  await lost.getByRole('button', { name: 'Cancel' }).click();
  await expect(lost).toHaveCount(0);
  expect((await coreCall<LeadDetail>(page, demoApp, 'leads/get', { id: lead.id })).stage).toBe('qualified');
  await page.keyboard.press('Escape');
  await expect(row).toBeFocused();

  // Another window moves the lead back to New while this menu is open: its "Move to Proposal" changes nothing.
  await row.press('Shift+F10');
  await expect(menu.getByRole('menuitem', { name: 'Move to Proposal' })).toBeVisible();
  await coreCall(page, demoApp, 'leads/setStage', { id: lead.id, stage: 'new' });
  await menu.getByRole('menuitem', { name: 'Move to Proposal' }).click();
  await expect(
    page.getByText('The lead moved from qualified to new in the meantime; nothing was changed.'),
  ).toBeVisible();
  await expect(toasts(page)).toContainText("That can't be done now");
  expect((await coreCall<LeadDetail>(page, demoApp, 'leads/get', { id: lead.id })).stage).toBe('new');
  await expect(row).toContainText('New');

  // A closed lead's menu offers no outcome.
  const won = await coreCall<LeadPage>(page, demoApp, 'leads/query', {
    filter: { stages: ['won'] },
    sort: { column: 'created_at', direction: 'desc' },
    limit: 1,
  });
  await page.getByRole('searchbox', { name: 'Search leads' }).fill(won.rows[0]!.company);
  // Wait for the search to apply: a right click while the rows are being replaced lands on whichever row moves
  // under the pointer (an open lead's menu).
  const found = await coreCall<LeadPage>(page, demoApp, 'leads/query', { search: won.rows[0]!.company, limit: 1 });
  await expect(total(page)).toContainText(`Showing ${n(found.total)} of`);
  const wonRow = rows(page).filter({ hasText: won.rows[0]!.company }).filter({ hasText: won.rows[0]!.contactName });
  await wonRow.click({ button: 'right' });
  await expect(page.getByRole('menu').getByRole('menuitem')).toHaveText(['Open↵', 'Copy company name']);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('menuitem', { name: 'Copy company name' }).click();
  await expect(page.getByText(`Copied “${won.rows[0]!.company}”`)).toBeVisible();
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe(won.rows[0]!.company);
});

test('Settings → Scoring: a weight change is previewed, saved and rescored with progress', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  const tab = await openScoringTab(page);
  const settings = await coreCall<ScoringSettings>(page, demoApp, 'scoring/get');
  await expect(tab.getByTestId('points-total')).toHaveText('100 of 100');
  await expect(tab.getByTestId('scoring-preview')).toContainText('Change a weight');

  // The running total says what to fix; nothing can be saved meanwhile.
  await tab.getByLabel('Maximum points for Budget').fill('35');
  await expect(tab.getByTestId('points-total')).toHaveText('110 of 100');
  await expect(tab.getByText('Remove 10 points to get back to 100.')).toBeVisible();
  await expect(tab.getByRole('button', { name: 'Save and rescore' })).toBeDisabled();
  await expect(tab.getByTestId('scoring-preview')).toContainText('Fix the weights to see the preview.');
  await tab.getByLabel('Maximum points for Timeline').fill('5');
  await expect(tab.getByTestId('points-total')).toHaveText('100 of 100');

  // The preview is the core's, for exactly these weights.
  const weights = {
    ...DEFAULT_SCORING_WEIGHTS,
    points: { ...DEFAULT_SCORING_WEIGHTS.points, budget: 35, timeline: 5 },
  };
  const preview = await coreCall<ScoringPreview>(page, demoApp, 'scoring/preview', { weights });
  await expect(tab.getByTestId('preview-moved')).toHaveText(
    `${n(preview.moved)} of ${n(preview.leads)} ${preview.moved === 1 ? 'lead changes' : 'leads change'} band`,
  );
  await expect(tab.getByTestId('preview-up')).toHaveText(`${n(preview.up)} up`);
  await expect(tab.getByTestId('preview-band-hot')).toContainText(`${n(preview.after.hot)}`);
  // Each band's change is signed like every change on screen: "+3", "−2" (a true minus), blank when unchanged.
  for (const { key } of SCORE_BANDS) {
    const change = preview.after[key] - preview.before[key];
    await expect(tab.getByTestId(`preview-band-${key}`).getByRole('cell').last()).toHaveText(
      change === 0 ? '' : `${change > 0 ? '+' : '\u2212'}${n(Math.abs(change))}`,
    );
  }
  await snap(page, 'scoring-preview-light-en');

  await tab.getByRole('button', { name: 'Save and rescore' }).click();
  await expect(tab.getByTestId('rescore-done')).toBeVisible();
  await expect(tab.getByText(`Rescored ${n(preview.leads)} leads`)).toBeVisible();
  const saved = await coreCall<ScoringSettings>(page, demoApp, 'scoring/get');
  expect(saved.weights.points).toMatchObject({ budget: 35, timeline: 5 });
  // The editor now holds the saved weights: nothing left to save.
  await expect(tab.getByTestId('scoring-preview')).toContainText('Change a weight');
  await expect(tab.getByLabel('Maximum points for Budget')).toHaveValue('35');

  // The model's measured quality, as the core reports it.
  const model = settings.model!;
  await expect(tab.getByTestId('model-auc')).toHaveText(model.quality.auc!.toFixed(2));
  await expect(tab.getByTestId('model-heldout')).toHaveText(n(model.quality.heldOut));
  await expect(tab.getByTestId('calibration-summary')).toContainText(
    `Calibration on ${n(model.quality.heldOut)} held-out leads`,
  );
  await tab.getByTestId('model-card').scrollIntoViewIfNeeded();
  await snap(page, 'scoring-model-light-en');
  await expectAccessible(page, 'settings scoring');

  // Back to the defaults (confirmed), rescored again.
  await tab.getByRole('button', { name: 'Reset to defaults' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Reset and rescore' }).click();
  await expect(tab.getByTestId('points-total')).toHaveText('100 of 100');
  await expect(tab.getByLabel('Maximum points for Budget')).toHaveValue('25');
  await expect(tab.getByTestId('rescore-done')).toBeVisible();
});

test('Settings → Scoring: a closed group of shares names its values to fix', async ({ page, demoApp }) => {
  await demoApp.open(page);
  const tab = await openScoringTab(page);
  await expect(tab.getByTestId('points-total')).toHaveText('100 of 100');

  // A share out of range, then its group closed: the group's line still says what is wrong.
  const channel = tab.locator('details').filter({ has: page.locator('summary', { hasText: 'Channel' }) });
  const summary = channel.locator('summary');
  await summary.click();
  await channel.getByRole('textbox').first().fill('150');
  await expect(channel.getByTestId('field-error')).toHaveText('A share goes from 0% to 100%.');
  await summary.click();
  await expect(channel.getByTestId('field-error')).toBeHidden();
  await expect(summary).toContainText('1 value to fix');
  await expect(tab.getByTestId('scoring-preview')).toContainText('Fix the weights to see the preview.');
  await tab.getByRole('button', { name: 'Discard' }).click();
  await expect(summary).toContainText('Seven channels');
  await expect(channel.getByTestId('share-problems')).toHaveCount(0);
});

test('Settings → Scoring: points not yet whole still add up on screen', async ({ page, demoApp }) => {
  await demoApp.open(page);
  const tab = await openScoringTab(page);
  await tab.getByLabel('Maximum points for Budget').fill('12.5');
  await expect(tab.getByTestId('field-error')).toHaveText('Points must be a whole number.');
  // The total and what is missing make 100, as typed (not "88 of 100" beside "Add 12.5 points").
  await expect(tab.getByTestId('points-total')).toHaveText('87.5 of 100');
  await expect(tab.getByText('Add 12.5 points to reach 100.')).toBeVisible();
  await tab.getByLabel('Maximum points for Budget').fill('1250');
  await expect(tab.getByTestId('points-total')).toHaveText('1,325 of 100');
  await expect(tab.getByText('Remove 1,225 points to get back to 100.')).toBeVisible();
});

test('Settings → Scoring: Reset to defaults also drops unsaved edits when the saved weights are the defaults', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  const tab = await openScoringTab(page);
  await expect(tab.getByTestId('points-total')).toHaveText('100 of 100');

  // Saved weights are the defaults; unsaved edits, then Reset to defaults: the editor shows the defaults.
  await tab.getByLabel('Maximum points for Budget').fill('35');
  await tab.getByLabel('Maximum points for Timeline').fill('5');
  await expect(tab.getByTestId('preview-moved')).toBeVisible();
  await tab.getByRole('button', { name: 'Reset to defaults' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Reset and rescore' }).click();
  await expect(tab.getByTestId('rescore-done')).toBeVisible();
  await expect(tab.getByLabel('Maximum points for Budget')).toHaveValue(String(DEFAULT_SCORING_WEIGHTS.points.budget));
  await expect(tab.getByLabel('Maximum points for Timeline')).toHaveValue(
    String(DEFAULT_SCORING_WEIGHTS.points.timeline),
  );
  await expect(tab.getByTestId('scoring-preview')).toContainText('Change a weight');
  await expect(tab.getByRole('button', { name: 'Save and rescore' })).toBeDisabled();
});

test('Settings → Scoring: a reset to the default weights can be undone', async ({ page, demoApp }) => {
  await demoApp.open(page);
  const tab = await openScoringTab(page);
  await tab.getByLabel('Maximum points for Budget').fill('35');
  await tab.getByLabel('Maximum points for Timeline').fill('5');
  await tab.getByRole('button', { name: 'Save and rescore' }).click();
  await expect(tab.getByTestId('rescore-done')).toBeVisible();
  // A save is undone by editing again: only a reset, which throws the weights away, offers Undo.
  await expect(tab.getByRole('button', { name: 'Undo reset' })).toHaveCount(0);

  await tab.getByRole('button', { name: 'Reset to defaults' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Reset and rescore' }).click();
  await expect(tab.getByLabel('Maximum points for Budget')).toHaveValue(String(DEFAULT_SCORING_WEIGHTS.points.budget));
  await expect(tab.getByText('The default weights are in force.')).toBeVisible();
  await tab.getByRole('button', { name: 'Undo reset' }).click();
  await expect(tab.getByLabel('Maximum points for Budget')).toHaveValue('35');
  await expect(tab.getByLabel('Maximum points for Timeline')).toHaveValue('5');
  await expect(tab.getByTestId('rescore-done')).toBeVisible();
  await expect(tab.getByRole('button', { name: 'Undo reset' })).toHaveCount(0);
  const saved = await coreCall<ScoringSettings>(page, demoApp, 'scoring/get');
  expect(saved.weights.points).toMatchObject({ budget: 35, timeline: 5 });
});

test('Settings → Scoring: saving and resetting by keyboard keep the focus on the outcome', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  const tab = await openScoringTab(page);
  await tab.getByLabel('Maximum points for Budget').fill('35');
  await tab.getByLabel('Maximum points for Timeline').fill('5');
  await tab.getByRole('button', { name: 'Save and rescore' }).focus();
  await page.keyboard.press('Enter');
  await expect(tab.getByTestId('rescore-done')).toBeVisible();
  // Not dropped to the top of the page: on the outcome's own button.
  await expect(tab.getByTestId('scoring-preview')).toContainText('Change a weight');
  await expect(tab.getByRole('button', { name: 'Dismiss' })).toBeFocused();

  await tab.getByRole('button', { name: 'Reset to defaults' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(tab.getByText('The default weights are in force.')).toBeVisible();
  await expect(tab.getByRole('button', { name: 'Undo reset' })).toBeFocused();
});

test('Settings → Scoring in a new workspace: no lead to preview, no model until a lead closes, an empty calibration says so', async ({
  page,
  emptyApp,
}) => {
  await createEmptyAgency(page, emptyApp);
  await emptyApp.open(page);
  const openScoring = async () => {
    await openScoringTab(page);
    return page.getByTestId('model-card');
  };
  let card = await openScoring();
  await expect(card).toContainText('No model yet');

  // No lead to move: the preview says so rather than "0 of 0 leads change band" over a table of zeros.
  const tab = page.getByTestId('scoring-tab');
  await tab.getByLabel('Maximum points for Budget').fill('35');
  await tab.getByLabel('Maximum points for Timeline').fill('5');
  await expect(tab.getByTestId('preview-no-leads')).toHaveText(
    'No leads yet, so none would move. Leads added later are scored with the weights saved then.',
  );
  await expect(tab.getByTestId('preview-moved')).toHaveCount(0);
  await tab.getByRole('button', { name: 'Discard' }).click();

  // Retraining with no won or lost lead learns nothing: it says so, and there is still no model to measure.
  await card.getByRole('button', { name: 'Retrain now' }).click();
  await expect(toasts(page)).toContainText('Nothing to learn from yet: this workspace has no won or lost leads.');
  await expect(card).toContainText('No model yet');
  await expect(card.getByTestId('model-auc')).toHaveCount(0);

  // One lost lead (not one of those held out): a model, but no held-out lead to draw the calibration with.
  const lead = await coreCall<LeadDetail>(page, emptyApp, 'leads/create', bestQualifiedLead('Solo Studio'));
  await coreCall(page, emptyApp, 'leads/setStage', { id: lead.id, stage: 'lost', reason: 'Went quiet' });
  await page.reload();
  card = await openScoring();
  await expect(card.getByTestId('model-heldout')).toHaveText('0');
  await expect(card.getByTestId('calibration-empty')).toHaveText('No held-out leads to draw the calibration yet.');
});

/** Screenshots `name` light, then dark (after the colours' transition), and turns back to light. */
async function snapLightAndDark(page: Page, name: string) {
  await snap(page, `${name}-light-en`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.waitForTimeout(300);
  await snap(page, `${name}-dark-en`);
  await page.emulateMedia({ colorScheme: 'light' });
}

/** A hot lead made through the core: every qualification at its best, then enough touches for full engagement. */
async function hotLead(page: Page, app: AtalayaApp, company: string): Promise<LeadDetail> {
  const lead = await coreCall<LeadDetail>(page, app, 'leads/create', bestQualifiedLead(company));
  let scored = lead;
  for (let i = 0; i < DEFAULT_SCORING_WEIGHTS.engagement.fullTouches; i++)
    scored = await coreCall<LeadDetail>(page, app, 'leads/addActivity', { leadId: lead.id, kind: 'call' });
  expect(scored.score!).toBeGreaterThanOrEqual(95);
  return scored;
}

test('leads scored 95 or more show as opportunity alerts above the table: open one, list them, dismiss them', async ({
  page,
  demoApp,
}) => {
  const hot = (company: string) => hotLead(page, demoApp, company);
  await demoApp.open(page);
  const priorityAlerts = async () =>
    (await coreCall<{ rule: string }[]>(page, demoApp, 'alerts/list')).filter((a) => a.rule === 'lead_priority');
  const already = (await priorityAlerts()).length;
  const first = await hot('Zephyr Hot Labs');
  await hot('Yarrow Hot Studio');
  expect(await priorityAlerts()).toHaveLength(already + 2);
  await openPipeline(page);

  const strip = page.getByRole('region', { name: 'Lead alerts' });
  await expect(strip).toContainText(`${already + 2} leads scored 95 or more: assign top closers.`);
  // Hottest first (full marks); equal scores in the order they arrived.
  await expect(strip.getByRole('listitem')).toHaveText([/^Zephyr Hot Labs\s*100$/, /^Yarrow Hot Studio\s*100$/]);
  await expect(strip).toContainText('and 1 more');
  await snapLightAndDark(page, 'pipeline-lead-alerts');

  await strip.getByRole('button', { name: 'Zephyr Hot Labs 100' }).click();
  await expect(detail(page)).toContainText('Zephyr Hot Labs');
  expect(await detailScore(page)).toBe(first.score);
  await page.keyboard.press('Escape');

  await strip.getByRole('button', { name: 'Show in the table' }).click();
  await expect(total(page)).toContainText(`Showing ${already + 2} of`);
  await expect(rows(page)).toHaveCount(already + 2);

  await strip.getByRole('button', { name: `Dismiss these ${already + 2} alerts` }).click();
  await expect(page.getByTestId('lead-alerts')).toHaveCount(0);
  // The button that had focus went with the band: the table's current row takes it.
  await expect(rows(page).first()).toBeFocused();
  expect(await priorityAlerts()).toEqual([]);
});

for (const { theme, lang } of [
  { theme: 'dark', lang: 'en' },
  { theme: 'light', lang: 'es' },
  { theme: 'dark', lang: 'es' },
] as const) {
  test.describe(`${theme}, ${lang === 'en' ? 'English' : 'Spanish'}`, () => {
    test.use({ colorScheme: theme, locale: lang === 'en' ? 'en-US' : 'es-419' });
    test(`the pipeline and scoring screens (${theme}, ${lang})`, async ({ page, demoApp }) => {
      const es = lang === 'es';
      await demoApp.open(page);
      await page
        .getByRole('navigation', { name: es ? 'Principal' : 'Main' })
        .getByRole('button', { name: es ? 'Embudo' : 'Pipeline' })
        .click();
      await expect(mainHeading(page)).toHaveText(es ? 'Embudo' : 'Pipeline');
      await expect(rows(page).first()).toBeVisible();
      await expect(rows(page).first()).toContainText(es ? /Frío|Tibio|Caliente|Prioridad/ : /Cold|Warm|Hot|Priority/);
      // The default order, newest first, in words: a whole phrase, no column label mid-sentence.
      await expect(page.getByTestId('lead-sort-note')).toHaveText(
        es ? ' · ordenados del más reciente al más antiguo' : ' · sorted newest first',
      );
      await snap(page, `pipeline-table-${theme}-${lang}`);
      await expectAccessible(page, `pipeline table (${theme}, ${lang})`);
      await page.getByTestId('filters-button').click();
      await snap(page, `pipeline-filters-${theme}-${lang}`);
      await page.keyboard.press('Escape');
      await rows(page).first().click();
      await expect(detail(page).getByTestId('score-breakdown')).toBeVisible();
      await snap(page, `pipeline-lead-detail-${theme}-${lang}`);
      await expectAccessible(page, `lead detail (${theme}, ${lang})`);
      await detail(page)
        .getByRole('button', { name: es ? 'Ganar' : 'Win', exact: true })
        .click();
      await snap(page, `pipeline-win-${theme}-${lang}`);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: es ? 'Nuevo prospecto' : 'New lead', exact: true }).click();
      await page
        .getByTestId('lead-dialog')
        .getByRole('button', { name: es ? 'Agregar prospecto' : 'Add lead' })
        .click();
      await snap(page, `pipeline-new-lead-errors-${theme}-${lang}`);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+,');
      await page.getByRole('tab', { name: es ? 'Puntuación' : 'Scoring' }).click();
      const tab = page.getByTestId('scoring-tab');
      await tab.getByLabel(es ? 'Puntos máximos de Presupuesto' : 'Maximum points for Budget').fill('30');
      await tab.getByLabel(es ? 'Puntos máximos de Plazo' : 'Maximum points for Timeline').fill('10');
      await expect(tab.getByTestId('preview-moved')).toBeVisible();
      await snap(page, `scoring-preview-${theme}-${lang}`);
      await tab.getByTestId('model-card').scrollIntoViewIfNeeded();
      await expect(tab.getByTestId('calibration-chart').locator('svg').first()).toBeVisible();
      await snap(page, `scoring-model-${theme}-${lang}`);
      await expectAccessible(page, `settings scoring (${theme}, ${lang})`);
    });
  });
}

test.describe('in Spanish', () => {
  test.use({ locale: 'es-419' });

  test("the core's refusal reaches the toast in Spanish: a move built for a stage the lead left meanwhile", async ({
    page,
    demoApp,
  }) => {
    await demoApp.open(page);
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('button', { name: 'Embudo' }).click();
    await expect(mainHeading(page)).toHaveText('Embudo');
    await expect(rows(page).first()).toBeVisible();
    const qualified = await coreCall<LeadPage>(page, demoApp, 'leads/query', {
      filter: { stages: ['qualified'] },
      sort: { column: 'created_at', direction: 'desc' },
      limit: 1,
    });
    const lead = qualified.rows[0]!;
    await page.getByRole('searchbox', { name: 'Buscar prospectos' }).fill(lead.company);
    // The lead's own row (another lead may share its contact's name, and rows show until the search applies).
    const row = rows(page).filter({ hasText: lead.company }).filter({ hasText: lead.contactName });
    await expect(page.getByTestId('lead-total')).toContainText('Se muestran');
    await row.click({ button: 'right' });
    const menu = page.getByRole('menu', { name: `Acciones para ${lead.company}` });
    await expect(menu.getByRole('menuitem', { name: 'Pasar a propuesta' })).toBeVisible();
    // Another window moves the lead back to New while this menu is open.
    await coreCall(page, demoApp, 'leads/setStage', { id: lead.id, stage: 'new' });
    await menu.getByRole('menuitem', { name: 'Pasar a propuesta' }).click();
    // The core's key and params, in Spanish, with the stages by their Spanish names.
    await expect(toasts(page)).toContainText(
      'Mientras tanto, el prospecto pasó de calificado a nuevo; no se cambió nada.',
    );
    await expect(toasts(page)).toContainText('Eso no se puede hacer ahora');
    await expect(toasts(page)).not.toContainText('in the meantime');
    expect((await coreCall<LeadDetail>(page, demoApp, 'leads/get', { id: lead.id })).stage).toBe('new');
    await expect(row).toContainText('Nuevo');
  });
});

test('a lead at 95 or more says in its sheet that its Opportunity alert is open; closed or below 95 it does not', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  const dropping = await hotLead(page, demoApp, 'Zephyr Hot Labs');
  await hotLead(page, demoApp, 'Yarrow Hot Studio');
  await openPipeline(page);
  const openLead = async (company: string) => {
    await page.getByRole('searchbox', { name: 'Search leads' }).fill(company);
    await rows(page).filter({ hasText: company }).first().click();
    await expect(detail(page)).toContainText(company);
    await expect(detail(page).getByTestId('detail-score')).toBeVisible();
  };
  const callout = detail(page).getByTestId('opportunity-callout');

  await openLead('Zephyr Hot Labs');
  await expect(callout).toHaveText('OpportunityOpportunity alert open: a score of 95 or more. Assign the top closer.');
  await snapLightAndDark(page, 'pipeline-lead-opportunity');

  // Below 95 (no decision maker any more): no callout.
  const cooled = await coreCall<LeadDetail>(page, demoApp, 'leads/update', {
    id: dropping.id,
    patch: { authority: 'user' },
  });
  expect(cooled.score!).toBeLessThan(95);
  await page.keyboard.press('Escape');
  await openLead('Zephyr Hot Labs');
  await expect(detail(page).getByTestId('detail-score')).toHaveText(String(cooled.score));
  await expect(callout).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Closed: marked lost in its sheet, the callout goes.
  await openLead('Yarrow Hot Studio');
  await expect(callout).toBeVisible();
  await detail(page).getByRole('button', { name: 'Mark lost' }).click();
  const lost = page.getByTestId('lost-dialog');
  await lost.getByRole('textbox').fill('Went with another agency');
  await lost.getByRole('button', { name: 'Mark lost' }).click();
  await expect(detail(page).getByTestId('lost-reason')).toBeVisible();
  await expect(callout).toHaveCount(0);

  // In Spanish, dark.
  await page.keyboard.press('Escape');
  await hotLead(page, demoApp, 'Xenia Hot Media');
  await coreCall(page, demoApp, 'prefs/set', { language: 'es' });
  await page.reload();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('searchbox', { name: 'Buscar prospectos' }).fill('Xenia Hot Media');
  await rows(page).filter({ hasText: 'Xenia Hot Media' }).first().click();
  await expect(callout).toHaveText(
    'OportunidadAlerta de oportunidad abierta: 95 puntos o más. Asigna a tu mejor vendedor.',
  );
  await page.waitForTimeout(300);
  await snap(page, 'pipeline-lead-opportunity-dark-es');
});
