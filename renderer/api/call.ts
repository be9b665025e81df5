import type { DeliveredFile } from '../../shared/domain/files';
import type { Input, Method, Output } from '../../shared/ipc/contract';
import { ErrorCode } from '../../shared/ipc/errors';
import { AppError, type Result } from '../../shared/ipc/result';
import { READ_METHODS } from '../../shared/ipc/reads';

interface Bridge {
  host: 'electron';
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
}

declare global {
  interface Window {
    api?: Bridge;
  }
}

const TOKEN_KEY = 'zwgk-token';

/**
 * The web host's per-launch token arrives once in the URL (?token=…); keep it for this tab and take it out of
 * the address bar so it is not bookmarked or shown.
 */
function webToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}
const token = typeof window !== 'undefined' && !window.api ? webToken() : '';

type Invoke = (method: string, input: unknown) => Promise<Result<unknown>>;
/** Set where the host draws the first screen itself (renderer/first-screen/draw.tsx): its dispatch, not a request. */
let onHost: Invoke | null = null;
export function answerCallsOnHost(invoke: Invoke): void {
  onHost = invoke;
}

async function invoke(method: Method, input: unknown): Promise<Result<unknown>> {
  if (onHost) return onHost(method, input);
  if (window.api) return window.api.invoke(method, input);
  let res: Response;
  try {
    res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Zwgk-Token': token },
      body: input === undefined ? '' : JSON.stringify(input),
    });
  } catch {
    return {
      ok: false,
      error: {
        code: ErrorCode.HOST_UNREACHABLE,
        message:
          '无法连接政务公开工作台的后台程序，它可能已经关闭，这次操作没有完成。请关闭这个页面，重新启动政务公开工作台后再试。',
      },
    };
  }
  try {
    return (await res.json()) as Result<unknown>;
  } catch {
    return {
      ok: false,
      error: {
        code: 'HOST_BAD_RESPONSE',
        message:
          '政务公开工作台的后台程序返回了无法识别的内容，这次操作没有完成。请重试；若反复出现，请重新启动政务公开工作台。',
      },
    };
  }
}

/** Answers that mean the data file's status changed (written elsewhere, read-only here, replaced): re-read it. */
const STATUS_CODES = new Set<string>([ErrorCode.DB_IN_USE, ErrorCode.READ_ONLY, ErrorCode.DB_REPLACED]);
const staleListeners = new Set<() => void>();

/** Hears when a call's answer means app.status changed (the app shell refreshes it); returns the unsubscribe. */
export function onStatusStale(listener: () => void): () => void {
  staleListeners.add(listener);
  return () => staleListeners.delete(listener);
}

/** How many calls of methods that may write have started or ended (READ_METHODS lists the others). */
let writes = 0;

/**
 * A number that changes whenever a call that may write starts or ends: an answer read while it stayed the same may be
 * kept for later (useLoad's cache); any other may be stale.
 */
export function writeCount(): number {
  return writes;
}

// ---- reads shared and asked for ahead (issue 22) ----
// Two components asking for the same read while it is on its way share that one request (the home screen's cards all
// quote summary.dashboard), each getting its own copy of the answer. And a cold start knows which screen comes first
// before that screen is drawn: it asks for the screen's reads at once (readAhead), while the window is still being
// built, instead of after the screen's first render, and every useLoad asks for its reads in its first render, not
// after the whole screen is committed; the loader's own calls of the same method with the same input then take those
// answers, as many times as they were asked ahead, within a few seconds. Neither is used once anything
// may have been written since the read was asked for (writeCount): then it is asked afresh.
interface Shared {
  writes: number;
  answer: Promise<Result<unknown>>;
}
const onTheirWay = new Map<string, Shared>();
const ahead = new Map<string, Shared & { uses: number; until: number }>();
const AHEAD_MS = 5000;
/** While a loader runs only to ask ahead: 'count' adds a use to a read already asked ahead, 'once' does not. */
let collecting: false | 'count' | 'once' = false;

