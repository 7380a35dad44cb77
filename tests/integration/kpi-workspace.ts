/** The workspace the KPI tests build on: a real file in Lima's zone with two hubs, A and B. */
import path from 'node:path';
import { openSqlite, type Sqlite } from '../../src/main/core/db/client';
import { migrateWorkspace } from '../../src/main/core/db/migrate';
import { type HubRow, insertHubRow } from '../../src/main/core/hubs/repo';
import { insertSettings } from '../../src/main/core/settings/repo';
import { MIGRATIONS_DIR, tempDir } from '../helpers';

/** Lima: UTC−5 all year, so a local day runs from 05:00 UTC to 05:00 UTC. Reporting in USD. */
export async function limaWorkspace(
  name: string,
  at: string,
): Promise<{ sqlite: Sqlite; hubs: Record<'a' | 'b', number> }> {
  const file = path.join(tempDir(), name);
  const sqlite = openSqlite(file, { create: true });
  await migrateWorkspace(sqlite, file, MIGRATIONS_DIR);
  insertSettings(sqlite, { name: 'KPIs', reportingCurrency: 'USD', timeZone: 'America/Lima', at });
  const hub: Omit<HubRow, 'name' | 'color'> = {
    country: 'PE',
    timeZone: 'America/Lima',
    currency: 'USD',
    targetKind: null,
    targetShareBp: null,
  };
  return {
    sqlite,
    hubs: {
      a: insertHubRow(sqlite, { ...hub, name: 'A', color: '#f59e0b' }),
      b: insertHubRow(sqlite, { ...hub, name: 'B', color: '#0ea5e9' }),
    },
  };
}
