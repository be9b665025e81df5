// Demo steps: the higher level's work points (the sample documents, moved to the demo year) and the generated plan
// with owners, progress and a few overdue tasks.
import { isOverdue } from '../../../shared/domain/plan';
import { addDays } from '../../../shared/domain/working-days';
import { ErrorCode } from '../../../shared/ipc/errors';
import { AppError } from '../../../shared/ipc/result';
import { parsePointsSource, savePointsDocument } from '../points/documents';
import { nowText } from '../audit';
import { generatePlan, listUnitMappings, saveUnitMappings } from '../plan/generate';
import { listPlanTasks } from '../plan/tasks';
import { addProgress } from '../plan/progress';
import type { DemoStep } from './types';
import { DEMO_COUNTY_PLAN_2023, DEMO_PROVINCE_POINTS_2020 } from './sample-texts';

export const pointsDemoStep: DemoStep = {
  name: '上级要点',
  async run(ctx, state) {
    const lines: string[] = [];
    const texts: [string, string][] = [
      [DEMO_PROVINCE_POINTS_2020.replaceAll('2020年', `${state.year}年`), `${state.year}年全省政务公开工作要点`],
      [DEMO_COUNTY_PLAN_2023.replaceAll('2023年', `${state.year}年`), `${state.year}年县政务公开工作实施方案`],
    ];
    for (const [text, fallbackTitle] of texts) {
      const { file, parsed } = await parsePointsSource(ctx, { upload: null, pastedText: text }, state.year);
      const saved = await savePointsDocument(ctx, {
        file,
        sourceKind: 'paste',
        replaceDocumentId: null,
        items: parsed.items,
        meta: {
          title: parsed.title || fallbackTitle,
          docNumber: parsed.docNumber,
          issuer: parsed.issuer,
          issuedDate: parsed.issuedDate,
          year: state.year,
        },
      });
      if (saved.status !== 'saved')
        throw new AppError(ErrorCode.CONFLICT, `示例数据中的“${saved.replace.title}”已存在，未重复导入。`);
      const doc = saved.document;
      state.documentIds.push(doc.id);
      lines.push(`上级文件：${doc.title}（${doc.itemCount} 条要点）`);
    }
    return lines;
  },
};

export const planDemoStep: DemoStep = {
  name: '实施方案与任务',
  async run(ctx, state) {
    const docs = state.documentIds.slice(0, 1);
    // Confirm the suggested mapping; units that are other governments are not the bureau's business.
    const mappings = await listUnitMappings(ctx, docs);
    await saveUnitMappings(
      ctx,
      mappings.map((m) => ({
        unit: m.unit,
        departmentId: m.departmentId ?? (/科技|网站|信息/.test(m.unit) ? state.departments.get('办公室')! : null),
        ignored: m.departmentId === null && /政府|市|州|县|区/.test(m.unit) && !/部门/.test(m.unit),
        // "各科室" stays 全部科室 as suggested.
        allDepartments: m.allDepartments,
      })),
    );
    const gen = await generatePlan(ctx, { year: state.year, documentIds: docs });
    const planId = gen.planId;
    await ctx.db
      .updateTable('plan')
      .set({ doc_number: `县科技局发〔${state.year}〕3号`, doc_date: `${state.year}-03-05`, updated_at: nowText(ctx) })
      .where('id', '=', planId)
      .execute();

    const tasks = await listPlanTasks(ctx, planId);
    const deptNames = [...state.departments.keys()];
    // Owners from the lead 科室 (or 办公室), so every task has someone.
    for (const [i, t] of tasks.entries()) {
      const dept = t.lead[0]?.name ?? deptNames[i % deptNames.length];
      const people = state.staff.get(dept) ?? state.staff.get('办公室')!;
      await ctx.db
        .updateTable('plan_task')
        .set({ owner_staff_id: people[i % people.length] })
        .where('id', '=', t.id)
        .execute();
    }
    // Progress on about half the tasks, dated before today; some completed.
    // Never after today: early in January the 15th has not come yet.
    const jan = `${state.year}-01-15` <= state.today ? `${state.year}-01-15` : state.today;
    const past = (k: number) => {
      const d = addDays(state.today, -7 * k);
      return d < jan ? jan : d;
    };
    let entries = 0,
      done = 0;
    for (const [i, t] of tasks.entries()) {
      if (i % 2) continue;
      await addProgress(ctx, {
        taskId: t.id,
        date: past(6),
        text: '已部署落实，明确专人负责，正在按要求推进。',
        percent: 30,
        files: [],
        links: [],
      });
      entries++;
      if (i % 4 === 0) {
        await addProgress(ctx, {
          taskId: t.id,
          date: past(2),
          text: '已在门户网站政府信息公开专栏发布相关信息，并留存截图。',
          percent: 100,
          files: [],
          links: [{ title: '门户网站公开专栏', url: 'https://www.example.gov.cn/zwgk/' }],
        });
        await ctx.db
          .updateTable('plan_task')
          .set({ status: '已完成', completed_on: past(2) })
          .where('id', '=', t.id)
          .execute();
        entries++;
        done++;
      }
    }
    // A few tasks whose time limit has passed without completion.
    const late = tasks.filter((_, i) => i % 4 !== 0).slice(0, 3);
    for (const [k, t] of late.entries()) {
      await ctx.db
        .updateTable('plan_task')
        .set({
          deadline_kind: 'date',
          deadline_date: addDays(state.today, -(5 + 10 * k)),
          deadline_recurrence: null,
          deadline_days: null,
        })
        .where('id', '=', t.id)
        .execute();
    }
    // Counted as the task list and 首页 count them (the task's light), not from the three deadlines set above:
    // generated deadlines that have already passed are overdue too.
    const overdue = (await listPlanTasks(ctx, planId)).filter(isOverdue).length;
    return [
      `实施方案：${gen.sections} 个章节、${gen.tasks} 项任务（${gen.unmappedUnits.length} 个单位待对应）`,
      `进展记录 ${entries} 条，已完成任务 ${done} 项，逾期任务 ${overdue} 项`,
    ];
  },
};
