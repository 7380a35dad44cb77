/**
 * The pipeline's KPIs of a period (KPIS.md: booked, lead-to-client conversion,
 * proposal win rate; and the leads that came in). Read from indexes alone at
 * the massive profile: leads_created for new leads, leads_closed for what
 * closed, lead_stage_changes_proposal for which of them reached a proposal.
 */
import { addDays, localDate } from '../../../shared/dates';
import type { KpiShare, PeriodKpisQuery, PipelineKpis } from '../../../shared/kpis';
import { cached, type Sqlite } from '../db/client';
import { workspaceTimeZone } from '../fx/clock';
import { loadConverter } from '../fx/repo';
import { localToUtc, zoneOffset } from '../routing/timezones';

export function share(part: number, whole: number): KpiShare {
  return { part, whole, share: whole === 0 ? null : part / whole };
}

/**
 * The UTC instants that bound a period of local dates: from the first day's
 * midnight (included) to the midnight after the last day (excluded). Written
 * with milliseconds, they compare as text with stored instants written with or
 * without them ('…00Z' sorts after '…00.000Z', so an instant on a bound lands
 * on the side it belongs to).
 */
export function periodInstants(from: string, to: string, timeZone: string): [start: string, end: string] {
  const instant = (date: string) => new Date(localToUtc(date, timeZone, 0)).toISOString();
  return [instant(from), instant(addDays(to, 1))];
}

export function pipelineKpis(sqlite: Sqlite, query: Required<PeriodKpisQuery>): PipelineKpis {
  const timeZone = workspaceTimeZone(sqlite);
  const [start, end] = periodInstants(query.from, query.to, timeZone);
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
  const proposal = `EXISTS (SELECT 1 FROM lead_stage_changes AS c INDEXED BY lead_stage_changes_proposal
                             WHERE c.to_stage = 'proposal' AND c.lead_id = l.id)`;
  const closed = cached(
    sqlite,
    `SELECT count(*) FILTER (WHERE stage = 'won') AS won,
            count(*) FILTER (WHERE stage = 'lost') AS lost,
            coalesce(sum(expected_value_minor) FILTER (WHERE stage = 'won' AND currency = ?), 0) AS bookedMinor,
            count(*) FILTER (WHERE ${proposal}) AS proposalClosed,
            count(*) FILTER (WHERE stage = 'won' AND ${proposal}) AS proposalWon
       FROM leads AS l INDEXED BY leads_closed
      WHERE closed_at IS NOT NULL AND closed_at >= ? AND closed_at < ?${hub}`,
  ).get(converter.reporting, ...params) as {
    won: number;
    lost: number;
    bookedMinor: number;
    proposalClosed: number;
    proposalWon: number;
  };

  // The won value in other currencies, at the rate in force on each close date: summed per currency and hour
  // (per minute in a zone whose offset is not whole hours), so that each sum falls on one local date.
  const offsets = [start, end].map((instant) => zoneOffset(timeZone, Date.parse(instant)));
  const bucket = offsets.every((offset) => offset % 3_600_000 === 0) ? 13 : 16;
  const foreign = cached(
    sqlite,
    `SELECT currency, substr(closed_at, 1, ${bucket}) AS bucket, sum(expected_value_minor) AS valueMinor
       FROM leads INDEXED BY leads_closed
      WHERE closed_at IS NOT NULL AND closed_at >= ? AND closed_at < ?${hub} AND stage = 'won' AND currency <> ?
      GROUP BY currency, bucket`,
  ).all(...params, converter.reporting) as { currency: string; bucket: string; valueMinor: number }[];
  let booked: number | null = closed.bookedMinor;
  for (const part of foreign) {
    const instant = bucket === 13 ? `${part.bucket}:00:00Z` : `${part.bucket}:00Z`;
    const value = converter.toReporting(part.valueMinor, part.currency, localDate(new Date(instant), timeZone));
    booked = value === null || booked === null ? null : booked + value;
  }

  return {
    from: query.from,
    to: query.to,
    currency: converter.reporting,
    newLeads,
    booked: { valueMinor: booked, leads: closed.won },
    conversion: share(closed.won, closed.won + closed.lost),
    proposalWinRate: share(closed.proposalWon, closed.proposalClosed),
    missingRates: converter.missingRates(),
  };
}
