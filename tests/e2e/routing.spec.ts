/**
 * Routing, assignments, time logging and holidays on the demo agency: "Find
 * who" on a project's sheet ranks people with the reasons behind each score
 * and assigns in one click; with everyone internal full the overflow ladder
 * shows its four steps in order and a freelancer is assigned with a cost;
 * hours logged in the week grid move the assignment's logged and remaining
 * hours, and a day ahead of today is refused beside its cell; Settings ›
 * Holidays lists Denmark's calendar for Copenhagen, switches one off and adds
 * one. Screenshots in light and dark.
 */
import type { Page } from '@playwright/test';
import type { Assignment, CapacityMatrix, Holiday, RoutingReport, TimeWeek } from '../../src/shared/capacity';
import type { Hub, Person, Service } from '../../src/shared/contract';
import { addDays, startOfIsoWeek } from '../../src/shared/dates';
import type { LeadDetail, WonLead } from '../../src/shared/leads';
import type { Board, ProjectDetail } from '../../src/shared/pipeline';
import { type AtalayaApp, expect, snap, test } from './fixtures';
import { coreCall, discardPrompt, expectAccessible, mainHeading, toasts } from './screens';

test.use({ locale: 'en-US', colorScheme: 'light', timezoneId: 'UTC', reducedMotion: 'reduce' });

/** Light, then dark (the theme follows the system), then back to light. */
async function snapBoth(page: Page, name: string) {
  await snap(page, `${name}-light-en`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expectAccessible(page, `${name} (dark)`);
  await snap(page, `${name}-dark-en`);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).not.toHaveClass(/dark/);
}

const money = (minor: number, currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: 2 }).format(minor / 100);
const hours = (h: number) => `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(h)} h`;

async function workspaceToday(page: Page, app: AtalayaApp): Promise<string> {
  return (await coreCall<Board>(page, app, 'projects/board', {})).asOf;
}

/** A fresh won project (start today, due in `days`), so the window is ahead of us whatever the date. */
async function newProject(
  page: Page,
  app: AtalayaApp,
  company: string,
  serviceCode: string,
  today: string,
  days: number,
): Promise<ProjectDetail> {
  const services = await coreCall<Service[]>(page, app, 'catalogue/list');
  const hubs = await coreCall<Hub[]>(page, app, 'hubs/list');
  const service = services.find((s) => s.code === serviceCode)!;
  const lead = await coreCall<LeadDetail>(page, app, 'leads/create', {
    company,
    contactName: 'Ana Prueba',
    channel: 'referral',
    vertical: 'ecommerce',
    tier: 2,
    expectedValueMinor: 300_000,
    currency: 'USD',
    hubId: hubs.find((h) => h.name === 'Lima')?.id ?? null,
  });
  const won = await coreCall<WonLead>(page, app, 'leads/win', {
    id: lead.id,
    serviceId: service.id,
    valueMinor: 300_000,
    startDate: today,
    dueDate: addDays(today, days),
  });
  return coreCall<ProjectDetail>(page, app, 'projects/get', { id: won.projectId });
}

/** Gives core people the skill (keeping theirs) until at least `want` of them have it. */
async function ensureSkilled(page: Page, app: AtalayaApp, skill: string, want: number) {
  const today = await workspaceToday(page, app);
  const matrix = await coreCall<CapacityMatrix>(page, app, 'capacity/matrix', {
    from: today,
    granularity: 'week',
    count: 1,
  });
  const core = matrix.people.filter((p) => p.employmentType === 'core');
  let have = core.filter((p) => p.skills.some((s) => s.skill === skill)).length;
  for (const p of core) {
    if (have >= want) break;
    if (p.skills.some((s) => s.skill === skill)) continue;
    await coreCall(page, app, 'skills/set', { personId: p.id, skills: [...p.skills, { skill, level: 3 }] });
    have++;
  }
}

