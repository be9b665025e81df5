import { App as AntApp, type FormInstance } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeliveredFile } from '../shared/domain/files';
import { call, deliver } from './api/call';

/** Loads data with an async function; reload() re-runs it. Errors are kept as a Chinese message. */
export function useLoad<T>(
  load: () => Promise<T>,
  deps: unknown[],
): { data: T | undefined; loading: boolean; error: string | null; reload: () => Promise<void> } {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await loadRef.current());
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, deps);
  return { data, loading, error, reload };
}

/**
 * The app shell's one route-leave guard. The hash router (useHashRoute) asks the registered guard before it changes
 * the screen, the header asks it before it changes the working year (requestLeave), and while a guard is registered
 * the page's unload asks too (beforeunload: the browser's own question in the web host; a native one in Electron,
 * main/index.ts 'will-prevent-unload'). A screen registers a guard only while it has unsaved work: usually through
 * `useUnsavedLeave(dirty, save)` (renderer/components/unsaved.tsx), which asks 保存 / 不保存 / 取消.
 *
 * The guard returns true to let the change happen now; false to keep the screen, and then it asks and calls
 * `proceed` (or navigateAnyway(to) when there is none) if the user chooses to leave.
 */
export type LeaveGuard = (to: string, proceed?: () => void) => boolean;
let leaveGuard: LeaveGuard | null = null;

export function useLeaveGuard(guard: LeaveGuard | null): void {
  useEffect(() => {
    leaveGuard = guard;
    return () => {
      if (leaveGuard === guard) leaveGuard = null;
    };
  }, [guard]);
}

/** Leaves for `path` even though the current screen has unsaved work (the user chose 不保存, or saved). */
export function navigateAnyway(path: string): void {
  leaveGuard = null;
  navigate(path);
}

/** Runs `proceed` (something that replaces the current screen, e.g. a year change) once the screen lets go. */
export function requestLeave(proceed: () => void): void {
  const here = window.location.hash.replace(/^#\/?/, '');
  if (
    !leaveGuard ||
    leaveGuard(here, () => {
      leaveGuard = null;
      proceed();
    })
  )
    proceed();
}

/** The current hash route: '#/plan/12' → ['plan', '12']. */
export function useHashRoute(): string[] {
  const read = () => window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [parts, setParts] = useState(read);
  useEffect(() => {
    const on = (e: HashChangeEvent) => {
      const to = window.location.hash.replace(/^#\/?/, '');
      if (leaveGuard && !leaveGuard(to)) {
        // Back to where the user was, without another hashchange; the screen asks what to do.
        window.history.replaceState(null, '', e.oldURL);
        return;
      }
      setParts(read());
    };
    // Closing or reloading the page with unsaved work: the browser (or Electron's main process) asks first.
    const unload = (e: BeforeUnloadEvent) => {
      if (leaveGuard) e.preventDefault();
    };
    window.addEventListener('hashchange', on);
    window.addEventListener('beforeunload', unload);
    return () => {
      window.removeEventListener('hashchange', on);
      window.removeEventListener('beforeunload', unload);
    };
  }, []);
  return parts;
}

export function navigate(path: string): void {
  window.location.hash = `#/${path.replace(/^\/+/, '')}`;
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
        if (said) message.success(said);
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
