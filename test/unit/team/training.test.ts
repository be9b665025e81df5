import { afterEach, describe, expect, it } from 'vitest';
import type { TrainingInput } from '../../../shared/domain/training';
import { openTeamFixture, type TeamFixture } from './helpers';

let f: TeamFixture;
afterEach(() => f?.cleanup());

function training(over: Partial<TrainingInput> = {}): TrainingInput {
  return {
    date: '2025-06-18',
    title: '2025年政务公开专题培训',
    kind: '政务公开专题培训',
    form: '集中授课',
    status: '已举办',
    organiser: '县科技局办公室',
    trainer: '县政务公开办 刘老师',
    place: '三楼会议室',
    hours: 2,
    summary: '解读《政府信息公开条例》',
    attendees: [],
    ...over,
  };
}

const rows = (t: TeamFixture, table: string) =>
  (t.ws.context().raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('training ledger', () => {
  it('records a training with attendees; the yearly requirement turns met and hours add up exactly', async () => {
    f = await openTeamFixture('2025-10-09');
    const post = await f.postId('政务公开联络员');
    await f.call('ab.assign', { postId: post, role: 'A', staffId: f.staff['张三'], startDate: '2025-01-02' });
    await f.call('ab.assign', { postId: post, role: 'B', staffId: f.staff['李四'], startDate: '2025-01-02' });
    await f.call('team.saveSettings', { filingWorkingDays: 5, minSpecialTrainings: 1, minHoursPerPerson: 3 });

    let req = await f.call('training.requirement', { year: 2025 });
    expect(req.met).toBe(false);
    // None held is said so, not "已开展…0次".
    expect(req.message).toContain('2025年未开展政务公开专题培训，要求至少1次，尚未达到要求');

    const t1 = await f.call(
      'training.create',
      training({
        attendees: [
          { staffId: f.staff['张三'], present: true },
          { staffId: f.staff['李四'], present: false },
          { staffId: f.staff['王五'], present: true },
        ],
      }),
    );
    expect(t1.attendees.map((a) => [a.name, a.departmentName, a.present])).toEqual([
      ['张三', '办公室', true],
      ['李四', '办公室', false],
      ['王五', '高新科', true],
    ]);
    expect(t1.attendees.find((a) => a.name === '李四')!.present).toBe(false);
    req = await f.call('training.requirement', { year: 2025 });
    expect(req.specialHeld).toBe(1);
    // Hours requirement: 张三 has 2 of 3, 李四 was absent.
    expect(req.met).toBe(false);
    expect(req.shortOfHours.sort()).toEqual(['张三', '李四'].sort());

    await f.call(
      'training.create',
      training({
        date: '2025-09-03',
        title: '业务学习',
        kind: '业务学习',
        form: '自学',
        hours: 1.5,
        attendees: [
          { staffId: f.staff['张三'], present: true },
          { staffId: f.staff['李四'], present: true },
        ],
      }),
    );
    await f.call(
      'training.create',
      training({
        date: '2025-09-20',
        title: '参加市级培训',
        kind: '参加上级培训',
        form: '视频',
        hours: 1.5,
        attendees: [{ staffId: f.staff['李四'], present: true }],
      }),
    );
    req = await f.call('training.requirement', { year: 2025 });
    const hours = Object.fromEntries(req.people.map((p) => [p.name, p.hours]));
    expect(hours).toEqual({ 张三: 3.5, 李四: 3, 王五: 2 });
    expect(req.people.find((p) => p.name === '王五')!.met).toBeNull(); // not a team member
    expect(req.met).toBe(true);
    expect(req.message).toContain('队伍成员每人学时均不少于3学时');

    // Another year is separate.
    expect((await f.call('training.requirement', { year: 2024 })).met).toBe(false);
  });

  it('refuses bad input with clear messages and saves nothing', async () => {
    f = await openTeamFixture('2025-10-09');
    await f.call('staff.update', {
      id: f.staff['钱七'],
      name: '钱七',
      departmentId: null,
      title: '',
      phone: '',
      status: '离岗',
      note: '',
    });
    const before = { t: rows(f, 'training'), a: rows(f, 'training_attendee'), log: rows(f, 'audit_log') };
    await expect(f.call('training.create', training({ date: '2025-10-20' }))).rejects.toThrow(
      '晚于今天（2025-10-09），不能标记为“已举办”',
    );
    await expect(f.call('training.create', training({ hours: 0 }))).rejects.toThrow('学时必须大于0');
    await expect(f.call('training.create', training({ hours: -1 }))).rejects.toThrow('学时必须大于0');
    await expect(
      f.call(
        'training.create',
        training({
          attendees: [
            { staffId: f.staff['张三'], present: true },
            { staffId: f.staff['钱七'], present: true },
          ],
        }),
      ),
    ).rejects.toThrow('钱七已离岗，不能添加为参训人员');
    expect({ t: rows(f, 'training'), a: rows(f, 'training_attendee'), log: rows(f, 'audit_log') }).toEqual(before);
    // A planned future training is fine, and can be marked held once the day has come.
    const planned = await f.call(
      'training.create',
      training({ date: '2025-10-20', status: '计划', attendees: [{ staffId: f.staff['张三'], present: true }] }),
    );
    expect((await f.call('training.requirement', { year: 2025 })).specialHeld).toBe(0);
    f.setToday('2025-10-21');
    const { id: _id, files: _files, attendees, ...rest } = planned;
    await f.call('training.update', {
      id: planned.id,
      ...rest,
      status: '已举办',
      attendees: attendees.map((a) => ({ staffId: a.staffId, present: a.present })),
    });
    expect((await f.call('training.requirement', { year: 2025 })).specialHeld).toBe(1);
    const log = await f.call('audit.list', { entity: 'training', entityId: planned.id, limit: 5 });
    expect(log[0].summary).toBe('修改培训：2025-10-20 2025年政务公开专题培训');
    expect(log[0].changes).toEqual({ status: { from: '计划', to: '已举办' } });
  });

  it('attaches materials and photos inside the database and removes them with the training', async () => {
    f = await openTeamFixture('2025-10-09');
    const t = await f.call('training.create', training());
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    await f.call('training.addFile', {
      trainingId: t.id,
      kind: '照片',
      upload: { fileName: '现场.png', dataBase64: png.toString('base64') },
    });
    const withFiles = await f.call('training.addFile', {
      trainingId: t.id,
      kind: '材料',
      upload: { fileName: '课件.pdf', dataBase64: Buffer.from('%PDF-1.4').toString('base64') },
    });
    expect(withFiles.files.map((x) => [x.kind, x.fileName])).toEqual([
      ['照片', '现场.png'],
      ['材料', '课件.pdf'],
    ]);
    await f.call('attachments.download', { id: withFiles.files[0].attachmentId });
    expect(f.delivered.at(-1)!.data.equals(png)).toBe(true);
    await f.call('training.delete', { id: t.id });
    expect(rows(f, 'attachment')).toBe(0);
    expect(rows(f, 'training_attendee')).toBe(0);
  });

  it('staff who attended a training cannot be deleted', async () => {
    f = await openTeamFixture('2025-10-09');
    await f.call('training.create', training({ attendees: [{ staffId: f.staff['赵六'], present: true }] }));
    await expect(f.call('staff.delete', { id: f.staff['赵六'] })).rejects.toMatchObject({ code: 'IN_USE' });
  });
});