async function openSheet(page: Page, name: string) {
  await page.getByRole('navigation').first().getByRole('button', { name: 'Projects', exact: true }).click();
  await expect(mainHeading(page)).toHaveText('Projects');
  await page.getByTestId('project-card').filter({ hasText: name }).getByRole('button').first().click();
  const sheet = page.getByTestId('project-detail');
  await expect(sheet.getByRole('heading', { name })).toBeVisible();
  return sheet;
}

test('Find who ranks people with the reasons behind each score, and Assign puts the first on the project', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  const today = await workspaceToday(page, demoApp);
  const project = await newProject(page, demoApp, 'Ruta Andina', 'explainer', today, 20);
  await ensureSkilled(page, demoApp, 'motion', 4);
  const report = await coreCall<RoutingReport>(page, demoApp, 'routing/candidates', { projectId: project.id });
  expect(report.candidates.length, 'the demo should have someone with room for a motion project').toBeGreaterThan(0);

  const sheet = await openSheet(page, project.name);
  const section = sheet.getByTestId('assignments-section');
  await expect(section.getByRole('heading', { name: 'Assignments' })).toBeVisible();
  await expect(section.getByText('Nobody is assigned yet')).toBeVisible();
  await section.getByRole('button', { name: 'Find who' }).click();

  const panel = page.getByTestId('routing-panel');
  await expect(panel.getByRole('heading', { name: 'Who should take it?' })).toBeVisible();
  // The request: hours, skill, window and the client's time zone.
  const request = panel.getByTestId('routing-request');
  await expect(request).toContainText(hours(report.neededHours));
  await expect(request).toContainText('Motion graphics');
  await expect(request).toContainText('→');
  if (report.clientTimeZone) await expect(request).toContainText(report.clientTimeZone.replace(/_/g, ' '));

  // Ranked as the core ranks them, each with six factor bars phrased in words.
  const cards = panel.getByTestId('routing-candidate');
  await expect(cards).toHaveCount(report.candidates.length);
  for (const [i, c] of report.candidates.entries()) {
    const card = cards.nth(i);
    await expect(card).toContainText(c.name);
    await expect(card.getByTestId('candidate-score')).toContainText(String(c.score));
    await expect(card.getByTestId('routing-reason')).toHaveCount(6);
  }
  const best = report.candidates[0]!;
  const first = cards.first();
  const free = best.reasons.find((r) => r.factor === 'free_hours')!;
  await expect(first.locator('[data-factor="free_hours"]')).toContainText(`${free.points}/${free.max}`);
  await expect(first.locator('[data-factor="free_hours"]')).toContainText(
    `${hours(Number(free.detail.freeHours))} free before the due date`,
  );
  await expect(first.locator('[data-factor="skill"]')).toContainText(`Motion graphics, level ${best.skillLevel} of 5`);
  await expect(first.locator('[data-factor="quality"]')).toContainText(
    best.firstPassRate === null && best.onTimeRate === null ? 'No delivered projects yet' : 'First-pass',
  );
  const zone = best.reasons.find((r) => r.factor === 'time_zone')!;
  if (typeof zone.detail.overlapHours === 'number' && zone.detail.overlapHours > 0)
    await expect(first.locator('[data-factor="time_zone"]')).toContainText('overlap with the client’s day');
  if (report.excluded.length > 0) {
    const excluded = panel.getByTestId('routing-excluded');
    await excluded.getByRole('button', { name: `Not proposed (${report.excluded.length})` }).click();
    await expect(excluded.getByRole('listitem')).toHaveCount(report.excluded.length);
  }
  await expectAccessible(page, 'routing panel');
  await snapBoth(page, 'routing-candidates');

  // One click: the best person is on the project for the hours needed, from the window's start to the due date.
  await first.getByRole('button', { name: `Assign ${best.name}` }).click();
  await expect(panel).toBeHidden();
  const rows = section.getByTestId('assignment-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(best.name);
  await expect(rows.first().getByTestId('assignment-planned')).toHaveText(hours(report.neededHours));
  const assignments = await coreCall<Assignment[]>(page, demoApp, 'assignments/forProject', { projectId: project.id });
  expect(assignments.map((a) => [a.personId, a.plannedHours, a.startDate, a.endDate])).toEqual([
    [best.personId, report.neededHours, report.startDate, report.dueDate],
  ]);
  await snap(page, 'routing-assigned-light-en');

  // Edit the planned hours; the core refuses nothing silly, the field says what is wrong.
  await rows
    .first()
    .getByRole('button', { name: `Edit ${best.name}’s hours and dates` })
    .click();
  const dialog = page.getByTestId('assignment-dialog');
  await dialog.getByLabel('Planned hours', { exact: true }).fill('0');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByTestId('field-error')).toHaveText('Planned hours must be more than 0.');
  await dialog.getByLabel('Planned hours', { exact: true }).fill('12.5');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(rows.first().getByTestId('assignment-planned')).toHaveText('12.5 h');

  // Remove asks first; nothing is logged, so it goes.
  await rows
    .first()
    .getByRole('button', { name: `Remove ${best.name}` })
    .click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText(`Remove ${best.name} from this project?`);
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(rows).toHaveCount(0);
  await expect(section.getByText('Nobody is assigned yet')).toBeVisible();
});

