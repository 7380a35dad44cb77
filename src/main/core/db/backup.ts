import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { failure } from '../../../shared/errors';
import { AppFailure } from '../../../shared/result';
import type { Sqlite } from './client';

export function timestampForFile(at: Date): string {
  return at
    .toISOString()
    .replace(/[:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/**
 * Copies a live database with SQLite's online backup API (consistent even
 * while others write). Writes to a temporary name and renames, so a failed
 * backup never leaves a half file under the final name.
 */
export async function backupTo(sqlite: Sqlite, destination: string): Promise<number> {
  if (existsSync(destination)) {
    throw failure('FILE_EXISTS', 'backup.exists', { path: destination });
  }
  const partial = `${destination}.partial`;
  rmSync(partial, { force: true });
  try {
    await sqlite.backup(partial);
    renameSync(partial, destination);
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof AppFailure) throw error;
    throw failure('IO_ERROR', 'backup.writeFailed', { path: destination, detail: (error as Error).message });
  }
  return statSync(destination).size;
}
