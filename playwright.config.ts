import { defineConfig } from '@playwright/test';

/** End-to-end tests drive Debian's Chromium against the browser host (see tests/e2e/fixtures.ts). */
export default defineConfig({
  testDir: 'tests/e2e',
  // A parallel build (ATALAYA_BUILD_DIR) keeps its own results so two runs never clean each other's.
  outputDir: process.env.ATALAYA_BUILD_DIR ? `test-results/e2e-${process.env.ATALAYA_BUILD_DIR}` : 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // CI machines are slower and busier than a developer's: a test that fails there once and passes on its second try is
  // retried, and `npm test` names it as flaky in its summary (scripts/test-all.js) so the race gets fixed, not hidden.
  retries: process.env.CI ? 1 : 0,
  use: {
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
});
