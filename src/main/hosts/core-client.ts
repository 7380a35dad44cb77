/**
 * The host side of the core worker: starts it, numbers each call, matches
 * replies, fans out events, and turns a crashed worker into clean errors
 * (restarting it on the next call).
 */
import { Worker } from 'node:worker_threads';
import type { Args, EventName, Events, Method, Reply, Result } from '../../shared/contract';
import type { CoreConfig, CoreToHost, HostToCore } from '../core/protocol';

type AnyListener = (name: EventName, payload: Events[EventName]) => void;

export interface CoreClient {
  call<M extends Method>(method: M, args: Args<M>): Promise<Result<Reply<M>>>;
  /** Untyped entry for hosts that forward requests they have not validated yet. */
  callRaw(method: string, args: unknown): Promise<Result<unknown>>;
  onEvent(listener: AnyListener): () => void;
  close(): Promise<void>;
}

export function startCore(workerFile: string, config: CoreConfig): CoreClient {
  let worker: Worker | null = null;
  let ready: Promise<void> | null = null;
  let seq = 0;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Set<AnyListener>();
  let closing = false;

  const failAll = (message: string) => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'CORE_UNAVAILABLE', message } });
    pending.clear();
  };

  const spawn = () => {
    const w = new Worker(workerFile, { workerData: config });
    worker = w;
    ready = new Promise<void>((resolve, reject) => {
      const onMessage = (msg: CoreToHost) => {
        if (msg.type === 'ready') resolve();
        else if (msg.type === 'reply') {
          const done = pending.get(msg.seq);
          pending.delete(msg.seq);
          done?.(msg.result);
        } else if (msg.type === 'event') {
          for (const l of listeners) l(msg.name, msg.payload);
        }
      };
      w.on('message', onMessage);
      w.on('error', (error) => {
        reject(error);
        failAll(`Atalaya's core stopped unexpectedly (${error.message}). Try again; it restarts by itself.`);
      });
      w.on('exit', (code) => {
        if (worker === w) {
          worker = null;
          ready = null;
        }
        if (!closing && code !== 0)
          failAll(`Atalaya's core stopped (exit code ${code}). Try again; it restarts by itself.`);
        reject(new Error(`core worker exited with code ${code}`));
      });
    });
    ready.catch(() => {});
  };

  const callRaw = async (method: string, args: unknown): Promise<Result<unknown>> => {
    if (closing) return { ok: false, error: { code: 'CORE_UNAVAILABLE', message: 'Atalaya is shutting down.' } };
    if (!worker) spawn();
    try {
      await ready;
    } catch (error) {
      return {
        ok: false,
        error: { code: 'CORE_UNAVAILABLE', message: `Atalaya's core could not start: ${(error as Error).message}` },
      };
    }
    const id = ++seq;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      const msg: HostToCore = { type: 'call', seq: id, method, args };
      worker?.postMessage(msg);
    });
  };

  spawn();

  return {
    call: (method, args) => callRaw(method, args) as never,
    callRaw,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closing = true;
      const w = worker;
      if (!w) return;
      const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()));
      w.postMessage({ type: 'shutdown' } satisfies HostToCore);
      const timer = setTimeout(() => void w.terminate(), 5000);
      await exited;
      clearTimeout(timer);
      failAll('Atalaya is shutting down.');
    },
  };
}
