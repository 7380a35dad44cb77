import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
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
    throw new AppFailure('FILE_EXISTS', `${destination} already exists; choose another name or remove it first.`);
  }
  const partial = `${destination}.partial`;
  rmSync(partial, { force: true });
  try {
    await sqlite.backup(partial);
    renameSync(partial, destination);
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof AppFailure) throw error;
    throw new AppFailure('IO_ERROR', `Could not write the backup to ${destination}: ${(error as Error).message}`);
  }
  return statSync(destination).size;
}
