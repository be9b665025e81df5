// The example bureau's 信息发布登记 for the example year and the year before: what a county 科技局 publishes (年报,
// 预决算, 申报通知, 立项/验收公示, 规范性文件 with their 解读 on the same day, 建议提案答复, 特派员 情况 …), each with its
// 三审 record. The plan's progress entries and the self-check's evidence point at these items, so they are defined
// once here. One imperfection on purpose: the 验收结果公示 went out more than 20 working days after the 验收结论 was
// formed; the 年报 states it, the self-check deducts for it and an 整改 item follows it up.
import { addWorkingDays, type WorkingDayCalendar } from '../../../shared/domain/working-days';
import { approverOf, BUREAU_NAME, COUNTY, pageLink, workday, type DeptName } from './story';

export const ANNUAL_REPORT_COLUMN = '政府信息公开年报';

/** 栏目 → the path of its pages on the bureau's 专栏. */
const SLUG: Record<string, string> = {
  机构职能: 'jgzn',
  政策文件: 'zcwj',
  政策解读: 'zcjd',
  规划计划: 'ghjh',
  财政预决算: 'czyjs',
  工作动态: 'gzdt',
  通知公告: 'tzgg',
  人事信息: 'rsgz',
  建议提案办理: 'jyta',
  [ANNUAL_REPORT_COLUMN]: 'ndbg',
  其他: 'qt',
};

type Channel = '门户网站' | '政务新媒体' | '公开栏' | '新闻发布会';

interface Spec {
  key: string;
  md: string;
  column: keyof typeof SLUG;
  title: string;
  dept: DeptName;
  drafter: string;
  channel?: Channel;
  docNumber?: string;
  normative?: boolean;
  /** Key of the document this 解读 interprets. */
  interprets?: string;
  /** 签发 by the 局长 (规范性文件, 预决算, 年报). */
  byHead?: boolean;
  /** When the information was formed, if not a few days before publication. */
  formedMd?: string;
}

export interface DemoPublication {
  key: string;
  title: string;
  column: string;
  channel: Channel;
  published: string;
  formed: string;
  drafted: string;
  reviewed: string;
  approved: string;
  drafter: string;
  reviewer: string;
  approver: string;
  docNumber: string;
  normative: boolean;
  interprets: string | null;
  link: string;
}

