/**
 * Projects on the demo agency: the production board (columns, WIP counts and
 * values as the core computes them), moves by keyboard and by drag with their
 * stage history and undo, quality gates reviewed in order, delivery blocked
 * until the three gates pass, and delivery with satisfaction that issues the
 * final invoice. Screenshots in light and dark, English and Spanish.
 */
import type { Locator, Page } from '@playwright/test';
import type { Service } from '../../src/shared/contract';
import type { ProjectKpis } from '../../src/shared/kpis';
import type { LeadDetail } from '../../src/shared/leads';
import type { Invoice } from '../../src/shared/money';
import type { Board, BoardCard, BoardStage, ProjectDetail } from '../../src/shared/pipeline';
import { type AtalayaApp, expect, snap, test } from './fixtures';
import {
  chooseCustomPeriod,
  chooseHub,
  coreCall,
  expectAccessible,
  holdToasts,
  mainHeading,
  percentText,
  toastSaying,
  toasts,
} from './screens';

test.use({ locale: 'en-US', colorScheme: 'light', timezoneId: 'UTC', reducedMotion: 'reduce' });

const column = (page: Page, stage: BoardStage) => page.getByTestId(`board-column-${stage}`);
const cardIn = (page: Page, stage: BoardStage, name: string) =>
  column(page, stage).getByTestId('project-card').filter({ hasText: name });

async function openProjects(page: Page, title = 'Projects') {
  await page.getByRole('navigation').first().getByRole('button', { name: title, exact: true }).click();
  await expect(mainHeading(page)).toHaveText(title);
  await expect(page.getByTestId('production-board')).toBeVisible();
}

/** The first open project in a stage, as the core has it. */
async function firstIn(page: Page, app: AtalayaApp, stage: BoardStage): Promise<BoardCard> {
  const board = await coreCall<Board>(page, app, 'projects/board', {});
  const card = board.columns.find((c) => c.stage === stage)?.cards[0];
  if (!card) throw new Error(`the demo has no project in ${stage}`);
  return card;
}

/** A column header's value as the board shows it: whole units, compact from 100k up. */
function headerMoney(minor: number | null, currency: string): string {
  if (minor === null) return '—';
  const major = minor / 100;
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    ...(Math.abs(major) >= 100_000 ? { notation: 'compact', maximumFractionDigits: 1 } : { maximumFractionDigits: 0 }),
  }).format(major);
}

async function expectColumnsMatch(page: Page, board: Board) {
  for (const c of board.columns) {
    const col = column(page, c.stage);
    await expect(col.getByTestId('column-count')).toContainText(String(c.count));
    await expect(col.getByTestId('column-value')).toContainText(headerMoney(c.valueMinor, board.reportingCurrency));
    await expect(col.getByTestId('project-card')).toHaveCount(c.cards.length);
  }
}

/** Opens the card's move menu from the keyboard (M) and chooses a stage with the arrow keys and Enter. */
/** The buttons that scroll the board sit beside it, never on the part of a column it shows (header or cards). */
async function expectScrollButtonsClear(page: Page) {
  const board = (await page.getByTestId('production-board').boundingBox())!;
  const columns = await page.locator('[data-testid^="board-column-"]').all();
  let seen = 0;
  for (const id of ['board-scroll-left', 'board-scroll-right']) {
    const button = page.getByTestId(id);
    if ((await button.count()) === 0) continue;
    seen++;
    await expect(button).toBeInViewport();
    const b = (await button.boundingBox())!;
    for (const column of columns) {
      const c = (await column.boundingBox())!;
      const left = Math.max(c.x, board.x);
      const right = Math.min(c.x + c.width, board.x + board.width);
      const top = Math.max(c.y, board.y);
      const bottom = Math.min(c.y + c.height, board.y + board.height);
      const covers = b.x < right && b.x + b.width > left && b.y < bottom && b.y + b.height > top;
      expect(covers, `${id} covers ${await column.getAttribute('data-testid')}`).toBe(false);
    }
  }
  expect(seen, 'a scroll button is offered').toBeGreaterThan(0);
}

async function moveByKeyboard(page: Page, card: Locator, stage: string) {
  await card.getByRole('button').first().focus();
  await page.keyboard.press('m');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  const item = menu.getByRole('menuitem', { name: stage, exact: true });
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('ArrowDown');
    if (
      await item.evaluate(
        (el) => el === (el as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement,
      )
    )
      break;
  }
  await expect(item).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
}

