// The 自查报告's sentence on the year's work quotes the figure registry for the year, as the 总结 and the home screen
// do: made in January, a task finished after 31 December is not one of the year's 已完成. Counted with plain SQL.
import JSZip from 'jszip';
import { afterEach, expect, it } from 'vitest';
import { openSparseYear, SPARSE_JANUARY, SPARSE_YEAR, type SparseYear } from '../../helpers/sparse-year';

let t: SparseYear | undefined;
afterEach(() => t?.cleanup());

it('自查报告 counts 已完成 tasks and trainings for its year, not by today’s status', async () => {
  t = await openSparseYear();
  const y = SPARSE_YEAR;
  t.setToday(SPARSE_JANUARY);
  // The overdue task is finished in January of the next year.
  const task = (await t.call('tasks.list', { year: y })).find((x) => x.status === '进行中')!;
  await t.call('tasks.update', {
    id: task.id,
    task: {
      sectionId: task.sectionId,
      title: task.title,
      measures: task.measures,
      deadline: task.deadline,
      eventDate: task.eventDate,
      status: '已完成',
      completedOn: `${y + 1}-01-10`,
      ownerId: task.owner?.id ?? null,
      leadIds: task.lead.map((d) => d.id),
      supportIds: task.support.map((d) => d.id),
      pointIds: task.points.map((p) => p.id),
    },
  });
  const raw = t.ws.context().raw;
  const one = (sql: string, ...a: unknown[]) => (raw.prepare(sql).get(...a) as { n: number }).n;
  const tasks = one('SELECT COUNT(*) AS n FROM plan_task t JOIN plan p ON p.id = t.plan_id WHERE p.year = ?', y);
  const done = one(
    "SELECT COUNT(*) AS n FROM plan_task t JOIN plan p ON p.id = t.plan_id WHERE p.year = ? AND t.status = '已完成' AND t.completed_on <= ?",
    y,
    `${y}-12-31`,
  );
  const doneNow = one(
    "SELECT COUNT(*) AS n FROM plan_task t JOIN plan p ON p.id = t.plan_id WHERE p.year = ? AND t.status = '已完成'",
    y,
  );
  expect(doneNow).toBe(done + 1);
  const figures = (await t.call('summary.figures', { year: y, kind: '年度' })).figures;
  expect(figures['plan.done'].value).toBe(done);

  await t.call('selfcheck.export', { kind: 'selfcheck-docx', year: y });
  const xml = await (await JSZip.loadAsync(t.delivered.at(-1)!.data)).file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  expect(text).toContain(`本年度实施方案共${tasks}项任务，已完成${done}项`);
});
