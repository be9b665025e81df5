// The figure registry's names: one exact name per figure, what it counts, for which days, and how a printed table
// names it. Every figure a document, screen or chart quotes comes by one of these names from figuresFor(ctx, period)
// (main/services/summary/figures.ts); docs/DEVELOPING.md lists them for the other areas. Two pairs that are easy to
// swap have a name each: 上年结转 (表三 二) ≠ 结转下年度继续办理 (表三 四); 予以公开 (三.一) ≠ 予以公开＋部分公开.
import { formatChineseDate } from './date-text';
import { halfPeriod, yearPeriod, type Period } from './period';

/**
 * Which days a figure counts: `period` the records dated in the period; `periodEnd` the state on the period's last day;
 * `ofYear` a record of the period's year (its plan, its 要点), the same in every period of that year; `yearOnly` an
 * annual figure, given for a whole-year period only; `current` the state today (no history is kept).
 */
type FigureScope = 'period' | 'periodEnd' | 'ofYear' | 'yearOnly' | 'current';

interface FigureDef {
  /** As a table row names it (without unit). */
  label: string;
  unit: string;
  /** The register it is counted from. */
  register: string;
  /** What it counts, in a phrase that follows the period ("2026年上半年" + this). */
  counts: string;
  scope: FigureScope;
}

const def = (label: string, unit: string, register: string, counts: string, scope: FigureScope = 'period') => ({
  label,
  unit,
  register,
  counts,
  scope,
});

