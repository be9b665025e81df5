// AB岗设置表 as offices fill it by hand, imported through the real service into a real data file: a holder written with
// the 科室/职务 in brackets or after a space, two people of one name told apart by it, 暂无 for a vacant role, and
// two names crammed into one role's cell.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';

type Cell = string | null;

async function xlsx(rows: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  rows.forEach((r, i) => r.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const upload = (data: Buffer) => ({ fileName: 'AB岗设置表.xlsx', dataBase64: data.toString('base64') });
const HEADER: Cell[] = ['岗位名称', '岗位职责', 'A岗人员', 'B岗人员'];

describe('AB岗设置表 kept by hand', () => {
  let t: TestWorkstation;
  const ids: Record<string, number> = {};
  beforeEach(async () => {
    t = await openTestWorkstation({ now: () => new Date(2026, 11, 7, 10) });
    const dept: Record<string, number> = {};
    for (const name of ['办公室', '政策法规科', '农村科技科'])
      dept[name] = (await t.call('departments.create', { name })).id;
    const people: [string, string, string][] = [
      ['杨帆', '办公室', '科员'],
      ['刘雨婷', '办公室', '科员'],
      ['郑佳慧', '政策法规科', '科员'],
      ['张伟', '农村科技科', '科长'],
      ['张伟', '政策法规科', '科员'],
    ];
    for (const [name, d, title] of people)
      ids[`${name}${d}`] = (
        await t.call('staff.create', { name, departmentId: dept[d], title, phone: '', status: '在岗', note: '' })
      ).id;
  });
  afterEach(() => t.cleanup());

  it('reads “杨帆（办公室科员）” and “刘雨婷 办公室科员” as the person, and the bracket picks the right 张伟', async () => {
    const data = await xlsx([
      HEADER,
      ['政务公开联络员', '日常联络', '杨帆（办公室科员）', '郑佳慧(政策法规科科员)'],
      ['新媒体管理员', '维护', '刘雨婷 办公室科员', '张伟（政策法规科）'],
      ['科技项目公开岗', '项目公开', '张伟（科长）', '杨帆'],
    ]);
    const preview = await t.call('ab.importPreview', upload(data));
    expect(preview.rows.map((r) => r.errors)).toEqual([[], [], []]);
    await t.call('ab.importCommit', { ...upload(data), startDate: '2026-12-01' });
    const posts = await t.call('ab.posts');
    const held = Object.fromEntries(posts.filter((p) => p.a || p.b).map((p) => [p.name, [p.a?.staffId, p.b?.staffId]]));
    expect(held).toEqual({
      政务公开联络员: [ids['杨帆办公室'], ids['郑佳慧政策法规科']],
      新媒体管理员: [ids['刘雨婷办公室'], ids['张伟政策法规科']],
      科技项目公开岗: [ids['张伟农村科技科'], ids['杨帆办公室']],
    });
  });

  it('reads 暂无 as vacant; two names in one role are said as such, and a bare 张伟 asks for the 科室 in the file', async () => {
    const data = await xlsx([
      HEADER,
      ['保密审查员', '审查', '杨帆', '暂无'],
      ['网站管理员', '维护', '刘雨婷', '杨帆、郑佳慧'],
      ['规范性文件公开岗', '文件', '张伟', ''],
    ]);
    const preview = await t.call('ab.importPreview', upload(data));
    expect(preview.rows[0]).toMatchObject({ b: null, errors: [] });
    expect(preview.rows[1].errors).toEqual([
      'B岗只能填一人，表中写了2人（杨帆、郑佳慧）：请只保留一人后重新导入（另一人可设为其他岗位的A岗）',
    ]);
    expect(preview.rows[2].errors).toEqual([
      '人员名单中有 2 位“张伟”（农村科技科、政策法规科），表中没有写科室，无法区分是哪一位：请在“A岗科室及职务”列写明科室，或写成“张伟（农村科技科）”后重新导入',
    ]);
  });
});
