#!/usr/bin/env node
/**
 * `npm start` / `npm run start:web`.
 *
 *   node scripts/start.js [--web] [--native-only] [--port N] [--user-data DIR] [--workspace FILE]
 *
 * 1. Builds the app when out/ is stale (scripts/ensure-built.js, or `electron-vite build`).
 * 2. Unless --web: finds the Electron runtime, or tries Electron's own installer once.
 * 3. With a runtime: builds better-sqlite3 against Electron's headers into
 *    build/electron-native/ (once per Electron version) and launches Electron.
 *    The copy in node_modules stays built for Node, for the CLI and the tests.
 * 4. Without one (or with --web): explains why and starts the browser host
 *    (out/main/web.js), which prints the address to open.
 *
 * Environment: ATALAYA_SKIP_BUILD=1 uses out/ as it is; ATALAYA_NO_ELECTRON_DOWNLOAD=1
 * skips the download attempt (straight to the browser host).
 *
 * --native-only builds the Electron copy of better-sqlite3 and exits (the
 * Electron end-to-end test uses it). The same builder is exported as
 * electron-builder's `beforePack` hook, so packages ship the Electron build
 * in resources/native/ and electron-builder never rebuilds node_modules.
 *
 * Plain CommonJS with Node built-ins only: it must run before anything is built.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const NATIVE_DIR = path.join(ROOT, 'build', 'electron-native', 'better-sqlite3');
const NATIVE_BINARY = path.join(NATIVE_DIR, 'build', 'Release', 'better_sqlite3.node');
const NATIVE_STAMP = path.join(NATIVE_DIR, '.atalaya-native.json');
const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';
const INSTALL_TIMEOUT_MS = 120_000;
/** electron-builder's Arch enum (builder-util), by value. */
const BUILDER_ARCHES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

const log = (message) => console.log(`[atalaya] ${message}`);

/** Splits our own switches from the flags handed on to Electron / the browser host. */
function parseArgs(argv) {
  const options = { web: false, nativeOnly: false, passthrough: [] };
  for (const arg of argv) {
    if (arg === '--web') options.web = true;
    else if (arg === '--native-only') options.nativeOnly = true;
    else options.passthrough.push(arg);
  }
  return options;
}

function packageVersion(name) {
  try {
    const file = require.resolve(`${name}/package.json`, { paths: [ROOT] });
    return JSON.parse(fs.readFileSync(file, 'utf8')).version;
  } catch {
    return null;
  }
}

/** What a build in build/electron-native/ must match to be reused. */
function nativeStamp({ electron, platform = process.platform, arch = process.arch }) {
  return { electron, betterSqlite3: packageVersion('better-sqlite3'), platform, arch };
}

function sameStamp(a, b) {
  return (
    !!a &&
    !!b &&
    a.electron === b.electron &&
    a.betterSqlite3 === b.betterSqlite3 &&
    a.platform === b.platform &&
    a.arch === b.arch
  );
}

function readStamp() {
  try {
    return JSON.parse(fs.readFileSync(NATIVE_STAMP, 'utf8'));
  } catch {
    return null;
  }
}

// ---------- build ----------

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function ensureBuilt() {
  const ensure = path.join(ROOT, 'scripts', 'ensure-built.js');
  if (fs.existsSync(ensure)) return run(process.execPath, [ensure]);
  const localBin = path.join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  if (fs.existsSync(localBin)) return run(process.execPath, [localBin, 'build']);
  return run('npx', ['electron-vite', 'build'], { shell: process.platform === 'win32' });
}

// ---------- Electron runtime ----------

