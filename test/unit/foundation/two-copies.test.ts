// Two copies of the workstation on one data file, as an office has them (two windows, two PCs, the app and the CLI):
// real web hosts in their own processes, real SQLite files. One copy writes; the other is told who has the file and
// may read it; nothing acknowledged is lost; an older file is upgraded once; a busy write waits; a crashed copy's
// lock is taken over; a restore never happens under another copy's feet; a file replaced by hand stops the writes.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../../main/db/migrate';
import { MIGRATIONS } from '../../../main/db/migrations';
import { openDatabase } from '../../../main/db/open';
import { lockPathFor } from '../../../main/db/writer-lock';
import { bundleHost, startHostProcess, type HostProcess, type Reply } from '../../helpers/host-process';
import { makeTempDir } from '../../helpers/workstation';

const ROOT = path.resolve(__dirname, '../../..');
const BUREAU = {
  fullName: '某县科学技术局',
  shortName: '县科技局',
  region: '某县',
  head: '',
  leader: '',
  contact: '',
  phone: '',
};

let host: { bundle: string; rendererDir: string; cleanup(): void };
const running: HostProcess[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  host = await bundleHost('two-copies');
}, 120_000);
afterAll(() => host.cleanup());
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.kill()));
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function start(dbPath: string, flags: string[] = []): Promise<HostProcess> {
  const h = await startHostProcess(host.bundle, host.rendererDir, dbPath, flags);
  running.push(h);
  return h;
}

function tempDb(): string {
  const dir = makeTempDir('zwgk-two-');
  dirs.push(dir);
  return path.join(dir, 'zwgk.sqlite');
}

