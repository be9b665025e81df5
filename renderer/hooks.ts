import { App as AntApp, type FormInstance } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeliveredFile } from '../shared/domain/files';
import { call, deliver, readAhead, writeCount } from './api/call';

// ---- useLoad and the answers it keeps (issue 22) ----
// A screen opened a second time shows the answers it had at once and asks again quietly; the new answer replaces them
// only if it differs. Nothing stale is ever shown as current after a save: any call of a method that may write
// (everything not in shared/ipc/reads.ts) makes every kept answer unusable (writeCount), and a load that was on its
// way while a write started or ended is not kept either.

/** Kept answers (as JSON, so each screen gets its own copy), by call site, loader and inputs; oldest dropped first. */
const kept = new Map<string, { json: string; writes: number }>();
const KEPT_MAX = 300;

// The first screen drawn on the host (renderer/first-screen/draw.tsx) is drawn with its data, as a screen opened again
// is: a pass draws, the loads it met without a kept answer are run, their answers kept, and the next pass draws with
// them, until a pass meets none (a card that loads more once it has data takes another pass). The loads a drawing met
// are run first in the next drawing, which then usually takes one pass.
type Loads = Map<string, () => Promise<unknown>>;
/** While a pass draws: the loads it met, with and without a kept answer. */
let pass: { answered: Loads; unanswered: Loads } | null = null;
let loadsMetLastTime: Loads = new Map();

/** Inputs a key can be made of: plain data (a function or an instance would not say what was loaded). */
function isPlainData(v: unknown, depth = 0): boolean {
  if (v === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof v)) return true;
  if (depth > 4 || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.every((x) => isPlainData(x, depth + 1));
  const proto = Object.getPrototypeOf(v) as unknown;
  return (proto === Object.prototype || proto === null) && Object.values(v).every((x) => isPlainData(x, depth + 1));
}

function keptKey(site: string, load: () => unknown, deps: unknown[]): string | null {
  return deps.every((d) => isPlainData(d)) ? `${site}\n${load.toString()}\n${JSON.stringify(deps)}` : null;
}

function keptAnswer<T>(key: string | null): { data: T; json: string } | null {
  const k = key === null ? undefined : kept.get(key);
  if (!k || k.writes !== writeCount()) return null;
  return { data: JSON.parse(k.json) as T, json: k.json };
}

function keep(key: string, json: string, writes: number): void {
  kept.delete(key);
  kept.set(key, { json, writes });
  if (kept.size > KEPT_MAX) kept.delete(kept.keys().next().value!);
}

/** Loads on their way (any component), and who waits for there to be none. */
let loadsInFlight = 0;
let onSettled: (() => void)[] = [];

/** Runs `then` once no useLoad is loading: at once if none is, else when the last one on its way has answered. */
export function whenLoadsSettle(then: () => void): void {
  if (loadsInFlight === 0) then();
  else onSettled.push(then);
}

function loadEnded(): void {
  if (--loadsInFlight > 0) return;
  const waiting = onSettled;
  onSettled = [];
  for (const f of waiting) f();
}

function toJson(v: unknown): string | undefined {
  try {
    return v === undefined ? undefined : JSON.stringify(v);
  } catch {
    return undefined;
  }
}

/**
 * Loads data with an async function when the screen opens and whenever `deps` change; reload() loads again and shows
 * `loading` meanwhile. Errors are kept as a Chinese message. The answer is kept for the next time the same component
 * loads the same thing (see above): then `data` is there from the first render, `loading` is false, and a quiet
 * reload runs in the background.
 */
