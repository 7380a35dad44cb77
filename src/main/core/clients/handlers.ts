/** Clients, their health, and the alerts list (client alerts kept up to date by every write). */
import type { Handlers } from '../../../shared/contract';
import { capacityAlertsStale, syncCapacityAlerts } from '../capacity/alerts';
import { act, type CoreContext, onEveryWrite, readScope, writeScope } from '../context';
import { writeTransaction } from '../db/client';
import { workspaceToday } from '../fx/clock';
import {
  clientRow,
  createClient,
  dismissAlerts,
  getClient,
  listAlerts,
  listClients,
  lookupClients,
  syncClientAlertsAfterWrite,
  updateClient,
} from './repo';

// Health moves with writes (payments, deliveries, subscriptions): every action brings the alerts of the clients it
// touched up to date.
onEveryWrite(syncClientAlertsAfterWrite);

export const clientsHandlers = {
  'clients/list': ({ asOf }, ctx) => {
    const r = readScope(ctx);
    return listClients(r.sqlite, asOf ?? r.today);
  },
  'clients/get': ({ id, asOf }, ctx) => {
    const r = readScope(ctx);
    return getClient(r.sqlite, id, asOf ?? r.today);
  },
  'clients/lookup': ({ search, limit }, ctx) => lookupClients(readScope(ctx).sqlite, search, limit),
  'clients/create': (input, ctx) => act(ctx, (w) => clientRow(w.sqlite, createClient(w.sqlite, input, w), w.today)),
  'clients/update': (input, ctx) =>
    act(ctx, (w) => {
      updateClient(w.sqlite, input, w);
      return clientRow(w.sqlite, input.id, w.today);
    }),
  'alerts/list': ({ entity }, ctx) => {
    // Lead alerts follow the writes that raise them. Client alerts also follow the date (once a day, every client), and
    // capacity alerts (people and the team) look at the coming seven days: both are brought up to date first.
    const clients = entity === undefined || entity === 'client';
    const r = readScope(ctx);
    const capacity =
      (entity === undefined || entity === 'person' || entity === 'team') && capacityAlertsStale(r.sqlite, r.today);
    if (!clients && !capacity) return listAlerts(r.sqlite, entity);
    const w = writeScope(ctx);
    const today = workspaceToday(w.sqlite, ctx.now());
    return writeTransaction(w.sqlite, () => {
      if (clients) syncClientAlertsAfterWrite(w.sqlite, today, w.at);
      if (capacity) syncCapacityAlerts(w.sqlite, today, w.at);
      return listAlerts(w.sqlite, entity);
    });
  },
  'alerts/dismiss': ({ ids }, ctx) => {
    const w = writeScope(ctx);
    return { dismissed: writeTransaction(w.sqlite, () => dismissAlerts(w.sqlite, ids, w.at)) };
  },
} satisfies Partial<Handlers<CoreContext>>;
