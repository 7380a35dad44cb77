/**
 * Start-up inputs of the Electron shell that do not need Electron to decide:
 * command-line flags, Chromium's locale and where the Electron build of
 * better-sqlite3 lives.
 */
import path from 'node:path';

export interface LaunchArgs {
  /** Open this workspace instead of the last one (`--workspace FILE`, or a bare *.atalaya path). */
  workspacePath?: string;
  /** Use this folder for preferences and app data (`--user-data DIR`); tests use it. */
  userDataDir?: string;
}

/**
 * The locale Chromium starts in for the language the person chose (null: the
 * system's). Chromium's own texts follow it (context menus, native dialogs);
 * the app's date and month fields do not need it, they write dates through Intl
 * in the app's language. Set before the app is ready, it takes effect from the
 * next start after a change.
 * The same locales as the renderer's intlLocale (Latin-American Spanish).
 */
export function chromiumLocale(language: 'en' | 'es' | null): string | null {
  if (language === null) return null;
  return language === 'es' ? 'es-419' : 'en-US';
}

const WORKSPACE_EXTENSIONS = ['.atalaya', '.sqlite', '.db'];

/**
 * Reads Atalaya's own flags from an argv (Electron's, or the one a second
 * instance forwards). Chromium/Electron switches and the app path are ignored.
 */
export function parseLaunchArgs(argv: readonly string[], cwd: string): LaunchArgs {
  const out: LaunchArgs = {};
  const take = (flag: string, i: number): [string | undefined, number] => {
    const arg = argv[i] ?? '';
    if (arg.startsWith(`${flag}=`)) return [arg.slice(flag.length + 1), i];
    const next = argv[i + 1];
    return next !== undefined && !next.startsWith('--') ? [next, i + 1] : [undefined, i];
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--workspace' || arg.startsWith('--workspace=')) {
      const [value, next] = take('--workspace', i);
      if (value) out.workspacePath = path.resolve(cwd, value);
      i = next;
    } else if (arg === '--user-data' || arg.startsWith('--user-data=')) {
      const [value, next] = take('--user-data', i);
      if (value) out.userDataDir = path.resolve(cwd, value);
      i = next;
    } else if (
      !arg.startsWith('-') &&
      out.workspacePath === undefined &&
      WORKSPACE_EXTENSIONS.includes(path.extname(arg).toLowerCase())
    ) {
      // Double-clicking a workspace file (file association) passes it as a bare argument.
      out.workspacePath = path.resolve(cwd, arg);
    }
  }
  return out;
}

/** Where `scripts/start.js` builds better-sqlite3 against Electron's headers (relative to the project). */
export const ELECTRON_NATIVE_DIR = path.join('build', 'electron-native', 'better-sqlite3');
export const NATIVE_BINARY = 'better_sqlite3.node';

/**
 * Candidate paths for the Electron build of better-sqlite3, best first:
 * an explicit override, the copy shipped in `resources/native` when packaged,
 * the copy `npm start` built in the project. The first that exists wins; none
 * means better-sqlite3 resolves its own binary (right only if it was built
 * for Electron).
 */
export function nativeBindingCandidates(env: {
  override?: string | undefined;
  resourcesPath?: string | undefined;
  appPath: string;
}): string[] {
  const list: string[] = [];
  if (env.override) list.push(path.resolve(env.override));
  if (env.resourcesPath) list.push(path.join(env.resourcesPath, 'native', NATIVE_BINARY));
  list.push(path.join(env.appPath, ELECTRON_NATIVE_DIR, 'build', 'Release', NATIVE_BINARY));
  return list;
}