function specsOf(y: number): Spec[] {
  const last = y - 1;
  return [
    {
      key: 'report',
      md: '01-20',
      column: ANNUAL_REPORT_COLUMN,
      title: `${BUREAU_NAME}${last}年政府信息公开工作年度报告`,
      dept: '办公室',
      drafter: '刘雨婷',
      byHead: true,
      formedMd: '01-15',
    },
    {
      key: 'appraisal',
      md: '01-13',
      column: '人事信息',
      title: `${BUREAU_NAME}${last}年度公务员年度考核优秀等次人员公示`,
      dept: '办公室',
      drafter: '杨帆',
    },
    {
      key: 'review',
      md: '01-27',
      column: '规划计划',
      title: `${BUREAU_NAME}${last}年工作总结和${y}年工作打算`,
      dept: '办公室',
      drafter: '杨帆',
    },
    {
      key: 'budget',
      md: '02-10',
      column: '财政预决算',
      title: `${BUREAU_NAME}${y}年部门预算`,
      dept: '办公室',
      drafter: '杨帆',
      byHead: true,
    },
    {
      key: 'call',
      md: '03-05',
      column: '通知公告',
      title: `关于组织申报${y}年度县级科技计划项目的通知`,
      dept: '高新技术与成果转化科',
      drafter: '马晓东',
    },
    {
      key: 'smes',
      md: '03-12',
      column: '通知公告',
      title: `关于开展${y}年度科技型中小企业评价工作的通知`,
      dept: '高新技术与成果转化科',
      drafter: '马晓东',
    },
    {
      // Formed on the plan's 成文日期 (demo/plan.ts), published four working days later.
      key: 'plan',
      md: '03-16',
      formedMd: '03-10',
      docNumber: `檀科发〔${y}〕5号`,
      column: '规划计划',
      title: `${BUREAU_NAME}${y}年政务公开工作实施方案`,
      dept: '办公室',
      drafter: '刘雨婷',
    },
    {
      key: 'points',
      md: '03-18',
      column: '规划计划',
      title: `${BUREAU_NAME}${y}年科技工作要点`,
      dept: '办公室',
      drafter: '杨帆',
    },
    {
      key: 'envoys',
      md: '03-25',
      column: '通知公告',
      channel: '公开栏',
      title: `${y}年度${COUNTY}科技特派员选派名单公示`,
      dept: '农村科技科',
      drafter: '孙婧',
    },
    {
      key: 'meeting',
      md: '03-27',
      column: '工作动态',
      title: `县科技局召开${y}年全县科技创新工作会议`,
      dept: '办公室',
      drafter: '杨帆',
    },
    {
      key: 'vouchers',
      md: '04-15',
      column: '政策文件',
      title: `关于印发《${COUNTY}科技创新券管理办法》的通知`,
      dept: '政策法规科',
      drafter: '郑佳慧',
      docNumber: `檀科发〔${y}〕8号`,
      normative: true,
      byHead: true,
    },
    {
      key: 'vouchers-jd',
      md: '04-15',
      column: '政策解读',
      title: `《${COUNTY}科技创新券管理办法》政策解读`,
      dept: '政策法规科',
      drafter: '郑佳慧',
      interprets: 'vouchers',
    },
    {
      key: 'vouchers-tj',
      md: '04-16',
      column: '政策解读',
      channel: '政务新媒体',
      title: `一图读懂《${COUNTY}科技创新券管理办法》`,
      dept: '办公室',
      drafter: '刘雨婷',
      interprets: 'vouchers',
    },
    {
      key: 'vouchers-fb',
      md: '04-17',
      column: '政策解读',
      channel: '新闻发布会',
      title: `县政府新闻办举行《${COUNTY}科技创新券管理办法》新闻发布会`,
      dept: '政策法规科',
      drafter: '郑佳慧',
      interprets: 'vouchers',
      byHead: true,
    },
    {
      key: 'inspections',
      md: '04-21',
      column: '通知公告',
      title: `${BUREAU_NAME}${y}年度“双随机、一公开”抽查工作计划`,
      dept: '政策法规科',
      drafter: '郑佳慧',
    },
    {
      key: 'guide',
      md: '05-15',
      column: '其他',
      title: `${BUREAU_NAME}政府信息公开指南（${y}年修订）`,
      dept: '办公室',
      drafter: '刘雨婷',
    },
    {
      key: 'week',
      md: '05-22',
      column: '工作动态',
      channel: '政务新媒体',
      title: `县科技局开展${y}年科技活动周系列活动`,
      dept: '科技人才与合作科',
      drafter: '罗小琴',
    },
    {
      key: 'approved',
      md: '06-10',
      column: '通知公告',
      title: `${y}年度县级科技计划项目立项公示`,
      dept: '高新技术与成果转化科',
      drafter: '马晓东',
    },
    {
      key: 'motion',
      md: '06-16',
      column: '建议提案办理',
      title: '对县十八届人大五次会议第23号建议的答复（关于加强农业科技特派员服务的建议）',
      dept: '农村科技科',
      drafter: '孙婧',
    },
    {
      key: 'powers',
      md: '06-25',
      column: '机构职能',
      title: `${BUREAU_NAME}权责清单（${y}年动态调整）`,
      dept: '政策法规科',
      drafter: '郑佳慧',
    },
    {
      key: 'envoys-q2',
      md: '06-26',
      column: '工作动态',
      title: `${y}年第二季度科技特派员服务情况`,
      dept: '农村科技科',
      drafter: '孙婧',
    },
    {
      key: 'proposal',
      md: '07-03',
      column: '建议提案办理',
      title: '对县政协十届五次会议第41号提案的答复（关于支持科技型中小企业加大研发投入的提案）',
      dept: '高新技术与成果转化科',
      drafter: '马晓东',
    },
    {
      key: 'incubation',
      md: '07-08',
      column: '通知公告',
      title: `${y}年第一批高新技术企业培育库入库企业名单公示`,
      dept: '高新技术与成果转化科',
      drafter: '马晓东',
    },
    {
      key: 'half',
      md: '07-24',
      column: '规划计划',
      title: `${BUREAU_NAME}${y}年上半年工作总结`,
      dept: '办公室',
      drafter: '杨帆',
    },
    {
      key: 'envoy-rules',
      md: '08-14',
      column: '政策文件',
      title: `关于印发《${COUNTY}科技特派员管理办法》的通知`,
      dept: '农村科技科',
      drafter: '孙婧',
      docNumber: `檀科发〔${y}〕15号`,
      normative: true,
      byHead: true,
    },
    {
      key: 'envoy-rules-jd',
      md: '08-14',
      column: '政策解读',
      title: `《${COUNTY}科技特派员管理办法》政策解读`,
      dept: '农村科技科',
      drafter: '孙婧',
      interprets: 'envoy-rules',
    },
    {
      key: 'accounts',
      md: '08-28',
      column: '财政预决算',
      title: `${BUREAU_NAME}${last}年部门决算`,
      dept: '办公室',
      drafter: '杨帆',
      byHead: true,
    },
    {
      key: 'policies',
      md: '09-18',
      column: '政策文件',
      title: `${COUNTY}现行有效惠企科技政策清单（${y}年版）`,
      dept: '高新技术与成果转化科',
      drafter: '马晓东',
    },
    {
      key: 'envoys-q3',
      md: '09-25',
      column: '工作动态',
      channel: '政务新媒体',
      title: `${y}年第三季度科技特派员服务情况`,
      dept: '农村科技科',
      drafter: '孙婧',
    },
    {
      key: 'accepted',
      md: '10-16',
      column: '通知公告',
      title: `${y - 2}年度县级科技计划项目验收结果公示`,
      dept: '高新技术与成果转化科',
      drafter: '马晓东',
      formedMd: '08-27',
    },
    {
      key: 'winter',
      md: '11-13',
      column: '工作动态',
      title: '县科技特派员开展冬季设施农业技术服务活动',
      dept: '农村科技科',
      drafter: '孙婧',
    },
    {
      key: 'talks',
      md: '11-26',
      column: '工作动态',
      title: '县科技局开展科技政策宣讲进园区活动',
      dept: '高新技术与成果转化科',
      drafter: '马晓东',
    },
    {
      key: 'city-call',
      md: '12-03',
      column: '通知公告',
      title: `关于组织推荐${y + 1}年度市级科技计划项目的通知`,
      dept: '高新技术与成果转化科',
      drafter: '马晓东',
    },
  ];
}

