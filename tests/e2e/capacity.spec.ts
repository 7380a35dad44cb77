/**
 * Capacity on the demo agency: the people × weeks board (hubs, people and the
 * team's total as the core computes them), an assignment dragged to another
 * person with both people's utilization changing and coming back on Undo,
 * the keyboard's Move dialog, skills and time off, "Balance the week", and the
 * Demand and Coverage tabs on real data. Screenshots of every tab in light and
 * dark at the default window size, with an accessibility scan of each.
 */
import type { Locator, Page } from '@playwright/test';
import {
  type Assignment,
  type BalanceProposal,
  type CapacityMatrix,
  type CapacityPerson,
  type CoverageReport,
  type DemandReport,
  SERVICE_SKILL,
  type TimeOff,
} from '../../src/shared/capacity';
import type { Person } from '../../src/shared/contract';
import { addDays, startOfIsoWeek } from '../../src/shared/dates';
import type { Alert } from '../../src/shared/money';
import type { Board } from '../../src/shared/pipeline';
import { type AtalayaApp, expect, snap, test } from './fixtures';
import {
  coreCall,
  discardPrompt,
  expectAccessible,
  holdToasts,
  intlDate,
  mainHeading,
  toastSaying,
  toasts,
} from './screens';

test.use({ locale: 'en-US', colorScheme: 'light', timezoneId: 'UTC', reducedMotion: 'reduce' });

const board = (page: Page) => page.getByTestId('capacity-board');
const personRow = (page: Page, id: number) => page.locator(`[data-testid="capacity-person"][data-person-id="${id}"]`);
const barsRow = (page: Page, id: number) =>
  page.locator(`[data-testid="capacity-assignments"][data-person-id="${id}"]`);
const bar = (page: Page, personId: number, assignmentId: number) =>
  barsRow(page, personId).locator(`[data-assignment-id="${assignmentId}"]`).getByRole('button');

/** The button that opens a person's row to their assignments. */
const expandButton = (page: Page, person: { id: number; name: string }) =>
  personRow(page, person.id).getByRole('button', { name: new RegExp(`^Assignments of ${person.name}`) });

/** Opens the person's row, focuses an assignment's bar and presses M: the Move dialog. */
async function openMoveDialog(page: Page, person: { id: number; name: string }, assignmentId: number) {
  await expandButton(page, person).click();
  await bar(page, person.id, assignmentId).focus();
  await page.keyboard.press('m');
  return page.getByTestId('move-dialog');
}

const reEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const en = (n: number, digits: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(n);
/** A cell's hours as the board writes them: "12.5/40". */
const cellText = (f: { committed: number; available: number }) => `${en(f.committed, 1)}/${en(f.available, 0)}`;

/** A person's Time off dialog, from the actions menu of their row on the board. */
async function openTimeOff(page: Page, person: { id: number; name: string }) {
  await personRow(page, person.id)
    .getByRole('button', { name: `Actions for ${person.name}` })
    .click();
  await page.getByRole('menuitem', { name: 'Time off…' }).click();
}

async function openCapacity(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Capacity', exact: true }).click();
  await expect(mainHeading(page)).toHaveText('Capacity');
  await expect(board(page)).toBeVisible();
}

/** The matrix the board shows by default: 13 weeks from this week, every hub. */
async function coreMatrix(page: Page, app: AtalayaApp, extra: Record<string, unknown> = {}): Promise<CapacityMatrix> {
  const probe = await coreCall<CapacityMatrix>(page, app, 'capacity/matrix', {
    from: '2026-01-05',
    granularity: 'week',
    count: 1,
  });
  return coreCall<CapacityMatrix>(page, app, 'capacity/matrix', {
    from: startOfIsoWeek(probe.today),
    granularity: 'week',
    count: 13,
    ...extra,
  });
}

/** A project of the demo in production, to assign work on. */
async function productionProject(page: Page, app: AtalayaApp) {
  const project = (await coreCall<Board>(page, app, 'projects/board', {})).columns.find((c) => c.stage === 'production')
    ?.cards[0];
  expect(project, 'the demo has a project in production').toBeTruthy();
  return project!;
}

/** A cell's numbers as shown: committed and available hours. */
async function shown(cell: Locator): Promise<{ committed: number; available: number }> {
  const text = (await cell.getByTestId('cell-hours').textContent()) ?? '';
  const [committed, available] = text.split('/').map((s) => Number(s.replace(/,/g, '')));
  return { committed: committed!, available: available! };
}

/** A core person with open work that lands inside the window, and a core colleague with room, side by side. */
function pickMove(matrix: CapacityMatrix): { from: CapacityPerson; to: CapacityPerson; assignment: Assignment } {
  const core = matrix.people.filter((p) => p.employmentType === 'core');
  for (const from of core) {
    const assignment = from.assignments.find((a) => a.remainingHours > 0);
    if (!assignment) continue;
    const index = matrix.people.indexOf(from);
    // The nearest core colleague on the board (so both rows are in view together) who works these weeks.
    const to = [...matrix.people]
      .map((p, i) => ({ p, d: Math.abs(i - index) }))
      .filter(({ p }) => p.id !== from.id && p.employmentType === 'core' && p.total.available > 0)
      .sort((a, b) => a.d - b.d)[0]?.p;
    if (to) return { from, to, assignment };
  }
  throw new Error('the demo has no core person with open work in these weeks');
}

/** The assignment a move gave the taker: the same row, or the one the move split off (an id the taker did not have). */
function landedOn(matrix: CapacityMatrix, to: CapacityPerson, moved: Assignment): Assignment {
  const taker = matrix.people.find((p) => p.id === to.id)!;
  const landed = taker.assignments.find(
    (a) => a.id === moved.id || (a.projectName === moved.projectName && !to.assignments.some((b) => b.id === a.id)),
  );
  if (!landed) throw new Error(`${to.name} did not get ${moved.projectName}`);
  return landed;
}

/** Drags with the mouse in small steps, as a hand would. */
async function drag(page: Page, from: Locator, to: { x: number; y: number }) {
  const f = (await from.boundingBox())!;
  const start = { x: f.x + Math.min(24, f.width / 2), y: f.y + f.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++)
    await page.mouse.move(start.x + ((to.x - start.x) * i) / 12, start.y + ((to.y - start.y) * i) / 12);
  await page.mouse.up();
}

test('the board shows hubs, people and the team’s total as the core computes them, week by week or day by day', async ({
  page,
  demoApp,
}) => {
  test.setTimeout(120_000);
  await demoApp.open(page);
  await openCapacity(page);
  const matrix = await coreMatrix(page, demoApp);

  // One group per hub with its totals, one row per person, the team (core people) at the foot.
  await expect(page.getByTestId('capacity-hub-row')).toHaveCount(matrix.hubs.length);
  for (const [i, hub] of matrix.hubs.entries()) {
    const row = page.getByTestId('capacity-hub-row').nth(i);
    await expect(row.getByRole('rowheader')).toContainText(hub.name);
    await expect(row.getByTestId('hub-total').getByTestId('cell-hours')).toHaveText(cellText(hub.total));
    await expect(row.getByTestId('hub-cell').first().getByTestId('cell-hours')).toHaveText(cellText(hub.cells[0]!));
  }
  await expect(page.getByTestId('capacity-person')).toHaveCount(matrix.people.length);
  for (const person of matrix.people) {
    const row = personRow(page, person.id);
    await expect(row.getByRole('rowheader')).toContainText(person.name);
    await expect(row.getByTestId('capacity-cell')).toHaveCount(13);
    await expect(row.getByTestId('person-total').getByTestId('cell-hours')).toHaveText(cellText(person.total));
  }
  const team = page.getByTestId('capacity-team');
  await expect(team.getByRole('rowheader')).toContainText('Team');
  await expect(team.getByTestId('team-total').getByTestId('cell-hours')).toHaveText(cellText(matrix.team.total));
  const teamCells = team.getByTestId('team-cell');
  await expect(teamCells).toHaveCount(13);
  for (const [i, c] of matrix.team.cells.entries())
    await expect(teamCells.nth(i).getByTestId('cell-hours')).toHaveText(cellText(c));
  // Every cell carries its band, and the team's total is core people only.
  const core = matrix.people.filter((p) => p.employmentType === 'core');
  expect(matrix.team.total.available).toBeCloseTo(
    core.reduce((s, p) => s + p.total.available, 0),
    1,
  );
  // Today's column is marked, and the legend names every band.
  await expect(board(page).locator('th[aria-current="date"]')).toHaveCount(1);
  // This week's column is named by its number like the others ("Today" over its Monday read as a wrong date).
  await expect(board(page).locator('th[aria-current="date"]')).toContainText(/^W\d+/);
  const legend = page.getByTestId('band-legend');
  for (const word of ['No hours', 'Under', 'Healthy', 'Near full', 'Overloaded', 'Time off', 'Holiday', 'Today'])
    await expect(legend).toContainText(word);

  // The page never scrolls sideways; the board scrolls inside itself.
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1280);
  const box = (await board(page).boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(1280);
  expect(await page.getByRole('main').evaluate((m) => m.scrollHeight - m.clientHeight)).toBeLessThanOrEqual(0);
  await expectAccessible(page, 'capacity board');

  // Days: 14 columns from this Monday; Next moves a week on; Today comes back.
  const range = page.getByTestId('capacity-range');
  const weeksRange = (await range.textContent()) ?? '';
  await page.getByRole('radio', { name: 'Days' }).click();
  await expect(board(page).locator('th[data-period-col]')).toHaveCount(14);
  const days = await coreCall<CapacityMatrix>(page, demoApp, 'capacity/matrix', {
    from: startOfIsoWeek(matrix.today),
    granularity: 'day',
    count: 14,
  });
  const someone = days.people[0]!;
  const cells = personRow(page, someone.id).getByTestId('capacity-cell');
  for (const [i, c] of someone.cells.entries())
    await expect(cells.nth(i).getByTestId('cell-hours')).toHaveText(cellText(c));
  await page.getByRole('button', { name: 'Next week' }).click();
  await expect(range).not.toHaveText(weeksRange);
  await expect(board(page).locator('th[aria-current="date"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Today', exact: true }).click();
  await expect(board(page).locator('th[aria-current="date"]')).toHaveCount(1);
  await expect(board(page).locator('th[aria-current="date"]')).toContainText('Today');
  await page.getByRole('radio', { name: 'Weeks' }).click();
  await expect(range).toHaveText(weeksRange);

  // The top bar's hub filter narrows the board to that hub's people.
  const hubs = await coreCall<{ id: number; name: string }[]>(page, demoApp, 'hubs/list');
  const lima = hubs.find((h) => h.name === 'Lima')!;
  await page.getByRole('combobox', { name: /hub/i }).click();
  await page.getByRole('option', { name: 'Lima' }).click();
  const limaMatrix = await coreMatrix(page, demoApp, { hubId: lima.id });
  await expect(page.getByTestId('capacity-person')).toHaveCount(limaMatrix.people.length);
  await expect(page.getByTestId('capacity-hub-row')).toHaveCount(1);
  await expect(page.getByTestId('capacity-team').getByTestId('team-total').getByTestId('cell-hours')).toHaveText(
    cellText(limaMatrix.team.total),
  );
});

test('drags an assignment to another person: both people’s hours change, and Undo (button or Ctrl+Z) restores them', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  await openCapacity(page);
  const matrix = await coreMatrix(page, demoApp);
  const { from, to, assignment } = pickMove(matrix);

  const fromTotal = personRow(page, from.id).getByTestId('person-total');
  const toTotal = personRow(page, to.id).getByTestId('person-total');
  const before = { from: await shown(fromTotal), to: await shown(toTotal) };
  expect(before.from).toEqual({
    committed: Number(en(from.total.committed, 1).replace(/,/g, '')),
    available: from.total.available,
  });

  // Open the person's row: their assignments as bars.
  const expand = expandButton(page, from);
  await expect(expand).toHaveAttribute('aria-expanded', 'false');
  await expand.click();
  await expect(expand).toHaveAttribute('aria-expanded', 'true');
  await expect(barsRow(page, from.id).getByTestId('assignment-bar')).toHaveCount(from.assignments.length);
  const source = bar(page, from.id, assignment.id);
  await expect(source).toHaveAccessibleName(new RegExp(`^${reEscape(assignment.projectName)}`));

  // Drag it straight down (or up) onto the colleague's row: same dates, another person.
  await source.scrollIntoViewIfNeeded();
  await personRow(page, to.id).scrollIntoViewIfNeeded();
  await source.scrollIntoViewIfNeeded();
  const s = (await source.boundingBox())!;
  const target = (await personRow(page, to.id).boundingBox())!;
  await drag(page, source, { x: s.x + Math.min(24, s.width / 2), y: target.y + target.height / 2 });

  await expect(toasts(page)).toContainText(`Moved ${assignment.projectName} to ${to.name}`);
  // Its Undo is pressed after the checks below (the core, a screenshot): the pointer holds the toast until then.
  await holdToasts(toastSaying(page, `Moved ${assignment.projectName} to ${to.name}`));
  // The giver's hours go down by what was left, the taker's go up.
  await expect.poll(async () => (await shown(fromTotal)).committed).toBeLessThan(before.from.committed);
  await expect.poll(async () => (await shown(toTotal)).committed).toBeGreaterThan(before.to.committed);
  const after = { from: await shown(fromTotal), to: await shown(toTotal) };
  expect(after.from.committed).toBeCloseTo(before.from.committed - assignment.remainingHours, 0);
  expect(after.to.committed).toBeCloseTo(before.to.committed + assignment.remainingHours, 0);
  const moved = await coreMatrix(page, demoApp);
  expect(landedOn(moved, to, assignment).remainingHours).toBeCloseTo(assignment.remainingHours, 2);
  // The taker's row opens on the bar that landed there.
  await expect(
    barsRow(page, to.id).getByTestId('assignment-bar').filter({ hasText: assignment.projectName }),
  ).not.toHaveCount(0);
  await snap(page, 'capacity-moved-light-en');

  // Undo from the toast: both come back exactly.
  await toasts(page).getByRole('button', { name: 'Undo' }).click();
  await expect(toasts(page)).toContainText('Undone');
  await expect(fromTotal.getByTestId('cell-hours')).toHaveText(cellText(from.total));
  await expect(toTotal.getByTestId('cell-hours')).toHaveText(
    cellText(matrix.people.find((p) => p.id === to.id)!.total),
  );
  const restored = await coreMatrix(page, demoApp);
  expect(restored.people.find((p) => p.id === from.id)!.total).toEqual(from.total);
  expect(restored.people.find((p) => p.id === to.id)!.total).toEqual(to.total);

  // Again, undone with Ctrl+Z while the toast shows.
  await bar(page, from.id, assignment.id).scrollIntoViewIfNeeded();
  await personRow(page, to.id).scrollIntoViewIfNeeded();
  const s2 = (await bar(page, from.id, assignment.id).boundingBox())!;
  const t2 = (await personRow(page, to.id).boundingBox())!;
  await drag(page, bar(page, from.id, assignment.id), {
    x: s2.x + Math.min(24, s2.width / 2),
    y: t2.y + t2.height / 2,
  });
  await expect.poll(async () => (await shown(fromTotal)).committed).toBeLessThan(before.from.committed);
  await page.keyboard.press('Control+z');
  await expect(fromTotal.getByTestId('cell-hours')).toHaveText(cellText(from.total));
  await expect(toTotal.getByTestId('cell-hours')).toHaveText(cellText(to.total));
});

