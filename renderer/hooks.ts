import { App as AntApp } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeliveredFile } from '../shared/domain/files';
import { call, deliver } from './api/call';

/** Loads data with an async function; reload() re-runs it. Errors are kept as a Chinese message. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | undefined; loading: boolean; error: string | null; reload: () => Promise<void> } {
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
 * A screen with unsaved work decides whether the route may change (useLeaveGuard). Returning false keeps the
 * screen; it then asks the user and leaves with navigateAnyway().
 */
type LeaveGuard = (to: string) => boolean;
let leaveGuard: LeaveGuard | null = null;

export function useLeaveGuard(guard: LeaveGuard | null): void {
  useEffect(() => {
    leaveGuard = guard;
    return () => { if (leaveGuard === guard) leaveGuard = null; };
  }, [guard]);
}

/** Leaves for `path` even though the current screen has unsaved work (the user chose 不保存, or saved). */
export function navigateAnyway(path: string): void {
  leaveGuard = null;
  navigate(path);
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
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return parts;
}

export function navigate(path: string): void {
  window.location.hash = `#/${path.replace(/^\/+/, '')}`;
}

/** antd's `form.validateFields()` rejects with the failing fields; the form already shows them beside each field. */
export function isFormCheckFailure(e: unknown): boolean {
  return typeof e === 'object' && e !== null && Array.isArray((e as { errorFields?: unknown }).errorFields);
}

/**
 * What to do for one user action: the work (check the form, call the service, update the screen) returns the
 * sentence to show on success, or nothing. A refusal from a service is shown as its Chinese message; a failed form
 * check stays beside its fields (and never becomes an unhandled rejection). Resolves to whether the work finished.
 */
export type RunAction = (work: () => Promise<string | void | undefined>) => Promise<boolean>;

/** The one place every screen turns a click into work plus a success or error message. */
export function useAction(): RunAction {
  const { message } = AntApp.useApp();
  return useCallback(async (work) => {
    try {
      const said = await work();
      if (said) message.success(said);
      return true;
    } catch (e) {
      if (!isFormCheckFailure(e)) message.error(e instanceof Error ? e.message : String(e));
      return false;
    }
  }, [message]);
}

/**
 * Runs a method that produces a file (an export, an attachment, a template) and tells the user where it went,
 * or why it failed, in one place for every screen.
 */
export function useDeliver(): (produce: () => Promise<DeliveredFile>) => Promise<void> {
  const act = useAction();
  return useCallback(async (produce) => {
    await act(async () => deliver(await produce()) ?? undefined);
  }, [act]);
}

/** Saves a stored attachment (evidence, material, original import file) for the user. */
export function useDownloadAttachment(): (id: number) => Promise<void> {
  const save = useDeliver();
  return useCallback((id: number) => save(() => call('attachments.download', { id })), [save]);
}
