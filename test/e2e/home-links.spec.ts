// The home screen's links open what they name, and its sentences say dates as running text does (2026年12月7日).
import { formatChineseDate } from '../../shared/domain/dates';
import { addDays } from '../../shared/domain/working-days';
import { arrange, setUpBureau, today, year } from './arrange';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });
const slow = { timeout: 20_000 };
test.setTimeout(180_000);

test('整改事项（各年度）: an item of last year opens last year’s ledger with it marked; the counts open every year’s open and overdue items', async ({
  app: page,
  host,
}) => {
  await setUpBureau(host, page, year);
  const lastDue = `${year - 1}-12-31`;
  const thisDue = addDays(today, 20);
  const old = await arrange(host, 'rectification.create', {
    year: year - 1,
    problem: '去年栏目更新不及时的问题',
    deadline: lastDue,
    state: '整改中',
  });
  await arrange(host, 'rectification.create', { year, problem: '今年政策解读形式单一', deadline: thisDue });
  // Counted by hand: one open item each year, last year's past its deadline.
  await page.reload();
  const card = page.locator('.ant-card').filter({ hasText: '整改事项（各年度）' });
  await expect(card).toContainText('各年度未销号 2 项', slow);
  await expect(card).toContainText(`时限${formatChineseDate(lastDue)}`);
  await expect(card).not.toContainText(lastDue);

  await card.getByText('去年栏目更新不及时的问题').click();
  await expect(page.getByRole('heading', { name: '自查整改' })).toBeVisible(slow);
  expect(new URL(page.url()).hash).toBe(`#/selfcheck/ledger/${year - 1}/${old.id}`);
  await expect(page.getByLabel('台账年度')).toHaveValue(String(year - 1));
  await expect(page.getByText(`不是工作年度（${year}年）`)).toBeVisible();
  const ledger = page.getByRole('table', { name: '整改台账' }).or(page.getByLabel('整改台账')).first();
  const marked = ledger.locator('tr[aria-current="true"]');
  await expect(marked).toContainText('去年栏目更新不及时的问题', slow);
  await expect(marked).toBeInViewport();
  await expect(ledger).not.toContainText('今年政策解读形式单一');
  await page.getByRole('button', { name: `回到${year}年` }).click();
  await expect(ledger).toContainText('今年政策解读形式单一', slow);
  await expect(ledger).not.toContainText('去年栏目更新不及时的问题');

  await page.goBack();
  await page.goBack();
  await expect(card.getByText('逾期 1 项')).toBeVisible(slow);
  await card.getByText('逾期 1 项').click();
  const filter = page.locator('.ant-select').filter({ has: page.getByRole('combobox', { name: '按状态筛选' }) });
  await expect(filter).toContainText('各年度逾期', slow);
  await expect(ledger).toContainText('去年栏目更新不及时的问题', slow);
  await expect(ledger).not.toContainText('今年政策解读形式单一');
  await expect(ledger.getByRole('columnheader', { name: '年度' })).toBeVisible();
  // The exports are of one year's ledger, and say which.
  await expect(page.getByRole('button', { name: `导出${year}年整改台账` })).toBeVisible();

  await page.goBack();
  await card.getByRole('button', { name: '打开整改台账' }).click();
  await expect(ledger).toContainText('去年栏目更新不及时的问题', slow);
  await expect(ledger).toContainText('今年政策解读形式单一');
});

test('home: a year without a plan says what to do next in 任务预警; the 依申请 card says its dates in words', async ({
  app: page,
  host,
}) => {
  await setUpBureau(host, page, year);
  await arrange(host, 'disclosure.createRequest', {
    receivedDate: today,
    applicant: '张三',
    applicantType: '自然人',
    method: '邮寄',
    content: '本县科技创新券兑付名单',
  });
  const [request] = await arrange(host, 'disclosure.requests', { year });
  await page.reload();
  const lights = page.locator('.ant-card').filter({ hasText: '任务预警' });
  await expect(lights).toContainText('本年度还没有任务', slow);
  const requests = page.locator('.ant-card').filter({ hasText: '打开依申请公开' });
  await expect(requests).toContainText(`${formatChineseDate(today)}收到`, slow);
  await expect(requests).toContainText(`答复期限${formatChineseDate(request.deadline.dueDate!)}`);
  await expect(requests).not.toContainText(today);

  await lights.getByRole('button', { name: '去编制实施方案' }).click();
  await expect(page.getByRole('heading', { name: '实施方案与任务' })).toBeVisible(slow);
});
