// A small year built by hand where every document agrees with its records (the 核对's clean year), for the 核对's
// tests to plant one disagreement at a time.
import { emptyYearInput, type RequestInput } from '../../../shared/domain/disclosure';
import type { openTestWorkstation, TestWorkstation } from '../../helpers/workstation';

export const Y = 2026;

/**
 * A year where every document agrees with the records: the bureau complete, its 负责人 and everyone named in the
 * registers on the staff list, a publication in time, an application answered in time, table 二 consistent with last
 * year's.
 */
export async function makeCleanYear(
  open: typeof openTestWorkstation,
): Promise<TestWorkstation & { column: (name: string) => number }> {
  const t = await open({ now: () => new Date(Y + 1, 0, 10, 9) });
  const d = await t.call('departments.create', { name: '办公室' });
  for (const name of ['王建国', '李明', '张三', '赵敏', '钱进'])
    await t.call('staff.create', {
      name,
      departmentId: d.id,
      title: '',
      phone: '0851-7654321',
      status: '在岗',
      note: '',
    });
  await t.call('bureau.update', {
    fullName: '某县科学技术局',
    shortName: '县科技局',
    region: '某县',
    head: '王建国',
    leader: '李明',
    contact: '张三',
    phone: '0851-1234567',
    address: '某县人民路1号',
    postcode: '556000',
    website: 'http://www.mxkj.gov.cn/zfxxgk',
  });
  const cols = await t.call('disclosure.columns');
  const column = (name: string) => cols.find((c) => c.name === name)!.id;
  await t.call('disclosure.createPublication', {
    title: '县科技局开展科技活动周宣传活动',
    publishedDate: `${Y}-05-20`,
    formedDate: `${Y}-05-15`,
    columnId: column('工作动态'),
    channel: '门户网站',
    drafter: '赵敏',
    draftedDate: `${Y}-05-15`,
    reviewer: '钱进',
    reviewedDate: `${Y}-05-18`,
    approver: '李明',
    approvedDate: `${Y}-05-19`,
  });
  await t.call('disclosure.createRequest', answered({}));
  await t.call('disclosure.saveYearInput', { ...emptyYearInput(Y - 1), normInForce: 2 });
  await t.call('disclosure.saveYearInput', { ...emptyYearInput(Y), licensing: 3 });
  return Object.assign(t, { column });
}

export const answered = (over: Partial<RequestInput>): RequestInput => ({
  receivedDate: `${Y}-03-02`,
  applicant: '孙某',
  applicantType: '自然人',
  method: '网络平台',
  content: '县级科技计划项目立项名单',
  handler: '赵敏',
  answeredDate: `${Y}-03-10`,
  result: '三.一',
  provideMedium: '电子',
  provideWay: '电子邮件',
  provideDate: `${Y}-03-10`,
  ...over,
});
