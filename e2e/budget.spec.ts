// Journey of issue 6 §1–§3 (budget). Money enters at BHXH Việt Nam and is allocated to Hà Nội (set up over the API);
// the Hà Nội officer allocates 20.000.000 ₫ to Ba Đình for dialogues; the Ba Đình officer records a dialogue's meals
// within the norm TT40-MEAL-PROV (40 attendees × 150.000 ₫), then an over-norm cost that is refused and sent to the
// leaders as an exception; the Hà Nội leader approves it; the Hà Nội officer's summary shows Ba Đình's balance.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { apiSession, createOfficer, unitIdOf } from './support/api.js';
import { openBrowser, type BrowserSession } from './support/browser.js';
import { logIn, navLink } from './support/ui.js';

const PROVINCE_OFFICER = { username: 'kinhphi.hanoi', password: 'Hanoi-budget-2026' };
const DISTRICT_OFFICER = { username: 'kinhphi.badinh', password: 'Badinh-budget-2026' };
const PROVINCE_LEADER = { username: 'duyetchi.hanoi', password: 'Hanoi-approver-2026' };
const DIALOGUE = 'Hội nghị đối thoại';
const JUSTIFICATION = 'Hội nghị kéo dài cả ngày, phục vụ thêm bữa trưa cho đại biểu theo đề nghị của UBND phường.';

/** Today in Vietnam, `yyyy-mm-dd`. */
const vnToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

let browser: BrowserSession;
beforeAll(async () => {
  browser = await openBrowser();
  const admin = await apiSession('admin', inject('adminPassword'));
  try {
    for (const [user, fullName, roles, unitCode] of [
      [PROVINCE_OFFICER, 'Lê Thu Trang', ['province_officer'], 'P01'],
      [DISTRICT_OFFICER, 'Phạm Quốc Bảo', ['district_officer'], 'D001'],
      [PROVINCE_LEADER, 'Đỗ Văn Hùng', ['leader'], 'P01'],
    ] as const)
      await createOfficer(admin, {
        ...user,
        fullName,
        email: `${user.username}@hanoi.vss.gov.vn`,
        roles: [...roles],
        unitCode,
      });
    const year = Number(vnToday().slice(0, 4));
    const root = await unitIdOf(admin, 'BHXHVN');
    const hanoi = await unitIdOf(admin, 'P01');
    const decided = { year, category: 'dialogue', decidedOn: vnToday() };
    await admin.post('/api/budget/allocations', {
      ...decided,
      toUnitId: root,
      source: 'bhxh',
      amount: 500_000_000,
      decisionNo: '01/QĐ-BHXH',
    });
    await admin.post('/api/budget/allocations', {
      ...decided,
      fromUnitId: root,
      toUnitId: hanoi,
      amount: 100_000_000,
      decisionNo: '02/QĐ-BHXH',
    });
  } finally {
    await admin.close();
  }
});
afterAll(async () => browser?.close());

