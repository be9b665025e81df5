// Entry of the web host (npm run web): the workstation in any browser on this PC, no Electron needed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveDbPath } from '../services/paths';
import { startWebHost } from './server';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Why the host could not start, in words for the person who ran it (the port is the usual reason). */
function whyNotStarted(e: unknown, port: number | undefined): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return `端口 ${port} 已被其他程序占用。请换一个端口（--port），或不加 --port 由系统选择。`;
  if (code === 'EACCES') return `没有权限使用端口 ${port}。请换用 1024 以上的端口，或不加 --port。`;
  return `网页版未能启动：${e instanceof Error ? e.message : String(e)}`;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const portText = arg('--port');
const port = portText === undefined ? undefined : Number(portText);
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
  console.error(`--port 后应是 1 到 65535 之间的端口号，现在是“${portText ?? ''}”。`);
  process.exit(1);
}
const host = await startWebHost({
  dbPath: resolveDbPath(arg('--db')),
  rendererDir: arg('--renderer') ?? path.resolve(here, '../../out/renderer'),
  port,
}).catch((e: unknown) => {
  console.error(whyNotStarted(e, port));
  process.exit(1);
});
const status = host.workstation.failure ? `（注意：${host.workstation.failure.error.message}）` : '';
// The first line is machine-readable for scripts and tests; keep its shape.
console.log(`ZWGK_WEB_URL=${host.url}`);
console.log(`政务公开工作台已启动（网页版），请在浏览器中打开：${host.url}`);
console.log(`数据文件：${host.workstation.dbPath}${status}`);
console.log('按 Ctrl+C 退出。');
const stop = () => host.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
