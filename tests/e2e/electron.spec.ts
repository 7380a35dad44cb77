/**
 * The real desktop shell: launches Electron on the built app (out/) and checks
 * that a sandboxed window opens on the welcome or the executive screen with
 * only `window.api` exposed. Skipped, with the reason, where no Electron
 * runtime is installed (this offline build host: Electron's binary comes from
 * GitHub, not the npm registry). The browser-host specs cover the UI there.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ElectronApplication, _electron as electron, expect, test } from '@playwright/test';

const root = process.cwd();

/** Same lookup as node_modules/electron/index.js, without throwing when the runtime is missing. */
function electronRuntime(): string | null {
  const dir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    : path.join(dir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

const runtime = electronRuntime();
const runtimeAvailable = runtime !== null;

test.describe('Electron shell', () => {
  test.skip(
    !runtimeAvailable,
    'No Electron runtime installed on this machine (offline build host): node_modules/electron has no downloaded ' +
      'binary and it cannot be fetched from outside the npm registry. Run `npm start` online once to install it.',
  );

  let app: ElectronApplication;
  let userData: string;

  test.beforeAll(async () => {
    test.setTimeout(10 * 60_000);
    // Builds better-sqlite3 against Electron's headers once (a no-op when already built).
    const nativeBinding = execFileSync(process.execPath, [path.join(root, 'scripts', 'start.js'), '--native-only'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    })
      .trim()
      .split('\n')
      .pop();
    expect(existsSync(path.join(root, 'out', 'main', 'index.js')), 'run npm run build first').toBe(true);
    userData = mkdtempSync(path.join(os.tmpdir(), 'atalaya-electron-'));
    const args = [root, '--user-data', userData];
    if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox');
    app = await electron.launch({
      executablePath: runtime ?? undefined,
      args,
      cwd: root,
      env: { ...process.env, ATALAYA_NATIVE_BINDING: nativeBinding ?? '', ELECTRON_ENABLE_LOGGING: '1' },
      timeout: 60_000,
    });
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('opens one locked-down window on the welcome or executive screen', async () => {
    const page = await app.firstWindow();
    await expect(page).toHaveTitle(/Atalaya/);
    await expect(
      page
        .getByTestId(/^(welcome|executive)(-screen|-page)?$/)
        .or(page.getByRole('heading', { name: /welcome|bienvenid|executive|ejecutiv/i }))
        .first(),
    ).toBeVisible({ timeout: 30_000 });

    // The renderer sees window.api (call + on) and nothing of Node.
    const exposed = await page.evaluate(() => ({
      api: Object.keys((globalThis as unknown as { api?: object }).api ?? {}).sort(),
      require: typeof (globalThis as unknown as { require?: unknown }).require,
      process: typeof (globalThis as unknown as { process?: unknown }).process,
    }));
    expect(exposed).toEqual({ api: ['call', 'on'], require: 'undefined', process: 'undefined' });

    const ping = await page.evaluate(() =>
      (globalThis as unknown as { api: { call(m: string, a: object): Promise<unknown> } }).api.call('app/ping', {}),
    );
    expect(ping).toMatchObject({ ok: true, value: { pong: true } });

    // window.open is denied: no second window appears.
    await page.evaluate(() => (globalThis as unknown as { open(url: string): unknown }).open('https://example.com/'));
    await page.waitForTimeout(500);
    expect(app.windows()).toHaveLength(1);

    const shell = await app.evaluate(({ BrowserWindow }) => {
      const win = BrowserWindow.getAllWindows()[0];
      return {
        count: BrowserWindow.getAllWindows().length,
        minimum: win?.getMinimumSize(),
        url: win?.webContents.getURL(),
      };
    });
    expect(shell.count).toBe(1);
    expect(shell.url).toMatch(/^file:.*\/out\/renderer\/index\.html/);
  });
});
