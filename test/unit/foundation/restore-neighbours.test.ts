// The files a restore meets next to a good backup of this very data file: older or less complete ones, ones an
// upgrade fails on, files that are not backups at all, a backup folder that cannot be written, and a second copy
// reading the file while it is restored. Each on real SQLite files through the real services.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../../main/db/backup';
import { prepareRestoreCandidate } from '../../../main/db/candidate';
import { LATEST_SCHEMA_VERSION } from '../../../main/db/migrate';
import { MIGRATIONS } from '../../../main/db/migrations';
import { restoreBackupFile } from '../../../main/services/data/backups';
import { Workstation } from '../../../main/services/workstation';
import { areaServices } from '../../../main/areas';
import { ErrorCode } from '../../../shared/ipc/errors';
import { AppError } from '../../../shared/ipc/result';
import { workstationsPerTest, type TestWorkstation } from '../../helpers/workstation';
import { folderSnapshot } from '../../helpers/folder-snapshot';

const testWs = workstationsPerTest();
const staffNames = async (t: TestWorkstation) => (await t.call('staff.list')).map((s) => s.name).sort();
const addStaff = (t: TestWorkstation, name: string) =>
  t.call('staff.create', { name, departmentId: null, title: '', phone: '', status: '在岗', note: '' });
/** No error code (EACCES, SQLITE_…) and no English sentence reaches the user. */
const plainChinese = (message: string) =>
  expect(message).not.toMatch(/\b(E[A-Z]{3,}|SQLITE_\w+)\b|[a-z]{4,} [a-z]{3,}/);

/** A workstation with one person and a good full copy of it outside the data folder; the data file checkpointed. */
async function withData() {
  const t = await testWs();
  await addStaff(t, '张三');
  const outside = path.join(t.dir, 'outside');
  fs.mkdirSync(outside);
  const good = path.join(outside, 'good.sqlite');
  t.ws.context().raw.prepare('VACUUM INTO ?').run(good);
  t.ws.context().raw.pragma('wal_checkpoint(TRUNCATE)');
  return { t, good, outside };
}