/** The element has the keyboard focus (a check, not a wait). */
const isActive = (el: unknown) =>
  el === (el as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement;

async function history(page: Page, app: AtalayaApp, id: number) {
  return (await coreCall<ProjectDetail>(page, app, 'projects/get', { id })).history.map((h) => h.toStage);
}

test('the board shows every production stage with the core’s WIP counts and values, and fits the window', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  await openProjects(page);
  const board = await coreCall<Board>(page, demoApp, 'projects/board', {});
  expect(board.columns.map((c) => c.stage)).toEqual([
    'discovery',
    'production',
    'qa',
    'client_preview',
    'revision',
    'final_delivery',
    'invoiced',
    'paid',
  ]);
  const headings = page.getByTestId('production-board').getByRole('heading', { level: 2 });
  await expect(headings).toHaveText([
    'Discovery',
    'Production',
    'QA',
    'Client preview',
    'Revision',
    'Final delivery',
    'Invoiced',
    'Paid',
  ]);
  await expectColumnsMatch(page, board);
  // Every open project carries its due-date risk as a word (with an icon), not a colour alone.
  const open = board.columns.slice(0, 5).flatMap((c) => c.cards);
  await expect(page.getByTestId('production-board').getByTestId('risk-badge')).toHaveCount(open.length);
  const overdue = open.filter((c) => c.risk === 'overdue').length;
  if (overdue > 0) await expect(page.getByTestId('board-summary')).toContainText(`${overdue} overdue`);
  // Paid shows the cards moved there in the last 30 days; its header counts all of them.
  const paid = board.columns.find((c) => c.stage === 'paid')!;
  expect(paid.count).toBeGreaterThan(paid.cards.length);
  await expect(column(page, 'paid')).toContainText(
    `The latest ${paid.cards.length} of ${paid.count.toLocaleString('en-US')} (moved here in the last 30 days)`,
  );

  // The page never scrolls sideways: the board scrolls inside itself, the work stages in view first.
  // (A string: this file is type-checked without the DOM library.)
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1280);
  const scroller = page.getByTestId('production-board');
  const box = (await scroller.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(1280);
  for (const stage of ['discovery', 'production', 'qa', 'client_preview', 'revision'] as const) {
    const b = (await column(page, stage).boundingBox())!;
    expect(b.x + b.width, `${stage} is in view`).toBeLessThanOrEqual(box.x + box.width);
  }
  // The page itself fits 800 px high: the columns scroll, not the page.
  expect(await page.getByRole('main').evaluate((m) => m.scrollHeight - m.clientHeight)).toBeLessThanOrEqual(0);
  await snap(page, 'projects-board-light-en');
  // The later stages are a click away: the edge button scrolls until there is no more board to the right.
  const later = page.getByTestId('board-scroll-right');
  await expect(page.getByTestId('board-scroll-left')).toHaveCount(0);
  await expectScrollButtonsClear(page);
  for (let i = 0; i < 6 && (await later.count()) > 0; i++) {
    // The previous click's scroll may reach the end (and take the button away) between the count and this click.
    await later.click({ timeout: 10_000 }).catch(async (error: unknown) => {
      if ((await later.count()) > 0) throw error;
    });
    await page.waitForTimeout(100);
  }
  await expect(later).toHaveCount(0);
  await expect(page.getByTestId('board-scroll-left')).toBeVisible();
  await expectScrollButtonsClear(page);
  // At 1024 too: the board keeps its scroll, now mid-way, with both buttons shown.
  await page.setViewportSize({ width: 1024, height: 800 });
  await expect(later).toBeVisible();
  await expect(page.getByTestId('board-scroll-left')).toBeVisible();
  await expectScrollButtonsClear(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  for (let i = 0; i < 6 && (await later.count()) > 0; i++) {
    // The previous click's scroll may reach the end (and take the button away) between the count and this click.
    await later.click({ timeout: 10_000 }).catch(async (error: unknown) => {
      if ((await later.count()) > 0) throw error;
    });
    await page.waitForTimeout(100);
  }
  await expect(column(page, 'paid').getByRole('heading', { name: 'Paid' })).toBeInViewport();
  // A Paid card says when its money came in (its last payment); Invoiced ones when the work was delivered.
  const latestPaid = paid.cards[0]!;
  expect(latestPaid.paidOn, 'the demo records payments').not.toBeNull();
  const day = (iso: string, style: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-US', { ...style, timeZone: 'UTC' }).format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));
  const paidCard = cardIn(page, 'paid', latestPaid.name).first();
  await expect(paidCard).toContainText(`Paid${day(latestPaid.paidOn!, { month: 'short', day: 'numeric' })}`);
  if (board.columns.find((c) => c.stage === 'invoiced')!.cards.length > 0)
    await expect(column(page, 'invoiced').getByTestId('project-card').first()).toContainText('Delivered');
  await snap(page, 'projects-board-delivered-light-en');
  await paidCard.getByRole('button').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('detail-delivered')).toContainText(
    `paid ${day(latestPaid.paidOn!, { dateStyle: 'medium' })}`,
  );
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('project-detail')).toBeHidden();
  await expectAccessible(page, 'projects board');

  // The top bar's hub filter narrows the board to that hub, as the core counts it.
  const hubs = await coreCall<{ id: number; name: string }[]>(page, demoApp, 'hubs/list');
  const lima = hubs.find((h) => h.name === 'Lima')!;
  await page.getByRole('combobox', { name: /hub/i }).click();
  await page.getByRole('option', { name: 'Lima' }).click();
  const limaBoard = await coreCall<Board>(page, demoApp, 'projects/board', { hubId: lima.id });
  await expectColumnsMatch(page, limaBoard);

  // The table shows the same projects as rows; a row opens the project.
  await page.getByRole('radio', { name: 'Table' }).click();
  const rows = page.getByTestId('project-row');
  await expect(rows).toHaveCount(limaBoard.columns.reduce((n, c) => n + c.cards.length, 0));
  await snap(page, 'projects-table-light-en');
  // Paid rows say when they were paid, as their cards do.
  const limaPaid = limaBoard.columns.find((c) => c.stage === 'paid')!.cards.find((c) => c.paidOn !== null)!;
  expect(limaPaid, 'Lima has paid work').toBeDefined();
  await expect(
    rows
      .filter({ hasText: limaPaid.name })
      .filter({ hasText: `paid ${day(limaPaid.paidOn!, { month: 'short', day: 'numeric' })}` }),
  ).not.toHaveCount(0);
  const first = limaBoard.columns[0]!.cards[0]!;
  await rows.filter({ hasText: first.name }).first().click();
  await expect(page.getByTestId('project-detail').getByRole('heading', { name: first.name })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('project-detail')).toBeHidden();

  // A hub with nothing on the board says so, and one click shows every hub again.
  const remote = hubs.find((h) => h.name === 'Remote')!;
  const remoteBoard = await coreCall<Board>(page, demoApp, 'projects/board', { hubId: remote.id });
  expect(remoteBoard.columns.every((c) => c.count === 0)).toBe(true);
  await page.getByRole('combobox', { name: /hub/i }).click();
  await page.getByRole('option', { name: 'Remote' }).click();
  await expect(page.getByRole('heading', { name: 'No projects in Remote' })).toBeVisible();
  await page.getByRole('button', { name: 'Show every hub' }).click();
  await expect(page.getByTestId('project-row')).toHaveCount(board.columns.reduce((n, c) => n + c.cards.length, 0));
});

