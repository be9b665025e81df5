// The four exports of a demo year rendered by LibreOffice: every one converts, keeps its pages A4 and shows the
// figures the app shows. Skipped, with a note, where soffice is missing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../../main/services/demo';
import { getSelfcheck } from '../../../main/services/selfcheck/scores';
import { gradeText } from '../../../shared/domain/selfcheck';
import { openTestWorkstation } from '../../helpers/workstation';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const canRender = has('soffice') && has('pdftotext');
if (!canRender) console.warn('未安装 LibreOffice（soffice）或 pdftotext，跳过自查整改导出的渲染测试。');

describe.skipIf(!canRender)('LibreOffice rendering of the 自查整改 exports', () => {
  it('renders 自查评分表, 自查报告, 整改台账 and 整改情况报告 with the app’s figures', async () => {
    const t = await openTestWorkstation({ setup: false, now: () => new Date(2026, 10, 30, 9, 0, 0) });
    try {
      await loadDemo(t.ws.context());
      const view = await getSelfcheck(t.ws.context(), 2026);
      for (const kind of ['selfcheck-xlsx', 'selfcheck-docx', 'rectification-xlsx', 'rectification-docx'] as const) {
        await t.call('selfcheck.export', { kind, year: 2026 });
      }
      const files = t.delivered.map((d, i) => {
        const f = path.join(t.dir, `${i}-${d.fileName}`);
        fs.writeFileSync(f, d.data);
        return f;
      });
      const env = { ...process.env, FONTCONFIG_FILE: path.resolve('test/fixtures/fonts/fonts.conf') };
      const r = spawnSync(
        'soffice',
        [
          `-env:UserInstallation=file://${t.dir}/profile`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          t.dir,
          ...files,
        ],
        { env, timeout: 240_000 },
      );
      expect(r.status, String(r.stderr)).toBe(0);
      const text = files.map((f) => {
        const pdf = f.replace(/\.(xlsx|docx)$/, '.pdf');
        expect(fs.existsSync(pdf), pdf).toBe(true);
        return spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
      });
      // 自查评分表: the title, and on the 合计 row 满分 as base + bonus and the grade (or, while some indicators are
      // 未评, that it waits for them). The narrow cells wrap, so the words are looked for, not whole cells (the
      // exact cell values are read back from the .xlsx in service.test.ts).
      expect(text[0]).toContain('2026年度政务公开工作自查评分表');
      expect(text[0]).toContain(view.grade === null ? '等次：评完后确定（已评' : `等次：${gradeText(view)}`);
      expect(text[0]).toContain(`${view.maxBase}＋加`);
      expect(text[0]).not.toContain(`满分${view.maxTotal}`);
      // 自查报告: the four parts and the score, as far as the ratings go.
      for (const h of ['一、自查情况', '二、存在的问题', '三、整改措施', '四、下一步工作打算'])
        expect(text[1]).toContain(h);
      expect(text[1]).toContain(
        view.complete ? `自评总分${view.total}分` : `已评${view.scoredLeaves}项，已评指标得分${view.total}分`,
      );
      // Made on 30 November: the tasks' statuses are that day's, and dated so.
      const planTasks = (status: string) =>
        (
          t.ws
            .context()
            .raw.prepare(
              `SELECT count(*) AS n FROM plan_task t JOIN plan p ON p.id = t.plan_id WHERE p.year = 2026 AND t.status LIKE ?`,
            )
            .get(status) as { n: number }
        ).n;
      expect(text[1]).toContain(`本年度实施方案共${planTasks('%')}项任务，截至11月30日已完成${planTasks('已完成')}项`);
      // 整改台账 and 整改情况报告: every item's source, who signed off the closed ones, and the states.
      const raw = t.ws.context().raw;
      const items = raw.prepare(`SELECT source, state, closed_by FROM rectification WHERE year = 2026`).all() as {
        source: string;
        state: string;
        closed_by: string;
      }[];
      // A narrow cell wraps, so other columns' lines may fall between a value's characters in the PDF's text.
      const spread = (v: string) => new RegExp([...v].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*'));
      for (const r of items) expect(text[2]).toMatch(spread(r.source));
      const closed = items.filter((r) => r.state === '已销号');
      expect(closed.length).toBeGreaterThan(0);
      for (const r of closed) expect(text[2]).toMatch(spread(r.closed_by));
      expect(text[2]).toContain('已销号');
      // The 整改中 item's progress names its evidence in 进展情况: a file by its name, a web page by its address.
      const evidence = (column: string) =>
        raw
          .prepare(
            `SELECT ${column} AS v FROM rectification_evidence e LEFT JOIN attachment a ON a.id = e.attachment_id
             JOIN rectification_progress p ON p.id = e.progress_id JOIN rectification r ON r.id = p.rectification_id
             WHERE r.year = 2026 AND r.state = '整改中' AND ${column} IS NOT NULL`,
          )
          .get() as { v: string };
      const [file, url] = [evidence('a.file_name'), evidence('e.url')];
      expect(text[2]).toMatch(new RegExp(`佐证材料：${spread(file.v).source}、${spread(url.v).source}`));
      if (process.env.KEEP_RENDER) fs.copyFileSync(files[2].replace(/\.xlsx$/, '.pdf'), process.env.KEEP_RENDER);
      expect(text[3]).toContain(`共梳理问题${items.length}个，其中已销号${closed.length}个`);
    } finally {
      t.cleanup();
    }
  }, 300_000);
});
