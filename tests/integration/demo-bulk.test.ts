import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/main/core/demo/generate';
import { createWorkspaceFile } from '../../src/main/core/workspace/files';
import { cleanTempDirs, MIGRATIONS_DIR, tempDir } from '../helpers';

afterEach(cleanTempDirs);

describe('the demo generator as a bulk load', () => {
  it('defers an index only before its table is filled, so none is kept live for rows and then built again', async () => {
    const drops: { index: string; table: string; rows: number }[] = [];
    await createWorkspaceFile(path.join(tempDir(), 'demo.atalaya'), { migrationsDir: MIGRATIONS_DIR }, (sqlite) => {
      const exec = sqlite.exec.bind(sqlite);
      sqlite.exec = (sql: string) => {
        const index = /^DROP INDEX "(.+)"$/.exec(sql)?.[1];
        if (index) {
          const table = sqlite
            .prepare('SELECT tbl_name FROM sqlite_master WHERE name = ?')
            .pluck()
            .get(index) as string;
          const rows = sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
          drops.push({ index, table, rows });
        }
        return exec(sql);
      };
      return generateDemo(sqlite, { profile: 'agency', seed: 'bulk', asOf: '2026-06-30' });
    });
    const deferred = new Set(drops.map((d) => d.table));
    for (const table of ['leads', 'projects', 'project_stage_changes', 'invoices', 'payments'])
      expect(deferred).toContain(table);
    expect(drops.filter((d) => d.rows > 0)).toEqual([]);
  });
});
