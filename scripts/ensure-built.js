#!/usr/bin/env node
// Builds with electron-vite when out/ is missing or older than any source file,
// so `npm run cli`, `npm test` and `npm start` always run what the source says.
const { existsSync, readdirSync, statSync } = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const marker = path.join(root, 'out', 'main', 'cli.js');
const inputs = ['src', 'bench', 'drizzle', 'electron.vite.config.ts', 'package.json'];

function newest(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = s.mtimeMs;
  for (const entry of readdirSync(p)) max = Math.max(max, newest(path.join(p, entry)));
  return max;
}

const builtAt = existsSync(marker) ? statSync(marker).mtimeMs : 0;
const sourceAt = Math.max(...inputs.map((i) => newest(path.join(root, i))));
if (builtAt < sourceAt || process.argv.includes('--force')) {
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