export function useLoad<T>(
  load: () => Promise<T>,
  deps: unknown[],
): { data: T | undefined; loading: boolean; error: string | null; reload: () => Promise<void> } {
  // Where the component called useLoad (the stack's third line: Error, useLoad, the caller), so that two components
  // whose loaders read alike keep their answers apart.
  const site = useRef<string | null>(null);
  site.current ??= new Error().stack?.split('\n')[2]?.trim() ?? '';
  const key = keptKey(site.current, load, deps);
  const [first] = useState(() => keptAnswer<T>(key));
  if (pass && key !== null) (first ? pass.answered : pass.unanswered).set(key, load);
  // Without a kept answer, the first render asks for the load's reads at once (readAhead), while React goes on building
  // the screen; the effect's load below takes their answers. After a click React builds and commits the whole new
  // screen before any effect runs: the requests of 实施方案's first opening left ≈ 50 ms after the click, and those of
  // 单位与人员 ≈ 120 ms after.
  const askedAhead = useRef(false);
  if (!askedAhead.current) {
    askedAhead.current = true;
    if (!first && !pass) readAhead(load, true);
  }
  const [data, setData] = useState<T | undefined>(first?.data);
  const [loading, setLoading] = useState(!first);
  const [error, setError] = useState<string | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;
  const keyRef = useRef(key);
  keyRef.current = key;
  /** JSON of the data on screen: a quiet reload with the same answer changes nothing. */
  const shown = useRef(first?.json);
  /** Only the last load started may set the screen's data (an older answer arriving late is dropped). */
  const latest = useRef(0);

  const run = useCallback(async (quiet: boolean) => {
    const mine = ++latest.current;
    const key = keyRef.current;
    const writes = writeCount();
    if (!quiet) setLoading(true);
    loadsInFlight++;
    try {
      const value = await loadRef.current();
      if (mine !== latest.current) return;
      const json = toJson(value);
      if (key !== null && json !== undefined && writes === writeCount()) keep(key, json, writes);
      if (!quiet || json === undefined || json !== shown.current) {
        shown.current = json;
        setData(value);
      }
      setError(null);
    } catch (e) {
      if (mine === latest.current) setError((e as Error).message);
    } finally {
      if (mine === latest.current) setLoading(false);
      loadEnded();
    }
  }, []);
  const reload = useCallback(() => run(false), [run]);
  useEffect(() => {
    const hit = keptAnswer<T>(keyRef.current);
    if (!hit) {
      void run(false);
      return;
    }
    if (hit.json !== shown.current) {
      shown.current = hit.json;
      setData(hit.data);
    }
    setLoading(false);
    // The quiet reload waits until the screen has been painted: after a click React runs this effect before the
    // paint, and the reload's requests held the opened screen back (a second opening's trace: 5–20 ms).
    return afterPaint(() => void run(true));
  }, deps);
  return { data, loading, error, reload };
}

/** Runs `then` once the next frame has been painted (a document out of sight paints nothing: then not before it is
 * shown); returns the cancel. */
