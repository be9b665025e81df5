import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP as ELECTRON_CSP } from '../../../main/app/csp';
import { lockPathFor } from '../../../main/db/writer-lock';
import { CSP, startWebHost, type WebHost } from '../../../main/web/server';
import { makeTempDir } from '../../helpers/workstation';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  json(): { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

/** A raw HTTP request, so Host and Origin can be set the way another program or web page would. */
function request(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { Host: `127.0.0.1:${port}`, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            json: () => JSON.parse(body.toString('utf8')),
          });
        });
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

describe('web host', () => {
  let dir: string;
  let host: WebHost;
  const api = (method: string, headers: Record<string, string> = {}, body = '') =>
    request(host.port, {
      method: 'POST',
      path: `/api/${method}`,
      headers: { 'Content-Type': 'application/json', ...headers },
      body,
    });
  const withToken = () => ({ 'X-Zwgk-Token': host.token });

  beforeAll(async () => {
    dir = makeTempDir();
    const rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>政务公开工作台</title>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    // A sibling folder sharing the renderer folder's name as a prefix must stay unreachable.
    fs.mkdirSync(path.join(dir, 'renderer-secret'));
    fs.writeFileSync(path.join(dir, 'renderer-secret', 'key.txt'), 'secret');
    host = await startWebHost({ dbPath: path.join(dir, 'data', 'zwgk.sqlite'), rendererDir });
  });
  afterAll(async () => {
    await host.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('binds to 127.0.0.1 and prints a URL carrying the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('refuses an API call without the token, or with a wrong one (401)', async () => {
    const none = await api('app.status');
    expect(none.status).toBe(401);
    expect(none.json().error?.message).toContain('访问令牌');
    expect((await api('app.status', { 'X-Zwgk-Token': 'x'.repeat(48) })).status).toBe(401);
    expect((await api('app.status', { 'X-Zwgk-Token': host.token.slice(1) })).status).toBe(401);
  });

  it('refuses a wrong Host (DNS rebinding) and a foreign Origin (other web pages), token or not (403)', async () => {
    const rebinding = await api('app.status', { ...withToken(), Host: `evil.example:${host.port}` });
    expect(rebinding.status).toBe(403);
    expect(rebinding.json().error?.message).toContain('主机名');
    for (const origin of [
      'http://evil.example',
      `https://127.0.0.1:${host.port}`,
      'null',
      `http://127.0.0.1:${host.port + 1}`,
      // Without a scheme, or with more after the port: not this server's page either.
      `127.0.0.1:${host.port}`,
      `localhost:${host.port}`,
      `http://127.0.0.1:${host.port}/`,
      `HTTP://127.0.0.1:${host.port}`,
    ]) {
      const r = await api('app.status', { ...withToken(), Origin: origin });
      expect(r.status, origin).toBe(403);
    }
    // The static pages check Host too.
    expect((await request(host.port, { path: '/', headers: { Host: 'evil.example' } })).status).toBe(403);
  });

  it('accepts a good call from its own page, through the same dispatch()', async () => {
    const r = await api('app.status', { ...withToken(), Origin: `http://127.0.0.1:${host.port}` });
    expect(r.status).toBe(200);
    expect(r.json()).toMatchObject({ ok: true, value: { state: 'setup', host: 'web' } });
    const viaLocalhost = await api('app.status', {
      ...withToken(),
      Host: `localhost:${host.port}`,
      Origin: `http://localhost:${host.port}`,
    });
    expect(viaLocalhost.status).toBe(200);
    const invalid = await api('departments.create', withToken(), '{"name": ""}');
    expect(invalid.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const notJson = await api('app.status', withToken(), '{not json');
    expect(notJson.status).toBe(400);
    expect(notJson.json().error?.code).toBe('VALIDATION');
    expect((await request(host.port, { path: '/api/app.status', headers: withToken() })).status).toBe(405);
    expect((await api('%E0%A4%A', withToken())).json().error?.code).toBe('UNKNOWN_METHOD');
  });

  it('serves index.html and assets with the same CSP as the Electron window', async () => {
    expect(CSP).toBe(ELECTRON_CSP);
    const index = await request(host.port, { path: '/?token=abc' });
    expect(index.status).toBe(200);
    expect(index.body.toString('utf8')).toContain('政务公开工作台');
    expect(index.headers['content-type']).toContain('text/html');
    expect(index.headers['content-security-policy']).toBe(ELECTRON_CSP);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    const asset = await request(host.port, { path: '/assets/app.js' });
    expect(asset.headers['content-type']).toContain('javascript');
    // Client-side routes fall back to index.html.
    expect((await request(host.port, { path: '/org/12' })).body.toString('utf8')).toContain('政务公开工作台');
  });

  it('never serves files outside the renderer folder and survives malformed paths', async () => {
    for (const p of [
      '/../renderer-secret/key.txt',
      '/..%2frenderer-secret%2fkey.txt',
      '/%2e%2e/renderer-secret/key.txt',
      '/..%5crenderer-secret%5ckey.txt',
      '/%E0%A4%A',
      '/%00',
    ]) {
      const r = await request(host.port, { path: p });
      expect(r.body.toString('utf8'), p).not.toContain('secret');
    }
    expect((await request(host.port, { path: '/%E0%A4%A' })).status).toBe(400);
    // Still alive.
    expect((await request(host.port, { path: '/' })).status).toBe(200);
  });

  it('hands produced files out only with the token', async () => {
    const setup = await api(
      'app.setup',
      withToken(),
      JSON.stringify({
        bureau: {
          fullName: '某县科学技术局',
          shortName: '县科技局',
          region: '',
          head: '',
          leader: '',
          contact: '',
          phone: '',
        },
        year: 2026,
      }),
    );
    expect(setup.json().ok).toBe(true);
    const delivered = (await api('staff.importTemplate', withToken())).json();
    expect(delivered).toMatchObject({ ok: true, value: { status: 'download', fileName: '人员名单导入模板.xlsx' } });
    const url = (delivered.value as { downloadUrl: string }).downloadUrl;
    expect((await request(host.port, { path: url })).status).toBe(401);
    expect((await request(host.port, { path: `${url}?token=wrong` })).status).toBe(401);
    const file = await request(host.port, { path: `${url}?token=${host.token}` });
    expect(file.status).toBe(200);
    expect(file.body.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('人员名单导入模板.xlsx'));
    expect((await request(host.port, { path: `${url}?token=${host.token}` })).status).toBe(404);
    expect((await request(host.port, { path: `/download/${'0'.repeat(32)}?token=${host.token}` })).status).toBe(404);
  });
});

describe('web host refusals', () => {
  let dir: string;
  let host: WebHost;
  const LIMIT = 64 * 1024;

  beforeAll(async () => {
    dir = makeTempDir();
    fs.mkdirSync(path.join(dir, 'renderer'));
    fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>政务公开工作台</title>');
    host = await startWebHost({
      dbPath: path.join(dir, 'zwgk.sqlite'),
      rendererDir: path.join(dir, 'renderer'),
      maxBodyBytes: LIMIT,
    });
  });
  afterAll(async () => {
    await host.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const headers = () => ({ 'Content-Type': 'application/json', 'X-Zwgk-Token': host.token });

  it('answers a body over the limit with the 413 JSON (not a reset connection), and keeps serving', async () => {
    const big = JSON.stringify({ fileName: 'a.sqlite', dataBase64: 'A'.repeat(LIMIT * 2) });
    const r = await request(host.port, {
      method: 'POST',
      path: '/api/backup.restoreFile',
      headers: headers(),
      body: big,
    });
    expect(r.status).toBe(413);
    expect(r.json()).toMatchObject({
      ok: false,
      error: { code: 'FILE_TOO_LARGE', message: expect.stringMatching(/超过 64 KB 上限/) },
    });
    // Just under the limit is read and answered normally (here: not a data file).
    const small = JSON.stringify({ fileName: 'a.sqlite', dataBase64: 'A'.repeat(LIMIT - 100) });
    const ok = await request(host.port, {
      method: 'POST',
      path: '/api/backup.restoreFile',
      headers: headers(),
      body: small,
    });
    expect(ok.status).toBe(200);
    expect(ok.json().error?.code).toBe('BACKUP_INVALID');
    expect((await request(host.port, { method: 'POST', path: '/api/app.status', headers: headers() })).json().ok).toBe(
      true,
    );
  });

  it('refuses every method but POST on the API, and writes on static files (405)', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      expect((await request(host.port, { method, path: '/api/app.status', headers: headers() })).status, method).toBe(
        405,
      );
    }
    for (const method of ['POST', 'PUT', 'DELETE']) {
      expect((await request(host.port, { method, path: '/index.html' })).status, method).toBe(405);
    }
  });

  it('does not take the token from the query string for API calls', async () => {
    const r = await request(host.port, {
      method: 'POST',
      path: `/api/app.status?token=${host.token}`,
      headers: { 'Content-Type': 'application/json' },
    });
    expect(r.status).toBe(401);
  });

  it('answers a traversal file name in backup.restoreFile with VALIDATION in Chinese', async () => {
    const r = await request(host.port, {
      method: 'POST',
      path: '/api/backup.restoreFile',
      headers: headers(),
      body: JSON.stringify({ fileName: '..', dataBase64: 'U1FMaXRl' }),
    });
    expect(r.json()).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/不是有效的文件名/) },
    });
  });
});

