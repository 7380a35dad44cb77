/** KPIs of a period (KPIS.md). */
import type { Handlers } from '../../../shared/contract';
import { type CoreContext, readScope } from '../context';
import { clientKpis } from './clients';
import { financeKpis } from './finance';
import { pipelineKpis } from './pipeline';
import { projectKpis } from './projects';

export const kpisHandlers = {
  'kpis/pipeline': (query, ctx) => pipelineKpis(readScope(ctx).sqlite, query, ctx.now()),
  'kpis/projects': (query, ctx) => projectKpis(readScope(ctx).sqlite, query, ctx.now()),
  'kpis/finance': (query, ctx) => financeKpis(readScope(ctx).sqlite, query, ctx.now()),
  'kpis/clients': (query, ctx) => clientKpis(readScope(ctx).sqlite, query, ctx.now()),
} satisfies Partial<Handlers<CoreContext>>;
