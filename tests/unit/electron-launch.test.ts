import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumLocale, nativeBindingCandidates, parseLaunchArgs } from '../../src/main/platform/launch';
import { intlLocale } from '../../src/renderer/src/app/format';

const require = createRequire(import.meta.url);
const start = require('../../scripts/start.js') as {
  parseArgs(argv: string[]): { web: boolean; nativeOnly: boolean; passthrough: string[] };
  nativeStamp(o: { electron: string; platform?: string; arch?: string }): Record<string, string>;
  sameStamp(a: unknown, b: unknown): boolean;
  beforePack: unknown;
  NATIVE_BINARY: string;
};

describe('chromiumLocale', () => {
  it("starts Chromium in the chosen language's locale, so native date fields read as the UI does", () => {
    expect(chromiumLocale('es')).toBe('es-419');
    expect(chromiumLocale('en')).toBe('en-US');
    expect(chromiumLocale(null)).toBeNull();
    // The renderer formats numbers and dates in the same locales.
    for (const language of ['en', 'es'] as const) expect(chromiumLocale(language)).toBe(intlLocale(language));
  });
});

describe('parseLaunchArgs', () => {
  const cwd = path.resolve('/home/ana');

  it('reads --workspace and --user-data in both spellings, relative to the working directory', () => {
    expect(parseLaunchArgs(['.', '--workspace', 'acme.atalaya', '--user-data=/tmp/u'], cwd)).toEqual({
      workspacePath: path.resolve(cwd, 'acme.atalaya'),
      userDataDir: path.resolve('/tmp/u'),
    });
    expect(parseLaunchArgs(['--workspace=/data/x.atalaya'], cwd)).toEqual({
      workspacePath: path.resolve('/data/x.atalaya'),
    });
  });

  it('takes a bare workspace file (double-click) but ignores the app path and Chromium switches', () => {
    expect(parseLaunchArgs(['--no-sandbox', '--enable-logging', 'Acme.ATALAYA'], cwd)).toEqual({
      workspacePath: path.resolve(cwd, 'Acme.ATALAYA'),
    });
    expect(parseLaunchArgs(['.', '--inspect=9229', '/opt/atalaya'], cwd)).toEqual({});
    expect(parseLaunchArgs(['--workspace', '--user-data', 'd'], cwd)).toEqual({ userDataDir: path.resolve(cwd, 'd') });
  });
});

describe('nativeBindingCandidates', () => {
  it('prefers the override, then the packaged copy in resources/native, then the project build', () => {
    expect(
      nativeBindingCandidates({ override: '/x/b.node', resourcesPath: '/opt/Atalaya/resources', appPath: '/p' }),
    ).toEqual([
      path.resolve('/x/b.node'),
      path.join('/opt/Atalaya/resources', 'native', 'better_sqlite3.node'),
      path.join('/p', 'build', 'electron-native', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    ]);
  });

  it('agrees with where scripts/start.js builds it', () => {
    const root = path.resolve(__dirname, '..', '..');
    expect(nativeBindingCandidates({ appPath: root })).toEqual([start.NATIVE_BINARY]);
  });
});

describe('scripts/start.js helpers', () => {
  it('separates its own switches from flags handed to the hosts', () => {
    expect(start.parseArgs(['--web', '--port', '4000', '--workspace', 'a.atalaya'])).toEqual({
      web: true,
      nativeOnly: false,
      passthrough: ['--port', '4000', '--workspace', 'a.atalaya'],
    });
    expect(start.parseArgs(['--native-only']).nativeOnly).toBe(true);
  });

  it('rebuilds the Electron copy of better-sqlite3 only when Electron, the module, the OS or the arch change', () => {
    const a = start.nativeStamp({ electron: '41.7.1', platform: 'linux', arch: 'x64' });
    expect(a.betterSqlite3).toMatch(/^\d+\.\d+\.\d+/);
    expect(start.sameStamp(a, { ...a })).toBe(true);
    expect(start.sameStamp(a, start.nativeStamp({ electron: '41.8.0', platform: 'linux', arch: 'x64' }))).toBe(false);
    expect(start.sameStamp(a, start.nativeStamp({ electron: '41.7.1', platform: 'linux', arch: 'arm64' }))).toBe(false);
    expect(start.sameStamp(a, null)).toBe(false);
  });

  it('exports the electron-builder beforePack hook', () => {
    expect(typeof start.beforePack).toBe('function');
  });
});
