/** What the specs navigate through, and ways to ask the app and its core about it. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import type { AtalayaApp } from './fixtures';

export const SECTIONS = [
  { id: 'executive', title: 'Executive' },
  { id: 'hubs', title: 'Hubs' },
  { id: 'pipeline', title: 'Pipeline' },
  { id: 'projects', title: 'Projects' },
  { id: 'capacity', title: 'Capacity' },
  { id: 'team', title: 'Team & Earnings' },
  { id: 'scenarios', title: 'Scenarios' },
  { id: 'clients', title: 'Clients' },
  { id: 'finance', title: 'Finance' },
  { id: 'settings', title: 'Settings' },
] as const;

export const SECTIONS_ES = [
  { id: 'executive', title: 'Dirección' },
  { id: 'hubs', title: 'Sedes' },
  { id: 'pipeline', title: 'Embudo' },
  { id: 'projects', title: 'Proyectos' },
  { id: 'capacity', title: 'Capacidad' },
  { id: 'team', title: 'Equipo y ganancias' },
  { id: 'scenarios', title: 'Escenarios' },
  { id: 'clients', title: 'Clientes' },
  { id: 'finance', title: 'Finanzas' },
  { id: 'settings', title: 'Configuración' },
] as const;

export const SETTINGS_TABS = [
  { id: 'profile', name: 'Workspace profile' },
  { id: 'hubs', name: 'Hubs' },
  { id: 'holidays', name: 'Holidays' },
  { id: 'catalogue', name: 'Service catalogue' },
  { id: 'scoring', name: 'Scoring' },
  { id: 'data', name: 'Data' },
  { id: 'appearance', name: 'Appearance' },
] as const;

export const SETTINGS_TABS_ES = [
  { id: 'profile', name: 'Perfil' },
  { id: 'hubs', name: 'Sedes' },
  { id: 'holidays', name: 'Feriados' },
  { id: 'catalogue', name: 'Catálogo de servicios' },
  { id: 'scoring', name: 'Puntuación' },
  { id: 'data', name: 'Datos' },
  { id: 'appearance', name: 'Apariencia' },
] as const;

export const mainHeading = (page: Page) => page.getByRole('main').getByRole('heading', { level: 1 });

/** The "Discard your changes?" prompt, in either language. */
export const discardPrompt = (page: Page) =>
  page.getByRole('alertdialog', { name: /^(Discard your changes\?|¿Descartar los cambios\?)$/ });

/** Settings → Scoring, from anywhere in the app: its tab's panel. */
export async function openScoringTab(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('tab', { name: 'Scoring' }).click();
  return page.getByTestId('scoring-tab');
}

/** The prefs as the core stored them (asked over HTTP, not the renderer's optimistic copy). */
export async function corePrefs(page: Page, app: AtalayaApp): Promise<Record<string, unknown>> {
  return coreCall<Record<string, unknown>>(page, app, 'prefs/get');
}

/** A fresh empty workspace made through the core (the wizard has its own spec): Nueva Agencia, one hub (Lima). */
export async function createEmptyAgency(page: Page, app: AtalayaApp): Promise<void> {
  await coreCall(page, app, 'workspace/createEmpty', {
    name: 'Nueva Agencia',
    reportingCurrency: 'USD',
    timeZone: 'UTC',
    hubs: [
      {
        name: 'Lima',
        country: 'PE',
        timeZone: 'America/Lima',
        currency: 'PEN',
        targetKind: null,
        targetSharePct: null,
        leaderId: null,
        color: 'emerald',
      },
    ],
    people: [],
  });
}

/** A hub the demo has not got (Quito), made through the core for a test that needs one of its own. */
export function createQuitoHub(page: Page, app: AtalayaApp): Promise<{ id: number; name: string }> {
  return coreCall(page, app, 'hubs/create', {
    name: 'Quito',
    country: 'EC',
    timeZone: 'America/Guayaquil',
    currency: 'USD',
    targetKind: null,
    targetSharePct: null,
    leaderId: null,
    color: 'rose',
  });
}

/** Asks the core directly over the browser host's HTTP door, as a second witness of what the screen shows. */
export async function coreCall<T>(page: Page, app: AtalayaApp, method: string, args: unknown = {}): Promise<T> {
  const url = new URL(app.host.url);
  const token = /token=([^&]+)/.exec(url.hash)?.[1] ?? '';
  const response = await page.request.post(new URL('/api/call', url).toString(), {
    headers: { authorization: `Bearer ${token}` },
    data: { method, args },
  });
  const result = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value;
}

