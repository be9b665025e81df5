import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { autoBackupIfDue, BACKUP_RETENTION, createBackup, listBackups, pruneBackups } from '../../../main/db/backup';
import { LATEST_SCHEMA_VERSION, migrateDatabase } from '../../../main/db/migrate';
import { MIGRATIONS, type Migration } from '../../../main/db/migrations';
import { openDatabase, schemaVersionOf } from '../../../main/db/open';
import { Workstation } from '../../../main/services/workstation';
import { dispatch } from '../../../main/ipc/dispatch';
import { loadHandlers } from '../../../main/ipc/handlers';
import { ErrorCode } from '../../../shared/ipc/errors';
import { AppError } from '../../../shared/ipc/result';
import { makeTempDir, openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';

const handlers = await loadHandlers();

const dirs: string[] = [];
const temp = () => {
  const d = makeTempDir();
  dirs.push(d);
  return d;
};
const open: TestWorkstation[] = [];
async function testWs(opts: Parameters<typeof openTestWorkstation>[0] = {}) {
  const t = await openTestWorkstation(opts);
  open.push(t);
  return t;
}
afterEach(() => {
  for (const t of open.splice(0)) t.cleanup();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const noFiles = {
  deliver: async () => {
    throw new Error('no delivery in this test');
  },
};
const workstation = (dbPath: string) => new Workstation({ dbPath, host: 'cli', autoBackup: false, files: noFiles });
const tables = (db: Database.Database) =>
  (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[]
  ).map((r) => r.name);
/**
 * Every file in a folder with its bytes, to prove nothing was written. The `.lock` beside an open data file only says
 * who has it open (it goes when the workstation closes: writer-lock.test.ts), so it is left out.
 */
const snapshot = (dir: string) =>
  Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((f) => !f.endsWith('.lock'))
      .map((f) => [
        f,
        fs.statSync(path.join(dir, f)).isFile()
          ? crypto
              .createHash('sha256')
              .update(fs.readFileSync(path.join(dir, f)))
              .digest('hex')
          : 'dir',
      ]),
  );

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('migrations', () => {
  it('are numbered upwards and each one applies on top of the previous ones', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    const dir = temp();
    const file = path.join(dir, 'zwgk.sqlite');
    let previousTables: string[] = [];
    for (let i = 0; i < MIGRATIONS.length; i++) {
      const db = openDatabase(file);
      const r = migrateDatabase(
        db,
        file,
        () =>
          path.join(dir, createBackup(db, path.join(dir, 'backups'), 'pre-migration', MIGRATIONS[i].version).fileName),
        MIGRATIONS.slice(0, i + 1),
      );
      expect(r.to).toBe(MIGRATIONS[i].version);
      expect(schemaVersionOf(db)).toBe(MIGRATIONS[i].version);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
      const now = tables(db);
      expect(now).toEqual(expect.arrayContaining(previousTables));
      previousTables = now;
      db.close();
    }
    expect(previousTables).toEqual(
      expect.arrayContaining(['audit_log', 'attachment', 'bureau', 'department', 'setting', 'staff']),
    );
  });

  it('a failing migration leaves the file and its version untouched, with a verified backup beside it', async () => {
    const t = await testWs();
    await t.call('departments.create', { name: '办公室' });
    t.ws.close();
    const before = fs.readFileSync(t.dbPath);
    const failing: Migration[] = [
      ...MIGRATIONS,
      {
        version: LATEST_SCHEMA_VERSION + 1,
        name: '能成功的一步',
        sql: "CREATE TABLE extra (id INTEGER PRIMARY KEY); INSERT INTO department (name, sort_order, active, created_at) VALUES ('不该留下', 9, 1, 'x');",
      },
      {
        version: LATEST_SCHEMA_VERSION + 2,
        name: '会失败的一步',
        sql: 'CREATE TABLE broken (id INTEGER PRIMARY KEY); INSERT INTO no_such_table VALUES (1);',
      },
    ];
    const db = openDatabase(t.dbPath);
    const backupDir = path.join(t.dir, 'backups');
    const e = thrown(() =>
      migrateDatabase(
        db,
        t.dbPath,
        () => path.join(backupDir, createBackup(db, backupDir, 'pre-migration', LATEST_SCHEMA_VERSION).fileName),
        failing,
      ),
    );
    expect(e.code).toBe(ErrorCode.DB_MIGRATION_FAILED);
    expect(e.message).toContain(`第 ${LATEST_SCHEMA_VERSION + 2} 版（会失败的一步）`);
    expect(e.message).toContain('升级前备份在');
    expect(schemaVersionOf(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(tables(db)).not.toContain('extra');
    db.close();
    expect(fs.readFileSync(t.dbPath).equals(before)).toBe(true);

    const backups = listBackups(backupDir);
    expect(backups.map((b) => b.kind)).toEqual(['pre-migration']);
    expect(backups[0].schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const copy = new Database(path.join(backupDir, backups[0].fileName), { readonly: true });
    expect(copy.prepare('SELECT name FROM department').all()).toEqual([{ name: '办公室' }]);
    copy.close();
  });

  it('backs up an existing file before migrating it, but not a new one', () => {
    const dir = temp();
    const file = path.join(dir, 'zwgk.sqlite');
    const backupDir = path.join(dir, 'backups');
    const first = openDatabase(file);
    const made = () => path.join(backupDir, createBackup(first, backupDir, 'pre-migration', 99).fileName);
    expect(migrateDatabase(first, file, made, MIGRATIONS.slice(0, 1)).backupPath).toBeNull();
    const next: Migration[] = [
      ...MIGRATIONS.slice(0, 1),
      { version: 2, name: '测试', sql: 'CREATE TABLE t2 (id INTEGER);' },
    ];
    const r = migrateDatabase(first, file, made, next);
    expect(r).toMatchObject({ from: 1, to: 2 });
    expect(fs.existsSync(r.backupPath!)).toBe(true);
    first.close();
  });

  it('refuses a file from a newer program and leaves it byte for byte as it was', async () => {
    const t = await testWs();
    t.ws.context().raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    t.ws.close();
    const before = snapshot(t.dir);
    const ws = workstation(t.dbPath).open();
    expect(ws.ready).toBe(false);
    expect(ws.failure?.state).toBe('tooNew');
    expect(ws.failure?.error.code).toBe(ErrorCode.DB_TOO_NEW);
    expect(ws.failure?.error.message).toContain('更新版本');
    expect(snapshot(t.dir)).toEqual(before);
  });

  it('does not even switch a newer rollback-journal file to WAL', () => {
    const dir = temp();
    const file = path.join(dir, 'newer.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE bureau (id INTEGER PRIMARY KEY)');
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const before = snapshot(dir);
    expect(workstation(file).open().failure?.state).toBe('tooNew');
    expect(snapshot(dir)).toEqual(before);
  });

  it('reports a garbage file as damaged, untouched', async () => {
    const dir = temp();
    const file = path.join(dir, 'zwgk.sqlite');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('这不是数据库'), Buffer.alloc(8192, 7)]));
    const before = snapshot(dir);
    const ws = workstation(file).open();
    expect(ws.failure?.state).toBe('damaged');
    expect(ws.failure?.error.code).toBe(ErrorCode.DB_DAMAGED);
    expect(ws.failure?.error.message).toContain('恢复最近的备份');
    expect(() => ws.context()).toThrow(AppError);
    expect(snapshot(dir)).toEqual(before);
  });

  it('reports a damaged page inside a real database as damaged', async () => {
    const t = await testWs();
    for (let i = 0; i < 200; i++) await t.call('departments.create', { name: `科室${i}` });
    t.ws.close();
    const bytes = fs.readFileSync(t.dbPath);
    // Overwrite the middle pages (table b-tree pages) with noise, keep the header.
    bytes.fill(0xab, 4096 * 2, bytes.length - 4096);
    fs.writeFileSync(t.dbPath, bytes);
    const ws = workstation(t.dbPath).open();
    expect(ws.failure?.error.code).toBe(ErrorCode.DB_DAMAGED);
  });

  it('refuses an SQLite file of another program that already has tables', () => {
    const dir = temp();
    const file = path.join(dir, 'other.sqlite');
    const db = new Database(file);
    db.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, 'x');");
    db.close();
    const before = snapshot(dir);
    const ws = workstation(file).open();
    expect(ws.failure?.error.code).toBe(ErrorCode.DB_DAMAGED);
    expect(ws.failure?.error.message).toContain('其他程序');
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('backups', () => {
  it('round trip: changes made after a backup are gone after restoring it, and a pre-restore backup exists', async () => {
    const t = await testWs();
    await t.call('departments.create', { name: '办公室' });
    const backup = await t.call('backup.create');
    expect(backup.kind).toBe('manual');
    await t.call('departments.create', { name: '备份后新增' });
    await t.call('bureau.update', {
      fullName: '改过的名称',
      shortName: '改',
      region: '',
      head: '',
      leader: '',
      contact: '',
      phone: '',
    });

    const status = await t.call('backup.restore', { fileName: backup.fileName });
    expect(status.state).toBe('ready');
    expect(status.bureau?.fullName).toBe('某县科学技术局');
    expect((await t.call('departments.list')).map((d) => d.name)).toEqual(['办公室']);
    const kinds = (await t.call('backup.list')).map((b) => b.kind);
    expect(kinds).toContain('pre-restore');
    const restoreEntry = (await t.call('audit.list', { entity: 'data', limit: 5 }))[0];
    expect(restoreEntry.action).toBe('restore');
    expect(restoreEntry.summary).toContain('手动备份');

    // The pre-restore backup holds the state just before the restore, so the restore itself can be undone.
    const pre = (await t.call('backup.list')).find((b) => b.kind === 'pre-restore')!;
    await t.call('backup.restore', { fileName: pre.fileName });
    expect((await t.call('departments.list')).map((d) => d.name)).toEqual(['办公室', '备份后新增']);
  });

  it('restores a backup from an older version and brings it up to date', async () => {
    const t = await testWs();
    fs.mkdirSync(t.ws.backupDir, { recursive: true });
    const name = 'zwgk-20250105-090000-manual.sqlite';
    const file = path.join(t.ws.backupDir, name);
    const old = openDatabase(file);
    migrateDatabase(old, file, () => '', MIGRATIONS.slice(0, 1));
    old
      .prepare("INSERT INTO bureau (id, full_name, short_name, updated_at) VALUES (1, '旧版本的单位', '旧单位', 'x')")
      .run();
    old.prepare("INSERT INTO setting (key, value) VALUES ('app.currentYear', '2025')").run();
    old.pragma('journal_mode = DELETE');
    old.close();

    // It holds another 单位's data: refused unless the user confirms exactly that.
    await expect(t.call('backup.restore', { fileName: name })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('旧版本的单位'),
    });
    const status = await t.call('backup.restore', { fileName: name, confirmOtherBureau: true });
    expect(status).toMatchObject({
      state: 'ready',
      schemaVersion: LATEST_SCHEMA_VERSION,
      year: 2025,
      bureau: { fullName: '旧版本的单位' },
    });
    const kinds = (await t.call('backup.list')).map((b) => b.kind);
    expect(kinds).toEqual(expect.arrayContaining(['pre-restore', 'manual']));
    // The upgrade ran on a verified copy: the backup itself is still the old version, usable again.
    const again = new Database(file, { readonly: true });
    expect(schemaVersionOf(again)).toBe(1);
    again.close();
  });

  it('restoring an invalid file changes nothing: not the data, not the backup folder', async () => {
    const t = await testWs();
    await t.call('departments.create', { name: '办公室' });
    fs.mkdirSync(t.ws.backupDir, { recursive: true });
    const fake = 'zwgk-20260101-080000-manual.sqlite';
    fs.writeFileSync(path.join(t.ws.backupDir, fake), 'garbage, not a database');
    const before = snapshot(t.ws.backupDir);
    await expect(t.call('backup.restore', { fileName: fake })).rejects.toMatchObject({
      code: ErrorCode.BACKUP_INVALID,
    });
    expect(snapshot(t.ws.backupDir)).toEqual(before);
    expect(t.ws.ready).toBe(true);
    expect((await t.call('departments.list')).map((d) => d.name)).toEqual(['办公室']);

    // A valid SQLite file of another program is refused as well, and names outside the list are not reachable.
    const other = new Database(path.join(t.ws.backupDir, 'zwgk-20260102-080000-manual.sqlite'));
    other.exec('CREATE TABLE x (id INTEGER)');
    other.pragma('user_version = 1');
    other.close();
    await expect(t.call('backup.restore', { fileName: 'zwgk-20260102-080000-manual.sqlite' })).rejects.toMatchObject({
      code: ErrorCode.BACKUP_INVALID,
    });
    await expect(t.call('backup.restore', { fileName: '../zwgk.sqlite' })).rejects.toMatchObject({
      code: ErrorCode.NOT_FOUND,
    });
  });

  it('restores a data file the user picked (a full copy from another PC), and refuses anything else', async () => {
    const oldPc = await testWs();
    await oldPc.call('departments.create', { name: '旧电脑上的科室' });
    await oldPc.call('backup.saveCopy');
    const copy = oldPc.delivered.at(-1)!;
    expect(copy.fileName).toMatch(/^政务公开工作台数据-\d{8}\.sqlite$/);

    const newPc = await testWs({ setup: false });
    expect((await newPc.call('app.status')).state).toBe('setup');
    const notData = newPc.call('backup.restoreFile', {
      fileName: '名单.xlsx',
      dataBase64: Buffer.from('PK\x03\x04 not a database').toString('base64'),
    });
    await expect(notData).rejects.toMatchObject({
      code: ErrorCode.BACKUP_INVALID,
      message: expect.stringContaining('“名单.xlsx”'),
    });
    expect((await newPc.call('app.status')).state).toBe('setup');

    const status = await newPc.call('backup.restoreFile', {
      fileName: copy.fileName,
      dataBase64: copy.data.toString('base64'),
    });
    expect(status).toMatchObject({ state: 'ready', bureau: { fullName: '某县科学技术局' } });
    expect((await newPc.call('departments.list')).map((d) => d.name)).toEqual(['旧电脑上的科室']);
    expect((await newPc.call('audit.list', { entity: 'data', limit: 1 }))[0].summary).toContain(copy.fileName);
    expect((await newPc.call('backup.list')).map((b) => b.kind)).toContain('pre-restore');
  });

  it('restores a backup while the data file is damaged, keeping the damaged file aside', async () => {
    const t = await testWs();
    await t.call('departments.create', { name: '办公室' });
    const backup = await t.call('backup.create');
    t.ws.close();
    fs.writeFileSync(t.dbPath, 'damaged beyond repair');
    fs.rmSync(`${t.dbPath}-wal`, { force: true });
    fs.rmSync(`${t.dbPath}-shm`, { force: true });
    t.ws.open();
    expect((await t.call('app.status')).state).toBe('damaged');
    await expect(t.call('departments.list')).rejects.toMatchObject({ code: ErrorCode.NOT_READY });
    expect((await t.call('backup.list')).map((b) => b.fileName)).toContain(backup.fileName);

    const status = await t.call('backup.restore', { fileName: backup.fileName });
    expect(status.state).toBe('ready');
    expect((await t.call('departments.list')).map((d) => d.name)).toEqual(['办公室']);
    const kept = fs.readdirSync(t.ws.backupDir).filter((f) => f.startsWith('damaged-'));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(t.ws.backupDir, kept[0]), 'utf8')).toBe('damaged beyond repair');
    // Not offered as a backup.
    expect((await t.call('backup.list')).some((b) => b.fileName.startsWith('damaged-'))).toBe(false);
  });

  it('retention keeps 14 days of daily backups, one per month for 12 months, 5 pre-migration, 5 pre-restore and every manual one', () => {
    const dir = temp();
    const names: string[] = [];
    const p = (n: number) => String(n).padStart(2, '0');
    const add = (d: Date, kind: string, suffix = '') => {
      const name = `zwgk-${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}00${suffix}-${kind}.sqlite`;
      fs.writeFileSync(path.join(dir, name), 'x');
      names.push(name);
      return name;
    };
    // Daily automatic backups from 2025-01-01 to 2026-03-31, and a second one on the last day.
    const autos: string[] = [];
    for (
      let d = new Date(2025, 0, 1, 9);
      d <= new Date(2026, 2, 31, 9);
      d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, 9)
    )
      autos.push(add(d, 'auto'));
    const lastAuto = add(new Date(2026, 2, 31, 17), 'auto');
    const preMigration = Array.from({ length: 8 }, (_, i) => add(new Date(2026, 1, i + 1, 10), 'pre-migration'));
    const preRestore = Array.from({ length: 7 }, (_, i) => add(new Date(2026, 1, i + 1, 11), 'pre-restore'));
    const manual = Array.from({ length: 3 }, (_, i) => add(new Date(2024, i, 1, 12), 'manual'));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a backup');

    pruneBackups(dir);
    const left = new Set(fs.readdirSync(dir));
    const keptAutos = [...left].filter((f) => f.endsWith('-auto.sqlite')).sort();
    const daily = [
      '20260318',
      '20260319',
      '20260320',
      '20260321',
      '20260322',
      '20260323',
      '20260324',
      '20260325',
      '20260326',
      '20260327',
      '20260328',
      '20260329',
      '20260330',
    ];
    // Newest per day for 14 days (on 03-31 the later one), newest per month for 12 months (2025-04 .. 2026-03).
    const monthly = [
      '20250430',
      '20250531',
      '20250630',
      '20250731',
      '20250831',
      '20250930',
      '20251031',
      '20251130',
      '20251231',
      '20260131',
      '20260228',
    ];
    expect(keptAutos).toEqual(
      [...monthly, ...daily]
        .map((d) => `zwgk-${d}-090000-auto.sqlite`)
        .concat(lastAuto)
        .sort(),
    );
    expect(keptAutos.length).toBe(BACKUP_RETENTION.dailyAuto + BACKUP_RETENTION.monthlyAuto - 1);
    expect(autos).toHaveLength(455);
    expect(preMigration.filter((f) => left.has(f))).toEqual(preMigration.slice(-BACKUP_RETENTION.preMigration));
    expect(preRestore.filter((f) => left.has(f))).toEqual(preRestore.slice(-BACKUP_RETENTION.preRestore));
    expect(manual.every((f) => left.has(f))).toBe(true);
    expect(left.has('notes.txt')).toBe(true);
    expect(names.filter((n) => left.has(n))).toHaveLength(keptAutos.length + 5 + 5 + 3);
  });

  it('makes at most one automatic backup a day', async () => {
    const t = await testWs();
    const raw = t.ws.context().raw;
    const day1 = new Date(2026, 4, 6, 8, 0, 0);
    expect(autoBackupIfDue(raw, t.ws.backupDir, LATEST_SCHEMA_VERSION, day1)?.kind).toBe('auto');
    expect(autoBackupIfDue(raw, t.ws.backupDir, LATEST_SCHEMA_VERSION, new Date(2026, 4, 6, 17, 30, 0))).toBeNull();
    expect(autoBackupIfDue(raw, t.ws.backupDir, LATEST_SCHEMA_VERSION, new Date(2026, 4, 7, 8, 0, 0))?.kind).toBe(
      'auto',
    );
    expect(listBackups(t.ws.backupDir).map((b) => b.fileName)).toEqual([
      'zwgk-20260507-080000-auto.sqlite',
      'zwgk-20260506-080000-auto.sqlite',
    ]);
  });

  it('opens a healthy database even when the daily backup cannot be written, and says so', async () => {
    const dir = temp();
    const dbPath = path.join(dir, 'zwgk.sqlite');
    fs.writeFileSync(path.join(dir, 'backups'), 'a file where the backup folder should be');
    const ws = new Workstation({ dbPath, host: 'web', files: noFiles }).open();
    try {
      expect(ws.ready).toBe(true);
      expect(ws.backupWarning).toContain('今天的自动备份没有成功');
      const r = await dispatch(handlers, ws, 'app.status', undefined);
      expect(r).toMatchObject({
        ok: true,
        value: { state: 'setup', message: expect.stringContaining('自动备份没有成功') },
      });
    } finally {
      ws.close();
    }
  });

  it('does not migrate without its backup: an unwritable backup folder leaves the older file as it was', () => {
    const dir = temp();
    const dbPath = path.join(dir, 'zwgk.sqlite');
    const old = openDatabase(dbPath);
    migrateDatabase(old, dbPath, () => '', MIGRATIONS.slice(0, 1));
    old.close();
    fs.writeFileSync(path.join(dir, 'backups'), 'a file where the backup folder should be');
    const before = snapshot(dir);
    const ws = workstation(dbPath).open();
    if (MIGRATIONS.length > 1) {
      expect(ws.ready).toBe(false);
      expect(ws.failure?.error.code).toBe(ErrorCode.BACKUP_FAILED);
      expect(ws.failure?.error.message).toContain('无法创建备份文件夹');
      expect(snapshot(dir)).toEqual(before);
    } else {
      expect(ws.ready).toBe(true);
      ws.close();
    }
  });

  it('a workstation opened twice on one day backs up once', async () => {
    const dir = temp();
    const dbPath = path.join(dir, 'zwgk.sqlite');
    const at = new Date(2026, 5, 1, 9);
    const mk = () => new Workstation({ dbPath, host: 'web', files: noFiles, now: () => at });
    mk().open().close();
    mk().open().close();
    expect(listBackups(path.join(dir, 'backups', 'zwgk')).filter((b) => b.kind === 'auto')).toHaveLength(1);
  });
});
