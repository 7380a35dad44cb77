import os from 'node:os';
import path from 'node:path';

/**
 * The OS user-data folder Electron uses for an app named "Atalaya", so the
 * browser host and the desktop app share preferences and workspaces.
 */
export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (env.ATALAYA_USER_DATA) return env.ATALAYA_USER_DATA;
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Atalaya');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Atalaya');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Atalaya');
}
