// The example year's cast and calendar: one fictional county 科学技术局 (檀溪县), its 科室 and staff, and the dates
// every demo step shares. Every person any example record names is on STAFF; every record is dated on a working day
// of the example year and exists only once its date has come (a record dated after "today" is not written), so the
// year reads as the registers would stand on the day the example is loaded.
import { workingDayOnOrAfter, type WorkingDayCalendar } from '../../../shared/domain/working-days';

/** The fictional county. No real county of this name exists; its website follows the county-government form. */
export const COUNTY = '檀溪县';
export const BUREAU_NAME = `${COUNTY}科学技术局`;
export const SITE = 'http://www.tanxi.gov.cn/kjj/';

/**
 * The bureau's contact block (年报 引言, 答复书). The 单位 record on this branch has no 地址/邮编/网站 fields yet
 * (another branch adds 主要负责人/分管负责人 and 地址/邮编/电话/网站 to the 单位): the lead wires these values into those
 * fields at merge. 主要负责人 and 分管负责人 are on STAFF.
 */
export const BUREAU_CONTACT = {
  head: '林建华',
  leader: '周立新',
  address: `${COUNTY}城关镇迎宾大道168号县行政中心5楼`,
  postcode: '422900',
  phone: '0739-5216010',
  website: SITE,
} as const;

export const DEPARTMENTS = ['办公室', '政策法规科', '高新技术与成果转化科', '农村科技科', '科技人才与合作科'] as const;
export type DeptName = (typeof DEPARTMENTS)[number];

/**
 * The staff list: 局领导 belong to no 科室. 周立新 分管 办公室、政策法规科 and 政务公开 (the 分管负责人); 何晓梅 分管
 * the three business 科室.
 */
export const STAFF: { name: string; dept: DeptName | null; title: string }[] = [
  { name: '林建华', dept: null, title: '局长' },
  { name: '周立新', dept: null, title: '副局长' },
  { name: '何晓梅', dept: null, title: '副局长' },
  { name: '陈思远', dept: '办公室', title: '办公室主任' },
  { name: '刘雨婷', dept: '办公室', title: '科员' },
  { name: '杨帆', dept: '办公室', title: '科员' },
  { name: '吴志刚', dept: '政策法规科', title: '科长' },
  { name: '郑佳慧', dept: '政策法规科', title: '科员' },
  { name: '黄海涛', dept: '高新技术与成果转化科', title: '科长' },
  { name: '马晓东', dept: '高新技术与成果转化科', title: '科员' },
  { name: '赵国庆', dept: '农村科技科', title: '科长' },
  { name: '孙婧', dept: '农村科技科', title: '科员' },
  { name: '徐文斌', dept: '科技人才与合作科', title: '科长' },
  { name: '罗小琴', dept: '科技人才与合作科', title: '科员' },
];

/** Who signs what a 科室 publishes (签发): the 分管 副局长 of the 科室; 局长 for 规范性文件, 预决算 and 年报. */
export function approverOf(dept: DeptName): string {
  return dept === '办公室' || dept === '政策法规科' ? '周立新' : '何晓梅';
}

/** A day of the year ("03-18") moved to the next working day when it is a weekend or holiday. */
export function workday(year: number, monthDay: string, cal: WorkingDayCalendar): string {
  return workingDayOnOrAfter(`${year}-${monthDay}`, cal);
}

/** The earlier of two ISO dates. */
export function earlier(a: string, b: string): string {
  return a < b ? a : b;
}

/** A page of the bureau's 政府信息公开专栏 (门户网站 items), numbered within its 栏目 and day. */
export function pageLink(column: string, date: string, n: number): string {
  return `${SITE}zwgk/${column}/${date.slice(0, 7).replace('-', '')}/t${date.replaceAll('-', '')}_${String(n).padStart(3, '0')}.html`;
}

/** The AB岗 holders since the start of last year: 岗位 → [A岗, B岗]. */
export const AB_HOLDERS: Record<string, [string, string]> = {
  政务公开分管领导: ['周立新', '何晓梅'],
  政务公开工作负责人: ['陈思远', '吴志刚'],
  政务公开联络员: ['刘雨婷', '郑佳慧'],
  信息发布审核员: ['吴志刚', '黄海涛'],
  网站与政务新媒体管理员: ['刘雨婷', '杨帆'],
  依申请公开办理员: ['郑佳慧', '吴志刚'],
  保密审查员: ['陈思远', '吴志刚'],
};

/** In April the 信息发布审核员 B岗 passes from 黄海涛 to 陈思远 (filed within the time limit). */
export const REVIEWER_B_CHANGE = { md: '04-07', from: '黄海涛', to: '陈思远' } as const;

/** 吴志刚, the 信息发布审核员 A岗, is away one week in May: the B岗 reviews what is published then. */
export const REVIEWER_AWAY = { start: '05-18', end: '05-22' } as const;

/** Who reviewed (审核) an item on `date` of the example year `year` (last year: always the A岗). */
export function reviewerOn(date: string, year: number, cal: WorkingDayCalendar): string {
  if (date < `${year}-01-01`) return '吴志刚';
  const away = date >= workday(year, REVIEWER_AWAY.start, cal) && date <= `${year}-${REVIEWER_AWAY.end}`;
  if (!away) return '吴志刚';
  return date >= workday(year, REVIEWER_B_CHANGE.md, cal) ? REVIEWER_B_CHANGE.to : REVIEWER_B_CHANGE.from;
}