async function expectRefusedUnchanged(t: TestWorkstation, file: string, why: RegExp): Promise<void> {
  const before = folderSnapshot(t.dir);
  const error = await restoreBackupFile(t.ws, file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(ErrorCode.BACKUP_INVALID);
  expect((error as AppError).message).toMatch(why);
  expect((error as AppError).message).toContain('当前数据没有任何改动');
  expect(folderSnapshot(t.dir)).toEqual(before);
  expect(await staffNames(t)).toEqual(['张三']);
}

describe('a backup that holds less than the current data', () => {
  it('is listed and inspected with what it lacks; restoring it keeps the current data as a pre-restore backup', async () => {
    // The audit's clock has whole seconds: a clock of our own puts each step in its own hour.
    let clock = new Date(2026, 11, 1, 9);
    const t = await testWs({ now: () => clock });
    await addStaff(t, '张三');
    const backup = await t.call('backup.create');
    // Same content: nothing to warn about.
    expect((await t.call('backup.list')).find((b) => b.fileName === backup.fileName)?.lessComplete).toEqual([]);

    clock = new Date(2026, 11, 1, 10);
    await addStaff(t, '李四');
    const staffNow = (t.ws.context().raw.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n;
    const listed = (await t.call('backup.list')).find((b) => b.fileName === backup.fileName)!;
    expect(listed.lessComplete).toEqual([
      `人员少 1 名（备份 ${staffNow - 1}，当前 ${staffNow}）`,
      '最后一次修改（2026年12月1日 09:00:00）早于当前数据（2026年12月1日 10:00:00）',
    ]);
    const picked = await t.call('backup.inspectFile', {
      fileName: 'u盘上的备份.sqlite',
      dataBase64: fs.readFileSync(path.join(t.ws.backupDir, backup.fileName)).toString('base64'),
    });
    expect(picked.lessComplete).toEqual(listed.lessComplete);

    clock = new Date(2026, 11, 1, 11);
    await t.call('backup.restore', { fileName: backup.fileName });
    expect(await staffNames(t)).toEqual(['张三']);
    // The restore's own note in the history is not a change of the data: the backup now equals the current data,
    // and the data it replaced, kept whole, is not called older than what is now current.
    const after = await t.call('backup.list');
    expect(after.find((b) => b.fileName === backup.fileName)?.lessComplete).toEqual([]);
    const pre = after.find((b) => b.kind === 'pre-restore')!;
    expect(pre.content?.staff).toBe(staffNow);
    expect(pre.lessComplete).toEqual([]);
    const kept = new Database(path.join(t.ws.backupDir, pre.fileName), { readonly: true });
    expect(
      (kept.prepare('SELECT name FROM staff ORDER BY name').all() as { name: string }[]).map((r) => r.name),
    ).toEqual(['张三', '李四'].sort());
    kept.close();
  });
});

describe('a backup from an older program', () => {
  it('whose upgrade fails is refused whole: no half-upgraded copy, the backup and the data untouched', async () => {
    const { t, good } = await withData();
    const before = folderSnapshot(t.dir);
    // A program one migration ahead whose new migration fails halfway (its first statement succeeds).
    const next = [
      ...MIGRATIONS,
      {
        version: LATEST_SCHEMA_VERSION + 1,
        name: 'broken',
        sql: 'CREATE TABLE half (x); INSERT INTO nowhere VALUES (1);',
      },
    ];
    let error: unknown;
    try {
      prepareRestoreCandidate(good, t.dbPath, '备份“good.sqlite”', next);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      code: ErrorCode.BACKUP_INVALID,
      message: expect.stringMatching(/升级到当前数据版本时出错[\s\S]*当前数据没有任何改动/),
    });
    expect(folderSnapshot(t.dir)).toEqual(before);
    expect(await staffNames(t)).toEqual(['张三']);
  });
});

describe('files that are not a usable backup', () => {
  it('zero bytes, an encrypted zip, an SQLite file of another program, a failed integrity check: refused, nothing changed', async () => {
    const { t, good, outside } = await withData();
    const empty = path.join(outside, 'empty.sqlite');
    fs.writeFileSync(empty, '');
    await expectRefusedUnchanged(t, empty, /不是政务公开工作台的数据文件或备份/);

    // The start of a zip whose entries are encrypted (general purpose flag bit 0), renamed to .sqlite.
    const zip = path.join(outside, 'encrypted.sqlite');
    const head = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x01, 0x00, 0x08, 0x00]);
    fs.writeFileSync(zip, Buffer.concat([head, crypto.randomBytes(4096)]));
    await expectRefusedUnchanged(t, zip, /不是政务公开工作台的数据文件或备份/);

    // Another program's SQLite file (no version of ours, its own tables), and one that claims our version.
    const foreign = path.join(outside, 'foreign.sqlite');
    const f = new Database(foreign);
    f.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    f.close();
    await expectRefusedUnchanged(t, foreign, /不是政务公开工作台的数据文件或备份/);
    const claims = path.join(outside, 'claims.sqlite');
    const c = new Database(claims);
    c.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    c.pragma(`user_version = ${LATEST_SCHEMA_VERSION}`);
    c.close();
    await expectRefusedUnchanged(t, claims, /数据结构与本程序不一致/);

    // A real backup of ours with its table pages overwritten: the header still says SQLite, the check does not pass.
    const damaged = path.join(outside, 'damaged.sqlite');
    const bytes = fs.readFileSync(good);
    const page = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
    bytes.fill(0xab, page * 2, bytes.length - page);
    fs.writeFileSync(damaged, bytes);
    await expectRefusedUnchanged(t, damaged, /已损坏|完整性检查未通过|文件无法打开/);

    // The same files picked in the screen: refused before anything is written.
    const beforePick = folderSnapshot(t.dir);
    const pick = (file: string) =>
      t.call('backup.inspectFile', {
        fileName: path.basename(file),
        dataBase64: fs.readFileSync(file).toString('base64'),
      });
    await expect(pick(empty)).rejects.toMatchObject({
      code: ErrorCode.FILE_EMPTY,
      message: expect.stringContaining('“empty.sqlite”是空的'),
    });
    await expect(pick(zip)).rejects.toMatchObject({
      code: ErrorCode.BACKUP_INVALID,
      message: expect.stringContaining('“encrypted.sqlite”不是'),
    });
    await expect(pick(damaged)).rejects.toMatchObject({ code: ErrorCode.BACKUP_INVALID });
    expect(folderSnapshot(t.dir)).toEqual(beforePick);
    // The list still shows a listed file it cannot read, as unreadable, without failing.
    fs.mkdirSync(t.ws.backupDir, { recursive: true });
    fs.copyFileSync(empty, path.join(t.ws.backupDir, 'zwgk-20260101-080000-manual.sqlite'));
    fs.copyFileSync(damaged, path.join(t.ws.backupDir, 'zwgk-20260102-080000-manual.sqlite'));
    const list = await t.call('backup.list');
    expect(list.map((b) => b.fileName)).toEqual(
      expect.arrayContaining(['zwgk-20260101-080000-manual.sqlite', 'zwgk-20260102-080000-manual.sqlite']),
    );
    await expect(t.call('backup.restore', { fileName: 'zwgk-20260102-080000-manual.sqlite' })).rejects.toMatchObject({
      code: ErrorCode.BACKUP_INVALID,
    });
    expect(await staffNames(t)).toEqual(['张三']);
  });
});

describe('a backup folder that cannot be written', () => {
  // Running as root, a read-only folder would still be written: a file where the folder must be fails for everyone.
  it('a backup is refused in Chinese and leaves nothing; a restore is refused before the swap, data intact', async () => {
    const { t, good } = await withData();
    fs.rmSync(path.dirname(t.ws.backupDir), { recursive: true, force: true });
    fs.writeFileSync(path.dirname(t.ws.backupDir), 'a file where the backups folder should be');
    const before = folderSnapshot(t.dir);

    const backup = await t.call('backup.create').then(
      () => null,
      (e: AppError) => e,
    );
    expect(backup).toMatchObject({ code: ErrorCode.BACKUP_FAILED, message: expect.stringContaining('备份失败') });
    plainChinese(backup!.message);
    expect(folderSnapshot(t.dir)).toEqual(before);

    const restore = await restoreBackupFile(t.ws, good).then(
      () => null,
      (e: AppError) => e,
    );
    expect(restore).toMatchObject({
      code: ErrorCode.BACKUP_FAILED,
      message: expect.stringMatching(/恢复前要先备份当前数据[\s\S]*当前数据没有任何改动/),
    });
    plainChinese(restore!.message);
    expect(folderSnapshot(t.dir)).toEqual(before);
    expect(await staffNames(t)).toEqual(['张三']);
    expect(t.ws.ready).toBe(true);
  });
});

