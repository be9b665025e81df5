// What the workstation exports, it imports: the 人员名单, the AB岗设置表, the 信息发布登记 and the 依申请公开登记 (rows
// still 办理中 included) are exported from one data file, imported into a new one, and give the same records there,
// compared field by field. Real files on both ends: the .xlsx the user would carry to another PC.
import { afterEach, describe, expect, it } from 'vitest';
import type { Input, Method, Output } from '../../../shared/ipc/contract';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';

const NOW = () => new Date(2026, 11, 6, 10, 0, 0);
const open: TestWorkstation[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.cleanup();
});

async function workstation(): Promise<TestWorkstation> {
  const t = await openTestWorkstation({ now: NOW });
  open.push(t);
  return t;
}

/** Calls a method that delivers a file and returns the file as an upload for the other data file. */
async function exported<M extends Method>(t: TestWorkstation, method: M, input?: Input<M>) {
  const file = (await t.call(method, input)) as Output<'staff.export'>;
  const data = t.delivered.at(-1)!.data;
  return { fileName: file.fileName, dataBase64: data.toString('base64') };
}

/** The source's people, posts and holders: every field a person could have filled in. */
async function staffAndPosts(t: TestWorkstation) {
  const office = await t.call('departments.create', { name: '办公室' });
  const tech = await t.call('departments.create', { name: '高新科' });
  const person = (name: string, departmentId: number | null, title: string, phone: string, note = '') =>
    t.call('staff.create', { name, departmentId, title, phone, status: '在岗', note });
  const zhang = await person('张三', office.id, '主任', '0851-1234567', '兼任保密员');
  const li = await person('李四', tech.id, '科长', '13800000001');
  const wang = await person('王五', office.id, '科员', '');
  await person('赵六', null, '', '13900000002', '借调人员');
  await t.call('staff.update', { ...(await t.call('staff.list')).find((s) => s.name === '王五')!, status: '离岗' });
  void wang;
  const posts = await t.call('ab.posts');
  const liaison = posts.find((p) => p.name === '政务公开联络员')!;
  await t.call('ab.updatePost', { id: liaison.id, name: liaison.name, duties: '承担日常联络，报送信息。' });
  await t.call('ab.assign', { postId: liaison.id, role: 'A', staffId: zhang.id, startDate: '2026-03-01' });
  await t.call('ab.assign', { postId: liaison.id, role: 'B', staffId: li.id, startDate: '2026-03-01' });
  const extra = await t.call('ab.createPost', { name: '数据开放专员', duties: '负责公共数据开放目录维护。' });
  await t.call('ab.assign', { postId: extra.id, role: 'A', staffId: li.id, startDate: '2026-03-01' });
}

