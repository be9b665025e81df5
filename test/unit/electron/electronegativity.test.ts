// Electron's configuration scanned with Doyensec's electronegativity (static analysis of main/). Every HIGH or
// MEDIUM finding fails the suite unless it is listed below with the reason it is accepted; each accepted one is a
// blind spot of the static scan, and the test checks the real setting it cannot see.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { CSP } from '../../../main/app/csp';

const ROOT = path.resolve(__dirname, '../../..');

/** issue id + file (relative) → why it is accepted. */
const ACCEPTED: Record<string, string> = {
  // The CSP is sent as a response header by the app:// protocol handler (main/app/protocol.ts) and by the web host;
  // electronegativity only looks for <meta> tags and session.webRequest code. Checked below from main/app/csp.ts.
  'CSP_GLOBAL_CHECK N/A': 'CSP sent as a header (protocol.ts, web host)',
  // webPreferences come from secureWebPreferences() (main/app/security.ts), which the scan cannot follow into:
  // it then reports contextIsolation and sandbox as unset. Checked below in the helper's source.
  'CONTEXT_ISOLATION_JS_CHECK main/index.ts': 'secureWebPreferences: contextIsolation true',
  'SANDBOX_JS_CHECK main/index.ts': 'secureWebPreferences: sandbox true',
  // Middle-click opens nothing: every new window is denied (setWindowOpenHandler → deny) and navigation away from
  // app://zwgk is prevented (security.ts hardenSession); the scan does not connect those to this window.
  'AUXCLICK_JS_CHECK main/index.ts': 'setWindowOpenHandler deny + will-navigate',
};

it('electronegativity finds no HIGH or MEDIUM issue in main/ except the accepted blind spots', () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-eneg-')), 'out.csv');
  const bin = path.join(ROOT, 'node_modules/@doyensec/electronegativity/dist/index.js');
  // The tool writes the CSV header and the rows with two fs.writeFile calls that race: now and then the header lands
  // over the first row. Such an output (a row not starting with an issue id) is scanned again, at most three times.
  let lines: string[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    fs.rmSync(out, { force: true });
    const r = spawnSync(process.execPath, [bin, '-i', path.join(ROOT, 'main'), '-e', '41.7.1', '-o', out], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(fs.existsSync(out), r.stderr || r.stdout).toBe(true);
    lines = fs.readFileSync(out, 'utf8').trim().split('\n').slice(1);
    if (lines.every((line) => /^[A-Z_]+,/.test(line))) break;
  }
  expect(lines.filter((line) => !/^[A-Z_]+,/.test(line))).toEqual([]);
  const rows = lines.map((line) => {
    const cols = [...line.matchAll(/"([^"]*)"|([^,]+)/g)].map((m) => (m[1] ?? m[2]).trim());
    return { issue: cols[0], severity: cols[1], file: cols[3] === 'N/A' ? 'N/A' : path.relative(ROOT, cols[3]) };
  });
  expect(rows.length).toBeGreaterThan(0);
  const serious = rows
    .filter((x) => x.severity === 'HIGH' || x.severity === 'MEDIUM')
    .map((x) => `${x.issue} ${x.file}`);
  expect(serious.filter((k) => !(k in ACCEPTED))).toEqual([]);
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
}, 300_000);

it('the accepted findings are really handled where the scan cannot see', () => {
  expect(CSP).toMatch(/default-src 'self'/);
  expect(CSP).toMatch(/script-src 'self'(;|$)/);
  expect(CSP).toMatch(/object-src 'none'/);
  expect(fs.readFileSync(path.join(ROOT, 'main/app/protocol.ts'), 'utf8')).toMatch(/Content-Security-Policy/);
  const security = fs.readFileSync(path.join(ROOT, 'main/app/security.ts'), 'utf8');
  const prefs = /secureWebPreferences = [^{]*\(\{([\s\S]*?)\}\)/.exec(security)?.[1] ?? '';
  for (const setting of [
    'sandbox: true',
    'contextIsolation: true',
    'nodeIntegration: false',
    'nodeIntegrationInWorker: false',
    'webSecurity: true',
  ]) {
    expect(prefs).toContain(setting);
  }
  expect(fs.readFileSync(path.join(ROOT, 'main/index.ts'), 'utf8')).toMatch(/webPreferences: secureWebPreferences\(/);
  expect(security).toMatch(/setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/);
  expect(security).toMatch(/will-navigate/);
});
