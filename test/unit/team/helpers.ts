import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';

export interface TeamFixture extends TestWorkstation {
  staff: Record<string, number>;
  postId(name: string): Promise<number>;
  /** Moves the pinned clock. */
  setToday(iso: string): void;
}

/** A set-up workstation on a real temp SQLite file with two departments and five people, clock pinned to `today`. */
export async function openTeamFixture(today = '2025-10-09', year = 2025): Promise<TeamFixture> {
  let now = new Date(`${today}T10:00:00`);
  const t = await openTestWorkstation({ year, now: () => now });
  const office = await t.call('departments.create', { name: '办公室' });
  const tech = await t.call('departments.create', { name: '高新科' });
  const staff: Record<string, number> = {};
  for (const [name, dept, title] of [
    ['张三', office.id, '主任'],
    ['李四', office.id, '科员'],
    ['王五', tech.id, '科长'],
    ['赵六', tech.id, '科员'],
    ['钱七', office.id, '副主任'],
  ] as const) {
    staff[name] = (
      await t.call('staff.create', { name, departmentId: dept, title, phone: '0851-1234567', status: '在岗', note: '' })
    ).id;
  }
  return {
    ...t,
    staff,
    async postId(name) {
      const p = (await t.call('ab.posts')).find((x) => x.name === name);
      if (!p) throw new Error(`no post ${name}`);
      return p.id;
    },
    setToday(iso) {
      now = new Date(`${iso}T10:00:00`);
    },
  };
}
