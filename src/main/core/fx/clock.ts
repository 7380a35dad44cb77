import { localDate } from '../../../shared/dates';
import { cached, type Sqlite } from '../db/client';

/** The workspace's reporting time zone (UTC before onboarding). */
export function workspaceTimeZone(sqlite: Sqlite): string {
  const row = cached(sqlite, 'SELECT time_zone AS tz FROM workspace_settings WHERE id = 1').get() as
    | { tz: string }
    | undefined;
  return row?.tz ?? 'UTC';
}

/** "Today" in the workspace's reporting time zone (overdue, aging and health are computed daily from it). */
export function workspaceToday(sqlite: Sqlite, now: Date): string {
  return localDate(now, workspaceTimeZone(sqlite));
}

/** The calendar date of a stored UTC instant in the workspace's reporting time zone. */
export function instantToWorkspaceDate(sqlite: Sqlite): (instant: string) => string {
  const tz = workspaceTimeZone(sqlite);
  return (instant) => localDate(new Date(instant), tz);
}
