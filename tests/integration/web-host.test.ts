import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebHost, type WebHost } from '../../src/main/hosts/web';
import { builtWorker, cleanTempDirs, MIGRATIONS_DIR, tempDir } from '../helpers';

let host: WebHost;
let base: string;

function request(
  pathname: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${pathname}`, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.on('data', (c) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (init.body) req.write(init.body);
    req.end();
  });
}

const call = (method: string, args: unknown, token = host.token) =>
  request('/api/call', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ method, args }),
  });

beforeAll(async () => {
  const rendererDir = path.join(tempDir(), 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Atalaya</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(rendererDir, '..', 'secret.txt'), 'do not serve');
  host = await startWebHost({
    rendererDir,
    workerFile: builtWorker(),
    core: { userDataDir: tempDir(), migrationsDir: MIGRATIONS_DIR, appVersion: '0.0.0-test' },
  });
  base = `http://127.0.0.1:${host.port}`;
});
afterAll(async () => {
  await host.close();
  cleanTempDirs();
});

describe('browser host', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying the token in the fragment', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{20,}$/);
  });

  it('serves the renderer with a strict CSP', async () => {
    const res = await request('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Atalaya</title>');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-eval');
    expect((await request('/assets/app.js')).headers['content-type']).toContain('javascript');
  });

  it('does not serve files outside the renderer folder', async () => {
    expect((await request('/../secret.txt')).status).toBe(404); // normalized by URL parsing to /secret.txt
    const encoded = await request('/assets/..%2f..%2fsecret.txt');
    expect(encoded.status).toBe(403);
    expect(encoded.body).not.toContain('do not serve');
  });

  it('requires the token on every call', async () => {
    const missing = await request('/api/call', {
      method: 'POST',
      body: JSON.stringify({ method: 'app/ping', args: {} }),
    });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body).error.code).toBe('UNAUTHORIZED');
    expect((await call('app/ping', {}, 'wrong-token-of-the-same-length-xyz')).status).toBe(401);
    const ok = await call('app/ping', {});
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { pong: true } });
  });

  it('rejects requests addressed to another host name (DNS rebinding)', async () => {
    const res = await request('/api/call', {
      method: 'POST',
      headers: { host: 'evil.example:80', authorization: `Bearer ${host.token}` },
      body: JSON.stringify({ method: 'app/ping', args: {} }),
    });
    expect(res.status).toBe(421);
  });

  it('passes contract errors through and answers host-only methods with NOT_SUPPORTED', async () => {
    expect(JSON.parse((await call('nope/nothing', {})).body).error.code).toBe('UNKNOWN_METHOD');
    // With its catalog key, so the Spanish screen says it in Spanish.
    expect(JSON.parse((await call('host/pickWorkspaceFile', {})).body).error).toEqual({
      code: 'NOT_SUPPORTED',
      message: 'The browser version cannot show a file picker; type the path of the workspace file instead.',
      key: 'host.noFilePicker',
    });
    const bad = await request('/api/call', {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}` },
      body: '{not json',
    });
    expect(JSON.parse(bad.body).error.code).toBe('BAD_REQUEST');
  });

  it('streams core events over a WebSocket that requires the token', async () => {
    const refused = new WebSocket(`ws://127.0.0.1:${host.port}/api/events`, ['atalaya.wrong']);
    await new Promise<void>((resolve) => refused.on('error', () => resolve()));

    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/api/events`, [`atalaya.${host.token}`]);
    await new Promise((resolve, reject) => {
      socket.on('open', resolve);
      socket.on('error', reject);
    });
    const finished = new Promise<{ name: string; payload: { result: { ok: boolean } } }>((resolve) => {
      socket.on('message', (data) => {
        const event = JSON.parse(String(data));
        if (event.name === 'job/finished') resolve(event);
      });
    });
    const started = JSON.parse((await call('workspace/createDemo', { seed: 'web', asOf: '2026-09-30' })).body);
    expect(started.ok).toBe(true);
    expect((await finished).payload.result.ok).toBe(true);
    socket.close();
  });
});
