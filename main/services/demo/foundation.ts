// Demo step: the bureau, its 科室 and people.
import { getBureau, saveBureau } from '../org/bureau';
import { createDepartment } from '../org/departments';
import { createStaff } from '../org/staff';
import { getSetting, setSetting, SettingKey } from '../settings';
import type { DemoStep } from './types';

const DEPARTMENTS: [string, [string, string][]][] = [
  [
    '办公室',
    [
      ['张明', '办公室主任'],
      ['李静', '政务公开联络员'],
      ['王芳', '网站信息发布员'],
    ],
  ],
  [
    '政策法规科',
    [
      ['赵强', '科长'],
      ['孙丽', '依申请公开办理员'],
    ],
  ],
  [
    '高新技术科',
    [
      ['周伟', '科长'],
      ['吴娜', '科员'],
    ],
  ],
  ['农村科技科', [['郑磊', '科长']]],
  ['科技合作与成果转化科', [['陈晨', '科长']]],
  ['财务科', [['冯雪', '科长']]],
];

export const foundationDemoStep: DemoStep = {
  name: '单位、科室与人员',
  async run(ctx, state) {
    if (!(await getBureau(ctx))) {
      await saveBureau(ctx, {
        fullName: '某县科学技术局',
        shortName: '县科技局',
        region: '某县',
        head: '刘局长',
        leader: '何副局长',
        contact: '李静',
        phone: '0851-1234567',
      });
    }
    const year = Number(await getSetting(ctx, SettingKey.currentYear));
    if (year) state.year = year;
    else await setSetting(ctx, SettingKey.currentYear, String(state.year));
    let people = 0;
    for (const [name, staff] of DEPARTMENTS) {
      const d = await createDepartment(ctx, name);
      state.departments.set(name, d.id);
      const ids: number[] = [];
      for (const [person, title] of staff) {
        ids.push(
          (await createStaff(ctx, { name: person, departmentId: d.id, title, phone: '', status: '在岗', note: '' })).id,
        );
        people++;
      }
      state.staff.set(name, ids);
    }
    return [`单位：某县科学技术局，工作年度 ${state.year}年`, `科室 ${DEPARTMENTS.length} 个、人员 ${people} 名`];
  },
};
