// Real web hosts in their own processes, for the tests of two copies of the workstation on one data file.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from './bundle';

// import.meta, not __dirname: Playwright loads this as an ES module, vitest either way.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface HostProcess {
  child: ChildProcess;
  port: number;
  token: string;
  /** 'ok' when the file opened for use, else the host's Chinese reason (another copy has it, …). */
  opened: string;
  /** Calls a method over HTTP the way the renderer does. */
  call<T = unknown>(method: string, input?: unknown): Promise<Reply<T>>;
  /** SIGTERM, as Ctrl+C would: the host closes and gives the file back. */
  stop(): Promise<void>;
  /** SIGKILL: a crash or a power cut, nothing is cleaned up. */
  kill(): Promise<void>;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** Bundles the host child once per test file (0.3 s per start instead of tsx's seconds). */
export async function bundleHost(name: string): Promise<{ bundle: string; rendererDir: string; cleanup(): void }> {
  const dir = path.join(ROOT, 'node_modules', '.tmp', `${name}-${process.pid}`);
  const bundle = path.join(dir, 'host.cjs');
  await bundleForNode(path.join(ROOT, 'test/helpers/web-host-child.ts'), bundle);
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir, { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  return { bundle, rendererDir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function post<T>(port: number, token: string, method: string, input?: unknown): Promise<Reply<T>> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(input ?? {});
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/${method}`,
        agent: false,
        headers: {
          Host: `127.0.0.1:${port}`,
          'Content-Type': 'application/json',
          'X-Zwgk-Token': token,
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Reply<T>);
          } catch (e) {
            reject(e);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export function startHostProcess(
  bundle: string,
  rendererDir: string,
  dbPath: string,
  flags: string[] = [],
): Promise<HostProcess> {
  const child = spawn(process.execPath, [bundle, dbPath, rendererDir, ...flags], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => {
    err += c.toString();
  });
  const ended = new Promise<void>((r) => child.once('close', () => r()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /READY (\d+) (\w+) (.*)\n/.exec(out);
      if (!m) return;
      const port = Number(m[1]);
      const token = m[2];
      resolve({
        child,
        port,
        token,
        opened: m[3],
        call: (method, input) => post(port, token, method, input),
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await ended;
        },
        async kill() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          await ended;
        },
      });
    });
    child.on('exit', (code) => reject(new Error(`host ended (${code}) before it was ready: ${err}`)));
  });
}