test('moves an assignment with the keyboard: M opens the Move dialog, a person and a week later, Enter applies', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  await openCapacity(page);
  const matrix = await coreMatrix(page, demoApp);
  const { from, to, assignment } = pickMove(matrix);

  // Open the row from the keyboard, focus the bar, M.
  const expand = expandButton(page, from);
  await expand.focus();
  await page.keyboard.press('Enter');
  await expect(expand).toHaveAttribute('aria-expanded', 'true');
  await bar(page, from.id, assignment.id).focus();
  await page.keyboard.press('m');
  const dialog = page.getByTestId('move-dialog');
  await expect(dialog.getByRole('heading', { name: `Move ${assignment.projectName}` })).toBeVisible();
  const shift = dialog.getByRole('textbox', { name: 'Shift in weeks' });
  await expect(shift).toBeFocused();

  // The person: the select by keyboard (open, type the name, Enter).
  await dialog.getByRole('combobox', { name: 'Person' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listbox')).toBeVisible();
  await page.keyboard.type(to.name.split(' ')[0]!, { delay: 30 });
  await expect(page.getByRole('option', { name: to.name })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('combobox', { name: 'Person' })).toContainText(to.name);
  // A week later than it opens (work whose dates have passed opens at the weeks that bring it to this week):
  // ↑ in the shift field, then Enter applies.
  const opening = Math.max(
    0,
    Math.ceil((Date.parse(matrix.today) - Date.parse(assignment.endDate)) / (7 * 86_400_000)),
  );
  await expect(shift).toHaveValue(String(opening));
  await shift.focus();
  await page.keyboard.press('ArrowUp');
  const weeks = opening + 1;
  await expect(shift).toHaveValue(String(weeks));
  await expect(dialog).toContainText('New dates:');
  await snap(page, 'capacity-move-dialog-light-en');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(toasts(page)).toContainText(
    `Moved ${assignment.projectName} to ${to.name}, +${weeks} ${weeks === 1 ? 'week' : 'weeks'}`,
  );

  const moved = await coreMatrix(page, demoApp);
  const landed = landedOn(moved, to, assignment);
  expect(landed.remainingHours).toBeCloseTo(assignment.remainingHours, 2);
  expect(landed.endDate >= addDays(assignment.endDate, 7 * weeks)).toBe(true);

  // Ctrl+Z takes it back.
  await page.keyboard.press('Control+z');
  await expect(toasts(page)).toContainText('Undone');
  const back = await coreMatrix(page, demoApp);
  expect(back.people.find((p) => p.id === from.id)!.assignments.find((a) => a.id === assignment.id)).toMatchObject({
    personId: from.id,
    startDate: assignment.startDate,
    endDate: assignment.endDate,
    plannedHours: assignment.plannedHours,
  });
});

test('the Move dialog warns when the chosen person lacks the skill the project needs', async ({ page, demoApp }) => {
  await demoApp.open(page);
  await openCapacity(page);
  const matrix = await coreMatrix(page, demoApp);
  const { from, assignment } = pickMove(matrix);
  const has = (p: CapacityPerson) => p.skills.some((s) => s.skill === assignment.skill);
  const without = matrix.people.find((p) => p.id !== from.id && !has(p))!;
  const skilled = matrix.people.find((p) => p.id !== from.id && has(p));

  const dialog = await openMoveDialog(page, from, assignment.id);
  const person = dialog.getByRole('combobox', { name: 'Person' });
  const choose = async (p: CapacityPerson) => {
    await person.click();
    await page.getByRole('option', { name: p.name }).click();
    await expect(person).toContainText(p.name);
  };
  await choose(without);
  const warning = dialog.getByTestId('move-skill-warning');
  await expect(warning).toContainText(`${without.name} doesn’t have`);
  await expect(person).toHaveAccessibleDescription(/the skill this project needs/);
  if (skilled) {
    await choose(skilled);
    await expect(warning).toHaveCount(0);
  }
});

for (const theme of ['light', 'dark'] as const)
  test(`the Move dialog of work whose dates have passed opens at the shift that plans it from this week (${theme})`, async ({
    page,
    demoApp,
  }) => {
    await page.emulateMedia({ colorScheme: theme });
    await demoApp.open(page);
    await openCapacity(page);
    const matrix = await coreMatrix(page, demoApp);
    const { from } = pickMove(matrix);
    const project = await productionProject(page, demoApp);
    const today = matrix.today;
    // Ended two weeks ago with hours left.
    const late = await coreCall<Assignment>(page, demoApp, 'assignments/create', {
      projectId: project.id,
      personId: from.id,
      plannedHours: 6,
      startDate: addDays(today, -18),
      endDate: addDays(today, -14),
    });
    await page.reload();
    await expect(board(page)).toBeVisible();
    const dialog = await openMoveDialog(page, from, late.id);
    const shift = dialog.getByRole('textbox', { name: 'Shift in weeks' });
    const short = (d: string) => intlDate(d, 'en-US', { month: 'short', day: 'numeric' });
    // Not 0 (which keeps it in the past): two weeks, so its last day is today.
    await expect(shift).toHaveValue('2');
    await expect(dialog.getByTestId('move-past-note')).toHaveText(
      `Its dates, ${short(late.startDate)} – ${short(late.endDate)}, have passed, so the shift is set to 2 weeks later: the work is planned from this week on.`,
    );
    await expect(dialog).toContainText(`New dates: ${short(addDays(today, -4))} – ${short(today)}`);
    await page.mouse.move(5, 5);
    await snap(page, `capacity-move-past-${theme}-en`);
    // A shift that leaves it in the past says so, and does not pass for a plan.
    await shift.fill('0');
    await expect(dialog.getByTestId('move-past-warning')).toContainText('still in the past: its hours stay overdue');
    await shift.fill('1');
    await expect(dialog.getByTestId('move-past-warning')).toBeVisible();
    await shift.fill('2');
    await expect(dialog.getByTestId('move-past-warning')).toHaveCount(0);
    await shift.press('Enter');
    await expect(dialog).toBeHidden();
    const moved = (await coreMatrix(page, demoApp)).people
      .find((p) => p.id === from.id)!
      .assignments.find((a) => a.id === late.id)!;
    expect(moved).toMatchObject({ startDate: addDays(today, -4), endDate: today, late: false });
  });

test('Ctrl+Z inside a dialog does not take back the last move behind it', async ({ page, demoApp }) => {
  await demoApp.open(page);
  await openCapacity(page);
  const matrix = await coreMatrix(page, demoApp);
  const { from, to, assignment } = pickMove(matrix);
  const move = await openMoveDialog(page, from, assignment.id);
  await move.getByRole('combobox', { name: 'Person' }).click();
  await page.getByRole('option', { name: to.name }).click();
  await move.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(toasts(page)).toContainText(`Moved ${assignment.projectName} to ${to.name}`);

  // The Skills dialog of someone else, focus on one of its levels: Ctrl+Z there leaves the move alone.
  await personRow(page, to.id)
    .getByRole('button', { name: `Actions for ${to.name}` })
    .click();
  await page.getByRole('menuitem', { name: 'Skills…' }).click();
  const skills = page.getByTestId('skills-dialog');
  await expect(skills).toBeVisible();
  // The move's toast (and so its Ctrl+Z) must outlive what follows: the pointer holds it.
  await holdToasts(toastSaying(page, `Moved ${assignment.projectName} to ${to.name}`));
  await skills.getByRole('radio').first().focus();
  await page.keyboard.press('Control+z');
  await expect(skills).toBeVisible();
  // The move's toast still offers its Undo (taking it back dismisses it), and nothing says "Undone".
  await expect(toasts(page).getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect(toasts(page)).not.toContainText('Undone');
  const after = await coreMatrix(page, demoApp);
  expect(landedOn(after, to, assignment).personId).toBe(to.id);
});

test('a person’s skills and time off are edited from their row, with field errors beside the fields', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  await openCapacity(page);
  const matrix = await coreMatrix(page, demoApp);
  const person = matrix.people.find((p) => p.employmentType === 'core')!;

  // Skills: voice-over at level 4, saved.
  await personRow(page, person.id)
    .getByRole('button', { name: `Actions for ${person.name}` })
    .click();
  await page.getByRole('menuitem', { name: 'Skills…' }).click();
  const skills = page.getByTestId('skills-dialog');
  await expect(skills.getByRole('heading', { name: `Skills of ${person.name}` })).toBeVisible();
  await expect(skills.getByTestId('skill-row')).toHaveCount(11);
  await skills.getByRole('radiogroup', { name: 'Voice-over' }).getByRole('radio', { name: 'Level 4' }).click();
  await snap(page, 'capacity-skills-light-en');
  await skills.getByRole('button', { name: 'Save skills' }).click();
  await expect(skills).toBeHidden();
  await expect(toasts(page)).toContainText(`${person.name} has`);
  const people = await coreMatrix(page, demoApp);
  expect(people.people.find((p) => p.id === person.id)!.skills).toContainEqual({ skill: 'voice', level: 4 });

  // Time off: an end before the start is refused beside the field; a real one is added, then removed.
  await openTimeOff(page, person);
  const off = page.getByTestId('time-off-dialog');
  await expect(off.getByRole('heading', { name: `Time off of ${person.name}` })).toBeVisible();
  const monday = addDays(startOfIsoWeek(matrix.today), 21);
  await off.getByLabel('First day').fill(addDays(monday, 2));
  await off.getByLabel('Last day').fill(monday);
  await off.getByRole('button', { name: 'Add time off' }).click();
  await expect(off.getByTestId('field-error')).toContainText('The end date cannot be before the start date.');
  await off.getByLabel('First day').fill(monday);
  await off.getByLabel('Last day').fill(addDays(monday, 4));
  await off.getByLabel('Note').fill('Conference');
  await off.getByRole('button', { name: 'Add time off' }).click();
  await expect(off.getByTestId('field-error')).toHaveCount(0);
  const item = off.getByTestId('time-off-item').filter({ hasText: 'Conference' });
  const stored = await coreCall<TimeOff[]>(page, demoApp, 'timeOff/list', { personId: person.id });
  expect(stored).toContainEqual(
    expect.objectContaining({ startDate: monday, endDate: addDays(monday, 4), kind: 'vacation', note: 'Conference' }),
  );
  const conference = stored.find((o) => o.note === 'Conference')!;
  await expect(item.getByTestId('time-off-days')).toHaveText(
    conference.workingDays === 5 ? ' · 5 working days' : ` · ${conference.workingDays} working days (5 calendar days)`,
  );
  // Friday to Monday: four calendar days, but the weekend takes no working day, as on the board.
  await off.getByLabel('First day').fill(addDays(monday, 11));
  await off.getByLabel('Last day').fill(addDays(monday, 14));
  await off.getByLabel('Note').fill('Long weekend');
  await off.getByRole('button', { name: 'Add time off' }).click();
  await expect(toasts(page)).toContainText(/Time off added for .*, (no working days|\d working days?)$/);
  const weekend = (await coreCall<TimeOff[]>(page, demoApp, 'timeOff/list', { personId: person.id })).find(
    (o) => o.note === 'Long weekend',
  )!;
  expect(weekend.workingDays).toBeLessThanOrEqual(2);
  const weekendDays = weekend.workingDays === 1 ? '1 working day' : `${weekend.workingDays} working days`;
  await expect(off.getByTestId('time-off-item').filter({ hasText: 'Long weekend' })).toContainText(
    `${weekendDays} (4 calendar days)`,
  );
  // The same days again clash: the core's message shows beside the first day.
  await off.getByLabel('First day').fill(addDays(monday, 11));
  await off.getByLabel('Last day').fill(addDays(monday, 14));
  await off.getByRole('button', { name: 'Add time off' }).click();
  await expect(off.getByTestId('field-error')).toContainText('This overlaps time off already booked');
  await snap(page, 'capacity-time-off-light-en');
  // The week on the board has no hours left for that person, and says why. (The clashing dates were typed, not
  // added: closing asks first.)
  await page.keyboard.press('Escape');
  await discardPrompt(page).getByRole('button', { name: 'Discard changes' }).click();
  await expect(off).toBeHidden();
  const week = personRow(page, person.id).getByTestId('capacity-cell').nth(3);
  await expect(week).toHaveAttribute('data-available', '0');
  // Days off are the working days the time off takes, as the dialog counts them (a holiday is not one).
  await expect(week).toContainText(conference.workingDays === 1 ? '1 day off' : `${conference.workingDays} days off`);

  // Removing asks first.
  await openTimeOff(page, person);
  await off
    .getByTestId('time-off-item')
    .filter({ hasText: 'Conference' })
    .getByRole('button', { name: /^Remove time off/ })
    .click();
  await expect(page.getByRole('alertdialog', { name: 'Remove this time off?' })).toBeVisible();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
  await expect(off.getByTestId('time-off-item').filter({ hasText: 'Conference' })).toHaveCount(0);
  const left = await coreCall<TimeOff[]>(page, demoApp, 'timeOff/list', { personId: person.id });
  expect(left.some((o) => o.note === 'Conference')).toBe(false);
});

test('the time off form says the working days the dates would take before adding them, as the list then does', async ({
  page,
  demoApp,
}) => {
  test.setTimeout(120_000);
  await demoApp.open(page);
  await openCapacity(page);
  const matrix = await coreMatrix(page, demoApp);
  const person = matrix.people.find((p) => p.employmentType === 'core' && p.hubId !== null)!;
  // A hub holiday on the Wednesday counts as the list counts it: not a working day taken.
  const monday = addDays(startOfIsoWeek(matrix.today), 28);
  await coreCall(page, demoApp, 'holidays/add', { hubId: person.hubId, date: addDays(monday, 2), name: 'Preview day' });

  await openTimeOff(page, person);
  const off = page.getByTestId('time-off-dialog');
  const preview = off.getByTestId('time-off-preview');
  // Both dates are today's at first: the line is there from the start.
  await expect(preview).toBeVisible();
  // An end before the start: no count, the error says why.
  await off.getByLabel('First day').fill(addDays(monday, 4));
  await off.getByLabel('Last day').fill(monday);
  await off.getByLabel('First day').click();
  await expect(preview).toHaveCount(0);
  // Monday to Sunday: seven calendar days, the weekend and the hub holiday taking none.
  await off.getByLabel('First day').fill(monday);
  await off.getByLabel('Last day').fill(addDays(monday, 6));
  await off.getByLabel('Note').fill('Preview week');
  await expect(preview).toHaveText(/^Takes (no working days|\d working days?) \(7 calendar days\)$/);
  // The count of these dates, not one still on its way from the dates typed before.
  await expect(preview).not.toHaveAttribute('aria-busy', 'true');
  const before = (await preview.textContent())!.replace(/^Takes /, '');
  await snap(page, 'capacity-time-off-preview-light-en');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expectAccessible(page, 'time off preview (dark)');
  await snap(page, 'capacity-time-off-preview-dark-en');
  await page.emulateMedia({ colorScheme: 'light' });

  await off.getByRole('button', { name: 'Add time off' }).click();
  const item = off.getByTestId('time-off-item').filter({ hasText: 'Preview week' });
  await expect(item.getByTestId('time-off-days')).toHaveText(` · ${before}`);
  const booked = (await coreCall<TimeOff[]>(page, demoApp, 'timeOff/list', { personId: person.id })).find(
    (o) => o.note === 'Preview week',
  )!;
  expect(booked.workingDays).toBeLessThanOrEqual(4);
  expect(before.startsWith(booked.workingDays === 0 ? 'no working days' : `${booked.workingDays} working day`)).toBe(
    true,
  );

  // In Spanish, the same line.
  await coreCall(page, demoApp, 'prefs/set', { language: 'es' });
  await page.reload();
  await expect(mainHeading(page)).toHaveText('Capacidad');
  await personRow(page, person.id)
    .getByRole('button', { name: `Acciones para ${person.name}` })
    .click();
  await page.getByRole('menuitem', { name: 'Ausencias…' }).click();
  await off.getByLabel('Primer día').fill(addDays(monday, 11));
  await off.getByLabel('Último día').fill(addDays(monday, 14));
  await off.getByLabel('Nota').click();
  await expect(preview).toHaveText(/^(No ocupa ningún día hábil|Ocupa \d días? hábil(es)?) \(4 días calendario\)$/);
  await snap(page, 'capacity-time-off-preview-light-es');
});

test('the time off form opens on the first day not already booked, and moves on past what it adds', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  await openCapacity(page);
  const matrix = await coreMatrix(page, demoApp);
  const person = matrix.people.find((p) => p.employmentType === 'core')!;
  const booked = await coreCall<TimeOff[]>(page, demoApp, 'timeOff/list', { personId: person.id });
  // Today is booked: by the demo already, or here (today alone, so it cannot clash with what the demo holds).
  const start = matrix.today;
  const after: { startDate: string; endDate: string }[] = [...booked];
  if (!booked.some((o) => o.startDate <= start && start <= o.endDate)) {
    await coreCall(page, demoApp, 'timeOff/add', {
      personId: person.id,
      startDate: start,
      endDate: start,
      kind: 'sick',
      note: null,
    });
    after.push({ startDate: start, endDate: start });
  }
  const firstFree = (from: string) => {
    let day = from;
    while (after.some((o) => o.startDate <= day && day <= o.endDate)) day = addDays(day, 1);
    return day;
  };

  await openTimeOff(page, person);
  const off = page.getByTestId('time-off-dialog');
  const first = off.getByLabel('First day');
  await expect(first).toHaveAttribute('data-value', firstFree(start));
  await expect(off.getByLabel('Last day')).toHaveAttribute('data-value', firstFree(start));
  // Nothing typed yet: Escape closes without asking.
  await page.keyboard.press('Escape');
  await expect(off).toBeHidden();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);

  // Added as opened, the form moves on to the next free day.
  await openTimeOff(page, person);
  const day = firstFree(start);
  await expect(first).toHaveAttribute('data-value', day);
  await off.getByRole('button', { name: 'Add time off' }).click();
  after.push({ startDate: day, endDate: day });
  await expect(first).toHaveAttribute('data-value', firstFree(day));
  await expect(off.getByTestId('field-error')).toHaveCount(0);
});

