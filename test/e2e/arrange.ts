// What the e2e specs start from, written once: a bureau and year set up through the host's own dispatch(), 科室 and
// people through the organisation services, a screen opened from the menu, and the few antd inputs every dialog has.
// Only the arranging happens here; what a spec checks stays in the spec.
import fs from 'node:fs';
import path from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
import { dispatch } from '../../main/ipc/dispatch';
import { loadDemo } from '../../main/services/demo';
import { loadHandlers } from '../../main/ipc/handlers';
import { createDepartment } from '../../main/services/org/departments';
import { createStaff } from '../../main/services/org/staff';
import { listSourceDocuments } from '../../main/services/points/documents';
import { Workstation } from '../../main/services/workstation';
import type { WebHost } from '../../main/web/server';
import type { StaffStatus } from '../../shared/domain/org';
import { localIsoDate } from '../../shared/domain/dates';
import type { Input, Method, Output } from '../../shared/ipc/contract';
import { completeSetup, expect } from './fixtures';

/** The machine's today and working year, as the app sees them. */
export const today = localIsoDate(new Date());
export const year = Number(today.slice(0, 4));

export const BUREAU = {
  fullName: '某县科学技术局',
  shortName: '县科技局',
  region: '某县',
  head: '',
  leader: '',
  contact: '',
  phone: '',
};

