// The home screen drawn by the host into the page a window opens (issue 22; renderer/first-screen/draw.tsx says why).
// The drawing code (React, antd, ECharts: out/first-screen/draw.cjs) runs in a worker thread of its own: loading it
// takes ≈ 0.5 s and a drawing ≈ 0.1 s, and the host goes on answering calls meanwhile. The worker's reads come back here
// and go through the same dispatch() as the window's.
//
// The page is sent in two parts: its head once app.status has said whether a drawing can come (a moment; the window
// fetches the stylesheet and the start-up code while the screen is drawn), then the body with the drawn screen. The
// last drawing is kept with what it was drawn from (the data file's stamp, app.status, the day, the stylesheets): a
// window opened while none of them changed gets it at once, as the web host's first window does (the worker's first
// drawing is made for it; the host starts it, warm()). Nothing waits for the worker unless it is ready: a window opened
// while it still loads gets the page as built, and draws its screen itself as it always did; so does one whose drawing
// fails or takes longer than DRAW_LIMIT_MS.
//
// A drawing comes with the part of the page's stylesheet it uses (renderer/first-screen/critical-css.ts, matched in the
// worker), inline before it: the whole stylesheet (antd's, ≈ 1 MB) then does not hold back the drawn screen's first
// paint. The head names it as held back (media="print", fetched at once through a preload); renderer/early.ts applies
// it once loaded and drops the inline part, and the window's render takes over only after that (take-over.ts). The
// head is sent before a new drawing is made: if none comes, the body begins with the stylesheet as built (a stylesheet
// in the body holds back the paint of what follows it and the start-up code, as the head's did). A page that can have
// no drawing (the worker not ready, no kept drawing of the same data) keeps its head as built.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AppStatus } from '../../shared/ipc/contracts/foundation';
import type { Result } from '../../shared/ipc/result';
import { fileUnderRoot } from './static-files';

type Invoke = (method: string, input: unknown) => Promise<Result<unknown>>;

interface Drawn {
  html: string;
  styles: string;
  /** The part of the page's stylesheets the drawing uses; null when one of them could not be read. */
  critical: string | null;
}

type FromWorker =
  | { kind: 'ready' }
  | { kind: 'call'; id: number; method: string; input: unknown }
  | { kind: 'drawn'; id: number; drawn: Drawn | null };

/**
 * The longest a page waits for a new drawing (a warm one takes ≈ 0.1 s) before it is sent as built. A kept drawing is
 * always sent.
 */
const DRAW_LIMIT_MS = 1000;
/** A worker nobody asked to draw for this long is ended (its memory given back); the next page starts it again. */
const IDLE_MS = 5 * 60_000;
/** Where the root element's content begins in the built index.html: the drawn screen goes there. */
const ROOT = '<div id="root">';
/**
 * The page's start-up code (renderer/main.tsx's chunk; renderer/early.ts comes before it). Served through here it is
 * only fetched and compiled at first, and early.ts starts it after the drawn screen's first paint.
 */
const START_CODE = /<script type="module" crossorigin src="(\.\/assets\/index-[^"]+\.js)"><\/script>/;
/** The spinner the built page shows in it until the window's code has drawn (renderer/index.html). */
const OPENING = /^<div class="zwgk-opening"[^>]*>[^<]*<\/div>/;
/** The built page's stylesheets (antd's, and any other the build writes), in its head. */
const STYLESHEET = /<link rel="stylesheet"([^>]*) href="([^"]+)"([^>]*)>/g;
/** The id of the inline part of the stylesheets a drawing uses (renderer/early.ts removes it). */
const CRITICAL_ID = 'zwgk-critical-css';

