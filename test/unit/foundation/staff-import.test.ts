import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readStaffXlsx } from '../../../main/import/staff-xlsx';
import { ErrorCode } from '../../../shared/ipc/errors';
import { AppError } from '../../../shared/ipc/result';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';

type Cell = string | number | null;

/** A real .xlsx built with exceljs: each inner array is one spreadsheet row starting at row 1. */
async function xlsx(
  rows: Cell[][],
  opts: { sheetName?: string; before?: (wb: ExcelJS.Workbook) => void; after?: (ws: ExcelJS.Worksheet) => void } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  opts.before?.(wb);
  const ws = wb.addWorksheet(opts.sheetName ?? '人员');
  rows.forEach((r, i) => {
    ws.getRow(i + 1).values = r as ExcelJS.CellValue[];
  });
  opts.after?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const upload = (data: Buffer, fileName = '人员名单.xlsx') => ({ fileName, dataBase64: data.toString('base64') });

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('reading a staff .xlsx', () => {
  it('finds columns by header names below a title row, with variants, extra columns and blank rows', async () => {
    const data = await xlsx(
      [
        ['某县科技局人员名单'],
        [],
        ['序号', '姓 名', '所在部门', '职位', '联系电话（手机）', '备注'],
        [1, '张 三', '办公室', '主任', 13800000001, '无'],
        [],
        [2, '李四', '高 新 科', null, '０８５１－１２３４５６７', null],
        [3, null, null, null, null, '只有备注的行不算人员'],
      ],
      { after: (ws) => ws.mergeCells('A1:F1') },
    );
    const sheet = await readStaffXlsx(data, '名单.xlsx');
    expect(sheet.headerRow).toBe(3);
    expect(sheet.columns).toEqual({ name: 2, department: 3, title: 4, phone: 5, note: 6 });
    expect(sheet.rows).toEqual([
      { row: 4, name: '张三', department: '办公室', title: '主任', phone: '13800000001', status: '在岗', note: '无' },
      { row: 6, name: '李四', department: '高新科', title: '', phone: '0851-1234567', status: '在岗', note: '' },
    ]);
  });

  it('gives each row of a vertically merged 科室 cell the department, and skips repeated header rows', async () => {
    const data = await xlsx(
      [
        ['姓名', '科室'],
        ['甲一', '财务科'],
        ['乙二', null],
        ['姓名', '科室'],
        ['丙三', '办公室'],
      ],
      { after: (ws) => ws.mergeCells('B2:B3') },
    );
    const sheet = await readStaffXlsx(data, 'a.xlsx');
    expect(sheet.rows.map((r) => [r.row, r.name, r.department])).toEqual([
      [2, '甲一', '财务科'],
      [3, '乙二', '财务科'],
      [5, '丙三', '办公室'],
    ]);
  });

  it('reads formulas by their result and rich text as plain text', async () => {
    const data = await xlsx(
      [
        ['姓名', '电话'],
        [null, { formula: '"1380000"&"0002"', result: '13800000002' } as unknown as Cell],
      ],
      {
        after: (ws) => {
          ws.getCell('A2').value = { richText: [{ text: '王' }, { text: '五', font: { bold: true } }] };
        },
      },
    );
    const sheet = await readStaffXlsx(data, 'a.xlsx');
    expect(sheet.rows).toEqual([
      { row: 2, name: '王五', department: '', title: '', phone: '13800000002', status: '在岗', note: '' },
    ]);
  });

  it('looks past a sheet without a 姓名 column to the next visible one', async () => {
    const data = await xlsx(
      [
        ['姓名', '科室'],
        ['赵六', '办公室'],
      ],
      {
        sheetName: '名单',
        before: (wb) => {
          wb.addWorksheet('说明').getCell('A1').value = '填表说明：每行一人';
        },
      },
    );
    const sheet = await readStaffXlsx(data, 'a.xlsx');
    expect(sheet.sheetName).toBe('名单');
    expect(sheet.rows).toHaveLength(1);
  });

  it('refuses files that are not usable workbooks with a Chinese reason', async () => {
    const noName = await errorOf(
      readStaffXlsx(
        await xlsx([
          ['科室', '电话'],
          ['办公室', '123'],
        ]),
        '无姓名.xlsx',
      ),
    );
    expect(noName.code).toBe(ErrorCode.FILE_UNSUPPORTED);
    expect(noName.message).toContain('没有找到“姓名”列');

    const empty = await errorOf(readStaffXlsx(await xlsx([]), '空.xlsx'));
    expect(empty.code).toBe(ErrorCode.NO_ITEMS);

    const headerOnly = await errorOf(readStaffXlsx(await xlsx([['姓名', '科室'], []]), '只有表头.xlsx'));
    expect(headerOnly.code).toBe(ErrorCode.NO_ITEMS);
    expect(headerOnly.message).toContain('第 1 行是表头');

    const text = await errorOf(readStaffXlsx(Buffer.from('姓名,科室\n张三,办公室\n'), '名单.csv'));
    expect(text.code).toBe(ErrorCode.FILE_TYPE_MISMATCH);
    expect(text.message).toContain('.xlsx');

    // Text named .xlsx is text, not a damaged workbook.
    const renamed = await errorOf(readStaffXlsx(Buffer.from('这不是表格'), '名单.xlsx'));
    expect(renamed.code).toBe(ErrorCode.FILE_TYPE_MISMATCH);
    expect(renamed.message).toContain('“名单.xlsx”的内容是文本');

    const good = await xlsx([['姓名'], ['张三']]);
    const truncated = await errorOf(readStaffXlsx(good.subarray(0, Math.floor(good.length / 2)), '半个.xlsx'));
    expect(truncated.code).toBe(ErrorCode.FILE_DAMAGED);
    expect(truncated.message).toMatch(/[\u4e00-\u9fa5]/);

    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document/>');
    const word = await errorOf(readStaffXlsx(await zip.generateAsync({ type: 'nodebuffer' }), '名单.xlsx'));
    expect(word.code).toBe(ErrorCode.FILE_TYPE_MISMATCH);
    expect(word.message).toContain('是 Word 文档');

    // A workbook whose zip directory claims gigabytes once unpacked is refused before anything is inflated.
    const bomb = Buffer.from(good);
    for (
      let p = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      p > 0;
      p = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p - 1)
    ) {
      bomb.writeUInt32LE(0x7fffffff, p + 24);
    }
    expect((await errorOf(readStaffXlsx(bomb, '炸弹.xlsx'))).code).toBe(ErrorCode.ZIP_BOMB);

    const ole = Buffer.alloc(1024);
    Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(ole);
    const xls = await errorOf(readStaffXlsx(ole, '名单.xls'));
    // Said as every reader of a list says it (office-file.ts): an old format, to be saved again as .xlsx.
    expect(xls.code).toBe(ErrorCode.FILE_UNSUPPORTED);
    expect(xls.message).toContain('旧版 Excel');
    expect(xls.message).toContain('另存为');
    Buffer.from('EncryptedPackage', 'utf16le').copy(ole, 512);
    expect((await errorOf(readStaffXlsx(ole, '加密.xlsx'))).code).toBe(ErrorCode.FILE_ENCRYPTED);
  });
});

