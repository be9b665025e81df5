// The 细则 preview: a table whose columns are not found opens on the choice of roles; the chosen roles rebuild the
// tree from the same file and are remembered for the next 细则 with the same header. Through the real dispatch.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { IndicatorOutput } from '../../../shared/domain/selfcheck';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';
import { asXlsx } from '../grid/build-table';

let t: TestWorkstation;
beforeEach(async () => {
  t = await openTestWorkstation({ year: 2026 });
});
afterEach(() => t.cleanup());

const upload = (fileName: string, data: Buffer) => ({ fileName, dataBase64: data.toString('base64') });
const tree = (xs: IndicatorOutput[]): unknown[] =>
  xs.map((n) => [n.name, n.points, n.criteria, ...(n.children.length ? [tree(n.children)] : [])]);

const file = () =>
  asXlsx({
    before: ['某县2026年政务公开考核细则'],
    rows: [
      ['考评板块', '考评要素', '满分值', '计分说明'],
      [{ text: '组织保障', rowSpan: 2 }, '明确分管领导', 2, '未明确的不得分。'],
      [null, '配备工作人员', 3, '未配备的不得分。'],
      ['平台建设', '专栏规范', 5, '栏目空白的每个扣1分。'],
    ],
  });

it('a 细则 whose columns are not found opens on the choice; chosen roles rebuild the tree and are remembered', async () => {
  const first = await t.call('selfcheck.previewFile', { upload: upload('细则.xlsx', await file()) });
  expect(first.indicators).toEqual([]);
  expect(first.tables).toEqual([
    expect.objectContaining({ found: false, headers: ['考评板块', '考评要素', '满分值', '计分说明'] }),
  ]);
  const roles = [{ table: 0, roles: ['group' as const, 'group' as const, 'points' as const, 'criteria' as const] }];
  const chosen = await t.call('selfcheck.previewFile', { upload: upload('细则.xlsx', await file()), roles });
  expect(tree(chosen.indicators)).toEqual([
    [
      '组织保障',
      null,
      '',
      [
        ['明确分管领导', 2, '未明确的不得分。'],
        ['配备工作人员', 3, '未配备的不得分。'],
      ],
    ],
    ['平台建设', null, '', [['专栏规范', 5, '栏目空白的每个扣1分。']]],
  ]);
  expect(chosen.title).toBe('某县2026年政务公开考核细则');
  expect(chosen.total).toBe(10);
  expect(chosen.levelSums).toEqual([10, 10]);
  // The next 细则 with this header is read at once.
  const next = await t.call('selfcheck.previewFile', { upload: upload('细则2.xlsx', await file()) });
  expect(next.tables![0]).toMatchObject({
    found: true,
    basis: ['remembered', 'remembered', 'remembered', 'remembered'],
  });
  expect(tree(next.indicators)).toEqual(tree(chosen.indicators));
});
