/**
 * Production's KPIs of a period (KPIS.md: projects delivered, on-time delivery
 * rate, first-pass approval rate, revision cycles, client satisfaction), read
 * from projects_delivered alone.
 */
import type { KpiMean, PeriodKpisRequest, ProjectKpis } from '../../../shared/kpis';
import { cached, type Sqlite } from '../db/client';
import { workspaceTimeZone } from '../fx/clock';
import { instantGroups, queryInstants, share } from './period';

const mean = (total: number, count: number): KpiMean => ({ total, count, mean: count === 0 ? null : total / count });

export function projectKpis(sqlite: Sqlite, query: PeriodKpisRequest, now: Date): ProjectKpis {
  const timeZone = workspaceTimeZone(sqlite);
  const [start, end] = queryInstants(query, timeZone, now);
  // On time: delivered on or before the due date, the delivery's date read in the workspace's zone, as routing's
  // on-time rate and the board's overdue badges read it.
  const groups = instantGroups(timeZone, start, end);
  const hub = query.hubId === null ? '' : ' AND hub_id = ?';
  const rows = cached(
    sqlite,
    `SELECT ${groups.sql('delivered_at')} AS at, due_date AS due, count(*) AS n,
            count(*) FILTER (WHERE revision_cycles = 0) AS firstPass, sum(revision_cycles) AS revisions,
            count(satisfaction) AS rated, coalesce(sum(satisfaction), 0) AS satisfaction
       FROM projects INDEXED BY projects_delivered
      WHERE delivered_at IS NOT NULL AND delivered_at >= ? AND delivered_at < ? AND stage <> 'cancelled'${hub}
      GROUP BY 1, 2`,
  ).all(...(query.hubId === null ? [start, end] : [start, end, query.hubId])) as {
    at: string;
    due: string;
    n: number;
    firstPass: number;
    revisions: number;
    rated: number;
    satisfaction: number;
  }[];

  let delivered = 0;
  let onTime = 0;
  let firstPass = 0;
  let revisions = 0;
  let rated = 0;
  let satisfaction = 0;
  for (const r of rows) {
    delivered += r.n;
    if (groups.dateOf(r.at) <= r.due) onTime += r.n;
    firstPass += r.firstPass;
    revisions += r.revisions;
    rated += r.rated;
    satisfaction += r.satisfaction;
  }
  return {
    from: query.from,
    to: query.to,
    hubId: query.hubId,
    delivered,
    onTime: share(onTime, delivered),
    firstPass: share(firstPass, delivered),
    revisionCycles: mean(revisions, delivered),
    satisfaction: mean(satisfaction, rated),
  };
}