test('Balance the week shows the core’s proposal — moves to choose from, or that nobody is overloaded', async ({
  page,
  demoApp,
}) => {
  test.setTimeout(120_000);
  await demoApp.open(page);
  // Load one person with this week's work beyond their hours, where a colleague with the same skill has room.
  const matrix = await coreMatrix(page, demoApp);
  const today = await coreCall<CapacityMatrix>(page, demoApp, 'capacity/matrix', {
    from: matrix.today,
    granularity: 'day',
    count: 1,
  });
  const boardData = await coreCall<Board>(page, demoApp, 'projects/board', {});
  const project = boardData.columns.find((c) => c.stage === 'production')?.cards[0];
  const worksToday = new Set(today.people.filter((p) => p.cells[0]!.available > 0).map((p) => p.id));
  const room = (p: CapacityPerson) => p.cells[0]!.available - p.cells[0]!.committed;
  const core = matrix.people.filter((p) => p.employmentType === 'core').sort((a, b) => room(b) - room(a));
  const taker = core[0];
  const giver = core.find((p) => p.id !== taker?.id && worksToday.has(p.id) && room(p) > 0);
  if (project && taker && giver) {
    const detail = await coreCall<{ serviceId: number }>(page, demoApp, 'projects/get', { id: project.id });
    const services = await coreCall<{ id: number; code: string }[]>(page, demoApp, 'catalogue/list');
    const skill = SERVICE_SKILL[services.find((x) => x.id === detail.serviceId)?.code ?? ''] ?? 'video_editing';
    for (const p of [giver, taker])
      await coreCall(page, demoApp, 'skills/set', {
        personId: p.id,
        skills: [...p.skills.filter((x) => x.skill !== skill), { skill, level: 3 }],
      });
    const hours = Math.floor(room(giver) / 2) + 3;
    if (hours <= room(taker))
      for (let i = 0; i < 2; i++)
        await coreCall(page, demoApp, 'assignments/create', {
          projectId: project.id,
          personId: giver.id,
          plannedHours: hours,
          startDate: matrix.today,
          endDate: addDays(startOfIsoWeek(matrix.today), 6),
        });
  }

  await openCapacity(page);
  await page.getByRole('button', { name: 'Balance the week' }).click();
  const dialog = page.getByTestId('balance-dialog');
  await expect(dialog.getByRole('heading', { name: 'Balance the week' })).toBeVisible();
  await expect(dialog.getByText('This week', { exact: true })).toBeVisible();
  const proposal = await coreCall<BalanceProposal>(page, demoApp, 'capacity/balance', {});
  await expect(dialog.getByRole('status', { name: 'Loading…' })).toHaveCount(0);

  if (proposal.moves.length === 0) {
    await expect(
      dialog.getByRole('heading', { name: /Nobody is overloaded in the week|No move would help/ }),
    ).toBeVisible();
    await snap(page, 'capacity-balance-light-en');
    await expectAccessible(page, 'balance the week (empty)');
    return;
  }

  // Every proposed move, all chosen; before/after per person; the overload before and after.
  const moves = dialog.getByTestId('balance-move');
  await expect(moves).toHaveCount(proposal.moves.length);
  for (const m of proposal.moves) {
    const row = moves.filter({ hasText: m.projectName }).filter({ hasText: m.toName }).first();
    await expect(row).toContainText(m.fromName);
    await expect(row.getByRole('checkbox')).toBeChecked();
  }
  await expect(dialog.getByTestId('balance-people').getByRole('row')).toHaveCount(proposal.before.length + 1);
  await expect(dialog.getByTestId('balance-overload')).toContainText(`${en(proposal.overloadBefore, 1)} h`);
  await expect(dialog.getByTestId('balance-overload')).toContainText(`${en(proposal.overloadAfter, 1)} h`);
  const apply = dialog.getByTestId('balance-apply');
  await expect(apply).toHaveText(proposal.moves.length === 1 ? 'Apply 1 move' : `Apply ${proposal.moves.length} moves`);
  await snap(page, 'capacity-balance-light-en');
  await expectAccessible(page, 'balance the week');

  // Leaving one out: the button counts the rest, and none → nothing to apply.
  await moves.first().getByRole('checkbox').uncheck();
  if (proposal.moves.length === 1) await expect(apply).toBeDisabled();
  else
    await expect(apply).toHaveText(
      `Apply ${proposal.moves.length - 1} move${proposal.moves.length - 1 === 1 ? '' : 's'}`,
    );
  await moves.first().getByRole('checkbox').check();

  // Apply them all: the board follows, and Undo puts everything back.
  await apply.click();
  await expect(dialog).toBeHidden();
  const applied = proposal.moves.length === 1 ? 'Applied 1 move' : `Applied ${proposal.moves.length} moves`;
  await expect(toasts(page)).toContainText(applied);
  // Its Undo is pressed after the core is asked twice: the pointer holds the toast until then.
  await holdToasts(toastSaying(page, applied));
  const balanced = await coreCall<BalanceProposal>(page, demoApp, 'capacity/balance', {});
  expect(balanced.overloadBefore).toBeCloseTo(proposal.overloadAfter, 1);
  const gave = proposal.moves[0]!.fromPersonId;
  const afterMatrix = await coreMatrix(page, demoApp);
  await expect(personRow(page, gave).getByTestId('capacity-cell').first().getByTestId('cell-hours')).toHaveText(
    cellText(afterMatrix.people.find((p) => p.id === gave)!.cells[0]!),
  );
  await toasts(page).getByRole('button', { name: 'Undo' }).click();
  await expect(toasts(page)).toContainText('Undone');
  const undone = await coreCall<BalanceProposal>(page, demoApp, 'capacity/balance', {});
  expect(undone.overloadBefore).toBeCloseTo(proposal.overloadBefore, 1);
});

