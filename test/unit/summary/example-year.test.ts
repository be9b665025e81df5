// The example year's 总结 read as the office head who signs it on 7 December 2026 (the year not yet over): each
// sentence with its figures, read back from the exported .docx and counted independently with plain SQL.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../main/services/demo';
import { summaryDocx } from '../../../main/services/summary/exports';
import { formatChineseDate } from '../../../shared/domain/dates';
import { makeTempDir, openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';
import { readDocx } from '../export/read-docx';
import { canRender, linesOf, renderPages } from '../export/render-helpers';

const TODAY = '2026-12-07';
const noChart = () => Promise.resolve(null);
const textOf = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

/** The body before the 附件 (running text) and the rows of every table (cells' text). */
async function read(buf: Buffer) {
  const { document } = await readDocx(buf);
  const body = textOf(document.split('<w:tbl>')[0]);
  const tables = [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0])),
    ),
  );
  return { body, tables, all: textOf(document) };
}

// One example year for the whole file (loading it takes seconds), and its two 总结 read back once.
let t: TestWorkstation;
let year: Awaited<ReturnType<typeof read>>;
let half: Awaited<ReturnType<typeof read>>;
// Counted apart from the figure registry, on the same file, read-only.
const sql = <T>(q: string): T[] => {
  const db = new Database(t.dbPath, { readonly: true });
  try {
    return db.prepare(q).all() as T[];
  } finally {
    db.close();
  }
};
beforeAll(async () => {
  t = await openTestWorkstation({ year: 2026, now: () => new Date(`${TODAY}T10:00:00`) });
  await loadDemo(t.ws.context());
  year = await read((await summaryDocx(t.ws.context(), 2026, '年度', noChart)).data);
  half = await read((await summaryDocx(t.ws.context(), 2026, '半年', noChart)).data);
});
afterAll(() => t?.cleanup());

describe('the example year’s 总结 made on 7 December', () => {
  it('names an application still open on 7 December as such, not 结转下年度 (its 答复期限 is still to come)', () => {
    const [{ n }] = sql<{ n: number }>(
      `select count(*) n from request where received_date <= '${TODAY}' and answered_date is null`,
    );
    expect(n).toBeGreaterThan(0);
    // By hand: the open one was received 27 November; 20 working days later is 25 December, after 7 December.
    expect(year.body).toContain(`截至12月7日尚有${n}件正在办理（未到答复期限）`);
    expect(year.all).not.toContain('结转下年度');
  });

  it('dates every year-end state it quotes on 7 December: 未完成 tasks, 逾期 tasks, 销号 整改', () => {
    const [{ n: unfinished }] = sql<{ n: number }>(
      `select count(*) n from plan_task t join plan p on p.id = t.plan_id
       where p.year = 2026 and t.status not in ('已完成', '不适用')`,
    );
    const [{ n: closed }] = sql<{ n: number }>(
      `select count(*) n from rectification where year = 2026 and state = '已销号'`,
    );
    expect(year.body).toContain(`对截至12月7日尚未完成的${unfinished}项重点任务`);
    expect(year.body).not.toContain('本年度尚未完成');
    expect(year.body).toMatch(/截至12月7日，\d+项任务已超过完成时限仍未完成/);
    expect(year.body).toContain(`截至12月7日已整改销号${closed}项`);
    // 附件1 names the open applications of the day and says the states are that day's.
    const rows = year.tables[0];
    expect(rows.find((r) => r[1] === `截至12月7日仍在办理的申请（件）`)).toBeDefined();
    expect(rows.some((r) => r[1].startsWith('结转下年度'))).toBe(false);
    expect(rows.find((r) => r[1] === '尚未完成任务（项）（截至12月7日）')?.[2]).toBe(String(unfinished));
    // An annual figure that is not a state (制发规范性文件, from the 年报's 表二) is not dated.
    expect(rows.some((r) => r[1].startsWith('制发行政规范性文件') && r[1].includes('截至'))).toBe(false);
    expect(year.all).toContain('上年一栏为上年同期的数字，标有“截至12月7日”的为当日的状态');
  });
});

