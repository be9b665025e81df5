// 人员名单 as a bureau's 人事 office keeps it, imported through the real service into a real data file: retired and
// transferred people marked in 备注 or 人员类别, heading rows splitting 在职 from 离退休, 科室 written with the bureau's
// name before them, and the app's own export re-imported with new people added.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';

type Cell = string | number | null;

async function xlsx(rows: Cell[][], after?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  rows.forEach((r, i) => {
    ws.getRow(i + 1).values = r as ExcelJS.CellValue[];
  });
  after?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const upload = (data: Buffer, fileName = '花名册.xlsx') => ({ fileName, dataBase64: data.toString('base64') });

describe('staff import of an 人事 office’s 花名册', () => {
  let t: TestWorkstation;
  beforeEach(async () => {
    t = await openTestWorkstation();
    for (const name of ['办公室', '农村科技科']) await t.call('departments.create', { name });
  });
  afterEach(() => t.cleanup());

  /** The list's people in the order they were stored (staff.list sorts by 科室 and 状态). */
  const imported = async () =>
    (await t.call('staff.list'))
      .sort((x, y) => x.id - y.id)
      .map((s) => [s.name, s.departmentName, s.status] as [string, string | null, string]);

  it('reads 退休/离休/调离 in 备注 or 人员类别 as 离岗, and says why on the row', async () => {
    const data = await xlsx([
      ['序号', '姓名', '科室', '职务', '人员类别', '联系电话', '备注'],
      [1, '王芳', '办公室', '科员', '在职', '13907391234', ''],
      [2, '李德胜', '', '原副局长', '离休', '', ''],
      [3, '赵秀英', '', '原主任科员', '', '', '已退休'],
      [4, '钱国强', '农村科技科', '', '', '', '2025年12月调离'],
      [5, '孙丽', '办公室', '科员', '', '', '拟于2027年退休'],
      [6, '欧阳明', '办公室', '科员', '', '', '借调'],
    ]);
    const preview = await t.call('staff.importPreview', upload(data));
    expect(preview.rows.map((r) => [r.name, r.status, r.statusReason])).toEqual([
      ['王芳', '在岗', undefined],
      ['李德胜', '离岗', '人员类别“离休”'],
      ['赵秀英', '离岗', '备注“已退休”'],
      ['钱国强', '离岗', '备注“2025年12月调离”'],
      ['孙丽', '在岗', undefined],
      ['欧阳明', '在岗', undefined],
    ]);
    expect(preview.notes.join('')).toContain('3 人按“离岗”导入');
    await t.call('staff.importCommit', { ...upload(data), createDepartments: [] });
    expect(await imported()).toEqual([
      ['王芳', '办公室', '在岗'],
      ['李德胜', null, '离岗'],
      ['赵秀英', null, '离岗'],
      ['钱国强', '农村科技科', '离岗'],
      ['孙丽', '办公室', '在岗'],
      ['欧阳明', '办公室', '在岗'],
    ]);
  });

  it('skips heading rows (merged across, or a lone “一、在职人员”); people under a 离退休 heading are 离岗', async () => {
    const data = await xlsx(
      [
        ['人员名单'],
        ['序号', '姓名', '性别', '职务', '科室', '联系电话', '备注'],
        ['一、在职人员'],
        [1, '王芳', '女', '科员', '办公室', '13907391234', ''],
        ['离退休人员', null, null, null, null, null, null],
        [2, '李德胜', '男', '原副局长', '', '', ''],
        ['三、借调人员'],
        [3, '欧阳明', '男', '科员', '办公室', '', ''],
        ['填表人：王芳'],
      ],
      (ws) => {
        ws.mergeCells('A1:G1');
        ws.mergeCells('A5:G5');
      },
    );
    const preview = await t.call('staff.importPreview', upload(data));
    expect(preview.unknownDepartments).toEqual([]);
    expect(preview.errorCount).toBe(0);
    expect(preview.rows.map((r) => [r.row, r.name, r.status])).toEqual([
      [4, '王芳', '在岗'],
      [6, '李德胜', '离岗'],
      [8, '欧阳明', '在岗'],
    ]);
    expect(preview.rows[1].statusReason).toBe('在“离退休人员”下');
    expect(preview.notes[0]).toContain(
      '第 3 行“一、在职人员”、第 5 行“离退休人员”、第 7 行“三、借调人员”是表中的分组标题',
    );
    await t.call('staff.importCommit', { ...upload(data), createDepartments: [] });
    expect(await imported()).toEqual([
      ['王芳', '办公室', '在岗'],
      ['李德胜', null, '离岗'],
      ['欧阳明', '办公室', '在岗'],
    ]);
    expect((await t.call('departments.list')).map((d) => d.name)).toEqual(['办公室', '农村科技科']);
  });

  it('reads 局办公室 and 县科技局办公室 as the existing 办公室; only a truly new 科室 is offered', async () => {
    const data = await xlsx([
      ['姓名', '科室'],
      ['王芳', '局办公室'],
      ['刘洋', '县科技局办公室'],
      ['陈晨', '某县科学技术局农村科技科'],
      ['林建华', '局领导'],
    ]);
    const preview = await t.call('staff.importPreview', upload(data));
    expect(preview.rows.map((r) => r.department)).toEqual(['办公室', '办公室', '农村科技科', '局领导']);
    expect(preview.unknownDepartments).toEqual(['局领导']);
    expect(preview.notes).toContain('科室“局办公室”按已有科室“办公室”读取');
    await t.call('staff.importCommit', { ...upload(data), createDepartments: ['局领导'] });
    expect(await imported()).toEqual([
      ['王芳', '办公室', '在岗'],
      ['刘洋', '办公室', '在岗'],
      ['陈晨', '农村科技科', '在岗'],
      ['林建华', '局领导', '在岗'],
    ]);
  });

  it('re-imports the app’s own export with new people: those already listed are skipped, the new ones go in', async () => {
    const first = await xlsx([
      ['姓名', '科室', '职务'],
      ['王芳', '办公室', '科员'],
      ['张伟', '农村科技科', '科长'],
    ]);
    await t.call('staff.importCommit', { ...upload(first), createDepartments: [] });
    await t.call('staff.importCommit', { ...upload(first), createDepartments: [] }).then(
      () => expect.fail('importing nothing new should be refused'),
      (e: Error) => expect(e.message).toContain('都已在人员名单中'),
    );
    const exported = t.delivered.length;
    await t.call('staff.export');
    const again = t.delivered[exported].data;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(again as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    ws.addRow([null, '新同志', '办公室', '科员']);
    const updated = Buffer.from(await wb.xlsx.writeBuffer());
    const preview = await t.call('staff.importPreview', upload(updated, '人员名单.xlsx'));
    expect(preview.errorCount).toBe(0);
    expect(preview.rows.filter((r) => r.existing).map((r) => r.name)).toEqual(['王芳', '张伟']);
    expect(preview.notes.join('')).toContain('已有，跳过 2 人');
    const r = await t.call('staff.importCommit', { ...upload(updated, '人员名单.xlsx'), createDepartments: [] });
    expect(r).toEqual({ imported: 1, createdDepartments: 0, skipped: 2, left: 0 });
    expect((await imported()).map((p) => p[0])).toEqual(['王芳', '张伟', '新同志']);
  });

  it('an updated 花名册 saying a listed person retired marks them 离岗, with the day in the trail; never back to 在岗', async () => {
    const first = await xlsx([
      ['姓名', '科室', '职务'],
      ['王芳', '办公室', '科员'],
      ['张伟', '农村科技科', '科长'],
    ]);
    await t.call('staff.importCommit', { ...upload(first), createDepartments: [] });
    const updated = await xlsx([
      ['姓名', '科室', '职务', '备注'],
      ['王芳', '办公室', '科员', ''],
      ['张伟', '农村科技科', '科长', '2026年11月退休'],
    ]);
    const preview = await t.call('staff.importPreview', upload(updated));
    expect(preview.rows.map((r) => [r.name, !!r.existing, !!r.leaving])).toEqual([
      ['王芳', true, false],
      ['张伟', true, true],
    ]);
    expect(preview.notes.join('')).toContain(
      '1 人已在人员名单中，状态将改为“离岗”（第 3 行张伟：备注“2026年11月退休”）',
    );
    expect(preview.notes.join('')).toContain('已有，跳过 1 人：王芳');
    // Nothing new, one to mark: not refused as "nothing to import".
    const r = await t.call('staff.importCommit', { ...upload(updated), createDepartments: [] });
    expect(r).toEqual({ imported: 0, createdDepartments: 0, skipped: 1, left: 1 });
    expect(await imported()).toEqual([
      ['王芳', '办公室', '在岗'],
      ['张伟', '农村科技科', '离岗'],
    ]);
    // The trail says the 状态 changed, as an edit in the list does (the AB岗 count people as gone from that day).
    const trail = t.ws
      .context()
      .raw.prepare(`SELECT changes FROM audit_log WHERE entity = 'staff' AND action = 'update'`)
      .pluck()
      .all() as string[];
    expect(trail.map((c) => JSON.parse(c))).toEqual([{ status: { from: '在岗', to: '离岗' } }]);
    // A file saying 在岗 for someone the list has as 离岗 does not bring them back.
    const back = await t.call('staff.importPreview', upload(first));
    expect(back.rows.map((r) => [r.name, !!r.existing, !!r.leaving])).toEqual([
      ['王芳', true, false],
      ['张伟', true, false],
    ]);
  });
});