/** Calls dispatch() as the renderer would, to arrange what a test starts from (the UI is exercised for what it checks). */
export async function arrange<M extends Method>(
  target: WebHost | Workstation,
  method: M,
  input?: Input<M>,
): Promise<Output<M>> {
  const ws = target instanceof Workstation ? target : target.workstation;
  const r = await dispatch(await loadHandlers(), ws, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as Output<M>;
}

/** The bureau and working year set up without the first-run screen (that screen has its own test), page reloaded. */
export async function setUpBureau(host: WebHost, page: Page, workingYear = 2026): Promise<void> {
  await arrange(host, 'app.setup', { bureau: BUREAU, year: workingYear });
  await page.reload();
}

/** Opens a screen from the side menu and waits for its heading (the menu label unless told). */
export async function openScreen(
  page: Page,
  menu: string,
  options: { heading?: string; timeout?: number } = {},
): Promise<void> {
  await page.getByRole('menuitem', { name: menu }).click();
  await expect(page.getByRole('heading', { name: options.heading ?? menu })).toBeVisible({ timeout: options.timeout });
}

/**
 * 科室 (in the order given) and people, entered through the same services the org screen uses (that screen has its own
 * test). A person is [name, 科室, 职务, status (在岗 unless told)].
 */
export async function seedStaff(
  host: WebHost,
  departments: string[],
  people: [string, string, string, StaffStatus?][],
): Promise<void> {
  const ctx = host.workstation.context();
  const ids = new Map<string, number>();
  for (const name of departments) ids.set(name, (await createDepartment(ctx, name)).id);
  for (const [name, dept, title, status] of people) {
    await createStaff(ctx, {
      name,
      departmentId: ids.get(dept)!,
      title,
      phone: '',
      status: status ?? '在岗',
      note: '',
    });
  }
}

/** Types an ISO date into a DateField of the scope (a dialog or drawer) and confirms it with Enter. */
export async function fillDate(scope: Locator, label: string, iso: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  // Retried until the field holds the date: typed while a dialog still opened, the text was once taken back by the
  // dialog's own focus on its first field.
  await expect(async () => {
    await input.click();
    await input.fill(iso);
    await input.press('Enter');
    await expect(input).toHaveValue(iso, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

/** Picks an option of an antd Select in the open dialog by typing it and pressing Enter (the dropdown filters as one types). */
export async function pick(page: Page, label: string, option: string): Promise<void> {
  const box = page.getByRole('dialog').getByLabel(label, { exact: true });
  await box.click();
  await box.pressSequentially(option);
  await page.locator('.ant-select-item-option-active').filter({ hasText: option }).waitFor();
  await box.press('Enter');
  await page.getByRole('dialog').locator('.ant-modal-title').click();
}

/**
 * Fills a person field (renderer/components/PersonField.tsx) of `scope` by typing the name: picks the staff member,
 * or, for a name not on the staff list (`outsider`), the offered "使用“…”" option, with Enter once it is the active
 * one. (A click missed once under load: the options are rebuilt as each character is typed.)
 */
export async function pickPerson(
  page: Page,
  scope: Locator,
  label: string,
  name: string,
  opts: { outsider?: boolean } = {},
): Promise<void> {
  const box = scope.getByLabel(label, { exact: true });
  await box.click();
  await box.pressSequentially(name);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option-active')
    .filter({ hasText: opts.outsider ? `使用“${name}”` : name })
    .waitFor();
  await box.press('Enter');
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

/**
 * Answers the 保存修改吗？ question (after checking it names `what`) once it has finished opening, and waits until it
 * has gone. A click during antd's zoom-in can be lost on the busy 2-core machine: the press reaches the button, which
 * then moves from under the pointer before the release, so no click happens and the question stays open.
 */
export async function answerUnsaved(page: Page, choice: '保存' | '不保存' | '取消', what?: string): Promise<void> {
  const ask = page.getByRole('dialog', { name: '保存修改吗？' });
  await expect(ask).toBeVisible();
  if (what) await expect(ask).toContainText(`${what}还没有保存`);
  await expect(page.locator('.ant-modal-wrap').locator('.ant-zoom-appear, .ant-zoom-enter')).toHaveCount(0);
  await ask.getByRole('button', { name: choice, exact: true }).click();
  await expect(ask).toHaveCount(0);
}

/** The bytes of a file the page delivered as a download. */
export async function saved(download: Download): Promise<Buffer> {
  return fs.readFileSync(await download.path());
}

/**
 * Picks an option of an antd Select in `scope` by its title; retried, since a click during the dropdown's opening can
 * miss. For selects whose options are not typed (filters on a screen, selects in a drawer).
 */
export async function pickIn(page: Page, scope: Page | Locator, label: string, option: string): Promise<void> {
  await expect(async () => {
    const box = scope.getByLabel(label, { exact: true });
    if ((await box.getAttribute('aria-expanded')) !== 'true') await box.click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click({ timeout: 2000 });
    await expect(
      scope
        .locator('.ant-select')
        .filter({ has: page.getByLabel(label, { exact: true }) })
        .getByTitle(option, { exact: true }),
    ).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
}

/** Imports the province sample (test/fixtures/samples, moved to this year) on the 上级要点 screen by pasting its text. */
export async function importProvinceSample(page: Page, host: WebHost): Promise<void> {
  const text = fs
    .readFileSync(path.resolve('test/fixtures/samples/work-points-province-2020.txt'), 'utf8')
    .replaceAll('2020年', `${year}年`);
  await page.getByRole('menuitem', { name: '上级要点' }).click();
  await page.getByRole('button', { name: '导入上级文件' }).first().click();
  await page.getByRole('tab', { name: '粘贴文字' }).click();
  await page.getByLabel('粘贴的文字').fill(text);
  await page.getByRole('button', { name: '识别粘贴的文字' }).click();
  // Reading the text runs in the parser worker: on a busy machine it takes a few seconds.
  await expect(page.getByText(/共 42 条/)).toBeVisible({ timeout: 30_000 });
  // The sample has no title line: the import asks for one.
  await page.getByLabel('文件标题').fill(`${year}年全省政务公开工作要点`);
  await page.getByRole('button', { name: '保存' }).click();
  await expect.poll(async () => (await listSourceDocuments(host.workstation.context(), year)).length).toBe(1);
}

/**
 * The example year (a bureau set up on the first-run screen, the example data loaded) with 年度总结 open on its draft;
 * gives the 修改 button of its training paragraph (“（…）加强队伍建设”) and the box that paragraph is written in.
 */
export async function openExampleSummary(page: Page, host: WebHost): Promise<{ edit: Locator; box: Locator }> {
  await completeSetup(page, year);
  await loadDemo(host.workstation.context());
  await page.reload();
  await page.getByRole('menuitem', { name: '年度总结' }).click();
  await expect(page.getByText('一、主要做法和成效')).toBeVisible({ timeout: 30_000 });
  return {
    edit: page.getByRole('button', { name: /^修改：（.）加强队伍建设/ }),
    box: page.getByRole('textbox', { name: '段落文字' }),
  };
}

/** The built-in 考核细则 (the starter) saved as `year`'s; returns it. */
export async function saveStarterTemplate(host: WebHost, year: number): Promise<Output<'selfcheck.starterPreview'>> {
  const starter = await arrange(host, 'selfcheck.starterPreview');
  await arrange(host, 'selfcheck.saveTemplate', {
    year,
    title: starter.title,
    total: starter.total,
    indicators: starter.indicators,
    source: 'builtin',
  });
  return starter;
}
