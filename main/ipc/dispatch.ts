import { contract } from '../../shared/ipc/contract';
import { ErrorCode } from '../../shared/ipc/errors';
import { isMethod } from '../../shared/ipc/contract';
import { AppError, type Result } from '../../shared/ipc/result';
import type { Workstation } from '../services/workstation';
import type { Handlers } from '../services/handler-types';
import { describeIssues } from '../services/validate';

/**
 * The one entry point both transports (Electron IPC, web host) use: validates the input against the contract,
 * runs the handler, and returns a Result. It never throws.
 */
export async function dispatch(
  handlers: Handlers,
  ws: Workstation,
  method: string,
  raw: unknown,
): Promise<Result<unknown>> {
  try {
    if (!isMethod(method)) {
      return { ok: false, error: { code: ErrorCode.UNKNOWN_METHOD, message: `未知的操作：${method}` } };
    }
    const spec = contract[method];
    const parsed = spec.input.safeParse(raw ?? undefined);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: ErrorCode.VALIDATION, message: `输入有误：${describeIssues(parsed.error, spec.input)}` },
      };
    }
    const handler = handlers[method] as (ws: Workstation, input: unknown) => unknown;
    const value = await handler(ws, parsed.data);
    // Output is checked too: a handler that drifts from the contract is a bug to catch here, not in the UI.
    const out = spec.output.safeParse(value);
    if (!out.success) {
      console.error(`[dispatch] ${method} returned data outside its contract:`, out.error.issues.slice(0, 3));
      return {
        ok: false,
        error: { code: ErrorCode.INTERNAL, message: '程序内部错误（返回的数据格式不对），请联系维护人员。' },
      };
    }
    return { ok: true, value: out.data };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e.toShape() };
    // A busy file (waited out) or a read-only copy's write is the situation, not a bug: say which, in Chinese.
    const explained = ws.explainDatabaseError(e);
    if (explained) return { ok: false, error: explained.toShape() };
    // The details (an English message, the method's code name) are for the maintainers' console, not the user.
    console.error(`[dispatch] ${method} failed:`, e);
    return {
      ok: false,
      error: {
        code: ErrorCode.INTERNAL,
        message: '程序内部错误，这次操作没有完成，数据未改动。请重试；若反复出现，请联系维护人员。',
      },
    };
  }
}