describe('a second copy reading the file', () => {
  it('sees the restored data at its next call; it cannot restore itself; the writer goes on', async () => {
    const t = await testWs();
    await addStaff(t, '张三');
    const backup = await t.call('backup.create');
    await addStaff(t, '李四');
    const reader = new Workstation({
      dbPath: t.dbPath,
      host: 'web',
      autoBackup: false,
      areas: areaServices,
      files: { deliver: () => Promise.reject(new Error('no delivery in this test')) },
    }).open({ readOnly: true });
    try {
      expect(reader.readOnly).toBe(true);
      const names = () =>
        (reader.context().raw.prepare('SELECT name FROM staff ORDER BY name').all() as { name: string }[]).map(
          (r) => r.name,
        );
      expect(names()).toEqual(['张三', '李四'].sort());
      await expect(restoreBackupFile(reader, path.join(t.ws.backupDir, backup.fileName))).rejects.toMatchObject({
        code: ErrorCode.DB_IN_USE,
      });

      await t.call('backup.restore', { fileName: backup.fileName });
      expect(await staffNames(t)).toEqual(['张三']);
      // The reader's next use notices the new file and reads it (context() checks the file first).
      expect(names()).toEqual(['张三']);
      await addStaff(t, '王五');
      expect(names()).toEqual(['张三', '王五'].sort());
      expect(listBackups(t.ws.backupDir).map((b) => b.kind)).toContain('pre-restore');
    } finally {
      reader.close();
    }
  });
});

describe('a disk that fills up', () => {
  const ROOT = path.resolve(__dirname, '../../..');
  /** The real CLI in a child whose files may not grow past 64 KB (RLIMIT_FSIZE): every larger write fails like a full disk. */
  const cliOnFullDisk = (...args: string[]) =>
    spawnSync(
      'bash',
      [
        '-c',
        `ulimit -f 128; trap '' XFSZ; exec "$0" "$@"`,
        process.execPath,
        path.join(ROOT, 'scripts/cli.mjs'),
        ...args,
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 90_000, env: { ...process.env, ZWGK_DB: '' } },
    );
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(ROOT, 'scripts/cli.mjs'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 90_000,
      env: { ...process.env, ZWGK_DB: '' },
    });

  it.skipIf(process.platform === 'win32')(
    'a backup or a restore that runs out of space says so in Chinese and leaves the data file and folder as they were',
    { timeout: 120_000 },
    async () => {
      const { t, outside } = await withData();
      t.ws.close();
      // A backup made the ordinary way (this also brings the CLI bundle up to date before space runs out).
      const good = path.join(outside, 'cli-backup.sqlite');
      expect(cli('backup', '--out', good, '--db', t.dbPath).status).toBe(0);
      expect(fs.statSync(good).size).toBeGreaterThan(64 * 1024);
      const before = folderSnapshot(t.dir);

      const backup = cliOnFullDisk('backup', '--out', path.join(outside, 'full.sqlite'), '--db', t.dbPath);
      expect(backup.status).toBe(1);
      expect(backup.stderr).toMatch(/^错误\[BACKUP_FAILED\]：备份失败：无法写入备份文件（.*磁盘空间不足.*）/);
      plainChinese(backup.stderr.replace(/^错误\[BACKUP_FAILED\]|\/\S+/g, ''));
      expect(folderSnapshot(t.dir)).toEqual(before);

      const restore = cliOnFullDisk('restore', good, '--db', t.dbPath);
      expect(restore.status).toBe(1);
      expect(restore.stderr).toMatch(/^错误\[BACKUP_FAILED\]：.*（磁盘空间不足）。当前数据没有任何改动/);
      expect(folderSnapshot(t.dir)).toEqual(before);

      // With space again, the same restore goes through; the data it replaced had a later change, and it says so.
      const live = new Database(t.dbPath);
      live
        .prepare(
          "INSERT INTO audit_log (at, os_user, entity, entity_id, action, summary, changes) VALUES ('2099-01-01 00:00:00', 'x', 'staff', NULL, 'update', '后来的修改', NULL)",
        )
        .run();
      live.close();
      const ok = cli('restore', good, '--db', t.dbPath);
      expect(ok.stderr).toBe('');
      expect(ok.status).toBe(0);
      expect(ok.stdout).toMatch(
        /注意：恢复的数据比恢复前的数据旧或少：最后一次修改（.+）早于当前数据（2099年1月1日 00:00:00）。/,
      );
    },
  );
});
