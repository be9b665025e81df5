// Entry of the web host (npm run web): the workstation in any browser on this PC, no Electron needed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveDbPath } from '../services/paths';
import { startWebHost } from './server';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const host = await startWebHost({
  dbPath: resolveDbPath(arg('--db')),
  rendererDir: arg('--renderer') ?? path.resolve(here, '../../out/renderer'),
  port: arg('--port') ? Number(arg('--port')) : undefined,
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
