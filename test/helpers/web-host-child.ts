// Child process for the crash test: the real web host on the given data file, printing its port and token.
import { startWebHost } from '../../main/web/server';

const [dbPath, rendererDir] = process.argv.slice(2);
void startWebHost({ dbPath, rendererDir }).then((host) => {
  process.stdout.write(
    `READY ${host.port} ${host.token} ${host.workstation.ready ? 'ok' : host.workstation.failure?.error.message}\n`,
  );
});
