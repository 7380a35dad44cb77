/** `node out/main/web.js [--port N] [--user-data DIR] [--workspace FILE]` — starts the browser host. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { version } from '../../../package.json';
import { locateMigrationsDir } from '../core/db/migrate';
import { defaultUserDataDir } from './paths';
import { startWebHost } from './web';

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'user-data': { type: 'string' },
      workspace: { type: 'string' },
      'test-handlers': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535 (got "${values.port}").`);
    process.exit(2);
  }
  const host = await startWebHost({
    port,
    rendererDir: path.join(__dirname, '..', 'renderer'),
    workerFile: path.join(__dirname, 'worker.js'),
    core: {
      userDataDir: values['user-data'] ? path.resolve(values['user-data']) : defaultUserDataDir(),
      migrationsDir: locateMigrationsDir({ override: process.env.ATALAYA_MIGRATIONS_DIR, moduleDir: __dirname }),
      workspacePath: values.workspace ? path.resolve(values.workspace) : undefined,
      testHandlers: values['test-handlers'],
      appVersion: version,
    },
  });
  console.log(
    `Atalaya is running in your browser at:\n\n  ${host.url}\n\nOnly this computer can reach it. Press Ctrl+C to stop.`,
  );
  const stop = async () => {
    await host.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(`Atalaya's browser host could not start: ${(error as Error).message}`);
  process.exit(1);
});
