// The header and the columns' roles, on grids built by hand: two header rows under a cell spanning columns, a title
// merged across the table that is not a header, a pasted header whose spanning cell left blanks, and the order in
// which a choice applies (the user's for this table, else the one remembered for this header).
import { describe, expect, it } from 'vitest';
import { gridFromRows, GridView, type Grid, type GridCell } from '../../../main/import/grid/grid';
import { findLayout } from '../../../main/import/grid/header';
import { pointsFromGrid } from '../../../main/import/grid/points';

/** A grid with spans: cells as [row, col, text, rowSpan?, colSpan?]. */
function grid(rows: number, cols: number, cells: [number, number, string, number?, number?][]): Grid {
  const list: GridCell[] = cells.map(([row, col, text, rowSpan = 1, colSpan = 1]) => ({
    row,
    col,
    text,
    rowSpan,
    colSpan,
  }));
  return {
    where: '第1个表格',
    rows,
    cols,
    cells: list,
    rowNumbers: Array.from({ length: rows }, (_, i) => i + 1),
    before: [],
    spans: 'exact',
  };
}

describe('header rows', () => {
  it('two rows: 具体要求 spans 序号 | 内容 in the row below; the title above is no header', () => {
    const g = grid(5, 4, [
      [0, 0, '2026年政务公开重点任务分工表', 1, 4],
      [1, 0, '工作任务', 2],
      [1, 1, '具体要求', 1, 2],
      [1, 3, '责任单位', 2],
      [2, 1, '序号'],
      [2, 2, '内容'],
      [3, 0, '一、加强政策解读', 2],
      [3, 1, '1'],
      [3, 2, '做好解读。'],
      [3, 3, '办公室'],
      [4, 1, '2'],
      [4, 2, '开展吹风会。'],
      [4, 3, '法规科'],
    ]);
    const view = new GridView(g);
    const layout = findLayout(view, 'points');
    expect(layout).toMatchObject({
      headerStart: 1,
      start: 3,
      labels: ['工作任务', '序号', '内容', '责任单位'],
      roles: ['group', 'seq', 'text', 'lead'],
      found: true,
      signature: 'points:工作任务|序号|内容|责任单位',
    });
    const items = pointsFromGrid(view, layout).flatMap((b) =>
      b.kind === 'item' ? [[b.item.level, b.item.label, b.item.body]] : [],
    );
    expect(items).toEqual([
      [1, '一', '加强政策解读'],
      [3, '1', '做好解读。'],
      [3, '2', '开展吹风会。'],
    ]);
  });

  it('pasted: a blank header cell right of a named one continues it when its column holds data', () => {
    const g = gridFromRows(
      [
        ['工作任务', '', '具体要求', '责任单位'],
        ['一、加强政策解读', '1', '做好解读。', '办公室'],
        ['', '2', '开展吹风会。', '办公室'],
      ],
      '粘贴的表格',
    );
    const layout = findLayout(new GridView(g), 'points');
    expect(layout.labels).toEqual(['工作任务', '工作任务', '具体要求', '责任单位']);
    expect(layout.roles).toEqual(['group', 'seq', 'text', 'lead']);
  });
});

describe('a choice of roles', () => {
  const pasted = () =>
    gridFromRows(
      [
        ['事 项', '说明', '科室'],
        ['公开目录', '编制目录。', '办公室'],
      ],
      '粘贴的表格',
    );

  it('not found: nothing is read, the header row is still named for the choice', () => {
    const layout = findLayout(new GridView(pasted()), 'points');
    expect(layout).toMatchObject({ found: false, start: 1, roles: ['ignore', 'ignore', 'ignore'] });
    expect(layout.signature).toBe('points:事项|说明|科室');
  });

  it('the user’s roles for the table win over the ones remembered for its header', () => {
    const remembered = { 'points:事项|说明|科室': ['group', 'text', 'lead'] as const };
    const r = findLayout(new GridView(pasted()), 'points', { remembered: { ...remembered } });
    expect(r).toMatchObject({
      found: true,
      roles: ['group', 'text', 'lead'],
      basis: ['remembered', 'remembered', 'remembered'],
    });
    const u = findLayout(new GridView(pasted()), 'points', {
      remembered: { ...remembered },
      roles: ['ignore', 'text', 'support'],
    });
    expect(u).toMatchObject({ found: true, roles: ['ignore', 'text', 'support'], basis: ['none', 'user', 'user'] });
    // A choice for another number of columns is not this table's.
    expect(findLayout(new GridView(pasted()), 'points', { roles: ['text'] }).found).toBe(false);
  });
});