/** Last year's register, smaller: what the "较上年" comparisons and last year's 年报 count. */
function lastYearSpecsOf(y: number): Spec[] {
  const p = y - 1;
  return [
    {
      key: 'report',
      md: '01-22',
      column: ANNUAL_REPORT_COLUMN,
      title: `${BUREAU_NAME}${p - 1}年政府信息公开工作年度报告`,
      dept: '办公室',
      drafter: '刘雨婷',
      byHead: true,
    },
    {
      key: 'budget',
      md: '02-14',
      column: '财政预决算',
      title: `${BUREAU_NAME}${p}年部门预算`,
      dept: '办公室',
      drafter: '杨帆',
      byHead: true,
    },
    {
      key: 'call',
      md: '03-06',
      column: '通知公告',
      title: `关于组织申报${p}年度县级科技计划项目的通知`,
      dept: '高新技术与成果转化科',
      drafter: '马晓东',
    },
    {
      key: 'plan',
      md: '03-14',
      formedMd: '03-10',
      docNumber: `檀科发〔${p}〕4号`,
      column: '规划计划',
      title: `${BUREAU_NAME}${p}年政务公开工作实施方案`,
      dept: '办公室',
      drafter: '刘雨婷',
    },
    {
      key: 'points',
      md: '03-20',
      column: '规划计划',
      title: `${BUREAU_NAME}${p}年科技工作要点`,
      dept: '办公室',
      drafter: '杨帆',
    },
    {
      key: 'meeting',
      md: '04-10',
      column: '工作动态',
      title: `县科技局召开${p}年全县科技工作会议`,
      dept: '办公室',
      drafter: '杨帆',
    },
    {
      key: 'projects',
      md: '05-09',
      column: '政策文件',
      title: `关于印发《${COUNTY}科技计划项目管理办法》的通知`,
      dept: '政策法规科',
      drafter: '郑佳慧',
      docNumber: `檀科发〔${p}〕9号`,
      normative: true,
      byHead: true,
    },
    {
      key: 'projects-jd',
      md: '05-09',
      column: '政策解读',
      title: `《${COUNTY}科技计划项目管理办法》政策解读`,
      dept: '政策法规科',
      drafter: '郑佳慧',
      interprets: 'projects',
    },
    {
      key: 'week',
      md: '05-23',
      column: '工作动态',
      title: `县科技局开展${p}年科技活动周活动`,
      dept: '科技人才与合作科',
      drafter: '罗小琴',
    },
    {
      key: 'approved',
      md: '06-12',
      column: '通知公告',
      title: `${p}年度县级科技计划项目立项公示`,
      dept: '高新技术与成果转化科',
      drafter: '马晓东',
    },
    {
      key: 'funds',
      md: '06-18',
      column: '通知公告',
      title: `${p}年度县级科技计划项目资金安排情况`,
      dept: '高新技术与成果转化科',
      drafter: '马晓东',
    },
    {
      key: 'motion',
      md: '06-26',
      column: '建议提案办理',
      title: '对县十八届人大四次会议第17号建议的答复（关于推进农业科技示范基地建设的建议）',
      dept: '农村科技科',
      drafter: '孙婧',
    },
    {
      key: 'incubation',
      md: '07-10',
      column: '通知公告',
      title: `${p}年高新技术企业培育库入库企业名单公示`,
      dept: '高新技术与成果转化科',
      drafter: '马晓东',
    },
    {
      key: 'half',
      md: '07-25',
      column: '规划计划',
      title: `${BUREAU_NAME}${p}年上半年工作总结`,
      dept: '办公室',
      drafter: '杨帆',
    },
    {
      key: 'accounts',
      md: '08-29',
      column: '财政预决算',
      title: `${BUREAU_NAME}${p - 1}年部门决算`,
      dept: '办公室',
      drafter: '杨帆',
      byHead: true,
    },
    {
      key: 'catalogue',
      md: '09-15',
      column: '其他',
      title: `${BUREAU_NAME}科技领域基层政务公开标准目录（${p}年版）`,
      dept: '办公室',
      drafter: '刘雨婷',
    },
    {
      key: 'envoys',
      md: '10-23',
      column: '通知公告',
      title: `${p}年度${COUNTY}科技特派员选派名单公示`,
      dept: '农村科技科',
      drafter: '孙婧',
    },
    {
      key: 'hightech-talks',
      md: '11-14',
      column: '工作动态',
      title: '县科技局组织开展高新技术企业认定政策宣讲',
      dept: '高新技术与成果转化科',
      drafter: '马晓东',
    },
    {
      key: 'hightech-tj',
      md: '11-26',
      column: '政策解读',
      channel: '政务新媒体',
      title: '图解：高新技术企业认定政策问答',
      dept: '高新技术与成果转化科',
      drafter: '马晓东',
    },
    {
      key: 'midterm',
      md: '12-19',
      column: '通知公告',
      title: `关于开展${p}年度县级科技计划项目中期检查的通知`,
      dept: '高新技术与成果转化科',
      drafter: '马晓东',
    },
  ];
}

