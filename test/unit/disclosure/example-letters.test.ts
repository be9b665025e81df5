// The letters of the example year as the office head who signs them reads them: each states what was true on its own
// date, says how the information is delivered once, names exactly the grounds the record gives and cites each
// article once, cites 第三十六条第（一）项 for information already published, and a short letter is one page when
// LibreOffice renders it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaServices } from '../../../main/areas';
import { loadCalendar } from '../../../main/services/calendar';
import { loadDemo } from '../../../main/services/demo';
import type { Exporter } from '../../../main/services/exporter';
import type { AppContext } from '../../../main/services/workstation';
import { formatChineseDate } from '../../../shared/domain/dates';
import { addWorkingDays } from '../../../shared/domain/working-days';
import { makeTempDir, openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';
import { readDocx } from '../export/read-docx';
import { canRender, linesOf, renderPages } from '../export/render-helpers';

const textOf = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const count = (text: string, part: string) => text.split(part).length - 1;

interface Row {
  id: number;
  received_date: string;
  result: string | null;
  withheld_reason: string | null;
  provide_way: string;
  answer_note: string;
}

describe('the example year’s letters', () => {
  let t: TestWorkstation;
  let ctx: AppContext;
  let exporters: Record<string, Exporter>;
  let requests: Row[];
  const build = async (kind: string, id: number) => (await exporters[kind].build(ctx, { year: 2026, id })).data;
  const text = async (kind: string, id: number) => textOf((await readDocx(await build(kind, id))).document);

  beforeAll(async () => {
    t = await openTestWorkstation({ year: 2026, now: () => new Date('2026-12-07T10:00:00') });
    ctx = t.ws.context();
    await loadDemo(ctx);
    exporters = await areaServices.exporters();
    requests = ctx.raw.prepare('SELECT * FROM request ORDER BY received_date').all() as Row[];
  });
  afterAll(() => t?.cleanup());

  it('every 登记回执 states 20 working days from receipt, whatever happened later', async () => {
    const cal = await loadCalendar(ctx);
    expect(requests.length).toBeGreaterThanOrEqual(5);
    for (const r of requests) {
      const due = addWorkingDays(r.received_date, 20, cal);
      const s = await text('request-receipt-docx', r.id);
      expect(s, `申请 ${r.id}`).toContain(`自收到申请之日起20个工作日内（即${formatChineseDate(due)}前）作出答复`);
      expect(s).toContain(`本机关于${formatChineseDate(r.received_date)}收到您`);
    }
  });

  it('an answer says how the information is delivered once, and cites each article once', async () => {
    const providing = requests.filter((r) => r.result === '三.一' || r.result === '三.二');
    expect(providing.length).toBeGreaterThanOrEqual(2);
    for (const r of providing) {
      const s = await text('request-answer-docx', r.id);
      expect(count(s, '请注意查收'), `申请 ${r.id}: ${s}`).toBeLessThanOrEqual(1);
      expect(count(s, '电子邮箱'), `申请 ${r.id}: ${s}`).toBeLessThanOrEqual(1);
      // An article cited as a whole (not one of its 项) is cited once.
      const whole = s.match(/第[一二三四五六七八九十]+条(?!第（)/g) ?? [];
      expect(whole.length, `申请 ${r.id}: ${whole.join('、')}`).toBe(new Set(whole).size);
    }
  });

  it('the 部分公开 answer names exactly the grounds recorded (商业秘密 only), citing 第十五条 once', async () => {
    const r = requests.find((x) => x.result === '三.二')!;
    expect(r.withheld_reason).toBe('三.三.4');
    const notes = (
      ctx.raw.prepare("SELECT note FROM request_step WHERE request_id = ? AND kind = '征求意见'").all(r.id) as {
        note: string;
      }[]
    )
      .map((n) => n.note)
      .join('');
    expect(notes).toContain('商业秘密');
    expect(notes).not.toContain('个人隐私');
    const s = await text('request-answer-docx', r.id);
    expect(s).toContain('部分内容涉及第三方的商业秘密，');
    expect(s).not.toContain('个人隐私');
    expect(count(s, '第十五条')).toBe(1);
    expect(count(s, '第三十七条')).toBe(1);
  });

  it('information already published is answered under 第三十六条第（一）项 with where to get it', async () => {
    const published = requests.filter((r) => r.result === '三.一' && /已于.*公开|发布/.test(r.answer_note));
    expect(published.length).toBe(1);
    const s = await text('request-answer-docx', published[0].id);
    expect(s).toContain('第三十六条第（一）项');
    expect(s).not.toContain('第三十六条第（二）项');
    expect(s).toContain('政府信息公开专栏');
  });

  it.skipIf(!canRender)(
    'a short letter (登记回执, 延期告知书) is one page',
    async () => {
      const files: Record<string, Buffer> = {};
      for (const r of requests) files[`receipt-${r.id}.docx`] = await build('request-receipt-docx', r.id);
      const extended = ctx.raw.prepare("SELECT request_id FROM request_step WHERE kind = '延期'").all() as {
        request_id: number;
      }[];
      expect(extended.length).toBeGreaterThan(0);
      for (const e of extended)
        files[`extension-${e.request_id}.docx`] = await build('request-extension-docx', e.request_id);
      const pages = renderPages(makeTempDir('zwgk-letters-'), files);
      const bureau = (ctx.raw.prepare('SELECT full_name FROM bureau').get() as { full_name: string }).full_name;
      for (const [name, p] of Object.entries(pages)) {
        expect(p.length, name).toBe(1);
        // 信函格式 (GB/T 9704 §10.1): the mark's top edge 30 mm below the page's top edge, no page number on page one.
        const lines = linesOf(p[0]);
        expect(lines[0].text, name).toBe(bureau);
        expect(Math.abs(Math.min(...lines[0].words.map((w) => w.y1)) - 30), name).toBeLessThan(1.5);
        expect(
          lines.some((l) => /^—\d+—$/.test(l.text.replace(/\s/g, ''))),
          name,
        ).toBe(false);
      }
    },
    300_000,
  );
});
