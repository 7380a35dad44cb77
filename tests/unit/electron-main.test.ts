/**
 * The Electron shell's wiring (src/main/index.ts + ipc/router.ts) against a
 * fake `electron` module and a fake core: what it starts, which window it
 * opens, how IPC is routed, what it saves and how it quits. The real Electron
 * runtime is never loaded (it cannot be installed on the build host); the
 * Playwright spec tests/e2e/electron.spec.ts covers it where it exists.
 */
import type { EventEmitter } from 'node:events';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const h = vi.hoisted(() => {
  const state = {
    lock: true,
    prefs: null as unknown,
    appEvents: new Map<string, Listener[]>(),
    windows: [] as FakeWindowShape[],
    ipcHandlers: new Map<string, Listener>(),
    headersListener: null as Listener | null,
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    menuTemplate: null as unknown,
    openDialogResult: { canceled: false, filePaths: ['/data/acme.atalaya'] },
    exitCode: null as number | null,
    quitCalls: 0,
    coreConfig: null as Record<string, unknown> | null,
    workerFile: '',
    coreCalls: [] as [string, unknown][],
    coreListeners: new Set<Listener>(),
    coreClosed: false,
  };
  interface FakeWindowShape {
    options: Record<string, unknown>;
    maximized: boolean;
    loaded: string | null;
    emit(event: string, ...args: unknown[]): boolean;
    webContents: { sent: unknown[][] };
  }
  return { state };
});

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const { pathToFileURL } = await import('node:url');
  const { state } = h;
  class FakeWebContents extends EventEmitter {
    sent: unknown[][] = [];
    url = '';
    windowOpenHandler: Listener | null = null;
    isDestroyed = () => false;
    getURL = () => this.url;
    send = (...args: unknown[]) => this.sent.push(args);
    setWindowOpenHandler = (handler: Listener) => {
      this.windowOpenHandler = handler;
    };
  }
  class BrowserWindow extends EventEmitter {
    static getAllWindows = () => state.windows;
    options: Record<string, unknown>;
    webContents = new FakeWebContents();
    maximized = false;
    loaded: string | null = null;
    destroyed = false;
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      state.windows.push(this as never);
      for (const l of state.appEvents.get('web-contents-created') ?? []) l({}, this.webContents);
    }
    maximize = () => {
      this.maximized = true;
    };
    isMaximized = () => this.maximized;
    isMinimized = () => false;
    isFullScreen = () => false;
    isDestroyed = () => this.destroyed;
    getNormalBounds = () => {
      const o = this.options as { x: number; y: number; width: number; height: number };
      return { x: o.x, y: o.y, width: o.width, height: o.height };
    };
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    loadFile = async (file: string) => {
      this.loaded = file;
      this.webContents.url = pathToFileURL(file).href;
    };
    loadURL = async (url: string) => {
      this.loaded = url;
      this.webContents.url = url;
    };
  }
  const app = {
    isPackaged: false,
    getPath: (name: string) => `/fake/${name}`,
    setPath: vi.fn(),
    getVersion: () => '9.9.9',
    getAppPath: () => '/fake/project',
    getLocale: () => 'en-US',
    isReady: () => true,
    requestSingleInstanceLock: () => state.lock,
    enableSandbox: vi.fn(),
    setAppUserModelId: vi.fn(),
    whenReady: () => Promise.resolve(),
    on: (event: string, listener: Listener) => {
      state.appEvents.set(event, [...(state.appEvents.get(event) ?? []), listener]);
      return app;
    },
    quit: () => {
      state.quitCalls++;
    },
    exit: (code: number) => {
      state.exitCode = code;
    },
  };
  return {
    app,
    BrowserWindow,
    dialog: {
      showOpenDialog: async () => state.openDialogResult,
      showMessageBox: async () => ({ response: 0 }),
      showErrorBox: vi.fn(),
    },
    ipcMain: {
      handle: (channel: string, listener: Listener) => state.ipcHandlers.set(channel, listener),
      removeHandler: (channel: string) => state.ipcHandlers.delete(channel),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => {
        state.menuTemplate = menu;
      },
    },
    nativeTheme: { shouldUseDarkColors: false, themeSource: 'system' },
    screen: {
      getPrimaryDisplay: () => ({ id: 1 }),
      getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
    },
    session: {
      defaultSession: {
        webRequest: {
          onHeadersReceived: (listener: Listener) => {
            state.headersListener = listener;
          },
        },
        setPermissionRequestHandler: (listener: Listener) => {
          state.permissionRequest = listener;
        },
        setPermissionCheckHandler: (listener: Listener) => {
          state.permissionCheck = listener;
        },
      },
    },
    shell: { showItemInFolder: vi.fn(), openExternal: vi.fn(async () => undefined), openPath: vi.fn() },
  };
});