export const FIGURE_CATALOG: Record<string, FigureDef> = {
  'points.documents': def('上级政务公开工作要点文件', '份', '上级要点', '导入的上级政务公开工作要点文件', 'ofYear'),

  'plan.title': def('实施方案', '', '实施方案', '实施方案的标题', 'ofYear'),
  'plan.tasks': def('实施方案重点任务', '项', '实施方案', '实施方案中的重点任务（全部）', 'ofYear'),
  'plan.done': def('其中：已完成', '项', '实施方案', '重点任务中截至期末已完成的（完成日期不晚于期末）', 'periodEnd'),
  'plan.inProgress': def('其中：进行中', '项', '实施方案', '重点任务中当前状态为“进行中”的', 'current'),
  'plan.notStarted': def('其中：未开始', '项', '实施方案', '重点任务中当前状态为“未开始”的', 'current'),
  'plan.notApplicable': def('其中：不适用', '项', '实施方案', '重点任务中状态为“不适用”的', 'ofYear'),
  'plan.unfinished': def('尚未完成任务', '项', '实施方案', '重点任务中截至期末未完成的（不含“不适用”）', 'periodEnd'),
  'plan.overdue': def(
    '逾期未完成任务',
    '项',
    '实施方案',
    '重点任务中截至期末已过完成时限仍未完成的（期末未到时与任务列表的“已逾期”预警一致）',
    'periodEnd',
  ),
  'plan.completionRate': def(
    '任务完成率',
    '%',
    '实施方案',
    '截至期末已完成任务占应完成任务（不含“不适用”）的百分比',
    'periodEnd',
  ),
  'plan.sections': def('任务涉及的工作方面', '个', '实施方案', '实施方案中有任务的章节', 'ofYear'),
  'plan.departments': def('牵头科室', '个', '实施方案', '担任任务牵头科室的科室', 'ofYear'),

  'training.count': def('举办政务公开培训', '次', '培训台账', '已举办的培训'),
  'training.special': def('其中：政务公开专题培训', '次', '培训台账', '已举办的培训中类别为“政务公开专题培训”的'),
  'training.hours': def('培训学时', '学时', '培训台账', '已举办培训的学时合计'),
  'training.attendance': def('参训', '人次', '培训台账', '已举办培训的实到人次（签到为出席的）'),
  'training.people': def('参训人员', '人', '培训台账', '参加过已举办培训的人数（同一人只计一次）'),
  'training.planned': def('计划中的培训', '次', '培训台账', '状态仍为“计划”的培训'),
  'training.requirementMet': def(
    '年度培训要求',
    '',
    '培训台账',
    '年度培训要求（设置中的专题培训次数和人均学时）是否达到',
    'yearOnly',
  ),
  'training.requiredSpecial': def(
    '要求的政务公开专题培训',
    '次',
    '培训台账',
    '设置中要求每年至少举办的政务公开专题培训次数（0为不要求）',
    'yearOnly',
  ),
  'training.requiredHours': def(
    '要求的队伍成员每人学时',
    '学时',
    '培训台账',
    '设置中要求队伍成员每人每年的学时（0为没有学时要求）',
    'yearOnly',
  ),
  'training.shortOfHours': def(
    '学时未达到要求的队伍成员',
    '人',
    '培训台账',
    '队伍成员中学时少于要求的人数（没有学时要求时为0）',
    'yearOnly',
  ),

  'ab.posts': def('政务公开AB岗位', '个', 'AB岗', 'AB岗设置中启用的岗位（当前）', 'current'),
  'ab.postsFilled': def(
    'A岗、B岗配齐的岗位',
    '个',
    'AB岗',
    '期末A岗、B岗都有人在岗的启用岗位（已离岗、未办理交接的不算）',
    'periodEnd',
  ),
  'ab.holders': def(
    '在岗A岗、B岗人员',
    '人',
    'AB岗',
    '期末担任启用岗位A岗或B岗的人数（同一人只计一次，已离岗的不计）',
    'periodEnd',
  ),
  'ab.absences': def('不在岗登记', '人次', 'AB岗', '开始的不在岗登记（出差、休假等）'),
  'ab.changes': def('岗位人员变动', '人次', 'AB岗', '发生的岗位人员变动'),
  'ab.filed': def('人员变动已备案', '人次', 'AB岗', '人员变动中截至期末已备案的'),
  'ab.filedOnTime': def('人员变动按时备案', '人次', 'AB岗', '人员变动中在备案时限内备案的'),
  'ab.unfiled': def('人员变动未备案', '人次', 'AB岗', '人员变动中截至期末尚未备案的'),
  'ab.filedLate': def('人员变动超时限备案', '人次', 'AB岗', '人员变动中超过备案时限才备案的'),
  'ab.filingOverdue': def(
    '人员变动逾期未备案',
    '人次',
    'AB岗',
    '人员变动中截至期末（不晚于今天）已过备案时限仍未备案的',
  ),
  'ab.filingPending': def('人员变动待备案', '人次', 'AB岗', '人员变动中尚未备案、仍在备案时限内的'),

  'disclosure.published': def('主动公开政府信息', '条', '信息发布登记', '发布的信息'),
  'disclosure.publishedLate': def(
    '超过20个工作日才公开的信息',
    '条',
    '信息发布登记',
    '发布、自形成之日起超过20个工作日才公开的信息',
  ),
  'disclosure.publishedOnTime': def(
    '20个工作日内公开的信息',
    '条',
    '信息发布登记',
    '发布、有形成日期且在形成之日起20个工作日内公开的信息',
  ),
  'disclosure.reviewIncomplete': def(
    '未留存完整三审记录的信息',
    '条',
    '信息发布登记',
    '发布、未留存完整的拟稿、审核、签发记录的信息',
  ),
  'disclosure.interpretations': def('政策解读', '篇', '信息发布登记', '发布的政策解读'),
  'disclosure.interpretationsLate': def(
    '未同步发布的解读',
    '篇',
    '信息发布登记',
    '发布、在所关联文件公开3个工作日后才发布的政策解读',
  ),
  'disclosure.interpretationsUnlinked': def(
    '未关联所解读文件的解读',
    '篇',
    '信息发布登记',
    '发布、未关联所解读文件的政策解读',
  ),
  'disclosure.normativePublished': def('公开的行政规范性文件', '件', '信息发布登记', '发布、标为行政规范性文件的信息'),
  'disclosure.normativeIssued': def(
    '制发行政规范性文件',
    '件',
    '年度报告表二',
    '行政规范性文件本年制发件数',
    'yearOnly',
  ),
  'disclosure.requestsReceived': def('新收政府信息公开申请', '件', '依申请公开登记', '新收的申请（表三 一）'),
  'disclosure.requestsCarriedIn': def(
    '上年结转政府信息公开申请',
    '件',
    '依申请公开登记',
    '上年结转的申请：上年收到、1月1日仍未答复的（表三 二）',
  ),
  'disclosure.requestsAnswered': def('办结政府信息公开申请', '件', '依申请公开登记', '办结的申请（表三 三（七）总计）'),
  'disclosure.requestsFullyDisclosed': def(
    '其中：予以公开',
    '件',
    '依申请公开登记',
    '办结申请中结果为予以公开的（表三 三（一））',
  ),
  'disclosure.requestsPartlyDisclosed': def(
    '其中：部分公开',
    '件',
    '依申请公开登记',
    '办结申请中结果为部分公开的（表三 三（二））',
  ),
  'disclosure.requestsFullyOrPartlyDisclosed': def(
    '予以公开与部分公开合计',
    '件',
    '依申请公开登记',
    '办结申请中结果为予以公开或部分公开的（表三 三（一）＋三（二））',
  ),
  'disclosure.requestsNotDisclosed': def(
    '其中：不予公开',
    '件',
    '依申请公开登记',
    '办结申请中结果为不予公开的（表三 三（三））',
  ),
  'disclosure.requestsUnavailable': def(
    '其中：无法提供',
    '件',
    '依申请公开登记',
    '办结申请中结果为无法提供的（表三 三（四））',
  ),
  'disclosure.requestsNotProcessed': def(
    '其中：不予处理',
    '件',
    '依申请公开登记',
    '办结申请中结果为不予处理的（表三 三（五））',
  ),
  'disclosure.requestsOtherHandling': def(
    '其中：其他处理',
    '件',
    '依申请公开登记',
    '办结申请中结果为其他处理的（表三 三（六））',
  ),
  'disclosure.requestsCarriedOut': def(
    '结转下年度继续办理的申请',
    '件',
    '依申请公开登记',
    '结转下年度继续办理的申请：年内或以前收到、12月31日仍未答复的（表三 四）',
    'yearOnly',
  ),
  'disclosure.requestsOpenAtEnd': def(
    '期末仍在办理的申请',
    '件',
    '依申请公开登记',
    '期末仍未答复的申请（半年和截至某日的期间用；全年见“结转下年度继续办理”）',
    'periodEnd',
  ),
  'disclosure.requestsOpenOverdue': def(
    '超过答复期限仍未答复的申请',
    '件',
    '依申请公开登记',
    '期末（期间未结束时为今天）仍未答复、已过答复期限的申请',
    'periodEnd',
  ),
  'disclosure.requestsAnsweredLate': def(
    '超过法定期限答复的申请',
    '件',
    '依申请公开登记',
    '答复的申请中答复时已超过法定期限的',
  ),
  'disclosure.reviews': def('行政复议', '件', '复议诉讼登记', '行政复议总计（表四：期内立案或1月1日仍未审结的）'),
  'disclosure.lawsuits': def(
    '行政诉讼',
    '件',
    '复议诉讼登记',
    '行政诉讼总计（表四：直接起诉与复议后起诉之和，期内立案或1月1日仍未审结的）',
  ),

  'selfcheck.score': def(
    '自查自评得分',
    '分',
    '自查评分',
    '自评总分（全部指标评完、标为暂定或单项否决后才有）',
    'yearOnly',
  ),
  'selfcheck.maxScore': def('自查满分', '分', '自查评分', '考核细则满分（不含加分）', 'yearOnly'),
  'selfcheck.maxBonus': def('自查加分满分', '分', '自查评分', '考核细则另设的加分', 'yearOnly'),
  'selfcheck.grade': def('自查等次', '', '自查评分', '自评等次（未评完时为空，标为暂定时注明“暂定”）', 'yearOnly'),
  'selfcheck.rated': def('已评指标', '项', '自查评分', '已评的末级指标数', 'yearOnly'),
  'selfcheck.leaves': def('末级指标', '项', '自查评分', '末级指标总数', 'yearOnly'),
  'selfcheck.deducted': def(
    '自查扣分',
    '分',
    '自查评分',
    '扣分合计（不含加分项；全部指标评完、标为暂定或单项否决后才有）',
    'yearOnly',
  ),
  'selfcheck.deductedItems': def(
    '扣分指标',
    '项',
    '自查评分',
    '失分的指标项数（不含单项否决；全部指标评完、标为暂定或单项否决后才有）',
    'yearOnly',
  ),
  'rectification.opened': def('登记整改事项', '项', '整改台账', '台账中截至期末登记的事项', 'periodEnd'),
  'rectification.closed': def('已销号整改事项', '项', '整改台账', '台账中截至期末已销号的事项', 'periodEnd'),
  'rectification.awaitingClosure': def(
    '已完成待销号整改事项',
    '项',
    '整改台账',
    '台账中截至期末已完成整改、尚未销号的事项',
    'periodEnd',
  ),
  'rectification.open': def(
    '未销号整改事项（本年度）',
    '项',
    '整改台账',
    '台账中截至期末尚未销号的事项（含已完成待销号的）',
    'periodEnd',
  ),
  'rectification.overdue': def(
    '逾期未完成整改事项（本年度）',
    '项',
    '整改台账',
    '台账中截至期末已过整改时限仍未完成的事项',
    'periodEnd',
  ),
  'rectification.carriedOpen': def(
    '往年遗留未销号整改事项',
    '项',
    '整改台账',
    '以往年度台账中截至期末尚未销号的事项',
    'periodEnd',
  ),
  'rectification.carriedOverdue': def(
    '往年遗留逾期未完成整改事项',
    '项',
    '整改台账',
    '以往年度台账中截至期末已过整改时限仍未完成的事项',
    'periodEnd',
  ),
  'rectification.openAllYears': def(
    '未销号整改事项（各年度）',
    '项',
    '整改台账',
    '各年度台账中当前尚未销号的整改事项（不限年度）',
    'current',
  ),
  'lookback.unfinished': def(
    '“回头看”未落实的上年任务',
    '项',
    '回头看',
    '对上年度实施方案回头看，未完成的任务',
    'yearOnly',
  ),
  'lookback.followedUp': def(
    '已转为整改或转入本年度方案的上年任务',
    '项',
    '回头看',
    '对上年度实施方案回头看，未完成任务中已转为整改事项或转入本年度实施方案的',
    'yearOnly',
  ),
};

