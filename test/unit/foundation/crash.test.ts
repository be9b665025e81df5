import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/workstation';
import { rng } from '../../helpers/seeded';
import { bundleForNode } from '../../helpers/bundle';

// The web host on a temp file takes a stream of writes from a few clients and is SIGKILLed at seeded random moments.
// After each kill the file must pass integrity and foreign key checks and hold every write that was acknowledged.
const ROOT = path.resolve(__dirname, '../../..');
const KILLS = 20;
/**
 * Bounded: on a machine so busy that a host start takes seconds, the rounds stop once this much time has gone by
 * (after at least MIN_KILLS), rather than the suite timing out. The kill moments stay the seeded ones.
 */
const BUDGET_MS = 90_000;
const MIN_KILLS = 8;
const CLIENTS = 3;
const SEED = 20261130;
const BUNDLE_DIR = path.join(ROOT, 'node_modules', '.tmp', `crash-test-${process.pid}`);

function post(
  port: number,
  token: string,
  method: string,
  input: unknown,
): Promise<{ ok: boolean; value?: { id: number }; error?: { code: string; message: string } }> {
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
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
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

describe('crash safety of the web host', () => {
  let dir: string;
  let bundle: string;
  beforeAll(async () => {
    dir = makeTempDir();
    fs.mkdirSync(path.join(dir, 'renderer'));
    fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html>');
    // Bundled once (0.3 s per start instead of tsx's seconds), like the CLI tests do.
    // Inside the repository so the bundle finds better-sqlite3.
    bundle = path.join(BUNDLE_DIR, 'host.cjs');
    await bundleForNode(path.join(ROOT, 'test/helpers/web-host-child.ts'), bundle);
  }, 120_000);
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(BUNDLE_DIR, { recursive: true, force: true });
  });

  async function startHost(dbPath: string): Promise<{ child: ChildProcess; port: number; token: string }> {
    const child = spawn(process.execPath, [bundle, dbPath, path.join(dir, 'renderer')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (c: Buffer) => {
      err += c.toString();
    });
    return new Promise((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /READY (\d+) (\w+) (.*)\n/.exec(out);
        if (m) {
          if (m[3] !== 'ok') reject(new Error(`host could not open the file: ${m[3]}`));
          else resolve({ child, port: Number(m[1]), token: m[2] });
        }
      });
      child.on('exit', (code) => reject(new Error(`host ended (${code}): ${err}`)));
    });
  }

  it(
    `${KILLS} seeded SIGKILLs under ${CLIENTS} writing clients: every acknowledged write survives, file always consistent`,
    { timeout: 180_000 },
    async () => {
      const random = rng(SEED);
      const started = Date.now();
      let rounds = 0;
      const dbPath = path.join(dir, 'zwgk.sqlite');
      const acknowledged = { departments: new Set<string>(), staff: new Set<string>() };
      let sequence = 0;

      for (let round = 0; round < KILLS; round++) {
        if (round >= MIN_KILLS && Date.now() - started > BUDGET_MS) break;
        rounds++;
        const host = await startHost(dbPath);
        if (round === 0) {
          const setup = await post(host.port, host.token, 'app.setup', {
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
          });
          expect(setup.ok).toBe(true);
        }
        let stop = false;
        const client = async (c: number) => {
          while (!stop) {
            const name = `科室${c}-${++sequence}`;
            try {
              const d = await post(host.port, host.token, 'departments.create', { name });
              if (!d.ok) throw new Error(`refused: ${d.error?.message}`);
              acknowledged.departments.add(name);
              const person = `人员${c}-${sequence}`;
              const s = await post(host.port, host.token, 'staff.create', {
                name: person,
                departmentId: d.value!.id,
                title: '',
                phone: '',
                status: '在岗',
                note: '',
              });
              if (!s.ok) throw new Error(`refused: ${s.error?.message}`);
              acknowledged.staff.add(person);
            } catch (e) {
              // A connection cut by the kill: that write was not acknowledged. Anything else is a failure.
              if (stop || host.child.exitCode !== null || host.child.signalCode !== null) return;
              if (
                (e as NodeJS.ErrnoException).code === 'ECONNRESET' ||
                (e as NodeJS.ErrnoException).code === 'ECONNREFUSED'
              )
                return;
              throw e;
            }
          }
        };
        const ackedBefore = acknowledged.departments.size;
        const clients = Array.from({ length: CLIENTS }, (_, c) => client(c));
        // Writes are flowing (however busy the machine), then the kill comes at a seeded moment 0-700 ms later.
        for (let waited = 0; acknowledged.departments.size === ackedBefore && waited < 30_000; waited += 20)
          await new Promise((r) => setTimeout(r, 20));
        await new Promise((r) => setTimeout(r, Math.floor(random() * 700)));
        host.child.kill('SIGKILL');
        await new Promise((r) => host.child.once('close', r));
        stop = true;
        await Promise.all(clients);

        // Checked with a plain connection, before any program opens (and could repair) it.
        const db = new Database(dbPath);
        try {
          expect(db.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok');
          expect(db.pragma('foreign_key_check'), `round ${round}`).toEqual([]);
          const depts = new Set(
            (db.prepare('SELECT name FROM department').all() as { name: string }[]).map((r) => r.name),
          );
          const staff = new Set((db.prepare('SELECT name FROM staff').all() as { name: string }[]).map((r) => r.name));
          for (const n of acknowledged.departments)
            expect(depts.has(n), `round ${round}: acknowledged ${n} lost`).toBe(true);
          for (const n of acknowledged.staff) expect(staff.has(n), `round ${round}: acknowledged ${n} lost`).toBe(true);
        } finally {
          db.close();
        }
      }
      // Enough writes happened for the test to mean something.
      expect(rounds).toBeGreaterThanOrEqual(MIN_KILLS);
      // Every round had acknowledged writes before its kill.
      expect(acknowledged.departments.size).toBeGreaterThanOrEqual(rounds);

      // A last start cleans what the kills left (half-written backups), and stops cleanly.
      const host = await startHost(dbPath);
      expect((await post(host.port, host.token, 'app.status', {})).ok).toBe(true);
      host.child.kill('SIGTERM');
      await new Promise((r) => host.child.once('close', r));
      const backupDir = path.join(dir, 'backups', 'zwgk');
      expect(fs.readdirSync(backupDir).filter((f) => f.startsWith('.tmp-'))).toEqual([]);
      expect(fs.readdirSync(dir).filter((f) => f.includes('.restoring-'))).toEqual([]);
    },
  );
});
