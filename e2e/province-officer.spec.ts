// Journey: the administrator creates a province officer; the officer logs in, changes the one-time
// password, sees only their province, switches to English and back, and logs out.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openBrowser, type BrowserSession } from './support/browser.js';
import { logIn } from './support/ui.js';

let browser: BrowserSession;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => browser?.close());

/** A link of the main navigation (the home page links to the same screens). */
const navLink = (page: Page, name: string) => page.locator('nav').getByRole('link', { name });

async function logOut(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
}

describe('a province officer created by the administrator', () => {
  let temporaryPassword = '';
  const newPassword = 'Hanoi-officer-2026';

  it('is created by the admin in the Hà Nội unit, with a one-time password shown once', async () => {
    const { page, context } = await browser.newPage();
    await logIn(page, { username: 'admin', password: inject('adminPassword') });
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await navLink(page, 'Người dùng').click();
    await page.getByTestId('users-table').waitFor();
    await page.getByTestId('create-user').click();
    await page.getByLabel('Tên đăng nhập', { exact: true }).fill('canbo.hanoi');
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Hằng');
    await page.getByLabel('E-mail').fill('hang.nt@hanoi.vss.gov.vn');
    await page.getByLabel('Đơn vị').click();
    await page.getByLabel('Đơn vị').fill('ha noi');
    await page.locator('.ant-select-tree-title', { hasText: /^BHXH thành phố Hà Nội$/ }).click();
    await page.getByLabel('Vai trò').click();
    await page.locator('.ant-select-item-option', { hasText: 'Cán bộ BHXH tỉnh' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('create-user-submit').click();
    const secret = page.getByTestId('temporary-password');
    await secret.waitFor();
    temporaryPassword = (await secret.textContent())?.trim() ?? '';
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9-]{10,}$/);
    await page.keyboard.press('Escape');
    await page.getByTestId('users-table').getByText('canbo.hanoi').waitFor();
    await context.close();
  });

  it('logs in, must change the one-time password, then sees only Hà Nội', async () => {
    const { page, context } = await browser.newPage();
    await logIn(page, { username: 'canbo.hanoi', password: temporaryPassword });
    await page.getByLabel('Mật khẩu hiện tại').fill(temporaryPassword);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(newPassword);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(newPassword);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();

    await navLink(page, 'Cơ cấu tổ chức').click();
    const tree = page.getByTestId('org-tree');
    await tree
      .getByText(/^BHXH thành phố Hà Nội/)
      .first()
      .waitFor();
    await tree
      .getByText(/^BHXH quận Ba Đình/)
      .first()
      .waitFor();
    expect(await tree.getByText(/Đà Nẵng/).count()).toBe(0);
    expect(await navLink(page, 'Người dùng').count()).toBe(0);
    // The API answers the same: another province's units are simply not there.
    const units = await page.evaluate(async () => {
      const response = await fetch('/api/org-units?q=da%20nang&pageSize=50');
      return (await response.json()) as { total: number };
    });
    expect(units.total).toBe(0);
    await context.close();
  });

  it('switches to English and back, and logs out', async () => {
    const { page, context } = await browser.newPage();
    await logIn(page, { username: 'canbo.hanoi', password: newPassword });
    await navLink(page, 'Cơ cấu tổ chức').waitFor();
    await page.getByTestId('lang-switch').getByText('English').click();
    await navLink(page, 'Organisation').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByTestId('lang-switch').getByText('Tiếng Việt').click();
    await navLink(page, 'Cơ cấu tổ chức').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await logOut(page);
    const me = await page.evaluate(async () => (await fetch('/api/me')).status);
    expect(me).toBe(401);
    await context.close();
  });
});
