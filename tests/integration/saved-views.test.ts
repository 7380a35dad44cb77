/**
 * Saved views by name (src/main/core/views/repo.ts): a name already on the screen, in any case, replaces
 * that view, as the save dialog announces ("Saving replaces the segment …"), accented capitals included;
 * renaming changes only the name and refuses one another view of the screen has.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite, type Sqlite } from '../../src/main/core/db/client';
import { migrateWorkspace } from '../../src/main/core/db/migrate';
import { listViews, renameView, saveView } from '../../src/main/core/views/repo';
import { cleanTempDirs, MIGRATIONS_DIR, tempDir } from '../helpers';

afterEach(cleanTempDirs);

async function workspace(): Promise<Sqlite> {
  const file = path.join(tempDir(), 'views.atalaya');
  const sqlite = openSqlite(file, { create: true });
  await migrateWorkspace(sqlite, file, MIGRATIONS_DIR);
  return sqlite;
}

const AT = '2026-12-07T10:00:00Z';

describe('saveView', () => {
  it('replaces the view of the same name whatever its case, accented letters too', async () => {
    const sqlite = await workspace();
    const first = saveView(sqlite, { screen: 'leads', name: 'Éxitos en Ñuñoa', state: { search: 'a' } }, AT);
    const again = saveView(sqlite, { screen: 'leads', name: 'éxitos en ñuñoa', state: { search: 'b' } }, AT);
    expect(again.id).toBe(first.id);
    expect(listViews(sqlite, 'leads').map((v) => [v.name, v.state])).toEqual([['éxitos en ñuñoa', { search: 'b' }]]);
    // Another screen's view of that name is its own.
    const clients = saveView(sqlite, { screen: 'clients', name: 'ÉXITOS EN ÑUÑOA', state: {} }, AT);
    expect(clients.id).not.toBe(first.id);
    sqlite.close();
  });

  it('with two such names kept from before, replaces the one SQLite sees as the same, not failing on its index', async () => {
    const sqlite = await workspace();
    const insert = sqlite.prepare(
      "INSERT INTO saved_views (screen, name, state, created_at) VALUES ('leads', ?, '{}', ?)",
    );
    const upper = Number(insert.run('Éxitos', AT).lastInsertRowid);
    const lower = Number(insert.run('éxitos', AT).lastInsertRowid);
    expect(saveView(sqlite, { screen: 'leads', name: 'éXITOS', state: {} }, AT).id).toBe(lower);
    expect(saveView(sqlite, { screen: 'leads', name: 'ÉXITOS', state: {} }, AT).id).toBe(upper);
    expect(listViews(sqlite, 'leads')).toHaveLength(2);
    sqlite.close();
  });
});

describe('renameView', () => {
  it('changes only the name, its own in another case included, and refuses a name another view has', async () => {
    const sqlite = await workspace();
    const hot = saveView(sqlite, { screen: 'leads', name: 'Hot', state: { search: 'a' } }, AT);
    const lost = saveView(sqlite, { screen: 'leads', name: 'Éxitos', state: {} }, AT);
    saveView(sqlite, { screen: 'clients', name: 'Calientes', state: {} }, AT);
    expect(renameView(sqlite, hot.id, 'Calientes')).toMatchObject({
      id: hot.id,
      name: 'Calientes',
      state: { search: 'a' },
    });
    expect(renameView(sqlite, hot.id, 'CALIENTES').name).toBe('CALIENTES');
    expect(() => renameView(sqlite, hot.id, 'éxitos')).toThrowError(
      expect.objectContaining({
        code: 'CONFLICT',
        field: 'name',
        message: 'Another one is already called "Éxitos"; choose another name.',
      }),
    );
    expect(() => renameView(sqlite, 999, 'Nada')).toThrowError(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(listViews(sqlite, 'leads').map((v) => [v.id, v.name])).toEqual([
      [hot.id, 'CALIENTES'],
      [lost.id, 'Éxitos'],
    ]);
    sqlite.close();
  });
});