// The worker: loads the drawing code, forwards its reads to the host and answers drawings. CommonJS (eval: true).
const WORKER_CODE = `
const fs = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const { drawHomeScreen, criticalCss } = require(workerData.bundle);
// Each stylesheet is parsed once (≈ 0.2 s, in the first drawing, unseen) and kept; a drawing is matched in ≈ 1 ms.
const sheets = new Map();
const critical = (files, html) => {
  if (files.length === 0) return null;
  try {
    return files
      .map((file) => {
        if (!sheets.has(file)) sheets.set(file, criticalCss(fs.readFileSync(file, 'utf8')));
        return sheets.get(file)(html);
      })
      .join('');
  } catch {
    return null;
  }
};
const waiting = new Map();
let next = 0;
const invoke = (method, input) =>
  new Promise((resolve) => {
    const id = ++next;
    waiting.set(id, resolve);
    parentPort.postMessage({ kind: 'call', id, method, input });
  });
parentPort.on('message', (m) => {
  if (m.kind === 'answer') {
    waiting.get(m.id)?.(m.result);
    waiting.delete(m.id);
  } else if (m.kind === 'draw') {
    drawHomeScreen(m.status, invoke).then(
      (drawn) =>
        parentPort.postMessage({
          kind: 'drawn',
          id: m.id,
          drawn: drawn && { ...drawn, critical: critical(m.sheets, drawn.html) },
        }),
      () => parentPort.postMessage({ kind: 'drawn', id: m.id, drawn: null }),
    );
  }
});
parentPort.postMessage({ kind: 'ready' });
`;

export interface FirstScreen {
  /**
   * index.html (`page`, as built) with the home screen drawn into it, as a stream: the head at once, the rest when
   * drawn (or as built).
   */
  page(page: string): ReadableStream<Uint8Array>;
  /**
   * Starts the worker (loading its code takes ≈ 0.5 s of a core, and its first drawing as much again). The host says
   * when: the web host at once (the browser opens its address later); Electron once its window has loaded, so that the
   * worker never competes with the window's own cold start, and serves the windows after it (a reload, a reopen).
   */
  warm(): void;
  close(): void;
}

/**
 * The host's first screens, drawn with `invoke` (its dispatch). Null when the drawing code was not built (a renderer
 * folder without out/first-screen beside it): pages are then sent as built.
 */
