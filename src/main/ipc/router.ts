/**
 * The IPC router: ONE `ipcMain.handle` channel. Each request is checked
 * (sender frame, method allowlist) by the pure `decideRequest`; `host/*`
 * methods are answered here with native dialogs and the OS shell, everything
 * else goes to the core worker, which validates the arguments. Core events
 * are forwarded to every window that shows the app.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog, type FileFilter, ipcMain, type OpenDialogOptions, shell } from 'electron';
import type { HostHandlers, Prefs } from '../../shared/contract';
import { fail, ok, type Result } from '../../shared/result';
import type { CoreClient } from '../hosts/core-client';
import { printRouteToPdf } from '../platform/print';
import { isAppUrl } from '../platform/security';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels';
import { decideRequest } from './decide';

export const WORKSPACE_FILTERS: FileFilter[] = [
  { name: 'Atalaya workspace', extensions: ['atalaya', 'sqlite', 'db'] },
  { name: 'All files', extensions: ['*'] },
];

/** What printing a report needs from the shell: where the app loads from and its window preferences. */
export interface PrintSetup {
  appUrl: string;
  webPreferences: Electron.WebPreferences;
}

export function createHostHandlers(getWindow: () => BrowserWindow | null, print?: PrintSetup): HostHandlers {
  return {
    async 'host/pickWorkspaceFile'() {
      const options: OpenDialogOptions = {
        title: 'Open workspace',
        properties: ['openFile'],
        filters: WORKSPACE_FILTERS,
      };
      const win = getWindow();
      const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return { path: picked.canceled ? null : (picked.filePaths[0] ?? null) };
    },
    async 'host/revealPath'({ path }) {
      if (!existsSync(path)) return { shown: false };
      shell.showItemInFolder(path);
      return { shown: true };
    },
    async 'host/printToPdf'({ route, fileName }) {
      if (!print) throw new Error('printing is not set up in this window');
      const parent = getWindow();
      const saved = await printRouteToPdf(
        {
          showSaveDialog: (options) =>
            parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options),
          createHiddenWindow: () =>
            new BrowserWindow({ show: false, width: 900, height: 1200, webPreferences: print.webPreferences }),
          writeFile: (file, data) => writeFile(file, data),
        },
        { appUrl: print.appUrl, route, fileName },
      );
      return { saved };
    },
  };
}

export interface RouterOptions {
  core: CoreClient;
  /** The URL the app was loaded from; only frames showing it may call. */
  appUrl: string;
  getWindow: () => BrowserWindow | null;
  /** Told when the renderer changed preferences (theme, language), so the shell can follow. */
  onPrefsChanged?: (prefs: Prefs) => void;
  print?: PrintSetup;
}

/** Registers the channel and the event forwarding; returns a function that removes both. */
export function registerIpc({ core, appUrl, getWindow, onPrefsChanged, print }: RouterOptions): () => void {
  const host = createHostHandlers(getWindow, print);

  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, args: unknown): Promise<Result<unknown>> => {
    const decision = decideRequest({ senderUrl: event.senderFrame?.url, appUrl, method, args });
    switch (decision.kind) {
      case 'reject':
        return decision.result;
      case 'core': {
        const result = await core.callRaw(decision.method, decision.args);
        if (decision.method === 'prefs/set' && result.ok) onPrefsChanged?.(result.value as Prefs);
        return result;
      }
      case 'host':
        try {
          const handler = host[decision.method] as (a: unknown) => Promise<unknown>;
          return ok(await handler(decision.args));
        } catch (error) {
          return fail('INTERNAL', `Atalaya could not do that: ${(error as Error).message}`);
        }
    }
  });

  const offEvents = core.onEvent((name, payload) => {
    for (const win of BrowserWindow.getAllWindows()) {
      const wc = win.webContents;
      if (!wc.isDestroyed() && isAppUrl(wc.getURL(), appUrl)) wc.send(EVENT_CHANNEL, name, payload);
    }
  });

  return () => {
    ipcMain.removeHandler(CALL_CHANNEL);
    offEvents();
  };
}
