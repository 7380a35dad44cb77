/**
 * The Electron shell: lifecycle only. It starts the core worker, opens one
 * locked-down window, installs the menu and the IPC router, and remembers the
 * window's place. Every decision worth testing lives in ./platform and ./ipc
 * as pure functions; this file only wires them to Electron.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, Menu, nativeTheme, screen, session, shell, type WebContents } from 'electron';
import type { Events, Prefs } from '../shared/contract';
import { locateMigrationsDir } from './core/db/migrate';
import { PrefsStore } from './core/prefs/store';
import { type CoreClient, startCore } from './hosts/core-client';
import { EVENT_CHANNEL } from './ipc/channels';
import { createHostHandlers, registerIpc } from './ipc/router';
import { chromiumLocale, nativeBindingCandidates, parseLaunchArgs } from './platform/launch';
import { buildMenuTemplate, type MenuLanguage } from './platform/menu';
import { buildCsp, externalLinkTarget, isAllowedNavigation, isPermissionAllowed } from './platform/security';
import { buildWindowOptions, type SavedBounds } from './platform/window';

const dev = !app.isPackaged;
const devServerUrl = dev ? process.env.ELECTRON_RENDERER_URL : undefined;
const rendererFile = path.join(__dirname, '../renderer/index.html');
const appUrl = devServerUrl ?? pathToFileURL(rendererFile).href;
const launch = parseLaunchArgs(process.argv.slice(1), process.cwd());
const SAVE_BOUNDS_DELAY_MS = 600;
const PREFS_TIMEOUT_MS = 2500;

if (launch.userDataDir) app.setPath('userData', launch.userDataDir);
if (process.platform === 'win32') app.setAppUserModelId('com.atalaya.desktop');
const locale = chromiumLocale(new PrefsStore(app.getPath('userData')).get().language);
if (locale) app.commandLine.appendSwitch('lang', locale);

let core: CoreClient | null = null;
let mainWindow: BrowserWindow | null = null;
let pendingSave: Promise<unknown> = Promise.resolve();
let shutdownDone = false;
let shuttingDown = false;

function fatal(title: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`${title}: ${message}`);
  dialog.showErrorBox(title, message);
  app.exit(1);
}

function findNativeBinding(): string | undefined {
  const candidates = nativeBindingCandidates({
    override: process.env.ATALAYA_NATIVE_BINDING,
    resourcesPath: app.isPackaged ? process.resourcesPath : undefined,
    appPath: app.getAppPath(),
  });
  const found = candidates.find((file) => existsSync(file));
  if (!found && dev) {
    console.warn(
      'No Electron build of better-sqlite3 was found (looked in ' +
        `${candidates.join(', ')}). Start Atalaya with \`npm start\`, which builds it.`,
    );
  }
  return found;
}

function startCoreWorker(): CoreClient {
  const migrationsDir = locateMigrationsDir({
    resourcesPath: app.isPackaged ? process.resourcesPath : undefined,
    moduleDir: __dirname,
  });
  return startCore(path.join(__dirname, 'worker.js'), {
    host: 'electron',
    userDataDir: app.getPath('userData'),
    migrationsDir,
    nativeBinding: findNativeBinding(),
    workspacePath: launch.workspacePath,
    takeAppLock: true,
    appVersion: app.getVersion(),
  });
}

async function readPrefs(): Promise<Prefs | null> {
  if (!core) return null;
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), PREFS_TIMEOUT_MS));
  const result = await Promise.race([core.call('prefs/get', {}), timeout]);
  return result?.ok ? result.value : null;
}

// ---------- security (applies to every web contents, not only ours) ----------

function installSecurity(): void {
  const csp = buildCsp({ dev, devServerUrl });
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    if (details.resourceType !== 'mainFrame' && details.resourceType !== 'subFrame') {
      callback({});
      return;
    }
    const responseHeaders = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(
        ([name]) => name.toLowerCase() !== 'content-security-policy',
      ),
    );
    responseHeaders['Content-Security-Policy'] = [csp];
    callback({ responseHeaders });
  });
  session.defaultSession.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl || contents.getURL(), appUrl));
  });
  session.defaultSession.setPermissionCheckHandler((contents, permission, _origin, details) =>
    isPermissionAllowed(permission, details.requestingUrl || contents?.getURL() || '', appUrl),
  );
}

function guardContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalLinkTarget(url);
    if (external) void shell.openExternal(external);
    return { action: 'deny' };
  });
  const stayInApp = (event: Electron.Event, url: string) => {
    if (isAllowedNavigation(url, appUrl)) return;
    event.preventDefault();
    const external = externalLinkTarget(url);
    if (external) void shell.openExternal(external);
  };
  contents.on('will-navigate', (event) => stayInApp(event, event.url));
  contents.on('will-redirect', (event) => stayInApp(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

// ---------- window ----------

function trackBounds(win: BrowserWindow): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    if (win.isDestroyed() || win.isFullScreen() || win.isMinimized() || !core) return;
    const { x, y, width, height } = win.getNormalBounds();
    const windowBounds: SavedBounds = { x, y, width, height, maximized: win.isMaximized() };
    pendingSave = core.call('prefs/set', { windowBounds }).catch(() => undefined);
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_BOUNDS_DELAY_MS);
  };
  win.on('resize', schedule);
  win.on('move', schedule);
  win.on('maximize', schedule);
  win.on('unmaximize', schedule);
  win.on('close', save);
}

async function createWindow(prefs: Prefs | null): Promise<void> {
  const primaryId = screen.getPrimaryDisplay().id;
  const dark = prefs?.theme === 'dark' || (prefs?.theme !== 'light' && nativeTheme.shouldUseDarkColors);
  const win = new BrowserWindow(
    buildWindowOptions({
      bounds: prefs?.windowBounds,
      displays: screen.getAllDisplays().map((d) => ({ workArea: d.workArea, primary: d.id === primaryId })),
      preloadPath: path.join(__dirname, '../preload/index.js'),
      iconPath: dev ? path.join(app.getAppPath(), 'resources', 'icon.png') : undefined,
      backgroundColor: dark ? '#0f1020' : '#ffffff',
    }),
  );
  mainWindow = win;
  if (prefs?.windowBounds?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    console.error(`The Atalaya window's renderer stopped (${details.reason}).`);
  });
  trackBounds(win);
  if (devServerUrl) await win.loadURL(devServerUrl);
  else await win.loadFile(rendererFile);
}

function focusWindow(): void {
  const win = mainWindow;
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

// ---------- menu actions ----------

async function showProblem(message: string, detail: string): Promise<void> {
  const options = { type: 'error' as const, title: 'Atalaya', message, detail };
  if (mainWindow) await dialog.showMessageBox(mainWindow, options);
  else await dialog.showMessageBox(options);
}

async function openWorkspace(filePath?: string): Promise<void> {
  if (!core) return;
  const win = mainWindow;
  // A window showing the app opens it itself, once it has asked about unsaved changes (a form half filled in would
  // otherwise be thrown away as the workspace changes under it).
  if (win && !win.isDestroyed() && !win.webContents.isLoading()) {
    win.webContents.send(EVENT_CHANNEL, 'host/openWorkspace', {
      path: filePath ?? null,
    } satisfies Events['host/openWorkspace']);
    focusWindow();
    return;
  }
  const target = filePath ?? (await createHostHandlers(() => mainWindow)['host/pickWorkspaceFile']({})).path;
  if (!target) return;
  const result = await core.call('workspace/open', { path: target });
  if (!result.ok) await showProblem('Atalaya could not open that workspace.', result.error.message);
  focusWindow();
}

async function backupNow(): Promise<void> {
  if (!core) return;
  const result = await core.call('workspace/backup', {});
  if (!result.ok) {
    await showProblem('The backup was not made.', result.error.message);
    return;
  }
  const options = {
    type: 'info' as const,
    title: 'Atalaya',
    message: 'Backup saved.',
    detail: result.value.path,
    buttons: ['OK', process.platform === 'darwin' ? 'Show in Finder' : 'Show in folder'],
    defaultId: 0,
  };
  const { response } = mainWindow
    ? await dialog.showMessageBox(mainWindow, options)
    : await dialog.showMessageBox(options);
  if (response === 1) shell.showItemInFolder(result.value.path);
}

async function toggleDark(): Promise<void> {
  if (!core) return;
  const theme = nativeTheme.shouldUseDarkColors ? 'light' : 'dark';
  nativeTheme.themeSource = theme;
  const result = await core.call('prefs/set', { theme });
  if (result.ok) applyPrefs(result.value);
}

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: 'Atalaya',
    message: `Atalaya ${app.getVersion()}`,
    detail: `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
  };
  if (mainWindow) void dialog.showMessageBox(mainWindow, options);
  else void dialog.showMessageBox(options);
}

let menuLanguage: MenuLanguage | null = null;

/** The shell follows the preferences: native theme (dialogs, menus, prefers-color-scheme) and menu language. */
function applyPrefs(prefs: Prefs | null): void {
  if (prefs) nativeTheme.themeSource = prefs.theme;
  const language: MenuLanguage = prefs?.language ?? (app.getLocale().startsWith('es') ? 'es' : 'en');
  if (language !== menuLanguage) installMenu(language);
}