const SECTION_PARTS = {
  tasks: '任务数',
  done: '截至期末已完成任务数',
  inProgress: '当前进行中任务数',
  overdue: '截至期末已逾期任务数',
} as const;

/** Families of figures named after a record: `<prefix><名称><suffix>`. */
export const FIGURE_FAMILIES: {
  pattern: RegExp;
  name: string;
  /** As a table row names it. */
  label: (m: RegExpExecArray) => string;
  unit: string;
  /** Where it comes from, after the period's name. */
  source: (m: RegExpExecArray, period: string) => string;
}[] = [
  {
    pattern: /^plan\.section\.(.+)\.(tasks|done|inProgress|overdue)$/,
    name: 'plan.section.<章节标题>.tasks / .done / .inProgress / .overdue',
    label: (m) => `“${m[1]}”${SECTION_PARTS[m[2] as keyof typeof SECTION_PARTS]}`,
    unit: '项',
    source: (m, period) => `实施方案：“${m[1]}”章节${period}${SECTION_PARTS[m[2] as keyof typeof SECTION_PARTS]}`,
  },
  {
    pattern: /^disclosure\.column\.(.+)$/,
    name: 'disclosure.column.<栏目>',
    label: (m) => `栏目：${m[1]}`,
    unit: '条',
    source: (m, period) => `信息发布登记：${period}在“${m[1]}”栏目发布的信息`,
  },
  {
    pattern: /^disclosure\.channel\.(.+)$/,
    name: 'disclosure.channel.<渠道>',
    label: (m) => `渠道：${m[1]}`,
    unit: '条',
    source: (m, period) => `信息发布登记：${period}通过“${m[1]}”发布的信息`,
  },
];

