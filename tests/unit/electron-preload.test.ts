/**
 * The preload with Electron replaced by a fake: what `window.api` exposes and
 * how it uses the two channels. The real Electron is never loaded.
 */
import type { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: [] as unknown[][],
  emitter: null as null | import('node:events').EventEmitter,
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const emitter = new Emitter();
  fake.emitter = emitter;
  return {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => fake.exposed.set(key, value) },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => {
        fake.invoke.push(args);
        return { ok: true, value: { pong: true, at: 1 } };
      },
      on: (channel: string, listener: (...a: unknown[]) => void) => emitter.on(channel, listener),
      removeListener: (channel: string, listener: (...a: unknown[]) => void) =>
        emitter.removeListener(channel, listener),
    },
  };
});

type ExposedApi = import('../../src/preload/index').Api;
let api: ExposedApi;

beforeAll(async () => {
  await import('../../src/preload/index');
  api = fake.exposed.get('api') as ExposedApi;
});

describe('preload', () => {
  it('exposes exactly window.api with call and on', () => {
    expect([...fake.exposed.keys()]).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual(['call', 'on']);
  });

  it('sends every call over the one atalaya:call channel', async () => {
    const result = await api.call('app/ping', {});
    expect(result).toEqual({ ok: true, value: { pong: true, at: 1 } });
    expect(fake.invoke).toEqual([['atalaya:call', 'app/ping', {}]]);
  });

  it('delivers only the subscribed event, until unsubscribed', () => {
    const emitter = fake.emitter as EventEmitter;
    const seen: unknown[] = [];
    const off = api.on('workspace/changed', (payload) => seen.push(payload));
    emitter.emit('atalaya:event', {}, 'job/progress', { jobId: 'j', kind: 'demo', done: 1, total: 2, step: 'x' });
    emitter.emit('atalaya:event', {}, 'workspace/changed', { reason: 'opened' });
    off();
    emitter.emit('atalaya:event', {}, 'workspace/changed', { reason: 'closed' });
    expect(seen).toEqual([{ reason: 'opened' }]);
    expect(emitter.listenerCount('atalaya:event')).toBe(0);
  });
});