/** The items of `year` (the example year or the one before) with every date and 三审 person worked out. */
export function demoPublications(
  year: number,
  exampleYear: number,
  cal: WorkingDayCalendar,
  reviewerOn: (date: string) => string,
): DemoPublication[] {
  const specs = year === exampleYear ? specsOf(year) : lastYearSpecsOf(exampleYear);
  return specs.map((s, i) => {
    const published = workday(year, s.md, cal);
    const formed = s.formedMd ? workday(year, s.formedMd, cal) : addWorkingDays(published, -4, cal);
    const drafted = addWorkingDays(published, -3, cal);
    const reviewed = addWorkingDays(published, -2, cal);
    const channel = s.channel ?? '门户网站';
    return {
      key: s.key,
      title: s.title,
      column: s.column,
      channel,
      published,
      formed: formed < drafted ? formed : drafted,
      drafted,
      reviewed,
      approved: addWorkingDays(published, -1, cal),
      drafter: s.drafter,
      reviewer: reviewerOn(reviewed),
      approver: s.byHead ? '林建华' : approverOf(s.dept),
      docNumber: s.docNumber ?? '',
      normative: s.normative ?? false,
      interprets: s.interprets ?? null,
      link: channel === '门户网站' ? pageLink(SLUG[s.column], published, i + 1) : '',
    };
  });
}
