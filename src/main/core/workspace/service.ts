import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { localDate } from '../../../shared/dates';
import { failure } from '../../../shared/errors';
import { AppFailure } from '../../../shared/result';
import type { OnboardingInput } from '../../../shared/schemas';
import { audit } from '../audit/log';
import { insertDefaultServices } from '../catalogue/repo';
import { backupTo, timestampForFile } from '../db/backup';
import { type Sqlite, writeTransaction } from '../db/client';
import { assertOpenable, knownMigrations } from '../db/migrate';
import { insertHubRow } from '../hubs/repo';
import { insertPersonRow } from '../people/repo';
import { insertSettings } from '../settings/repo';
import { type DbLocation, lockPathFor, openExisting } from './files';

/** Fills a new, empty workspace from the onboarding answers, in one transaction. */
export function fillFromOnboarding(sqlite: Sqlite, input: OnboardingInput, now: Date, actor: string): void {
  const at = now.toISOString();
  writeTransaction(sqlite, () => {
    insertSettings(sqlite, {
      name: input.name,
      reportingCurrency: input.reportingCurrency,
      timeZone: input.timeZone,
      at,
    });
    insertDefaultServices(sqlite);
    const hubIds = new Map<string, { id: number; timeZone: string }>();
    for (const h of input.hubs) {
      const id = insertHubRow(sqlite, {
        ...h,
        targetShareBp: h.targetSharePct === null ? null : Math.round(h.targetSharePct * 100),
      });
      hubIds.set(h.name.trim().toLowerCase(), { id, timeZone: h.timeZone });
    }
    for (const p of input.people) {
      const hub = hubIds.get(p.hubName.trim().toLowerCase())!;
      insertPersonRow(sqlite, {
        ...p,
        email: null,
        hubId: hub.id,
        timeZone: hub.timeZone,
        startDate: localDate(now, hub.timeZone),
      });
    }
    audit(sqlite, {
      at,
      actor,
      action: 'create',
      entity: 'workspace',
      entityId: 1,
      detail: { hubs: input.hubs.length, people: input.people.length },
    });
  });
}

/** Backup names taken by backups still being written (their file appears only once complete). */
const backupsUnderWay = new Set<string>();

/**
 * A timestamped copy of the open workspace in `dir`, made with the online backup API. A second backup within the
 * same second, even one asked for while the first is still being written, gets "-2", "-3"… rather than the first
 * one's name.
 */
export async function backupWorkspace(sqlite: Sqlite, file: string, dir: string, now: Date) {
  mkdirSync(dir, { recursive: true });
  const stem = path.join(dir, `${path.basename(file, path.extname(file))}-${timestampForFile(now)}`);
  let destination = `${stem}.atalaya`;
  for (let n = 2; existsSync(destination) || backupsUnderWay.has(destination); n++)
    destination = `${stem}-${n}.atalaya`;
  backupsUnderWay.add(destination);
  try {
    const bytes = await backupTo(sqlite, destination);
    return { path: destination, bytes, at: now.toISOString() };
  } finally {
    backupsUnderWay.delete(destination);
  }
}

/**
 * Replaces a workspace file with a backup. The backup is checked first (an
 * Atalaya workspace, not newer than this version, passes integrity_check);
 * an existing target is only replaced with `force`, and never while an
 * Atalaya window has it open.
 */
export async function restoreWorkspace(from: string, to: string, where: DbLocation, force: boolean) {
  const source = path.resolve(from);
  const target = path.resolve(to);
  if (!existsSync(source)) throw failure('NOT_FOUND', 'notFound.backup', { path: source });
  if (existsSync(target) && !force) {
    throw failure('FILE_EXISTS', 'workspace.restoreTargetExists', { path: target });
  }
  if (existsSync(lockPathFor(target))) {
    try {
      const held = JSON.parse(readFileSync(lockPathFor(target), 'utf8')) as { pid: number };
      process.kill(held.pid, 0);
      throw failure('WORKSPACE_IN_USE', 'workspace.restoreInUse', { path: target, pid: held.pid });
    } catch (error) {
      if (error instanceof AppFailure) throw error;
    }
  }
  const backup = openExisting(source, { readonly: true, nativeBinding: where.nativeBinding });
  try {
    const version = assertOpenable(backup, source, knownMigrations(where.migrationsDir).length);
    const integrity = backup.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok')
      throw failure('WORKSPACE_INVALID', 'workspace.backupDamaged', { path: source, detail: String(integrity) });
    const staging = `${target}.restoring`;
    rmSync(staging, { force: true });
    await backup.backup(staging);
    for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
    renameSync(staging, target);
    return { path: target, schemaVersion: version };
  } finally {
    backup.close();
  }
}
