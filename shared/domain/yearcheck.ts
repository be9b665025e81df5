// 核对: the check across a year's documents and records before anything is filed. Each finding names its kind (a
// stable English identifier other tools rely on: `check-year --json`), the documents it concerns (中文 names, as the
// office calls them) and a Chinese sentence naming the record or field and what to do; the screen adds where to fix it.
import { z } from 'zod';
import { parseChineseNumeral } from './point-numbering';

/** The kinds of finding, with what the screen calls them. The keys are a contract: never rename one. */
export const FINDING_KINDS = {
  /** A document quotes a figure that differs from the figure counted from the records (or from another document). */
  'figure-mismatch': '数字不一致',
  /** The 年报's exported 结转下年度 differs from next year's 上年结转 (or from the records since). */
  'carry-over-mismatch': '跨年度结转不一致',
  /** A sentence claims what a record contradicts (同步发布, 及时公开, 按期完成, 未承办建议提案 …). */
  'claim-contradicted': '表述与记录不符',
  /** A person field (or the bureau's 负责人) names someone not on the staff list. */
  'person-not-on-staff': '人员不在名单中',
  /**
   * Someone marked 离岗 in 人员 is still named where the year's work depends on them: an AB岗 holder never handed over,
   * or the 责任人 of a task of the year not yet done.
   */
  'left-staff-named': '离岗人员仍在岗位或任务中',
  /** A text that goes into a document holds a placeholder (XX, ××, ＿＿, 【…】, 示例, 待填写 …). */
  placeholder: '占位文字',
  /** A field the 年报 (or a letter) prints is empty: 地址, 邮编, 联系电话, 网站. */
  'missing-contact': '联系信息未填写',
  /** Table 二 现行有效 ≠ last year's + 制发 − 废止 and no reason is stated. */
  'in-force-unexplained': '现行有效件数未说明',
  /**
   * Table 二 现行有效 of the 行政规范性文件 not entered and nothing to work it out from (no 年报 data of the year before
   * on the workstation): the report would print 制发 − 废止 as if nothing were in force before.
   */
  'in-force-unknown': '现行有效件数未填写',
  /** A count below zero, stored or worked out (废止 more than there were). */
  'negative-count': '负数',
  /** A 勾稽 identity of tables 三 and 四 fails. */
  'table-check': '表格勾稽关系不成立',
  /** An indicator of the year's self-check lost points (or its 单项否决 happened) and no 整改 item answers it. */
  'rectification-missing': '整改事项未登记',
} as const;
export type FindingKind = keyof typeof FINDING_KINDS;
export const FINDING_KIND_KEYS = Object.keys(FINDING_KINDS) as [FindingKind, ...FindingKind[]];

/** The year's documents, by the names the findings use. */
export const YEAR_DOCUMENTS = {
  report: '政府信息公开工作年度报告',
  reportTables: '年报统计表（表二至表四）',
  summary: '年度工作总结',
  halfSummary: '上半年工作总结',
  selfcheckReport: '自查报告',
  selfcheckTable: '自查评分表',
  rectificationReport: '整改情况报告',
  rectificationLedger: '整改台账',
  publications: '信息发布登记',
  requests: '依申请公开登记及告知书',
  plan: '实施方案与重点任务分解表',
  ab: 'AB岗设置表',
  bureau: '单位信息',
} as const;
export type YearDocument = (typeof YEAR_DOCUMENTS)[keyof typeof YEAR_DOCUMENTS];

/** Which document each export of a year document produces: its export names the findings that concern it first. */
export const EXPORT_DOCUMENTS: Record<string, YearDocument> = {
  'annual-report-docx': YEAR_DOCUMENTS.report,
  'annual-report-xlsx': YEAR_DOCUMENTS.reportTables,
  'summary-docx': YEAR_DOCUMENTS.summary,
  'summary-half-docx': YEAR_DOCUMENTS.halfSummary,
  'selfcheck-docx': YEAR_DOCUMENTS.selfcheckReport,
  'selfcheck-xlsx': YEAR_DOCUMENTS.selfcheckTable,
  'rectification-docx': YEAR_DOCUMENTS.rectificationReport,
  'rectification-xlsx': YEAR_DOCUMENTS.rectificationLedger,
};

const findingSchema = z.object({
  kind: z.enum(FINDING_KIND_KEYS),
  documents: z.array(z.string()),
  message: z.string(),
  /** Where it is fixed: a hash route of the app (e.g. "disclosure/report"), or null. Not part of the CLI contract. */
  link: z.string().nullable(),
});
export type Finding = z.infer<typeof findingSchema>;

export const yearCheckSchema = z.object({ year: z.number().int(), findings: z.array(findingSchema) });
/** The 年度核对 screen's answer: also whether the year has any record at all (else there is nothing to call 一致). */
export const yearCheckViewSchema = yearCheckSchema.extend({ hasRecords: z.boolean() });

