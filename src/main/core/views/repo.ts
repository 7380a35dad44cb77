import { failure } from '../../../shared/errors';
import type { SavedView } from '../../../shared/money';
import type { Sqlite } from '../db/client';

type Row = Omit<SavedView, 'state'> & { state: string };
const SELECT = 'SELECT id, screen, name, state, created_at AS createdAt FROM saved_views';
const parse = (r: Row): SavedView => ({ ...r, state: JSON.parse(r.state) as unknown });
type Named = { id: number; name: string };
/** What SQLite's lower() does: A–Z only. */
const asciiLower = (text: string) => text.replace(/[A-Z]+/g, (s) => s.toLowerCase());

export function listViews(sqlite: Sqlite, screen: string): SavedView[] {
  return (sqlite.prepare(`${SELECT} WHERE screen = ? ORDER BY lower(name)`).all(screen) as Row[]).map(parse);
}

/** Saves a view by name: a view with the same name on the same screen is replaced. */
export function saveView(
  sqlite: Sqlite,
  input: { screen: string; name: string; state: unknown },
  at: string,
): SavedView {
  const state = JSON.stringify(input.state);
  if (state.length > 20_000) throw failure('BAD_REQUEST', 'view.tooLarge', {}, 'state');
  // The same name in any case, as the person reads it: SQLite's lower() folds only A–Z ("Éxitos" is not "éxitos").
  // Of two such names kept from before, the one the unique index (screen, lower(name)) would clash with.
  const views = sqlite.prepare('SELECT id, name FROM saved_views WHERE screen = ?').all(input.screen) as Named[];
  const same = views.filter((v) => v.name.toLowerCase() === input.name.toLowerCase());
  const existing = same.find((v) => asciiLower(v.name) === asciiLower(input.name)) ?? same[0];
  let id: number;
  if (existing) {
    sqlite.prepare('UPDATE saved_views SET state = ?, name = ? WHERE id = ?').run(state, input.name, existing.id);
    id = existing.id;
  } else {
    id = Number(
      sqlite
        .prepare('INSERT INTO saved_views (screen, name, state, created_at) VALUES (?, ?, ?, ?)')
        .run(input.screen, input.name, state, at).lastInsertRowid,
    );
  }
  return parse(sqlite.prepare(`${SELECT} WHERE id = ?`).get(id) as Row);
}

export function deleteView(sqlite: Sqlite, id: number): number {
  const r = sqlite.prepare('DELETE FROM saved_views WHERE id = ?').run(id);
  if (r.changes === 0) throw failure('NOT_FOUND', 'notFound.savedView', { id });
  return r.changes;
}
