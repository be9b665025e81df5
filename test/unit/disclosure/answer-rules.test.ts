// An answer whose record contradicts what its letter would say is refused on saving, and a record written before the
// rule (or behind the services' back) is refused on exporting its letter: 逾期不补正 before the 补正期限 or after the
// 补正 arrived, 补正后仍不明确 without a 补正, a 延期 after the answer period (第三十三条第二款), a 补正期限 before the
// notice, a 信息处理费 on an answer that provides nothing (第四十二条). 不属于本机关负责公开 (第三十六条第（五）项) is its
// own answer, counted in table 三 as 本机关不掌握相关政府信息, and the letters say the rest as the law words it.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { RequestInput } from '../../../shared/domain/disclosure';
import { workstationsPerTest } from '../../helpers/workstation';
import { readDocx } from '../export/read-docx';
import { answered, makeCleanYear, Y } from '../yearcheck/clean-year';

const open = workstationsPerTest();
const textOf = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

const refusal = (t: Awaited<ReturnType<typeof makeCleanYear>>, input: RequestInput, words: string) =>
  expect(t.call('disclosure.createRequest', input)).rejects.toMatchObject({
    code: 'VALIDATION',
    message: expect.stringContaining(words),
  });

const notProvided = { provideMedium: '', provideWay: '', provideDate: null } as const;
const correction = (over: Partial<NonNullable<RequestInput['steps']>[number]>) => ({
  kind: '补正' as const,
  startDate: `${Y}-08-12`,
  endDate: null,
  toldDate: `${Y}-08-26`,
  note: '请明确所需文件的项目名称',
  ...over,
});

describe('an answer the record contradicts', () => {
  it('refuses 逾期不补正 before the 补正期限 or after the 补正 arrived, and 补正后仍不明确 without a 补正', async () => {
    const t = await makeCleanYear(open);
    const base = answered({ receivedDate: `${Y}-08-10`, applicant: '冯某', ...notProvided, result: '三.六.1' });
    await refusal(
      t,
      { ...base, answeredDate: `${Y}-08-20`, steps: [correction({})] },
      '答复日期（2026-08-20）还没有过补正期限（2026-08-26）',
    );
    await refusal(
      t,
      { ...base, answeredDate: `${Y}-09-10`, steps: [correction({ endDate: `${Y}-08-20` })] },
      '登记了收到补正的日期（2026-08-20）。收到补正后应按补正后的申请答复',
    );
    // No 补正期限 recorded: the letter gave 15 working days from its receipt, so not over on the 8th working day.
    await refusal(
      t,
      { ...base, answeredDate: `${Y}-08-24`, steps: [correction({ toldDate: null })] },
      '没有写明补正期限，告知书给申请人收到之日起15个工作日',
    );
    await refusal(
      t,
      { ...base, result: '三.四.3', answeredDate: `${Y}-08-25` },
      '办理结果“补正后申请内容仍不明确”需要先登记补正告知和收到补正的日期',
    );
    // As the record bears it out: after the 补正期限, nothing received.
    const late = await t.call('disclosure.createRequest', {
      ...base,
      answeredDate: `${Y}-09-01`,
      steps: [correction({})],
    });
    await t.call('disclosure.export', { kind: 'request-answer-docx', id: late.id });
    expect(textOf((await readDocx(t.delivered.at(-1)!.data)).document)).toContain('您无正当理由逾期未补正');

    // A record written behind the services' back: its letter is refused, naming the application, and takes no 文号.
    t.ws.context().raw.prepare('UPDATE request SET answered_date = ? WHERE id = ?').run(`${Y}-08-20`, late.id);
    await expect(t.call('disclosure.export', { kind: 'request-answer-docx', id: late.id })).rejects.toMatchObject({
      message: expect.stringContaining('2026-08-10收到的冯某的申请登记有误，不能出具政府信息公开申请答复书'),
    });
  });

  it('refuses a 延期 approved after the answer period, as a 补正 asked then is refused', async () => {
    const t = await makeCleanYear(open);
    const base = answered({ receivedDate: `${Y}-04-01`, applicant: '陈华', answeredDate: `${Y}-06-10` });
    const extension = (startDate: string) => ({
      kind: '延期' as const,
      startDate,
      days: 15,
      party: '李明',
      toldDate: startDate,
      note: '需调取档案核实',
    });
    await refusal(
      t,
      { ...base, provideDate: `${Y}-06-10`, steps: [extension(`${Y}-05-20`)] },
      '第1个步骤（延期）的批准日期（2026-05-20）已过答复期限（2026-04-30）',
    );
    // On the last day of the period it is still in time.
    const inTime = await t.call('disclosure.createRequest', {
      ...base,
      answeredDate: `${Y}-05-15`,
      provideDate: `${Y}-05-15`,
      steps: [extension(`${Y}-04-30`)],
    });
    expect(inTime.deadline.state).toBe('按期办结');
  });
});

