// `check-year --db F --year Y [--json]` as other tools rely on it: exactly {"year", "findings": [{"kind",
// "documents", "message"}]} on stdout, exit 1 with any finding and 0 without; and `export` of a year document names
// its open findings on stderr first, exporting all the same.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { workstationsPerTest } from '../../helpers/workstation';
import { makeCleanYear, Y } from './clean-year';

const open = workstationsPerTest();
afterEach(() => vi.restoreAllMocks());

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (err.push(String(s)), true));
  return { out: () => out.join(''), err: () => err.join('') };
}

describe('check-year', () => {
  it('says a year without any record has nothing to check, instead of calling it 一致', async () => {
    const t = await makeCleanYear(open);
    t.ws.close();
    let io = capture();
    expect(await runCli(['check-year', '--db', t.dbPath, '--year', String(Y)])).toBe(0);
    expect(io.out()).toBe(`${Y}年各文档与记录核对一致，没有发现问题。\n`);
    vi.restoreAllMocks();
    io = capture();
    expect(await runCli(['check-year', '--db', t.dbPath, '--year', String(Y - 2)])).toBe(0);
    expect(io.out()).toBe(`${Y - 2}年还没有可核对的登记和文档。\n`);
    vi.restoreAllMocks();
    // The contract is unchanged: no findings.
    io = capture();
    expect(await runCli(['check-year', '--db', t.dbPath, '--year', String(Y - 2), '--json'])).toBe(0);
    expect(io.out()).toBe(`${JSON.stringify({ year: Y - 2, findings: [] })}\n`);
  });

  it('prints exactly the contract with --json and exits 1 with findings, 0 without', async () => {
    const t = await makeCleanYear(open);
    t.ws.close();
    let io = capture();
    expect(await runCli(['check-year', '--db', t.dbPath, '--year', String(Y), '--json'])).toBe(0);
    expect(io.err()).toBe('');
    expect(io.out()).toBe(`${JSON.stringify({ year: Y, findings: [] })}\n`);
    vi.restoreAllMocks();

    // Plant two findings: an outsider as 签发人 and a placeholder in the bureau's website.
    t.ws.open();
    const b = (await t.call('app.status')).bureau!;
    await t.call('bureau.update', { ...b, website: 'http://www.example.com', leader: '何副局长' });
    t.ws.close();
    io = capture();
    expect(await runCli(['check-year', '--db', t.dbPath, '--year', String(Y), '--json'])).toBe(1);
    const lines = io.out().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('');
    const j = JSON.parse(lines[0]);
    expect(Object.keys(j)).toEqual(['year', 'findings']);
    expect(j.year).toBe(Y);
    expect(j.findings).toHaveLength(2);
    for (const f of j.findings) {
      expect(Object.keys(f)).toEqual(['kind', 'documents', 'message']);
      expect(typeof f.kind).toBe('string');
      expect(f.documents.every((d: unknown) => typeof d === 'string')).toBe(true);
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(j.findings.map((f: { kind: string }) => f.kind).sort()).toEqual(['person-not-on-staff', 'placeholder']);
    vi.restoreAllMocks();

    // Without --json: one Chinese line per finding, same exit code.
    io = capture();
    expect(await runCli(['check-year', '--db', t.dbPath, '--year', String(Y)])).toBe(1);
    const text = io.out().trim().split('\n');
    expect(text).toHaveLength(2);
    expect(text.join()).toContain('“何副局长”不在人员名单中');
    vi.restoreAllMocks();

    // A file that is not there is an error, never a new empty file.
    io = capture();
    const missing = path.join(t.dir, 'nothing.sqlite');
    expect(await runCli(['check-year', '--db', missing, '--year', String(Y), '--json'])).toBe(1);
    expect(io.err()).toContain('错误[NOT_FOUND]');
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('export names the findings that concern the document on stderr first, and still exports', async () => {
    const t = await makeCleanYear(open);
    const b = (await t.call('app.status')).bureau!;
    await t.call('bureau.update', { ...b, address: '' });
    t.ws.close();
    const io = capture();
    const out = path.join(t.dir, '年报.docx');
    expect(await runCli(['export', 'annual-report-docx', '--db', t.dbPath, '--year', String(Y), '--out', out])).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    expect(io.err()).toContain(`注意：${Y}年政府信息公开工作年度报告有 1 项核对问题尚未解决`);
    expect(io.err()).toContain('【联系信息未填写】');
    expect(io.err()).toContain('地址还没有填写');
    // stdout keeps the export's own line only.
    expect(io.out()).toBe(`已导出：${out}\n`);
    vi.restoreAllMocks();
    // An export the finding does not concern prints nothing extra.
    const io2 = capture();
    const xlsx = path.join(t.dir, '登记.xlsx');
    expect(await runCli(['export', 'publications-xlsx', '--db', t.dbPath, '--year', String(Y), '--out', xlsx])).toBe(0);
    expect(io2.err()).toBe('');
  });
});
