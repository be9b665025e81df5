// The import preview shows the role the reader gave each column of a table; the user corrects it, the preview is
// rebuilt from the same file at once, and the choice is remembered for the next table with the same header. A table
// whose roles cannot be found opens on that choice instead of an error. Through the real dispatch on a real file.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { PointsPreview } from '../../../shared/ipc/contracts/points';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';
import { asXlsx } from '../grid/build-table';

let t: TestWorkstation;
beforeEach(async () => {
  t = await openTestWorkstation({ year: 2026 });
});
afterEach(() => t.cleanup());

const upload = (fileName: string, data: Buffer) => ({ fileName, dataBase64: data.toString('base64') });
const setting = () =>
  (
    t.ws.context().raw.prepare("SELECT value FROM setting WHERE key = 'import.columnRoles'").get() as
      { value: string } | undefined
  )?.value;
const brief = (p: PointsPreview) =>
  p.parsed.items.map((i) => [i.level, i.label, i.text, i.lead.join('、'), i.support.join('、'), i.deadlineText ?? '']);

/** A 分工表 whose header says nothing the reader knows. */
const unknownHeader = (first: string) =>
  asXlsx({
    before: ['2026年某局政务公开任务清单'],
    rows: [
      ['板块名称', '事项说明', '承担科室', '办结日期'],
      [{ text: '一、公开目录', rowSpan: 2 }, `1.${first}`, '办公室', '2026年6月底前'],
      [null, '2.动态调整目录。', '办公室', '持续推进'],
      ['二、政策解读', '3.同步发布解读材料。', '法规科', '年底前'],
    ],
  });

it('a table whose columns are not found opens on the choice; the chosen roles rebuild the preview and are kept', async () => {
  const first = await t.call('points.preview', {
    source: { upload: upload('清单.xlsx', await unknownHeader('编制公开目录。')) },
  });
  expect(first.parsed.items).toEqual([]);
  expect(first.parsed.tables).toEqual([
    expect.objectContaining({
      table: 0,
      found: false,
      headers: ['板块名称', '事项说明', '承担科室', '办结日期'],
      roles: ['ignore', 'ignore', 'ignore', 'ignore'],
      basis: ['none', 'none', 'none', 'none'],
    }),
  ]);
  expect(first.parsed.tables[0].sample[0]).toEqual(['一、公开目录', '1.编制公开目录。', '办公室', '2026年6月底前']);
  expect(setting()).toBeUndefined();

  const roles = [{ table: 0, roles: ['group', 'text', 'lead', 'deadline'] as const }];
  const chosen = await t.call('points.preview', {
    previewId: first.previewId,
    roles: roles.map((r) => ({ ...r, roles: [...r.roles] })),
  });
  expect(brief(chosen)).toEqual([
    [1, '一', '公开目录', '', '', ''],
    [3, '1', '编制公开目录。', '办公室', '', '2026年6月底前'],
    [3, '2', '动态调整目录。', '办公室', '', '持续推进'],
    [1, '二', '政策解读', '', '', ''],
    [3, '3', '同步发布解读材料。', '法规科', '', '年底前'],
  ]);
  expect(chosen.parsed.tables[0]).toMatchObject({ found: true, basis: ['user', 'user', 'user', 'user'] });
  expect(JSON.parse(setting()!)).toEqual({
    'points:板块名称|事项说明|承担科室|办结日期': ['group', 'text', 'lead', 'deadline'],
  });

  // Saved as previewed.
  const saved = await t.call('points.save', {
    previewId: chosen.previewId,
    meta: { title: chosen.parsed.title, docNumber: null, issuer: null, issuedDate: null, year: 2026 },
    items: chosen.parsed.items,
  });
  expect(saved.status).toBe('saved');
  const count = t.ws.context().raw.prepare('SELECT count(*) AS n FROM work_point').get() as { n: number };
  expect(count.n).toBe(5);

  // The next table with the same header is read at once with the remembered roles.
  const next = await t.call('points.preview', {
    source: { upload: upload('清单2.xlsx', await unknownHeader('更新公开指南。')) },
  });
  expect(next.parsed.tables[0]).toMatchObject({
    found: true,
    basis: ['remembered', 'remembered', 'remembered', 'remembered'],
  });
  expect(brief(next)[1]).toEqual([3, '1', '更新公开指南。', '办公室', '', '2026年6月底前']);
});

it('a column read wrongly is corrected: 配合 instead of 牵头, and the header keeps the correction', async () => {
  const file = await asXlsx({
    rows: [
      ['序号', '工作任务', '责任单位', '协同科室', '完成时限'],
      ['1', '公开权责清单。', '办公室', '法规科', '年底前'],
      ['2', '更新办事指南。', '政务服务科', '办公室', '每季度'],
    ],
  });
  const first = await t.call('points.preview', { source: { upload: upload('分工.xlsx', file) } });
  // 协同科室 is not a word the reader knows: not read.
  expect(first.parsed.tables[0].roles).toEqual(['seq', 'text', 'lead', 'ignore', 'deadline']);
  expect(first.parsed.items.map((i) => i.support)).toEqual([[], []]);
  const fixed = await t.call('points.preview', {
    previewId: first.previewId,
    roles: [{ table: 0, roles: ['seq', 'text', 'lead', 'support', 'deadline'] }],
  });
  expect(fixed.parsed.items.map((i) => [i.lead, i.support])).toEqual([
    [['办公室'], ['法规科']],
    [['政务服务科'], ['办公室']],
  ]);
  expect(fixed.parsed.tables[0].basis).toEqual(['header', 'header', 'header', 'user', 'header']);
  // The year can still be changed afterwards with the same roles.
  const again = await t.call('points.preview', {
    previewId: fixed.previewId,
    year: 2025,
    roles: [{ table: 0, roles: ['seq', 'text', 'lead', 'support', 'deadline'] }],
  });
  expect(again.parsed.items[0].support).toEqual(['法规科']);
  expect(again.parsed.year).toBe(2025);
  const later = await t.call('points.preview', { source: { upload: upload('分工2.xlsx', file) } });
  expect(later.parsed.items.map((i) => i.support)).toEqual([['法规科'], ['办公室']]);
});
