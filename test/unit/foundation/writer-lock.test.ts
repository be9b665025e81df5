// The writer lock beside a data file (main/db/writer-lock.ts), the network-share rule (main/db/storage.ts) and what
// the workstation does with both: real files, real processes racing for one lock.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyStorage, mountOf, uncShare } from '../../../main/db/storage';
import {
  acquireWriterLock,
  describeHolder,
  lockPathFor,
  STALE_AFTER_MS,
  staleReason,
  type LockHolder,
} from '../../../main/db/writer-lock';
import { moveToLocalDisk } from '../../../main/services/data/move';
import { Workstation } from '../../../main/services/workstation';
import { bundleForNode } from '../../helpers/bundle';
import { makeTempDir } from '../../helpers/workstation';

const ROOT = path.resolve(__dirname, '../../..');
const BUNDLE_DIR = path.join(ROOT, 'node_modules', '.tmp', `lock-race-${process.pid}`);
const noFiles = {
  deliver: async () => {
    throw new Error('unused');
  },
};
const NETWORK = { network: true, detail: '网络共享文件夹 \\\\nas\\公共' };

let bundle: string;
const dirs: string[] = [];
beforeAll(async () => {
  bundle = path.join(BUNDLE_DIR, 'race.cjs');
  await bundleForNode(path.join(ROOT, 'test/helpers/lock-race-child.ts'), bundle);
}, 120_000);
afterAll(() => {
  fs.rmSync(BUNDLE_DIR, { recursive: true, force: true });
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function temp(): string {
  const d = makeTempDir('zwgk-lock-');
  dirs.push(d);
  return d;
}

/** A pid that no process has (a child that has ended). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((r) => child.once('close', r));
  return child.pid!;
}

function holder(over: Partial<LockHolder>): LockHolder {
  const now = new Date().toISOString();
  return {
    computer: os.hostname(),
    user: '张三',
    pid: process.pid,
    app: 'web',
    startedAt: now,
    heartbeatAt: now,
    bootAt: new Date(Date.now() - os.uptime() * 1000).toISOString(),
    token: 'abcdef0123456789',
    ...over,
  };
}

/** Starts `n` processes at once, each trying to take the lock; resolves what each said, and a way to end them. */
async function race(dbPath: string, n: number) {
  const children = Array.from({ length: n }, () =>
    spawn(process.execPath, [bundle, dbPath], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] }),
  );
  const said = await Promise.all(
    children.map(
      (c) =>
        new Promise<string>((resolve, reject) => {
          let out = '';
          c.stdout.on('data', (d: Buffer) => {
            out += d.toString();
            if (out.includes('\n')) resolve(out.trim());
          });
          c.once('exit', (code) => reject(new Error(`child ended (${code})`)));
        }),
    ),
  );
  const end = () =>
    Promise.all(
      children.map((c) => {
        c.stdin.end();
        return new Promise((r) => c.once('close', r));
      }),
    );
  return { said, children, end };
}

