// 培训台账 read in from Excel: the workstation's own export carried to another data file (same trainings, same people,
// present and absent), and a ledger as an office kept it by hand (a title with the year and 3月5日 dates under it,
// other column names in another order, 课时 written "2学时", names spaced out or for a whole group, a 合计 row and a
// 填表人 line). Built with exceljs, imported through the real services into real SQLite files; what is stored is
// compared with what the file holds.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { TrainingInput } from '../../../shared/domain/training';
import { AppError } from '../../../shared/ipc/result';
import { splitNames } from '../../../main/import/team/training-xlsx';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';

const NOW = () => new Date(2026, 11, 7, 10, 0, 0);
const open: TestWorkstation[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.cleanup();
});

async function workstation(names: string[]): Promise<TestWorkstation & { ids: Record<string, number> }> {
  const t = await openTestWorkstation({ now: NOW });
  open.push(t);
  const office = await t.call('departments.create', { name: '办公室' });
  const ids: Record<string, number> = {};
  for (const name of names)
    ids[name] = (
      await t.call('staff.create', {
        name,
        departmentId: office.id,
        title: '科员',
        phone: '',
        status: '在岗',
        note: '',
      })
    ).id;
  return { ...t, ids };
}

const upload = (fileName: string, data: Buffer) => ({ fileName, dataBase64: data.toString('base64') });

