/**
 * The pipeline's KPIs of a period (KPIS.md: booked, lead-to-client conversion,
 * proposal win rate; and the leads that came in). Read from indexes alone at
 * the massive profile: leads_created for new leads, leads_closed for what
 * closed and which of them reached a proposal (leads.reached_proposal, kept
 * with the stage history).
 */
import type { PeriodKpisRequest, PipelineKpis } from '../../../shared/kpis';
import { cached, type Sqlite } from '../db/client';
import { workspaceTimeZone } from '../fx/clock';
import { loadConverter } from '../fx/repo';
import { addGroups } from './convert';
import { instantGroups, queryInstants, share } from './period';

export function pipelineKpis(sqlite: Sqlite, query: PeriodKpisRequest, now: Date): PipelineKpis {
  const timeZone = workspaceTimeZone(sqlite);
  const [start, end] = queryInstants(query, timeZone, now);
  const hub = query.hubId === null ? '' : ' AND hub_id = ?';
  const params = query.hubId === null ? [start, end] : [start, end, query.hubId];

  const newLeads = cached(
    sqlite,
    `SELECT count(*) FROM leads INDEXED BY leads_created WHERE created_at >= ? AND created_at < ?${hub}`,
  )
    .pluck()
    .get(...params) as number;

  // Closed in the period, in one walk of leads_closed: won and lost, the won value already in the reporting
  // currency, and of those that reached a proposal, how many and how many were won.
  const converter = loadConverter(sqlite);
  const closed = cached(
    sqlite,
    `SELECT count(*) FILTER (WHERE stage = 'won') AS won,
            count(*) FILTER (WHERE stage = 'lost') AS lost,
            coalesce(sum(expected_value_minor) FILTER (WHERE stage = 'won' AND currency = ?), 0) AS bookedMinor,
            count(*) FILTER (WHERE reached_proposal) AS proposalClosed,
            count(*) FILTER (WHERE stage = 'won' AND reached_proposal) AS proposalWon
       FROM leads INDEXED BY leads_closed
      WHERE closed_at IS NOT NULL AND closed_at >= ? AND closed_at < ?${hub}`,
  ).get(converter.reporting, ...params) as {
    won: number;
    lost: number;
    bookedMinor: number;
    proposalClosed: number;
    proposalWon: number;
  };

  // The won value in other currencies, at the rate in force on each close date: summed per currency and group of
  // close instants that share a local date.
  const groups = instantGroups(timeZone, start, end);
  const foreign = cached(
    sqlite,
    `SELECT currency, ${groups.sql('closed_at')} AS bucket, sum(expected_value_minor) AS valueMinor
       FROM leads INDEXED BY leads_closed
      WHERE closed_at IS NOT NULL AND closed_at >= ? AND closed_at < ?${hub} AND stage = 'won' AND currency <> ?
      GROUP BY currency, bucket`,
  ).all(...params, converter.reporting) as { currency: string; bucket: string; valueMinor: number }[];
  const booked = addGroups(converter, groups, foreign, closed.bookedMinor);

  return {
    from: query.from,
    to: query.to,
    hubId: query.hubId,
    currency: converter.reporting,
    newLeads,
    booked: { valueMinor: booked, leads: closed.won },
    conversion: share(closed.won, closed.won + closed.lost),
    proposalWinRate: share(closed.proposalWon, closed.proposalClosed),
    missingRates: converter.missingRates(),
  };
}
