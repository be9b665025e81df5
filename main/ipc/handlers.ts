// Every method's handler, gathered from the areas (main/areas/index.ts). Loaded once, on first use.
import type { Method } from '../../shared/ipc/contract';
import { AREAS } from '../areas';
import type { Handlers } from '../services/handler-types';

export type { Handlers } from '../services/handler-types';

// A method no area handles is a compile error: the union of every area's handler keys must cover Method.
type HandlersOf<A> = A extends { handlers: () => Promise<infer H> } ? H : never;
type Intersect<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type Covered = keyof Intersect<HandlersOf<(typeof AREAS)[number]>>;
const _everyMethodHandled: [Exclude<Method, Covered>] extends [never] ? true : never = true;
void _everyMethodHandled;

let loaded: Promise<Handlers> | null = null;

/** All handlers, merged from every area (memoised: the areas' modules load once). */
export function loadHandlers(): Promise<Handlers> {
  loaded ??= Promise.all(AREAS.map((a) => a.handlers())).then((parts) => Object.assign({}, ...parts) as Handlers);
  return loaded;
}