vi.mock('../../src/main/hosts/core-client', () => ({
  startCore: (workerFile: string, config: Record<string, unknown>) => {
    const { state } = h;
    state.workerFile = workerFile;
    state.coreConfig = config;
    const callRaw = async (method: string, args: unknown) => {
      state.coreCalls.push([method, args]);
      if (method === 'prefs/get') return { ok: true, value: state.prefs };
      if (method === 'app/ping') return { ok: true, value: { pong: true, at: 1 } };
      if (method === 'prefs/set') {
        state.prefs = {
          theme: 'system',
          language: null,
          windowBounds: null,
          ...(state.prefs ?? {}),
          ...(args as object),
        };
        return { ok: true, value: state.prefs };
      }
      return { ok: true, value: {} };
    };
    return {
      call: callRaw,
      callRaw,
      onEvent: (listener: Listener) => {
        state.coreListeners.add(listener);
        return () => state.coreListeners.delete(listener);
      },
      close: async () => {
        state.coreClosed = true;
      },
    };
  },
}));

const s = h.state;
const root = path.resolve(__dirname, '..', '..');
const appUrl = pathToFileURL(path.join(root, 'src', 'renderer', 'index.html')).href;

interface Win {
  options: { webPreferences: Record<string, unknown> } & Record<string, number | string | boolean | object>;
  maximized: boolean;
  loaded: string | null;
  emit(event: string, ...args: unknown[]): boolean;
  webContents: EventEmitter & { sent: unknown[][]; url: string; windowOpenHandler: Listener | null };
}
const win = () => s.windows[0] as unknown as Win;

async function boot(): Promise<void> {
  vi.resetModules();
  await import('../../src/main/index');
  await vi.waitFor(() => expect(win()?.loaded).toBeTruthy());
}

function callIpc(senderUrl: string | null, method: unknown, args: unknown = {}) {
  const handler = s.ipcHandlers.get('atalaya:call');
  if (!handler) throw new Error('atalaya:call is not registered');
  return handler({ senderFrame: senderUrl === null ? null : { url: senderUrl } }, method, args) as Promise<unknown>;
}

/** Any existing file stands in for the Electron build of better-sqlite3. */
const fakeBinding = path.join(root, 'package.json');

