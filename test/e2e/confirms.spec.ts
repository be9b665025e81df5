// Questions before a click deletes stored work, at 1366×768 (renderer/components/destructive.ts): each names the
// record and what goes with it, opens with the focus on 取消 so an Enter pressed out of habit keeps everything — each
// time it opens, not only the first —, and its red OK deletes. Three screens: a task in its drawer (with its progress
// and evidence file), a training row, a person (a modal question). And forms that held unsaved work without the
// app's one leave question now ask it: 单位信息, the 章节 names, a new 栏目.
import type { Locator, Page } from '@playwright/test';
import { answerUnsaved, arrange, openScreen, seedStaff, setUpBureau, today, year } from './arrange';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

/** The small question beside a button, once it stands still (antd zooms it in). */
async function openedPopover(page: Page): Promise<Locator> {
  const pop = page.locator('.ant-popover:visible');
  await expect(pop).toBeVisible();
  await expect(page.locator('.ant-popover.ant-zoom-big-appear, .ant-popover.ant-zoom-big-enter')).toHaveCount(0);
  return pop;
}

/** Enter on the question just opened: the focus is on 取消, so it closes and deletes nothing. */
async function enterKeeps(page: Page, question: Locator): Promise<void> {
  await expect(question.getByRole('button', { name: '取消' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(question).toBeHidden();
}

const count = (host: Parameters<typeof arrange>[0], sql: string, ...args: unknown[]) =>
  (
    ('workstation' in host ? host.workstation : host)
      .context()
      .raw.prepare(sql)
      .get(...args) as { n: number }
  ).n;

test('删除任务 in the task drawer: Enter keeps the task, its progress and file; 连同进展一并删除 deletes them', async ({
  app: page,
  host,
}) => {
  await setUpBureau(host, page, year);
  await arrange(host, 'plan.save', { year, title: `${year}年政务公开实施方案` });
  const plan = await arrange(host, 'plan.createSection', { year, title: '一、重点任务' });
  const title = '做好政府信息公开年度报告编制发布';
  const task = await arrange(host, 'tasks.create', {
    sectionId: plan.sections[0].id,
    title,
    deadline: { kind: 'date', date: `${year}-12-31` },
    status: '进行中',
    completedOn: null,
  });
  await arrange(host, 'tasks.addProgress', {
    taskId: task.id,
    date: today,
    text: '已起草年报初稿。',
    percent: 50,
    files: [{ fileName: '年报初稿.txt', dataBase64: Buffer.from('初稿').toString('base64') }],
  });
  const attachments = () => count(host, `SELECT count(*) AS n FROM attachment`);
  expect(attachments()).toBe(1);

  await page.reload();
  await openScreen(page, '实施方案与任务');
  await page.getByRole('link', { name: title, exact: true }).first().click();
  const drawer = page.locator('.ant-drawer-open');
  await expect(drawer.getByLabel('工作任务', { exact: true })).toHaveValue(title);

  const deleteTask = drawer.getByRole('button', { name: '删除任务' });
  await deleteTask.click();
  let question = await openedPopover(page);
  await expect(question).toContainText(`删除任务“${title}”？`);
  await expect(question).toContainText('1 条进展记录和 1 项佐证材料将一并删除。删除后不能恢复。');
  await expect(question).toContainText('建议把状态改为“不适用”');
  const ok = question.getByRole('button', { name: '连同进展一并删除' });
  await expect(ok).toHaveClass(/ant-btn-dangerous/);
  const box = await ok.boundingBox();
  expect(box!.x + box!.width <= 1366 && box!.y + box!.height <= 768).toBe(true);
  await page.screenshot({ path: test.info().outputPath('task-delete-question.png') });
  await enterKeeps(page, question);
  // Opened again (with the keyboard this time), the focus is on 取消 again.
  await deleteTask.focus();
  await page.keyboard.press('Enter');
  question = await openedPopover(page);
  await enterKeeps(page, question);
  expect((await arrange(host, 'tasks.get', { id: task.id })).progress).toHaveLength(1);
  expect(attachments()).toBe(1);
  await expect(drawer).toBeVisible();

  await deleteTask.click();
  question = await openedPopover(page);
  await question.getByRole('button', { name: '连同进展一并删除' }).click();
  await expect(page.getByText('任务已删除')).toBeVisible();
  await expect(drawer).toHaveCount(0);
  expect(count(host, `SELECT count(*) AS n FROM plan_task WHERE id = ?`, task.id)).toBe(0);
  expect(count(host, `SELECT count(*) AS n FROM plan_progress`)).toBe(0);
  expect(attachments()).toBe(0);
  await expect(page.getByRole('link', { name: title, exact: true })).toHaveCount(0);
});

test('删除 in the 培训 list and 删除人员: Enter keeps the record, the red OK deletes it', async ({
  app: page,
  host,
}) => {
  await setUpBureau(host, page, year);
  await seedStaff(
    host,
    ['办公室'],
    [
      ['张三', '办公室', '科员'],
      ['李四', '办公室', '科员'],
      ['王五', '办公室', '科员'],
    ],
  );
  const staff = await arrange(host, 'staff.list');
  const training = await arrange(host, 'training.create', {
    date: today,
    title: '政府信息公开条例专题学习',
    kind: '政务公开专题培训',
    form: '集中授课',
    status: '已举办',
    hours: 2,
    attendees: staff.filter((s) => s.name !== '王五').map((s) => ({ staffId: s.id, present: true })),
  });
  const trainings = () => count(host, `SELECT count(*) AS n FROM training WHERE id = ?`, training.id);

  // A list row: the small question beside 删除.
  await page.reload();
  await page.getByRole('menuitem', { name: '培训' }).click();
  const row = page.getByRole('row').filter({ hasText: '政府信息公开条例专题学习' });
  await row.getByRole('button', { name: '删除' }).click();
  let question = await openedPopover(page);
  await expect(question).toContainText('删除培训“政府信息公开条例专题学习”？');
  await expect(question).toContainText('2 名参训人员的记录将一并删除。删除后不能恢复。');
  await enterKeeps(page, question);
  expect(trainings()).toBe(1);
  await row.getByRole('button', { name: '删除' }).click();
  question = await openedPopover(page);
  await question.getByRole('button', { name: '删除' }).click();
  await expect(page.getByText('已删除')).toBeVisible();
  await expect(row).toHaveCount(0);
  expect(trainings()).toBe(0);

  // A modal question (单位与人员 → 删除人员): the same buttons.
  await openScreen(page, '单位与人员');
  const person = page.getByRole('row').filter({ hasText: '王五' });
  const ask = page.getByRole('dialog', { name: '删除人员“王五”？' });
  await person.getByRole('button', { name: '删除' }).click();
  await expect(ask).toContainText('删除后不能恢复。');
  await expect(page.locator('.ant-modal-wrap').locator('.ant-zoom-appear, .ant-zoom-enter')).toHaveCount(0);
  await expect(ask.getByRole('button', { name: '删除' })).toHaveClass(/ant-btn-dangerous/);
  await enterKeeps(page, ask);
  expect(count(host, `SELECT count(*) AS n FROM staff WHERE name = '王五'`)).toBe(1);
  await person.getByRole('button', { name: '删除' }).click();
  await expect(page.locator('.ant-modal-wrap').locator('.ant-zoom-appear, .ant-zoom-enter')).toHaveCount(0);
  await ask.getByRole('button', { name: '删除' }).click();
  await expect(person).toHaveCount(0);
  expect(count(host, `SELECT count(*) AS n FROM staff WHERE name = '王五'`)).toBe(0);
});

test('unsaved 单位信息, 章节 names and a new 栏目 ask 保存 / 不保存 / 取消 before they are closed away', async ({
  app: page,
  host,
}) => {
  await setUpBureau(host, page, year);
  await arrange(host, 'plan.save', { year, title: `${year}年政务公开实施方案` });
  await arrange(host, 'plan.createSection', { year, title: '一、重点任务' });

  // 单位信息 on 单位与人员: leaving by the menu asks; 取消 stays with the words, 保存 stores them and leaves.
  await openScreen(page, '单位与人员');
  const address = page.getByLabel('地址', { exact: true });
  await address.fill('某县人民路1号');
  await page.getByRole('menuitem', { name: '首页' }).click();
  await answerUnsaved(page, '取消', '单位信息的修改');
  await expect(address).toHaveValue('某县人民路1号');
  await page.getByRole('menuitem', { name: '首页' }).click();
  await answerUnsaved(page, '保存', '单位信息的修改');
  await expect(page.getByRole('heading', { name: '首页' })).toBeVisible();
  expect((await arrange(host, 'app.status')).bureau?.address).toBe('某县人民路1号');

  // A 章节 name typed but not saved: closing the dialog asks; 保存 renames it.
  await openScreen(page, '实施方案与任务');
  await page.getByRole('button', { name: '章节', exact: true }).click();
  const sections = page.getByRole('dialog', { name: '章节' });
  await sections.getByLabel('第1章节名称').fill('一、加强重点领域公开');
  await page.keyboard.press('Escape');
  await answerUnsaved(page, '取消', '章节名称的修改');
  await expect(sections.getByLabel('第1章节名称')).toHaveValue('一、加强重点领域公开');
  await sections.getByRole('button', { name: '关闭' }).last().click();
  await answerUnsaved(page, '保存', '章节名称的修改');
  await expect(sections).toBeHidden();
  expect((await arrange(host, 'plan.get', { year }))?.sections.map((s) => s.title)).toEqual(['一、加强重点领域公开']);

  // A new 栏目 typed and not added: closing asks; 不保存 adds nothing.
  await page.getByRole('menuitem', { name: '信息公开' }).click();
  await page.getByRole('button', { name: '管理栏目' }).click();
  const columns = page.getByRole('dialog', { name: '公开目录（栏目）' });
  const before = (await arrange(host, 'disclosure.columns')).length;
  await columns.getByPlaceholder('新栏目名称').fill('专项公开');
  await page.keyboard.press('Escape');
  await answerUnsaved(page, '不保存', '栏目的修改');
  await expect(columns).toBeHidden();
  expect(await arrange(host, 'disclosure.columns')).toHaveLength(before);
});