test('when nobody internal has room, the overflow ladder goes in order: redistribute (applied and undone), then a freelancer with a cost', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  const today = await workspaceToday(page, demoApp);
  // A motion project for the next week, and two quick edits to fill someone's week with.
  const project = await newProject(page, demoApp, 'Ruta Llena', 'explainer', today, 6);
  const blockerProject = await newProject(page, demoApp, 'Bloque Grande', 'quick_edit', today, 6);
  const smallProject = await newProject(page, demoApp, 'Bloque Chico', 'quick_edit', today, 6);

  // Everyone in the core team gets motion for a moment, to see who has the most room this week.
  const matrix = await coreCall<CapacityMatrix>(page, demoApp, 'capacity/matrix', {
    from: today,
    granularity: 'week',
    count: 1,
  });
  const core = matrix.people.filter((p) => p.employmentType === 'core');
  const withMotion = (p: (typeof core)[number]) => [
    ...p.skills.filter((s) => s.skill !== 'motion'),
    { skill: 'motion', level: 4 },
  ];
  for (const p of core) await coreCall(page, demoApp, 'skills/set', { personId: p.id, skills: withMotion(p) });
  const open = await coreCall<RoutingReport>(page, demoApp, 'routing/candidates', { projectId: project.id });
  const [x, y] = [...open.candidates].sort((a, b) => b.freeHoursBeforeDue - a.freeHoursBeforeDue);
  expect(x && y && x.freeHoursBeforeDue > 20 && y.freeHoursBeforeDue > 12, 'two people with room this week').toBe(true);
  // X and Y keep motion (Y edits video too, the quick edits' skill); nobody else does motion or video.
  for (const p of core) {
    const skills =
      p.id === x!.personId
        ? withMotion(p)
        : p.id === y!.personId
          ? [...withMotion(p).filter((s) => s.skill !== 'video_editing'), { skill: 'video_editing', level: 4 }]
          : // Y is the only one left who can take over a quick edit, so the ladder proposes Y.
            p.skills.filter((s) => s.skill !== 'motion' && s.skill !== 'video_editing');
    await coreCall(page, demoApp, 'skills/set', { personId: p.id, skills });
  }
  // The week fills up: X keeps 8 h free (a big block and a small quick edit), Y 9 h — both short of the 10 h.
  const window = { startDate: open.startDate, endDate: open.dueDate };
  await coreCall(page, demoApp, 'assignments/create', {
    projectId: blockerProject.id,
    personId: x!.personId,
    plannedHours: x!.freeHoursBeforeDue - 16,
    ...window,
  });
  await coreCall(page, demoApp, 'assignments/create', {
    projectId: blockerProject.id,
    personId: y!.personId,
    plannedHours: y!.freeHoursBeforeDue - 9,
    ...window,
  });
  const small = await coreCall<Assignment>(page, demoApp, 'assignments/create', {
    projectId: smallProject.id,
    personId: x!.personId,
    plannedHours: 8,
    ...window,
  });
  const report = await coreCall<RoutingReport>(page, demoApp, 'routing/candidates', { projectId: project.id });
  expect(report.candidates).toEqual([]);
  const moves = report.overflow.filter((o) => o.step === 'redistribute');
  const freelancers = report.overflow.filter((o) => o.step === 'freelancer');
  const move = moves.find((o) => o.moveAssignmentId === small.id);
  expect(move, 'moving the small quick edit to Y frees X').toBeTruthy();
  expect(freelancers.length, 'the demo has a motion freelancer').toBeGreaterThan(0);

  const sheet = await openSheet(page, project.name);
  await sheet.getByRole('button', { name: 'Find who' }).click();
  const panel = page.getByTestId('routing-panel');
  await expect(panel.getByText('Nobody internal has room before the due date')).toBeVisible();
  const ladder = panel.getByTestId('overflow-ladder');
  const steps = ladder.getByTestId('overflow-step');
  await expect(steps).toHaveCount(4);
  expect(await steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-step')))).toEqual([
    'redistribute',
    'freelancer',
    'partner',
    'new_due_date',
  ]);
  await expect(steps.getByRole('heading', { level: 4 })).toHaveText([
    'Redistribute internally',
    'Approved freelancers',
    'Partner agencies',
    'Negotiate the timeline',
  ]);
  // (1) Move the small quick edit to Y: frees its hours for X.
  const moveRow = steps.nth(0).getByTestId('overflow-option').filter({ hasText: smallProject.name });
  await expect(moveRow).toContainText(`Move “${smallProject.name}” to ${y!.name}: frees 8 h`);
  await expect(moveRow).toContainText(`Then ${x!.name} has the hours for this project.`);
  // (2) Freelancers cheapest first, with their cost for the hours needed.
  const offered = steps.nth(1).getByTestId('overflow-option');
  await expect(offered).toHaveCount(freelancers.length);
  const cheapest = freelancers[0]!;
  await expect(offered.first()).toContainText(cheapest.name!);
  await expect(offered.first()).toContainText(
    `${money(cheapest.costMinor!, cheapest.costCurrency!)} for ${hours(report.neededHours)}`,
  );
  // (4) A date to ask the client for.
  const due = report.overflow.find((o) => o.step === 'new_due_date');
  if (due?.dueDate)
    await expect(steps.nth(3)).toContainText(
      `Ask the client for ${new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${due.dueDate}T12:00:00Z`))}`,
    );
  await expectAccessible(page, 'overflow ladder');
  await snapBoth(page, 'routing-ladder');
  // Who was left out, and why.
  const excluded = panel.getByTestId('routing-excluded');
  await excluded.getByRole('button', { name: /^Not proposed/ }).click();
  await expect(excluded.getByRole('listitem').filter({ hasText: x!.name })).toContainText(
    'Not enough free hours before the due date',
  );

  // Applied: the quick edit is Y's now, and X becomes a candidate.
  await moveRow.getByRole('button', { name: 'Apply' }).click();
  const done = panel.getByRole('status').filter({ hasText: `“${smallProject.name}” moved to ${y!.name}` });
  await expect(done).toBeVisible();
  await expect(panel.getByTestId('routing-candidate').filter({ hasText: x!.name })).toBeVisible();
  const [moved] = await coreCall<Assignment[]>(page, demoApp, 'assignments/forProject', { projectId: smallProject.id });
  expect(moved?.personId).toBe(y!.personId);
  await snap(page, 'routing-redistributed-light-en');
  // Undone from the panel: back to X, and the ladder again.
  await done.getByRole('button', { name: 'Undo' }).click();
  await expect(ladder).toBeVisible();
  await expect(done).toBeHidden();
  const [back] = await coreCall<Assignment[]>(page, demoApp, 'assignments/forProject', { projectId: smallProject.id });
  expect(back?.personId).toBe(x!.personId);

  // (2) in one click: the freelancer is on the project, with the cost.
  await steps
    .nth(1)
    .getByRole('button', { name: `Assign ${cheapest.name}` })
    .click();
  await expect(panel).toBeHidden();
  const row = sheet.getByTestId('assignment-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(cheapest.name!);
  await expect(row).toContainText(money(cheapest.costMinor!, cheapest.costCurrency!));
  await expect(row).toContainText('External');
  const [created] = await coreCall<Assignment[]>(page, demoApp, 'assignments/forProject', { projectId: project.id });
  expect([created?.personId, created?.costMinor, created?.costCurrency]).toEqual([
    cheapest.personId,
    cheapest.costMinor,
    cheapest.costCurrency,
  ]);
});

test('hours logged in the week grid move the logged and remaining hours; a day ahead is refused beside its cell', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  const today = await workspaceToday(page, demoApp);
  const project = await newProject(page, demoApp, 'Horas Claras', 'explainer', today, 20);
  const people = await coreCall<Person[]>(page, demoApp, 'people/list');
  const person = people.find((p) => p.employmentType === 'core' && (p.endDate === null || p.endDate > today))!;
  await coreCall(page, demoApp, 'assignments/create', {
    projectId: project.id,
    personId: person.id,
    plannedHours: 10,
    startDate: today,
    endDate: addDays(today, 20),
  });

  const sheet = await openSheet(page, project.name);
  const row = sheet.getByTestId('assignment-row');
  await expect(row.getByTestId('assignment-remaining')).toHaveText('10 h');
  await row.getByRole('button', { name: `Log time for ${person.name}` }).click();

  const dialog = page.getByTestId('time-log-dialog');
  await expect(dialog.getByRole('heading', { name: `Log time · ${person.name}` })).toBeVisible();
  const grid = dialog.getByTestId('time-grid');
  await expect(grid.getByTestId('log-day')).toHaveCount(7);
  const week = await coreCall<TimeWeek>(page, demoApp, 'time/week', { personId: person.id, weekStart: today });
  const day = week.days.indexOf(today);
  const gridRow = grid.locator(`[data-testid="log-row"][data-project-id="${project.id}"]`);
  // Each day's header shows the hours the person has left to log that day: the day's hours less those logged.
  const loggedOn = (i: number) => week.rows.reduce((sum, r) => sum + (r.hours[i] ?? 0), 0);
  const freeText = (i: number, more = 0) =>
    week.available[i] === 0 ? 'Day off' : `${hours(Math.max(0, week.available[i]! - loggedOn(i) - more))} free`;
  for (const i of week.available.keys()) await expect(grid.getByTestId('log-available').nth(i)).toHaveText(freeText(i));

  // Opened on this project's row, today: type and leave with Tab.
  const cell = gridRow.getByTestId('log-cell').nth(day);
  await expect(cell).toBeFocused();
  await page.keyboard.type('2.5');
  await page.keyboard.press('Tab');
  await expect(gridRow.getByTestId('log-row-total')).toHaveText('2.5 h');
  await expect(grid.getByTestId('log-day-total').nth(day)).toContainText('2.5');
  await expect(grid.getByTestId('log-available').nth(day)).toHaveText(freeText(day, 2.5));
  await expect(row.getByTestId('assignment-logged')).toContainText('2.5 h');
  await expect(row.getByTestId('assignment-remaining')).toHaveText('7.5 h');
  const logged = await coreCall<Assignment[]>(page, demoApp, 'assignments/forProject', { projectId: project.id });
  expect([logged[0]?.loggedHours, logged[0]?.remainingHours]).toEqual([2.5, 7.5]);

  // Changed with the keyboard: back with Shift+Tab, a new value, Enter.
  await page.keyboard.press('Shift+Tab');
  await expect(cell).toBeFocused();
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await expect(gridRow.getByTestId('log-row-total')).toHaveText('3 h');
  await expect(row.getByTestId('assignment-remaining')).toHaveText('7 h');

  // Not a quarter hour: said beside the cell, nothing saved.
  await cell.fill('1.3');
  await cell.press('Enter');
  await expect(grid.getByTestId('log-cell-error')).toHaveText('Log quarter hours (e.g. 1.25 or 1.5).');
  await cell.press('Escape');
  await expect(grid.getByTestId('log-cell-error')).toHaveCount(0);

  // Tomorrow is refused by the core; the reason sits under that cell.
  const tomorrow = addDays(today, 1);
  if (startOfIsoWeek(tomorrow) !== startOfIsoWeek(today)) {
    await dialog.getByRole('button', { name: 'Next week' }).click();
    await expect(grid.getByTestId('log-day').first()).toBeVisible();
  }
  const future = (
    await coreCall<TimeWeek>(page, demoApp, 'time/week', { personId: person.id, weekStart: tomorrow })
  ).days.indexOf(tomorrow);
  const futureCell = dialog
    .locator(`[data-testid="log-row"][data-project-id="${project.id}"]`)
    .getByTestId('log-cell')
    .nth(future);
  await futureCell.fill('1');
  await futureCell.press('Tab');
  const error = dialog.getByTestId('log-cell-error');
  await expect(error).toHaveText('That day is still ahead: hours can be logged up to today.');
  await expect(futureCell).toHaveAttribute('aria-invalid', 'true');
  await expect(futureCell).toHaveAttribute('aria-describedby', (await error.getAttribute('id'))!);
  await expectAccessible(page, 'time grid');
  await snapBoth(page, 'routing-time-grid');

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(sheet).toBeVisible();
  await expect(row.getByTestId('assignment-logged')).toContainText('3 h');
  // Logged hours keep the assignment: removing is not offered.
  await expect(row.getByRole('button', { name: `Remove ${person.name}` })).toBeDisabled();
});

/** Opens the app; gives the workspace's year and the Copenhagen hub (Denmark's public calendar). */
async function openOnCopenhagen(page: Page, app: AtalayaApp): Promise<{ year: number; copenhagen: Hub }> {
  await app.open(page);
  const year = Number((await workspaceToday(page, app)).slice(0, 4));
  const hubs = await coreCall<Hub[]>(page, app, 'hubs/list');
  return { year, copenhagen: hubs.find((h) => h.name === 'Copenhagen')! };
}

test('Settings › Holidays lists Denmark’s calendar for Copenhagen, switches one off and adds one', async ({
  page,
  demoApp,
}) => {
  test.setTimeout(120_000);
  const { year, copenhagen } = await openOnCopenhagen(page, demoApp);
  const expected = await coreCall<Holiday[]>(page, demoApp, 'holidays/list', { hubId: copenhagen.id, year });
  expect(expected.length).toBeGreaterThan(5);

  await page.getByRole('navigation').first().getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('tab', { name: 'Holidays', exact: true }).click();
  const tab = page.getByRole('tabpanel', { name: 'Holidays' });
  await tab.getByRole('combobox', { name: 'Hub' }).click();
  await page.getByRole('option', { name: 'Copenhagen' }).click();
  await expect(tab.getByTestId('holidays-calendar')).toHaveText('Public calendar of Denmark');
  await expect(tab.getByTestId('holidays-year')).toHaveText(String(year));
  const rows = tab.getByTestId('holiday-row');
  await expect(rows).toHaveCount(expected.length);
  const sorted = [...expected].sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
  await expect(rows.first()).toContainText(sorted[0]!.name);
  await expect(rows.first()).toContainText('Public calendar');
  await expectAccessible(page, 'holidays');
  await snapBoth(page, 'routing-holidays');

  // Switched off: Copenhagen works that day.
  const target = sorted.find((h) => h.active && h.source === 'library')!;
  const row = rows.filter({ hasText: target.name }).first();
  const toggle = row.getByRole('switch');
  await expect(toggle).toBeChecked();
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  await expect(row).toContainText('Working day');
  await expect
    .poll(
      async () =>
        (await coreCall<Holiday[]>(page, demoApp, 'holidays/list', { hubId: copenhagen.id, year })).find(
          (h) => h.date === target.date && h.name === target.name,
        )?.active,
    )
    .toBe(false);

  // Added by hand, with the fields checked first.
  await tab.getByRole('button', { name: 'Add holiday' }).first().click();
  const dialog = page.getByTestId('holiday-dialog');
  await dialog.getByRole('button', { name: 'Add holiday' }).click();
  await expect(dialog.getByTestId('field-error')).toHaveText(['Enter a date as mm/dd/yyyy.', 'Name the holiday.']);
  const date = `${year}-06-15`;
  await dialog.getByLabel('Date', { exact: true }).fill(date);
  await dialog.getByLabel('Holiday', { exact: true }).fill('Company day');
  await dialog.getByRole('button', { name: 'Add holiday' }).click();
  await expect(dialog).toBeHidden();
  const added = rows.filter({ hasText: 'Company day' });
  await expect(added).toHaveCount(1);
  await expect(added).toContainText('Added by hand');
  await expect(rows).toHaveCount(expected.length + 1);

  // The same again is refused beside the name.
  await tab.getByRole('button', { name: 'Add holiday' }).first().click();
  await dialog.getByLabel('Date', { exact: true }).fill(date);
  await dialog.getByLabel('Holiday', { exact: true }).fill('Company day');
  await dialog.getByRole('button', { name: 'Add holiday' }).click();
  await expect(dialog.getByTestId('field-error')).toHaveText('“Company day” is already a holiday on that day.');
  await snap(page, 'routing-holiday-dialog-light-en');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog).toBeHidden();

  // One added by hand can be removed (after a confirmation); the public calendar's only switch off.
  await expect(
    rows
      .filter({ hasText: target.name })
      .first()
      .getByRole('button', { name: /^Remove / }),
  ).toHaveCount(0);
  await added.getByRole('button', { name: /^Remove Company day/ }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Remove this holiday?' });
  await expect(confirm).toContainText(`Company day on Jun 15, ${year} will no longer be a day off in Copenhagen.`);
  await snapBoth(page, 'routing-holiday-remove');
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(added).toHaveCount(0);
  await expect(rows).toHaveCount(expected.length);
  await expect(toasts(page)).toContainText('Company day removed from Copenhagen');
  const left = await coreCall<Holiday[]>(page, demoApp, 'holidays/list', { hubId: copenhagen.id, year });
  expect(left.some((h) => h.name === 'Company day')).toBe(false);
});

test('Settings › Holidays edits one added by hand in the Add dialog, prefilled; closing asks first once anything changed', async ({
  page,
  demoApp,
}) => {
  test.setTimeout(120_000);
  const { year, copenhagen } = await openOnCopenhagen(page, demoApp);
  const offsite = { hubId: copenhagen.id, date: `${year}-06-16`, name: 'Company offsite' };
  await coreCall(page, demoApp, 'holidays/add', offsite);
  await coreCall(page, demoApp, 'holidays/add', { hubId: copenhagen.id, date: `${year}-06-17`, name: 'Team day' });
  const manual = async () =>
    (await coreCall<Holiday[]>(page, demoApp, 'holidays/list', { hubId: copenhagen.id, year }))
      .filter((h) => h.source === 'manual')
      .map((h) => `${h.date} ${h.name}`);

  await page.getByRole('navigation').first().getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('tab', { name: 'Holidays', exact: true }).click();
  const tab = page.getByRole('tabpanel', { name: 'Holidays' });
  await tab.getByRole('combobox', { name: 'Hub' }).click();
  await page.getByRole('option', { name: 'Copenhagen' }).click();
  const rows = tab.getByTestId('holiday-row');
  const row = rows.filter({ hasText: 'Company offsite' });
  await expect(row).toHaveCount(1);
  // The public calendar's holidays are switched off, never edited.
  await expect(rows.filter({ hasText: 'Public calendar' }).getByRole('button', { name: /^Edit / })).toHaveCount(0);

  // Add: a date alone is a change (typed whole, or still without its year), so closing asks first.
  const dialog = page.getByTestId('holiday-dialog');
  await tab.getByRole('button', { name: 'Add holiday' }).first().click();
  await dialog.getByLabel('Date', { exact: true }).fill(`${year}-06-20`);
  await page.keyboard.press('Escape');
  await expect(discardPrompt(page)).toBeVisible();
  await discardPrompt(page).getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog).toBeHidden();
  await tab.getByRole('button', { name: 'Add holiday' }).first().click();
  await dialog.getByLabel('Date', { exact: true }).fill('06/20');
  await page.keyboard.press('Escape');
  await expect(discardPrompt(page)).toBeVisible();
  await discardPrompt(page).getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog).toBeHidden();

  // Edit: the same dialog, prefilled; unchanged, it closes at once.
  const edit = row.getByRole('button', { name: /^Edit Company offsite/ });
  await edit.click();
  await expect(dialog.getByRole('heading', { name: 'Edit a holiday in Copenhagen' })).toBeVisible();
  const dateField = dialog.getByLabel('Date', { exact: true });
  const nameField = dialog.getByLabel('Holiday', { exact: true });
  await expect(dateField).toHaveValue(`Jun 16, ${year}`);
  await expect(dateField).toHaveAttribute('data-value', `${year}-06-16`);
  await expect(nameField).toHaveValue('Company offsite');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // Changed, then changed back: nothing to lose. The date alone changed: closing asks.
  await edit.click();
  await nameField.fill('Company offsite!');
  await nameField.fill('Company offsite');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await edit.click();
  await dateField.fill(`${year}-06-17`);
  await page.keyboard.press('Escape');
  await expect(discardPrompt(page)).toBeVisible();
  await discardPrompt(page).getByRole('button', { name: 'Keep editing' }).click();
  await expect(dialog).toBeVisible();

  // The name stops where the core's does (80 characters), and says so.
  await nameField.fill('x'.repeat(100));
  await expect(nameField).toHaveValue('x'.repeat(80));
  await expect(dialog).toContainText('80 of 80 characters: a name stops at 80.');

  // A name the hub already has on that day: refused beside the name, and nothing changes.
  await nameField.fill('Team day');
  await dialog.getByRole('button', { name: 'Save holiday' }).click();
  await expect(dialog.getByTestId('field-error')).toHaveText('“Team day” is already a holiday on that day.');
  expect(await manual()).toEqual([`${year}-06-16 Company offsite`, `${year}-06-17 Team day`]);
  await snapBoth(page, 'routing-holiday-edit');

  // Saved: moved and renamed, in the list and in the core.
  await nameField.fill('Offsite (moved)');
  await dialog.getByRole('button', { name: 'Save holiday' }).click();
  await expect(dialog).toBeHidden();
  await expect(toasts(page)).toContainText('Offsite (moved) updated in Copenhagen');
  await expect(rows.filter({ hasText: 'Company offsite' })).toHaveCount(0);
  await expect(rows.filter({ hasText: 'Offsite (moved)' })).toContainText('Added by hand');
  expect(await manual()).toEqual([`${year}-06-17 Offsite (moved)`, `${year}-06-17 Team day`]);

  // In Spanish, the same dialog.
  await coreCall(page, demoApp, 'prefs/set', { language: 'es' });
  await page.reload();
  await page.getByRole('navigation').first().getByRole('button', { name: 'Configuración', exact: true }).click();
  await page.getByRole('tab', { name: 'Feriados', exact: true }).click();
  const tabEs = page.getByRole('tabpanel', { name: 'Feriados' });
  await tabEs.getByRole('combobox', { name: 'Sede' }).click();
  await page.getByRole('option', { name: /^Copenhague|^Copenhagen/ }).click();
  await tabEs
    .getByTestId('holiday-row')
    .filter({ hasText: 'Offsite (moved)' })
    .getByRole('button', { name: /^Editar Offsite/ })
    .click();
  await expect(dialog.getByRole('heading', { name: /^Editar un feriado en/ })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Guardar feriado' })).toBeVisible();
  await snap(page, 'routing-holiday-edit-light-es');
});
