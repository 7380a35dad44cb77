/**
 * The browser host: the same core and contract as the desktop app, served on
 * 127.0.0.1 only. Calls are POST /api/call, events a WebSocket on
 * /api/events; both require the random token made at launch. The Host header
 * is checked too, so a page on another origin cannot reach the API through
 * DNS rebinding.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer } from 'ws';
import { type EventName, type Events, isMethod } from '../../shared/contract';
import { failure } from '../../shared/errors';
import { fail, ok, type Result } from '../../shared/result';
import type { CoreConfig } from '../core/protocol';
import { type CoreClient, startCore } from './core-client';

export interface WebHostOptions {
  port?: number;
  rendererDir: string;
  workerFile: string;
  core: Omit<CoreConfig, 'host' | 'takeAppLock'>;
  /** A fixed token (tests); a random one otherwise. */
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  core: CoreClient;
  /** Sends a host event to every app page connected (what Electron's main process sends its window). */
  emit<E extends EventName>(name: E, payload: Events[E]): void;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 8 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

export function webCsp(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

function tokenMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function hostAllowed(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`;
}

/** Host methods the browser cannot offer: the renderer falls back (e.g. a typed path). */
const HOST_METHODS_IN_BROWSER: Record<string, () => Result<unknown>> = {
  // The page prints itself with the browser's dialog (which can save as PDF).
  'host/printToPdf': () => ok({ saved: null }),
  'host/pickWorkspaceFile': () => ({ ok: false, error: failure('NOT_SUPPORTED', 'host.noFilePicker').toError() }),
  'host/revealPath': () => ({ ok: false, error: failure('NOT_SUPPORTED', 'host.noFileManager').toError() }),
};

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const core = startCore(options.workerFile, { ...options.core, host: 'web', takeAppLock: true });
  let port = 0;

  const sendJson = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  const handleCall = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const auth = req.headers.authorization?.replace(/^Bearer /, '');
    if (!tokenMatches(token, auth)) {
      return sendJson(
        res,
        401,
        fail('UNAUTHORIZED', 'Missing or wrong access token; open the address the host printed.'),
      );
    }
    let request: { method?: unknown; args?: unknown };
    try {
      request = JSON.parse(await readBody(req));
    } catch {
      return sendJson(res, 400, fail('BAD_REQUEST', 'The request body must be JSON: {"method": …, "args": …}.'));
    }
    const method = request?.method;
    if (typeof method === 'string' && Object.hasOwn(HOST_METHODS_IN_BROWSER, method) && isMethod(method)) {
      return sendJson(res, 200, HOST_METHODS_IN_BROWSER[method]!());
    }
    sendJson(res, 200, await core.callRaw(typeof method === 'string' ? method : String(method), request?.args));
  };

  const serveStatic = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const relative = urlPath === '/' ? 'index.html' : urlPath.replace(/^\/+/, '');
    const file = path.resolve(options.rendererDir, relative);
    if (!file.startsWith(path.resolve(options.rendererDir) + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'content-security-policy': webCsp(port),
        'x-content-type-options': 'nosniff',
        'cache-control': relative === 'index.html' ? 'no-store' : 'max-age=3600',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  };

  const server = http.createServer((req, res) => {
    if (!hostAllowed(req.headers.host, port)) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('Atalaya answers only on 127.0.0.1.');
      return;
    }
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    if (pathname === '/api/call' && req.method === 'POST') void handleCall(req, res);
    else if (req.method === 'GET' || req.method === 'HEAD') void serveStatic(req, res);
    else res.writeHead(405).end();
  });

  const sockets = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => [...protocols][0] ?? false });
  server.on('upgrade', (req, socket, head) => {
    const offered = String(req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((p) => p.trim());
    const authorised = offered.some((p) => p.startsWith('atalaya.') && tokenMatches(token, p.slice('atalaya.'.length)));
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    if (!hostAllowed(req.headers.host, port) || pathname !== '/api/events' || !authorised) {
      socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => sockets.emit('connection', ws, req));
  });
  const broadcast = (name: string, payload: unknown) => {
    const message = JSON.stringify({ name, payload });
    for (const client of sockets.clients) if (client.readyState === client.OPEN) client.send(message);
  };
  const stopEvents = core.onEvent(broadcast);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    core,
    emit: broadcast,
    async close() {
      stopEvents();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.close();
    },
  };
}
