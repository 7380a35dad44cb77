/**
 * Reports as PDF (ARCHITECTURE.md "Reports"): a report is a print-styled route
 * of the renderer. It is loaded in a hidden window with the main window's
 * security options; the page sets `data-print-ready` on <html> once its data
 * has arrived (or 'error'), then printToPDF writes the file the user chose.
 * Electron is injected (type-only imports here), so the flow is unit-tested.
 */
import type { BrowserWindow, SaveDialogOptions, SaveDialogReturnValue } from 'electron';

export interface PrintDeps {
  showSaveDialog: (options: SaveDialogOptions) => Promise<SaveDialogReturnValue>;
  /** A hidden window with the app's secure web preferences. */
  createHiddenWindow: () => Pick<BrowserWindow, 'loadURL' | 'destroy'> & {
    webContents: Pick<BrowserWindow['webContents'], 'executeJavaScript' | 'printToPDF'>;
  };
  writeFile: (path: string, data: Buffer) => Promise<void>;
  sleep?: (ms: number) => Promise<void>;
}

export interface PrintRequest {
  /** The app's URL (file:// or the dev server); any hash is replaced by the route. */
  appUrl: string;
  /** e.g. `#/print/invoice/12` */
  route: string;
  fileName: string;
  timeoutMs?: number;
}

/** Prints a report route to a PDF the user picks; null when the user cancels the save dialog. */
export async function printRouteToPdf(deps: PrintDeps, request: PrintRequest): Promise<string | null> {
  const target = await deps.showSaveDialog({
    title: 'Save PDF',
    defaultPath: request.fileName.endsWith('.pdf') ? request.fileName : `${request.fileName}.pdf`,
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (target.canceled || !target.filePath) return null;

  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const win = deps.createHiddenWindow();
  try {
    await win.loadURL(`${request.appUrl.split('#')[0]}${request.route}`);
    const deadline = Date.now() + (request.timeoutMs ?? 15_000);
    for (;;) {
      const state = (await win.webContents.executeJavaScript(
        'document.documentElement.dataset.printReady ?? ""',
        true,
      )) as string;
      if (state === 'true') break;
      if (state === 'error') throw new Error('the report could not load its data');
      if (Date.now() > deadline) throw new Error('the report took too long to render');
      await sleep(100);
    }
    const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    await deps.writeFile(target.filePath, pdf);
    return target.filePath;
  } finally {
    win.destroy();
  }
}