test('Balance the week opens on the first week the board shows once it has moved on to later weeks', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  await openCapacity(page);
  const matrix = await coreMatrix(page, demoApp);
  await page.getByRole('button', { name: 'Next 4 weeks' }).click();
  const first = addDays(startOfIsoWeek(matrix.today), 28);
  const day = (d: string) =>
    new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${d}T12:00:00Z`),
    );
  await expect(page.getByTestId('capacity-range')).toContainText(day(first));
  await page.getByRole('button', { name: 'Balance the week' }).click();
  const dialog = page.getByTestId('balance-dialog');
  await expect(dialog).toContainText(`${day(first)} – ${day(addDays(first, 6))}`);
  await expect(dialog.getByText('This week', { exact: true })).toHaveCount(0);
  // This week is one click away.
  await dialog.getByRole('button', { name: 'Back to this week' }).click();
  await expect(dialog.getByText('This week', { exact: true })).toBeVisible();
});

test('Balance the week with every move left out says to choose one, not "Apply 0 moves"', async ({ page, demoApp }) => {
  await demoApp.open(page);
  // Next week: one core person loaded past their hours, a colleague with the same skill and room.
  const matrix = await coreMatrix(page, demoApp);
  const next = addDays(startOfIsoWeek(matrix.today), 7);
  const room = (p: CapacityPerson) => p.cells[1]!.available - p.cells[1]!.committed;
  const [taker, giver] = matrix.people.filter((p) => p.employmentType === 'core').sort((a, b) => room(b) - room(a));
  const project = await productionProject(page, demoApp);
  const detail = await coreCall<{ serviceId: number }>(page, demoApp, 'projects/get', { id: project.id });
  const services = await coreCall<{ id: number; code: string }[]>(page, demoApp, 'catalogue/list');
  const skill = SERVICE_SKILL[services.find((x) => x.id === detail.serviceId)?.code ?? ''] ?? 'video_editing';
  for (const p of [giver!, taker!])
    await coreCall(page, demoApp, 'skills/set', {
      personId: p.id,
      skills: [...p.skills.filter((x) => x.skill !== skill), { skill, level: 3 }],
    });
  const hours = Math.ceil(room(giver!) / 2) + 3;
  expect(hours).toBeLessThanOrEqual(room(taker!));
  for (let i = 0; i < 2; i++)
    await coreCall(page, demoApp, 'assignments/create', {
      projectId: project.id,
      personId: giver!.id,
      plannedHours: hours,
      startDate: next,
      endDate: addDays(next, 4),
    });

  await openCapacity(page);
  await page.getByRole('button', { name: 'Balance the week' }).click();
  const dialog = page.getByTestId('balance-dialog');
  await dialog.getByRole('button', { name: 'Next week' }).click();
  const moves = dialog.getByTestId('balance-move');
  await expect(moves.first()).toBeVisible();
  const apply = dialog.getByTestId('balance-apply');
  for (const box of await moves.getByRole('checkbox').all()) await box.uncheck();
  await expect(apply).toBeDisabled();
  await expect(apply).toHaveText('Choose a move to apply');
  await moves.first().getByRole('checkbox').check();
  await expect(apply).toHaveText('Apply 1 move');
});

test('someone over capacity in the next 7 days shows as an alert above the board: open their row, then dismiss', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  // Twice a core person's hours of the coming week, on a project in production.
  const week = await coreCall<CapacityMatrix>(page, demoApp, 'capacity/matrix', {
    from: (await coreMatrix(page, demoApp)).today,
    granularity: 'day',
    count: 7,
  });
  const hours = (p: CapacityPerson) => p.cells.reduce((sum, c) => sum + c.available, 0);
  const person = week.people.filter((p) => p.employmentType === 'core').sort((a, b) => hours(b) - hours(a))[0]!;
  const project = await productionProject(page, demoApp);
  await coreCall(page, demoApp, 'assignments/create', {
    projectId: project.id,
    personId: person.id,
    plannedHours: hours(person) * 2,
    startDate: week.today,
    endDate: addDays(week.today, 6),
  });
  const raised = (await coreCall<Alert[]>(page, demoApp, 'alerts/list', { entity: 'person' })).find(
    (a) => a.entityId === person.id,
  );
  expect(raised?.rule).toBe('person_overloaded');

  await openCapacity(page);
  const strip = page.getByRole('region', { name: 'Capacity alerts' });
  await expect(strip).toContainText('over capacity in the next 7 days');
  const link = strip.getByRole('button', {
    name: new RegExp(`^${reEscape(person.name)} ${raised!.params.utilizationPct}%$`),
  });
  await expect(link).toBeVisible();
  await link.click();
  // Their row opens to show the assignments, with the keyboard on it.
  await expect(barsRow(page, person.id)).toBeVisible();
  await expect(personRow(page, person.id).getByRole('button').first()).toBeFocused();
  await expectAccessible(page, 'capacity alerts');

  await strip.getByRole('button', { name: /^Dismiss/ }).click();
  await expect(strip).toHaveCount(0);
  // The focus had been on the strip: the board's first person takes it.
  await expect(page.getByTestId('capacity-person').first().getByRole('button').first()).toBeFocused();
  const open = await coreCall<Alert[]>(page, demoApp, 'alerts/list', { entity: 'person' });
  expect(open.some((a) => a.entityId === person.id)).toBe(false);
});

test('an overdue bar sits where its hours land, beyond a full fortnight, and says so in its tooltip and name', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  const today = (await coreMatrix(page, demoApp)).today;
  const monday = startOfIsoWeek(today);
  // A core person employed for a while, with working days these weeks.
  const staff = await coreCall<Person[]>(page, demoApp, 'people/list');
  const fortnight = await coreCall<CapacityMatrix>(page, demoApp, 'capacity/matrix', {
    from: monday,
    granularity: 'day',
    count: 14,
  });
  const free = (p: CapacityPerson) =>
    p.cells.reduce((sum, c, i) => sum + (addDays(monday, i) >= today ? c.available : 0), 0);
  const person = fortnight.people
    .filter((p) => {
      const row = staff.find((x) => x.id === p.id);
      return p.employmentType === 'core' && row && row.startDate <= addDays(today, -30) && row.endDate === null;
    })
    .sort((a, b) => free(b) - free(a))[0]!;
  expect(free(person), 'someone works the coming fortnight').toBeGreaterThan(0);
  const project = await productionProject(page, demoApp);
  // Full from today to the end of next week: twice their hours, over their own days.
  await coreCall(page, demoApp, 'assignments/create', {
    projectId: project.id,
    personId: person.id,
    plannedHours: Math.ceil(free(person) * 2),
    startDate: today,
    endDate: addDays(monday, 13),
  });
  // Two weeks late, with hours left.
  const late = await coreCall<Assignment>(page, demoApp, 'assignments/create', {
    projectId: project.id,
    personId: person.id,
    plannedHours: 18,
    startDate: addDays(today, -21),
    endDate: addDays(today, -14),
  });
  const matrix = await coreMatrix(page, demoApp);
  const a = matrix.people.find((p) => p.id === person.id)!.assignments.find((x) => x.id === late.id)!;
  // (Hours the person logged on the project count against it: what is left may be less than 18.)
  expect(a.overdue).toBe(true);
  expect(a.remainingHours).toBeGreaterThan(0);
  expect(a.hoursFrom! >= addDays(monday, 14), 'the full fortnight leaves room only after it').toBe(true);
  // The week a date falls in, or the window's last when it is later.
  const column = (date: string) => {
    const i = matrix.periods.findIndex((p) => p.end >= date);
    return i === -1 ? matrix.periods.length - 1 : i;
  };
  const [first, last] = [column(a.hoursFrom!), column(a.hoursTo!)];
  expect(first).toBeGreaterThanOrEqual(2);

  await openCapacity(page);
  const expand = expandButton(page, person);
  await expand.click();
  await expect(expand).toHaveAttribute('aria-expanded', 'true');
  const item = barsRow(page, person.id).locator(`[data-assignment-id="${late.id}"]`);
  // It spans the weeks where its hours land, not today's.
  const cols = board(page).locator('th[data-period-col]');
  const box = (await item.boundingBox())!;
  const from = (await cols.nth(first).boundingBox())!;
  const to = (await cols.nth(last).boundingBox())!;
  expect(Math.abs(box.x - from.x)).toBeLessThan(2);
  expect(Math.abs(box.x + box.width - (to.x + to.width))).toBeLessThan(2);
  const now = (await board(page).locator('th[aria-current="date"]').boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(now.x + now.width - 1);
  // Marked overdue, and its name and tooltip say where the hours fall.
  const day = (d: string, year = false) =>
    new Intl.DateTimeFormat('en-US', {
      month: 'short',
      day: 'numeric',
      ...(year ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    }).format(new Date(`${d}T12:00:00Z`));
  const [hoursFrom, hoursTo] = [a.hoursFrom!, a.hoursTo!];
  const where =
    hoursFrom === hoursTo
      ? `Overdue: ${en(a.remainingHours, 1)} h on ${day(hoursFrom)}`
      : `Overdue: ${en(a.remainingHours, 1)} h from ${day(hoursFrom)} to ${day(hoursTo, hoursFrom.slice(0, 4) !== hoursTo.slice(0, 4))}`;
  const face = bar(page, person.id, late.id);
  await expect(face.locator('svg.lucide-calendar-clock')).toHaveCount(1);
  await expect(face).toHaveAccessibleName(new RegExp(`${reEscape(where)}\\. Past its end date`));
  await face.hover();
  await expect(page.getByRole('tooltip')).toContainText(where);
  await expect(page.getByRole('tooltip')).toContainText('Past its end date');
  await snap(page, 'capacity-overdue-bar');
});

test('a one-column bar that goes on past the window shows the same arrow as a wide one, inside its column', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  const matrix = await coreMatrix(page, demoApp);
  const monday = matrix.periods[0]!.start;
  const staff = await coreCall<Person[]>(page, demoApp, 'people/list');
  const person = matrix.people.find((p) => {
    const row = staff.find((x) => x.id === p.id);
    return p.employmentType === 'core' && row && row.startDate <= monday && row.endDate === null;
  })!;
  const project = await productionProject(page, demoApp);
  const assign = (startDate: string, endDate: string) =>
    coreCall<Assignment>(page, demoApp, 'assignments/create', {
      projectId: project.id,
      personId: person.id,
      plannedHours: 12,
      startDate,
      endDate,
    });
  // From the Tuesday of the window's last week for three weeks: one column, going on after it.
  const after = await assign(addDays(matrix.periods[12]!.start, 1), addDays(matrix.periods[12]!.start, 22));
  // From three weeks in to the Wednesday after four: one column, going on before the window four weeks on.
  const before = await assign(addDays(monday, 21), addDays(monday, 30));

  await openCapacity(page);
  await expandButton(page, person).click();
  const cols = board(page).locator('th[data-period-col]');
  const check = async (id: number, column: number, arrow: 'left' | 'right') => {
    const face = bar(page, person.id, id);
    await expect(face).toContainText('12');
    await expect(face.locator(`svg.lucide-arrow-${arrow}`)).toBeVisible();
    await expect(face.locator(`svg.lucide-arrow-${arrow === 'left' ? 'right' : 'left'}`)).toHaveCount(0);
    // The arrow and the hours sit inside the bar, and the bar inside its column.
    const [box, col, icon] = [
      (await face.boundingBox())!,
      (await cols.nth(column).boundingBox())!,
      (await face.locator('svg').boundingBox())!,
    ];
    expect(box.x).toBeGreaterThanOrEqual(col.x - 1);
    expect(box.x + box.width).toBeLessThanOrEqual(col.x + col.width + 1);
    expect(icon.x).toBeGreaterThanOrEqual(box.x);
    expect(icon.x + icon.width).toBeLessThanOrEqual(box.x + box.width);
  };
  await check(after.id, 12, 'right');
  await page.getByRole('button', { name: 'Next 4 weeks' }).click();
  await expect(page.getByTestId('capacity-range')).toContainText(
    new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${addDays(monday, 28)}T12:00:00Z`),
    ),
  );
  await check(before.id, 0, 'left');
});

