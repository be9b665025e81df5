// 细则 readers: .xlsx and .docx tables with merged cells built here and read back; bad input names file, row, column.
import { describe, expect, it } from 'vitest';
import { parseIndicatorsFile } from '../../../main/import/selfcheck';
import { templateProblems } from '../../../shared/domain/selfcheck-score';
import { toScoringNodes } from '../../../shared/domain/selfcheck-tree';
import { buildDocx, buildXlsx, SAMPLE_HEADER, SAMPLE_ROWS } from './build-files';

const names = (xs: { name: string }[]) => xs.map((x) => x.name);

describe('xlsx 细则', () => {
  it('reads merged 一级/二级 cells as one node each, points per leaf, rules from the words', async () => {
    const buf = await buildXlsx({
      title: '某县2026年政务公开考核评分细则',
      header: SAMPLE_HEADER,
      rows: [...SAMPLE_ROWS, ['合计', null, null, null, 108, null]],
    });
    const p = await parseIndicatorsFile('细则.xlsx', buf);
    expect(p.title).toBe('某县2026年政务公开考核评分细则');
    // 合计 108 = 基础100 + 加分8: the 满分 is 100.
    expect(p.total).toBe(100);
    expect(names(p.indicators)).toEqual(['制度建设', '平台管理与信息更新', '政务新媒体', '重大扣分项', '加分项']);
    const [zd, pt, xmt, major, bonus] = p.indicators;
    expect(zd.points).toBe(30);
    expect(names(zd.children)).toEqual(['人员管理制度', '相关制度', '上会部署']);
    expect(zd.children[0].children[0]).toMatchObject({
      name: '主要领导负责、分管领导抓落实',
      points: 10,
      rule: { kind: 'fixed', absentDeduct: 2 },
    });
    expect(zd.children[2].children[0].rule).toEqual({ kind: 'manual' });
    // 信息更新 is merged over two rows: one 二级 with two 三级.
    expect(names(pt.children)).toEqual(['信息更新', '文件管理']);
    expect(names(pt.children[0].children)).toEqual(['年度信息总量200条', '栏目更新时效']);
    expect(pt.children[0].children[1]).toMatchObject({
      rule: { kind: 'perItem', deduct: 1, unit: '个' },
      capped: true,
    });
    expect(pt.children[1].children[0]).toMatchObject({
      ceilingRatio: 0.6,
      rule: { kind: 'perItem', deduct: 2, unit: '件' },
    });
    expect(xmt.children[0].children[0].rule).toEqual({ kind: 'veto' });
    expect(xmt.children[0].children[1].rule).toEqual({ kind: 'perItem', deduct: 5, unit: '次' });
    expect(major.children[0].children[0].rule).toEqual({ kind: 'major', deduct: 10, unit: '次' });
    expect(bonus.rule.kind).toBe('bonus');
    expect(bonus.children[0].children[0].rule).toEqual({
      kind: 'bonus',
      perItem: 2,
      threshold: 60,
      inclusive: true,
      unit: '次',
    });
    // Nothing above its parent.
    expect(templateProblems(toScoringNodes(p.indicators), 100)).toEqual([]);
  });

  it('a points column after each level (一级 | 分值 | 二级 | 分值) gives each level its own points, 合计 rows skipped', async () => {
    const buf = await buildXlsx({
      header: ['一级指标', '分值', '二级指标', '分值', '考核内容'],
      rows: [
        ['组织保障', 6, '负责人和承办科室', 2, '明确分管领导'],
        [null, null, '经办人员', 2, '配备专人'],
        [null, null, '制度', 2, '建立制度'],
        ['载体建设', 15, '门户网', 6, ''],
        [null, null, '新闻发布会', 3, ''],
        [null, null, '新媒体等', 6, ''],
        ['小计', 21, null, null, null],
      ],
    });
    const p = await parseIndicatorsFile('县级百分制.xlsx', buf);
    expect(p.indicators.map((n) => [n.name, n.points, n.children.map((c) => c.points)])).toEqual([
      ['组织保障', 6, [2, 2, 2]],
      ['载体建设', 15, [6, 3, 6]],
    ]);
    expect(p.title).toBe('县级百分制');
  });

  it('weights (宝鸡/绩溪 style) are kept as weights', async () => {
    const buf = await buildXlsx({
      header: ['一级指标', '权重', '二级指标', '权重', '评估点'],
      rows: [
        ['保障运营', '10%', '工作保障', '50%', '有专人'],
        [null, null, '制度保障', '50%', '有制度'],
        ['法定主动公开', '90%', '规划信息', '100%', ''],
      ],
    });
    const p = await parseIndicatorsFile('权重.xlsx', buf);
    expect(p.total).toBe(100);
    expect(p.indicators.map((n) => [n.weight, n.points, n.children.map((c) => c.weight)])).toEqual([
      [10, null, [50, 50]],
      [90, null, [100]],
    ]);
  });

  it('a section row merged across the table starts a 一级 group', async () => {
    const buf = await buildXlsx({
      header: ['指标', '具体项目', '分值', '评分说明'],
      rows: [
        ['单项否决指标', '', '', ''],
        ['网站', '首页2周无更新', 0, '单项否决'],
        ['扣分指标', '', '', ''],
        ['信息发布', '概况信息', 5, '每条扣1分'],
      ],
      merges: ['A2:D2', 'A4:D4'],
    });
    const p = await parseIndicatorsFile('普查.xlsx', buf);
    expect(names(p.indicators)).toEqual(['单项否决指标', '扣分指标']);
    expect(p.indicators[0].children[0].children[0].rule).toEqual({ kind: 'veto' });
    expect(p.indicators[1].children[0].children[0]).toMatchObject({ name: '概况信息', points: 5 });
  });
});