describe('web host start', () => {
  it('npm run web says in Chinese why it cannot start on the port it was given', async () => {
    const dir = makeTempDir();
    const blocker = net.createServer();
    try {
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      const taken = (blocker.address() as net.AddressInfo).port;
      const run = (port: string) =>
        new Promise<{ code: number | null; err: string }>((resolve) => {
          const child = spawn(
            process.execPath,
            ['--import', 'tsx', 'main/web/main.ts', '--db', path.join(dir, 'zwgk.sqlite'), '--port', port],
            { cwd: path.resolve(__dirname, '../../..') },
          );
          let err = '';
          child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
          child.on('exit', (code) => resolve({ code, err }));
        });
      const busy = await run(String(taken));
      expect(busy.code).toBe(1);
      expect(busy.err.trim()).toBe(
        `端口 ${taken} 已被其他程序占用。请换一个端口（--port），或不加 --port 由系统选择。`,
      );
      const wrong = await run('8o8o');
      expect(wrong.code).toBe(1);
      expect(wrong.err.trim()).toBe('--port 后应是 1 到 65535 之间的端口号，现在是“8o8o”。');
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses a port that is taken, and gives the data file back for the next try', async () => {
    const dir = makeTempDir();
    const blocker = net.createServer();
    try {
      fs.mkdirSync(path.join(dir, 'renderer'));
      fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>政务公开工作台</title>');
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      const taken = (blocker.address() as net.AddressInfo).port;
      const dbPath = path.join(dir, 'zwgk.sqlite');
      await expect(
        startWebHost({ dbPath, rendererDir: path.join(dir, 'renderer'), port: taken }),
      ).rejects.toMatchObject({
        code: 'EADDRINUSE',
      });
      expect(fs.existsSync(lockPathFor(dbPath))).toBe(false);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