describe('exports read back into a new data file', () => {
  it('人员名单 and AB岗设置表: same people, 科室, posts, duties and holders', async () => {
    const from = await workstation();
    await staffAndPosts(from);
    const staffFile = await exported(from, 'staff.export');
    const abFile = await exported(from, 'team.export', { kind: 'ab-xlsx', date: '2026-12-01' });

    const to = await workstation();
    const preview = await to.call('staff.importPreview', staffFile);
    expect(preview.errorCount).toBe(0);
    await to.call('staff.importCommit', { ...staffFile, createDepartments: preview.unknownDepartments });
    const ab = await to.call('ab.importPreview', abFile);
    expect(ab.errorCount, JSON.stringify(ab.rows)).toBe(0);
    expect(ab.asOf).toBe('2026-12-01');
    await to.call('ab.importCommit', { ...abFile, startDate: '2026-03-01' });

    const people = async (t: TestWorkstation) =>
      (await t.call('staff.list')).map(({ id: _i, departmentId: _d, ...rest }) => rest);
    expect(await people(to)).toEqual(await people(from));
    const names = async (t: TestWorkstation) => (await t.call('departments.list')).map((d) => d.name);
    expect(await names(to)).toEqual(await names(from));

    const posts = async (t: TestWorkstation) =>
      (await t.call('ab.posts')).map((p) => {
        const holder = (h: (typeof p)['a']) =>
          h && { name: h.name, departmentName: h.departmentName, title: h.title, phone: h.phone, start: h.startDate };
        return { name: p.name, duties: p.duties, active: p.active, a: holder(p.a), b: holder(p.b) };
      });
    const target = await posts(to);
    expect(target).toEqual(await posts(from));
    expect(target.filter((p) => p.a || p.b)).toHaveLength(2);
    // Imported twice: nothing more to do, nothing doubled.
    expect((await to.call('ab.importPreview', abFile)).errorCount).toBe(0);
    await to.call('ab.importCommit', { ...abFile, startDate: '2026-03-01' });
    expect(await posts(to)).toEqual(target);
  });

  it('信息发布登记 and 依申请公开登记 (办理中 included): same records, field by field', async () => {
    const from = await workstation();
    const columns = await from.call('disclosure.columns');
    const policy = await from.call('disclosure.createPublication', {
      title: '某县科学技术局关于科技项目管理的规定',
      publishedDate: '2026-03-10',
      formedDate: '2026-03-02',
      columnId: columns[0].id,
      channel: '门户网站',
      docNumber: '某科发〔2026〕3号',
      link: 'http://www.example.gov.cn/a/1.html',
      source: '某县科学技术局',
      normative: true,
      drafter: '张三',
      draftedDate: '2026-03-03',
      reviewer: '李四',
      reviewedDate: '2026-03-05',
      approver: '王局长',
      approvedDate: '2026-03-06',
      note: '同时在政务新媒体发布',
    });
    await from.call('disclosure.createPublication', {
      title: '《关于科技项目管理的规定》政策解读',
      publishedDate: '2026-03-11',
      columnId: columns[1]?.id ?? columns[0].id,
      channel: '门户网站',
      interpretation: true,
      interpretsId: policy.id,
      drafter: '张三',
      draftedDate: '2026-03-10',
    });
    await from.call('disclosure.createPublication', {
      title: '2026年科技活动周通知',
      publishedDate: '2026-05-20',
      columnId: columns[0].id,
      channel: '政务新媒体',
    });

    const request = (over: Partial<Input<'disclosure.createRequest'>>): Input<'disclosure.createRequest'> => ({
      receivedDate: '2026-04-01',
      applicant: '申请人',
      applicantType: '自然人',
      method: '网络平台',
      content: '申请公开某项目的立项文件',
      ...over,
    });
    await from.call(
      'disclosure.createRequest',
      request({
        applicant: '张某',
        contact: '13700000000，某县某路1号',
        handler: '李四',
        answeredDate: '2026-04-20',
        result: '三.一',
        feeYuan: 100,
        answerNote: '已当面交付复印件',
      }),
    );
    await from.call(
      'disclosure.createRequest',
      request({
        applicant: '某科技有限公司',
        applicantType: '商业企业',
        method: '邮寄',
        receivedDate: '2026-05-06',
        steps: [
          {
            kind: '补正',
            startDate: '2026-05-08',
            toldDate: '2026-05-22',
            endDate: '2026-05-15',
            note: '补充身份证明；另附说明',
          },
          { kind: '征求意见', startDate: '2026-05-18', endDate: '2026-05-28', party: '第三方 某公司' },
          { kind: '延期', startDate: '2026-06-10', days: 20, party: '王局长', toldDate: '2026-06-11' },
        ],
        answeredDate: '2026-06-30',
        result: '三.三.4',
      }),
    );
    // Still being handled: no 答复日期, no result (the export writes 办理中).
    await from.call(
      'disclosure.createRequest',
      request({
        applicant: '李某',
        receivedDate: '2026-11-25',
        content: '申请公开2026年科技经费使用情况',
        steps: [{ kind: '补正', startDate: '2026-11-26', toldDate: '2026-12-10' }],
      }),
    );
    await from.call(
      'disclosure.createRequest',
      request({ applicant: '王某', receivedDate: '2026-12-01', method: '当面提交' }),
    );

    const pubFile = await exported(from, 'disclosure.export', { kind: 'publications-xlsx', year: 2026 });
    const reqFile = await exported(from, 'disclosure.export', { kind: 'requests-xlsx', year: 2026 });

    const to = await workstation();
    const pubs = await to.call('disclosure.importPublications', { upload: pubFile });
    expect(pubs.refused).toEqual([]);
    const reqs = await to.call('disclosure.importRequests', { upload: reqFile });
    expect(reqs.refused).toEqual([]);
    expect(reqs.added).toHaveLength(4);

    const publications = async (t: TestWorkstation) =>
      (await t.call('disclosure.publications', { year: 2026 }))
        .map(({ id: _i, columnId: _c, interpretsId, ...rest }) => ({ ...rest, interprets: interpretsId !== null }))
        .sort((a, b) => a.title.localeCompare(b.title));
    expect(await publications(to)).toEqual(await publications(from));

    const requests = async (t: TestWorkstation) =>
      (await t.call('disclosure.requests', { year: 2026 }))
        .map(({ id: _i, steps, ...rest }) => ({ ...rest, steps: steps.map(({ id: _s, ...s }) => s) }))
        .sort((a, b) => a.receivedDate.localeCompare(b.receivedDate));
    const target = await requests(to);
    expect(target).toEqual(await requests(from));
    expect(target.filter((r) => r.answeredDate === null)).toHaveLength(2);
  });
});
