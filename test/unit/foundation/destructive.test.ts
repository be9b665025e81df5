// The questions asked before a click deletes, replaces or undoes stored work: their words (shared/domain/delete-words.ts:
// the record named, what goes with it counted, that it cannot be undone) and that every screen asks through the one
// mechanism (renderer/components/destructive.ts: OK in red, the focus on 取消). test/e2e/confirms.spec.ts presses
// Enter on the real questions.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { alsoDeleted, CANNOT_UNDO, deleteDescription, deleteTitle, quoted } from '../../../shared/domain/delete-words';

describe('destructive questions', () => {
  it('name the record: 删除任务“……”？, a long name cut with …, blank runs made one space', () => {
    expect(deleteTitle('任务', '编制年度报告')).toBe('删除任务“编制年度报告”？');
    expect(deleteTitle('佐证材料', '会议纪要', '移除')).toBe('移除佐证材料“会议纪要”？');
    const long = '一'.repeat(29) + '二三四';
    expect(quoted(long)).toBe(`“${'一'.repeat(29)}二…”`);
    expect(quoted('  两处\n空白  ')).toBe('“两处 空白”');
    // Cut by characters, never inside a surrogate pair.
    expect(quoted('𠀀'.repeat(31))).toBe(`“${'𠀀'.repeat(30)}…”`);
  });

  it('count what goes with it, leave out what it has none of, and end on 删除后不能恢复', () => {
    expect(alsoDeleted([])).toBe('');
    expect(alsoDeleted([[0, '条进展记录']])).toBe('');
    expect(alsoDeleted([[3, '条进展记录']])).toBe('3 条进展记录将一并删除。');
    expect(
      alsoDeleted([
        [3, '条进展记录'],
        [0, '份照片'],
        [2, '项佐证材料'],
      ]),
    ).toBe('3 条进展记录和 2 项佐证材料将一并删除。');
    expect(
      alsoDeleted([
        [1, '名参训人员'],
        [2, '份材料'],
        [4, '张照片'],
      ]),
    ).toBe('1 名参训人员、2 份材料和 4 张照片将一并删除。');
    expect(deleteDescription()).toBe(CANNOT_UNDO);
    expect(CANNOT_UNDO).toBe('删除后不能恢复。');
    expect(deleteDescription([[2, '个办理步骤']], '需先删除复议记录。')).toBe(
      '2 个办理步骤将一并删除。删除后不能恢复。需先删除复议记录。',
    );
  });

  it('every screen asks through DeleteButton (the only Popconfirm) or a modal question spreading DESTRUCTIVE_CONFIRM', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name)) files.push(p);
      }
    };
    walk('renderer');
    const popconfirms = files.filter((f) =>
      /import\s*\{[^}]*\bPopconfirm\b[^}]*\}\s*from 'antd'/.test(fs.readFileSync(f, 'utf8')),
    );
    expect(popconfirms.map((f) => f.split(path.sep).join('/'))).toEqual(['renderer/components/DeleteButton.tsx']);
    // A modal question whose OK is red or deletes, replaces or restores opens with the focus on 取消.
    let asked = 0;
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      for (const m of text.matchAll(/modal\.confirm\(\{([\s\S]*?)\n\s*\}\)/g)) {
        if (/okButtonProps:\s*\{\s*danger|okText:[^\n]*(删除|替换|重新生成|重新识别|恢复|移除|撤销)/.test(m[1])) {
          expect(m[1], f).toContain('...DESTRUCTIVE_CONFIRM');
          asked++;
        }
      }
    }
    expect(asked).toBeGreaterThanOrEqual(10);
  });
});