/**
 * Runs `load` (a screen's or a card's loader) now, only to start its reads; what it returns is dropped. Only the
 * calls it makes before its first await are asked ahead (a loader's reads are usually one Promise.all). Each call asked
 * ahead is one answer for one later call; `once` (useLoad's first render, whose own run follows) asks only for what is
 * not asked ahead already: adding a use there left an answer over, which a later screen took, older than its data.
 */
export function readAhead(load: () => Promise<unknown>, once = false): void {
  collecting = once ? 'once' : 'count';
  try {
    void load().catch(() => undefined);
  } catch {
    // A loader that fails at once: its screen will ask again and show the error.
  } finally {
    collecting = false;
  }
}

function read(method: Method, input: unknown): Promise<Result<unknown>> {
  const key = `${method}\n${JSON.stringify(input ?? null)}`;
  // An answer asked ahead expires when it is next looked up, not by a timer of its own (a cold start asks a dozen reads
  // ahead while the page is at its busiest).
  let early = ahead.get(key);
  if (early && performance.now() > early.until) {
    ahead.delete(key);
    early = undefined;
  }
  if (collecting) {
    if (early && early.writes === writes) {
      if (collecting === 'count') early.uses++;
      return early.answer;
    }
    const answer = invoke(method, input);
    ahead.set(key, { writes, answer, uses: 1, until: performance.now() + AHEAD_MS });
    return answer;
  }
  if (early) {
    if (--early.uses <= 0) ahead.delete(key);
    if (early.writes === writes) return early.answer.then(structuredClone);
  }
  const going = onTheirWay.get(key);
  if (going && going.writes === writes) return going.answer.then(structuredClone);
  const answer = invoke(method, input);
  onTheirWay.set(key, { writes, answer });
  void answer.finally(() => {
    if (onTheirWay.get(key)?.answer === answer) onTheirWay.delete(key);
  });
  return answer;
}
// ---- end of reads shared and asked for ahead ----

function send(method: Method, input: unknown): Promise<Result<unknown>> {
  if (READ_METHODS.has(method)) return read(method, input);
  // Only reads are asked ahead: a loader's call that may write waits for the loader's real run.
  if (collecting) return Promise.reject(new Error('not a read'));
  writes++;
  return invoke(method, input).finally(() => writes++);
}

/** Calls one IPC method; returns its value or throws AppError (code + Chinese message). */
export async function call<M extends Method>(
  method: M,
  ...input: undefined extends Input<M> ? [Input<M>?] : [Input<M>]
): Promise<Output<M>> {
  const r = await send(method, input[0]);
  if (!r.ok) {
    if (STATUS_CODES.has(r.error.code) && method !== 'app.status') for (const l of staleListeners) l();
    throw new AppError(r.error.code, r.error.message, r.error.details);
  }
  return r.value as Output<M>;
}

/** Reads a File (picker or drag-and-drop) into the upload shape every import method takes. */
export async function toUpload(file: File): Promise<{ fileName: string; dataBase64: string }> {
  const buf = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < buf.length; i += chunk) binary += String.fromCharCode(...buf.subarray(i, i + chunk));
  return { fileName: file.name, dataBase64: btoa(binary) };
}

/**
 * Finishes a produced file on the renderer side: the web host offers a download link, Electron already saved it.
 * Returns a sentence to show the user, or null when the user cancelled the save dialog.
 */
export function deliver(file: DeliveredFile): string | null {
  if (file.status === 'cancelled') return null;
  if (file.status === 'download' && file.downloadUrl) {
    const a = document.createElement('a');
    a.href = `${file.downloadUrl}?token=${encodeURIComponent(token)}`;
    a.download = file.fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    return `已生成“${file.fileName}”，请在浏览器的下载中查看。`;
  }
  return `已保存到：${file.path ?? file.fileName}`;
}

export { AppError };
