import { z } from 'zod';
import { ErrorCode } from '../../shared/ipc/errors';
import { AppError } from '../../shared/ipc/result';
import { DISCLOSURE_FIELD_LABELS } from '../../shared/domain/disclosure';

// Validation speaks Chinese everywhere: at the IPC boundary (dispatch) and inside services called from the CLI.
z.config(z.locales.zhCN());

// Field names people read instead of the code's (the common ones; other names are quoted as they are).
const FIELD_LABELS: Record<string, string> = {
  // 上级要点 preview, plan issue options, 自查整改 rules and texts, 年度总结 落款
  previewId: '预览',
  issue: '发文选项',
  sealed: '加盖印章',
  imprintIssuer: '印发机关',
  absentDeduct: '未做到扣分',
  deduct: '扣分',
  perItem: '每次扣分',
  threshold: '加分起点',
  inclusive: '含起点',
  capped: '扣完为止',
  ceilingRatio: '封顶比例',
  situation: '自查情况',
  next: '下一步工作打算',
  openOnly: '仅未销号',
  state: '状态',
  explanation: '情况说明',
  addressee: '主送机关',
  signatureDate: '落款日期',
  publicNote: '附注',
  withTables: '附数据表',
  withCharts: '附图表',
  name: '名称',
  fullName: '单位全称',
  shortName: '单位简称',
  region: '所属地区',
  head: '负责人',
  leader: '政务公开分管领导',
  contact: '联系人',
  phone: '电话',
  departmentId: '科室',
  title: '职务',
  status: '状态',
  note: '备注',
  year: '年度',
  id: '编号',
  ids: '编号列表',
  fileName: '文件名',
  dataBase64: '文件内容',
  bureau: '单位',
  key: '设置项',
  value: '设置值',
  search: '搜索词',
  active: '启用',
  limit: '条数',
  entity: '记录类型',
  entityId: '记录编号',
  createDepartments: '新建科室',
  includeInactive: '包括停用的',
  upload: '上传的文件',
  source: '来源',
  pastedText: '粘贴的文字',
  meta: '文件信息',
  docNumber: '文号',
  issuer: '发文机关',
  issuedDate: '成文日期',
  items: '条目',
  item: '条目',
  level: '层级',
  label: '编号',
  text: '内容',
  lead: '牵头单位',
  support: '配合单位',
  deadline: '完成时限',
  deadlineText: '时限原文',
  sha256: '文件校验值',
  sourceKind: '来源类型',
  replaceDocumentId: '被替换的文件',
  docDate: '成文日期',
  intro: '开头段落',
  closing: '结尾部分',
  heading: '标题',
  signatureOrg: '署名',
  planId: '方案',
  documentIds: '上级文件',
  mappings: '单位对应',
  unit: '单位',
  ignored: '不涉及',
  allDepartments: '全部科室',
  replace: '替换现有任务',
  fromYear: '来源年度',
  toYear: '目标年度',
  kind: '类型',
  from: '开始日期',
  to: '结束日期',
  ownerId: '责任人',
  light: '预警',
  sectionId: '章节',
  measures: '具体措施',
  date: '日期',
  recurrence: '周期',
  days: '工作日数',
  eventDate: '事项发生日期',
  statusReason: '不适用原因',
  completedOn: '实际完成日期',
  leadIds: '牵头科室',
  supportIds: '配合科室',
  pointIds: '对应要点',
  task: '任务',
  withProgress: '一并删除进展',
  taskId: '任务',
  percent: '完成比例',
  files: '佐证材料',
  links: '佐证链接',
  url: '链接地址',
  addFiles: '添加的佐证材料',
  addLinks: '添加的佐证链接',
  removeEvidenceIds: '删除的佐证材料',
  overrides: '放假与调休',
  dueSoonDays: '提前提示工作日数',
  filingWorkingDays: '备案期限（工作日）',
  minSpecialTrainings: '专题培训次数',
  minHoursPerPerson: '每人学时',
  postId: '岗位',
  role: 'A/B岗',
  staffId: '人员',
  startDate: '开始日期',
  holdingId: '任职记录',
  endDate: '结束日期',
  toStaffId: '接任人员',
  changeDate: '变动日期',
  handover: '工作交接',
  transitionEnd: '过渡期截止日期',
  unfiledOnly: '仅未备案',
  changeId: '人员变动记录',
  filedDate: '备案日期',
  form: '培训形式',
  hours: '学时',
  attendees: '参训人员',
  present: '出席',
  trainingId: '培训',
  attachmentId: '附件',
  shared: '共用备份文件夹',
  confirmOtherBureau: '确认使用其他单位的数据',
  ...DISCLOSURE_FIELD_LABELS,
  // 自查整改
  score: '自评分',
  count: '扣分次数',
  flag: '是否发生',
  ceiling: '封顶',
  reason: '扣分原因',
  measure: '整改措施',
  indicatorId: '指标',
  problem: '问题描述',
  closedOn: '销号日期',
  closedBy: '复核人',
  refId: '关联记录',
  total: '满分',
  indicators: '指标',
  points: '分值',
  weight: '权重',
  criteria: '评分标准',
  rule: '评分规则',
  grades: '等次',
  sections: '报告文字',
  origin: '关联指标或任务',
  rectificationId: '整改事项',
  children: '下级指标',
  min: '下限',
};
// zod's zh-CN messages still name some types in English.
const TYPE_WORDS: Record<string, string> = {
  string: '文本',
  number: '数字',
  object: '对象',
  array: '列表',
  boolean: '是/否',
  bigint: '整数',
  function: '函数',
  symbol: '符号',
  undefined: '空值',
  key: '键',
};