test('Demand and Coverage show the core’s numbers', async ({ page, demoApp }) => {
  test.setTimeout(120_000);
  await demoApp.open(page);
  await openCapacity(page);

  // Demand: 13 weeks, a chart and a table; the weeks short of people stand out.
  await page.getByRole('tab', { name: 'Demand' }).click();
  const demand = await coreCall<DemandReport>(page, demoApp, 'capacity/demand', { weeks: 13 });
  const rows = page.getByTestId('demand-row');
  await expect(rows).toHaveCount(13);
  const first = demand.weeks[0]!;
  const firstCells = rows.first().getByRole('cell');
  await expect(firstCells.nth(1)).toHaveText(`${en(first.capacityHours, 0)} h`);
  await expect(firstCells.nth(4)).toHaveText(`${en(first.demandHours, 0)} h`);
  // Every row adds up as written: projects + pipeline = demand, demand − capacity = gap; the total is their sum.
  const hoursIn = async (cell: Locator) =>
    Number(((await cell.textContent()) ?? '').replace(/[^\d−-]/g, '').replace('−', '-'));
  let capacityShown = 0;
  for (let i = 0; i < 13; i++) {
    const cells = rows.nth(i).getByRole('cell');
    const [capacity, projects, pipeline, load, gap] = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => hoursIn(cells.nth(n))),
    );
    expect(projects! + pipeline!, `week ${i + 1}`).toBe(load);
    expect(load! - capacity!, `week ${i + 1}`).toBe(gap);
    capacityShown += capacity!;
  }
  const short = demand.weeks.filter((w) => w.gapPeople > 0);
  await expect(page.getByTestId('gap-short')).toHaveCount(short.length);
  await expect(page.getByTestId('demand-chart').locator('svg').first()).toBeVisible();
  await expect(page.getByTestId('demand-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('demand-summary')).toContainText(`${en(capacityShown, 0)} h`);
  await expectAccessible(page, 'capacity demand');

  // Coverage: Copenhagen by default; New York's day is covered by the hubs to its south.
  await page.getByRole('tab', { name: 'Coverage' }).click();
  await expect(page.getByRole('combobox', { name: 'Client time zone' })).toContainText('Copenhagen');
  const strip = page.getByTestId('coverage-strip');
  await expect(strip.getByTestId('coverage-hour')).toHaveCount(24);
  await page.getByRole('combobox', { name: 'Client time zone' }).click();
  await page.getByRole('option', { name: /New York/ }).click();
  const date = (await page.getByLabel('Date').getAttribute('data-value')) ?? '';
  const report = await coreCall<CoverageReport>(page, demoApp, 'capacity/coverage', {
    timeZone: 'America/New_York',
    date,
  });
  for (const h of report.hours)
    await expect(strip.getByTestId('coverage-hour').nth(h.hour)).toHaveAttribute('data-count', String(h.people.length));
  await expect(strip.locator('[data-business]')).toHaveCount(8);
  // An hour with people: its names below the strip.
  const busy = report.hours.filter((h) => h.hour >= 9 && h.hour < 17).find((h) => h.people.length > 0);
  if (busy) {
    await strip.getByTestId('coverage-hour').nth(busy.hour).click();
    const detail = page.getByTestId('coverage-detail');
    await expect(detail.getByTestId('coverage-person')).toHaveCount(busy.people.length);
    for (const p of busy.people) await expect(detail).toContainText(p.name);
    // The arrow keys walk the hours.
    await page.keyboard.press('ArrowRight');
    await expect(detail).toContainText(`${String(busy.hour + 1).padStart(2, '0')}:00–`);
  }
  await expectAccessible(page, 'capacity coverage');
});

