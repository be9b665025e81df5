// 办理过程 of an application (补正, 征求意见, 延期) as the 依申请公开登记 .xlsx writes it in one cell and reads it back:
// one line per step, "补正：告知 2026年3月2日；补正期限 2026年3月12日；收到补正 2026年3月9日；说明 …" (dates in the form
// every export prints; the import also takes 2026-03-02, 2026/3/2 …). A person can read and write it; the export writes
// it and the import reads it, so a year's register moves between files without retyping.
import { formatChineseDate } from '../../../shared/domain/dates';
import type { RequestStepValues, StepKind } from '../../../shared/domain/disclosure';
import { parseDateText } from '../sheet';

/** The words before each date or value, by step kind: [start, end, told, party]. */
const WORDS: Record<StepKind, { start: string; end: string; told: string; party: string }> = {
  补正: { start: '告知', end: '收到补正', told: '补正期限', party: '对象' },
  征求意见: { start: '发出', end: '收到意见', told: '告知申请人', party: '对象' },
  延期: { start: '批准', end: '结束', told: '告知申请人', party: '批准人' },
};
const DAYS_RE = /^延长\s*(\d+)\s*个?工作日$/;

export function formatRequestSteps(steps: readonly RequestStepValues[]): string {
  return steps
    .map((s) => {
      const w = WORDS[s.kind];
      const d = formatChineseDate;
      const parts = [`${w.start} ${d(s.startDate)}`];
      if (s.party) parts.push(`${w.party} ${s.party}`);
      if (s.days) parts.push(`延长 ${s.days} 个工作日`);
      if (s.toldDate) parts.push(`${w.told} ${d(s.toldDate)}`);
      if (s.endDate) parts.push(`${w.end} ${d(s.endDate)}`);
      // 说明 goes last: it may itself hold "；".
      if (s.note) parts.push(`说明 ${s.note.replace(/\r?\n/g, ' ')}`);
      return `${s.kind}：${parts.join('；')}`;
    })
    .join('\n');
}

/** The steps written in a 办理过程 cell; a Chinese reason naming the line when one cannot be read. */
export function parseRequestSteps(text: string): { steps: RequestStepValues[] } | { problem: string } {
  const steps: RequestStepValues[] = [];
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  for (const [i, line] of lines.entries()) {
    const where = lines.length > 1 ? `第${i + 1}行“${line.slice(0, 30)}”` : `“${line.slice(0, 30)}”`;
    const m = /^(补正|征求意见|延期)\s*[:：]\s*(.*)$/.exec(line);
    if (!m) return { problem: `${where}不是办理过程（应以“补正：”“征求意见：”或“延期：”开头）` };
    const kind = m[1] as StepKind;
    const w = WORDS[kind];
    const step: RequestStepValues = {
      kind,
      startDate: '',
      endDate: null,
      days: null,
      party: '',
      toldDate: null,
      note: '',
    };
    const rest = m[2];
    const noteAt = rest.search(/(^|；)说明\s/);
    const head = noteAt >= 0 ? rest.slice(0, noteAt) : rest;
    if (noteAt >= 0)
      step.note = rest
        .slice(noteAt)
        .replace(/^；?说明\s+/, '')
        .trim();
    for (const part of head
      .split('；')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const days = DAYS_RE.exec(part);
      if (days) {
        step.days = Number(days[1]);
        continue;
      }
      const sp = part.indexOf(' ');
      const word = sp < 0 ? part : part.slice(0, sp);
      const value = sp < 0 ? '' : part.slice(sp + 1).trim();
      const date = () => {
        const iso = parseDateText(value);
        if (!iso) throw new Error(`${where}中“${part}”的日期应写成 2026年3月2日 或 2026-03-02 的样子`);
        return iso;
      };
      try {
        if (word === w.start) step.startDate = date();
        else if (word === w.end) step.endDate = date();
        else if (word === w.told) step.toldDate = date();
        else if (word === w.party) step.party = value.slice(0, 100);
        else return { problem: `${where}中有无法识别的内容“${part}”` };
      } catch (e) {
        return { problem: (e as Error).message };
      }
    }
    if (!step.startDate) return { problem: `${where}缺少${w.start}日期（如“${kind}：${w.start} 2026年3月2日”）` };
    steps.push(step);
  }
  return { steps };
}