/** The runtime binary, if installed: require('electron') gives its path (or throws when missing). */
function electronBinary() {
  try {
    const entry = require.resolve('electron', { paths: [ROOT] });
    delete require.cache[entry];
    const binary = require(entry);
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** Runs Electron's own installer (it downloads the runtime from GitHub). Returns a reason on failure. */
function tryInstallElectron() {
  let installer;
  try {
    installer = path.join(path.dirname(require.resolve('electron/package.json', { paths: [ROOT] })), 'install.js');
  } catch {
    return 'the electron package is not installed';
  }
  log(`No Electron runtime yet; trying to download it (up to ${INSTALL_TIMEOUT_MS / 1000} s)…`);
  const result = spawnSync(process.execPath, [installer], {
    cwd: path.dirname(installer),
    encoding: 'utf8',
    timeout: INSTALL_TIMEOUT_MS,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.error && result.error.code === 'ETIMEDOUT')
    return `the download did not finish in ${INSTALL_TIMEOUT_MS / 1000} s`;
  if (result.error) return result.error.message;
  if (result.status !== 0) {
    const output = `${result.stderr || ''}\n${result.stdout || ''}`;
    const line = output
      .split('\n')
      .map((l) => l.trim())
      .find((l) => /error|ENOTFOUND|EAI_AGAIN|ECONN|ETIMEDOUT|fetch failed/i.test(l));
    return line ? line.slice(0, 200) : `the installer exited with code ${result.status}`;
  }
  return null;
}

// ---------- better-sqlite3 for Electron ----------

function nodeGypScript() {
  const candidates = [];
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js', { paths: [ROOT] }));
  } catch {
    // not a local dependency; try npm's own copy
  }
  const prefix = path.resolve(path.dirname(process.execPath), process.platform === 'win32' ? '.' : '..');
  candidates.push(
    path.join(prefix, 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(prefix, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  );
  return candidates.find((file) => fs.existsSync(file)) ?? null;
}

/**
 * Builds a private copy of better-sqlite3 against Electron's headers and
 * returns the .node path (reused when already built for this Electron
 * version, platform and arch). Throws with an explanation on failure.
 */
function buildElectronNative({ electron, arch = process.arch, platform = process.platform, quiet = false }) {
  const wanted = nativeStamp({ electron, platform, arch });
  if (fs.existsSync(NATIVE_BINARY) && sameStamp(readStamp(), wanted)) return NATIVE_BINARY;

  const source = path.dirname(require.resolve('better-sqlite3/package.json', { paths: [ROOT] }));
  const gyp = nodeGypScript();
  if (!gyp) throw new Error('node-gyp was not found (it ships with npm); cannot build better-sqlite3 for Electron');

  if (!quiet)
    log(`Building better-sqlite3 ${wanted.betterSqlite3} for Electron ${electron} (${platform}-${arch}), once…`);
  fs.rmSync(NATIVE_DIR, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(NATIVE_DIR), { recursive: true });
  fs.cpSync(source, NATIVE_DIR, {
    recursive: true,
    filter: (file) => {
      const rel = path.relative(source, file).split(path.sep)[0];
      return rel !== 'build' && rel !== 'node_modules';
    },
  });

  // npm passes its config as npm_config_* (this machine sets nodedir=/usr); node-gyp would
  // obey it and build against Node's headers instead of Electron's.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        !/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|target_arch|build_from_source)$/i.test(name),
    ),
  );
  const status = run(
    process.execPath,
    [
      gyp,
      'rebuild',
      '--release',
      `--target=${electron}`,
      `--arch=${arch}`,
      `--dist-url=${ELECTRON_HEADERS_URL}`,
      '--runtime=electron',
      `--devdir=${path.join(os.homedir(), '.electron-gyp')}`,
    ],
    { cwd: NATIVE_DIR, env },
  );
  if (status !== 0 || !fs.existsSync(NATIVE_BINARY)) {
    throw new Error(
      `node-gyp could not build better-sqlite3 for Electron ${electron} (exit code ${status}). ` +
        'It needs a C++ toolchain and Electron headers from electronjs.org.',
    );
  }
  fs.writeFileSync(NATIVE_STAMP, `${JSON.stringify(wanted, null, 2)}\n`);
  return NATIVE_BINARY;
}

/**
 * electron-builder `beforePack` hook (electron-builder.yml): builds the
 * Electron copy for the target being packaged; extraResources ships it as
 * resources/native/better_sqlite3.node.
 */
async function beforePack(context) {
  const arch = typeof context.arch === 'number' ? BUILDER_ARCHES[context.arch] : String(context.arch);
  const platform = context.electronPlatformName;
  if (platform !== process.platform || arch === 'universal') {
    throw new Error(
      `better-sqlite3 is built from source for ${process.platform}; package ${platform}-${arch} on that OS and arch.`,
    );
  }
  const electron =
    context.packager?.config?.electronVersion ||
    context.packager?.info?.framework?.version ||
    packageVersion('electron');
  buildElectronNative({ electron, arch, platform });
}

// ---------- hosts ----------

function launchElectron(binary, nativeBinding, passthrough) {
  const env = { ...process.env, ATALAYA_NATIVE_BINDING: nativeBinding };
  delete env.ELECTRON_RUN_AS_NODE;
  const args = [ROOT, ...passthrough];
  if (process.platform === 'linux' && process.getuid?.() === 0 && !args.includes('--no-sandbox')) {
    log('Running as root: Chromium refuses its OS sandbox for root, so --no-sandbox is added.');
    args.push('--no-sandbox');
  }
  log('Starting Atalaya (Electron)…');
  const child = spawn(binary, args, { cwd: ROOT, stdio: 'inherit', env });
  forward(child);
}

function startWebHost(reason, passthrough) {
  console.log(`\n${reason}\n`);
  const web = path.join(ROOT, 'out', 'main', 'web.js');
  if (!fs.existsSync(web)) {
    console.error(
      `[atalaya] The browser host was not built (${path.relative(ROOT, web)} is missing); run npm run build.`,
    );
    process.exit(1);
  }
  const child = spawn(process.execPath, [web, ...passthrough], { cwd: ROOT, stdio: 'inherit' });
  forward(child);
}

function forward(child) {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    console.error(`[atalaya] Could not start: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function main(argv) {
  const options = parseArgs(argv);
  const electron = packageVersion('electron');

  if (options.nativeOnly) {
    const binary = electronBinary();
    if (!binary || !electron) {
      console.error('[atalaya] No Electron runtime is installed, so there is nothing to build better-sqlite3 for.');
      process.exit(2);
    }
    console.log(buildElectronNative({ electron }));
    return;
  }

  const built = process.env.ATALAYA_SKIP_BUILD ? 0 : ensureBuilt();
  if (built !== 0) {
    console.error('[atalaya] The build failed; fix the errors above and run npm start again.');
    process.exit(built);
  }

  if (options.web) {
    startWebHost('Starting Atalaya in your browser (--web).', options.passthrough);
    return;
  }

  let binary = electronBinary();
  let why = null;
  if (!binary) {
    why = process.env.ATALAYA_NO_ELECTRON_DOWNLOAD ? 'ATALAYA_NO_ELECTRON_DOWNLOAD is set' : tryInstallElectron();
    binary = electronBinary();
  }
  if (!binary || !electron) {
    startWebHost(
      `No Electron runtime could be downloaded (${why || 'offline?'}). Starting Atalaya in your browser instead: ` +
        'the same app and the same features, served only to this computer; open the address printed below. ' +
        'Run npm start again when you are online to get the desktop window.',
      options.passthrough,
    );
    return;
  }

  let nativeBinding;
  try {
    nativeBinding = buildElectronNative({ electron });
  } catch (error) {
    startWebHost(
      `The Electron runtime is installed, but better-sqlite3 could not be built for it (${error.message}). ` +
        'Starting Atalaya in your browser instead; open the address printed below.',
      options.passthrough,
    );
    return;
  }
  launchElectron(binary, nativeBinding, options.passthrough);
}

module.exports = {
  beforePack,
  buildElectronNative,
  electronBinary,
  nativeStamp,
  parseArgs,
  sameStamp,
  NATIVE_BINARY,
  NATIVE_DIR,
};

if (require.main === module) main(process.argv.slice(2));