function value<T>(r: Reply<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

type Status = { state: string; message?: string; access: { mode: string; writer: string | null } };

/**
 * Write calls from every area, each given a name so the writer's and the reader's do not collide. The writer's
 * succeed (which proves the inputs valid); the same calls from a read-only copy must all be refused, in Chinese.
 */
function writeCalls(tag: string): [string, unknown][] {
  return [
    ['departments.create', { name: `科室${tag}` }],
    ['staff.create', { name: `人员${tag}`, departmentId: null, title: '', phone: '', status: '在岗', note: '' }],
    ['bureau.update', { ...BUREAU, contact: `联系人${tag}` }],
    ['calendar.save', { overrides: [], dueSoonDays: 7 }],
    ['disclosure.createColumn', { name: `栏目${tag}` }],
    ['plan.createSection', { year: 2026, title: `章节${tag}` }],
    ['ab.createPost', { name: `岗位${tag}`, duties: '' }],
    [
      'rectification.create',
      {
        year: 2026,
        problem: `问题${tag}`,
        origin: '',
        measure: '整改措施',
        leader: '',
        note: '',
        deadline: '2026-12-31',
      },
    ],
  ];
}

describe('two copies of the workstation on one data file', () => {
  it(
    'the second is told who has the file and may read it: every write refused in Chinese, nothing acknowledged lost',
    { timeout: 120_000 },
    async () => {
      const db = tempDb();
      const a = await start(db);
      expect(a.opened).toBe('ok');
      value(await a.call('app.setup', { bureau: BUREAU, year: 2026 }));

      const b = await start(db);
      // Told, not half-served: which computer, which program, since when.
      expect(b.opened).toContain(os.hostname());
      const told = value(await b.call<Status>('app.status'));
      expect(told.state).toBe('locked');
      expect(told.message).toMatch(
        /正由本电脑（.+）上的政务公开工作台网页版（用户 .+，自 \d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d 起）使用/,
      );
      expect(told.access).toMatchObject({ mode: 'none', writer: expect.stringContaining('网页版') });
      const refused = await b.call('departments.list');
      expect(refused).toMatchObject({ ok: false, error: { code: 'DB_IN_USE' } });

      const read = value(await b.call<Status>('app.openReadOnly'));
      expect(read).toMatchObject({ state: 'ready', access: { mode: 'read' } });

      // Both at work at once: the writer's writes are acknowledged, the reader's refused, its reads see the writer's.
      const acknowledged: string[] = [];
      let stop = false;
      const writer = (async () => {
        for (let i = 0; !stop && i < 400; i++) {
          const r = await a.call<{ name: string }>('departments.create', { name: `写入${i}` });
          acknowledged.push(value(r).name);
        }
      })();
      const readerRefusals: Reply<unknown>[] = [];
      for (let i = 0; i < 30; i++) {
        readerRefusals.push(await b.call('departments.create', { name: `只读${i}` }));
        const seen = value(await b.call<{ name: string }[]>('departments.list'));
        expect(seen.length).toBeGreaterThanOrEqual(0);
      }
      stop = true;
      await writer;
      for (const r of readerRefusals) expect(r).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });

      for (const [method, input] of writeCalls('甲')) value(await a.call(method, input));
      for (const [method, input] of writeCalls('乙')) {
        const r = await b.call(method, input);
        expect(r.ok, method).toBe(false);
        if (!r.ok) {
          expect(r.error.code, method).toBe('READ_ONLY');
          expect(r.error.message, method).toMatch(/正由本电脑（.+）上的政务公开工作台网页版.*只读打开的，不能修改/);
        }
      }
      // A backup, a restore or the example data are refused too (a restore names the writer).
      expect(await b.call('backup.create')).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
      const backup = value(await a.call<{ fileName: string }>('backup.create'));
      const restore = await b.call('backup.restore', { fileName: backup.fileName });
      expect(restore).toMatchObject({
        ok: false,
        error: { code: 'DB_IN_USE', message: expect.stringMatching(/不能恢复.*网页版/) },
      });

      // The reader sees what the writer acknowledged (its snapshot moves on with each call).
      const seenByReader = value(await b.call<{ name: string }[]>('departments.list')).map((d) => d.name);
      for (const n of acknowledged) expect(seenByReader).toContain(n);

      // The writer closes: the reader may now write, and everything acknowledged is in the file, nothing of the reader's.
      await a.stop();
      expect(value(await b.call<Status>('app.status')).access).toMatchObject({ mode: 'read', writer: null });
      expect(value(await b.call<Status>('app.reopen')).access.mode).toBe('write');
      value(await b.call('departments.create', { name: '改为可写后' }));
      await b.stop();
      const file = new Database(db, { readonly: true });
      const names = new Set(
        (file.prepare('SELECT name FROM department').all() as { name: string }[]).map((r) => r.name),
      );
      file.close();
      for (const n of [...acknowledged, '科室甲', '改为可写后']) expect(names.has(n), n).toBe(true);
      for (const n of names) expect(n.startsWith('只读') || n === '科室乙', n).toBe(false);
      expect(fs.existsSync(lockPathFor(db))).toBe(false);
    },
  );

  it(
    'two copies started at the same moment on an older file upgrade it once; both end ready or told',
    { timeout: 120_000 },
    async () => {
      for (let round = 0; round < 3; round++) {
        const db = tempDb();
        const old = openDatabase(db);
        migrateDatabase(
          old,
          db,
          () => '',
          MIGRATIONS.filter((m) => m.version <= 20),
        );
        old
          .prepare(
            "INSERT INTO bureau (id, full_name, short_name, updated_at) VALUES (1, '某县科学技术局', '县科技局', 'x')",
          )
          .run();
        old.prepare("INSERT INTO setting (key, value) VALUES ('app.currentYear', '2026')").run();
        old.prepare("INSERT INTO department (name, sort_order, created_at) VALUES ('办公室', 1, 'x')").run();
        old.close();

        const both = await Promise.all([start(db), start(db)]);
        const states = await Promise.all(both.map(async (h) => value(await h.call<Status>('app.status'))));
        // Exactly one writes; the other is told who (never "升级失败").
        expect(states.map((s) => s.state).sort(), `round ${round}`).toEqual(['locked', 'ready']);
        for (const s of states) expect(s.message ?? '').not.toMatch(/升级.*失败|already exists/);
        const reader = both[states.findIndex((s) => s.state === 'locked')];
        expect(value(await reader.call<Status>('app.openReadOnly')).state).toBe('ready');
        await Promise.all(both.map((h) => h.stop()));

        const file = new Database(db, { readonly: true });
        expect(file.pragma('user_version', { simple: true })).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
        expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(file.prepare('SELECT name FROM department').all()).toEqual([{ name: '办公室' }]);
        file.close();
        // Upgraded once: one pre-migration backup.
        const backups = fs.readdirSync(path.join(path.dirname(db), 'backups', 'zwgk'));
        expect(
          backups.filter((f) => f.endsWith('-pre-migration.sqlite')),
          `round ${round}`,
        ).toHaveLength(1);
      }
    },
  );

  it(
    'a write that meets a busy file waits for it and succeeds (DB_BUSY in Chinese after the wait, never INTERNAL)',
    { timeout: 60_000 },
    async () => {
      const db = tempDb();
      const a = await start(db);
      value(await a.call('app.setup', { bureau: BUREAU, year: 2026 }));
      // Another program holds SQLite's write lock for a moment (the writer lock does not stop a plain sqlite3 tool).
      const holder = spawnHolder(db, 1500);
      await holder.holding;
      // Asked while the other program holds the write lock, it can only succeed by waiting for that program's commit.
      const r = await a.call('departments.create', { name: '等待后写入' });
      expect(r).toMatchObject({ ok: true });
      await holder.done;

      const long = spawnHolder(db, 8000);
      await long.holding;
      const busy = await a.call('departments.create', { name: '太久' });
      expect(busy).toMatchObject({
        ok: false,
        error: { code: 'DB_BUSY', message: expect.stringContaining('另一个程序') },
      });
      await long.done;
      expect(await a.call('departments.create', { name: '之后' })).toMatchObject({ ok: true });
    },
  );

  it(
    'a lock left by a killed copy is taken over, and the take-over noted in the file',
    { timeout: 60_000 },
    async () => {
      const db = tempDb();
      const a = await start(db);
      value(await a.call('app.setup', { bureau: BUREAU, year: 2026 }));
      value(await a.call('departments.create', { name: '崩溃前' }));
      await a.kill();
      expect(fs.existsSync(lockPathFor(db))).toBe(true);
      const b = await start(db);
      expect(b.opened).toBe('ok');
      const lock = JSON.parse(fs.readFileSync(lockPathFor(db), 'utf8')) as { pid: number };
      expect(lock.pid).toBe(b.child.pid);
      const status = value(await b.call<Status & { access: { tookOver: string } }>('app.status'));
      expect(status.access.tookOver).toMatch(/该程序已不在运行，本程序已接管它/);
      const names = value(await b.call<{ name: string }[]>('departments.list')).map((d) => d.name);
      expect(names).toEqual(['崩溃前']);
      const history = value(await b.call<{ summary: string }[]>('audit.list', { entity: 'data' }));
      expect(history[0].summary).toMatch(/接管/);
      // Noted once: a restore afterwards (which reopens the file under the same lock) notes nothing more.
      const made = value(await b.call<{ fileName: string }>('backup.create'));
      value(await b.call('backup.restore', { fileName: made.fileName }));
      const after = value(await b.call<{ summary: string }[]>('audit.list', { entity: 'data' }));
      expect(after.filter((e) => e.summary.includes('接管'))).toHaveLength(1);
    },
  );

  it(
    'a restore from the command line is refused while a copy holds the file; read-only commands work',
    { timeout: 120_000 },
    async () => {
      const db = tempDb();
      const a = await start(db);
      value(await a.call('app.setup', { bureau: BUREAU, year: 2026 }));
      value(await a.call('departments.create', { name: '办公室' }));
      const backup = path.join(path.dirname(db), 'copy.sqlite');
      const cli = (...args: string[]) =>
        spawnSync(process.execPath, [path.join(ROOT, 'scripts/cli.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });
      expect(cli('backup', '--out', backup, '--db', db).status).toBe(0);
      const before = fs.readFileSync(db);
      const restore = cli('restore', backup, '--db', db);
      expect(restore.status).toBe(1);
      expect(restore.stderr).toMatch(
        /^错误\[DB_IN_USE\]：不能恢复：数据文件 .* 正由本电脑（.+）上的政务公开工作台网页版/,
      );
      // A command that writes is refused with the writer named; nothing of it reaches the file.
      const register = path.join(path.dirname(db), '登记.xlsx');
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('登记').addRows([
        ['标题', '发布时间', '所属栏目'],
        ['甲通知', '2026-01-05', '通知公告'],
      ]);
      await wb.xlsx.writeFile(register);
      const write = cli('import-publications', register, '--db', db);
      expect(write.status).toBe(1);
      expect(write.stderr).toMatch(
        /^错误\[READ_ONLY\]：数据文件 .* 正由本电脑（.+）上的政务公开工作台网页版.*命令行只能读取/,
      );
      const info = cli('info', '--db', db);
      expect(info.status).toBe(0);
      expect(info.stdout).toMatch(/正在使用：本电脑（.+）上的政务公开工作台网页版.*（本命令只读）/);
      expect(info.stdout).toContain('department 1');
      expect(fs.readFileSync(db).equals(before)).toBe(true);
      // The writer goes on untouched.
      expect(value(await a.call<{ name: string }[]>('departments.list')).map((d) => d.name)).toEqual(['办公室']);
    },
  );

  it(
    'a data file replaced by hand under a running copy is noticed: no write goes to the replaced file',
    { timeout: 60_000 },
    async () => {
      const db = tempDb();
      const a = await start(db);
      value(await a.call('app.setup', { bureau: BUREAU, year: 2026 }));
      value(await a.call('departments.create', { name: '替换前' }));
      const copy = path.join(path.dirname(db), 'other.sqlite');
      value(await a.call('backup.create'));
      const made = fs.readdirSync(path.join(path.dirname(db), 'backups', 'zwgk')).find((f) => f.includes('manual'))!;
      fs.copyFileSync(path.join(path.dirname(db), 'backups', 'zwgk', made), copy);
      // Someone copies another file over the data file while the program runs (Explorer's "replace").
      fs.renameSync(copy, db);
      const r = await a.call('departments.create', { name: '替换后' });
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'DB_REPLACED', message: expect.stringContaining('被替换') },
      });
      expect(value(await a.call<Status>('app.status')).state).toBe('replaced');
      const file = new Database(db, { readonly: true });
      expect(file.prepare('SELECT name FROM department').all()).toEqual([{ name: '替换前' }]);
      file.close();
      // Reopened, it works on the file now in place.
      expect(value(await a.call<Status>('app.reopen')).state).toBe('ready');
      value(await a.call('departments.create', { name: '重新打开后' }));
      const after = new Database(db, { readonly: true });
      expect(
        (after.prepare('SELECT name FROM department ORDER BY id').all() as { name: string }[]).map((x) => x.name),
      ).toEqual(['替换前', '重新打开后']);
      after.close();
    },
  );
});

/** A plain SQLite program holding the write lock of `db` for `ms` (BEGIN IMMEDIATE … COMMIT), in its own process. */
function spawnHolder(db: string, ms: number): { holding: Promise<void>; done: Promise<void> } {
  const script = `
    const Database = require(${JSON.stringify(path.join(ROOT, 'node_modules/better-sqlite3'))});
    const db = new Database(${JSON.stringify(db)});
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('HOLDING\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms});
    db.exec('COMMIT');
    db.close();
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const holding = new Promise<void>((resolve) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('HOLDING')) resolve();
    });
  });
  const done = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return { holding, done };
}
