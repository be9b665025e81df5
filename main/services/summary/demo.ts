// Demo step of the 工作总结: last year's two trainings (so the draft can say "较上年增加…") and this year's draft,
// generated from the example year the earlier steps built.
import { addProgress } from '../plan/progress';
import { listPlanTasks, planIdOfYear } from '../plan/tasks';
import { listPosts } from '../team/ab';
import { createTraining } from '../team/training';
import type { DemoStep } from '../demo/types';
import { createSummary } from './summaries';

// What an office writes when it closes a task: the draft quotes one note per section of the plan.
const CLOSING_NOTES = [
  '已更新门户网站权力清单和责任清单，同步公开行政权力运行流程图，并在政务服务网同步调整。',
  '已在政策文件发布时同步推出图文解读，并通过政务新媒体转发，方便企业和群众理解政策。',
  '已梳理涉企政策清单并在门户网站集中公开，企业可按行业和事项分类查询。',
  '已在门户网站开设专题栏目，及时发布相关通知公告、工作动态和办事指南。',
  '已修订本局依申请公开办理规程，统一答复文书格式，并组织经办人员集中学习。',
  '已将政务公开工作纳入年度目标考核，明确分管领导和具体经办人员。',
];

export const summaryDemoStep: DemoStep = {
  name: '年度工作总结',
  async run(ctx, state) {
    const planId = planIdOfYear(ctx, state.year);
    if (planId !== null) {
      const done = (await listPlanTasks(ctx, planId)).filter((t) => t.status === '已完成' && t.completedOn);
      const seen = new Set<number>();
      for (const t of done) {
        if (seen.has(t.sectionId)) continue;
        seen.add(t.sectionId);
        await addProgress(ctx, {
          taskId: t.id,
          date: t.completedOn!,
          text: CLOSING_NOTES[(seen.size - 1) % CLOSING_NOTES.length],
          percent: 100,
          files: [],
          links: [],
        });
      }
    }
    const team = [
      ...new Set((await listPosts(ctx)).flatMap((p) => [p.a?.staffId, p.b?.staffId]).filter((x): x is number => !!x)),
    ];
    const last = state.year - 1;
    await createTraining(ctx, {
      date: `${last}-05-20`,
      title: `${last}年度政务公开专题培训`,
      kind: '政务公开专题培训',
      form: '集中授课',
      status: '已举办',
      organiser: '局办公室',
      trainer: '县政务公开办',
      place: '局三楼会议室',
      hours: 2,
      summary: '学习政府信息公开条例和年度政务公开工作要点。',
      attendees: team.slice(0, 5).map((staffId) => ({ staffId, present: true })),
    });
    await createTraining(ctx, {
      date: `${last}-11-08`,
      title: '政府网站信息发布业务学习',
      kind: '业务学习',
      form: '会议',
      status: '已举办',
      organiser: '局办公室',
      trainer: '',
      place: '局三楼会议室',
      hours: 1,
      summary: '学习信息发布“三审”制度。',
      attendees: team.slice(0, 3).map((staffId) => ({ staffId, present: true })),
    });
    const s = await createSummary(ctx, state.year, '年度');
    return [`工作总结：${s.title}（草稿 ${s.paragraphs.length} 段，约 ${s.length} 字；另有${last}年培训 2 次供同比）`];
  },
};
