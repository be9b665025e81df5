import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { demoSteps, loadDemo } from '../../../main/services/demo';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';

const ROOT = path.resolve(__dirname, '../../..');

const open: TestWorkstation[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.cleanup();
});

/** Rows in every table that holds the user's work (the setup's bureau and year are not the demo's). */
function workRows(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const out: Record<string, number> = {};
    for (const t of [
      'department',
      'staff',
      'source_document',
      'work_point',
      'plan',
      'plan_task',
      'ab_holding',
      'training',
      'audit_log',
      'attachment',
    ]) {
      out[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    }
    return out;
  } finally {
    db.close();
  }
}

describe('demo data in one transaction', () => {
  it('a step that fails leaves nothing of the steps before it; afterwards the demo loads', async () => {
    const t = await openTestWorkstation();
    open.push(t);
    const before = workRows(t.dbPath);
    const failing = {
      name: 'fails',
      run: async () => {
        throw new Error('step failed');
      },
    };
    await expect(loadDemo(t.ws.context(), [...(await demoSteps()), failing])).rejects.toBeTruthy();
    expect(workRows(t.dbPath)).toEqual(before);
    // The workstation's own connection still writes normally (no transaction left open).
    await t.call('departments.create', { name: '测试科' });
    await t.call('departments.delete', { id: (await t.call('departments.list'))[0].id });
    const r = await t.call('demo.load');
    expect(r.summary.length).toBeGreaterThan(2);
    const after = workRows(t.dbPath);
    expect(after.staff).toBeGreaterThan(0);
    expect(after.plan_task).toBeGreaterThan(0);
  });

  it('a process killed in the middle of the demo leaves the file as empty as before', { timeout: 60_000 }, async () => {
    const t = await openTestWorkstation();
    open.push(t);
    t.ws.close();
    const before = workRows(t.dbPath);
    // Node itself runs the child (tsx as a loader, not as a wrapper process), so the process killed is the one that
    // holds the data file: with a wrapper, the kill would leave its inner process running on for a moment.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'test/helpers/demo-kill-child.ts'), t.dbPath],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let err = '';
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    const written = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /WRITTEN (\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.on('exit', () => reject(new Error(`child ended early: ${err}`)));
    });
    // Every real step had written its rows (seen inside the transaction) when the process was killed.
    expect(written).toBeGreaterThan(0);
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));
    t.ws.open();
    expect(t.ws.ready).toBe(true);
    // The restart takes over the killed process's write lock, and notes that in the file's history.
    expect(workRows(t.dbPath)).toEqual({ ...before, audit_log: before.audit_log + 1 });
    expect(t.ws.context().raw.prepare('SELECT summary FROM audit_log ORDER BY id DESC LIMIT 1').get()).toMatchObject({
      summary: expect.stringContaining('该程序已不在运行'),
    });
    expect(t.ws.context().raw.pragma('integrity_check', { simple: true })).toBe('ok');
    // And the demo can then be loaded.
    expect((await t.call('demo.load')).summary.length).toBeGreaterThan(2);
  });
});
