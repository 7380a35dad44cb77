/**
 * End-to-end fixtures: each test gets its own browser host (real core worker,
 * real SQLite file in a temp folder) and a page opened on its tokenized URL.
 * Console errors and uncaught page errors fail the test.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { locateMigrationsDir } from '../../src/main/core/db/migrate';
import { generateDemo } from '../../src/main/core/demo/generate';
import { createWorkspaceFile } from '../../src/main/core/workspace/files';
import { startWebHost, type WebHost } from '../../src/main/hosts/web';

import { BUILD_DIR, ROOT } from '../helpers';
import { settled } from './screens';

const migrationsDir = locateMigrationsDir({ moduleDir: path.join(BUILD_DIR, 'main') });
export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');

export interface AtalayaApp {
  host: WebHost;
  userDataDir: string;
  /** Opens the app in the page (a fresh load, as a person would), and waits until it has booted. */
  open(page: Page): Promise<void>;
}

export async function startApp(kind: 'demo' | 'empty'): Promise<AtalayaApp & { dispose(): Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'atalaya-e2e-'));
  const userDataDir = path.join(dir, 'home');
  mkdirSync(userDataDir, { recursive: true });
  let workspacePath: string | undefined;
  if (kind === 'demo') {
    workspacePath = path.join(userDataDir, 'workspaces', 'demo.atalaya');
    await createWorkspaceFile(workspacePath, { migrationsDir }, (sqlite) =>
      generateDemo(sqlite, { profile: 'agency', seed: 'e2e', asOf: '2026-11-20' }),
    );
  }
  const host = await startWebHost({
    rendererDir: path.join(BUILD_DIR, 'renderer'),
    workerFile: path.join(BUILD_DIR, 'main', 'worker.js'),
    core: { userDataDir, migrationsDir, workspacePath, appVersion: '0.0.0-e2e' },
  });
  return {
    host,
    userDataDir,
    open: async (page) => {
      await page.goto(host.url);
      await booted(page);
    },
    dispose: async () => {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until the app is past its boot skeleton (a shell, the welcome screen or a boot error): a key pressed
 * before that, Ctrl+K for one, has no screen to reach yet.
 */
export async function booted(page: Page): Promise<void> {
  await page.locator('#root > *').first().waitFor({ timeout: 30_000 });
  await expect(page.locator('[data-boot-skeleton]')).toHaveCount(0, { timeout: 30_000 });
}

type Fixtures = { demoApp: AtalayaApp; emptyApp: AtalayaApp; consoleErrors: string[] };

export const test = base.extend<Fixtures>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning')
          errors.push(`${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      await use(errors);
      expect(errors, 'the page logged errors or warnings').toEqual([]);
    },
    { auto: true },
  ],
  demoApp: async ({}, use) => {
    const app = await startApp('demo');
    await use(app);
    await app.dispose();
  },
  emptyApp: async ({}, use) => {
    const app = await startApp('empty');
    await use(app);
    await app.dispose();
  },
});

/**
 * Saves a screenshot as a kept artifact (test-results/screenshots/<name>.png), once nothing is mid-animation: not a
 * dialog caught half faded in, nor a toast half in.
 */
export async function snap(page: Page, name: string): Promise<void> {
  await settled(page);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

export { expect };