test('with a hub chosen in the top bar, Coverage says it still counts every hub, as it shows', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  await openCapacity(page);
  await page.getByRole('tab', { name: 'Coverage' }).click();
  const note = page.getByTestId('capacity-coverage').locator('p').filter({ hasText: "in the client's local hours" });
  await expect(note).toHaveText("Core people at work, in the client's local hours.");
  const hubFilter = page.getByRole('combobox', { name: 'Hub filter' });
  await hubFilter.click();
  await page.getByRole('option', { name: 'Lima' }).click();
  await expect(hubFilter).toHaveText('Lima');
  // The strip goes on stacking every hub's people (its legend names them all): the note must not let "Lima" in the
  // top bar pass for a Lima-only count.
  await expect(page.getByRole('list', { name: /hub/i })).toContainText('Caracas');
  await expect(note).toHaveText(
    "Core people of every hub at work, in the client's local hours: coverage counts the whole team, not only Lima.",
  );
});

test('with a hub chosen in the top bar, Demand and Balance the week count that hub as the board does', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  await openCapacity(page);
  const hubFilter = page.getByRole('combobox', { name: 'Hub filter' });
  await hubFilter.click();
  await page.getByRole('option', { name: 'Lima' }).click();
  await expect(hubFilter).toHaveText('Lima');
  const lima = (await coreMatrix(page, demoApp)).hubs.find((h) => h.name === 'Lima')!;
  const limaMatrix = await coreMatrix(page, demoApp, { hubId: lima.hubId });
  await expect(page.getByTestId('capacity-hub')).toHaveCount(1);

  await page.getByRole('tab', { name: 'Demand' }).click();
  const demand = await coreCall<DemandReport>(page, demoApp, 'capacity/demand', { weeks: 13, hubId: lima.hubId });
  const first = page.getByTestId('demand-row').first().getByRole('cell');
  // This week's capacity is the Lima hub's, as its row on the board says, not the whole agency's.
  await expect(first.nth(1)).toHaveText(`${en(limaMatrix.hubs[0]!.cells[0]!.available, 0)} h`);
  await expect(first.nth(4)).toHaveText(`${en(demand.weeks[0]!.demandHours, 0)} h`);
  await expect(page.getByTestId('capacity-demand')).toContainText("Core people's available hours in Lima");

  // Balance the week, too, works among the hub's people: its overload, its moves.
  await page.getByRole('tab', { name: 'Board' }).click();
  await page.getByRole('button', { name: 'Balance the week' }).click();
  const dialog = page.getByTestId('balance-dialog');
  await expect(dialog).toContainText("Moves among Lima's people");
  const proposal = await coreCall<BalanceProposal>(page, demoApp, 'capacity/balance', { hubId: lima.hubId });
  await expect(dialog.getByRole('status', { name: 'Loading…' })).toHaveCount(0);
  await expect(dialog.getByTestId('balance-move')).toHaveCount(proposal.moves.length);
});

