import { z } from 'zod';
import { ErrorCode } from '../../shared/ipc/errors';
import { AppError } from '../../shared/ipc/result';
import { DISCLOSURE_FIELD_LABELS } from '../../shared/domain/disclosure';

// Validation speaks Chinese everywhere: at the IPC boundary (dispatch) and inside services called from the CLI.
z.config(z.locales.zhCN());

// Field names people read instead of the code's (the common ones; other names are quoted as they are).
const FIELD_LABELS: Record<string, string> = {
  name: '名称', fullName: '单位全称', shortName: '单位简称', region: '所属地区', head: '负责人', leader: '政务公开分管领导',
  contact: '联系人', phone: '电话', departmentId: '科室', title: '职务', status: '状态', note: '备注', year: '年度',
  id: '编号', ids: '编号列表', fileName: '文件名', dataBase64: '文件内容', bureau: '单位', key: '设置项', value: '设置值',
  search: '搜索词', active: '启用', limit: '条数', entity: '记录类型', entityId: '记录编号', createDepartments: '新建科室',
  shared: '共用备份文件夹', confirmOtherBureau: '确认使用其他单位的数据',
  ...DISCLOSURE_FIELD_LABELS,
  // 自查整改
  score: '自评分', count: '扣分次数', flag: '是否发生', ceiling: '封顶', reason: '扣分原因', measure: '整改措施', indicatorId: '指标',
  problem: '问题描述', deadline: '整改时限', closedOn: '销号日期', closedBy: '复核人', upload: '文件', url: '链接', refId: '关联记录',
  total: '满分', indicators: '指标', points: '分值', weight: '权重', criteria: '评分标准', rule: '评分规则', grades: '等次',
  sections: '报告文字', completedOn: '完成日期', origin: '关联指标或任务', rectificationId: '整改事项', taskId: '任务',
  fromYear: '复制自年度', toYear: '复制到年度', children: '下级指标', min: '下限',
};
// zod's zh-CN messages still name some types in English.
const TYPE_WORDS: Record<string, string> = { string: '文本', number: '数字', object: '对象', array: '列表', boolean: '是/否', bigint: '整数', function: '函数', symbol: '符号', undefined: '空值', key: '键' };

function fieldLabel(path: PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `第 ${p + 1} 项` : FIELD_LABELS[String(p)] ?? `“${String(p)}”`)).join(' · ');
}

/** Formats zod issues as one Chinese sentence naming each field. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => {
      const message = i.message.replace(/\b(string|number|object|array|boolean|bigint|function|symbol|undefined|key)\b/g, (w) => TYPE_WORDS[w]);
      return i.path.length ? `${fieldLabel(i.path)}：${message}` : message;
    })
    .join('；');
}

/**
 * Parses input a service received, turning a failure into a VALIDATION AppError with Chinese field names, so a
 * bad value is reported the same way whether it came through dispatch(), the CLI or another service.
 */
export function validateInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const r = schema.safeParse(raw);
  if (!r.success) throw new AppError(ErrorCode.VALIDATION, `输入有误：${describeIssues(r.error)}`);
  return r.data;
}