test('a column holding more projects than fit shows the most urgent 30, and 30 more on demand', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  const before = await coreCall<Board>(page, demoApp, 'projects/board', {});
  const services = await coreCall<Service[]>(page, demoApp, 'catalogue/list');
  const service = services.find((s) => s.kind === 'project' && s.active)!;
  // Won leads start in Discovery; due a month out, after the demo's open work.
  const due = new Date(Date.parse(`${before.asOf}T12:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  const inDiscovery = before.columns.find((c) => c.stage === 'discovery')!.count;
  for (let i = 0; i < 45 - inDiscovery; i++) {
    const lead = await coreCall<LeadDetail>(page, demoApp, 'leads/create', {
      company: `Overflow Studio ${i + 1}`,
      contactName: 'Ines Duarte',
      channel: 'inbound_form',
      vertical: 'media',
      tier: 3,
      expectedValueMinor: 20_000,
      currency: 'USD',
    });
    await coreCall(page, demoApp, 'leads/win', {
      id: lead.id,
      serviceId: service.id,
      valueMinor: 20_000,
      startDate: before.asOf,
      dueDate: due,
      clientId: null,
    });
  }
  const board = await coreCall<Board>(page, demoApp, 'projects/board', {});
  const discovery = board.columns.find((c) => c.stage === 'discovery')!;
  expect(discovery.cards).toHaveLength(45);
  await page.reload();
  await openProjects(page);
  const col = column(page, 'discovery');
  await expect(col.getByTestId('column-count')).toContainText('45');
  await expect(col.getByTestId('project-card')).toHaveCount(30);
  await expect(col.getByTestId('project-card').first()).toContainText(discovery.cards[0]!.name);
  await expect(col.getByTestId('project-card').last()).toContainText(discovery.cards[29]!.name);
  await col.getByTestId('project-card').last().scrollIntoViewIfNeeded();
  await snap(page, 'projects-board-show-more-light-en');
  await col.getByRole('button', { name: 'Show 15 more (15 not shown)' }).click();
  await expect(col.getByTestId('project-card')).toHaveCount(45);
  await expect(col.getByRole('button', { name: /^Show \d+ more/ })).toHaveCount(0);
});

test('the table sorts values in different currencies by what they are worth', async ({ page, demoApp }) => {
  await demoApp.open(page);
  const before = await coreCall<Board>(page, demoApp, 'projects/board', {});
  const usd = before.columns.flatMap((c) => c.cards).filter((c) => c.currency === before.reportingCurrency);
  const top = usd.reduce((a, b) => (b.valueMinor > a.valueMinor ? b : a));
  // A euro project a dollar under the largest dollar one: fewer units, worth more.
  const services = await coreCall<Service[]>(page, demoApp, 'catalogue/list');
  const service = services.find((s) => s.kind === 'project' && s.active)!;
  const lead = await coreCall<LeadDetail>(page, demoApp, 'leads/create', {
    company: 'Euro Studio',
    contactName: 'Ines Duarte',
    channel: 'inbound_form',
    vertical: 'media',
    tier: 2,
    expectedValueMinor: top.valueMinor - 100,
    currency: 'EUR',
  });
  await coreCall(page, demoApp, 'leads/win', {
    id: lead.id,
    serviceId: service.id,
    valueMinor: top.valueMinor - 100,
    startDate: before.asOf,
    dueDate: before.asOf,
    clientId: null,
  });
  const board = await coreCall<Board>(page, demoApp, 'projects/board', {});
  const cards = board.columns.flatMap((c) => c.cards);
  const euro = cards.find((c) => c.clientName === 'Euro Studio')!;
  expect(euro.currency).toBe('EUR');
  expect(euro.reportingMinor!).toBeGreaterThan(top.reportingMinor!);

  await openProjects(page);
  await page.getByRole('radio', { name: 'Table' }).click();
  await page.getByRole('columnheader', { name: 'Value' }).getByRole('button').click();
  await expect(page.getByRole('columnheader', { name: 'Value' })).toHaveAttribute('aria-sort', 'descending');
  const ids = await page
    .getByTestId('project-row')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-id')));
  const worth = ids.map((id) => cards.find((c) => String(c.id) === id)!.reportingMinor!);
  expect(worth).toEqual([...worth].sort((a, b) => b - a));
  expect(ids.indexOf(String(euro.id))).toBeLessThan(ids.indexOf(String(top.id)));
});

test('the table keeps its order when the board or another screen is shown in between', async ({ page, demoApp }) => {
  await demoApp.open(page);
  await openProjects(page);
  await page.getByRole('radio', { name: 'Table' }).click();
  const due = page.getByRole('columnheader', { name: 'Due' });
  await due.getByRole('button').click();
  await due.getByRole('button').click();
  await expect(due).toHaveAttribute('aria-sort', 'descending');
  const order = () =>
    page.getByTestId('project-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-id')));
  const sorted = await order();

  await page.getByRole('radio', { name: 'Board' }).click();
  await expect(page.getByTestId('production-board')).toBeVisible();
  await page.getByRole('radio', { name: 'Table' }).click();
  await expect(due).toHaveAttribute('aria-sort', 'descending');
  expect(await order()).toEqual(sorted);

  await page.getByRole('navigation').first().getByRole('button', { name: 'Clients', exact: true }).click();
  await expect(mainHeading(page)).toHaveText('Clients');
  // While the board's data is on its way back, the placeholder is a table's, not the board's columns.
  let releaseBoard = () => {};
  const boardHeld = new Promise<void>((resolve) => {
    releaseBoard = resolve;
  });
  await page.route('**/api/call', async (route) => {
    if ((route.request().postDataJSON() as { method?: string } | null)?.method === 'projects/board') await boardHeld;
    await route.continue();
  });
  await page.getByRole('navigation').first().getByRole('button', { name: 'Projects', exact: true }).click();
  await expect(page.getByTestId('table-skeleton')).toBeVisible();
  await expect(page.getByTestId('board-skeleton')).toHaveCount(0);
  releaseBoard();
  await expect(due).toHaveAttribute('aria-sort', 'descending');
  expect(await order()).toEqual(sorted);
  await page.unroute('**/api/call');

  // Sorted by hub, then one hub chosen in the top bar: the Hub column goes, and the table says it is by stage.
  await page.getByRole('columnheader', { name: 'Hub' }).getByRole('button').click();
  const limaId = await chooseHub(page, demoApp, 'Lima');
  await expect(page.getByRole('columnheader', { name: 'Hub' })).toHaveCount(0);
  await expect(page.getByRole('columnheader', { name: 'Stage' })).toHaveAttribute('aria-sort', 'ascending');
  const lima = await coreCall<Board>(page, demoApp, 'projects/board', { hubId: limaId });
  expect(await order()).toEqual(lima.columns.flatMap((c) => c.cards.map((card) => String(card.id))));
});

test('the table says why it has no row when a hub has no open work and nothing billed lately', async ({
  page,
  emptyApp,
}) => {
  // A demo whose history ends in June: what Caracas did then was billed months ago, and none of its work is open.
  await emptyApp.open(page);
  await coreCall(page, emptyApp, 'workspace/createDemo', { seed: 'e2e', asOf: '2026-06-01' });
  await expect
    .poll(() =>
      coreCall<{ id: number }[]>(page, emptyApp, 'hubs/list').then(
        (h) => h.length,
        () => 0,
      ),
    )
    .toBeGreaterThan(0);
  await page.reload();
  await openProjects(page);
  const caracas = await chooseHub(page, emptyApp, 'Caracas');
  const board = await coreCall<Board>(page, emptyApp, 'projects/board', { hubId: caracas });
  expect(board.columns.every((c) => c.cards.length === 0)).toBe(true);
  expect(board.columns.some((c) => c.count > 0)).toBe(true);

  await page.getByRole('radio', { name: 'Table' }).click();
  await expect(page.getByRole('heading', { name: 'Nothing in progress or recently billed' })).toBeVisible();
  await expect(page.getByText('The board’s Invoiced and Paid columns count every one.')).toBeVisible();
  await snap(page, 'projects-table-empty-light-en');
  await page.getByRole('button', { name: 'Show the board' }).click();
  await expect(page.getByTestId('production-board')).toBeVisible();
  // The billed columns count Caracas' work and say none of it is recent, not that there is none.
  for (const stage of ['invoiced', 'paid'] as const) {
    const counted = board.columns.find((c) => c.stage === stage)!.count;
    expect(counted).toBeGreaterThan(0);
    await expect(column(page, stage).getByTestId('column-count')).toContainText(String(counted));
    await expect(column(page, stage)).toContainText('Nothing moved here in the last 30 days');
    await expect(column(page, stage)).not.toContainText('No projects');
    await expect(column(page, stage)).not.toContainText('The latest 0');
  }
});

test('moves a project by keyboard and by drag, records each move in its history, and undoes a move', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  await openProjects(page);
  const board0 = await coreCall<Board>(page, demoApp, 'projects/board', {});
  const card = board0.columns[1]!.cards[0]!;
  const before = await history(page, demoApp, card.id);
  expect(before.at(-1)).toBe('production');

  // The arrow keys go from card to card: down the column, and across to the next column's first card.
  const discovery = board0.columns[0]!.cards;
  await cardIn(page, 'discovery', discovery[0]!.name).getByRole('button').first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(cardIn(page, 'discovery', discovery[1]!.name).getByRole('button').first()).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(
    column(page, 'production').getByTestId('project-card').first().getByRole('button').first(),
  ).toBeFocused();

  // Discovery leads only into Production: the later stages and delivery are shown, but not offered.
  await cardIn(page, 'discovery', discovery[0]!.name).getByRole('button').first().focus();
  await page.keyboard.press('m');
  const discoveryMenu = page.getByRole('menu');
  for (const later of ['QA', 'Client preview']) {
    const item = discoveryMenu.getByRole('menuitem', { name: new RegExp(`^${later}`) });
    await expect(item).toHaveAttribute('aria-disabled', 'true');
    await expect(item).toContainText('after Production');
  }
  await expect(discoveryMenu.getByRole('menuitem', { name: /^Deliver/ })).toHaveAttribute('aria-disabled', 'true');
  await expect(discoveryMenu.getByRole('menuitem', { name: 'Production', exact: true })).not.toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await page.keyboard.press('Escape');
  await expect(discoveryMenu).toBeHidden();

  // Keyboard: focus the card, M, choose QA.
  await moveByKeyboard(page, cardIn(page, 'production', card.name), 'QA');
  await expect(cardIn(page, 'qa', card.name)).toBeVisible();
  await expect(cardIn(page, 'production', card.name)).toHaveCount(0);
  await expect(column(page, 'qa').getByTestId('column-count')).toContainText('1');
  await expect(toasts(page)).toContainText(`${card.name} moved to QA`);
  // Its Undo is pressed after the card's sheet is opened and closed: the pointer holds the toast until then.
  await holdToasts(toastSaying(page, `${card.name} moved to QA`));
  await expect.poll(() => history(page, demoApp, card.id)).toEqual([...before, 'qa']);
  // The keyboard stays on the moved card: Enter opens it, with the move in its stage history.
  await expect(cardIn(page, 'qa', card.name).getByRole('button').first()).toBeFocused();
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('project-detail');
  await expect(detail.getByTestId('history-entry')).toHaveCount(before.length + 1);
  await expect(detail.getByTestId('history-entry').last()).toContainText('Production');
  await expect(detail.getByTestId('history-entry').last()).toContainText('QA');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  // A move the rules refuse (production → revision needs QA or the preview first) is not offered;
  // one the core refuses by drag comes back with its message and the card snaps back.
  // Undo: the toast's Undo takes the move back, and the history is as it was before it.
  await toasts(page).getByRole('button', { name: 'Undo' }).first().click();
  await expect(cardIn(page, 'production', card.name)).toBeVisible();
  await expect(toasts(page)).toContainText(`${card.name} is back in Production`);
  // The toast closes; the keyboard is back on the card, not at the top of the page.
  await expect(cardIn(page, 'production', card.name).getByRole('button').first()).toBeFocused();
  await expect.poll(() => history(page, demoApp, card.id)).toEqual(before);

  // Drag with the mouse: production → QA.
  const source = cardIn(page, 'production', card.name).getByRole('button').first();
  const s = (await source.boundingBox())!;
  const target = (await column(page, 'qa').boundingBox())!;
  await page.mouse.move(s.x + s.width / 2, s.y + 20);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++)
    await page.mouse.move(
      s.x + s.width / 2 + ((target.x + target.width / 2 - s.x - s.width / 2) * i) / 10,
      s.y + 20 + ((target.y + 120 - s.y - 20) * i) / 10,
    );
  await page.mouse.up();
  await expect(cardIn(page, 'qa', card.name)).toBeVisible();
  await expect.poll(() => history(page, demoApp, card.id)).toEqual([...before, 'qa']);

  // Drag with the keyboard: Space picks it up, → moves one stage right, Space drops it.
  await cardIn(page, 'qa', card.name).getByRole('button').first().focus();
  // (Each step is announced for screen readers; the test waits for the announcements.)
  const live = page.getByRole('status').filter({ hasText: card.name });
  await page.keyboard.press('Space');
  await expect(live).toHaveText(`${card.name} is over QA.`);
  await page.keyboard.press('ArrowRight');
  await expect(live).toHaveText(`${card.name} is over Client preview.`);
  await page.keyboard.press('Space');
  await expect(cardIn(page, 'client_preview', card.name)).toBeVisible();
  await expect.poll(() => history(page, demoApp, card.id)).toEqual([...before, 'qa', 'client_preview']);

  // Into Revision by mistake: it counts a revision cycle, and Undo takes the cycle back with the move.
  const cycles = async () =>
    (await coreCall<ProjectDetail>(page, demoApp, 'projects/get', { id: card.id })).revisionCycles;
  const cyclesBefore = await cycles();
  await moveByKeyboard(page, cardIn(page, 'client_preview', card.name), 'Revision');
  await expect(cardIn(page, 'revision', card.name)).toBeVisible();
  await expect.poll(cycles).toBe(cyclesBefore + 1);
  await toasts(page).getByRole('button', { name: 'Undo' }).first().click();
  await expect(toasts(page)).toContainText(`${card.name} is back in Client preview`);
  await expect(cardIn(page, 'client_preview', card.name)).toBeVisible();
  await expect.poll(cycles).toBe(cyclesBefore);
  expect(await history(page, demoApp, card.id)).toEqual([...before, 'qa', 'client_preview']);

  /** Drags a card with the mouse to a point, in small steps as a hand would. */
  const drag = async (from: Locator, to: { x: number; y: number }) => {
    const f = (await from.boundingBox())!;
    const start = { x: f.x + f.width / 2, y: f.y + 20 };
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++)
      await page.mouse.move(start.x + ((to.x - start.x) * i) / 10, start.y + ((to.y - start.y) * i) / 10);
    await page.mouse.up();
  };

  // Dropped on Final delivery: the Deliver dialog opens instead of a move, and says what is missing.
  // (The board scrolls sideways to show the later stages beside the client preview.)
  await page.getByTestId('production-board').evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  const final = (await column(page, 'final_delivery').boundingBox())!;
  await drag(cardIn(page, 'client_preview', card.name).getByRole('button').first(), {
    x: final.x + final.width / 2,
    y: final.y + 150,
  });
  const deliver = page.getByTestId('deliver-dialog');
  await expect(deliver).toBeVisible();
  await expect(deliver.getByTestId('deliver-blockers')).toContainText(
    'Gate 1 (Automated check) has not been reviewed.',
  );
  await page.keyboard.press('Escape');
  await expect(deliver).toBeHidden();
  await expect(cardIn(page, 'client_preview', card.name)).toBeVisible();

  // Dropped on Invoiced: not a move by hand, so it snaps back with the reason.
  const invoiced = (await column(page, 'invoiced').boundingBox())!;
  await drag(cardIn(page, 'client_preview', card.name).getByRole('button').first(), {
    x: invoiced.x + 60,
    y: invoiced.y + 200,
  });
  await expect(toasts(page)).toContainText('deliver the project first');
  await expect(cardIn(page, 'client_preview', card.name)).toBeVisible();
  await snap(page, 'projects-moved-light-en');
});

test('a move made from the open sheet can be undone from its toast, the sheet staying open', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  await openProjects(page);
  const board = await coreCall<Board>(page, demoApp, 'projects/board', {});
  const card = board.columns.find((c) => c.stage === 'production')!.cards[0]!;
  const before = await history(page, demoApp, card.id);
  await cardIn(page, 'production', card.name).getByRole('button').first().focus();
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('project-detail');
  await expect(detail).toBeVisible();
  await detail.getByRole('button', { name: 'Move to' }).click();
  await page.getByRole('menuitem', { name: 'QA', exact: true }).click();
  await expect.poll(() => history(page, demoApp, card.id)).toEqual([...before, 'qa']);
  // The sheet makes the page behind it inert, but not its toasts: Undo works, and the sheet stays.
  await toasts(page).getByRole('button', { name: 'Undo' }).click();
  await expect(toasts(page)).toContainText(`${card.name} is back in Production`);
  await expect.poll(() => history(page, demoApp, card.id)).toEqual(before);
  await expect(detail).toBeVisible();
});

test('with the sheet open, Alt+T reaches the toast, its Undo works from the keyboard, and focus comes back', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  await openProjects(page);
  const card = await firstIn(page, demoApp, 'production');
  const before = await history(page, demoApp, card.id);
  await cardIn(page, 'production', card.name).getByRole('button').first().focus();
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('project-detail');
  await expect(detail).toBeVisible();
  // Keyboard only: Tab to "Move to", open its menu, choose QA.
  const moveTo = detail.getByRole('button', { name: 'Move to' });
  for (let i = 0; i < 20 && !(await moveTo.evaluate(isActive)); i++) await page.keyboard.press('Tab');
  await expect(moveTo).toBeFocused();
  await page.keyboard.press('Enter');
  const qa = page.getByRole('menu').getByRole('menuitem', { name: 'QA', exact: true });
  for (let i = 0; i < 8 && !(await qa.evaluate(isActive)); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect.poll(() => history(page, demoApp, card.id)).toEqual([...before, 'qa']);
  await expect(moveTo).toBeFocused();

  // The toast is announced over the sheet: its live region is not hidden from assistive technology.
  const region = toasts(page);
  await expect(region).toContainText(`${card.name} moved to QA`);
  await expect(region).toHaveAttribute('aria-label', 'Notifications (Alt+T)');
  expect(await region.evaluate((el) => el.closest('[aria-hidden="true"]') === null)).toBe(true);

  // Alt+T takes the keyboard to the newest toast, inside the sheet's focus trap. Escape goes back at once (not when
  // the toast times out) and leaves the sheet open. (This uses the move's own toast, which lasts 10 s and pauses
  // while focused: the short "is back in" toast may be gone on a loaded machine before a second Alt+T.)
  const toast = region.locator('[data-sonner-toast]').filter({ hasText: `${card.name} moved to QA` });
  await page.keyboard.press('Alt+T');
  await expect(toast).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(moveTo).toBeFocused({ timeout: 5000 });
  await expect(detail).toBeVisible();
  await expect(toast).toBeVisible();

  // Tab past the toast's buttons also goes back, and the toasts fold again (and time out again).
  await page.keyboard.press('Alt+T');
  await expect(toast).toBeFocused();
  await expect(toast).toHaveAttribute('data-expanded', 'true');
  for (let i = 0; i < 4 && (await region.evaluate((el) => el.contains(el.ownerDocument.activeElement))); i++)
    await page.keyboard.press('Tab');
  await expect(moveTo).toBeFocused();
  await expect(toast).toHaveAttribute('data-expanded', 'false');

  // Alt+T again, and Tab reaches its Undo.
  await page.keyboard.press('Alt+T');
  await expect(toast).toBeFocused();
  const undo = toast.getByRole('button', { name: 'Undo' });
  for (let i = 0; i < 3 && !(await undo.evaluate(isActive)); i++) await page.keyboard.press('Tab');
  await expect(undo).toBeFocused();
  await expect(detail).toBeVisible();
  await snap(page, 'projects-toast-over-sheet-light-en');
  await expectAccessible(page, 'toast focused over the sheet');

  // Enter undoes the move (the core's history as before), the sheet stays, and focus is back where it was.
  await page.keyboard.press('Enter');
  await expect(region).toContainText(`${card.name} is back in Production`);
  await expect.poll(() => history(page, demoApp, card.id)).toEqual(before);
  await expect(detail).toBeVisible();
  await expect(moveTo).toBeFocused();
});

test("the top bar's period and hub reach production's KPIs, each explained with its inputs", async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  await openProjects(page);
  const strip = page.getByTestId('production-kpis');
  await chooseCustomPeriod(page, '2026-10-01', '2026-10-31');
  await expect(strip.getByTestId('kpi-range')).toHaveText(/Oct 1\s*–\s*31/);

  const kpis = (hubId: number | null) =>
    coreCall<ProjectKpis>(page, demoApp, 'kpis/projects', { from: '2026-10-01', to: '2026-10-31', hubId });
  const pct = percentText;
  const one = (value: number) => String(Math.round(value * 10) / 10);
  const tile = (name: string) => strip.getByTestId(`kpi-${name}`);
  const expectTiles = async (k: ProjectKpis) => {
    expect(k.onTime.share, 'the demo delivers projects in October').not.toBeNull();
    await expect(tile('delivered').getByTestId('kpi-value')).toHaveText(String(k.delivered));
    await expect(tile('onTime').getByTestId('kpi-value')).toHaveText(pct(k.onTime.share!));
    await expect(tile('onTime').getByTestId('kpi-detail')).toHaveText(`${k.onTime.part} of ${k.onTime.whole}`);
    await expect(tile('firstPass').getByTestId('kpi-value')).toHaveText(pct(k.firstPass.share!));
    await expect(tile('firstPass').getByTestId('kpi-detail')).toHaveText(`${one(k.revisionCycles.mean!)} revisions`);
    await expect(tile('satisfaction').getByTestId('kpi-value')).toHaveText(
      k.satisfaction.mean === null ? '—' : one(k.satisfaction.mean),
    );
  };
  const all = await kpis(null);
  await expectTiles(all);

  await strip.getByRole('button', { name: 'How First-pass approval is computed' }).click();
  const how = page.getByRole('dialog', { name: 'How First-pass approval is computed' });
  await expect(how).toContainText('Projects delivered with no revision cycle ÷ projects delivered');
  await expect(how.getByTestId('kpi-how')).toHaveText(
    `${all.firstPass.part} with no revision ÷ ${all.firstPass.whole} delivered = ${pct(all.firstPass.share!)}. ` +
      `Revision cycles: ${all.revisionCycles.total} in all, ${one(all.revisionCycles.mean!)} per project.`,
  );
  await snap(page, 'projects-kpis-how-light-en');
  await page.keyboard.press('Escape');
  await expect(how).toBeHidden();

  const caracas = await kpis(await chooseHub(page, demoApp, 'Caracas'));
  expect(caracas.delivered).toBeLessThan(all.delivered);
  await expectTiles(caracas);
});

test('gates pass in order, delivery waits for all three, and delivering bills the final invoice', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  await openProjects(page);
  const card = await firstIn(page, demoApp, 'production');
  // Today's Delivered tile, before the delivery (the period's figures follow it below).
  await page.getByRole('radiogroup', { name: 'Period' }).getByRole('radio', { name: 'Today' }).click();
  const deliveredToday = page.getByTestId('production-kpis').getByTestId('kpi-delivered').getByTestId('kpi-value');
  await expect(deliveredToday).toHaveText(/^\d+$/);
  const before = Number(await deliveredToday.textContent());

  // Trying to deliver first: the Deliver dialog says which gates are missing and cannot confirm.
  await cardIn(page, 'production', card.name).getByRole('button').first().focus();
  await page.keyboard.press('m');
  await page.getByRole('menuitem', { name: 'Deliver…' }).click();
  const deliver = page.getByTestId('deliver-dialog');
  await expect(deliver).toBeVisible();
  await expect(deliver.getByTestId('deliver-blockers').getByRole('listitem')).toHaveText([
    'Gate 1 (Automated check) has not been reviewed.',
    'Gate 2 (Peer review) has not been reviewed.',
    'Gate 3 (Senior review) has not been reviewed.',
  ]);
  await expect(deliver.getByRole('button', { name: 'Deliver and invoice' })).toBeDisabled();
  await snap(page, 'projects-deliver-blocked-light-en');
  // From there to the gates.
  await deliver.getByRole('button', { name: 'Review the gates' }).click();
  const detail = page.getByTestId('project-detail');
  await expect(detail.getByRole('heading', { name: card.name })).toBeVisible();
  await expect(detail.getByRole('button', { name: 'Deliver…' })).toBeDisabled();

  // Gate 2 and 3 wait for the gate before them.
  const gate = (n: number) => detail.getByTestId(`gate-${n}`);
  await expect(gate(2)).toContainText('Gate 1 must pass before gate 2 is reviewed.');
  await expect(gate(3)).toContainText('Gate 2 must pass before gate 3 is reviewed.');
  await expect(gate(3).getByRole('button', { name: 'Submit review' })).toHaveCount(0);

  // Gate 1 passes: every item ticked, a reviewer, a note.
  const people = await coreCall<{ id: number; name: string }[]>(page, demoApp, 'people/list');
  const reviewer = people[0]!.name;
  await gate(1).getByLabel('Meets the technical specs').check();
  await gate(1).getByLabel('Follows the brand guidelines').check();
  await gate(1).getByLabel('Free of common issues').check();
  await gate(1).getByRole('combobox', { name: 'Reviewer' }).click();
  await page.getByRole('option', { name: reviewer }).click();
  await gate(1).getByLabel('Notes').fill('Specs checked against the brief.');
  await expect(gate(1)).toContainText('Every item is ticked: the gate will pass.');
  await gate(1).getByRole('button', { name: 'Submit review' }).click();
  await expect(gate(1)).toContainText('Passed');
  await expect(gate(1)).toContainText(reviewer);
  await expect(gate(1)).toContainText('Specs checked against the brief.');
  await expect(toasts(page)).toContainText('Gate 1 (Automated check) passed');

  // Gate 2 fails once (an item unticked), which blocks delivery with that reason; then passes.
  await gate(2).getByLabel('Creative direction is right').check();
  await gate(2).getByLabel('Complies with the brief').check();
  await expect(gate(2)).toContainText('1 item unticked: the gate will fail.');
  // A peer review names its reviewer: asked for next to the field, and nothing is recorded without one.
  await gate(2).getByRole('button', { name: 'Submit review' }).click();
  await expect(gate(2).getByTestId('field-error')).toHaveText(
    "Choose who reviewed it: this gate is a person's review.",
  );
  await expect(gate(2).getByText('Failed', { exact: true })).toHaveCount(0);
  await gate(2).getByRole('combobox', { name: 'Reviewer' }).click();
  await page.getByRole('option', { name: reviewer }).click();
  await gate(2).getByRole('button', { name: 'Submit review' }).click();
  await expect(gate(2).getByText('Failed', { exact: true })).toBeVisible();
  await expect(detail.getByTestId('delivery-blockers')).toContainText('Gate 2 (Peer review) failed its last review.');
  await expect(gate(3)).toContainText('Gate 2 must pass before gate 3 is reviewed.');
  await snap(page, 'projects-gates-light-en');
  // The failed review's ticks stay; tick the missing one and review again.
  await gate(2).getByLabel('Technical execution is sound').check();
  await gate(2).getByRole('button', { name: 'Submit review' }).click();
  await expect(gate(2).getByText('Passed', { exact: true })).toBeVisible();

  await gate(3).getByLabel('Approved for delivery').check();
  await gate(3).getByLabel('Client satisfaction expected to be high').check();
  await gate(3).getByLabel('Upsell opportunity considered').check();
  await gate(3).getByRole('combobox', { name: 'Reviewer' }).click();
  await page.getByRole('option', { name: reviewer }).click();
  await gate(3).getByRole('button', { name: 'Submit review' }).click();
  await expect(gate(3).getByText('Passed', { exact: true })).toBeVisible();
  await expect(detail.getByTestId('delivery-blockers')).toContainText('Ready to deliver');
  const reviewed = await coreCall<ProjectDetail>(page, demoApp, 'projects/get', { id: card.id });
  expect(reviewed.gates.map((g) => g.passed)).toEqual([true, true, true]);
  expect(reviewed.deliveryBlockers).toEqual([]);
  await expect(cardIn(page, 'production', card.name)).toContainText('3/3');

  // Deliver with satisfaction 9.
  await detail.getByRole('button', { name: 'Deliver…' }).click();
  await expect(deliver).toBeVisible();
  await expect(deliver.getByTestId('deliver-blockers')).toHaveCount(0);
  await deliver.getByRole('button', { name: 'Deliver and invoice' }).click();
  await expect(deliver.getByTestId('field-error')).toHaveText('Choose the client’s rating, or Not rated.');
  await deliver.getByRole('radio', { name: '9 of 10' }).click();
  await snap(page, 'projects-deliver-light-en');
  await deliver.getByRole('button', { name: 'Deliver and invoice' }).click();
  await expect(deliver).toBeHidden();
  // The toast's "Open in Finance" is pressed last, after the core, a screenshot and the sheet closing: the pointer
  // holds the toast until then.
  await expect(toasts(page)).toContainText(`${card.name} delivered`);
  await holdToasts(toastSaying(page, `${card.name} delivered`));

  const delivered = await coreCall<ProjectDetail>(page, demoApp, 'projects/get', { id: card.id });
  expect(delivered).toMatchObject({ stage: 'invoiced', satisfaction: 9 });
  expect(delivered.history.slice(-2).map((h) => h.toStage)).toEqual(['final_delivery', 'invoiced']);
  const invoice = await coreCall<Invoice>(page, demoApp, 'invoices/get', { id: delivered.invoiceIds.at(-1) });
  expect(invoice).toMatchObject({ kind: 'delivery', projectId: card.id });
  expect(invoice.number).toMatch(/^INV-\d{4}-\d{4}$/);
  await expect(toastSaying(page, `${card.name} delivered`)).toContainText(`Final invoice ${invoice.number} issued.`);

  // The period's figures follow: one more delivered today.
  await expect(deliveredToday).toHaveText(String(before + 1));

  // The detail follows: invoiced, satisfaction 9, the invoice listed; the card is in Invoiced.
  await expect(detail.getByRole('banner').getByText('Invoiced')).toBeVisible();
  await expect(detail).toContainText('9/10');
  await expect(detail.getByTestId('project-invoices')).toContainText(invoice.number!);
  await snap(page, 'projects-delivered-light-en');
  await page.keyboard.press('Escape');
  await expect(cardIn(page, 'invoiced', card.name)).toHaveCount(1);
  // Focus comes back to the project's card, now in Invoiced.
  await expect(cardIn(page, 'invoiced', card.name).getByRole('button').first()).toBeFocused();
  await expect(cardIn(page, 'production', card.name)).toHaveCount(0);

  // The toast's button opens Finance, where the invoice is in the list.
  await toasts(page).getByRole('button', { name: 'Open in Finance' }).click();
  await expect(mainHeading(page)).toHaveText('Finance');
  await expect(page.getByRole('main')).toContainText(invoice.number!);
});

for (const { theme, lang } of [
  { theme: 'dark', lang: 'es' },
  { theme: 'light', lang: 'es' },
  { theme: 'dark', lang: 'en' },
] as const) {
  test.describe(`${theme}, ${lang}`, () => {
    test.use({ colorScheme: theme, locale: lang === 'es' ? 'es-419' : 'en-US' });
    test(`the board, the project and the Deliver dialog (${theme}, ${lang})`, async ({ page, demoApp }) => {
      await demoApp.open(page);
      const title = lang === 'es' ? 'Proyectos' : 'Projects';
      await openProjects(page, title);
      const board = await coreCall<Board>(page, demoApp, 'projects/board', {});
      if (lang === 'es')
        await expect(page.getByTestId('production-board').getByRole('heading', { level: 2 }).first()).toHaveText(
          'Descubrimiento',
        );
      await snap(page, `projects-board-${theme}-${lang}`);
      await expectAccessible(page, `board ${theme} ${lang}`);
      const preview = board.columns.find((c) => c.stage === 'client_preview')!.cards[0] ?? board.columns[1]!.cards[0]!;
      await cardIn(page, preview.stage as BoardStage, preview.name)
        .getByRole('button')
        .first()
        .click();
      const detail = page.getByTestId('project-detail');
      await expect(detail.getByRole('heading', { name: preview.name })).toBeVisible();
      await snap(page, `projects-detail-${theme}-${lang}`);
      await expectAccessible(page, `detail ${theme} ${lang}`);
      await page.keyboard.press('Escape');
      await expect(detail).toBeHidden();
      // The Deliver dialog from the card's menu (M), with the gate it still misses.
      await page.keyboard.press('m');
      await page.getByRole('menuitem', { name: lang === 'es' ? 'Entregar…' : 'Deliver…' }).click();
      const deliver = page.getByTestId('deliver-dialog');
      await expect(deliver.getByTestId('deliver-blockers')).toBeVisible();
      await snap(page, `projects-deliver-${theme}-${lang}`);
      await expectAccessible(page, `deliver ${theme} ${lang}`);
      await page.keyboard.press('Escape');
      await expect(deliver).toBeHidden();
      // Focus is back on the card the dialog was opened from.
      await expect(
        cardIn(page, preview.stage as BoardStage, preview.name)
          .getByRole('button')
          .first(),
      ).toBeFocused();
      await page.getByRole('radio', { name: lang === 'es' ? 'Tabla' : 'Table' }).click();
      await expect(page.getByTestId('project-row').first()).toBeVisible();
      await snap(page, `projects-table-${theme}-${lang}`);
    });
  });
}