describe('the fee, the 补正告知书 and 不属于本机关', () => {
  it('charges a fee only where information is provided, citing 第四十二条 and the 办法 as notified and paid', async () => {
    const t = await makeCleanYear(open);
    await refusal(
      t,
      answered({ applicant: '马力', result: '三.三.5', ...notProvided, feeYuan: 200 }),
      '信息处理费只在提供政府信息（予以公开、部分公开）时按收费通知收取',
    );
    const paid = await t.call('disclosure.createRequest', answered({ applicant: '郑某', feeYuan: 300 }));
    await t.call('disclosure.export', { kind: 'request-answer-docx', id: paid.id });
    const text = textOf((await readDocx(t.delivered.at(-1)!.data)).document);
    expect(text).toContain(
      '根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第三十六条第（二）项的规定，现予以公开。',
    );
    expect(text).toContain(
      '根据《条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关已向您发出收费通知，收取信息处理费300元。',
    );
    expect(text).not.toContain('本次申请收取');
  });

  it('gives the 补正期限 the record names, or 15 working days in words that read, and refuses one before the notice', async () => {
    const t = await makeCleanYear(open);
    const base = { ...answered({ receivedDate: `${Y}-08-10`, applicant: '蒋某' }), answeredDate: null, result: null };
    await refusal(
      t,
      { ...base, ...notProvided, steps: [correction({ toldDate: `${Y}-08-11` })] },
      '第1个步骤（补正）的补正期限（2026-08-11）不在补正告知日期（2026-08-12）之后',
    );
    const r = await t.call('disclosure.createRequest', {
      ...base,
      ...notProvided,
      steps: [correction({ toldDate: null })],
    });
    await t.call('disclosure.export', { kind: 'request-correction-docx', id: r.id });
    const text = textOf((await readDocx(t.delivered.at(-1)!.data)).document);
    expect(text).toContain('请自收到本告知书之日起15个工作日内提交补正材料。');
    expect(text).not.toContain('内前');
  });

  it('answers 不属于本机关负责公开 under 第三十六条第（五）项 naming the agency, counted as 本机关不掌握', async () => {
    const t = await makeCleanYear(open);
    const note = '负责公开该政府信息的行政机关为某县财政局，联系电话：0851-5212345。';
    const r = await t.call(
      'disclosure.createRequest',
      answered({
        applicant: '孙丽',
        result: '三.四.1',
        ...notProvided,
        withheldReason: '非本机关负责',
        answerNote: note,
      }),
    );
    await t.call('disclosure.export', { kind: 'request-answer-docx', id: r.id });
    const text = textOf((await readDocx(t.delivered.at(-1)!.data)).document);
    expect(text).toContain(
      `经审查，您申请获取的政府信息不属于本机关负责公开。根据《中华人民共和国政府信息公开条例》第三十六条第（五）项的规定，现将负责公开该政府信息的行政机关告知如下：${note}`,
    );
    expect(text).not.toContain('信息不存在');
    expect(text).not.toContain('第三十六条第（四）项');
    // The note is said once, inside the sentence.
    expect(text.split('某县财政局').length).toBe(2);
    const report = await t.call('disclosure.report', { year: Y });
    const row = report.report.requests.rows.find((x) => x.key === '三.四.1')!;
    expect(row.values.at(-1)).toBe(1);

    // Without the agency named, the letter is refused and says what to write.
    const bare = await t.call(
      'disclosure.createRequest',
      answered({ applicant: '李某', result: '三.四.1', ...notProvided, withheldReason: '非本机关负责' }),
    );
    await expect(t.call('disclosure.export', { kind: 'request-answer-docx', id: bare.id })).rejects.toMatchObject({
      message: expect.stringContaining('要告知申请人负责公开该政府信息的行政机关的名称和联系方式'),
    });

    // A register that writes 非本机关职责范围 comes in as that answer, and the exported register reads back the same.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('登记');
    ws.addRow(['收到日期', '申请人', '申请人类型', '申请方式', '申请内容', '答复日期', '办理结果', '答复说明']);
    ws.addRow([`${Y}-09-01`, '周某', '自然人', '网络平台', '财政预算批复', `${Y}-09-08`, '非本机关职责范围', note]);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    await t.call('disclosure.importRequests', {
      upload: { fileName: '登记.xlsx', dataBase64: data.toString('base64') },
    });
    const imported = (await t.call('disclosure.requests', { year: Y })).find((x) => x.applicant === '周某')!;
    expect(imported).toMatchObject({ result: '三.四.1', withheldReason: '非本机关负责' });
    await t.call('disclosure.export', { kind: 'requests-xlsx', year: Y });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(t.delivered.at(-1)!.data as unknown as ArrayBuffer);
    const cells = back.worksheets[0].getSheetValues().flat().map(String);
    expect(cells).toContain('无法提供—本机关不掌握相关政府信息（不属于本机关负责公开）');
  });
});