export function afterPaint(then: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(then, 0)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * Draws (`draw`: a renderToString of the app) until every useLoad in it has its answer. Null when a load fails or
 * `passes` were not enough: the window then draws the screen itself, as without this.
 */
export async function drawWithAnswers(draw: () => string, passes = 4): Promise<string | null> {
  kept.clear();
  const answer = async (loads: Loads) => {
    const answers = await Promise.all([...loads.values()].map((load) => load().then(toJson)));
    [...loads.keys()].forEach((key, i) => {
      if (answers[i] !== undefined) keep(key, answers[i], writeCount());
    });
  };
  try {
    await answer(loadsMetLastTime);
    for (let i = 0; i < passes; i++) {
      pass = { answered: new Map(), unanswered: new Map() };
      const html = draw();
      const met = pass;
      pass = null;
      if (met.unanswered.size === 0) {
        loadsMetLastTime = met.answered;
        return html;
      }
      await answer(met.unanswered);
    }
    return null;
  } catch {
    loadsMetLastTime = new Map();
    return null;
  } finally {
    pass = null;
    // The host's copy of this module serves the next window too: nothing it read may be shown there as current.
    kept.clear();
  }
}
// ---- end of useLoad ----

/**
 * The app shell's one route-leave guard. Every way of leaving a screen asks the registered guards first: the hash
 * router's `navigate` (the side menu, links, a screen's tabs) before it changes the route, back/forward (which it
 * undoes until the user has answered), the header's year box and a screen's own year (`requestLeave`), and while a
 * guard has unsaved work the page's unload (beforeunload: the browser's own question in the web host; a native one in
 * Electron, main/index.ts 'will-prevent-unload'). Screens, dialogs and drawers register a guard through
 * `useUnsavedLeave(dirty, save)` (renderer/components/unsaved.tsx), which asks 保存 / 不保存 / 取消.
 *
 * A guard returns true to let the change happen now; false to keep the screen, and then it asks and calls `proceed`
 * if the user chooses to leave. Guards stack (a dialog over a screen): the innermost asks first, then the next.
 */
export type LeaveGuard = (to: string, proceed: () => void) => boolean;
interface GuardEntry {
  guard: LeaveGuard;
  /** Whether it holds unsaved work now (for beforeunload, which cannot wait for an answer). */
  dirty: () => boolean;
}
const guards: GuardEntry[] = [];

/** Registers a guard while `guard` is not null; `dirty` says whether closing the page should ask (default: always). */
export function useLeaveGuard(guard: LeaveGuard | null, dirty?: () => boolean): void {
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  useEffect(() => {
    if (!guard) return;
    const entry: GuardEntry = { guard, dirty: () => dirtyRef.current?.() ?? true };
    guards.push(entry);
    return () => {
      const i = guards.indexOf(entry);
      if (i >= 0) guards.splice(i, 1);
    };
  }, [guard]);
}

/** Whether any screen, dialog or drawer holds unsaved work now. */
export function hasUnsavedWork(): boolean {
  return guards.some((g) => g.dirty());
}

/** Asks the guards from the innermost out; true when all let go at once, else `proceed` runs once all have. */
function passGuards(to: string, proceed: () => void, below = guards.length): boolean {
  for (let i = below - 1; i >= 0; i--) {
    const entry = guards[i];
    if (!entry) continue;
    if (!entry.guard(to, () => passGuards(to, proceed, i) && proceed())) return false;
  }
  return true;
}

/** The route in the address: '#/plan/12' → 'plan/12'. */
function currentRoute(): string {
  // The host drawing the first screen (renderer/first-screen) has no address: that screen is the home screen.
  if (typeof window === 'undefined') return '';
  return window.location.hash.replace(/^#\/?/, '');
}

// The router keeps a position on every history entry it makes, so a back/forward the user must first answer for can
// be undone by the same number of steps (and redone once they have).
const POSITION = 'zwgkPosition';
let position = 0;
let routeListeners: (() => void)[] = [];
/** Set while the router itself moves through history: the popstate it causes is not a user's move. */
let replaying: 'undo' | 'redo' | null = null;

function positionOf(state: unknown): number | null {
  const p = (state as Record<string, unknown> | null)?.[POSITION];
  return typeof p === 'number' ? p : null;
}

function announce(): void {
  for (const l of routeListeners) l();
}

function onPopState(e: PopStateEvent): void {
  if (replaying === 'undo') {
    replaying = null;
    return;
  }
  let target = positionOf(e.state);
  if (target === null) {
    // A new entry the router did not make (an address typed or set by hand): it comes after the current one.
    target = position + 1;
    window.history.replaceState({ [POSITION]: target }, '');
  }
  const steps = target - position;
  if (replaying === 'redo' || steps === 0) {
    // A move the guards already allowed.
    replaying = null;
    position = target;
    announce();
    return;
  }
  const ok = passGuards(currentRoute(), () => {
    replaying = 'redo';
    window.history.go(steps);
  });
  if (ok) {
    position = target;
    announce();
    return;
  }
  // Back where the user was until they answer; the screen asks what to do.
  replaying = 'undo';
  window.history.go(-steps);
}

let routerStarted = false;
function startRouter(): void {
  if (routerStarted) return;
  routerStarted = true;
  position = positionOf(window.history.state) ?? 0;
  window.history.replaceState({ ...(window.history.state ?? {}), [POSITION]: position }, '');
  window.addEventListener('popstate', onPopState);
  // Closing or reloading the page with unsaved work: the browser (or Electron's main process) asks first.
  window.addEventListener('beforeunload', (e) => {
    if (hasUnsavedWork()) e.preventDefault();
  });
  // A plain link to a route (<a href="#/plan/task/3">) goes through navigate, so the guards ask before it moves.
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest?.('a[href^="#/"]');
    if (!a || (a as HTMLAnchorElement).target) return;
    e.preventDefault();
    navigate(a.getAttribute('href')!.slice(2));
  });
}

/** Runs `proceed` (something that replaces the current screen, e.g. a year change) once the screen lets go. */
export function requestLeave(proceed: () => void): void {
  if (passGuards(currentRoute(), proceed)) proceed();
}

/** The current hash route: '#/plan/12' → ['plan', '12']. */
export function useHashRoute(): string[] {
  const read = () => currentRoute().split('/').filter(Boolean);
  const [parts, setParts] = useState(read);
  useEffect(() => {
    startRouter();
    const on = () => setParts(read());
    routeListeners.push(on);
    on();
    return () => {
      routeListeners = routeListeners.filter((l) => l !== on);
    };
  }, []);
  return parts;
}

function pushRoute(to: string): void {
  if (to === currentRoute()) return;
  window.history.pushState({ [POSITION]: ++position }, '', `#/${to}`);
  announce();
}

