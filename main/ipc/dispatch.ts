import { z } from 'zod';
import { contract } from '../../shared/ipc/contract';
import { ErrorCode } from '../../shared/ipc/errors';
import { isMethod, type Method } from '../../shared/ipc/methods';
import { AppError, type Result } from '../../shared/ipc/result';
import type { Workstation } from '../services/workstation';
import type { Handlers } from './handlers';

z.config(z.locales.zhCN());

// Field names people read instead of the code's (the common ones; other names are quoted as they are).
const FIELD_LABELS: Record<string, string> = {
  name: '名称', fullName: '单位全称', shortName: '单位简称', region: '所属地区', head: '负责人', leader: '政务公开分管领导',
  contact: '联系人', phone: '电话', departmentId: '科室', title: '职务', status: '状态', note: '备注', year: '年度',
  id: '编号', ids: '编号列表', fileName: '文件名', dataBase64: '文件内容', bureau: '单位', key: '设置项', value: '设置值',
  search: '搜索词', active: '启用', limit: '条数', entity: '记录类型', entityId: '记录编号', createDepartments: '新建科室',
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
 * The one entry point both transports (Electron IPC, web host) use: validates the input against the contract,
 * runs the handler, and returns a Result. It never throws.
 */
export async function dispatch(handlers: Handlers, ws: Workstation, method: string, raw: unknown): Promise<Result<unknown>> {
  try {
    if (!isMethod(method)) {
      return { ok: false, error: { code: ErrorCode.UNKNOWN_METHOD, message: `未知的操作：${method}` } };
    }
    const spec = contract[method];
    const parsed = spec.input.safeParse(raw ?? undefined);
    if (!parsed.success) {
      return { ok: false, error: { code: ErrorCode.VALIDATION, message: `输入有误：${describeIssues(parsed.error)}` } };
    }
    const handler = handlers[method] as (ws: Workstation, input: unknown) => unknown;
    const value = await handler(ws, parsed.data);
    // Output is checked too: a handler that drifts from the contract is a bug to catch here, not in the UI.
    const out = spec.output.safeParse(value);
    if (!out.success) {
      console.error(`[dispatch] ${method} returned data outside its contract:`, out.error.issues.slice(0, 3));
      return { ok: false, error: { code: ErrorCode.INTERNAL, message: `程序内部错误（${method} 返回的数据格式不对），请联系维护人员。` } };
    }
    return { ok: true, value: out.data };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e.toShape() };
    console.error(`[dispatch] ${method} failed:`, e);
    return { ok: false, error: { code: ErrorCode.INTERNAL, message: `程序内部错误：${e instanceof Error ? e.message : String(e)}。数据未改动，请重试；若反复出现请联系维护人员。` } };
  }
}

export type { Method };
