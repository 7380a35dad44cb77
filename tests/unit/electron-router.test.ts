import { describe, expect, it, vi } from 'vitest';
import { decideRequest, isHostMethod } from '../../src/main/ipc/decide';
import { type PrintDeps, printRouteToPdf } from '../../src/main/platform/print';
import { methods } from '../../src/shared/contract';
import { renderCoreError } from '../../src/shared/errors';

const appUrl = 'file:///opt/atalaya/out/renderer/index.html';
const fromApp = { senderUrl: `${appUrl}#/executive`, appUrl };

describe('decideRequest', () => {
  it('forwards core methods with their arguments untouched (the core validates them)', () => {
    const args = { anything: 'goes' };
    expect(decideRequest({ ...fromApp, method: 'hubs/list', args })).toEqual({
      kind: 'core',
      method: 'hubs/list',
      args,
    });
    expect(decideRequest({ ...fromApp, method: 'prefs/set', args: { theme: 'dark' } })).toMatchObject({
      kind: 'core',
      method: 'prefs/set',
    });
  });

  it('rejects unknown methods with UNKNOWN_METHOD', () => {
    for (const method of ['hubs/drop', 'debug/crash', '__proto__', 'constructor', 'toString', 42, null, undefined]) {
      const decision = decideRequest({ ...fromApp, method, args: {} });
      expect(decision.kind, String(method)).toBe('reject');
      if (decision.kind === 'reject') {
        expect(decision.result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      }
    }
  });

  it('gives each refusal its catalog key and params, with the English sentence unchanged', () => {
    const refused = (request: Parameters<typeof decideRequest>[0]) => {
      const decision = decideRequest(request);
      if (decision.kind !== 'reject' || decision.result.ok) throw new Error(`not refused: ${decision.kind}`);
      return decision.result.error;
    };
    const foreign = refused({ senderUrl: 'https://evil.example/', appUrl, method: 'hubs/list', args: {} });
    expect(foreign).toEqual({
      code: 'UNAUTHORIZED',
      message: 'This request did not come from the Atalaya window, so it was refused.',
      key: 'ipc.foreignSender',
    });

    const unknown = refused({ ...fromApp, method: 'hubs/drop', args: {} });
    expect(unknown).toEqual({
      code: 'UNKNOWN_METHOD',
      message: 'Atalaya does not know "hubs/drop". Is the window older than the app? Reload it.',
      key: 'ipc.unknownMethod',
      params: { method: 'hubs/drop' },
    });
    // A long name is cut to 80 characters, in the message and the params alike.
    const long = refused({ ...fromApp, method: 'x'.repeat(200), args: {} });
    expect(long).toMatchObject({ key: 'ipc.unknownMethod', params: { method: 'x'.repeat(80) } });
    expect(long.message).toBe(renderCoreError({ key: 'ipc.unknownMethod', params: { method: 'x'.repeat(80) } }));

    for (const method of [42, null, undefined]) {
      expect(refused({ ...fromApp, method, args: {} }), String(method)).toEqual({
        code: 'UNKNOWN_METHOD',
        message: 'Atalaya does not know a request without a method name. Is the window older than the app? Reload it.',
        key: 'ipc.noMethodName',
      });
    }
  });

  it('rejects requests from any frame that is not the app with UNAUTHORIZED, before looking at the method', () => {
    for (const senderUrl of [
      'https://evil.example/',
      'file:///tmp/other.html',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      '',
      null,
      undefined,
    ]) {
      const decision = decideRequest({ senderUrl, appUrl, method: 'workspace/backup', args: {} });
      expect(decision, String(senderUrl)).toMatchObject({
        kind: 'reject',
        result: { ok: false, error: { code: 'UNAUTHORIZED' } },
      });
      expect(decideRequest({ senderUrl, appUrl, method: 'nope', args: {} })).toMatchObject({
        result: { error: { code: 'UNAUTHORIZED' } },
      });
    }
  });

  it('answers host/* methods in the main process, with validated arguments', () => {
    expect(decideRequest({ ...fromApp, method: 'host/pickWorkspaceFile', args: {} })).toEqual({
      kind: 'host',
      method: 'host/pickWorkspaceFile',
      args: {},
    });
    expect(decideRequest({ ...fromApp, method: 'host/pickWorkspaceFile', args: undefined })).toMatchObject({
      kind: 'host',
    });
    expect(decideRequest({ ...fromApp, method: 'host/revealPath', args: { path: '/data/acme.atalaya' } })).toEqual({
      kind: 'host',
      method: 'host/revealPath',
      args: { path: '/data/acme.atalaya' },
    });
  });

  it('rejects bad host arguments with BAD_REQUEST and the field', () => {
    const decision = decideRequest({ ...fromApp, method: 'host/revealPath', args: { path: '' } });
    expect(decision).toMatchObject({
      kind: 'reject',
      result: { ok: false, error: { code: 'BAD_REQUEST', field: 'path' } },
    });
    expect(decideRequest({ ...fromApp, method: 'host/revealPath', args: { path: 1 } })).toMatchObject({
      result: { error: { code: 'BAD_REQUEST' } },
    });
    expect(decideRequest({ ...fromApp, method: 'host/pickWorkspaceFile', args: { extra: true } })).toMatchObject({
      result: { error: { code: 'BAD_REQUEST' } },
    });
  });

  it('says which host method had bad arguments, by key, when the schema names no issue', () => {
    const schema = methods['host/revealPath'].args;
    const spy = vi
      .spyOn(schema, 'safeParse')
      .mockReturnValue({ success: false, error: { issues: [] } } as unknown as ReturnType<typeof schema.safeParse>);
    try {
      expect(decideRequest({ ...fromApp, method: 'host/revealPath', args: { path: '' } })).toEqual({
        kind: 'reject',
        result: {
          ok: false,
          error: {
            code: 'BAD_REQUEST',
            message: 'The arguments of host/revealPath are not valid.',
            key: 'ipc.badArguments',
            params: { method: 'host/revealPath' },
          },
        },
      });
    } finally {
      spy.mockRestore();
    }
  });

  it('routes every contract method somewhere: host/* here, the rest to the core', () => {
    const hostArgs: Record<string, unknown> = {
      'host/revealPath': { path: '/x' },
      'host/printToPdf': { route: '#/print/invoice/1', fileName: 'x' },
    };
    for (const method of Object.keys(methods)) {
      const decision = decideRequest({ ...fromApp, method, args: hostArgs[method] ?? {} });
      expect(decision.kind, method).toBe(isHostMethod(method) ? 'host' : 'core');
    }
  });

  it('accepts the dev server as the app in development', () => {
    const dev = { appUrl: 'http://localhost:5173/', method: 'app/ping', args: {} };
    expect(decideRequest({ ...dev, senderUrl: 'http://localhost:5173/#/hubs' }).kind).toBe('core');
    expect(decideRequest({ ...dev, senderUrl: 'http://localhost:6666/' }).kind).toBe('reject');
  });
});

describe('host/printToPdf', () => {
  it('prints only report routes of the app itself', () => {
    expect(
      decideRequest({
        ...fromApp,
        method: 'host/printToPdf',
        args: { route: '#/print/invoice/12', fileName: 'INV-2026-0001' },
      }),
    ).toMatchObject({ kind: 'host', method: 'host/printToPdf' });
    for (const route of [
      'https://evil.example/#/print/invoice/1',
      '#/print/invoice/../../etc',
      'file:///etc/passwd',
      '#/settings',
    ])
      expect(
        decideRequest({ ...fromApp, method: 'host/printToPdf', args: { route, fileName: 'x' } }),
        route,
      ).toMatchObject({ kind: 'reject', result: { ok: false, error: { code: 'BAD_REQUEST' } } });
  });
});

describe('printRouteToPdf', () => {
  function fakes(states: string[], cancel = false) {
    const log: string[] = [];
    const deps: PrintDeps = {
      showSaveDialog: async (o) => {
        log.push(`save ${o.defaultPath}`);
        return cancel ? { canceled: true, filePath: '' } : { canceled: false, filePath: '/tmp/out.pdf' };
      },
      createHiddenWindow: () =>
        ({
          loadURL: async (url: string) => {
            log.push(`load ${url}`);
          },
          destroy: () => log.push('destroy'),
          webContents: {
            executeJavaScript: async () => states.shift() ?? '',
            printToPDF: async () => Buffer.from('%PDF-1.7'),
          },
        }) as unknown as ReturnType<PrintDeps['createHiddenWindow']>,
      writeFile: async (file, data) => {
        log.push(`write ${file} ${data.toString()}`);
      },
      sleep: async () => {},
    };
    return { deps, log };
  }
  const request = { appUrl: 'file:///app/index.html#/finance', route: '#/print/invoice/7', fileName: 'INV-2026-0007' };

  it('loads the route, waits until the page says it is ready, writes the PDF and closes the window', async () => {
    const { deps, log } = fakes(['', '', 'true']);
    expect(await printRouteToPdf(deps, request)).toBe('/tmp/out.pdf');
    expect(log).toEqual([
      'save INV-2026-0007.pdf',
      'load file:///app/index.html#/print/invoice/7',
      'write /tmp/out.pdf %PDF-1.7',
      'destroy',
    ]);
  });

  it('does nothing when the save dialog is cancelled, and fails cleanly when the page reports an error', async () => {
    expect(await printRouteToPdf(fakes([], true).deps, request)).toBeNull();
    const broken = fakes(['error']);
    await expect(printRouteToPdf(broken.deps, request)).rejects.toThrow('could not load');
    expect(broken.log.at(-1)).toBe('destroy');
  });
});
