import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { AppStatus } from '../shared/ipc/contracts/foundation';
import { call, onStatusStale } from './api/call';

interface AppState {
  status: AppStatus | null;
  loadError: string | null;
  /** Reloads app.status (after setup, a year change, a restore). */
  refresh(): Promise<void>;
}

const Ctx = createContext<AppState | null>(null);

/**
/**
 * How often the status is read again on its own: another copy of the workstation may close (a read-only copy can
 * then write), or the data file be replaced under this one; the screens follow without a click.
 */
const STATUS_POLL_MS = 15_000;

/**
 * `first`: an app.status call already on its way (started before the first render, renderer/main.tsx), used instead of
 * a new one; `ready`: its answer when it came before the first render.
 */
export function AppStatusProvider({
  children,
  first,
  ready,
}: {
  children: ReactNode;
  first?: Promise<AppStatus>;
  ready?: AppStatus;
}) {
  const [status, setStatus] = useState<AppStatus | null>(ready ?? null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // The last status as text: a poll that finds nothing new must not re-render every screen.
  const last = useRef('');
  const refresh = useCallback(async () => {
    try {
      const next = await call('app.status');
      const text = JSON.stringify(next);
      if (text !== last.current) {
        last.current = text;
        setStatus(next);
      }
      setLoadError(null);
    } catch (e) {
      setLoadError((e as Error).message);
    }
  }, []);
  useEffect(() => {
    if (ready) last.current = JSON.stringify(ready);
    else if (first)
      first.then(
        (s) => {
          last.current = JSON.stringify(s);
          setStatus(s);
          setLoadError(null);
        },
        (e: unknown) => setLoadError((e as Error).message),
      );
    else void refresh();
    const timer = setInterval(() => void refresh(), STATUS_POLL_MS);
    // A call answered "in use / read-only / replaced": the status changed, show it now.
    const stop = onStatusStale(() => void refresh());
    return () => {
      clearInterval(timer);
      stop();
    };
    // Only the first mount uses the call started before it.
  }, [refresh]);
  return <Ctx.Provider value={{ status, loadError, refresh }}>{children}</Ctx.Provider>;
}

export function useAppStatus(): AppState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useAppStatus outside AppStatusProvider');
  return v;
}

/** The working year chosen in the header (set up on first run). */
export function useYear(): number {
  const { status } = useAppStatus();
  return status?.year ?? new Date().getFullYear();
}
