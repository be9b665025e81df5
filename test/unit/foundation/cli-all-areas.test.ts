import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { allAreaCommands } from '../../../main/cli/all-areas';
import { planCommands } from '../../../main/cli/plan';
import { AppError } from '../../../shared/ipc/result';
import { makeTempDir } from '../../helpers/workstation';
import { captureStdout } from '../../helpers/stdout';
import { areaServices } from '../../../main/areas';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  while (dirs.length) fs.rmSync(dirs.pop()!, { recursive: true, force: true });
});

describe('CLI: demo, plan generate, export', () => {
  it('builds a complete example year, refuses to regenerate over progress, and exports by name', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const db = path.join(dir, 'demo.sqlite');
    let out = captureStdout();
    expect(await allAreaCommands.demo.run({ areas: areaServices, positional: [], flags: { db } })).toBe(0);
    expect(out()).toMatch(/实施方案：\d+ 个章节、\d+ 项任务/);
    expect(out()).toMatch(/逾期任务 \d+ 项/);
    vi.restoreAllMocks();

    // The demo is for an empty file only.
    await expect(
      allAreaCommands.demo.run({ areas: areaServices, positional: [], flags: { db } }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const year = new Date().getFullYear();
    await expect(
      planCommands.plan.run({
        areas: areaServices,
        positional: ['generate'],
        flags: { db, year: String(year), replace: true },
      }),
    ).rejects.toMatchObject({ code: 'IN_USE' });

    out = captureStdout();
    const target = path.join(dir, '方案.docx');
    expect(
      await allAreaCommands.export.run({
        areas: areaServices,
        positional: ['plan-docx'],
        flags: { db, year: String(year), out: target },
      }),
    ).toBe(0);
    expect(out()).toContain(target);
    const zip = await JSZip.loadAsync(fs.readFileSync(target));
    // The plan's title as the example year stores it.
    const file = new Database(db, { readonly: true });
    const { title } = file.prepare('SELECT title FROM plan WHERE year = ?').get(year) as { title: string };
    file.close();
    expect(title).toMatch(new RegExp(`${year}年.*政务公开工作实施方案`));
    expect((await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '')).toContain(title);
    await expect(
      allAreaCommands.export.run({ areas: areaServices, positional: ['nonsense'], flags: { db, out: target } }),
    ).rejects.toBeInstanceOf(AppError);
  });
});
