import { eq } from 'drizzle-orm';
import type { WorkspaceSettings } from '../../../shared/contract';
import type { Currency } from '../../../shared/domain';
import type { SettingsPatch } from '../../../shared/schemas';
import { audit } from '../audit/log';
import { type Db, type Sqlite, writeTransaction } from '../db/client';
import { workspaceSettings } from '../db/schema';

export function getSettings(db: Db): WorkspaceSettings {
  const row = db.select().from(workspaceSettings).where(eq(workspaceSettings.id, 1)).get();
  if (!row) throw new Error('workspace_settings row is missing');
  return {
    name: row.name,
    logoDataUrl: row.logoDataUrl,
    reportingCurrency: row.reportingCurrency as Currency,
    timeZone: row.timeZone,
    baselineMonth: row.baselineMonth,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function updateSettings(db: Db, sqlite: Sqlite, patch: SettingsPatch, at: string, actor: string) {
  return writeTransaction(sqlite, () => {
    db.update(workspaceSettings)
      .set({ ...patch, updatedAt: at })
      .where(eq(workspaceSettings.id, 1))
      .run();
    const changed = { ...patch };
    if ('logoDataUrl' in changed) changed.logoDataUrl = changed.logoDataUrl ? '(image)' : null;
    audit(sqlite, { at, actor, action: 'update', entity: 'workspace_settings', entityId: 1, detail: changed });
    return getSettings(db);
  });
}

export function insertSettings(
  sqlite: Sqlite,
  s: { name: string; reportingCurrency: string; timeZone: string; baselineMonth?: string | null; at: string },
): void {
  sqlite
    .prepare(
      'INSERT INTO workspace_settings (id, name, reporting_currency, time_zone, baseline_month, created_at, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?)',
    )
    .run(s.name, s.reportingCurrency, s.timeZone, s.baselineMonth ?? null, s.at, s.at);
}
