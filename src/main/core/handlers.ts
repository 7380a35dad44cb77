/** Every core method, one map per domain, combined. A missing handler fails to compile. */
import type { Handlers } from '../../shared/contract';
import { appHandlers } from './app/handlers';
import { capacityHandlers } from './capacity/handlers';
import { catalogueHandlers } from './catalogue/handlers';
import { clientsHandlers } from './clients/handlers';
import type { CoreContext } from './context';
import { expensesHandlers } from './expenses/handlers';
import { fxHandlers } from './fx/handlers';
import { hubHandlers } from './hubs/handlers';
import { invoicesHandlers } from './invoices/handlers';
import { kpisHandlers } from './kpis/handlers';
import { leadsHandlers } from './leads/handlers';
import { peopleHandlers } from './people/handlers';
import { projectsHandlers } from './projects/handlers';
import { scoringHandlers } from './scoring/handlers';
import { settingsHandlers } from './settings/handlers';
import { subscriptionsHandlers } from './subscriptions/handlers';
import { viewsHandlers } from './views/handlers';
import { workspaceHandlers } from './workspace/handlers';

export const handlers = {
  ...appHandlers,
  ...workspaceHandlers,
  ...settingsHandlers,
  ...hubHandlers,
  ...peopleHandlers,
  ...catalogueHandlers,
  ...clientsHandlers,
  ...viewsHandlers,
  ...subscriptionsHandlers,
  ...invoicesHandlers,
  ...expensesHandlers,
  ...fxHandlers,
  ...leadsHandlers,
  ...projectsHandlers,
  ...scoringHandlers,
  ...capacityHandlers,
  ...kpisHandlers,
} satisfies Handlers<CoreContext>;