for (const theme of ['light', 'dark'] as const)
  test(`every tab at the default window size (${theme})`, async ({ page, demoApp }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: theme });
    await demoApp.open(page);
    await openCapacity(page);
    const matrix = await coreMatrix(page, demoApp);
    const { from } = pickMove(matrix);
    await expandButton(page, from).click();
    await expect(barsRow(page, from.id).getByTestId('assignment-bar').first()).toBeVisible();
    await page.mouse.move(5, 5);
    await snap(page, `capacity-board-${theme}-en`);
    await expectAccessible(page, `capacity board (${theme})`);

    await page.getByRole('radio', { name: 'Days' }).click();
    await expect(board(page).locator('th[data-period-col]')).toHaveCount(14);
    await snap(page, `capacity-board-days-${theme}-en`);
    await page.getByRole('radio', { name: 'Weeks' }).click();

    await page.getByRole('tab', { name: 'Demand' }).click();
    await expect(page.getByTestId('demand-row')).toHaveCount(13);
    await page.mouse.move(5, 5);
    await snap(page, `capacity-demand-${theme}-en`);
    await expectAccessible(page, `capacity demand (${theme})`);

    await page.getByRole('tab', { name: 'Coverage' }).click();
    await expect(page.getByTestId('coverage-hour')).toHaveCount(24);
    await page.mouse.move(5, 5);
    await snap(page, `capacity-coverage-${theme}-en`);
    await expectAccessible(page, `capacity coverage (${theme})`);

    // In Spanish the board keeps its shape (longer words, the same columns).
    await coreCall(page, demoApp, 'prefs/set', { language: 'es' });
    await page.reload();
    await expect(mainHeading(page)).toHaveText('Capacidad');
    await page.getByRole('tab', { name: 'Tablero' }).click();
    await expect(board(page).locator('th[data-period-col]')).toHaveCount(13);
    await expect(page.getByRole('button', { name: 'Equilibrar la semana' })).toBeVisible();
    await page.mouse.move(5, 5);
    await snap(page, `capacity-board-${theme}-es`);
  });

test.describe('in Spanish, in the smallest window (1024 × 680)', () => {
  test.use({ locale: 'es-419', viewport: { width: 1024, height: 680 } });

  test('the Demand tiles say all of what each number counts, nothing cut off', async ({ page, demoApp }) => {
    await demoApp.open(page);
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('button', { name: 'Capacidad' }).click();
    await page.getByRole('tab', { name: 'Demanda' }).click();
    const tiles = page.getByTestId('demand-tile');
    await expect(tiles).toHaveCount(3);
    await expect(tiles.nth(0)).toContainText('Horas disponibles de las personas fijas');
    for (const tile of await tiles.all()) {
      for (const line of await tile.locator('p').all()) {
        const clipped = await line.evaluate((el) => el.scrollWidth > el.clientWidth);
        expect(clipped, `"${await line.textContent()}" is cut off`).toBe(false);
      }
    }
  });
});