/** The toasts' region, in either language. */
/** Opens the command palette with Ctrl+K, and waits until its search field takes what is typed. */
export async function openPalette(page: Page): Promise<Locator> {
  await page.keyboard.press('Control+k');
  const palette = page.getByTestId('command-palette');
  await expect(palette.getByRole('combobox')).toBeFocused();
  return palette;
}

export const toasts = (page: Page) => page.getByRole('region', { name: /^(Notifications|Notificaciones)/ });

/**
 * Rests the pointer on a toast (from toastSaying): sonner stops every toast's clock while the pointer is over them,
 * as for a person reading one. For a test that checks more (the core, a screenshot, a sheet opened and closed)
 * before it presses the toast's button: on a loaded machine those checks can outlast even a 10 s toast. The clocks
 * run again once the mouse moves elsewhere (a click, a drag) or Escape leaves a focused toast; other keys leave
 * them stopped.
 */
export async function holdToasts(toast: Locator): Promise<void> {
  await toast.hover();
  // What stops the clocks: sonner marks its toasts expanded while the pointer is over them.
  await expect(toast).toHaveAttribute('data-expanded', 'true');
}

/** One toast (its element, which holds its buttons) by what it says. */
export const toastSaying = (page: Page, text: string | RegExp) =>
  toasts(page).locator('[data-sonner-toast]').filter({ hasText: text });

/** What settled() reads of the page's animations (the specs are typed without the DOM's own types). */
type PageAnimation = { playState: string; effect: { getComputedTiming(): { endTime?: number | string } } | null };

/**
 * Resolves once nothing on the page is mid-animation or mid-transition (endless ones, a spinner or a skeleton's
 * shimmer, aside): a dialog or sheet fades in over 150 ms and a toast slides in, and `toBeVisible` already holds at
 * opacity 0. Checked on animation frames, so on a loaded machine it waits for the frames that finish them.
 */
export async function settled(page: Page): Promise<void> {
  // A function, not a string: the app's CSP refuses eval, which a polled string predicate needs.
  await page.waitForFunction(
    () =>
      (globalThis as unknown as { document: { getAnimations(): PageAnimation[] } }).document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Number.POSITIVE_INFINITY),
    undefined,
    { timeout: 10_000 },
  );
}

/**
 * No axe violation of impact serious or critical on what is on screen once nothing says it is loading and nothing is
 * still fading in: axe reads a dialog caught at 40% opacity as a dozen contrast failures.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await expect(page.getByRole('status', { name: /Loading|Cargando/ })).toHaveCount(0);
  await settled(page);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.impact}) ${n.target.join(' ')} — ${(n.failureSummary ?? v.help).slice(0, 200)}`),
    );
  expect.soft(found, `axe on ${screen}:\n${found.join('\n')}`).toEqual([]);
}

/** Sets the top bar's period to a custom range through its popover (English UI). */
export async function chooseCustomPeriod(page: Page, from: string, to: string): Promise<void> {
  await page.getByRole('radiogroup', { name: 'Period' }).getByRole('radio', { name: 'Custom' }).click();
  const popover = page.getByRole('dialog', { name: 'Custom period' });
  await popover.getByLabel('From').fill(from);
  await popover.getByLabel('To').fill(to);
  await popover.getByRole('button', { name: 'Apply' }).click();
  await expect(popover).toBeHidden();
}

/** Sets the top bar's hub filter to one hub (English UI) and answers that hub's id. */
export async function chooseHub(page: Page, app: AtalayaApp, name: string): Promise<number> {
  await page.getByRole('combobox', { name: 'Hub filter' }).click();
  await page.getByRole('listbox').getByRole('option', { name }).click();
  const hubs = await coreCall<{ id: number; name: string }[]>(page, app, 'hubs/list');
  return hubs.find((h) => h.name === name)!.id;
}

/** A share as a KPI tile writes it in English: at most one decimal ("37.8%", "60%"). */
export const percentText = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** A date (YYYY-MM-DD) as Intl writes it in a locale, at noon UTC so no zone moves it. */
export const intlDate = (date: string, locale: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

/** YYYY-MM-DD plus n days. */
export const plusDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
