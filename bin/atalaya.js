#!/usr/bin/env node
// The `atalaya` command: runs the built CLI (npm run build, or npm run cli, builds it).
const path = require('node:path');
const { existsSync } = require('node:fs');

const cli = path.join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  console.error('Atalaya is not built yet: run `npm run build` in the Atalaya folder first.');
  process.exit(1);
}
require(cli)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