describe('the writer lock', () => {
  it(
    'of six processes starting at once exactly one gets it; the others are told which one',
    { timeout: 60_000 },
    async () => {
      const db = path.join(temp(), 'zwgk.sqlite');
      const r = await race(db, 6);
      const won = r.said.filter((s) => s.startsWith('WON'));
      expect(won).toHaveLength(1);
      const winner = won[0].split(' ')[1];
      for (const s of r.said.filter((x) => x.startsWith('HELD'))) expect(s).toBe(`HELD ${winner}`);
      await r.end();
      expect(fs.existsSync(lockPathFor(db))).toBe(false);
    },
  );

  it(
    'a lock whose process is gone is taken over by exactly one of six racing processes',
    { timeout: 60_000 },
    async () => {
      const db = path.join(temp(), 'zwgk.sqlite');
      fs.writeFileSync(lockPathFor(db), JSON.stringify(holder({ pid: await deadPid(), app: 'electron' })));
      const r = await race(db, 6);
      const won = r.said.filter((s) => s.startsWith('WON'));
      expect(won).toHaveLength(1);
      for (const s of r.said.filter((x) => x.startsWith('HELD'))) expect(s).toBe(`HELD ${won[0].split(' ')[1]}`);
      await r.end();
    },
  );

  it('judges who is gone: a dead process, a restart since, or another computer silent for minutes', async () => {
    expect(staleReason(holder({}))).toBeNull();
    expect(staleReason(holder({ pid: await deadPid() }))).toBe('该程序已不在运行');
    const beforeBoot = new Date(Date.now() - os.uptime() * 1000 - 600_000).toISOString();
    expect(staleReason(holder({ heartbeatAt: beforeBoot }))).toMatch(/重新启动/);
    const other = { computer: '办公室-PC2', pid: 1 };
    expect(staleReason(holder(other))).toBeNull();
    const old = new Date(Date.now() - STALE_AFTER_MS - 60_000).toISOString();
    expect(staleReason(holder({ ...other, heartbeatAt: old }))).toMatch(/分钟没有活动/);
    expect(describeHolder(holder({ ...other, startedAt: '2026-12-16T01:05:00.000Z' }))).toMatch(
      /^电脑“办公室-PC2”上的政务公开工作台网页版（用户 张三，自 2026年12月16日 \d\d:05 起）$/,
    );
  });

  it("another computer's live lock keeps the file from this one; its silent lock is taken over", () => {
    const db = path.join(temp(), 'zwgk.sqlite');
    const other = holder({ computer: '办公室-PC2', pid: 4242 });
    fs.writeFileSync(lockPathFor(db), JSON.stringify(other));
    const ws = new Workstation({ dbPath: db, host: 'web', files: noFiles, autoBackup: false }).open();
    expect(ws.failure?.state).toBe('locked');
    expect(ws.failure?.error.message).toContain('电脑“办公室-PC2”上的政务公开工作台网页版（用户 张三');
    // Untouched: the other computer's lock stays as it was, and no data file was made.
    expect(JSON.parse(fs.readFileSync(lockPathFor(db), 'utf8'))).toEqual(other);
    expect(fs.existsSync(db)).toBe(false);
    ws.close();
    expect(fs.existsSync(lockPathFor(db))).toBe(true);

    fs.writeFileSync(
      lockPathFor(db),
      JSON.stringify({ ...other, heartbeatAt: new Date(Date.now() - STALE_AFTER_MS - 1000).toISOString() }),
    );
    const taker = new Workstation({ dbPath: db, host: 'web', files: noFiles, autoBackup: false }).open();
    expect(taker.ready).toBe(true);
    expect(taker.access().tookOver).toMatch(/^数据文件上次由电脑“办公室-PC2”上的.*分钟没有活动.*本程序已接管它。$/);
    taker.close();
  });

  it('a half-written lock file left by a crash is taken over once it is a few seconds old', () => {
    const db = path.join(temp(), 'zwgk.sqlite');
    fs.writeFileSync(lockPathFor(db), '{"computer": "vm');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lockPathFor(db), old, old);
    const got = acquireWriterLock(db, 'cli', '张三');
    expect(got.acquired).toBe(true);
    if (got.acquired) {
      expect(got.tookOver?.reason).toContain('无法识别');
      got.lock.release();
    }
  });

  it('a writer whose lock was taken over behind its back stops writing and says by whom', async () => {
    const db = path.join(temp(), 'zwgk.sqlite');
    const ws = new Workstation({ dbPath: db, host: 'web', files: noFiles, autoBackup: false }).open();
    expect(ws.ready).toBe(true);
    // Another computer took the file over (its clock far ahead, say) by replacing the lock.
    fs.writeFileSync(
      lockPathFor(db),
      JSON.stringify(holder({ computer: '办公室-PC2', pid: 1, token: 'zzzzzzzzzzzz' })),
    );
    expect(() => ws.context()).toThrow(/已被电脑“办公室-PC2”上的政务公开工作台网页版.*接管[\s\S]*已停止使用它/);
    expect(ws.failure?.state).toBe('replaced');
    ws.close();
    // Not ours: left in place for its holder.
    expect(JSON.parse(fs.readFileSync(lockPathFor(db), 'utf8')).computer).toBe('办公室-PC2');
  });

  it('a restore is refused to a copy that does not hold the file, naming who does', async () => {
    const db = path.join(temp(), 'zwgk.sqlite');
    fs.writeFileSync(lockPathFor(db), JSON.stringify(holder({ computer: '办公室-PC2', pid: 1 })));
    const ws = new Workstation({ dbPath: db, host: 'web', files: noFiles, autoBackup: false }).open();
    expect(() => ws.restoreFrom(path.join(ROOT, 'package.json'))).toThrow(/不能恢复：.*正由电脑“办公室-PC2”上的/);
    ws.close();
  });
});

