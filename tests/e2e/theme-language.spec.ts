/**
 * Theme and language, chosen through the UI: the document follows them at
 * once (html.dark, color-scheme, lang, translated labels), the core keeps
 * them, and a reload comes back dark and in Spanish. Every screen is then
 * photographed in dark + Spanish.
 */
import type { Page } from '@playwright/test';
import { expect, snap, test } from './fixtures';
import { corePrefs, mainHeading, openPalette, SECTIONS_ES, SETTINGS_TABS_ES } from './screens';

test.use({ locale: 'en-US', colorScheme: 'light', timezoneId: 'UTC', reducedMotion: 'reduce' });

const html = (page: Page) => page.locator('html');

/** Sections that are real pages by now (the others still show their designed placeholder). */
const BUILT_SECTIONS = new Set<string>(['clients', 'finance', 'projects', 'pipeline', 'capacity']);

async function expectDarkSpanish(page: Page) {
  await expect(html(page)).toHaveClass(/(^|\s)dark(\s|$)/);
  await expect(html(page)).toHaveAttribute('lang', 'es');
  await expect(html(page)).toHaveCSS('color-scheme', 'dark');
  const nav = page.getByRole('navigation', { name: 'Principal' });
  await expect(nav.getByRole('button', { name: 'Clientes' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Configuración' })).toBeVisible();
}

test('dark theme and Spanish are chosen in the UI, applied at once and kept after a reload', async ({
  page,
  demoApp,
}) => {
  await demoApp.open(page);
  await expect(mainHeading(page)).toHaveText('Executive');
  await expect(html(page)).not.toHaveClass(/(^|\s)dark(\s|$)/);
  await expect(html(page)).toHaveAttribute('lang', 'en');
  const body = page.locator('body');
  const lightBg = await body.evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).backgroundColor);
  expect(lightBg).toBeTruthy();

  // Theme from the top bar's menu.
  await page.getByRole('button', { name: 'Theme' }).click();
  const themeMenu = page.getByRole('menu');
  await expect(themeMenu.getByRole('menuitemradio', { name: 'Light' })).toBeVisible();
  await themeMenu.getByRole('menuitemradio', { name: 'Dark' }).click();
  await expect(themeMenu).toBeHidden();
  await expect(html(page)).toHaveClass(/(^|\s)dark(\s|$)/);
  await expect(body).not.toHaveCSS('background-color', lightBg ?? '');

  // Language from Settings › Appearance.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Appearance' }).click();
  const language = page.getByRole('radiogroup', { name: 'Language' });
  await language.getByRole('radio', { name: /^Español/ }).click();
  await expect(html(page)).toHaveAttribute('lang', 'es');
  await expect(mainHeading(page)).toHaveText('Configuración');
  await expect(page.getByRole('tab', { name: 'Apariencia' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('radiogroup', { name: 'Idioma' }).getByRole('radio', { name: /^Español/ })).toBeChecked();
  await expect(page.getByRole('radiogroup', { name: 'Tema' }).getByRole('radio', { name: 'Oscuro' })).toBeChecked();
  // The appearance tab's sample (money, percent, date) is rendered in Latin-American Spanish (es-419):
  // decimal point and comma grouping, the ISO code before the amount — not Spain's "2347,50 US$".
  const sample = page.getByText(/^Ejemplo:/);
  await expect(sample).toBeVisible();
  await expect(sample).toContainText(/USD\s2,347\.50/);
  await expect(sample).toContainText('78.5');
  await expect(sample).not.toContainText('US$');
  await expectDarkSpanish(page);

  await expect.poll(async () => corePrefs(page, demoApp)).toMatchObject({ theme: 'dark', language: 'es' });
  await page.reload();
  await expect(mainHeading(page)).toHaveText('Configuración');
  await expectDarkSpanish(page);
  // Top-bar controls are translated as well.
  await expect(
    page.getByRole('radiogroup', { name: 'Período' }).getByRole('radio', { name: 'Este mes' }),
  ).toBeChecked();
  await expect(page.getByRole('combobox', { name: 'Filtro de sede' })).toHaveText('Todas las sedes');

  // And back to light from the (translated) theme menu and to English from the command palette.
  await page.getByRole('button', { name: 'Tema' }).click();
  await page.getByRole('menu').getByRole('menuitemradio', { name: 'Claro' }).click();
  await expect(html(page)).not.toHaveClass(/(^|\s)dark(\s|$)/);
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Paleta de comandos' });
  await expect(palette).toBeVisible();
  await page.keyboard.type('English');
  await expect(palette.getByRole('option', { name: 'Idioma: English' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(html(page)).toHaveAttribute('lang', 'en');
  await expect(mainHeading(page)).toHaveText('Settings');
  await expect.poll(async () => corePrefs(page, demoApp)).toMatchObject({ theme: 'light', language: 'en' });
});

test('every screen in dark + Spanish', async ({ page, demoApp }) => {
  await demoApp.open(page);
  await expect(mainHeading(page)).toHaveText('Executive');
  // Set both through the palette, the keyboard way.
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await openPalette(page);
  await page.keyboard.type('dark');
  await expect(palette.getByRole('option', { name: 'Theme: Dark' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(html(page)).toHaveClass(/(^|\s)dark(\s|$)/);
  await openPalette(page);
  await page.keyboard.type('Español');
  await expect(palette.getByRole('option', { name: 'Language: Español' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(html(page)).toHaveAttribute('lang', 'es');
  await expectDarkSpanish(page);

  const nav = page.getByRole('navigation', { name: 'Principal' });
  for (const { id, title } of SECTIONS_ES) {
    await nav.getByRole('button', { name: title, exact: true }).click();
    await expect(mainHeading(page)).toHaveText(title);
    if (id === 'settings') {
      for (const tab of SETTINGS_TABS_ES) {
        await page.getByRole('tab', { name: tab.name, exact: true }).click();
        const panel = page.getByRole('tabpanel', { name: tab.name, exact: true });
        await expect(panel).toBeVisible();
        await expect(panel.getByRole('status')).toHaveCount(0);
        if (tab.id === 'hubs') {
          await expect(panel.getByTestId('hub-row')).toHaveCount(4);
          // A hub in use explains what keeps it, in Spanish, with no way to delete it.
          await panel.getByRole('button', { name: 'Eliminar Caracas' }).click();
          const blocked = page.getByRole('dialog', { name: 'Todavía no se puede eliminar Caracas' });
          await expect(blocked).toBeVisible();
          const items = blocked
            .getByRole('list', { name: 'Lo que todavía pertenece a esta sede' })
            .getByRole('listitem');
          await expect(items).toHaveCount(4);
          await expect(items.first()).toHaveText(/^\d+ personas?$/);
          await expect(blocked.getByRole('button', { name: /^Eliminar/ })).toHaveCount(0);
          await snap(page, 'settings-hub-delete-blocked-dark-es');
          await page.keyboard.press('Escape');
          await expect(blocked).toBeHidden();
        }
        if (tab.id === 'catalogue') {
          await expect(panel.getByTestId('service-row').first()).toBeVisible();
          // es-419 money, and the same range dash as in English.
          const quickEdit = panel.getByTestId('service-row').filter({ hasText: 'Quick Edit' }).getByRole('cell').nth(1);
          await expect(quickEdit).toContainText('75');
          expect(await quickEdit.textContent()).toBe('USD\u00a025\u202f–\u202f75');
        }
        await snap(page, `settings-${tab.id}-dark-es`);
      }
    } else {
      const section = page.getByTestId(`section-${id}`);
      await expect(section).toBeVisible();
      // Built pages (clients, finance, projects, pipeline) have their own content; the rest still show the translated placeholder.
      if (!BUILT_SECTIONS.has(id)) await expect(section.getByRole('heading', { level: 2 })).toContainText(title);
      await snap(page, `${id}-dark-es`);
    }
  }
});

test.describe('with motion on', () => {
  test.use({ reducedMotion: 'no-preference' });

  test('the theme turns in one frame: no control fades its text over panels that already turned', async ({
    page,
    demoApp,
  }) => {
    await demoApp.open(page);
    await expect(mainHeading(page)).toHaveText('Executive');
    const label = page.getByTestId('nav-pipeline');
    const color = () => label.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).color);
    const lightColor = await color();

    // The color is read in the same task that adds html.dark, before any frame could finish a transition.
    const atSwitch = page.evaluate<string>(`new Promise((resolve) => {
      const root = document.documentElement;
      const observer = new MutationObserver(() => {
        if (!root.classList.contains('dark')) return;
        observer.disconnect();
        resolve(getComputedStyle(document.querySelector('[data-testid="nav-pipeline"]')).color);
      });
      observer.observe(root, { attributes: true, attributeFilter: ['class'] });
    })`);
    await page.emulateMedia({ colorScheme: 'dark' });
    const first = await atSwitch;
    await expect(html(page)).toHaveClass(/(^|\s)dark(\s|$)/);
    await page.waitForTimeout(400); // longer than any transition in the app (150 ms)
    const settled = await color();
    expect(settled).not.toBe(lightColor);
    expect(first).toBe(settled);
  });
});
