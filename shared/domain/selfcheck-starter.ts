// The built-in starter 细则 for a 县级部门 (100 points + 8 bonus), so a new user can self-check at once and adjust it
// when the county's own 细则 arrives. Every indicator cites where its wording and numbers come from.
import type { IndicatorInput } from './selfcheck';

const LY = '涞源县2023年政务公开考核评分细则';
const LC = '泉州市鲤城区2020年政务公开指数绩效考评标准表';
const GB = '国办秘函〔2019〕19号 政府网站与政务新媒体检查指标';
const SH = '上海市政务公开考核评估指标表';
const XJ = '县级政务公开考核百分制细则';
const TL = '《政府信息公开条例》（国务院令第711号）';

export const STARTER_TITLE = '县级部门政务公开工作自查评分细则（内置参考模板）';
export const STARTER_TOTAL = 100;

const pi = (deduct: number, unit = '条') => ({ kind: 'perItem' as const, deduct, unit });

export const STARTER_INDICATORS: IndicatorInput[] = [
  {
    name: '组织保障',
    points: 10,
    source: `${XJ}“组织保障”；${LY}“制度建设”`,
    children: [
      {
        name: '领导重视',
        points: 4,
        criteria: '主要负责同志年内至少听取一次政务公开工作汇报，明确分管领导。有得4分，无扣2分。',
        rule: { kind: 'fixed', absentDeduct: 2 },
        source: `${SH}“职能整合和机构建设”；${LY}`,
      },
      {
        name: '机构人员',
        points: 3,
        criteria: '明确承办科室和经办人员，落实政务公开AB岗。有得3分，无不得分。',
        rule: { kind: 'fixed', absentDeduct: null },
        source: `${XJ}“负责人和承办科室、经办人员”`,
      },
      {
        name: '工作制度',
        points: 3,
        criteria: '建立信息发布审核、保密审查、责任追究等制度，每缺一项扣1分。',
        rule: pi(1, '项'),
        source: `${LY}“相关制度（审核、责任追究、发布管理）”`,
      },
    ],
  },
  {
    name: '主动公开',
    points: 40,
    source: `${LC}“政府信息主动公开”；${XJ}“政府信息公开”`,
    children: [
      {
        name: '基础信息',
        points: 10,
        criteria: '机构职能、领导信息、内设机构、办公地址等信息完整准确，每发现一处缺失或未及时更新扣1分，扣完为止。',
        rule: pi(1, '处'),
        source: XJ,
      },
      {
        name: '政策文件',
        points: 10,
        criteria: '规范性文件按时公开并提供PDF版本，每件不符合扣2分；未梳理继续有效文件目录的，本栏目不高于及格分。',
        rule: pi(2, '件'),
        ceilingRatio: 0.6,
        source: '金寨县2024年政务公开评价标准',
      },
      {
        name: '政策解读',
        points: 8,
        criteria: '解读材料在文件公开后3个工作日内发布，每件未同步解读扣2分。',
        rule: pi(2, '件'),
        source: '县科技局2023年上半年政务公开自查整改情况',
      },
      {
        name: '重点领域信息',
        points: 7,
        criteria: '科技计划项目、资金安排、评审结果等信息公开完整、及时，根据公开情况评分。',
        source: `${SH}“推进五公开”`,
      },
      {
        name: '公开时效与要素',
        points: 5,
        criteria: '标题、索引号、发布机构等要素未规范录入的每条扣1分；公文超期公开的每条扣1分。',
        rule: pi(1, '条'),
        source: LC,
      },
    ],
  },
  {
    name: '依申请公开',
    points: 12,
    source: `${TL}；${LC}“依申请公开”`,
    children: [
      {
        name: '受理办理',
        points: 8,
        criteria: '在法定期限内答复，超期办理的每件扣4分。',
        rule: pi(4, '件'),
        source: `${LC}（超期办理每条扣6分，本模板按8分折算）`,
      },
      {
        name: '答复规范',
        points: 4,
        criteria: '答复文书要素齐全、依据准确；因信息公开引起复议、诉讼且被纠错的每件扣3分。',
        rule: pi(3, '件'),
        source: LC,
      },
    ],
  },
  {
    name: '平台建设',
    points: 20,
    source: `${GB}；${LY}“平台管理与信息更新”`,
    children: [
      {
        name: '网站栏目更新',
        points: 10,
        criteria: '动态栏目每半个月、常规栏目每季度、固定栏目每半年更新，每发现一个栏目未按时更新扣1分，扣完为止。',
        rule: pi(1, '个'),
        source: LY,
      },
      {
        name: '政务新媒体',
        points: 5,
        criteria: '账号每周至少更新一次，每发现一次超过2周未更新扣1分。',
        rule: pi(1, '次'),
        source: GB,
      },
      {
        name: '政府信息公开年度报告',
        points: 5,
        criteria: '未按时公开、未按格式要素撰写、与往年雷同的，每项扣5分，扣完为止。',
        rule: pi(5, '项'),
        source: `${LC}“政府信息公开年度报告”`,
      },
    ],
  },
  {
    name: '监督保障',
    points: 18,
    source: `${SH}；${XJ}“保密审查”`,
    children: [
      {
        name: '培训',
        points: 6,
        criteria: '年内至少组织一次政务公开专题培训，有培训通知、签到表和培训材料。有得6分，无扣3分。',
        rule: { kind: 'fixed', absentDeduct: 3 },
        source: `${SH}“政务公开培训”`,
      },
      {
        name: '保密审查',
        points: 6,
        criteria: '落实“先审后发”和保密审查；公开涉密信息、商业秘密或个人隐私的不得分。',
        rule: { kind: 'fixed', absentDeduct: null },
        source: `${LC}“保密审查”`,
      },
      {
        name: '工作任务落实',
        points: 6,
        criteria: '落实年度政务公开工作要点和实施方案任务，每项任务未按时完成扣1分。',
        rule: pi(1, '项'),
        source: '厦门市集美区2021年政务公开工作主要任务分解表（未按时完成的通报）',
      },
    ],
  },
  {
    name: '单项否决',
    points: 0,
    source: GB,
    children: [
      {
        name: '发生泄密或发布严重错误信息',
        points: 0,
        criteria: '发生泄露国家秘密，或发布严重错误、虚假信息造成不良影响的，单项否决。',
        rule: { kind: 'veto' },
        source: `${GB}“单项否决”`,
      },
    ],
  },
  {
    name: '重大扣分项',
    source: '运城市2022年度政务公开工作考核方案“重大扣分项，不设上限”',
    children: [
      {
        name: '被上级通报批评',
        criteria: '因政务公开工作不到位被市级以上通报批评的，每次扣3分，不设上限。',
        rule: { kind: 'major', deduct: 3, unit: '次' },
        source: '乡镇政务公开考评细则（通报批评扣3分）',
      },
    ],
  },
  {
    name: '加分项',
    points: 8,
    rule: { kind: 'bonus', perItem: null, threshold: 80, inclusive: false, unit: '次' },
    criteria: '基础得分超过80分方可计入加分。',
    source: `${GB}（得分80分以上才计加分）`,
    children: [
      {
        name: '经验做法被推广或表彰',
        points: 4,
        criteria: '经验做法被市级以上推广或获表彰的，每次加2分。',
        rule: { kind: 'bonus', perItem: 2, threshold: null, inclusive: true, unit: '次' },
        source: '乡镇政务公开考评细则（表彰加分）',
      },
      {
        name: '信息被上级平台采用',
        points: 4,
        criteria: '政务公开信息被市级以上平台采用的，每条加1分。',
        rule: { kind: 'bonus', perItem: 1, threshold: null, inclusive: true, unit: '条' },
        source: '乡镇政务公开考评细则（超额加分）',
      },
    ],
  },
];
