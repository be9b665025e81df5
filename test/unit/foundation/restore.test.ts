import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup, listBackups } from '../../../main/db/backup';
import { LATEST_SCHEMA_VERSION, migrateDatabase } from '../../../main/db/migrate';
import { openDatabase } from '../../../main/db/open';
import { restoreBackupFile } from '../../../main/services/data/backups';
import { Workstation } from '../../../main/services/workstation';
import { AppError } from '../../../shared/ipc/result';
import { makeTempDir, openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';
import { fileHash, folderSnapshot } from '../../helpers/folder-snapshot';
import { areaServices } from '../../../main/areas';

const open: TestWorkstation[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.cleanup();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
async function testWs(opts: Parameters<typeof openTestWorkstation>[0] = {}) {
  const t = await openTestWorkstation(opts);
  open.push(t);
  return t;
}
const noFiles = {
  deliver: async () => {
    throw new Error('no delivery in this test');
  },
};

/** A workstation with some data, checkpointed so the data file alone holds it, and a full good copy of it. */
async function withData() {
  const t = await testWs();
  await t.call('departments.create', { name: '办公室' });
  await t.call('staff.create', { name: '张三', departmentId: null, title: '', phone: '', status: '在岗', note: '' });
  const good = path.join(t.dir, 'outside', 'good.sqlite');
  fs.mkdirSync(path.dirname(good));
  t.ws.context().raw.prepare('VACUUM INTO ?').run(good);
  t.ws.context().raw.pragma('wal_checkpoint(TRUNCATE)');
  return { t, good };
}

/** Copies the good file and changes it with `edit` (raw SQL, foreign keys off like a hand edit would be). */
function variant(good: string, name: string, edit: (db: Database.Database) => void): string {
  const file = path.join(path.dirname(good), name);
  fs.copyFileSync(good, file);
  const db = new Database(file);
  db.pragma('foreign_keys = OFF');
  edit(db);
  db.close();
  return file;
}

async function expectRefusedUnchanged(t: TestWorkstation, file: string, why: RegExp) {
  const before = folderSnapshot(t.dir);
  let error: unknown;
  try {
    await restoreBackupFile(t.ws, file);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).message).toMatch(why);
  expect((error as AppError).message).toContain('当前数据没有任何改动');
  // Byte for byte: the data file, its backups, and no copy left behind anywhere in the folder.
  expect(folderSnapshot(t.dir)).toEqual(before);
  // And the running workstation still serves the data it had.
  expect((await t.call('departments.list')).map((d) => d.name)).toEqual(['办公室']);
}

describe('restore verifies a candidate fully before touching anything', () => {
  it('refuses a file with only the bureau table', async () => {
    const { t, good } = await withData();
    const file = path.join(path.dirname(good), 'bureau-only.sqlite');
    const db = new Database(file);
    db.exec(
      "CREATE TABLE bureau (id INTEGER PRIMARY KEY, full_name TEXT); INSERT INTO bureau VALUES (1, '某县科学技术局');",
    );
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION}`);
    db.close();
    await expectRefusedUnchanged(t, file, /缺少数据表/);
  });

  it('refuses a backup missing the task tables', async () => {
    const { t, good } = await withData();
    const file = variant(good, 'no-tasks.sqlite', (db) =>
      db.exec(
        'DROP TABLE plan_task_point; DROP TABLE plan_task_department; DROP TABLE plan_evidence; DROP TABLE plan_progress; DROP TABLE plan_task;',
      ),
    );
    await expectRefusedUnchanged(t, file, /缺少数据表“plan_task”/);
  });

  it('refuses a backup carrying an extra trigger (it would run inside the live data)', async () => {
    const { t, good } = await withData();
    const file = variant(good, 'trigger.sqlite', (db) =>
      db.exec('CREATE TRIGGER sneaky AFTER INSERT ON audit_log BEGIN DELETE FROM staff; END;'),
    );
    await expectRefusedUnchanged(t, file, /多出触发器“sneaky”/);
  });

  it('refuses an extra column, an extra index and a changed column', async () => {
    const { t, good } = await withData();
    await expectRefusedUnchanged(
      t,
      variant(good, 'col.sqlite', (db) => db.exec('ALTER TABLE staff ADD COLUMN secret TEXT')),
      /数据表“staff”的定义与本程序不同/,
    );
    await expectRefusedUnchanged(
      t,
      variant(good, 'idx.sqlite', (db) => db.exec('CREATE INDEX extra_idx ON staff(name)')),
      /多出索引“extra_idx”/,
    );
    await expectRefusedUnchanged(
      t,
      variant(good, 'table.sqlite', (db) => db.exec('CREATE TABLE extra (x)')),
      /多出数据表“extra”/,
    );
  });

  it('refuses a file from a newer program, a damaged one and one with broken references', async () => {
    const { t, good } = await withData();
    await expectRefusedUnchanged(
      t,
      variant(good, 'newer.sqlite', (db) => db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)),
      /更新版本的程序/,
    );
    const broken = variant(good, 'fk.sqlite', (db) => db.exec('UPDATE staff SET department_id = 9999'));
    await expectRefusedUnchanged(t, broken, /引用了不存在的数据/);
    const truncated = path.join(path.dirname(good), 'truncated.sqlite');
    const bytes = fs.readFileSync(good);
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectRefusedUnchanged(t, truncated, /不能用于恢复/);
    const garbage = path.join(path.dirname(good), 'garbage.sqlite');
    fs.writeFileSync(garbage, crypto.randomBytes(8192));
    await expectRefusedUnchanged(t, garbage, /不是政务公开工作台的数据文件/);
    await expectRefusedUnchanged(t, path.join(path.dirname(good), 'missing.sqlite'), /找不到这个文件/);
  });

  it('restores the good file, leaves nothing beside the data file, and the restored data works', async () => {
    const { t, good } = await withData();
    await t.call('departments.create', { name: '恢复后应消失' });
    await restoreBackupFile(t.ws, good);
    expect((await t.call('departments.list')).map((d) => d.name)).toEqual(['办公室']);
    t.ws.close();
    expect(fs.readdirSync(t.dir).filter((f) => f.startsWith('zwgk.sqlite'))).toEqual(['zwgk.sqlite']);
    expect(listBackups(t.ws.backupDir).map((b) => b.kind)).toContain('pre-restore');
  });

  it('backup.restoreFile with the file name ".." answers VALIDATION in Chinese and changes nothing', async () => {
    const { t, good } = await withData();
    const before = folderSnapshot(t.dir);
    const data = fs.readFileSync(good).toString('base64');
    for (const fileName of ['..', '.', '../..', 'a/..']) {
      await expect(t.call('backup.restoreFile', { fileName, dataBase64: data })).rejects.toMatchObject({
        code: 'VALIDATION',
        message: expect.stringMatching(/不是有效的文件名/),
      });
    }
    expect(folderSnapshot(t.dir)).toEqual(before);
  });
});

describe('backups belong to one data file', () => {
  it("two data files in one folder each get their own daily backup and never see each other's", async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const at = new Date(2026, 5, 1, 9);
    const a = new Workstation({
      dbPath: path.join(dir, 'zwgk.sqlite'),
      host: 'web',
      files: noFiles,
      now: () => at,
    }).open();
    const b = new Workstation({
      dbPath: path.join(dir, '测试副本.sqlite'),
      host: 'web',
      files: noFiles,
      now: () => at,
    }).open();
    expect(a.backupDir).not.toBe(b.backupDir);
    expect(listBackups(a.backupDir).filter((x) => x.kind === 'auto')).toHaveLength(1);
    expect(listBackups(b.backupDir).filter((x) => x.kind === 'auto')).toHaveLength(1);
    a.close();
    b.close();
  });

  it("lists the old shared backups folder with each backup's 单位 and content; another 单位's asks explicitly", async () => {
    const t = await testWs();
    await t.call('departments.create', { name: '办公室' });
    // An old program's backup of another 单位, in the folder every file shared.
    const other = path.join(t.dir, 'other.sqlite');
    const db = openDatabase(other);
    migrateDatabase(db, other, () => '');
    db.prepare("INSERT INTO bureau (id, full_name, short_name, updated_at) VALUES (1, '另一个局', '另局', 'x')").run();
    db.prepare("INSERT INTO staff (name, created_at) VALUES ('甲', 'x'), ('乙', 'x')").run();
    createBackup(db, path.join(t.dir, 'backups'), 'auto', LATEST_SCHEMA_VERSION, new Date(2025, 0, 2, 8));
    db.close();
    fs.rmSync(other);
    const own = await t.call('backup.create');

    const list = await t.call('backup.list');
    const shared = list.find((b) => b.shared)!;
    // An old program's backup carries no file identity: null (unknown), judged by its 单位.
    expect(shared).toMatchObject({
      fileName: 'zwgk-20250102-080000-auto.sqlite',
      sameFile: null,
      content: { bureauName: '另一个局', staff: 2, plans: 0, tasks: 0 },
    });
    expect(list.find((b) => b.fileName === own.fileName)).toMatchObject({
      shared: false,
      sameFile: true,
      content: { bureauName: '某县科学技术局', staff: 0 },
    });

    const before = fileHash(t.dbPath);
    await expect(t.call('backup.restore', { fileName: shared.fileName, shared: true })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('另一个局'),
    });
    expect(fileHash(t.dbPath)).toBe(before);
    const status = await t.call('backup.restore', {
      fileName: shared.fileName,
      shared: true,
      confirmOtherBureau: true,
    });
    expect(status.bureau?.fullName).toBe('另一个局');
    // Never lost: the shared backup is still there, and the replaced data is in this file's own folder.
    expect(fs.existsSync(path.join(t.dir, 'backups', shared.fileName))).toBe(true);
    expect(listBackups(t.ws.backupDir).some((b) => b.kind === 'pre-restore')).toBe(true);
  });

  it('inspectFile tells what a picked file holds, changing nothing', async () => {
    const { t, good } = await withData();
    const before = folderSnapshot(t.dir);
    const r = await t.call('backup.inspectFile', {
      fileName: 'good.sqlite',
      dataBase64: fs.readFileSync(good).toString('base64'),
    });
    expect(r).toMatchObject({
      sameFile: true,
      currentBureau: '某县科学技术局',
      content: { bureauName: '某县科学技术局', staff: 1, plans: 0, tasks: 0, schemaVersion: LATEST_SCHEMA_VERSION },
    });
    expect(folderSnapshot(t.dir)).toEqual(before);
  });
});

describe('nothing is left behind', () => {
  it("removes a killed backup's and a killed restore's temporaries at start, but not those of a running process", async () => {
    const t = await testWs();
    t.ws.close();
    fs.mkdirSync(t.ws.backupDir, { recursive: true });
    const stale = [
      path.join(t.ws.backupDir, '.tmp-2147483646-0a1b2c.sqlite'),
      path.join(t.ws.backupDir, '.tmp-9f8e7d6c5b4a.sqlite'), // an older program's name, without a pid
      path.join(t.dir, 'backups', '.tmp-2147483646-0a1b2d.sqlite'),
      `${t.dbPath}.restoring-2147483646-0a1b2c3d`,
      `${t.dbPath}.restoring-0a1b2c3d-wal`,
    ];
    // A parent process is alive: its temporaries may be being written right now.
    const live = [
      path.join(t.ws.backupDir, `.tmp-${process.ppid}-abcdef.sqlite`),
      `${t.dbPath}.restoring-${process.ppid}-abcdef01`,
    ];
    for (const f of [...stale, ...live]) fs.writeFileSync(f, 'partial');
    const kept = path.join(t.ws.backupDir, 'zwgk-20260101-080000-manual.sqlite');
    fs.writeFileSync(kept, 'not touched');
    t.ws.open();
    expect(t.ws.ready).toBe(true);
    for (const f of stale) expect(fs.existsSync(f), f).toBe(false);
    for (const f of [...live, kept]) expect(fs.existsSync(f), f).toBe(true);
  });

  it('keeps restoring copies when the data file itself is missing (they may be all there is)', async () => {
    const t = await testWs();
    t.ws.close();
    const copy = `${t.dbPath}.restoring-2147483646-0a1b2c3d`;
    fs.renameSync(t.dbPath, copy);
    t.ws.open();
    expect(fs.existsSync(copy)).toBe(true);
  });
});

describe('info', () => {
  it("counts only the program's own tables: names read from the file never go into SQL", async () => {
    const { vi } = await import('vitest');
    const { foundationCommands } = await import('../../../main/cli/foundation');
    const t = await testWs();
    await t.call('staff.create', { name: '张三', departmentId: null, title: '', phone: '', status: '在岗', note: '' });
    t.ws.context().raw.exec('CREATE TABLE "x"" FROM staff; --" (a)');
    t.ws.close();
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
      out.push(String(s));
      return true;
    });
    try {
      expect(await foundationCommands.info.run({ areas: areaServices, positional: [], flags: { db: t.dbPath } })).toBe(
        0,
      );
    } finally {
      spy.mockRestore();
    }
    const text = out.join('');
    expect(text).toContain('staff 1');
    expect(text).not.toContain('x"');
  });
});

describe('leftovers in the system temp folder', () => {
  it('a start removes upload and copy leftovers older than an hour, and keeps recent ones', async () => {
    const os = await import('node:os');
    const old = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-restore-'));
    fs.writeFileSync(path.join(old, 'upload.sqlite'), 'x');
    const recent = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-restore-'));
    const oldCopy = path.join(os.tmpdir(), `zwgk-copy-${crypto.randomBytes(6).toString('hex')}.sqlite`);
    fs.writeFileSync(oldCopy, 'x');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    fs.utimesSync(old, twoHoursAgo, twoHoursAgo);
    fs.utimesSync(oldCopy, twoHoursAgo, twoHoursAgo);
    try {
      const t = await testWs();
      expect(t.ws.ready).toBe(true);
      expect(fs.existsSync(old)).toBe(false);
      expect(fs.existsSync(oldCopy)).toBe(false);
      expect(fs.existsSync(recent)).toBe(true);
    } finally {
      for (const p of [old, recent, oldCopy]) fs.rmSync(p, { recursive: true, force: true });
    }
  });
});
