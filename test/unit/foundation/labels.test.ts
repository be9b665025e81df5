// No code name reaches a user: every field of every IPC method's input has a Chinese label, so a validation
// message reads 「学时：…」 and never 「“hours”：…」.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch';
import { loadHandlers } from '../../../main/ipc/handlers';
import { fieldsOf, labelOf } from '../../../main/services/validate';
import { contract } from '../../../shared/ipc/contract';
import { METHODS } from '../../../shared/ipc/contract';
import { openTestWorkstation } from '../../helpers/workstation';

const CHINESE = /[\u4e00-\u9fff]/;

describe('Chinese field labels', () => {
  it('every field of every method’s input schema has a Chinese label', () => {
    const missing: string[] = [];
    for (const method of METHODS) {
      for (const f of fieldsOf(contract[method].input)) {
        const label = labelOf(f.key, f.schema);
        if (!label || !CHINESE.test(label)) missing.push(`${method}: ${f.path}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('a refused value is reported with the field’s Chinese name, never the code name', async () => {
    const t = await openTestWorkstation();
    try {
      const bad = await dispatch(await loadHandlers(), t.ws, 'training.create', {
        date: '2026-05-01',
        title: '培训',
        kind: '政务公开专题培训',
        form: '集中授课',
        hours: 0,
        attendees: [{ staffId: 'x' }],
      });
      expect(bad.ok).toBe(false);
      const message = bad.ok ? '' : bad.error.message;
      expect(message).toContain('学时必须大于0');
      expect(message).toContain('参训人员 · 第 1 项 · 人员');
      expect(message).not.toMatch(/“[A-Za-z]+”|\b(hours|staffId|attendees)\b/);
      const task = await dispatch(await loadHandlers(), t.ws, 'tasks.create', {
        sectionId: 1,
        title: '任务',
        deadline: { kind: 'date', date: '2026/12/01' },
      });
      expect(task.ok ? '' : task.error.message).toBe('输入有误：完成时限：日期格式应为 YYYY-MM-DD');
    } finally {
      t.cleanup();
    }
  });
});
