// A citizen, on a phone and without logging in, checks a link from a text message on /kiem-tra: a look-alike of the
// agency's portal is named as such with the portal it imitates; the real portal's subdomain is official.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from './support/browser.js';

let browser: BrowserSession;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => browser?.close());

describe('the public check of official channels', () => {
  it('names a look-alike of the portal and confirms a real subdomain, with no login', async () => {
    const { page, context } = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/kiem-tra');
    const input = page.getByTestId('check-input');
    await input.fill('Nhận tiền hỗ trợ tại https://baohiemxahoi-vn.com/nhan-tien, gọi ngay');
    await page.getByTestId('check-submit').click();
    const verdict = page.getByTestId('check-verdict');
    await verdict.getByText('Giả danh kênh chính thức').first().waitFor();
    expect(await page.getByTestId('check-finding').first().innerText()).toContain('baohiemxahoi.gov.vn');

    await input.fill('dichvucong.baohiemxahoi.gov.vn');
    await page.getByTestId('check-submit').click();
    await verdict.getByText('Kênh chính thức của BHXH Việt Nam').first().waitFor();
    expect(await verdict.getByText('Giả danh kênh chính thức').count()).toBe(0);
    expect((await context.cookies()).some((c) => c.name === 'loa_session')).toBe(false);
    await context.close();
  });
});