describe('staff import service', () => {
  let t: TestWorkstation;
  beforeEach(async () => {
    t = await openTestWorkstation();
  });
  afterEach(() => t.cleanup());

  it('previews a clean file, then imports it in one go, creating the chosen unknown 科室', async () => {
    await t.call('departments.create', { name: '办公室' });
    const data = await xlsx([
      ['姓名', '科室', '职务', '电话'],
      ['张三', '办公室', '主任', '13800000001'],
      ['李四', '高新科', '科员', ''],
      ['王五', '', '', ''],
    ]);
    const preview = await t.call('staff.importPreview', upload(data));
    expect(preview.errorCount).toBe(0);
    expect(preview.validCount).toBe(3);
    expect(preview.unknownDepartments).toEqual(['高新科']);
    // The preview changes nothing.
    expect(await t.call('staff.list')).toEqual([]);
    expect((await t.call('departments.list')).map((d) => d.name)).toEqual(['办公室']);

    const result = await t.call('staff.importCommit', { ...upload(data), createDepartments: ['高新科'] });
    expect(result).toEqual({ imported: 3, createdDepartments: 1, skipped: 0, left: 0 });
    const staff = await t.call('staff.list');
    expect(staff.map((s) => [s.name, s.departmentName, s.title, s.phone, s.status])).toEqual([
      ['张三', '办公室', '主任', '13800000001', '在岗'],
      ['李四', '高新科', '科员', '', '在岗'],
      ['王五', null, '', '', '在岗'],
    ]);
    const audit = await t.call('audit.list', { entity: 'staff', limit: 10 });
    expect(audit[0]).toMatchObject({ action: 'import', entityId: null, osUser: t.ws.context().osUser });
    expect(audit[0].summary).toContain('3 人');
    const perPerson = await t.call('audit.list', { entity: 'staff', entityId: staff[0].id, limit: 10 });
    expect(perPerson[0].summary).toContain('第 2 行');
    const deptAudit = await t.call('audit.list', { entity: 'department', limit: 10 });
    expect(deptAudit[0].summary).toBe('导入人员时新增科室：高新科');
  });

  it('reads a two-row header: 联系方式 over 办公电话/手机 gives the 手机 (the 办公电话 when none), 所在科室 merged', async () => {
    // As offices lay it out: every header but 联系方式 merged down two rows, 联系方式 spanning its two columns, and
    // a 科室 merged down the rows of its people.
    const header: Cell[][] = [
      ['序号', '姓名', '所在科室', '职务', '联系方式', null, '备注'],
      [null, null, null, null, '办公电话', '手机', null],
    ];
    const people: Cell[][] = [
      [1, '张三', '办公室', '主任', '0851-8123456', '13800000001', null],
      [2, '李四', null, '科员', '0851-8123457', '13800000002', null],
      [3, '王五', '财务科', '科员', '0851-8123458', null, '只有办公电话'],
    ];
    const data = await xlsx([...header, ...people], {
      after: (ws) => {
        for (const c of ['A', 'B', 'C', 'D', 'G']) ws.mergeCells(`${c}1:${c}2`);
        ws.mergeCells('E1:F1');
        ws.mergeCells('C3:C4');
      },
    });
    // What the rows say, read by hand: the 科室 of a merged cell is the one above; the 手机, else the 办公电话.
    let department = '';
    const expected = people.map((p) => {
      department = (p[2] as string | null) ?? department;
      return [p[1], department, p[3], String(p[5] ?? p[4])];
    });
    const preview = await t.call('staff.importPreview', upload(data));
    expect(preview.errorCount).toBe(0);
    expect(preview.rows.map((r) => r.row)).toEqual(people.map((_, i) => header.length + i + 1));
    await t.call('staff.importCommit', { ...upload(data), createDepartments: preview.unknownDepartments });
    const staff = await t.call('staff.list');
    expect(staff.map((s) => [s.name, s.departmentName, s.title, s.phone])).toEqual(expected);
  });

  it('names each unusable row by its spreadsheet row number and reason, and stores nothing', async () => {
    await t.call('departments.create', { name: '办公室' });
    await t.call('staff.create', {
      name: '老王',
      departmentId: (await t.call('departments.list'))[0].id,
      title: '',
      phone: '',
      status: '在岗',
      note: '',
    });
    const data = await xlsx([
      ['人员名单'],
      ['姓名', '科室', '职务', '电话'],
      ['张三', '办公室', '主任', '13800000001'],
      [null, '办公室', '科员', '13800000002'],
      ['李四', '办公室', '', '电话不详'],
      ['老王', '办公室', '', ''],
      ['张三', '办公室', '', ''],
      ['赵六', '', '', '1380000000'],
      ['钱七、孙八', '', '', ''],
      ['周九', '新科室', '', ''],
    ]);
    const preview = await t.call('staff.importPreview', upload(data));
    const byRow = Object.fromEntries(preview.rows.map((r) => [r.row, r.errors]));
    expect(byRow[3]).toEqual([]);
    expect(byRow[4]).toEqual(['缺少姓名']);
    expect(byRow[5][0]).toContain('电话“电话不详”格式不对');
    // Already on the list: skipped, said above the rows, not an error.
    expect(byRow[6]).toEqual([]);
    expect(preview.rows.find((r) => r.row === 6)?.existing).toBe(true);
    expect(preview.notes.join('')).toContain('已有，跳过 1 人：老王');
    expect(byRow[7]).toEqual(['与第 3 行重复（姓名和科室相同）']);
    expect(byRow[8][0]).toContain('应为 11 位');
    expect(byRow[9][0]).toContain('多个人名');
    expect(byRow[10]).toEqual([]);
    expect(preview.errorCount).toBe(5);
    expect(preview.validCount).toBe(3);

    // The commit re-reads the file and refuses: nothing is stored, not even the new department.
    const e = await errorOf(t.call('staff.importCommit', { ...upload(data), createDepartments: ['新科室'] }));
    expect(e.code).toBe(ErrorCode.IMPORT_ROWS_INVALID);
    expect(e.message).toContain('第 4 行：缺少姓名');
    expect((await t.call('staff.list')).map((s) => s.name)).toEqual(['老王']);
    expect((await t.call('departments.list')).map((d) => d.name)).toEqual(['办公室']);
  });

  it('refuses to import when an unknown 科室 was not chosen for creation', async () => {
    const data = await xlsx([
      ['姓名', '科室'],
      ['张三', '高新科'],
      ['李四', '财务科'],
    ]);
    const e = await errorOf(t.call('staff.importCommit', { ...upload(data), createDepartments: ['高新科'] }));
    expect(e.code).toBe(ErrorCode.IMPORT_ROWS_INVALID);
    expect(e.message).toContain('“财务科”');
    expect(e.message).toContain('第 3 行');
    expect(await t.call('staff.list')).toEqual([]);
    expect(await t.call('departments.list')).toEqual([]);
  });

  it('marks rows of a deactivated 科室 instead of assigning people to it', async () => {
    const d = await t.call('departments.create', { name: '档案室' });
    await t.call('departments.setActive', { id: d.id, active: false });
    const preview = await t.call(
      'staff.importPreview',
      upload(
        await xlsx([
          ['姓名', '科室'],
          ['张三', '档案室'],
        ]),
      ),
    );
    expect(preview.rows[0].errors[0]).toContain('已停用');
    expect(preview.unknownDepartments).toEqual([]);
  });

  it('refuses a commit when the records changed after the preview', async () => {
    const data = await xlsx([['姓名'], ['张三']]);
    expect((await t.call('staff.importPreview', upload(data))).errorCount).toBe(0);
    await t.call('staff.create', { name: '张三', departmentId: null, title: '', phone: '', status: '在岗', note: '' });
    // The commit reads the file again: 张三 is now on the list, so there is nobody new to import.
    const e = await errorOf(t.call('staff.importCommit', { ...upload(data), createDepartments: [] }));
    expect(e.code).toBe(ErrorCode.NO_ITEMS);
    expect(e.message).toContain('都已在人员名单中');
    expect(await t.call('staff.list')).toHaveLength(1);
  });

  it('delivers a template that the import itself recognises', async () => {
    const file = await t.call('staff.importTemplate');
    expect(file.fileName).toBe('人员名单导入模板.xlsx');
    const template = t.delivered.at(-1)!.data;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    ws.getRow(3).values = ['张三', '办公室', '科长', '13800000000'];
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const preview = await t.call('staff.importPreview', upload(filled));
    expect(preview.rows).toEqual([
      {
        row: 3,
        name: '张三',
        department: '办公室',
        title: '科长',
        phone: '13800000000',
        status: '在岗',
        note: '',
        errors: [],
      },
    ]);
    // An untouched template has no people in it: a clear message, not an empty import.
    const e = await errorOf(t.call('staff.importPreview', upload(template)));
    expect(e.code).toBe(ErrorCode.NO_ITEMS);
  });
});
