/**
 * Clients' KPIs of a period (KPIS.md: new clients, repeat-client rate, upsell
 * rate, client retention (month)). Cancelled projects count nowhere.
 *
 * - New: a won lead makes its client's project in the same transaction
 *   (leads/repo winLead), so a client's first project's created_at is its first
 *   win; a client without a project is not one yet. Hub: the client's.
 * - Repeat and upsell, over the clients with a delivery in the period: their
 *   deliveries up to the period's end, the service types of their projects
 *   created by then, and a subscription active on the period's last counted day.
 * - Retention: the calendar month holding the period's last counted day, from
 *   its first day through that day, against the whole month before; active = a
 *   delivery in the month or a subscription active on one of its days.
 *
 * With a hub chosen, every fact follows KPIS.md's attribution: a project's
 * deliveries and services are its own hub's, a subscription is its client's hub's.
 *
 * Every client's history is read in one walk of projects_client, which covers
 * what it needs (client, created, stage, service, delivered, hub) in client
 * order: no table rows, no sort (~220k projects at massive).
 */
import { addMonths, earlierDate, lastDayOf, localDate } from '../../../shared/dates';
import type { ClientKpis, PeriodKpisRequest } from '../../../shared/kpis';
import { cached, type Sqlite } from '../db/client';
import { workspaceTimeZone } from '../fx/clock';
import { keptSubscriptionReplays } from '../subscriptions/repo';
import { lastCountedDay, periodInstants, queryInstants, share } from './period';

interface Windows {
  /** The period (instants, end excluded). */
  start: string;
  end: string;
  /** The retention months (instants, end excluded): the month before, and this month through its last counted day. */
  previousStart: string;
  monthStart: string;
  monthEnd: string;
}

interface HistoryRow {
  newClients: number;
  delivered: number;
  repeat: number;
  services: number;
  /** Clients with a delivery in each retention month, and in both. */
  activeBefore: number;
  activeNow: number;
  retained: number;
  /** JSON: [client id, delivered to in the period with one service type, delivered to in each month] of `subscribers`. */
  subscribers: string;
}

/**
 * Each client's projects to the period's end, in one scan, counted per client and then over clients; the clients in
 * `subscribers` (a JSON array of ids) are reported one by one, to be merged with their subscriptions.
 */
function history(sqlite: Sqlite, hubId: number | null, w: Windows, subscribers: string): HistoryRow {
  // A project fact counts for the hub of the project; a new client for the hub of the client.
  const own = hubId === null ? '' : ' AND hub_id = @hub';
  const hubClients = 'client_id IN (SELECT id FROM clients INDEXED BY clients_hub WHERE hub_id = @hub)';
  // A month's period is its own retention month: this month's count is then written as the period's, and SQLite
  // computes the two as one aggregate (~10% of the walk at the massive profile).
  const now = w.monthStart === w.start && w.monthEnd === w.end ? ['@start', '@end'] : ['@monthStart', '@monthEnd'];
  return cached(
    sqlite,
    `SELECT count(*) FILTER (WHERE first >= @start${hubId === null ? '' : ` AND ${hubClients}`}) AS newClients,
            count(*) FILTER (WHERE inPeriod > 0) AS delivered,
            count(*) FILTER (WHERE inPeriod > 0 AND toDate >= 2) AS repeat,
            count(*) FILTER (WHERE inPeriod > 0 AND fewest <> most) AS services,
            count(*) FILTER (WHERE monthBefore > 0) AS activeBefore,
            count(*) FILTER (WHERE monthNow > 0) AS activeNow,
            count(*) FILTER (WHERE monthBefore > 0 AND monthNow > 0) AS retained,
            json_group_array(json_array(client_id, inPeriod > 0 AND fewest = most, monthBefore > 0, monthNow > 0))
              FILTER (WHERE client_id IN (SELECT value FROM json_each(@subscribers))) AS subscribers
       FROM (SELECT client_id, min(created_at) AS first,
                    count(*) FILTER (WHERE delivered_at >= @start AND delivered_at < @end${own}) AS inPeriod,
                    count(*) FILTER (WHERE delivered_at < @end${own}) AS toDate,
                    min(service_id) FILTER (WHERE true${own}) AS fewest,
                    max(service_id) FILTER (WHERE true${own}) AS most,
                    count(*) FILTER (WHERE delivered_at >= @previousStart AND delivered_at < @monthStart${own})
                      AS monthBefore,
                    count(*) FILTER (WHERE delivered_at >= ${now[0]} AND delivered_at < ${now[1]}${own}) AS monthNow
               FROM projects INDEXED BY projects_client
              WHERE stage <> 'cancelled' AND created_at < @end${hubId === null ? '' : ` AND (hub_id = @hub OR ${hubClients})`}
              GROUP BY client_id)`,
  ).get({ ...w, subscribers, ...(hubId === null ? {} : { hub: hubId }) }) as HistoryRow;
}