beforeEach(() => {
  vi.stubEnv('ATALAYA_NATIVE_BINDING', fakeBinding);
  Object.assign(s, {
    lock: true,
    prefs: null,
    appEvents: new Map(),
    windows: [],
    ipcHandlers: new Map(),
    headersListener: null,
    menuTemplate: null,
    exitCode: null,
    quitCalls: 0,
    coreConfig: null,
    coreCalls: [],
    coreListeners: new Set(),
    coreClosed: false,
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe('Electron main (fake electron)', () => {
  it('quits at once when another Atalaya holds the single-instance lock, without starting the core', async () => {
    s.lock = false;
    vi.resetModules();
    await import('../../src/main/index');
    expect(s.quitCalls).toBe(1);
    expect(s.coreConfig).toBeNull();
    expect(s.windows).toHaveLength(0);
  });

  it('starts the core with the Electron config and opens one sandboxed window on the app', async () => {
    await boot();
    expect(path.basename(s.workerFile)).toBe('worker.js');
    expect(s.coreConfig).toMatchObject({
      host: 'electron',
      userDataDir: '/fake/userData',
      takeAppLock: true,
      appVersion: '9.9.9',
      nativeBinding: fakeBinding,
    });
    expect(s.coreConfig?.migrationsDir).toBe(path.join(root, 'drizzle'));
    expect(s.windows).toHaveLength(1);
    expect(win().options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(path.basename(String(win().options.webPreferences.preload))).toBe('index.js');
    expect(win().options).toMatchObject({ width: 1280, height: 800, minWidth: 1024, minHeight: 680 });
    expect(win().loaded).toBe(path.join(root, 'src', 'renderer', 'index.html'));
    expect(Array.isArray(s.menuTemplate)).toBe(true);
  });

  it('restores the saved window bounds and maximized state', async () => {
    s.prefs = {
      theme: 'dark',
      language: 'es',
      windowBounds: { x: 40, y: 30, width: 1400, height: 900, maximized: true },
    };
    await boot();
    expect(win().options).toMatchObject({ x: 40, y: 30, width: 1400, height: 900 });
    expect(win().maximized).toBe(true);
    expect((s.menuTemplate as { label: string }[])[0]?.label).toBe('&Archivo');
  });

  it('saves the bounds through the core when the window closes, debounced on move/resize', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await boot();
    const saves = () => s.coreCalls.filter(([m]) => m === 'prefs/set');
    win().emit('move');
    win().emit('resize');
    expect(saves()).toHaveLength(0);
    vi.advanceTimersByTime(1000);
    expect(saves()).toHaveLength(1);
    win().emit('close');
    expect(saves()).toHaveLength(2);
    expect(saves()[1]?.[1]).toEqual({
      windowBounds: { x: win().options.x, y: win().options.y, width: 1280, height: 800, maximized: false },
    });
  });

  it('routes IPC: core methods to the core, host methods here, foreign senders and unknown methods refused', async () => {
    await boot();
    await expect(callIpc(`${appUrl}#/executive`, 'app/ping')).resolves.toEqual({
      ok: true,
      value: { pong: true, at: 1 },
    });
    expect(s.coreCalls).toContainEqual(['app/ping', {}]);
    await expect(callIpc('https://evil.example/', 'app/ping')).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
    await expect(callIpc(null, 'app/ping')).resolves.toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    await expect(callIpc(appUrl, 'fs/readFile')).resolves.toMatchObject({ error: { code: 'UNKNOWN_METHOD' } });
    await expect(callIpc(appUrl, 'host/pickWorkspaceFile')).resolves.toEqual({
      ok: true,
      value: { path: '/data/acme.atalaya' },
    });
    await expect(callIpc(appUrl, 'host/revealPath', { path: '/definitely/not/here.atalaya' })).resolves.toEqual({
      ok: true,
      value: { shown: false },
    });
    expect(s.coreCalls.map(([m]) => m)).not.toContain('host/pickWorkspaceFile');
  });

  it('follows preference changes made in the window: native theme and menu language', async () => {
    await boot();
    const electron = (await import('electron')) as unknown as { nativeTheme: { themeSource: string } };
    expect((s.menuTemplate as { label: string }[])[0]?.label).toBe('&File');
    await callIpc(appUrl, 'prefs/set', { language: 'es', theme: 'dark' });
    expect((s.menuTemplate as { label: string }[])[0]?.label).toBe('&Archivo');
    expect(electron.nativeTheme.themeSource).toBe('dark');
  });

  it('forwards core events to the app window', async () => {
    await boot();
    for (const l of s.coreListeners) l('workspace/changed', { reason: 'external' });
    expect(win().webContents.sent).toEqual([['atalaya:event', 'workspace/changed', { reason: 'external' }]]);
  });

  it('sets the CSP on documents, denies permissions, new windows and foreign navigation', async () => {
    await boot();
    let headers: Record<string, string[]> | undefined;
    s.headersListener?.(
      { url: appUrl, resourceType: 'mainFrame', responseHeaders: { 'content-security-policy': ['default-src *'] } },
      (r: { responseHeaders?: Record<string, string[]> }) => {
        headers = r.responseHeaders;
      },
    );
    expect(Object.keys(headers ?? {})).toEqual(['Content-Security-Policy']);
    expect(headers?.['Content-Security-Policy']?.[0]).toContain("default-src 'self'");

    let granted: boolean | undefined;
    s.permissionRequest?.(
      win().webContents,
      'media',
      (v: boolean) => {
        granted = v;
      },
      { requestingUrl: appUrl },
    );
    expect(granted).toBe(false);
    expect(s.permissionCheck?.(win().webContents, 'geolocation', 'file://', { requestingUrl: appUrl })).toBe(false);

    expect(win().webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    const navigate = (url: string) => {
      const event = { url, preventDefault: vi.fn() };
      win().webContents.emit('will-navigate', event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate(`${appUrl}#/hubs`)).toBe(false);
  });

  it('waits for the last save and closes the core before exiting', async () => {
    await boot();
    const [willQuit] = s.appEvents.get('will-quit') ?? [];
    const event = { preventDefault: vi.fn() };
    willQuit?.(event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(s.exitCode).toBe(0));
    expect(s.coreClosed).toBe(true);
  });

  it('focuses the existing window when a second instance starts', async () => {
    await boot();
    const [secondInstance] = s.appEvents.get('second-instance') ?? [];
    secondInstance?.({}, ['atalaya'], '/home/ana');
    expect((win() as unknown as { focus: ReturnType<typeof vi.fn> }).focus).toHaveBeenCalled();
  });
});