// zod 4 keeps a schema's parts in `_zod.def`; these are the kinds an input schema here is built from.
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  valueType?: z.ZodType;
  items?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The Chinese label a schema carries (`.describe('学时')`), looking through optional/default/nullable wrappers. */
function schemaLabel(s: z.ZodType | undefined): string | undefined {
  for (let cur = s; cur;) {
    if (cur.description) return cur.description;
    const d = defOf(cur);
    cur = d.innerType ?? (d.type === 'pipe' ? d.in : undefined);
  }
  return undefined;
}

/** The schemas a value of `s` may hold under `key` (objects, arrays, unions, records, wrappers looked through). */
function childrenAt(s: z.ZodType, key: PropertyKey): z.ZodType[] {
  const d = defOf(s);
  if (d.innerType) return childrenAt(d.innerType, key);
  switch (d.type) {
    case 'object':
      return d.shape && typeof key === 'string' && key in d.shape ? [d.shape[key]] : [];
    case 'array':
      return typeof key === 'number' ? [d.element!] : [];
    case 'tuple':
      return typeof key === 'number' && d.items?.[key] ? [d.items[key]] : [];
    case 'record':
      return [d.valueType!];
    case 'union':
      return (d.options ?? []).flatMap((o) => childrenAt(o, key));
    case 'intersection':
      return [...childrenAt(d.left!, key), ...childrenAt(d.right!, key)];
    case 'pipe':
      return childrenAt(d.in!, key);
    default:
      return [];
  }
}

/**
 * Every named field of an input schema, with its schema: `{ path: 'deadline.date', key: 'date', schema }`. Used to
 * check that each field has a Chinese label (a test walks every IPC method).
 */
export function fieldsOf(
  s: z.ZodType,
  prefix = '',
  seen = new Set<z.ZodType>(),
): { path: string; key: string; schema: z.ZodType }[] {
  if (seen.has(s)) return [];
  seen.add(s);
  const d = defOf(s);
  if (d.innerType) return fieldsOf(d.innerType, prefix, seen);
  switch (d.type) {
    case 'object':
      return Object.entries(d.shape ?? {}).flatMap(([key, child]) => [
        { path: prefix + key, key, schema: child },
        ...fieldsOf(child, `${prefix}${key}.`, seen),
      ]);
    case 'array':
      return fieldsOf(d.element!, prefix, seen);
    case 'tuple':
      return (d.items ?? []).flatMap((x) => fieldsOf(x, prefix, seen));
    case 'record':
      return fieldsOf(d.valueType!, prefix, seen);
    case 'union':
      return (d.options ?? []).flatMap((o) => fieldsOf(o, prefix, seen));
    case 'intersection':
      return [...fieldsOf(d.left!, prefix, seen), ...fieldsOf(d.right!, prefix, seen)];
    case 'pipe':
      return fieldsOf(d.in!, prefix, seen);
    default:
      return [];
  }
}

/** The label of a field: its schema's own label, else the common name. */
export function labelOf(key: string, schema?: z.ZodType): string | undefined {
  return schemaLabel(schema) ?? FIELD_LABELS[key];
}

function fieldLabel(path: PropertyKey[], schema?: z.ZodType): string {
  let at: z.ZodType[] = schema ? [schema] : [];
  return path
    .map((p) => {
      at = at.flatMap((s) => childrenAt(s, p));
      if (typeof p === 'number') return `第 ${p + 1} 项`;
      return labelOf(String(p), at[0]) ?? `“${String(p)}”`;
    })
    .join(' · ');
}

/** Formats zod issues as one Chinese sentence naming each field (by the schema's labels when it is given). */
export function describeIssues(error: z.ZodError, schema?: z.ZodType): string {
  return error.issues
    .slice(0, 5)
    .map((i) => {
      const message = i.message.replace(
        /\b(string|number|object|array|boolean|bigint|function|symbol|undefined|key)\b/g,
        (w) => TYPE_WORDS[w],
      );
      if (!i.path.length) return message;
      const label = fieldLabel(i.path, schema);
      // "学时：学时必须大于0" says it twice; the message already names the field.
      const last = label.split(' · ').at(-1)!;
      return message.startsWith(last) || message.includes(`填写${last}`)
        ? label.includes(' · ')
          ? `${label.slice(0, label.lastIndexOf(' · '))}：${message}`
          : message
        : `${label}：${message}`;
    })
    .join('；');
}

/**
 * Parses input a service received, turning a failure into a VALIDATION AppError with Chinese field names, so a
 * bad value is reported the same way whether it came through dispatch(), the CLI or another service.
 */
export function validateInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const r = schema.safeParse(raw);
  if (!r.success) throw new AppError(ErrorCode.VALIDATION, `输入有误：${describeIssues(r.error, schema)}`);
  return r.data;
}