describe('the example year’s 总结: what the records bear out, each once', () => {
  it('does not leave out earlier years’ 整改 items still open, as the 整改情况报告 lists them', () => {
    const [{ open, late }] = sql<{ open: number; late: number }>(
      `select count(*) open, sum(state in ('整改中', '未开始') and deadline < '${TODAY}') late
       from rectification where year < 2026 and state <> '已销号'`,
    );
    expect(open).toBeGreaterThan(0);
    expect(late).toBeGreaterThan(0);
    expect(year.body).toContain(`截至12月7日，往年遗留未销号整改事项${open}项，其中${late}项已超过整改时限仍未完成。`);
    // 二、存在的问题 names it as a problem, and says whose year it is.
    expect(year.body).toMatch(
      new RegExp(`整改推进还不够有力，截至12月7日，(本年度\\d+项、)?往年遗留${late}项整改事项已超过整改时限仍未完成。`),
    );
  });

  it('claims no per-person hours check when no hours requirement is set; says the 专题培训 requirement it checked', async () => {
    expect(sql(`select * from setting where key like 'team.%'`)).toEqual([]);
    const [{ n: special }] = sql<{ n: number }>(
      `select count(*) n from training where date like '2026-%' and status = '已举办' and kind = '政务公开专题培训'`,
    );
    expect(year.body).not.toMatch(/人均学时|每人学时/);
    // By hand: with nothing set the requirement is one 专题培训 a year and no hours.
    expect(year.body).toContain(
      `本单位要求每年至少举办政务公开专题培训1次（今年以来举办${special}次），截至12月7日已达到`,
    );
    // With an hours requirement set, the team members (today's A岗/B岗 holders) with fewer hours make it a problem.
    await t.call('team.saveSettings', { ...(await t.call('team.settings')), minHoursPerPerson: 3 });
    const [{ n: short }] = sql<{ n: number }>(
      `select count(*) n from (
         select h.staff_id, coalesce((select sum(tr.hours_tenths) from training_attendee a join training tr on tr.id = a.training_id
           where a.staff_id = h.staff_id and a.present = 1 and tr.status = '已举办' and tr.date like '2026-%'), 0) tenths
         from (select distinct staff_id from ab_holding join ab_post p on p.id = post_id
               where p.active = 1 and start_date <= '${TODAY}' and (end_date is null or end_date > '${TODAY}')) h
       ) where tenths < 30`,
    );
    expect(short).toBeGreaterThan(0);
    const s = (await t.call('summary.get', { year: 2026, kind: '年度' }))!;
    await t.call('summary.refresh', { id: s.id });
    const after = await read((await summaryDocx(t.ws.context(), 2026, '年度', noChart)).data);
    expect(after.body).toContain(`年度培训要求尚未达到，${short}名队伍成员学时未达到每人3学时的要求`);
    expect(after.body).not.toContain('年度培训要求已达到');
  });

  it('says each problem once: no self-check deduction repeating a late publication or an overdue task', () => {
    const problems = year.body.slice(year.body.indexOf('二、存在的问题'), year.body.indexOf('三、下一步工作打算'));
    expect(problems.match(/20个工作日/g)).toHaveLength(1);
    expect(problems.match(/超过完成时限/g)).toHaveLength(1);
    expect(problems).not.toContain('对照考核指标仍有失分');
  });

  it('says when the 解读 came out as the register shows it: 同步 only the same day', () => {
    const rows = sql<{ doc: string; interp: string }>(
      `select d.published_date doc, p.published_date interp from publication p join publication d on d.id = p.interprets_id
       where p.published_date like '2026-%'`,
    );
    const same = rows.filter((r) => r.doc === r.interp).length;
    expect(same).toBeLessThan(rows.length);
    expect(year.body).not.toContain('做到政策文件与解读材料同步发布');
    // By hand: the 一图读懂 came out on Thursday 16 April, the 新闻发布会 on Friday 17 April, after the 15th.
    expect(year.body).toContain(
      `其中${same}篇与所解读文件同日发布，${rows.length - same}篇在文件公开后1至2个工作日内发布`,
    );
  });

  it('附件1 holds each figure a reader needs once, with its comparison; “—” only where last year has no records', () => {
    for (const rows of [year.tables[0], half.tables[0]]) {
      const labels = rows.slice(1).map((r) => r[1]);
      expect(new Set(labels).size).toBe(labels.length);
      for (const bookkeeping of [
        '未关联所解读文件的解读（篇）',
        '自查满分（分）',
        '自查加分满分（分）',
        '已评指标（项）',
        '末级指标（项）',
        '人员变动未备案（人次）',
        '人员变动已备案（人次）',
        '予以公开与部分公开合计（件）',
        '20个工作日内公开的信息（条）',
        '其中：进行中（项）',
        '政务公开AB岗位（个）',
      ])
        expect(labels).not.toContain(bookkeeping);
      // Each “—” stands where last year has no such records: no 要点 imported, no self-check, no plan to look back on.
      const dashes = rows.slice(1).filter((r) => r[3] === '—');
      for (const r of dashes) expect(r[1]).toMatch(/^(上级政务公开工作要点文件|自查|扣分指标|“回头看”|已转为整改)/);
    }
    expect(sql(`select * from source_document where year = 2025`)).toEqual([]);
    expect(sql(`select * from sc_template where year = 2025`)).toEqual([]);
    expect(sql(`select * from plan where year = 2024`)).toEqual([]);
  });
});

