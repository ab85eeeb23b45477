// Issue 10 §7: axe-core finds no serious or critical WCAG 2.1 A/AA violation on any screen of Loa, signed in or
// not, including detail pages with a real record and the forms that most screens are about.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { NAV_PAGES } from './support/pages.js';
import { apiSession } from './support/api.js';
import { audit, describeViolations, type Violation } from './support/axe.js';
import { openBrowser, type BrowserSession } from './support/browser.js';
import { logIn } from './support/ui.js';

const ADMIN = { username: 'admin', password: inject('adminPassword') };
let browser: BrowserSession;
const records: Record<string, string> = {};

beforeAll(async () => {
  browser = await openBrowser();
  const admin = await apiSession(ADMIN.username, ADMIN.password);
  try {
    const today = new Date().toISOString().slice(0, 10);
    const later = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    const campaign = await admin.post<{ id: string }>('/api/campaigns', {
      name: 'Tháng vận động BHXH tự nguyện',
      startsOn: today,
      endsOn: later,
      goals: [{ metric: 'new_voluntary_bhxh', target: 100 }],
    });
    records.campaign = campaign.id;
    const product = await admin.post<{ id: string }>('/api/products', {
      guidanceYear: 2020,
      typeCode: 'article',
      title: 'Bài viết: quyền lợi khi tham gia BHXH tự nguyện',
      summary: 'Giới thiệu mức hỗ trợ tiền đóng của Nhà nước.',
    });
    records.product = product.id;
  } finally {
    await admin.close();
  }
});
afterAll(async () => browser?.close());

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  it('finds nothing serious or critical on the public pages', async () => {
    const { page, context } = await browser.newPage();
    const found: Violation[] = [];
    for (const [path, label] of [
      ['/login', 'login'],
      ['/tra-cuu-dai-ly', 'public agents'],
      ['/kiem-tra', 'public channel check'],
    ] as const) {
      await page.goto(path);
      await page.locator('main, form, h1').first().waitFor();
      found.push(...(await audit(page, label)));
    }
    await context.close();
    expect(found, describeViolations(found)).toEqual([]);
  });

  it('finds nothing serious or critical on every signed-in screen and on the detail pages', async () => {
    const { page, context } = await browser.newPage();
    await logIn(page, ADMIN);
    await page.locator('nav').waitFor();
    const found: Violation[] = [];
    const pages = [
      ...NAV_PAGES,
      { path: '/account', label: 'account' },
      { path: '/reports/templates', label: 'report templates' },
      { path: '/incidents/settings', label: 'incident settings' },
      { path: `/campaigns/${records.campaign}`, label: 'campaign detail' },
      { path: `/products/${records.product}`, label: 'product detail' },
      { path: '/khong-co-trang-nay', label: 'not found' },
    ];
    // Two tabs of the same session share the sweep: most of the time goes to waiting for the screens' data.
    const second = await context.newPage();
    const sweep = async (tab: Page, share: typeof pages) => {
      for (const { path, label } of share) {
        await tab.goto(path);
        found.push(...(await audit(tab, label)));
      }
    };
    await Promise.all([
      sweep(
        page,
        pages.filter((_, index) => index % 2 === 0),
      ),
      sweep(
        second,
        pages.filter((_, index) => index % 2 === 1),
      ),
    ]);
    await context.close();
    expect(found, describeViolations(found)).toEqual([]);
  }, 300_000);
});

describe('keyboard only', () => {
  it('signs in, skips to the content, reaches a list from the menu, opens a record and fills in a form', async () => {
    const { page, context } = await browser.newPage();
    await page.goto('/login');
    const username = page.getByLabel('Tên đăng nhập hoặc e-mail');
    await username.waitFor();
    // The login form puts focus in its first field; from there on, keys only.
    if (!(await username.evaluate((el) => el === el.ownerDocument.activeElement))) await page.keyboard.press('Tab');
    await page.keyboard.type(ADMIN.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press('Enter');
    await page.locator('#main').waitFor();

    // First Tab: the skip link, visible when focused; Enter moves focus to the page's content.
    await page.keyboard.press('Tab');
    const skip = page.locator('.loa-skip-link');
    expect(await skip.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect((await skip.boundingBox())!.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.locator('#main').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);

    // Shift+Tab back through the menu to "Chiến dịch truyền thông" and follow it with Enter.
    const campaigns = page.locator('nav').getByRole('link', { name: 'Chiến dịch truyền thông', exact: true });
    await campaigns.waitFor();
    await tabTo(page, campaigns, 'Shift+Tab');
    // Focus is visible: the global :focus-visible outline.
    expect(await campaigns.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).outlineStyle)).toBe(
      'solid',
    );
    await page.keyboard.press('Enter');
    await page.waitForURL('**/campaigns');

    // From the list, Tab to the campaign's link and open it with Enter.
    const record = page.getByRole('link', { name: /Tháng vận động BHXH tự nguyện/ }).first();
    await record.waitFor();
    await tabTo(page, record);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/campaigns/${records.campaign}`);

    // A form with keys only: open "Thêm sản phẩm", choose a type with the arrow keys, type a title, submit with Space.
    await page.goto('/products');
    const create = page.getByRole('button', { name: 'Thêm sản phẩm' });
    await create.waitFor();
    await tabTo(page, create);
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog');
    const type = drawer.getByLabel('Loại sản phẩm', { exact: true });
    await type.waitFor();
    await tabTo(page, type);
    await page.keyboard.press('ArrowDown');
    await page.locator('.ant-select-item-option-active').waitFor();
    await page.keyboard.press('Enter');
    await tabTo(page, drawer.getByLabel('Tên sản phẩm', { exact: true }));
    const title = `Tờ gấp nhập bằng bàn phím ${Date.now()}`;
    await page.keyboard.type(title);
    await tabTo(page, drawer.getByTestId('product-submit'));
    await page.keyboard.press('Space');
    await page.waitForURL(/\/products\/[0-9a-f-]{36}$/);
    const admin = await apiSession(ADMIN.username, ADMIN.password);
    try {
      const found = await admin.get<{ items: { id: string; title: string; typeCode: string }[] }>(
        `/api/products?q=${encodeURIComponent(title)}`,
      );
      expect(found.items.map((p) => p.title)).toEqual([title]);
      expect(page.url()).toContain(found.items[0]!.id);
    } finally {
      await admin.close();
    }
    await context.close();
  }, 120_000);
});

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails when it is not reached within `limit` presses. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', limit = 120): Promise<void> {
  const focused = () => target.evaluate((el) => el === el.ownerDocument.activeElement).catch(() => false);
  for (let presses = 0; presses < limit && !(await focused()); presses++) await page.keyboard.press(key);
  expect(await focused(), `focus reached ${String(target)}`).toBe(true);
}
