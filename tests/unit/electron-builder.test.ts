/**
 * electron-builder.yml: checked against electron-builder's own schema, and
 * against what the app expects at run time (where the migrations and the
 * Electron build of better-sqlite3 are looked for when packaged).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { migrationsDirCandidates } from '../../src/main/core/db/migrate';
import { nativeBindingCandidates } from '../../src/main/platform/launch';

const root = path.resolve(__dirname, '..', '..');
const require = createRequire(import.meta.url);

interface Target {
  target: string;
}
type Targets = (string | Target)[];
interface ExtraResource {
  from: string;
  to: string;
  filter?: string[];
}
interface BuilderConfig {
  appId: string;
  productName: string;
  icon: string;
  directories: { output: string };
  files: string[];
  extraResources: ExtraResource[];
  asarUnpack: string[];
  npmRebuild: boolean;
  beforePack: string;
  linux: { target: Targets; category: string };
  win: { target: Targets };
  mac: { target: Targets; category: string };
}

const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const targets = (list: Targets) => list.map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(c: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
    // The validator does catch mistakes (so the check above means something).
    await expect(
      validateConfiguration({ ...structuredClone(config), linux: { categroy: 'Office' } }, new DebugLogger(false)),
    ).rejects.toThrow(/configuration/i);
  });

  it('names the app and puts packages in dist/', () => {
    expect(config.productName).toBe('Atalaya');
    expect(config.appId).toMatch(/^[a-z0-9]+(\.[a-z0-9-]+)+$/);
    expect(config.directories.output).toBe('dist');
    expect(config.icon).toBe('resources/icon.png');
    expect(existsSync(path.join(root, config.icon))).toBe(true);
  });

  it('builds AppImage + deb on Linux, NSIS on Windows, DMG on macOS, with the store categories', () => {
    expect(targets(config.linux.target).sort()).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(targets(config.win.target)).toEqual(['nsis']);
    expect(targets(config.mac.target)).toEqual(['dmg']);
    expect(config.mac.category).toBe('public.app-category.business');
  });

  it('packs the built app (out/) and package.json, not sources, tests or benchmarks', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json', '!src', '!tests', '!bench']));
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main.startsWith('out/')).toBe(true);
  });

  it('ships drizzle/ as extraResources to "drizzle", where the app looks first when packaged', () => {
    const drizzle = config.extraResources.find((r) => r.from === 'drizzle');
    expect(drizzle?.to).toBe('drizzle');
    expect(existsSync(path.join(root, 'drizzle', 'meta', '_journal.json'))).toBe(true);

    const resourcesPath = path.join('/opt', 'Atalaya', 'resources');
    const candidates = migrationsDirCandidates({
      resourcesPath,
      moduleDir: path.join(resourcesPath, 'app.asar', 'out', 'main'),
    });
    expect(candidates[0]).toBe(path.join(resourcesPath, drizzle?.to ?? '?'));
  });

  it('ships the Electron build of better-sqlite3 where the main process looks for it, unpacked', () => {
    const native = config.extraResources.find((r) => r.from.endsWith('better_sqlite3.node'));
    expect(native?.from).toBe('build/electron-native/better-sqlite3/build/Release/better_sqlite3.node');
    const resourcesPath = path.join('/opt', 'Atalaya', 'resources');
    const [first] = nativeBindingCandidates({ resourcesPath, appPath: path.join(resourcesPath, 'app.asar') });
    expect(first).toBe(path.join(resourcesPath, native?.to ?? '?'));
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/better-sqlite3/**/*.node']));
  });

  it('never rebuilds node_modules for Electron (the CLI and tests need the Node build) and builds the copy in beforePack', () => {
    expect(config.npmRebuild).toBe(false);
    expect(path.normalize(config.beforePack)).toBe(path.normalize('scripts/start.js'));
    const hook = require(path.join(root, config.beforePack)) as { beforePack?: unknown };
    expect(typeof hook.beforePack).toBe('function');
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(JSON.stringify(pkg.scripts)).not.toMatch(/install-app-deps/);
  });
});
