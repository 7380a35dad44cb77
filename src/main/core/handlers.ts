/** Every core method, one map per domain, combined. A missing handler fails to compile. */
import type { Handlers } from '../../shared/contract';
import { appHandlers } from './app/handlers';
import { catalogueHandlers } from './catalogue/handlers';
import type { CoreContext } from './context';
import { hubHandlers } from './hubs/handlers';
import { moneyHandlers } from './money-handlers';
import { peopleHandlers } from './people/handlers';
import { settingsHandlers } from './settings/handlers';
import { workspaceHandlers } from './workspace/handlers';

export const handlers = {
  ...appHandlers,
  ...workspaceHandlers,
  ...settingsHandlers,
  ...hubHandlers,
  ...peopleHandlers,
  ...catalogueHandlers,
  ...moneyHandlers,
} satisfies Handlers<CoreContext>;
