import os from 'node:os';
import path from 'node:path';

/** Environment variable that points the web host and the CLI at another data file (tests, a second bureau). */
const DB_ENV = 'ZWGK_DB';

/** The per-user application-data folder, the same place Electron's app.getPath('appData') gives on each OS. */
function appDataDir(): string {
  if (process.platform === 'win32') return process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support');
  return process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config');
}

/** Where the one SQLite file lives unless --db or ZWGK_DB says otherwise. */
function defaultDbPath(): string {
  return path.join(appDataDir(), 'zwgk-workstation', 'data', 'zwgk.sqlite');
}

export function resolveDbPath(explicit?: string): string {
  return path.resolve(explicit ?? process.env[DB_ENV] ?? defaultDbPath());
}
