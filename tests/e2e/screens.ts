/** What the specs navigate through, and ways to ask the app and its core about it. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
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
export const toasts = (page: Page) => page.getByRole('region', { name: /^(Notifications|Notificaciones)/ });

/** No axe violation of impact serious or critical on what is on screen once nothing says it is loading. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await expect(page.getByRole('status', { name: /Loading|Cargando/ })).toHaveCount(0);
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
