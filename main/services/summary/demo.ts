// Demo step of the 工作总结: this year's draft, generated from the example year the earlier steps built (last year's
// trainings, publications and plan are there for the "较上年" comparisons).
import type { DemoStep } from '../demo/types';
import { createSummary } from './summaries';

export const summaryDemoStep: DemoStep = {
  name: '年度工作总结',
  async run(ctx, state) {
    const s = await createSummary(ctx, state.year, '年度');
    return [`工作总结：${s.title}（草稿 ${s.paragraphs.length} 段，约 ${s.length} 字）`];
  },
};