describe.skipIf(!canRender)('the example year’s 总结 on paper', () => {
  const dir = makeTempDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps each table’s 注 on the page of its last row, and prints each date and name of 附件3 unbroken', async () => {
    const files = {
      'year.docx': (await summaryDocx(t.ws.context(), 2026, '年度')).data,
      'half.docx': (await summaryDocx(t.ws.context(), 2026, '半年')).data,
    };
    const rendered = renderPages(dir, files);
    for (const pages of Object.values(rendered)) {
      const lines = pages.map((p) => linesOf(p).map((l) => l.text));
      // 附件2's note: on the page of its table's 合计 row.
      const notePage = lines.findIndex((p) => p.some((l) => l.startsWith('注：“已完成”')));
      expect(notePage).toBeGreaterThan(0);
      expect(lines[notePage].some((l) => l.startsWith('合计'))).toBe(true);
      // 附件1's note likewise with its table's last row.
      const dataNote = lines.findIndex((p) => p.some((l) => l.startsWith('注：数字按')));
      expect(lines[dataNote].some((l) => /^\d+\D/.test(l))).toBe(true);
    }
    // 附件3: each date on one line, and no word of the table left alone on a line as a single character.
    const pages = rendered['year.docx'];
    const at = pages.findIndex((p) => linesOf(p).some((l) => l.text.includes('培训名称')));
    const table = linesOf(pages[at]);
    const from = table.findIndex((l) => l.text.includes('培训名称'));
    const trainings = await trainingsOf(t);
    expect(trainings.length).toBeGreaterThan(0);
    for (const tr of trainings) {
      expect(table.some((l) => l.text.includes(formatChineseDate(tr.date)))).toBe(true);
      expect(table.some((l) => l.text.includes(tr.title.slice(0, 10)))).toBe(true);
    }
    const lone = table
      .slice(from + 1)
      .flatMap((l) => l.words)
      .filter((w) => /^[\u4e00-\u9fff]$/.test(w.text) && !/[年月日]/.test(w.text));
    expect(lone.map((w) => w.text)).toEqual([]);
  }, 240_000);
});

async function trainingsOf(t: TestWorkstation): Promise<{ date: string; title: string }[]> {
  const db = new Database(t.dbPath, { readonly: true });
  try {
    return db
      .prepare(`select date, title from training where date like '2026-%' and status = '已举办' order by date`)
      .all() as { date: string; title: string }[];
  } finally {
    db.close();
  }
}
