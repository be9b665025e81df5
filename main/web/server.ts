import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { DeliveredFile } from '../../shared/domain/files';
import { ErrorCode } from '../../shared/ipc/errors';
import type { Result } from '../../shared/ipc/result';
import { areaServices } from '../areas';
import { dispatch } from '../ipc/dispatch';
import { loadHandlers, type Handlers } from '../ipc/handlers';
import { Workstation, type FilePort } from '../services/workstation';
import { CSP } from '../app/csp';
import { firstScreen } from '../app/first-screen';
import type { StorageInfo } from '../db/storage';
import { fileUnderRoot } from '../app/static-files';

/** Largest request body: a 50 MB upload as base64 plus JSON framing. */
const MAX_BODY_BYTES = 72 * 1024 * 1024;
/** Downloads wait this long to be fetched, then are dropped. */
const DOWNLOAD_TTL_MS = 10 * 60 * 1000;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

// Same policy as the Electron window (one constant for both): nothing leaves the machine, no inline script.
export { CSP };

interface WebHostOptions {
  dbPath: string;
  rendererDir: string;
  port?: number;
  token?: string;
  handlers?: Handlers;
  now?: () => Date;
  /** Largest request body (tests use a small one); MAX_BODY_BYTES by default. */
  maxBodyBytes?: number;
  /** Where the data file is stored (tests pretend a network share); detected otherwise. */
  storage?: StorageInfo;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  workstation: Workstation;
  close(): Promise<void>;
}

