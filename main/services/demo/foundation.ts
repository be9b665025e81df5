// Demo step: the example bureau (檀溪县科学技术局), its 科室 and staff list (story.ts). The example year is one
// bureau's year: its own name, 主要负责人 and 分管负责人 replace whatever the first-run setup entered, so that every
// document it produces names the bureau whose registers it counts.
import { getBureau, saveBureau } from '../org/bureau';
import { createDepartment } from '../org/departments';
import { createStaff } from '../org/staff';
import { getSetting, setSetting, SettingKey } from '../settings';
import { BUREAU_CONTACT, BUREAU_NAME, COUNTY, DEPARTMENTS, STAFF, type DeptName } from './story';
import type { DemoStep } from './types';

/** Office telephones: one line per 科室, one per 局领导 (numbers of the fictional bureau's switchboard range). */
function officePhone(dept: DeptName | null, name: string): string {
  const leaders = ['林建华', '周立新', '何晓梅'];
  const n = dept ? 10 + DEPARTMENTS.indexOf(dept) : 1 + leaders.indexOf(name);
  return `0739-52160${String(n).padStart(2, '0')}`;
}

export const foundationDemoStep: DemoStep = {
  name: '单位、科室与人员',
  async run(ctx, state) {
    const before = await getBureau(ctx);
    await saveBureau(ctx, {
      fullName: BUREAU_NAME,
      shortName: '县科技局',
      region: COUNTY,
      head: BUREAU_CONTACT.head,
      leader: BUREAU_CONTACT.leader,
      contact: '陈思远',
      phone: BUREAU_CONTACT.phone,
      address: BUREAU_CONTACT.address,
      postcode: BUREAU_CONTACT.postcode,
      website: BUREAU_CONTACT.website,
    });
    const year = Number(await getSetting(ctx, SettingKey.currentYear));
    if (year) state.year = year;
    else await setSetting(ctx, SettingKey.currentYear, String(state.year));
    for (const name of DEPARTMENTS) {
      const d = await createDepartment(ctx, name);
      state.departments.set(name, d.id);
      state.staff.set(name, []);
    }
    for (const p of STAFF) {
      const s = await createStaff(ctx, {
        name: p.name,
        departmentId: p.dept ? state.departments.get(p.dept)! : null,
        title: p.title,
        phone: officePhone(p.dept, p.name),
        status: '在岗',
        note: '',
      });
      state.people.set(p.name, s.id);
      if (p.dept) state.staff.get(p.dept)!.push(s.id);
    }
    const replaced = before && before.fullName !== BUREAU_NAME ? `，代替了设置时填写的“${before.fullName}”` : '';
    return [
      `单位：${BUREAU_NAME}（虚构的示例单位${replaced}；局长${BUREAU_CONTACT.head}，分管政务公开的副局长${BUREAU_CONTACT.leader}），工作年度 ${state.year}年`,
      `科室 ${DEPARTMENTS.length} 个、人员 ${STAFF.length} 名`,
    ];
  },
};
