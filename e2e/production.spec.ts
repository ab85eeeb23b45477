// Journey (issue 4): a province officer makes an infographic with an image and asks Ban Thu to appraise it; the
// Ban Thu officer approves it from the unit's queue; the product is published with a URL, and its page shows the
// publication.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { apiSession, createOfficer } from './support/api.js';
import { openBrowser, type BrowserSession } from './support/browser.js';
import { logIn, navLink } from './support/ui.js';
import { pngImage } from './support/png.js';

const PROVINCE = { username: 'sx.hanoi', password: 'Hanoi-producer-2026' };
const BAN_THU = { username: 'thu.thamdinh', password: 'BanThu-appraiser-2026' };
const TITLE = 'Infographic: 5 lợi ích của BHXH tự nguyện';
const URL = 'https://baohanoi.example.vn/infographic-bhxh-tu-nguyen';

let browser: BrowserSession;
beforeAll(async () => {
  browser = await openBrowser();
  const admin = await apiSession('admin', inject('adminPassword'));
  try {
    await createOfficer(admin, {
      ...PROVINCE,
      fullName: 'Đỗ Thị Hồng Nhung',
      email: 'nhung.dth@hanoi.vss.gov.vn',
      roles: ['province_officer'],
      unitCode: 'P01',
    });
    await createOfficer(admin, {
      ...BAN_THU,
      fullName: 'Lê Quang Huy',
      email: 'huy.lq@vss.gov.vn',
      roles: ['unit_officer'],
      unitCode: 'THU',
    });
  } finally {
    await admin.close();
  }
});
afterAll(async () => browser?.close());

/** Picks the option whose text contains `text` in the antd select labelled `label` inside `scope`. */
async function choose(page: Page, scope: ReturnType<Page['getByRole']>, label: string, text: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

async function openProduct(page: Page) {
  await navLink(page, 'Sản phẩm truyền thông').click();
  await page.getByTestId('products-table').getByText(TITLE).click();
  await page.getByRole('heading', { name: TITLE }).waitFor();
}

describe('an infographic from a province, appraised by Ban Thu and published', () => {
  it('is made by the Hà Nội officer with an image and sent to Ban Thu for appraisal', async () => {
    const { page, context } = await browser.newPage();
    await logIn(page, PROVINCE);
    await navLink(page, 'Sản phẩm truyền thông').click();
    await page.getByTestId('create-product').click();
    const form = page.getByRole('dialog');
    await choose(page, form, 'Loại sản phẩm', 'Infographic');
    await form.getByLabel('Tên sản phẩm').fill(TITLE);
    await choose(page, form, 'Chủ đề', 'II.2.a');
    await page.keyboard.press('Escape');
    await form.getByTestId('product-submit').click();
    await page.getByRole('heading', { name: TITLE }).waitFor();

    await page.getByRole('tab', { name: 'Tệp' }).click();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'loi-ich-bhxh-tu-nguyen.png', mimeType: 'image/png', buffer: pngImage(96, 64) });
    await page.getByRole('tabpanel').getByText('loi-ich-bhxh-tu-nguyen.png').waitFor();

    await page.getByRole('tab', { name: 'Thẩm định' }).click();
    await page.getByRole('button', { name: 'Đề nghị thẩm định' }).click();
    const request = page.getByRole('dialog', { name: 'Đề nghị thẩm định sản phẩm' });
    // Theme II.2.a (voluntary BHXH) is suggested to Ban Thu and Ban CSXH, both chosen already; this one is for Ban Thu.
    const chosen = (name: string) => request.locator('.ant-select-selection-item', { hasText: name });
    await chosen('Ban Thu').waitFor();
    await chosen('Ban Thực hiện chính sách BHXH').locator('.ant-select-selection-item-remove').click();
    await chosen('Ban Thực hiện chính sách BHXH').waitFor({ state: 'detached' });
    await request.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await page.getByText('Đã gửi đề nghị thẩm định').waitFor();
    // Not ready until Ban Thu approves.
    const ready = page.getByRole('button', { name: 'Đánh dấu sẵn sàng đăng phát' });
    await ready.waitFor();
    expect(await ready.isDisabled()).toBe(true);
    await context.close();
  });

  it('is approved by the Ban Thu officer from the unit’s appraisal queue', async () => {
    const { page, context } = await browser.newPage();
    await logIn(page, BAN_THU);
    await navLink(page, 'Hàng chờ thẩm định').click();
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await page.getByRole('tab', { name: 'Thẩm định' }).click();
    await page.getByRole('button', { name: 'Cho ý kiến thẩm định' }).click();
    const opinion = page.getByRole('dialog');
    await opinion.getByLabel('Nhận xét').fill('Số liệu mức hỗ trợ đóng đúng quy định hiện hành.');
    await opinion.getByRole('button', { name: 'Ký ý kiến' }).click();
    await page.getByText('Đã ghi nhận ý kiến thẩm định').waitFor();
    await page.getByText('Lê Quang Huy ký ngày', { exact: false }).waitFor();
    await context.close();
  });

  it('is marked ready and published with its URL, which the product page shows', async () => {
    const { page, context } = await browser.newPage();
    await logIn(page, PROVINCE);
    await openProduct(page);
    await page.getByRole('tab', { name: 'Thẩm định' }).click();
    await page.getByRole('button', { name: 'Đánh dấu sẵn sàng đăng phát' }).click();
    await page.getByText('Sản phẩm đã sẵn sàng đăng phát').waitFor();

    await page.getByRole('tab', { name: 'Đăng phát' }).click();
    await page.getByRole('button', { name: 'Thêm đăng phát' }).click();
    const form = page.getByRole('dialog');
    await choose(page, form, 'Kênh', 'Cổng thông tin điện tử');
    await form.getByLabel('Cơ quan, trang đăng phát').fill('Báo Hà Nội Mới điện tử');
    await form.getByLabel('Liên kết').fill(URL);
    // The time of publication: this very minute, as the officer reads it off the clock of the browser.
    const now = await page.evaluate(() => {
      const d = new Date();
      const two = (n: number) => String(n).padStart(2, '0');
      return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
    });
    const when = form.getByLabel('Thời điểm đăng phát');
    await when.click();
    await when.fill(now);
    await page.locator('.ant-picker-dropdown:visible').getByRole('button', { name: 'OK' }).click();
    await form.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã ghi nhận đăng phát').waitFor();

    const panel = page.getByRole('tabpanel');
    await panel.getByRole('link', { name: URL }).waitFor();
    await panel.getByText('Báo Hà Nội Mới điện tử').waitFor();
    await page.getByRole('tab', { name: 'Nội dung' }).click();
    await page.getByRole('tabpanel').getByText('Đã đăng phát', { exact: true }).waitFor();

    const product = await page.evaluate(async (title) => {
      const response = await fetch(`/api/products?q=${encodeURIComponent(title)}`);
      return ((await response.json()) as { items: { status: string; readyAt: string | null }[] }).items[0];
    }, TITLE);
    expect(product).toMatchObject({ status: 'published', readyAt: expect.any(String) });
    await context.close();
  });
});
