import { failure } from '../../../shared/errors';
import type { SavedView } from '../../../shared/money';
import type { Sqlite } from '../db/client';

type Row = Omit<SavedView, 'state'> & { state: string };
const SELECT = 'SELECT id, screen, name, state, created_at AS createdAt FROM saved_views';
const parse = (r: Row): SavedView => ({ ...r, state: JSON.parse(r.state) as unknown });
type Named = { id: number; name: string };
/** What SQLite's lower() does: A–Z only. */
const asciiLower = (text: string) => text.replace(/[A-Z]+/g, (s) => s.toLowerCase());

/**
 * The view of the screen with this name in any case, as the person reads it: SQLite's lower() folds only A–Z
 * ("Éxitos" is not "éxitos"). Of two such names kept from before, the one the unique index (screen, lower(name))
 * would clash with.
 */
function sameName(sqlite: Sqlite, screen: string, name: string): Named | undefined {
  const views = sqlite.prepare('SELECT id, name FROM saved_views WHERE screen = ?').all(screen) as Named[];
  const same = views.filter((v) => v.name.toLowerCase() === name.toLowerCase());
  return same.find((v) => asciiLower(v.name) === asciiLower(name)) ?? same[0];
}

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
  const existing = sameName(sqlite, input.screen, input.name);
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

/** Gives a view another name; a name another view of its screen has is refused. */
export function renameView(sqlite: Sqlite, id: number, name: string): SavedView {
  const view = sqlite.prepare('SELECT screen FROM saved_views WHERE id = ?').get(id) as { screen: string } | undefined;
  if (!view) throw failure('NOT_FOUND', 'notFound.savedView', { id });
  const other = sameName(sqlite, view.screen, name);
  if (other && other.id !== id) throw failure('CONFLICT', 'view.nameTaken', { name: other.name }, 'name');
  sqlite.prepare('UPDATE saved_views SET name = ? WHERE id = ?').run(name, id);
  return parse(sqlite.prepare(`${SELECT} WHERE id = ?`).get(id) as Row);
}

export function deleteView(sqlite: Sqlite, id: number): number {
  const r = sqlite.prepare('DELETE FROM saved_views WHERE id = ?').run(id);
  if (r.changes === 0) throw failure('NOT_FOUND', 'notFound.savedView', { id });
  return r.changes;
}
