import { afterEach, describe, expect, it } from 'vitest';
import { createStaff } from '../../../main/services/org/staff';
import { AppError } from '../../../shared/ipc/result';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';

describe('service-side validation (the CLI and demo call services without dispatch)', () => {
  let t: TestWorkstation | undefined;
  afterEach(() => t?.cleanup());

  it('reports a bad value as VALIDATION in Chinese, and stores nothing', async () => {
    t = await openTestWorkstation();
    const ctx = t.ws.context();
    const err = await createStaff(ctx, { name: '   ', departmentId: null }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('VALIDATION');
    expect((err as AppError).message).toMatch(/^输入有误：.*请填写姓名/);
    expect((ctx.raw.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n).toBe(0);
  });
});