export function firstScreen(rendererDir: string, invoke: Invoke, dataStamp: () => string | null): FirstScreen | null {
  const root = path.resolve(rendererDir);
  const bundle = path.join(root, '..', 'first-screen', 'draw.cjs');
  if (!fs.existsSync(bundle)) return null;
  let worker: Worker | null = null;
  let ready = false;
  /** The worker failed (its code missing or broken): it is not started again, and pages go out as built. */
  let broken = false;
  /** warm() was called: a worker ended after being idle is started again by the next page. */
  let wanted = false;
  let idle: NodeJS.Timeout | null = null;
  let nextId = 0;
  const drawings = new Map<number, (d: Drawn | null) => void>();
  let last: { from: string; drawn: Drawn } | null = null;

  /**
   * The files of the stylesheets a page's head names, which a drawing is matched against; none when one of them is
   * not a file of the renderer's (a drawing then has no critical part, and the page keeps its stylesheets as built).
   */
  const sheetFiles = (head: string): string[] => {
    const files = [...head.matchAll(STYLESHEET)].map((m) =>
      fileUnderRoot(root, new URL(m[2], 'http://zwgk/').pathname),
    );
    return files.every((f) => f !== null) ? files : [];
  };
  /** The stylesheets of the page as built, for the worker's first drawing (no page has asked for it yet). */
  const builtSheets = (): string[] => {
    try {
      return sheetFiles(fs.readFileSync(path.join(root, 'index.html'), 'utf8'));
    } catch {
      return [];
    }
  };

  const stop = () => {
    if (idle) clearTimeout(idle);
    idle = null;
    void worker?.terminate();
    worker = null;
    ready = false;
    for (const done of drawings.values()) done(null);
    drawings.clear();
  };
  const start = () => {
    const w = new Worker(WORKER_CODE, { eval: true, workerData: { bundle } });
    worker = w;
    w.unref();
    w.on('message', (m: FromWorker) => {
      if (m.kind === 'ready') {
        // A first drawing, unseen, so that the window's is a warm one (its code compiled, its reads known, the
        // stylesheet parsed).
        const sheets = builtSheets();
        void drawingFrom(sheets)
          .then((now) => now && drawNew(w, now, sheets))
          .catch(() => null)
          .then(() => {
            if (worker === w) ready = true;
          });
      } else if (m.kind === 'call') {
        void invoke(m.method, m.input).then((result) => w.postMessage({ kind: 'answer', id: m.id, result }));
      } else {
        drawings.get(m.id)?.(m.drawn);
        drawings.delete(m.id);
      }
    });
    // A worker that fails (the drawing code missing or broken) only means pages are sent as built.
    w.on('error', (e) => {
      console.error('[first-screen]', e);
      broken = true;
      if (worker === w) stop();
    });
  };
  /**
   * What the home screen would be drawn from now (the data file's stamp, app.status, the day, the page's
   * stylesheets), or null when there is nothing to draw ahead (a file that is not ready).
   */
  const drawingFrom = async (sheets: string[]) => {
    const status = await invoke('app.status', undefined);
    if (!status.ok || (status.value as AppStatus).state !== 'ready') return null;
    return {
      status: status.value,
      from: JSON.stringify([dataStamp(), status.value, new Date().toDateString(), sheets]),
    };
  };
  /** The home screen drawn afresh by `w` from `now`, and kept; null after `limitMs` (it is still kept when done). */
  const drawNew = (
    w: Worker,
    now: { status: unknown; from: string },
    sheets: string[],
    limitMs?: number,
  ): Promise<Drawn | null> => {
    const id = ++nextId;
    const drawing = new Promise<Drawn | null>((resolve) => {
      drawings.set(id, resolve);
      w.postMessage({ kind: 'draw', id, status: now.status, sheets });
    }).then((drawn) => {
      // Kept even when the page that asked for it has gone out without it: the next window gets it.
      if (drawn) last = { from: now.from, drawn };
      return drawn;
    });
    if (limitMs === undefined) return drawing;
    return Promise.race([drawing, new Promise<null>((resolve) => setTimeout(() => resolve(null), limitMs).unref())]);
  };
  /** Starts the worker if it is wanted and not running, and (re)arms its idle end. */
  const keepUp = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(stop, IDLE_MS);
    idle.unref();
    if (wanted && !worker && !broken) start();
  };
  return {
    page(page) {
      const at = page.indexOf(ROOT);
      const encoder = new TextEncoder();
      return new ReadableStream({
        async start(controller) {
          const send = (text: string) => controller.enqueue(encoder.encode(text));
          if (at < 0 || broken) {
            send(page);
            controller.close();
            return;
          }
          keepUp();
          const built = page.slice(0, at);
          const head = built.replace(START_CODE, '<link rel="modulepreload" crossorigin href="$1" data-zwgk-start>');
          const rest = page.slice(at + ROOT.length);
          if (!ready && last === null) {
            // Nothing to draw with and nothing kept (the worker still loading, or not started): no need to ask.
            send(head + ROOT + rest);
            controller.close();
            return;
          }
          const sheets = sheetFiles(built);
          const now = await drawingFrom(sheets).catch(() => null);
          // A kept drawing is always sent; a new one only from a worker that is ready, and only while the page can wait.
          const kept = now !== null && last?.from === now.from ? last.drawn : null;
          const drawer = kept === null && now !== null && ready ? worker : null;
          // The head holds its stylesheets back when the drawing is known to have their critical part, or is still to
          // be made (and then, as a rule, has it).
          const held = sheets.length > 0 && (kept !== null ? kept.critical !== null : drawer !== null);
          send(
            held
              ? head.replace(
                  STYLESHEET,
                  '<link rel="preload" as="style"$1 href="$2"$3><link rel="stylesheet"$1 href="$2"$3 media="print" data-zwgk-full>',
                )
              : head,
          );
          const drawn = kept ?? (drawer && (await drawNew(drawer, now!, sheets, DRAW_LIMIT_MS).catch(() => null)));
          // Held back, but not drawn with their critical part: the stylesheets as built, before anything that shows.
          const asBuilt = held && drawn?.critical == null ? (built.match(STYLESHEET) ?? []).join('') : '';
          send(
            !drawn
              ? asBuilt + ROOT + rest
              : // The built root's own content (the opening spinner) gives way to the drawn screen; the critical part
                // goes where the stylesheets stood in the cascade, before the theme's variables.
                (held && drawn.critical !== null
                  ? `<style id="${CRITICAL_ID}">${drawn.critical.replace(/<\//g, '<\\/')}</style>`
                  : asBuilt) +
                  `${drawn.styles}${ROOT}<div id="zwgk-host-drawn" inert>${drawn.html}</div>${rest.replace(OPENING, '')}`,
          );
          controller.close();
        },
      });
    },
    warm() {
      wanted = true;
      keepUp();
    },
    close: stop,
  };
}
