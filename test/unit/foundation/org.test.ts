import os from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../shared/ipc/errors';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';

const person = (
  name: string,
  departmentId: number | null,
  extra: Partial<{ title: string; phone: string; status: '在岗' | '离岗'; note: string }> = {},
) => ({ name, departmentId, title: '', phone: '', status: '在岗' as const, note: '', ...extra });

describe('first run and the bureau', () => {
  it('starts in setup, becomes ready after setup, and records the bureau with the OS user', async () => {
    const t = await openTestWorkstation({ setup: false });
    try {
      expect((await t.call('app.status')).state).toBe('setup');
      const status = await t.call('app.setup', {
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
      expect(status).toMatchObject({ state: 'ready', year: 2026, bureau: { shortName: '县科技局' } });
      await t.call('app.setYear', { year: 2027 });
      expect((await t.call('app.status')).year).toBe(2027);
      await t.call('bureau.update', { ...status.bureau!, phone: '0851-1234567' });
      const [update, create] = await t.call('audit.list', { entity: 'bureau', entityId: 1, limit: 10 });
      expect(create).toMatchObject({ action: 'create', summary: '设置单位：某县科学技术局' });
      expect(update).toMatchObject({
        action: 'update',
        osUser: os.userInfo().username,
        changes: { phone: { from: '', to: '0851-1234567' } },
      });
      expect(update.at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    } finally {
      t.cleanup();
    }
  });
});

describe('departments and staff', () => {
  let t: TestWorkstation;
  beforeEach(async () => {
    t = await openTestWorkstation();
  });
  afterEach(() => t.cleanup());

  it('adds, renames (refusing a name in use), reorders and deactivates departments', async () => {
    const office = await t.call('departments.create', { name: '办公室' });
    const tech = await t.call('departments.create', { name: '高新科' });
    const money = await t.call('departments.create', { name: '财务科' });
    await expect(t.call('departments.create', { name: '办公室' })).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
    await expect(t.call('departments.rename', { id: tech.id, name: '办公室' })).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      message: '已有名为“办公室”的科室。',
    });
    expect((await t.call('departments.rename', { id: tech.id, name: '高新技术科' })).name).toBe('高新技术科');
    // Renaming to its own name is not a conflict.
    await t.call('departments.rename', { id: office.id, name: '办公室' });

    await t.call('departments.reorder', { ids: [money.id, office.id, tech.id] });
    expect((await t.call('departments.list')).map((d) => [d.name, d.sortOrder])).toEqual([
      ['财务科', 1],
      ['办公室', 2],
      ['高新技术科', 3],
    ]);
    // A stale list (a department missing) is refused rather than half-applied.
    await expect(t.call('departments.reorder', { ids: [office.id, tech.id] })).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
    });

    await t.call('departments.setActive', { id: money.id, active: false });
    expect((await t.call('departments.list', { includeInactive: false })).map((d) => d.name)).toEqual([
      '办公室',
      '高新技术科',
    ]);
    await expect(t.call('departments.create', { name: '财务科' })).rejects.toMatchObject({
      message: expect.stringContaining('停用'),
    });
    await expect(t.call('staff.create', person('张三', money.id))).rejects.toMatchObject({ code: ErrorCode.CONFLICT });

    const audit = await t.call('audit.list', { entity: 'department', entityId: tech.id, limit: 10 });
    expect(audit.map((a) => a.summary)).toEqual(['科室更名：高新科 → 高新技术科', '新增科室：高新科']);
    expect(audit[0].changes).toEqual({ name: { from: '高新科', to: '高新技术科' } });
    expect(audit.every((a) => a.osUser === os.userInfo().username)).toBe(true);
  });

  it('does not delete a department that staff use, and deletes an unused one', async () => {
    const office = await t.call('departments.create', { name: '办公室' });
    const spare = await t.call('departments.create', { name: '临时科' });
    await t.call('staff.create', person('张三', office.id));
    const e = t.call('departments.delete', { id: office.id });
    await expect(e).rejects.toMatchObject({ code: ErrorCode.IN_USE });
    await expect(e).rejects.toMatchObject({ message: expect.stringContaining('停用') });
    expect((await t.call('departments.list')).find((d) => d.id === office.id)).toMatchObject({
      name: '办公室',
      active: true,
      staffCount: 1,
    });
    expect(
      (await t.call('audit.list', { entity: 'department', entityId: office.id, limit: 10 })).map((a) => a.action),
    ).toEqual(['create']);

    await t.call('departments.delete', { id: spare.id });
    expect((await t.call('departments.list')).map((d) => d.name)).toEqual(['办公室']);
    expect((await t.call('audit.list', { entity: 'department', entityId: spare.id, limit: 1 }))[0]).toMatchObject({
      action: 'delete',
      summary: '删除科室：临时科',
    });
    await expect(t.call('departments.delete', { id: spare.id })).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
  });

  it('searches and filters staff by name, title, phone, department and status', async () => {
    const office = await t.call('departments.create', { name: '办公室' });
    const tech = await t.call('departments.create', { name: '高新科' });
    await t.call('staff.create', person('张三', office.id, { title: '主任', phone: '13800000001' }));
    await t.call('staff.create', person('李四', tech.id, { title: '科员', phone: '0851-7654321' }));
    const wang = await t.call('staff.create', person('王五', tech.id, { title: '科长', status: '离岗' }));
    await t.call('staff.create', person('赵六', null));

    const names = async (filter: Parameters<typeof t.call<'staff.list'>>[1]) =>
      (await t.call('staff.list', filter)).map((s) => s.name);
    expect(await names({})).toEqual(['张三', '李四', '王五', '赵六']);
    expect(await names({ search: '李' })).toEqual(['李四']);
    expect(await names({ search: '科长' })).toEqual(['王五']);
    expect(await names({ search: '7654' })).toEqual(['李四']);
    expect(await names({ search: '高新' })).toEqual(['李四', '王五']);
    expect(await names({ search: '  张三 ' })).toEqual(['张三']);
    expect(await names({ departmentId: tech.id })).toEqual(['李四', '王五']);
    expect(await names({ status: '离岗' })).toEqual(['王五']);
    expect(await names({ departmentId: tech.id, status: '在岗' })).toEqual(['李四']);
    expect(await names({ search: '无此人' })).toEqual([]);
    // A LIKE wildcard typed by the user is searched for, not used as a wildcard on everything.
    expect((await names({ search: '%' })).length).toBeLessThan(4);

    const updated = await t.call('staff.update', {
      id: wang.id,
      ...person('王五', office.id, { title: '科长', status: '在岗' }),
    });
    expect(updated).toMatchObject({ departmentName: '办公室', status: '在岗' });
    const [change] = await t.call('audit.list', { entity: 'staff', entityId: wang.id, limit: 1 });
    expect(change.changes).toEqual({
      department: { from: '高新科', to: '办公室' },
      status: { from: '离岗', to: '在岗' },
    });
    await t.call('staff.delete', { id: wang.id });
    expect(await names({})).toEqual(['张三', '李四', '赵六']);
  });

  it('refuses staff input outside the rules with Chinese messages', async () => {
    await expect(t.call('staff.create', person('', null))).rejects.toMatchObject({
      code: ErrorCode.VALIDATION,
      message: expect.stringContaining('请填写姓名'),
    });
    await expect(t.call('staff.create', person('张三', null, { phone: 'abc' }))).rejects.toMatchObject({
      code: ErrorCode.VALIDATION,
      message: expect.stringContaining('电话只能包含'),
    });
    await expect(t.call('staff.create', person('张三', 999))).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
  });
});