/**
 * The clients holding a subscription (of the hub's clients) active on `on`, and on some day of each retention
 * month. Each history is replayed by subscriptions/engine (a cancellation on D: last day of service D − 1; a pause
 * is not active).
 */
function subscribers(
  sqlite: Sqlite,
  hubId: number | null,
  on: string,
  months: { before: [string, string]; now: [string, string] },
) {
  const at = new Set<number>();
  const before = new Set<number>();
  const now = new Set<number>();
  const overlaps = (segments: { from: string; to: string }[], [from, to]: [string, string]) =>
    segments.some((s) => s.from <= to && s.to >= from);
  for (const sub of keptSubscriptionReplays(sqlite, hubId, on)) {
    const segments = sub.segments;
    if (overlaps(segments, [on, on])) at.add(sub.clientId);
    if (overlaps(segments, months.before)) before.add(sub.clientId);
    if (overlaps(segments, months.now)) now.add(sub.clientId);
  }
  return { at, before, now };
}

/** `now`: the core's clock; nothing after it has happened, and a period under way is compared as far in. */
export function clientKpis(sqlite: Sqlite, query: PeriodKpisRequest, now: Date): ClientKpis {
  const timeZone = workspaceTimeZone(sqlite);
  const [start, end] = queryInstants(query, timeZone, now);
  const until = lastCountedDay(query, localDate(now, timeZone));
  const begun = until >= query.from;
  // Retention's month holds the last counted day; before the period begins, the period's first month (not shown).
  const month = (begun ? until : query.from).slice(0, 7);
  const before = addMonths(month, -1);
  const [previousStart, monthStart] = periodInstants(`${before}-01`, lastDayOf(before), timeZone);
  const [, dayAfter] = periodInstants(until, until, timeZone);
  // This month ends with its last counted day, or sooner in a period under way (the instant now is into it).
  const monthEnd = earlierDate(dayAfter, end);
  const w: Windows = { start, end, previousStart, monthStart, monthEnd };

  const subs = subscribers(sqlite, query.hubId, until, {
    before: [`${before}-01`, lastDayOf(before)],
    now: [`${month}-01`, until],
  });
  const holders = new Set([...subs.at, ...subs.before, ...subs.now]);
  const h = history(sqlite, query.hubId, w, JSON.stringify([...holders]));

  // The subscribers merged in: an upsell by subscription alone, and the months they were active in without a delivery.
  let subscribersOnly = 0;
  let { activeBefore, activeNow, retained } = h;
  const delivered = new Map<number, [oneService: number, before: number, now: number]>();
  for (const [id, ...flags] of JSON.parse(h.subscribers) as [number, number, number, number][])
    delivered.set(id, flags);
  for (const id of holders) {
    const [oneService, deliveredBefore, deliveredNow] = delivered.get(id) ?? [0, 0, 0];
    if (oneService && subs.at.has(id)) subscribersOnly++;
    const wasActive = deliveredBefore === 1 || subs.before.has(id);
    const isActive = deliveredNow === 1 || subs.now.has(id);
    if (wasActive && !deliveredBefore) activeBefore++;
    if (isActive && !deliveredNow) activeNow++;
    if (wasActive && isActive && !(deliveredBefore && deliveredNow)) retained++;
  }

  return {
    from: query.from,
    to: query.to,
    hubId: query.hubId,
    newClients: h.newClients,
    repeatRate: share(h.repeat, h.delivered),
    upsellRate: {
      ...share(h.services + subscribersOnly, h.delivered),
      services: h.services,
      subscribers: subscribersOnly,
    },
    retention: begun
      ? {
          month,
          previousMonth: before,
          through: until,
          retained: share(retained, activeBefore),
          active: activeNow,
        }
      : null,
  };
}
