// Child process for the tests that need the real web host in its own process (crash, two copies on one file): the
// host on the given data file, printing its port, token and whether the file opened. `--network` pretends the file
// is on a network share (what the host cannot detect on a test machine).
import { startWebHost } from '../../main/web/server';

const [dbPath, rendererDir, ...flags] = process.argv.slice(2);
void startWebHost({
  dbPath,
  rendererDir,
  storage: flags.includes('--network') ? { network: true, detail: '网络共享文件夹 \\\\nas\\公共' } : undefined,
}).then((host) => {
  process.stdout.write(
    `READY ${host.port} ${host.token} ${host.workstation.ready ? 'ok' : host.workstation.failure?.error.message}\n`,
  );
  // Stopped by SIGTERM (not SIGKILL): close as `npm run web` does, giving the data file back.
  process.on('SIGTERM', () => void host.close().then(() => process.exit(0)));
});
