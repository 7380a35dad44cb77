import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Prefs } from '../../../shared/contract';
import { DEFAULT_PREFS } from '../../../shared/prefs';
import { type PrefsPatch, prefsPatchSchema } from '../../../shared/schemas';

/** User preferences live beside the workspaces, in the OS user-data folder, not in a workspace. */
export class PrefsStore {
  private readonly file: string;
  private prefs: Prefs;

  constructor(userDataDir: string) {
    this.file = path.join(userDataDir, 'prefs.json');
    this.prefs = this.load();
  }

  private load(): Prefs {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch {
      return { ...DEFAULT_PREFS };
    }
    // Keep every field that is still valid; a damaged field falls back to its default.
    const merged: Prefs = { ...DEFAULT_PREFS };
    if (typeof raw === 'object' && raw !== null) {
      const r = raw as Record<string, unknown>;
      for (const key of Object.keys(prefsPatchSchema.shape) as (keyof PrefsPatch)[]) {
        const parsed = prefsPatchSchema.shape[key].safeParse(r[key]);
        if (parsed.success && parsed.data !== undefined)
          (merged as unknown as Record<string, unknown>)[key] = parsed.data;
      }
      if (typeof r.lastWorkspace === 'string') merged.lastWorkspace = r.lastWorkspace;
      if (Array.isArray(r.recentWorkspaces))
        merged.recentWorkspaces = r.recentWorkspaces.filter((p): p is string => typeof p === 'string').slice(0, 8);
    }
    return merged;
  }

  get(): Prefs {
    return structuredClone(this.prefs);
  }

  update(patch: Partial<Prefs>): Prefs {
    this.prefs = { ...this.prefs, ...patch };
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.prefs, null, 2));
    renameSync(tmp, this.file);
    return this.get();
  }

  rememberWorkspace(file: string | null): void {
    const recent = file
      ? [file, ...this.prefs.recentWorkspaces.filter((p) => p !== file)].slice(0, 8)
      : this.prefs.recentWorkspaces;
    this.update({ lastWorkspace: file, recentWorkspaces: recent });
  }
}