describe('docx 细则', () => {
  it('reads a Word table with vertical and horizontal merges', async () => {
    const buf = await buildDocx({
      title: '某县2026年度政务公开工作考核评分细则',
      header: ['一级指标', '二级指标', '分值', '评分标准'],
      rows: [
        { section: '一、基础指标（100分）' },
        ['主动公开', '政府信息主动公开', 10, '公文提前或超期公开每条扣5分'],
        [null, '政府信息公开年度报告', 10, '未及时公开扣5分'],
        ['依申请公开', '办理时限', 6, '超期办理每条扣6分'],
        { section: '二、加分项（8分）' },
        ['创新', '经验做法被推广', 8, '每次加2分'],
      ],
    });
    const p = await parseIndicatorsFile('细则.docx', buf);
    expect(p.title).toBe('某县2026年度政务公开工作考核评分细则');
    expect(names(p.indicators)).toEqual(['基础指标', '加分项']);
    expect(p.indicators[0].points).toBe(100);
    expect(names(p.indicators[0].children)).toEqual(['主动公开', '依申请公开']);
    expect(p.indicators[0].children[0].children.map((c) => [c.name, c.points, c.rule.kind])).toEqual([
      ['政府信息主动公开', 10, 'perItem'],
      ['政府信息公开年度报告', 10, 'fixed'],
    ]);
    // "未及时公开扣5分": 5 off when it happens.
    expect(p.indicators[0].children[0].children[1].rule).toEqual({ kind: 'fixed', absentDeduct: 5 });
    expect(p.indicators[1].rule.kind).toBe('bonus');
    expect(p.indicators[1].children[0].children[0].rule).toMatchObject({ kind: 'bonus', perItem: 2 });
  });
});

describe('bad input', () => {
  it('no recognisable header', async () => {
    const buf = await buildXlsx({ header: ['名称', '说明'], rows: [['a', 'b']] });
    await expect(parseIndicatorsFile('表.xlsx', buf)).rejects.toThrow(
      /在“表\.xlsx”中没有找到考核细则的表头.*“一级指标”.*“分值”或“权重”列/,
    );
  });

  it('points that are not numbers: file, sheet, row and column', async () => {
    const buf = await buildXlsx({
      title: '细则',
      header: ['一级指标', '二级指标', '分值'],
      rows: [['组织', '培训', '十分']],
    });
    await expect(parseIndicatorsFile('细则.xlsx', buf)).rejects.toThrow(
      '文件“细则.xlsx”工作表“评分细则”第3行第3列（C列“分值”）的“十分”不是分值数字',
    );
  });

  it('a skipped level', async () => {
    const buf = await buildXlsx({
      header: ['一级指标', '二级指标', '三级指标', '分值'],
      rows: [
        ['组织', '培训', '专题培训', 2],
        ['渠道', '', '网站', 3],
      ],
    });
    await expect(parseIndicatorsFile('细则.xlsx', buf)).rejects.toThrow(
      /第3行第2列（B列“二级指标”）是空的，但同一行的“三级指标”有内容（网站）：指标层级不能跳过/,
    );
  });

  it('a Word table without a header, other files and damaged packages', async () => {
    const buf = await buildDocx({ title: 'x', header: ['甲', '乙'], rows: [['1', '2']] });
    await expect(parseIndicatorsFile('a.docx', buf)).rejects.toThrow(/没有找到考核细则的表头/);
    await expect(parseIndicatorsFile('a.xls', Buffer.from('x'))).rejects.toThrow(/旧版 \.xls 格式.*另存为” \.xlsx/);
    await expect(parseIndicatorsFile('a.xlsx', Buffer.alloc(0))).rejects.toThrow(/是空的/);
    await expect(parseIndicatorsFile('a.xlsx', Buffer.from('hello world, not a zip'))).rejects.toThrow(
      /“a\.xlsx”的内容是文本，不是 Excel 表格（\.xlsx）或 Word 文档（\.docx）/,
    );
    await expect(parseIndicatorsFile('a.docx', (buf as Buffer).subarray(0, 200))).rejects.toThrow(/已损坏或不完整/);
    const xlsx = await buildXlsx({ header: ['一级指标', '分值'], rows: [['a', 1]] });
    await expect(parseIndicatorsFile('a.docx', xlsx)).rejects.toThrow(/实际是Excel 表格/);
  });
});