/**
 * "2026年", "2026年上半年", or for a period counted only to a day before its end (a 总结 made on 7 December)
 * "2026年1月1日至12月7日": how a source, a table and a column name the period.
 */
export function periodName(p: Period): string {
  const whole = p.kind === 'year' ? yearPeriod(p.year) : halfPeriod(p.year);
  if (p.from !== whole.from || p.to !== whole.to)
    return `${p.year}年${formatChineseDate(p.from).slice(5)}至${formatChineseDate(p.to).slice(5)}`;
  return p.kind === 'year' ? `${p.year}年` : `${p.year}年上半年`;
}

/** Where a figure comes from, for its period: "信息发布登记：2026年上半年发布日期在期内的信息". */
export function figureSource(name: string, p: Period): string {
  const d = FIGURE_CATALOG[name];
  // A figure of today's state says 当前 in its own words; every other one is counted for the period.
  if (d) return `${d.register}：${d.scope === 'current' ? '' : periodName(p)}${d.counts}`;
  for (const f of FIGURE_FAMILIES) {
    const m = f.pattern.exec(name);
    if (m) return f.source(m, periodName(p));
  }
  return name;
}

/** Whether a figure of the catalogue is given for the period (an annual figure is not given for a half year). */
export function figureGivenFor(name: string, p: Period): boolean {
  const d = FIGURE_CATALOG[name];
  if (!d) return true;
  return d.scope !== 'yearOnly' || p.kind === 'year';
}

/** As printed: whole numbers plainly, others with one decimal ("1.5"). */
export function formatFigureValue(v: number | string | null): string {
  if (v === null) return '—';
  if (typeof v === 'string') return v;
  return Number.isInteger(v) ? String(v) : (Math.round(v * 10) / 10).toFixed(1).replace(/\.0$/, '');
}
