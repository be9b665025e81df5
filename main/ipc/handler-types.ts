// The shape of a method handler. A leaf file: areas implement these types without importing the registry back.
import type { Method, Output, ParsedInput } from '../../shared/ipc/contract';
import type { Workstation } from '../services/workstation';

export type Handler<M extends Method> = (ws: Workstation, input: ParsedInput<M>) => Promise<Output<M>> | Output<M>;
export type Handlers = { [M in Method]: Handler<M> };
/** One area's handlers: exactly the methods of its contract block. */
export type AreaHandlers<C> = { [M in keyof C & Method]: Handler<M> };