describe('the 征求意见 letter', () => {
  it('asks a 第三方 under 第三十二条 as 您 or 贵单位, and an agency that made the information with us under 第三十四条', async () => {
    const t = await makeCleanYear(open);
    const consult = (party: string) => ({
      kind: '征求意见' as const,
      startDate: `${Y}-07-15`,
      endDate: `${Y}-08-05`,
      party,
      note: '',
    });
    const ask = async (applicant: string, party: string) => {
      const r = await t.call('disclosure.createRequest', {
        ...answered({ receivedDate: `${Y}-07-13`, applicant }),
        answeredDate: null,
        result: null,
        ...notProvided,
        steps: [consult(party)],
      });
      await t.call('disclosure.export', { kind: 'request-consult-docx', id: r.id });
      return textOf((await readDocx(t.delivered.at(-1)!.data)).document);
    };
    const organ = await ask('某电子有限公司', '某县财政局');
    expect(organ).toContain('政府信息公开征求意见函');
    expect(organ).toContain(
      '经审查，该政府信息由本机关与贵机关共同制作。根据《中华人民共和国政府信息公开条例》第三十四条的规定，现征求贵机关的意见。',
    );
    expect(organ).toContain('请于收到本函之日起15个工作日内提出意见。逾期未提出意见的，视为同意公开。');
    expect(organ).not.toMatch(/第三十二条|第三方|您/);

    const person = await ask('某协会', '李振华');
    expect(person).toContain('经审查，该政府信息公开可能损害您的合法权益。');
    expect(person).toContain('您不同意公开且有合理理由的，本机关不予公开');
    expect(person).not.toMatch(/您（单位）|贵单位|第三方不同意/);

    const company = await ask('某学会', '某新材料有限公司');
    expect(company).toContain(
      '可能损害贵单位的合法权益。根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第三十二条',
    );
    expect(company).not.toContain('您');
  });
});
