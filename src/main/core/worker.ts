/**
 * The core worker: the only owner of the workspace's SQLite file. Receives
 * seq-numbered calls from its host, replies with Results, pushes events.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { EventName, Events } from '../../shared/contract';
import { createCore } from './create-core';
import type { CoreConfig, CoreToHost, HostToCore } from './protocol';

if (!parentPort) throw new Error('worker.ts must run as a worker thread');
const port = parentPort;

const post = (message: CoreToHost) => port.postMessage(message);
const emit = <E extends EventName>(name: E, payload: Events[E]) => post({ type: 'event', name, payload });

// The bundle is CommonJS (no top-level await), hence the async main.
async function main() {
  const core = await createCore(workerData as CoreConfig, emit);
  post({ type: 'ready' });

  port.on('message', async (message: HostToCore) => {
    if (message.type === 'shutdown') {
      core.ctx.session.close({ silent: true });
      process.exit(0);
    }
    if (message.type === 'call') {
      const result = await core.call(message.method, message.args);
      post({ type: 'reply', seq: message.seq, result });
    }
  });
}

void main();
