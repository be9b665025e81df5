// A screen left and opened again is the one the user left (renderer/kept-screens.tsx): the same page, not one built
// anew. It is built anew when something was saved since it was left, and when it was left with work the user chose
// not to save.
import { answerUnsaved, arrange, openScreen, setUpBureau, year } from './arrange';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

// Marked in the page: the same element (not a new one) is what comes back.
const mark = (l: Locator) => l.evaluate((e) => ((e as unknown as { kept: boolean }).kept = true));
const marked = (l: Locator) => l.evaluate((e) => (e as unknown as { kept?: boolean }).kept === true);

test('a screen opened again is the one left; after a save, or work not saved, it is built anew', async ({
  app: page,
  host,
}) => {
  await setUpBureau(host, page, year);
  const saved = (await arrange(host, 'app.status')).bureau?.address ?? '';
  await openScreen(page, '单位与人员');
  const heading = page.getByRole('heading', { name: '单位与人员' });
  await mark(heading);

  await openScreen(page, '培训');
  // Out of sight while another screen is shown: not on screen, nor for assistive technology.
  await expect(heading).toHaveCount(0);
  await openScreen(page, '单位与人员');
  expect(await marked(heading)).toBe(true);

  // A screen with tabs has its tab in the route: the menu opens it there at once (the screen never has to put it
  // there after its first render, which built it twice), and finds it as it was, on the tab it was left on.
  await page.evaluate(`
    window.replaced = 0;
    const replace = window.history.replaceState.bind(window.history);
    window.history.replaceState = (...args) => {
      window.replaced++;
      replace(...args);
    };`);
  const replaced = () => page.evaluate<number>('window.replaced');
  await openScreen(page, '信息公开');
  const disclosure = page.getByRole('heading', { name: '信息公开', exact: true });
  await mark(disclosure);
  await expect(page).toHaveURL(/#\/disclosure\/publications$/);
  await page.getByRole('tab', { name: '依申请公开' }).click();
  await expect(page).toHaveURL(/#\/disclosure\/requests$/);
  await openScreen(page, '培训');
  await openScreen(page, '信息公开');
  await expect(page).toHaveURL(/#\/disclosure\/requests$/);
  await expect(page.getByRole('tab', { name: '依申请公开', selected: true })).toBeVisible();
  expect(await marked(disclosure)).toBe(true);
  expect(await replaced()).toBe(0);
  await openScreen(page, '单位与人员');

  // Work left unsaved (不保存) does not come back with the screen.
  const address = page.getByLabel('地址', { exact: true });
  await address.fill('某县人民路1号');
  await page.getByRole('menuitem', { name: '培训' }).click();
  await answerUnsaved(page, '不保存', '单位信息的修改');
  await expect(page.getByRole('heading', { name: '培训', exact: true })).toBeVisible();
  await openScreen(page, '单位与人员');
  await expect(address).toHaveValue(saved);
  expect(await marked(heading)).toBe(false);

  // A save builds anew every screen that was out of sight meanwhile: none shows what it had before it.
  const training = page.getByRole('heading', { name: '培训', exact: true });
  await openScreen(page, '培训');
  await mark(training);
  await openScreen(page, '单位与人员');
  await address.fill('某县人民路2号');
  await page.getByRole('menuitem', { name: '培训' }).click();
  await answerUnsaved(page, '保存', '单位信息的修改');
  await expect(training).toBeVisible();
  expect((await arrange(host, 'app.status')).bureau?.address).toBe('某县人民路2号');
  expect(await marked(training)).toBe(false);
  await openScreen(page, '单位与人员');
  await expect(address).toHaveValue('某县人民路2号');
});
