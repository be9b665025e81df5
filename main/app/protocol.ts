import fs from 'node:fs';
import path from 'node:path';
import { protocol } from 'electron';
import type { FirstScreen } from './first-screen';
import { APP_SCHEME, CSP } from './security';
import { fileUnderRoot } from './static-files';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * Must run before app ready: app:// behaves like a secure standard origin (not file://). codeCache: Chromium keeps V8's
 * compiled code only for http(s) unless a custom scheme asks for it, so without it every launch compiled the start-up
 * code from source.
 */
export function registerSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/**
 * Serves the built renderer from app://zwgk/ with the CSP header; unknown paths get index.html. The window's page
 * (/index.html) comes with the home screen drawn in it when `first` can draw it.
 */
export function serveRenderer(rendererDir: string, first: FirstScreen | null): void {
  const root = path.resolve(rendererDir);
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    const asked = fileUnderRoot(root, url.pathname);
    if (asked === null)
      return new Response('请求的地址不正确。', {
        status: 400,
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      });
    let file = asked;
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
    const headers = {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CSP,
    };
    if (first && url.pathname === '/index.html')
      return new Response(first.page(fs.readFileSync(file, 'utf8')), { headers });
    return new Response(fs.readFileSync(file), { headers });
  });
}