/** Picks the option containing `text` in the select labelled `label` inside `scope`. */
async function choose(page: Page, scope: Locator, label: string, text: string) {
  await scope.getByLabel(label, { exact: true }).click();
  const list = page.locator('.ant-select-dropdown:visible');
  // On a loaded machine a click while the list is still opening can be lost and the list stays open: click again.
  for (let attempt = 1; ; attempt++) {
    await list.locator('.ant-select-item-option', { hasText: text }).first().click();
    try {
      // The list fades out for a moment: wait until it is gone, or it covers the next field.
      await list.first().waitFor({ state: 'detached', timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

async function openBudgetTab(page: Page, tab: string) {
  await navLink(page, 'Kinh phí').click();
  await page.getByTestId(`budget-tab-${tab}`).click();
}

/** Fills the expenditure drawer for the dialogue's meals: 40 attendees under TT40-MEAL-PROV. */
async function fillMeals(page: Page, voucher: string, amount: string) {
  await page.getByTestId('expenditure-new').click();
  const form = page.locator('.ant-drawer-section');
  await choose(page, form, 'Nội dung chi', DIALOGUE);
  await form.getByLabel('Số chứng từ', { exact: true }).fill(voucher);
  await form
    .getByLabel('Nội dung', { exact: true })
    .fill(`Tiền ăn đại biểu hội nghị đối thoại phường Kim Mã (${voucher})`);
  await choose(page, form, 'Định mức áp dụng', 'TT40-MEAL-PROV');
  await form.getByLabel(/^Số lượng/).fill('40');
  await form.getByLabel('Số tiền', { exact: true }).fill(amount);
  return form;
}

describe('a dialogue paid from the budget Hà Nội allocated to Ba Đình', () => {
  it('is allocated by the Hà Nội officer: 20.000.000 ₫ to Ba Đình for dialogues, shown in words', async () => {
    const { page, context } = await browser.newPage();
    await logIn(page, PROVINCE_OFFICER);
    await openBudgetTab(page, 'allocations');
    await page.getByTestId('allocation-new').click();
    const form = page.locator('.ant-drawer-section');
    await choose(page, form, 'Nội dung chi', DIALOGUE);
    await choose(page, form, 'Đơn vị nhận', 'Ba Đình');
    await form.getByLabel('Số tiền', { exact: true }).fill('20.000.000');
    await form.getByTestId('dong-words').getByText('Hai mươi triệu đồng').waitFor();
    await form.getByLabel('Số quyết định', { exact: true }).fill('45/QĐ-BHXH-HN');
    await form.getByTestId('allocation-save').click();
    await page.getByText(/Đã phân bổ kinh phí cho .*Ba Đình/).waitFor();
    const row = page.getByRole('row', { name: /45\/QĐ-BHXH-HN/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('20.000.000 ₫');
    await context.close();
  });

  it('pays the meals within the norm, and an over-norm cost is refused and sent as an exception', async () => {
    const { page, context } = await browser.newPage();
    await logIn(page, DISTRICT_OFFICER);
    await openBudgetTab(page, 'expenditures');

    const within = await fillMeals(page, 'PC-0101', '6.000.000');
    // The limit follows what is typed: 40 × 150.000 ₫.
    await within
      .getByTestId('expenditure-norm-limit')
      .getByText(/Mức tối đa theo định mức: 6\.000\.000 ₫/)
      .waitFor();
    await within.getByTestId('expenditure-save').click();
    await page.getByText('Đã ghi khoản chi, chứng từ PC-0101').waitFor();
    const paid = page.getByRole('row', { name: /PC-0101/ });
    await paid.waitFor();
    expect(await paid.textContent()).toContain('6.000.000 ₫');

    const over = await fillMeals(page, 'PC-0102', '8.000.000');
    await over
      .getByTestId('expenditure-norm-limit')
      .getByText(/vượt mức tối đa theo định mức 6\.000\.000 ₫/)
      .waitFor();
    await over.getByTestId('expenditure-save').click();
    // Warned before sending; the server still refuses, naming the norm's limit under the amount.
    await page.getByRole('button', { name: 'Vẫn gửi' }).click();
    await over.locator('.ant-form-item-explain-error', { hasText: '6.000.000' }).waitFor();
    await over.getByTestId('exception-justification').fill(JUSTIFICATION);
    await over.getByTestId('exception-request').click();
    await page.getByText('Đã gửi đề nghị chi vượt định mức, chờ lãnh đạo duyệt').waitFor();
    // Nothing is spent until a leader approves.
    const spent = await page.evaluate(async () => {
      const response = await fetch('/api/budget/expenditures?q=PC-0102');
      return ((await response.json()) as { total: number }).total;
    });
    expect(spent).toBe(0);
    await context.close();
  });

  it('is approved by the Hà Nội leader from the queue, which records the expenditure', async () => {
    const { page, context } = await browser.newPage();
    await logIn(page, PROVINCE_LEADER);
    await openBudgetTab(page, 'exceptions');
    const request = page.getByRole('row', { name: /PC-0102/ });
    await request.getByText(JUSTIFICATION).waitFor();
    await page.getByTestId('exception-approve-PC-0102').click();
    await page.getByTestId('reason-text').fill('Đồng ý, hội nghị kéo dài cả ngày.');
    await page.getByTestId('reason-ok').click();
    await page.getByText('Đã duyệt, khoản chi đã được ghi').waitFor();
    await context.close();
  });

  it('shows Ba Đình’s balance in the Hà Nội officer’s summary: 20.000.000 in, 14.000.000 spent, 6.000.000 left', async () => {
    const { page, context } = await browser.newPage();
    await logIn(page, PROVINCE_OFFICER);
    await navLink(page, 'Kinh phí').click();
    const child = page.getByTestId('budget-children').getByRole('row', { name: /Ba Đình/ });
    await child.waitFor();
    const figures = (await child.locator('td').allTextContents()).map((text) => text.trim());
    // Unit, estimated, allocated in, allocated onward, spent, committed, remaining.
    expect(figures.slice(1)).toEqual(['0 ₫', '20.000.000 ₫', '0 ₫', '14.000.000 ₫', '0 ₫', '6.000.000 ₫']);
    await child.getByRole('button', { name: /Ba Đình/ }).click();
    await page.getByTestId('budget-card-remaining').getByText('6.000.000 ₫').waitFor();
    await page.getByText('Sáu triệu đồng').waitFor();
    await context.close();
  });
});

describe('the records behind the figures', () => {
  it('opens the approved expenditure with its exception and the amount in words, then the norms and the estimate', async () => {
    const { page, context } = await browser.newPage();
    const crashes: string[] = [];
    page.on('pageerror', (error) => crashes.push(error.message));
    await logIn(page, DISTRICT_OFFICER);
    await openBudgetTab(page, 'expenditures');
    await page.getByRole('link', { name: 'PC-0102' }).click();
    await page.getByRole('heading', { name: 'Khoản chi PC-0102' }).waitFor();
    await page.getByText('Tám triệu đồng').waitFor();
    await page.getByText(/Được Đỗ Văn Hùng duyệt lúc .*: Đồng ý, hội nghị kéo dài cả ngày\./).waitFor();
    await page.getByText(/TT40-MEAL-PROV — .*: 150\.000 ₫ .* × 40 = 6\.000\.000 ₫/).waitFor();

    await openBudgetTab(page, 'norms');
    const norm = page.getByRole('row', { name: /TT40-MEAL-PROV/ });
    await norm.waitFor();
    expect(await norm.textContent()).toContain('150.000 ₫');
    await openBudgetTab(page, 'estimate');
    await page.getByText('Tổng dự toán bằng chữ').waitFor();
    expect(crashes).toEqual([]);
    await context.close();
  });

  it('shows the administrator this year open, with the closing explained before anything is closed', async () => {
    const { page, context } = await browser.newPage();
    const crashes: string[] = [];
    page.on('pageerror', (error) => crashes.push(error.message));
    await logIn(page, { username: 'admin', password: inject('adminPassword') });
    await openBudgetTab(page, 'years');
    const year = page.getByRole('row', { name: new RegExp(`^${vnToday().slice(0, 4)}`) });
    await year.getByText('Đang mở').waitFor();
    await year.getByRole('button', { name: 'Khóa sổ' }).click();
    await page.getByText(/Việc khóa sổ là cuối cùng, không mở lại được/).waitFor();
    await page.getByRole('button', { name: 'Hủy' }).click();
    await openBudgetTab(page, 'norms');
    await page.getByRole('button', { name: 'Sửa TT40-MEAL-PROV' }).click();
    await page.locator('.ant-drawer-section').getByText('Một trăm năm mươi nghìn đồng').waitFor();
    expect(crashes).toEqual([]);
    await context.close();
  });
});