/** Opens a route (#/<path>) after the leave guards have let go of the current screen. */
export function navigate(path: string): void {
  const to = path.replace(/^[#/]+/, '');
  if (to === currentRoute()) return;
  if (passGuards(to, () => pushRoute(to))) pushRoute(to);
}

/** Opens a route without asking: the user already answered (不保存, or saved). */
export function navigateAnyway(path: string): void {
  pushRoute(path.replace(/^[#/]+/, ''));
}

/** Puts `path` in the address in place of the current route (no new history entry, no question). */
function replaceRoute(path: string): void {
  window.history.replaceState({ [POSITION]: position }, '', `#/${path}`);
  announce();
}

const tabKey = (base: string) => `zwgk.tab.${base}`;

/** The tab a screen with tabs opens on without one named: the one the user was on last in this window, else the first. */
export function openingTab<T extends string>(base: string, tabs: readonly T[]): T {
  const remembered = window.sessionStorage.getItem(tabKey(base));
  return (tabs as readonly (string | null)[]).includes(remembered) ? (remembered as T) : tabs[0];
}

/**
 * A screen's tabs as part of its route (#/<base>/<tab>/…): back/forward move between tabs, changing tab goes through
 * the leave guard like any route, and opening the screen again (from the menu, after a reload) shows the tab the user
 * was on last in this window.
 */
export function useRouteTab<T extends string>(
  base: string,
  tabs: readonly T[],
  params: string[],
): [T, (tab: T) => void] {
  const named = (tabs as readonly string[]).includes(params[0]) ? (params[0] as T) : null;
  const tab = named ?? openingTab(base, tabs);
  useEffect(() => {
    window.sessionStorage.setItem(tabKey(base), tab);
    if (!named) replaceRoute(`${base}/${tab}`);
  }, [base, tab, named]);
  return [tab, useCallback((t: T) => navigate(`${base}/${t}`), [base])];
}

/** antd's `form.validateFields()` rejects with the failing fields; the form already shows them beside each field. */
function isFormCheckFailure(e: unknown): boolean {
  return typeof e === 'object' && e !== null && Array.isArray((e as { errorFields?: unknown }).errorFields);
}

/**
 * Where a refusal goes, for the few actions that do not show it as a passing message: an import dialog keeps it in
 * an Alert beside the file (onError); a long refusal naming rows stays longer (errorSeconds).
 */
export interface ActOptions {
  onError?: (message: string) => void;
  errorSeconds?: number;
}

/**
 * What to do for one user action: the work (check the form, call the service, update the screen) returns the
 * sentence to show on success, or nothing. A refusal from a service is shown as its Chinese message; a failed form
 * check stays beside its fields (and never becomes an unhandled rejection). Resolves to whether the work finished.
 */
export type RunAction = (work: () => Promise<string | void | undefined>, options?: ActOptions) => Promise<boolean>;

/** The one place every screen turns a click into work plus a success or error message. */
export function useAction(): RunAction {
  const { message } = AntApp.useApp();
  return useCallback(
    async (work, options) => {
      try {
        const said = await work();
        // A sentence that says what to do next (请到“AB岗”办理交接) stays long enough to be read, not antd's 3 s.
        if (said) message.success(said, said.length > 30 ? 8 : undefined);
        return true;
      } catch (e) {
        if (isFormCheckFailure(e)) return false;
        const text = e instanceof Error ? e.message : String(e);
        if (options?.onError) options.onError(text);
        else if (options?.errorSeconds) message.error(text, options.errorSeconds);
        else message.error(text);
        return false;
      }
    },
    [message],
  );
}

/**
 * useAction for screens whose buttons show which action is under way: run(key, work) marks `key` busy until the
 * work has finished, so a button shows `loading={busy === key}` and the others can stay usable.
 */
export function useBusyAction<K extends string>(): [
  busy: K | null,
  run: (key: K, work: () => Promise<string | void | undefined>, options?: ActOptions) => Promise<boolean>,
] {
  const act = useAction();
  const [busy, setBusy] = useState<K | null>(null);
  const run = useCallback(
    async (key: K, work: () => Promise<string | void | undefined>, options?: ActOptions) => {
      setBusy(key);
      const done = await act(work, options);
      setBusy(null);
      return done;
    },
    [act],
  );
  return [busy, run];
}

/**
 * Checks a form whose failing fields may be out of sight (a long page, a card above the list): the failure is also
 * said once as `sentence`, instead of only in red beside each field.
 */
export async function checkForm<T>(form: FormInstance<T>, sentence: string): Promise<T> {
  try {
    return await form.validateFields();
  } catch {
    throw new Error(sentence);
  }
}

/** The work of producing a file (an export, a template, a copy): the sentence says where it went; none if cancelled. */
export async function produceFile(produce: () => Promise<DeliveredFile>): Promise<string | undefined> {
  return deliver(await produce()) ?? undefined;
}

/**
 * Runs a method that produces a file (an export, an attachment, a template) and tells the user where it went,
 * or why it failed, in one place for every screen.
 */
export function useDeliver(): (produce: () => Promise<DeliveredFile>) => Promise<void> {
  const act = useAction();
  return useCallback(
    async (produce) => {
      await act(() => produceFile(produce));
    },
    [act],
  );
}

/** Saves a stored attachment (evidence, material, original import file) for the user. */
export function useDownloadAttachment(): (id: number) => Promise<void> {
  const save = useDeliver();
  return useCallback((id: number) => save(() => call('attachments.download', { id })), [save]);
}
