#!/usr/bin/env node
// `npm test`: typecheck + lint + build + unit/integration (vitest) + end-to-end
// (Playwright in Debian's Chromium). Every step runs even when an earlier one
// fails, so one run shows everything; the last line totals all suites as
// "N passed, N failed, N skipped" and the exit code is non-zero on any failure.
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readFileSync, rmSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const results = path.join(root, 'test-results');
mkdirSync(results, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(label, command, args, env = {}) {
  console.log(`\n── ${label} ──`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function check(label, ok) {
  totals[ok ? 'passed' : 'failed'] += 1;
  lines.push(`${label}: ${ok ? 'ok' : 'FAILED'}`);
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);

check('typecheck (node)', run('typecheck: node', bin('tsc'), ['--noEmit', '-p', 'tsconfig.node.json']));
check('typecheck (web)', run('typecheck: web', bin('tsc'), ['--noEmit', '-p', 'tsconfig.web.json']));
check('lint', run('lint (biome)', bin('biome'), ['check', '.']));
const built = run('build', process.execPath, [path.join(root, 'scripts', 'ensure-built.js')]);
check('build', built);

function suite(label, file, counts) {
  if (!existsSync(file)) {
    totals.failed += 1;
    lines.push(`${label}: no report (${path.relative(root, file)} missing)`);
    return;
  }
  const c = counts(JSON.parse(readFileSync(file, 'utf8')));
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
  lines.push(`${label}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
}

/** The tests Playwright reports as flaky (failed once, passed when retried on CI), as "file:line › title". */
function flakyTests(report) {
  const found = [];
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      if (spec.tests.some((t) => t.status === 'flaky'))
        found.push(`${spec.file}:${spec.line} › ${[...titles, spec.title].join(' › ')}`);
    }
    for (const child of suite.suites ?? []) walk(child, child.title === child.file ? titles : [...titles, child.title]);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  return found;
}

if (built) {
  const vitestJson = path.join(results, 'vitest.json');
  rmSync(vitestJson, { force: true });
  run('unit + integration (vitest)', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestJson}`,
  ]);
  suite('vitest', vitestJson, (j) => ({
    passed: j.numPassedTests,
    failed: j.numFailedTests + (j.numFailedTestSuites > 0 && j.numFailedTests === 0 ? 1 : 0),
    skipped: j.numPendingTests + j.numTodoTests,
  }));

  const playwrightJson = path.join(results, 'playwright.json');
  rmSync(playwrightJson, { force: true });
  run('end-to-end (Playwright, Chromium)', bin('playwright'), ['test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
  });
  suite('playwright', playwrightJson, (j) => ({
    passed: j.stats.expected + j.stats.flaky,
    failed: j.stats.unexpected + (j.errors?.length ? 1 : 0),
    skipped: j.stats.skipped,
  }));
  if (existsSync(playwrightJson)) {
    const flaky = flakyTests(JSON.parse(readFileSync(playwrightJson, 'utf8')));
    if (flaky.length > 0)
      lines.push(
        `playwright: ${flaky.length} flaky (failed, then passed on retry):\n${flaky.map((t) => `  - ${t}`).join('\n')}`,
      );
  }
} else {
  totals.failed += 2;
  lines.push('vitest, playwright: not run (the build failed)');
}

console.log(`\n── summary ──\n${lines.join('\n')}`);
console.log(`${totals.skipped} skipped`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed === 0 ? 0 : 1;
