// The shape of a method handler: what each area's handlers.ts implements and the transports (main/ipc) call. It sits
// with the services so that they implement it without importing a layer above them.
import type { Method, Output, ParsedInput } from '../../shared/ipc/contract';
import type { Workstation } from './workstation';

type Handler<M extends Method> = (ws: Workstation, input: ParsedInput<M>) => Promise<Output<M>> | Output<M>;
export type Handlers = { [M in Method]: Handler<M> };
/** One area's handlers: exactly the methods of its contract block. */
export type AreaHandlers<C> = { [M in keyof C & Method]: Handler<M> };