describe('a data file on a network share', () => {
  it('knows a share when it sees one: UNC paths, mapped drives, cifs/nfs/gvfs mounts, statfs types', () => {
    expect(uncShare('\\\\nas\\公共\\政务公开\\zwgk.sqlite')).toBe('\\\\nas\\公共');
    expect(uncShare('\\\\?\\UNC\\nas\\data\\x')).toBe('\\\\nas\\data');
    expect(uncShare('\\\\?\\C:\\Users')).toBeNull();
    expect(uncShare('C:\\Users\\张三')).toBeNull();
    const win = (dir: string, resolvedDir = dir) => classifyStorage({ platform: 'win32', dir, resolvedDir });
    expect(win('C:\\Users\\张三\\AppData\\Roaming\\zwgk-workstation\\data').network).toBe(false);
    // A mapped drive Z: resolves (realpath.native) to its server path.
    expect(win('Z:\\政务公开', '\\\\fileserver\\科技局\\政务公开')).toEqual({
      network: true,
      detail: '网络共享文件夹 \\\\fileserver\\科技局',
    });
    const mounts = [
      '/dev/vda / ext4 rw,relatime 0 0',
      '//nas/公共 /mnt/公共\\040文件 cifs rw,vers=3.0 0 0',
      'nas:/export /home/shared nfs4 rw 0 0',
      'gvfsd-fuse /run/user/1000/gvfs fuse.gvfsd-fuse rw 0 0',
      '/dev/sdb1 /media/u/U盘 vfat rw 0 0',
    ].join('\n');
    const linux = (dir: string) => classifyStorage({ platform: 'linux', dir, resolvedDir: dir, mountsText: mounts });
    expect(mountOf(mounts, '/mnt/公共 文件/zwgk')).toMatchObject({ type: 'cifs', source: '//nas/公共' });
    expect(linux('/mnt/公共 文件/data')).toEqual({ network: true, detail: 'cifs 网络文件系统 //nas/公共' });
    expect(linux('/home/shared/zwgk').network).toBe(true);
    expect(linux('/run/user/1000/gvfs/smb-share:server=nas,share=data').network).toBe(true);
    expect(linux('/home/u/.config/zwgk-workstation/data').network).toBe(false);
    expect(linux('/media/u/U盘').network).toBe(false);
    // /home/shared2 is not inside /home/shared.
    expect(linux('/home/shared2/x').network).toBe(false);
    const statfs = (type: number) =>
      classifyStorage({ platform: 'linux', dir: '/x', resolvedDir: '/x', statfsType: type });
    expect(statfs(0xff534d42)).toEqual({ network: true, detail: 'cifs 网络文件系统' });
    expect(statfs(0x6969).network).toBe(true);
    expect(statfs(0xef53).network).toBe(false);
  });

  it('is used with a rollback journal and held exclusively; no read-only copy beside it; moved to the local disk on request', async () => {
    const share = temp();
    const local = temp();
    const db = path.join(share, 'zwgk.sqlite');
    const ws = new Workstation({ dbPath: db, host: 'web', files: noFiles, storage: NETWORK }).open();
    expect(ws.ready).toBe(true);
    const raw = ws.context().raw;
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(raw.pragma('locking_mode', { simple: true })).toBe('exclusive');
    expect(ws.access()).toMatchObject({ mode: 'write', network: '网络共享文件夹 \\\\nas\\公共' });
    expect(fs.existsSync(`${db}-wal`)).toBe(false);
    raw.prepare("INSERT INTO department (name, sort_order, created_at) VALUES ('办公室', 1, 'x')").run();
    // SQLite holds the file for this one connection: a plain second connection cannot even read it.
    const other = new Database(db, { readonly: true, timeout: 100 });
    expect(() => other.prepare('SELECT count(*) FROM department').get()).toThrow(/locked|busy/i);
    other.close();
    // A second copy of the workstation is told, and cannot open it read-only either.
    const second = new Workstation({ dbPath: db, host: 'web', files: noFiles, storage: NETWORK });
    const readOnly = second.open({ readOnly: true });
    expect(readOnly.failure?.state).toBe('locked');
    expect(readOnly.failure?.error.message).toMatch(/网络共享文件夹.*只允许一个程序使用数据文件/);

    const moved = moveToLocalDisk(ws, local);
    expect(moved.to).toBe(path.join(local, 'zwgk.sqlite'));
    expect(fs.existsSync(moved.backup)).toBe(true);
    expect(ws.dbPath).toBe(moved.to);
    expect(ws.ready).toBe(true);
    expect(ws.access()).toMatchObject({ mode: 'write', network: null });
    expect(ws.context().raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.context().raw.prepare('SELECT name FROM department').all()).toEqual([{ name: '办公室' }]);
    // The share keeps a note (and the old file under another name), and its lock is gone.
    expect(fs.existsSync(db)).toBe(false);
    expect(fs.existsSync(lockPathFor(db))).toBe(false);
    expect(JSON.parse(fs.readFileSync(`${db}.moved.json`, 'utf8'))).toMatchObject({
      to: moved.to,
      computer: os.hostname(),
    });
    ws.close();

    // Opened again with the old path on this computer: the moved file. Elsewhere: told where it went.
    const again = new Workstation({ dbPath: db, host: 'web', files: noFiles, autoBackup: false }).open();
    expect(again.dbPath).toBe(moved.to);
    expect(again.ready).toBe(true);
    again.close();
    fs.writeFileSync(
      `${db}.moved.json`,
      JSON.stringify({ to: 'D:\\数据\\zwgk.sqlite', computer: '办公室-PC2', user: '李四', at: '2026/12/1 10:00:00' }),
    );
    const elsewhere = new Workstation({ dbPath: db, host: 'web', files: noFiles, autoBackup: false }).open();
    expect(elsewhere.ready).toBe(false);
    expect(elsewhere.failure?.error.message).toMatch(
      /已于 2026\/12\/1 10:00:00 由电脑“办公室-PC2”（用户 李四）移到该电脑的本机磁盘：D:\\数据\\zwgk\.sqlite/,
    );
    elsewhere.close();
  });
});
