import { afterEach, describe, expect, it } from 'vitest';
import { SETTINGS } from '../../../main/services/settings';
import { TEAM_SETTING } from '../../../shared/domain/team-settings';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';

const open: TestWorkstation[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.cleanup();
});
async function testWs() {
  const t = await openTestWorkstation({ now: () => new Date(2026, 4, 6, 9) });
  open.push(t);
  return t;
}
/** A value put straight into the file, as an older program or a hand edit would. */
const store = (t: TestWorkstation, key: string, value: string) =>
  t.ws
    .context()
    .raw.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(key, value);

describe('settings', () => {
  it.each(['99999', '-5', '2026.5', '', '二〇二六', '1e4'])(
    'a stored working year of "%s" never breaks app.status: this year, with a warning',
    async (bad) => {
      const t = await testWs();
      store(t, 'app.currentYear', bad);
      // Also after a restart.
      t.ws.close();
      t.ws.open();
      const status = await t.call('app.status');
      expect(status).toMatchObject({ state: 'ready', year: 2026 });
      expect(status.settingWarnings).toHaveLength(1);
      expect(status.settingWarnings![0]).toMatch(/工作年度/);
      expect(status.settingWarnings![0]).toContain('2026');
      // The year can be set again, which clears the warning.
      await t.call('app.setYear', { year: 2025 });
      expect(await t.call('app.status')).toMatchObject({ year: 2025 });
      expect((await t.call('app.status')).settingWarnings).toBeUndefined();
    },
  );

  it('refuses unknown keys, internal keys and bad values with a Chinese message, storing nothing', async () => {
    const t = await testWs();
    const before = await t.call('settings.getAll');
    await expect(t.call('settings.set', { key: 'no.such.key', value: '1' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('没有名为“no.such.key”的设置项'),
    });
    await expect(
      t.call('settings.set', { key: 'data.fileId', value: '00000000-0000-0000-0000-000000000000' }),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('不能修改') });
    for (const [key, value] of [
      ['app.currentYear', '99999'],
      ['app.currentYear', '-5'],
      ['app.currentYear', '2026.5'],
      ['plan.dueSoonDays', '1000000000'],
      ['plan.dueSoonDays', '0'],
      ['calendar.overrides', '{not json'],
      ['calendar.overrides', '[{"date":"x","kind":"holiday"}]'],
      [TEAM_SETTING.filingWorkingDays, '61'],
    ]) {
      await expect(t.call('settings.set', { key, value }), `${key}=${value}`).rejects.toMatchObject({
        code: 'VALIDATION',
        message: expect.stringMatching(/[\u4e00-\u9fa5]/),
      });
    }
    expect(await t.call('settings.getAll')).toEqual(before);
  });

  it('accepts good values and records the change in the audit trail', async () => {
    const t = await testWs();
    await t.call('settings.set', { key: 'plan.dueSoonDays', value: '10' });
    expect((await t.call('settings.getAll'))['plan.dueSoonDays']).toBe('10');
    const entry = (await t.call('audit.list', { entity: 'setting', limit: 5 }))[0];
    expect(entry.summary).toContain('即将到期提醒天数');
  });

  it('a bad stored value of any area falls back for its readers and is named in a warning', async () => {
    const t = await testWs();
    store(t, 'plan.dueSoonDays', '1000000000');
    store(t, TEAM_SETTING.minHoursPerPerson, '-3');
    store(t, 'calendar.overrides', '[oops');
    const all = await t.call('settings.getAll');
    expect(all['plan.dueSoonDays']).toBeUndefined();
    expect(all['calendar.overrides']).toBeUndefined();
    const status = await t.call('app.status');
    expect(status.settingWarnings).toHaveLength(3);
    expect(status.settingWarnings!.join('\n')).toMatch(
      /即将到期提醒天数[\s\S]*放假与调休安排|放假与调休安排[\s\S]*即将到期提醒天数/,
    );
    expect(await t.call('team.settings')).toMatchObject({ minHoursPerPerson: expect.any(Number) });
  });

  it('every registered key has a Chinese label and a schema that accepts its own fallback', () => {
    const ctx = { now: () => new Date(2026, 0, 1) } as never;
    for (const [key, def] of Object.entries(SETTINGS)) {
      expect(def.label, key).toMatch(/[\u4e00-\u9fa5]/);
      const fb = def.fallback(ctx);
      if (fb !== null) expect(def.schema.safeParse(fb).success, key).toBe(true);
    }
  });
});