/** The findings of a year that concern the document an export produces (none for other exports). */
export function findingsForExport(findings: readonly Finding[], exportKind: string): Finding[] {
  const doc = EXPORT_DOCUMENTS[exportKind];
  return doc ? findings.filter((f) => f.documents.includes(doc)) : [];
}

/** One line per finding, as the command line and the export warning print them. */
export function findingLine(f: Pick<Finding, 'kind' | 'documents' | 'message'>): string {
  return `【${FINDING_KINDS[f.kind]}】${f.documents.length ? `（${f.documents.join('、')}）` : ''}${f.message}`;
}

// ---------------------------------------------------------------------------------------------------------------------
// Reading texts: placeholders and the figures a sentence quotes.

/** Placeholders that must never reach a signed document, each with how the message names it. */
const PLACEHOLDERS: { re: RegExp; name: string }[] = [
  { re: /[XＸ]{2,}|[xｘ]{3,}/, name: '“XX”' },
  { re: /[×✕╳]{2,}/, name: '“××”' },
  { re: /[＿_]{2,}/, name: '“＿＿”' },
  { re: /【[^】]*】/, name: '“【…】”' },
  { re: /（内置参考模板）/, name: '“（内置参考模板）”' },
  { re: /example\.(?:gov\.cn|com|org|cn)/i, name: '示例网址' },
  { re: /待填写|待补充|请填写/, name: '“待填写”' },
  { re: /示例/, name: '“示例”' },
];

/** The placeholder a text holds, quoted with a little context ("…关于XX的通知…"), or null. */
export function findPlaceholder(text: string): { name: string; excerpt: string } | null {
  for (const p of PLACEHOLDERS) {
    const m = p.re.exec(text);
    if (m) {
      const chars = [...text];
      const at = [...text.slice(0, m.index)].length;
      const from = Math.max(0, at - 8);
      const to = Math.min(chars.length, at + [...m[0]].length + 8);
      const excerpt = `${from > 0 ? '…' : ''}${chars.slice(from, to).join('')}${to < chars.length ? '…' : ''}`;
      return { name: p.name, excerpt };
    }
  }
  return null;
}

/** A number as texts write it: 12, １２, 12.5, 十二, 两, 二十三, 一百零五. NaN when it is not one. */
export function parseCount(s: string): number {
  const half = s.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (/^\d+(\.\d+)?$/.test(half)) return Number(half);
  return parseChineseNumeral(s) ?? NaN;
}

const NUM = '([0-9０-９]+(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千]+)';

/**
 * How sentences name each figure the 核对 compares, and the words that may stand between the name and the number
 * ("新收政府信息公开申请3件"). Each pattern's group 1 is the number.
 */
const FIGURE_PATTERNS: Record<string, RegExp[]> = {
  主动公开条数: [
    new RegExp(`主动公开(?:政府)?信息(?:共计|共|总计)?${NUM}条`, 'g'),
    new RegExp(`(?:全年|本年度?|共)(?:公开|发布)(?:政府)?信息(?:共计|共)?${NUM}条`, 'g'),
  ],
  新收申请: [new RegExp(`新收(?:到)?(?:政府信息公开)?申请(?:共计|共)?${NUM}件`, 'g')],
  上年结转: [new RegExp(`上年(?:度)?结转(?:的)?(?:政府信息公开)?(?:申请)?${NUM}件`, 'g')],
  结转下年度: [new RegExp(`结转(?:至)?下(?:一)?年度?(?:继续办理)?${NUM}件`, 'g')],
  予以公开: [new RegExp(`(?<!或|和|与|、)予以公开${NUM}件`, 'g')],
  行政复议: [new RegExp(`行政复议(?:案件)?${NUM}件`, 'g')],
  行政诉讼: [new RegExp(`行政诉讼(?:案件)?${NUM}件`, 'g')],
  规范性文件制发: [
    new RegExp(`制发(?:行政)?规范性文件${NUM}件`, 'g'),
    new RegExp(`(?:出台|印发|制定)(?:行政)?规范性文件${NUM}件`, 'g'),
  ],
  培训次数: [new RegExp(`(?:组织|开展|举办)(?:政务公开|政府信息公开)?(?:相关|业务|专题)?培训${NUM}次`, 'g')],
  // The total only: "自评得分25分" after an indicator's name is that indicator's score.
  自查得分: [new RegExp(`(?:自(?:查|评)|自查自评)(?:总分|总得分|得分合计|得分总计)(?:为|是)?${NUM}分`, 'g')],
};

/** Every number a text gives for a named figure, with the words around it. */
export function quotedFigures(text: string, name: string): { value: number; excerpt: string }[] {
  const out: { value: number; excerpt: string }[] = [];
  for (const re of FIGURE_PATTERNS[name] ?? []) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const value = parseCount(m[1]);
      if (Number.isFinite(value)) out.push({ value, excerpt: m[0] });
    }
  }
  return out;
}
