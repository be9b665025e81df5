import type { Method } from '../../shared/ipc/methods';
import type { Output, ParsedInput } from '../../shared/ipc/contract';
import type { Workstation } from '../services/workstation';
import { foundationHandlers } from '../services/foundation-handlers';
import { pointsHandlers } from '../services/points/handlers';
import { planHandlers } from '../services/plan/handlers';
import { teamHandlers } from '../services/team/handlers';
import { selfcheckHandlers } from '../services/selfcheck/handlers';

export type Handler<M extends Method> = (ws: Workstation, input: ParsedInput<M>) => Promise<Output<M>> | Output<M>;
export type Handlers = { [M in Method]: Handler<M> };
/** One area's handlers: exactly the methods of its contract block. */
export type AreaHandlers<C> = { [M in keyof C & Method]: Handler<M> };

/** Every method's handler; a method without one is a compile error. */
export const handlers: Handlers = {
  ...foundationHandlers,
  ...pointsHandlers,
  ...planHandlers,
  ...teamHandlers,
  ...selfcheckHandlers,
};