/** Each stored training as the ledger shows it, with its people by name. */
async function ledger(t: TestWorkstation, year: number) {
  return (await t.call('training.list', { year }))
    .map(({ id: _id, files: _f, attendees, ...rest }) => ({
      ...rest,
      present: attendees
        .filter((a) => a.present)
        .map((a) => a.name)
        .sort(),
      absent: attendees
        .filter((a) => !a.present)
        .map((a) => a.name)
        .sort(),
    }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

describe('培训台账 from Excel', () => {
  it('the exported 培训台账 read into another data file gives the same trainings and people; a second import adds nothing', async () => {
    const people = ['张三', '李四', '王五', '赵六'];
    const from = await workstation(people);
    const base: TrainingInput = {
      date: '2026-03-05',
      title: '政务公开专题培训',
      kind: '政务公开专题培训',
      form: '集中授课',
      status: '已举办',
      organiser: '县科技局办公室',
      trainer: '刘老师',
      place: '三楼会议室',
      hours: 2,
      summary: '解读《政府信息公开条例》',
      attendees: [],
    };
    const at = (present: string[], absent: string[] = []) => [
      ...present.map((n) => ({ staffId: from.ids[n], present: true })),
      ...absent.map((n) => ({ staffId: from.ids[n], present: false })),
    ];
    await from.call('training.create', { ...base, attendees: at(['张三', '李四', '王五'], ['赵六']) });
    await from.call('training.create', {
      ...base,
      date: '2026-06-18',
      title: '保密知识学习',
      kind: '业务学习',
      form: '视频',
      hours: 1.5,
      organiser: '',
      trainer: '',
      summary: '',
      attendees: at(['赵六', '张三']),
    });
    await from.call('training.create', {
      ...base,
      date: '2026-12-20',
      title: '年度政务公开业务培训',
      status: '计划',
      attendees: at(['李四']),
    });
    await from.call('team.export', { kind: 'training-xlsx', year: 2026 });
    const file = upload('培训台账.xlsx', from.delivered.at(-1)!.data);

    const to = await workstation(people);
    const preview = await to.call('training.importPreview', file);
    expect(preview.errorCount).toBe(0);
    expect(preview.hasNames).toBe(true);
    expect(preview.rows.map((r) => [r.row, r.action, r.notes])).toEqual(preview.rows.map((r) => [r.row, '新增', []]));
    expect(preview.rows[0].people).toBe('实到3人：张三、李四、王五；缺席：赵六');
    expect(await to.call('training.importCommit', file)).toEqual({ created: 3, skipped: 0 });
    expect(await ledger(to, 2026)).toEqual(await ledger(from, 2026));
    // Each person's 学时 follows the names: 张三 attended two held trainings (2 + 1.5).
    const hours = (await to.call('training.requirement', { year: 2026 })).people.find((p) => p.name === '张三');
    expect(hours?.hours).toBe(3.5);

    expect(await to.call('training.importCommit', file)).toEqual({ created: 0, skipped: 3 });
    expect((await to.call('training.list', { year: 2026 })).length).toBe(3);
  });

  it('a ledger kept by hand: its own columns, 3月5日 under a titled year, groups said, every unusable row named', async () => {
    const to = await workstation(['张三', '李四', '王五', '赵六']);
    const rows: (string | number | null)[][] = [
      ['2026年度政务公开培训学习台账'],
      [],
      ['序号', '培训时间', '培训主题', '主讲人', '培训方式', '课时', '参加人员', '参训人数', '备注'],
      [1, '3月5日', '政务公开业务培训', '刘老师', '集中学习', '2学时', '张三、李四  王 五', 3, ''],
      [2, '2026.4.10', '参加市政务公开培训班', '', '线上直播', 3, '张三', 1, '市政务公开办主办'],
      [3, '5月20日上午', '党风廉政学习', '', '', '1', '全体干部职工', null, ''],
      [4, '6月8日-9日', '数据安全讲座', '', '讲座', '', '李四', 1, ''],
      [5, '7月1日 9:00-11:30', '信息发布规范培训', '', '', 2, '孙八、张三', 2, ''],
      ['合计', '', '', '', '', 8, '', '', ''],
      ['填表人：张三'],
    ];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    rows.forEach((r, i) => r.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v)));
    const file = upload('培训学习台账.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));

    const p = await to.call('training.importPreview', file);
    expect(p.sheetName).toBe('台账');
    const row = (n: number) => p.rows.find((r) => r.row === n)!;
    expect(row(4)).toMatchObject({
      date: '2026-03-05',
      kind: '政务公开专题培训',
      form: '集中授课',
      hours: 2,
      people: '实到3人：张三、李四、王五',
      errors: [],
    });
    expect(row(4).notes).toEqual([
      '表中没有写类别，按培训名称记为“政务公开专题培训”',
      '形式“集中学习”按“集中授课”导入',
    ]);
    expect(row(5)).toMatchObject({ date: '2026-04-10', kind: '参加上级培训', form: '线上', hours: 3, errors: [] });
    expect(row(6)).toMatchObject({ date: '2026-05-20', kind: '业务学习', people: '（无）', errors: [] });
    expect([row(7).date, row(8).date]).toEqual(['', '2026-07-01']);
    expect(row(6).notes).toContain('“全体干部职工”不是一个人的姓名，未计入参训人员：导入后请在培训中勾选参训人员');
    expect(row(7).errors).toEqual(['“课时”列：学时为空']);
    expect(row(8).errors).toEqual(['参训人员“孙八”不在人员名单中，请先在“单位与人员”中添加或导入人员名单']);
    // The 合计 row and the 填表人 line are not trainings.
    expect(p.rows.map((r) => r.row)).toEqual([4, 5, 6, 7, 8]);
    expect([p.validCount, p.errorCount]).toEqual([3, 2]);

    // Nothing is stored while a row cannot be used, and the refusal names the rows.
    const refused = await to.call('training.importCommit', file).catch((e: AppError) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).message).toMatch(
      /^有 2 行不能导入，未导入任何培训。.*\n第 7 行：“课时”列：学时为空\n第 8 行：参训人员“孙八”/,
    );
    expect((await to.call('training.list', { year: 2026 })).length).toBe(0);
  });

  it('“陈思远（办公室）” is 陈思远, and the bracket’s 科室 tells two 张伟 apart; “杨帆等12人” is 杨帆 of a partial list', async () => {
    const to = await workstation(['陈思远', '杨帆', '张伟']);
    const rural = await to.call('departments.create', { name: '农村科技科' });
    const other = await to.call('staff.create', {
      name: '张伟',
      departmentId: rural.id,
      title: '科长',
      phone: '',
      status: '在岗',
      note: '',
    });
    const rows: (string | number | null)[][] = [
      ['培训日期', '培训名称', '培训形式', '学时', '参训人员'],
      ['2026-03-19', '信息发布规范培训', '集中学习', 2, '陈思远、杨帆等12人'],
      ['2026-04-02', '保密审查培训', '集中学习', 2, '陈思远（办公室）、张伟（农村科技科）'],
      ['2026-04-09', '新媒体培训', '集中学习', 2, '杨帆、张伟'],
    ];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    rows.forEach((r, i) => r.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v)));
    const data = Buffer.from(await wb.xlsx.writeBuffer());

    const p = await to.call('training.importPreview', upload('台账.xlsx', data));
    const row = (n: number) => p.rows.find((r) => r.row === n)!;
    expect(row(2)).toMatchObject({ people: '实到2人：陈思远、杨帆', errors: [] });
    expect(row(2).notes).toContain(
      '名单“…杨帆等12人”只列出了部分人员（共12人），导入其中的2人：导入后请在培训中补齐参训人员',
    );
    expect(row(3)).toMatchObject({ people: '实到2人：陈思远、张伟', errors: [], notes: expect.any(Array) });
    expect(row(3).notes.join('')).not.toContain('不是一个人的姓名');
    // Two 张伟 and nothing to tell them apart: the file is to say which, before an import that cannot happen.
    expect(row(4).errors).toEqual([
      '人员名单中有 2 位“张伟”（办公室、农村科技科），是哪一位：请在表中写成“张伟（办公室）”的样子，写明科室，再重新导入',
    ]);

    // Without the row that cannot be told apart, the rest goes in with the right 张伟.
    ws.spliceRows(4, 1);
    const fixed = upload('台账.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    await to.call('training.importCommit', fixed);
    const stored = await to.call('training.list', { year: 2026 });
    const secrecy = stored.find((t) => t.title === '保密审查培训')!;
    expect(secrecy.attendees.map((a) => a.staffId).sort()).toEqual([to.ids['陈思远'], other.id].sort());
  });

  it('names as offices write them: separators, names spaced out for print, a lone character kept with its name', () => {
    expect(splitNames('张三、李四，王五;赵六')).toEqual(['张三', '李四', '王五', '赵六']);
    expect(splitNames('张三 李四  王 五')).toEqual(['张三', '李四', '王五']);
    expect(splitNames('欧阳 修、张 小 明')).toEqual(['欧阳修', '张小明']);
    expect(splitNames('无')).toEqual([]);
    expect(splitNames('')).toEqual([]);
  });

  it('a ledger with only 参训人数: said once for the sheet, each row shows the number it gives', async () => {
    const to = await workstation(['张三']);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('2026年培训');
    ws.addRow(['日期', '培训名称', '学时', '参训人数', '缺席人员']);
    ws.addRow(['2026-03-05', '政务公开专题培训', 2, 8, '张三']);
    const file = upload('台账.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const p = await to.call('training.importPreview', file);
    expect(p.hasNames).toBe(false);
    expect(p.rows[0]).toMatchObject({ people: '缺席：张三', errors: [] });
    // No note about the missing names on the row: the preview says it once, for the sheet (hasNames).
    expect(p.rows[0].notes).toEqual([
      '表中没有写类别，按培训名称记为“政务公开专题培训”',
      '表中没有写形式，记为“集中授课”',
    ]);
    ws.getCell('E2').value = '';
    const again = await to.call(
      'training.importPreview',
      upload('台账.xlsx', Buffer.from(await wb.xlsx.writeBuffer())),
    );
    expect(again.rows[0].people).toBe('（表中写8人，无名单）');
  });

  it('a header over two rows: 人数 and 人员 under 参训情况, 培训内容 as the name, 时长 in hours', async () => {
    const to = await workstation(['张三', '李四', '王五']);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['2026年度培训台账']);
    ws.addRow(['序号', '培训时间', '培训内容', '参训情况', null, '时长']);
    ws.addRow([null, null, null, '人数', '人员', null]);
    for (const m of ['D2:E2', 'A2:A3', 'B2:B3', 'C2:C3', 'F2:F3']) ws.mergeCells(m);
    ws.addRow([1, new Date(Date.UTC(2026, 2, 5)), '政务公开条例学习', 2, '张三，李四', '2小时']);
    ws.addRow([2, '2026年4月10日（周五）', '保密培训', 1, '王五', '1.5']);
    const p = await to.call('training.importPreview', upload('台账.xlsx', Buffer.from(await wb.xlsx.writeBuffer())));
    expect(p.hasNames).toBe(true);
    expect(p.rows.map((r) => [r.row, r.date, r.title, r.hours, r.people, r.errors])).toEqual([
      [4, '2026-03-05', '政务公开条例学习', 2, '实到2人：张三、李四', []],
      [5, '2026-04-10', '保密培训', 1.5, '实到1人：王五', []],
    ]);
  });

  it('a file that is not a 培训台账 is refused in Chinese, naming the columns it needs', async () => {
    const to = await workstation(['张三']);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['姓名', '科室', '电话']);
    const file = upload('人员.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    await expect(to.call('training.importPreview', file)).rejects.toThrow(
      /在“人员.xlsx”中没有找到培训台账的表头：需要有“日期”.*“培训名称”/,
    );
  });
});
