import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { AppStatus } from '../shared/ipc/contracts/foundation';
import { call } from './api/call';

interface AppState {
  status: AppStatus | null;
  loadError: string | null;
  /** Reloads app.status (after setup, a year change, a restore). */
  refresh(): Promise<void>;
}

const Ctx = createContext<AppState | null>(null);

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
  const refresh = useCallback(async () => {
    try {
      setStatus(await call('app.status'));
      setLoadError(null);
    } catch (e) {
      setLoadError((e as Error).message);
    }
  }, []);
  useEffect(() => {
    if (ready) return;
    if (!first) {
      void refresh();
      return;
    }
    first.then(
      (s) => {
        setStatus(s);
        setLoadError(null);
      },
      (e: unknown) => setLoadError((e as Error).message),
    );
    // Only the first mount uses the call started before it.
  }, []);
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
