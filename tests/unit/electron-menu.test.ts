import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuInput } from '../../src/main/platform/menu';

function actions() {
  return {
    openWorkspace: vi.fn(),
    backupNow: vi.fn(),
    toggleDark: vi.fn(),
    openDataFolder: vi.fn(),
    showAbout: vi.fn(),
  };
}

function build(overrides: Partial<MenuInput> = {}) {
  const a = actions();
  const template = buildMenuTemplate({ platform: 'linux', dev: false, language: 'en', actions: a, ...overrides });
  return { template, actions: a };
}

function items(menu: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return Array.isArray(menu?.submenu) ? menu.submenu : [];
}

function all(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((m) => [m, ...all(items(m))]);
}

function fire(item: MenuItemConstructorOptions | undefined): void {
  expect(item?.click).toBeTypeOf('function');
  (item!.click as () => void)();
}

const find = (template: MenuItemConstructorOptions[], test: (i: MenuItemConstructorOptions) => boolean) =>
  all(template).find(test);

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Window and Help on Windows/Linux, with the app menu first on macOS', () => {
    const labels = (t: MenuItemConstructorOptions[]) => t.map((m) => m.label?.replace('&', ''));
    expect(labels(build().template)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(labels(build({ platform: 'win32' }).template)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(labels(build({ platform: 'darwin' }).template)).toEqual([
      'Atalaya',
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
    ]);
  });

  it('uses CmdOrCtrl accelerators (Cmd on macOS, Ctrl elsewhere)', () => {
    const { template } = build();
    const accelerators = all(template)
      .map((i) => i.accelerator)
      .filter((a): a is string => typeof a === 'string');
    expect(accelerators.length).toBeGreaterThan(5);
    for (const a of accelerators) expect(a).toMatch(/^(Alt\+)?CmdOrCtrl\+/);
    expect(find(template, (i) => i.label === 'Open Workspace…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(find(template, (i) => i.role === 'quit')?.accelerator).toBe('CmdOrCtrl+Q');
  });

  it('wires File items to the actions', () => {
    const { template, actions: a } = build();
    const file = items(template[0]);
    expect(file.map((i) => i.label ?? i.type)).toEqual(['Open Workspace…', 'Back Up Now', 'separator', 'Quit Atalaya']);
    fire(file[0]);
    fire(file[1]);
    expect(a.openWorkspace).toHaveBeenCalledOnce();
    expect(a.backupNow).toHaveBeenCalledOnce();
    const dark = find(template, (i) => i.label === 'Toggle Dark Mode');
    fire(dark);
    expect(a.toggleDark).toHaveBeenCalledOnce();
  });

  it('puts Quit in the app menu on macOS and Close Window in File', () => {
    const { template } = build({ platform: 'darwin' });
    expect(items(template[0]).some((i) => i.role === 'quit')).toBe(true);
    expect(items(template[1]).some((i) => i.role === 'quit')).toBe(false);
    expect(items(template[1]).some((i) => i.role === 'close')).toBe(true);
    // No Windows-style mnemonics on macOS.
    for (const m of template) expect(m.label).not.toContain('&');
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (t: MenuItemConstructorOptions[]) => all(t).map((i) => i.role);
    expect(roles(build().template)).not.toContain('reload');
    expect(roles(build().template)).not.toContain('toggleDevTools');
    expect(roles(build({ dev: true }).template)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(roles(build().template)).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom']));
  });

  it('speaks Spanish when asked', () => {
    const { template } = build({ language: 'es' });
    expect(items(template[0])[0]?.label).toBe('Abrir espacio de trabajo…');
    expect(template[0]?.label).toBe('&Archivo');
  });
});
