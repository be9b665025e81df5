// scripts/render-exports-build.ts on the example year: every export the registry lists is built (the 上半年总结 was
// left out with only a warning when the script opened the workstation without the areas), and a failure is an exit
// code, not a line on the console.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';
import { areaServices } from '../../../main/areas';
import { loadDemo } from '../../../main/services/demo';

let t: TestWorkstation | null = null;
afterEach(() => {
  t?.cleanup();
  t = null;
});

describe('scripts/render-exports-build.ts', () => {
  it('builds every export of the example year, the 上半年总结 included', async () => {
    t = await openTestWorkstation({ year: 2026 });
    await loadDemo(t.ws.context());
    t.ws.close();
    const out = path.join(t.dir, 'out');
    const r = spawnSync(
      process.execPath,
      [
        path.resolve('node_modules/tsx/dist/cli.mjs'),
        'scripts/render-exports-build.ts',
        out,
        '--db',
        t.dbPath,
        '--year',
        '2026',
      ],
      { encoding: 'utf8' },
    );
    expect(r.stderr).not.toMatch(/未能生成|未加载/);
    expect(r.status).toBe(0);
    const built = fs.readdirSync(out);
    // Each export kind made once per year, or once per record it is made for: at least one file of each kind.
    for (const kind of Object.keys(await areaServices.exporters()))
      expect(built.some((f) => f.startsWith(`${kind}.`) || f.startsWith(`${kind}-`))).toBe(true);
    expect(built).toContain('summary-half-docx.docx');
  }, 120_000);
});