/**
 * The web host: a 127.0.0.1-only HTTP server that serves the built renderer and answers POST /api/<method>
 * through the same dispatch() Electron uses. Every API call needs the per-launch token, a Host of this server
 * and (when sent) an Origin of this server, so neither another local process nor a web page can drive it.
 */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? crypto.randomBytes(24).toString('hex');
  const downloads = new Map<string, { fileName: string; data: Buffer; expires: number }>();
  const files: FilePort = {
    async deliver(fileName, data): Promise<DeliveredFile> {
      const id = crypto.randomBytes(16).toString('hex');
      downloads.set(id, { fileName, data, expires: Date.now() + DOWNLOAD_TTL_MS });
      return { fileName, status: 'download', downloadUrl: `/download/${id}` };
    },
  };
  const ws = new Workstation({
    dbPath: opts.dbPath,
    host: 'web',
    files,
    now: opts.now,
    storage: opts.storage,
    areas: areaServices,
  }).open();
  const handlers = opts.handlers ?? (await loadHandlers());
  const rendererDir = path.resolve(opts.rendererDir);
  const first = firstScreen(
    rendererDir,
    (method, input) => dispatch(handlers, ws, method, input),
    () => ws.dataStamp(),
  );
  // The browser opens this host's address only after it has started: the worker is ready by then.
  first?.warm();
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([...allowedHosts()].map((h) => `http://${h}`));

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const send = (status: number, body: string | Buffer, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', ...headers });
      res.end(body);
    };
    const json = (status: number, value: unknown) =>
      send(status, JSON.stringify(value), { 'Content-Type': 'application/json; charset=utf-8' });
    const refuse = (status: number, message: string) =>
      json(status, { ok: false, error: { code: ErrorCode.FORBIDDEN, message } });

    if (!allowedHosts().has(req.headers.host ?? '')) return refuse(403, '拒绝访问：请求的主机名不正确。');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return refuse(405, '只接受 POST 请求。');
      // An Origin, when sent, must be exactly this server's (scheme included): "127.0.0.1:port" without a scheme,
      // https://, "null" or another port are all someone else's page.
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins().has(origin)) return refuse(403, '拒绝访问：来源不被信任。');
      if (!safeEqual(req.headers['x-zwgk-token'], token))
        return refuse(401, '拒绝访问：缺少或错误的访问令牌，请使用启动时显示的地址打开。');
      // Method names are plain ASCII; anything else (or a malformed %-escape) is simply an unknown method.
      const method = url.pathname.slice('/api/'.length);
      const limit = opts.maxBodyBytes ?? MAX_BODY_BYTES;
      readBody(req, limit).then(
        async (body) => {
          if (body === null) {
            // The whole body was read and dropped, so the client gets this answer instead of a reset connection.
            return send(
              413,
              JSON.stringify({
                ok: false,
                error: {
                  code: ErrorCode.FILE_TOO_LARGE,
                  message: `上传内容超过 ${limit >= 1024 * 1024 ? `${Math.round(limit / 1024 / 1024)} MB` : `${Math.round(limit / 1024)} KB`} 上限，未处理。请换用较小的文件，或用命令行处理大文件。`,
                },
              }),
              { 'Content-Type': 'application/json; charset=utf-8', Connection: 'close' },
            );
          }
          let input: unknown;
          try {
            input = body.length ? JSON.parse(body.toString('utf8')) : undefined;
          } catch {
            return json(400, {
              ok: false,
              error: { code: ErrorCode.VALIDATION, message: '请求内容不是有效的 JSON。' },
            } satisfies Result<never>);
          }
          json(200, await dispatch(handlers, ws, method, input));
        },
        () => {
          // The client went away mid-body: nobody to answer.
          if (!res.headersSent) res.destroy();
        },
      );
      return;
    }

    if (url.pathname.startsWith('/download/')) {
      if (!safeEqual(url.searchParams.get('token') ?? undefined, token)) return refuse(401, '拒绝访问：缺少访问令牌。');
      const id = url.pathname.slice('/download/'.length);
      const item = downloads.get(id);
      if (!item || item.expires < Date.now())
        return send(404, '下载已过期，请重新导出。', { 'Content-Type': 'text/plain; charset=utf-8' });
      // One download per produced file: a full data copy should not linger in memory (or be fetched twice).
      downloads.delete(id);
      return send(200, item.data, {
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': `attachment; filename="${encodeURIComponent(item.fileName)}"; filename*=UTF-8''${encodeURIComponent(item.fileName)}`,
      });
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(405, '不支持的请求。');
    // Static renderer files; unknown paths fall back to index.html (client-side routes).
    const asked = fileUnderRoot(rendererDir, url.pathname);
    if (asked === null) return send(400, '请求的地址不正确。', { 'Content-Type': 'text/plain; charset=utf-8' });
    let file = asked;
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(rendererDir, 'index.html');
    if (!fs.existsSync(file)) {
      return send(500, '界面文件不存在，请先运行 npm run build。', { 'Content-Type': 'text/plain; charset=utf-8' });
    }
    // Built chunks carry a content hash in their name (assets/vendor-3f9a….js): the browser may keep them, so the
    // library chunk is read once per version, not on every start. index.html itself is never cached.
    const hashed = path.dirname(file) === path.join(rendererDir, 'assets');
    const headers = {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CSP,
      'Referrer-Policy': 'no-referrer',
      ...(hashed ? { 'Cache-Control': 'public, max-age=31536000, immutable' } : {}),
    };
    // The page opened with this launch's address (its token) comes with the home screen drawn in it: the data in it is
    // for the holder of the token only, as every call's answer is.
    if (
      first &&
      req.method === 'GET' &&
      (url.pathname === '/' || url.pathname === '/index.html') &&
      safeEqual(url.searchParams.get('token') ?? undefined, token)
    ) {
      res.writeHead(200, { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', ...headers });
      Readable.fromWeb(first.page(fs.readFileSync(file, 'utf8')) as WebReadableStream<Uint8Array>).pipe(res);
      return;
    }
    send(200, fs.readFileSync(file), headers);
  };
  // A malformed request must never take the host down (nor the user's unsaved work with it).
  const server = http.createServer((req, res) => {
    try {
      handle(req, res);
    } catch (e) {
      console.error('[web] request failed:', e);
      if (!res.headersSent) res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('请求无法处理。');
    }
  });

  const purge = setInterval(() => {
    for (const [id, d] of downloads) if (d.expires < Date.now()) downloads.delete(id);
  }, 60_000);
  purge.unref();

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
    });
  } catch (e) {
    // Nothing is served: give the data file back (its lock with it) for the next try.
    clearInterval(purge);
    first?.close();
    ws.close();
    throw e;
  }
  port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    workstation: ws,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(purge);
        first?.close();
        server.closeAllConnections();
        server.close(() => {
          ws.close();
          resolve();
        });
      }),
  };
}

function safeEqual(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/**
 * Reads a request body up to `limit` bytes. A larger body resolves to null once it has been read to its end and
 * dropped (answering before that makes the client see a reset instead of the 413); one far beyond the limit, or a
 * Content-Length announcing that, is cut off instead of being drained for ever.
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const drainCap = limit * 4 + 1024 * 1024;
    if (Number(req.headers['content-length'] ?? 0) > drainCap) {
      resolve(null);
      req.destroy();
      return;
    }
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (tooLarge) {
        if (size > drainCap) req.destroy();
        return;
      }
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('close', () => {
      if (tooLarge && size > drainCap) resolve(null);
    });
  });
}