function installMenu(language: MenuLanguage): void {
  menuLanguage = language;
  const report = (error: unknown) => void showProblem('Something went wrong.', (error as Error).message);
  const template = buildMenuTemplate({
    platform: process.platform,
    dev,
    language,
    actions: {
      openWorkspace: () => void openWorkspace().catch(report),
      backupNow: () => void backupNow().catch(report),
      toggleDark: () => void toggleDark().catch(report),
      openDataFolder: () => void shell.openPath(app.getPath('userData')),
      showAbout,
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

// ---------- lifecycle ----------

async function onReady(): Promise<void> {
  installSecurity();
  try {
    core = startCoreWorker();
  } catch (error) {
    fatal('Atalaya cannot start', error);
    return;
  }
  // Reports print in a hidden window with the main window's (sandboxed) preferences.
  const { webPreferences = {} } = buildWindowOptions({
    bounds: null,
    displays: [],
    preloadPath: path.join(__dirname, '../preload/index.js'),
  });
  registerIpc({
    core,
    appUrl,
    getWindow: () => mainWindow,
    onPrefsChanged: applyPrefs,
    print: { appUrl, webPreferences },
  });
  const prefs = await readPrefs();
  applyPrefs(prefs);
  await createWindow(prefs);
}

function main(): void {
  app.enableSandbox();

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const args = parseLaunchArgs(argv.slice(1), workingDirectory);
    focusWindow();
    if (args.workspacePath) openWorkspace(args.workspacePath).catch((error: unknown) => console.error(error));
  });

  // macOS: a workspace file opened from Finder (file association).
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    if (core) openWorkspace(filePath).catch((error: unknown) => console.error(error));
    else launch.workspacePath = filePath;
  });

  app.on('web-contents-created', (_event, contents) => guardContents(contents));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (!mainWindow && app.isReady() && core) {
      readPrefs()
        .then(createWindow)
        .catch((error: unknown) => fatal('Atalaya cannot open its window', error));
    }
  });

  // Let the last bounds save and the core close the workspace cleanly before exiting.
  app.on('will-quit', (event) => {
    if (shutdownDone) return;
    event.preventDefault();
    if (shuttingDown) return;
    shuttingDown = true;
    void (async () => {
      await pendingSave;
      await core?.close().catch(() => undefined);
      shutdownDone = true;
      app.exit(0);
    })();
  });

  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => fatal('Atalaya cannot start', error));
}

// One Atalaya per user: a second launch focuses the first (and hands it a workspace file, if given).
if (app.requestSingleInstanceLock()) main();
else app.quit();
