/**
 * Accessibility: an axe scan of every screen — the welcome screen and the
 * onboarding steps, every section, every settings tab, the command palette —
 * in light and in dark. No violation of impact "serious" or "critical" is
 * allowed; each failure message lists the rule ids and the offending nodes.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, snap, test } from './fixtures';
import { expectAccessible as expectAccessibleOnce, mainHeading, SECTIONS, SETTINGS_TABS, settled } from './screens';

const PLAIN_SECTIONS = SECTIONS.filter((s) => s.id !== 'settings');

/** Serious and critical violations, one line per node: "rule-id (impact) target — summary". */
async function seriousViolations(page: Page): Promise<string[]> {
  // Nothing may still be loading when the page is judged.
  await expect(page.getByRole('status', { name: 'Loading…' })).toHaveCount(0);
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${v.id} (${v.impact}) ${n.target.join(' ')} — ${(n.failureSummary ?? v.help).replace(/\s+/g, ' ').slice(0, 240)}`,
      ),
    );
}

async function expectAccessible(page: Page, screen: string) {
  const found = await seriousViolations(page);
  expect.soft(found, `axe: serious/critical violations on ${screen}:\n${found.join('\n')}`).toEqual([]);
}

/**
 * Only the app's panes scroll, never the window: text placed outside the pane that
 * holds it (screen-reader-only labels deep in a long table) used to stretch the
 * document, and the wheel over the sidebar slid the whole app out of view.
 */
async function expectWindowFits(page: Page, screen: string) {
  const overflow = await page.evaluate<{ height: number; width: number; mainWidth: number }>(
    `({ height: document.scrollingElement.scrollHeight - innerHeight, width: document.scrollingElement.scrollWidth - innerWidth,
        mainWidth: document.querySelector('main').scrollWidth - document.querySelector('main').clientWidth })`,
  );
  // At the default size nothing scrolls sideways either (a narrow window may scroll a wide table).
  expect.soft(overflow, `${screen}: the document must not scroll`).toEqual({ height: 0, width: 0, mainWidth: 0 });
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    // The default theme preference is "system", so the emulated color scheme picks the theme.
    test.use({ locale: 'en-US', colorScheme: theme, timezoneId: 'UTC', reducedMotion: 'reduce' });

    const expectTheme = async (page: Page) => {
      if (theme === 'dark') await expect(page.locator('html')).toHaveClass(/(^|\s)dark(\s|$)/);
      else await expect(page.locator('html')).not.toHaveClass(/(^|\s)dark(\s|$)/);
    };

    test('welcome and onboarding have no serious accessibility violations', async ({ page, emptyApp }) => {
      await emptyApp.open(page);
      await expect(mainHeading(page)).toHaveText('Welcome to Atalaya');
      await expectTheme(page);
      await expectAccessible(page, `welcome (${theme})`);
      await snap(page, `welcome-${theme}-en`);

      await page.getByRole('button', { name: 'Start empty' }).click();
      await expect(page.getByRole('form', { name: 'Workspace' })).toBeVisible();
      // With an error shown, so the error styling is judged too.
      await page.getByRole('button', { name: 'Next' }).click();
      await expect(page.getByTestId('field-error')).toBeVisible();
      await expectAccessible(page, `onboarding › workspace, with an error (${theme})`);
      await page.getByLabel('Workspace name').fill('Axe Agency');
      await page.getByRole('button', { name: 'Next' }).click();
      await expect(page.getByRole('form', { name: 'Currency & time zone' })).toBeVisible();
      await expectAccessible(page, `onboarding › currency & time zone (${theme})`);
      await page.getByRole('button', { name: 'Next' }).click();
      await expect(page.getByRole('form', { name: 'Hubs' })).toBeVisible();
      await expectAccessible(page, `onboarding › hubs (${theme})`);
      await page.getByRole('button', { name: 'Next' }).click();
      await expect(page.getByRole('form', { name: 'People' })).toBeVisible();
      await page.getByRole('button', { name: 'Add person' }).click();
      await expect(page.getByTestId('onboarding-person')).toHaveCount(1);
      await expectAccessible(page, `onboarding › people (${theme})`);
      await snap(page, `onboarding-4-people-${theme}-en`);
    });

    test('every section and settings tab has no serious accessibility violations', async ({ page, demoApp }) => {
      // An axe scan per section and tab: a minute on a quiet machine, more on a busy one.
      test.setTimeout(240_000);
      await demoApp.open(page);
      await expect(mainHeading(page)).toHaveText('Executive');
      await expectTheme(page);
      const nav = page.getByRole('navigation', { name: 'Main' });

      for (const { id, title } of PLAIN_SECTIONS) {
        await nav.getByRole('button', { name: title, exact: true }).click();
        await expect(mainHeading(page)).toHaveText(title);
        await expect(page.getByTestId(`section-${id}`)).toBeVisible();
        await expectAccessible(page, `${title} (${theme})`);
        await expectWindowFits(page, title);
        if (theme === 'dark') await snap(page, `${id}-dark-en`);
        // The views and tabs a section has besides its first.
        if (id === 'projects') {
          await page.getByRole('radio', { name: 'Table' }).click();
          await expect(page.getByTestId('project-row').first()).toBeVisible();
          await expectWindowFits(page, 'Projects › Table');
          await page.getByRole('radio', { name: 'Board' }).click();
        }
        if (id === 'finance' || id === 'capacity')
          for (const tab of (await page.getByRole('main').getByRole('tab').all()).slice(1)) {
            await tab.click();
            await expect(tab).toHaveAttribute('aria-selected', 'true');
            await expect(page.getByRole('status', { name: 'Loading…' })).toHaveCount(0);
            await expectWindowFits(page, `${title} › ${await tab.textContent()}`);
          }
      }

      await nav.getByRole('button', { name: 'Settings', exact: true }).click();
      await expect(mainHeading(page)).toHaveText('Settings');
      for (const tab of SETTINGS_TABS) {
        await page.getByRole('tab', { name: tab.name, exact: true }).click();
        const panel = page.getByRole('tabpanel', { name: tab.name, exact: true });
        await expect(panel).toBeVisible();
        if (tab.id === 'hubs') await expect(panel.getByTestId('hub-row')).toHaveCount(4);
        if (tab.id === 'catalogue') await expect(panel.getByTestId('service-row').first()).toBeVisible();
        await expectAccessible(page, `Settings › ${tab.name} (${theme})`);
        await expectWindowFits(page, `Settings › ${tab.name}`);
        await snap(page, `settings-${tab.id}-${theme}-en`);
      }

      // The command palette floats over everything.
      await page.keyboard.press('Control+k');
      await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
      await expectAccessible(page, `command palette (${theme})`);
      await snap(page, `palette-${theme}-en`);
    });
  });
}

test("the specs' axe scan waits for a dialog to finish fading in, which a loaded machine draws slowly", async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Hubs' }).click();
  // Animations fifty times slower, as when a loaded machine draws few frames.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Animation.enable');
  await cdp.send('Animation.setPlaybackRate', { playbackRate: 0.02 });
  await page.getByRole('button', { name: 'Add hub' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a hub' });
  await expect(dialog).toBeVisible();
  const opacity = () => dialog.evaluate((el) => Number(el.ownerDocument.defaultView!.getComputedStyle(el).opacity));

  // Caught a quarter of the way into its 150 ms fade-in (held there), the dialog fails axe's contrast rule:
  // what a scan right after `toBeVisible` can read when frames come late.
  await page.evaluate('for (const a of document.getAnimations()) { a.pause(); a.currentTime = 40; }');
  expect(await opacity()).toBeLessThan(0.6);
  const midway = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
  expect(midway.violations.map((v) => v.id)).toEqual(['color-contrast']);

  // Let it run on (the rest takes seconds): settled() waits for its end, and the scan passes.
  await page.evaluate('for (const a of document.getAnimations()) a.play();');
  await settled(page);
  expect(await opacity()).toBe(1);
  await expectAccessibleOnce(page, 'the Add a hub dialog, faded in');
});
