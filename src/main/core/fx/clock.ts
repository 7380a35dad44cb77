import { localDate } from '../../../shared/dates';
import { cached, type Sqlite } from '../db/client';

/** "Today" in the workspace's reporting time zone (overdue, aging and health are computed daily from it). */
export function workspaceToday(sqlite: Sqlite, now: Date): string {
  const row = cached(sqlite, 'SELECT time_zone AS tz FROM workspace_settings WHERE id = 1').get() as
    | { tz: string }
    | undefined;
  return localDate(now, row?.tz ?? 'UTC');
}

/** The calendar date of a stored UTC instant in the workspace's reporting time zone. */
export function instantToWorkspaceDate(sqlite: Sqlite): (instant: string) => string {
  const row = cached(sqlite, 'SELECT time_zone AS tz FROM workspace_settings WHERE id = 1').get() as
    | { tz: string }
    | undefined;
  const tz = row?.tz ?? 'UTC';
  return (instant) => localDate(new Date(instant), tz);
}
