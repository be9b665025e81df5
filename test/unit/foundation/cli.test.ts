import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../main/db/migrate';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';
import { bundleForNode } from '../../helpers/bundle';

const ROOT = path.resolve(__dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');

// tsx transforms the whole import graph on every start (4-5 s on these machines), so most cases run the same
// main/cli.ts bundled once by esbuild (0.3 s); one case runs `tsx main/cli.ts` itself to prove that path works.
const BUNDLE_DIR = path.join(ROOT, 'node_modules', '.tmp', `cli-test-${process.pid}`);
const BUNDLE = path.join(BUNDLE_DIR, 'cli.cjs');

/** Runs the real CLI in a child process. */
function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  return run(process.execPath, [BUNDLE, ...args]);
}
function cliViaTsx(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  return run(TSX, [path.join(ROOT, 'main/cli.ts'), ...args]);
}
function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 90_000,
    env: { ...process.env, ZWGK_DB: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ERROR_LINE = /^错误\[[A-Z_]+\]：[\s\S]*[\u4e00-\u9fa5]/;

describe('command line', () => {
  let t: TestWorkstation;
  beforeAll(async () => {
    await bundleForNode(path.join(ROOT, 'main/cli.ts'), BUNDLE);
    t = await openTestWorkstation();
    await t.call('departments.create', { name: '办公室' });
    t.ws.close();
    // Bundling takes seconds when the machine is busy: more than the default hook timeout.
  }, 120_000);
  afterAll(() => {
    t.cleanup();
    fs.rmSync(BUNDLE_DIR, { recursive: true, force: true });
  });

  it('info shows the bureau, version and counts; check passes', { timeout: 120_000 }, () => {
    const info = cliViaTsx('info', '--db', t.dbPath);
    expect(info.stderr).toBe('');
    expect(info.code).toBe(0);
    expect(info.stdout).toContain('单位：某县科学技术局');
    expect(info.stdout).toContain(`数据版本：${LATEST_SCHEMA_VERSION}`);
    expect(info.stdout).toContain('department 1');
    const check = cli('check', '--db', t.dbPath);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('完整性检查：通过');
  });

  it('backup --out writes a verified copy; restore brings it back and keeps the current data aside', () => {
    const out = path.join(t.dir, '导出', '备份.sqlite');
    const backup = cli('backup', '--out', out, '--db', t.dbPath);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(out);
    const copy = new Database(out, { readonly: true });
    expect(copy.prepare('SELECT name FROM department').all()).toEqual([{ name: '办公室' }]);
    copy.close();

    const live = new Database(t.dbPath);
    live
      .prepare("INSERT INTO department (name, sort_order, active, created_at) VALUES ('备份后新增', 2, 1, 'x')")
      .run();
    live.close();
    const restore = cli('restore', out, '--db', t.dbPath);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    // Nothing left beside the data file: no -wal/-shm, no restoring copy (checked before this test opens it).
    expect(fs.readdirSync(t.dir).filter((f) => f.startsWith('zwgk.sqlite'))).toEqual(['zwgk.sqlite']);
    const after = new Database(t.dbPath, { readonly: true });
    expect(after.prepare('SELECT name FROM department').all()).toEqual([{ name: '办公室' }]);
    after.close();
    expect(fs.readdirSync(path.join(t.dir, 'backups', 'zwgk')).some((f) => f.endsWith('-pre-restore.sqlite'))).toBe(
      true,
    );
  });

  it('fails with a Chinese message on stderr, a stable code and a non-zero exit', { timeout: 180_000 }, () => {
    const garbage = path.join(t.dir, 'garbage.sqlite');
    fs.writeFileSync(garbage, 'not a database at all'.repeat(100));
    const newer = path.join(t.dir, 'newer.sqlite');
    fs.copyFileSync(t.dbPath, newer);
    const db = new Database(newer);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const missing = path.join(t.dir, 'missing.sqlite');
    // Complete-looking files that are not: an extra trigger, missing tables, another 单位's data without the flag.
    const trigger = path.join(t.dir, 'trigger.sqlite');
    fs.copyFileSync(t.dbPath, trigger);
    const tdb = new Database(trigger);
    tdb.exec('CREATE TRIGGER sneaky AFTER INSERT ON audit_log BEGIN DELETE FROM staff; END;');
    tdb.close();
    const incomplete = path.join(t.dir, 'incomplete.sqlite');
    fs.copyFileSync(t.dbPath, incomplete);
    const idb = new Database(incomplete);
    idb.exec('DROP TABLE training_attendee; DROP TABLE training_file;');
    idb.close();
    const otherUnit = path.join(t.dir, 'other-unit.sqlite');
    fs.copyFileSync(t.dbPath, otherUnit);
    const odb = new Database(otherUnit);
    odb.exec("UPDATE bureau SET full_name = '某县教育局'; DELETE FROM setting WHERE key = 'data.fileId';");
    odb.close();

    const cases: [string[], string][] = [
      [['check', '--db', garbage], 'DB_DAMAGED'],
      [['check', '--db', newer], 'DB_TOO_NEW'],
      [['info', '--db', missing], 'NOT_FOUND'],
      [['backup', '--db', t.dbPath], 'VALIDATION'],
      [['restore', garbage, '--db', t.dbPath], 'BACKUP_INVALID'],
      [['restore', '--db', t.dbPath], 'VALIDATION'],
      [['restore', trigger, '--db', t.dbPath], 'BACKUP_INVALID'],
      [['restore', incomplete, '--db', t.dbPath], 'BACKUP_INVALID'],
      [['restore', newer, '--db', t.dbPath], 'BACKUP_INVALID'],
      [['restore', otherUnit, '--db', t.dbPath], 'CONFLICT'],
      [['no-such-command'], 'UNKNOWN_COMMAND'],
    ];
    const before = fs.readFileSync(t.dbPath);
    for (const [args, code] of cases) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(ERROR_LINE);
      expect(r.stderr, args.join(' ')).toContain(`错误[${code}]：`);
    }
    // Neither a failed restore nor info on a mistyped path changed or created anything, and each refusal says so.
    expect(fs.readFileSync(t.dbPath).equals(before)).toBe(true);
    expect(cli('restore', trigger, '--db', t.dbPath).stderr).toMatch(/多出触发器“sneaky”[\s\S]*当前数据没有任何改动/);
    expect(cli('restore', otherUnit, '--db', t.dbPath).stderr).toMatch(/某县教育局[\s\S]*--other-unit/);
    expect(fs.readFileSync(t.dbPath).equals(before)).toBe(true);
    expect(fs.readdirSync(t.dir).filter((f) => f.includes('.restoring-'))).toEqual([]);
    expect(fs.existsSync(missing)).toBe(false);
  });
});
