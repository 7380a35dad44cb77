/**
 * Reports as PDF (ARCHITECTURE.md "Reports"): a report is a print-styled route
 * of the renderer. It is loaded in a hidden window with the main window's
 * security options; the page sets `data-print-ready` on <html> once its data
 * has arrived, then Electron's printToPDF writes the file the user chose.
 */
import { writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog } from 'electron';

export interface PrintOptions {
  /** The app's URL (file:// or the dev server), without a hash. */
  appUrl: string;
  /** The route, e.g. `#/print/invoice/12`. */
  route: string;
  fileName: string;
  /** The window options' webPreferences (sandbox, isolation, preload). */
  webPreferences: Electron.WebPreferences;
  parent: BrowserWindow | null;
}

const READY_TIMEOUT_MS = 15_000;

async function waitUntilReady(win: BrowserWindow): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < READY_TIMEOUT_MS) {
    const state = (await win.webContents.executeJavaScript(
      'document.documentElement.dataset.printReady ?? ""',
      true,
    )) as string;
    if (state === 'true') return;
    if (state === 'error') throw new Error('the report could not load its data');
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the report took too long to render');
}

export async function printRouteToPdf(options: PrintOptions): Promise<string | null> {
  const saveOptions = {
    title: 'Save PDF',
    defaultPath: options.fileName.endsWith('.pdf') ? options.fileName : `${options.fileName}.pdf`,
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  };
  const target = options.parent
    ? await dialog.showSaveDialog(options.parent, saveOptions)
    : await dialog.showSaveDialog(saveOptions);
  if (target.canceled || !target.filePath) return null;

  const win = new BrowserWindow({ show: false, width: 900, height: 1200, webPreferences: options.webPreferences });
  try {
    await win.loadURL(`${options.appUrl.split('#')[0]}${options.route}`);
    await waitUntilReady(win);
    const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    await writeFile(target.filePath, pdf);
    return target.filePath;
  } finally {
    win.destroy();
  }
}
