// Every area's contribution to the 工作总结, in one place. An area adds its figure provider (and, if its text needs
// lists, a list provider) with one line each. Figure names are "<area>.<name>"; the draft (shared/domain/summary-draft.ts)
// quotes a name only when its provider returned it.
//
// Expected at merge (their keys are already used by the draft):
//   disclosure: disclosureFigures (disclosure.published, .interpretations, .normativeIssued, .requestsReceived,
//     .requestsAnswered, .requestsDisclosed, .requestsCarried, .reviews, .lawsuits, .lateAnswers,
//     disclosure.column.<栏目名>, disclosure.channel.<渠道名>)
//   selfcheck: selfcheckFigures (selfcheck.score, .maxScore, .grade, .deducted, .deductedItems, rectification.opened,
//     .closed, .open, lookback.unfinished) and a list provider
//     `async (ctx, year) => ({ selfcheckProblems: await selfcheckProblems(ctx, year), openRectifications: await openRectifications(ctx, year) })`
import { planFigures, planLists } from '../plan/figures';
import { pointsFigures, pointsLists } from '../points/figures';
import { abFigures, trainingFigures, trainingLists } from '../team/figures';
import type { FigureProvider, ListProvider } from './provider';

export const FIGURE_PROVIDERS: FigureProvider[] = [
  pointsFigures,
  planFigures,
  trainingFigures,
  abFigures,
];

export const LIST_PROVIDERS: ListProvider[] = [
  planLists,
  pointsLists,
  trainingLists,
];
