/** Saved views: named filter and sort states of a screen. */
import type { Handlers } from '../../../shared/contract';
import { type CoreContext, readScope, writeScope } from '../context';
import { writeTransaction } from '../db/client';
import { deleteView, listViews, renameView, saveView } from './repo';

export const viewsHandlers = {
  'views/list': ({ screen }, ctx) => listViews(readScope(ctx).sqlite, screen),
  'views/save': (input, ctx) => {
    const w = writeScope(ctx);
    return writeTransaction(w.sqlite, () => saveView(w.sqlite, input, w.at));
  },
  'views/rename': ({ id, name }, ctx) => {
    const w = writeScope(ctx);
    return writeTransaction(w.sqlite, () => renameView(w.sqlite, id, name));
  },
  'views/delete': ({ id }, ctx) => {
    const w = writeScope(ctx);
    return { deleted: writeTransaction(w.sqlite, () => deleteView(w.sqlite, id)) };
  },

  // Listing brings the alerts up to date first: health changes with the calendar, not only with writes.
} satisfies Partial<Handlers<CoreContext>>;
