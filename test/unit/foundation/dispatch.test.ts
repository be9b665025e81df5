import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch';
import { loadHandlers, type Handlers } from '../../../main/ipc/handlers';
import { contract } from '../../../shared/ipc/contract';
import { ErrorCode } from '../../../shared/ipc/errors';
import { METHODS } from '../../../shared/ipc/contract';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';

const handlers = await loadHandlers();

describe('the IPC contract', () => {
  it('lists exactly the methods the contract and the handlers define', () => {
    expect(new Set(METHODS).size).toBe(METHODS.length);
    expect(Object.keys(contract).sort()).toEqual([...METHODS].sort());
    expect(Object.keys(handlers).sort()).toEqual([...METHODS].sort());
  });
});

describe('dispatch()', () => {
  let t: TestWorkstation;
  beforeEach(async () => {
    t = await openTestWorkstation();
    // dispatch logs unexpected failures for the maintainer; keep the test output readable.
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
    t.cleanup();
  });

  it('refuses invalid input with VALIDATION and a Chinese message naming the field, and runs nothing', async () => {
    const r = await dispatch(handlers, t.ws, 'departments.create', { name: '' });
    expect(r).toMatchObject({ ok: false, error: { code: ErrorCode.VALIDATION } });
    expect(!r.ok && r.error.message).toBe('输入有误：请填写科室名称');
    const wrongType = await dispatch(handlers, t.ws, 'departments.delete', { id: 'abc' });
    expect(wrongType).toMatchObject({ ok: false, error: { code: ErrorCode.VALIDATION } });
    expect(!wrongType.ok && wrongType.error.message).toBe('输入有误：编号：无效输入：期望 数字，实际接收 文本');
    const nested = await dispatch(handlers, t.ws, 'bureau.update', {
      fullName: '某局',
      shortName: '某局',
      phone: 'abc',
    });
    expect(!nested.ok && nested.error.message).toContain('输入有误：电话只能包含');
    const extra = await dispatch(handlers, t.ws, 'app.status', { unexpected: 1 });
    expect(extra).toMatchObject({ ok: false, error: { code: ErrorCode.VALIDATION } });
    expect(await t.call('departments.list')).toEqual([]);
  });

  it('never throws: unknown methods, odd inputs, throwing handlers, output outside the contract', async () => {
    expect(await dispatch(handlers, t.ws, 'no.such', {})).toMatchObject({
      ok: false,
      error: { code: ErrorCode.UNKNOWN_METHOD },
    });
    expect(await dispatch(handlers, t.ws, '__proto__', {})).toMatchObject({
      ok: false,
      error: { code: ErrorCode.UNKNOWN_METHOD },
    });
    expect(await dispatch(handlers, t.ws, 'toString', {})).toMatchObject({
      ok: false,
      error: { code: ErrorCode.UNKNOWN_METHOD },
    });
    for (const odd of [null, 42, 'text', [], () => 1, Symbol('x'), 10n]) {
      const r = await dispatch(handlers, t.ws, 'departments.create', odd);
      expect(r.ok).toBe(false);
    }

    const broken: Handlers = {
      ...handlers,
      'departments.list': () => {
        throw new Error('boom');
      },
      'backup.list': async () => {
        throw 'a string, not an Error';
      },
      'staff.list': () => [{ id: 'not a number' }] as never,
    };
    const thrown = await dispatch(broken, t.ws, 'departments.list', undefined);
    expect(thrown).toMatchObject({ ok: false, error: { code: ErrorCode.INTERNAL } });
    expect(!thrown.ok && thrown.error.message).toContain('程序内部错误');
    // The English text and the method's code name stay in the console: the user reads Chinese only.
    expect(!thrown.ok && thrown.error.message).not.toMatch(/boom|departments/);
    expect(await dispatch(broken, t.ws, 'backup.list', undefined)).toMatchObject({
      ok: false,
      error: { code: ErrorCode.INTERNAL },
    });
    const drift = await dispatch(broken, t.ws, 'staff.list', undefined);
    expect(drift).toMatchObject({ ok: false, error: { code: ErrorCode.INTERNAL } });
    expect(!drift.ok && drift.error.message).toContain('程序内部错误（返回的数据格式不对）');
    expect(!drift.ok && drift.error.message).not.toContain('staff.list');
  });

  it('a disk that fills up under a write: refused in Chinese, nothing of it stored', async () => {
    await t.call('departments.create', { name: '办公室' });
    const raw = t.ws.context().raw;
    const count = () => (raw.prepare('SELECT count(*) AS n FROM department').get() as { n: number }).n;
    const before = count();
    // SQLite's own limit on the file's size: the next page it needs is refused with SQLITE_FULL, as on a full disk.
    const pages = (raw.prepare('PRAGMA page_count').get() as { page_count: number }).page_count;
    raw.pragma(`max_page_count = ${pages}`);
    let refused: Awaited<ReturnType<typeof dispatch>> | null = null;
    let tried = 0;
    for (; tried < 500 && !refused; tried++) {
      const r = await dispatch(handlers, t.ws, 'departments.create', { name: `科室${tried}` });
      if (!r.ok) refused = r;
    }
    expect(refused).toMatchObject({ ok: false, error: { code: ErrorCode.FILE_WRITE_FAILED } });
    expect(!refused!.ok && refused!.error.message).toContain('数据文件写入失败（磁盘空间不足），这次修改没有保存');
    expect(!refused!.ok && refused!.error.message).not.toMatch(/SQLITE|full|disk/i);
    raw.pragma('max_page_count = 1073741823');
    // What was refused is not there; what came before it is.
    expect(count()).toBe(before + tried - 1);
    const names = (raw.prepare('SELECT name FROM department').all() as { name: string }[]).map((d) => d.name);
    expect(names).not.toContain(`科室${tried - 1}`);
    expect(names).toContain(`科室${tried - 2}`);
    const after = await dispatch(handlers, t.ws, 'departments.create', { name: '综合股' });
    expect(after.ok).toBe(true);
  });

  it('passes expected failures through with their code, and answers NOT_READY while the database is closed', async () => {
    const d = await t.call('departments.create', { name: '办公室' });
    expect(await dispatch(handlers, t.ws, 'departments.create', { name: '办公室' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.CONFLICT },
    });
    expect(await dispatch(handlers, t.ws, 'departments.rename', { id: d.id + 100, name: 'x' })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.NOT_FOUND },
    });
    t.ws.close();
    expect(await dispatch(handlers, t.ws, 'departments.list', undefined)).toMatchObject({
      ok: false,
      error: { code: ErrorCode.NOT_READY },
    });
  });
});
