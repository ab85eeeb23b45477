// Issue 10 §2 in the browser: markup and script stored as text through the API come back on screen as the very
// characters typed, never as elements or running code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { apiSession, createOfficer } from './support/api.js';
import { openBrowser, type BrowserSession } from './support/browser.js';
import { logIn } from './support/ui.js';

const EDITOR = { username: 'bientap.thunghiem', password: 'Bien-tap-thu-nghiem-2026' };
const MARK = 'Hoidapdoc';
const QUESTION = `${MARK} <img src=x onerror="window.__xss=1"> có phải đóng BHXH?`;
const ANSWER = `<script>window.__xss=2</script><b>đậm</b> <a href="javascript:window.__xss=3">bấm</a> ${MARK}`;
// A product title and a regulation summary: lists, a detail page and the tables' cells render them too.
const PRODUCT = `Sanphamdoc <img src=y onerror="window.__xss=4"> {{constructor.constructor('window.__xss=5')()}}`;
const SUMMARY = `Vanbandoc <svg onload="window.__xss=6"></svg><i>nghiêng</i>`;
const INJECTED = 'img[src="x"], img[src="y"], svg[onload], script, b, i, a[href^="javascript:"]';
let productId = '';

let browser: BrowserSession;
beforeAll(async () => {
  browser = await openBrowser();
  const admin = await apiSession('admin', inject('adminPassword'));
  try {
    await createOfficer(admin, {
      ...EDITOR,
      fullName: 'Lê Thị Biên',
      email: 'bientap.thunghiem@vss.gov.vn',
      roles: ['comms_center'],
      unitCode: 'TT',
    });
    const editor = await apiSession(EDITOR.username, EDITOR.password);
    try {
      await editor.post('/api/faq', { question: QUESTION, answer: ANSWER, category: 'cards', regulationIds: [] });
      const product = await editor.post<{ id: string }>('/api/products', {
        guidanceYear: 2020,
        typeCode: 'article',
        title: PRODUCT,
        themeCodes: ['II.1.g'],
      });
      productId = product.id;
      await editor.post('/api/regulations', {
        number: '7001/BHXH-TT',
        kind: 'cong_van',
        issuer: 'BHXH Việt Nam',
        issuedOn: '2026-06-01',
        summary: SUMMARY,
      });
    } finally {
      await editor.close();
    }
  } finally {
    await admin.close();
  }
});
afterAll(async () => {
  await browser?.close();
});

describe('hostile text on screen', () => {
  it('shows stored markup and script literally and runs none of it', async () => {
    const { page } = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await logIn(page, EDITOR);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`/faq?q=${MARK}`);
    const results = page.getByTestId('faq-results');
    await results.getByText(QUESTION, { exact: true }).first().waitFor();
    expect(await results.innerText()).toContain(ANSWER);
    // Nothing of the payload became an element: no image, script, bold or link inside the results.
    expect(await results.locator('img[src="x"], script, b, a[href^="javascript:"]').count()).toBe(0);
    await page.getByText(QUESTION, { exact: true }).first().click();
    expect(await page.evaluate(() => (globalThis as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  it('shows a product title and a regulation summary literally in lists and on the detail page', async () => {
    const { page } = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await logIn(page, EDITOR);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    const main = page.locator('#main');
    for (const [url, text] of [
      ['/products?q=Sanphamdoc', PRODUCT],
      [`/products/${productId}`, PRODUCT],
      ['/regulations?q=Vanbandoc', SUMMARY],
    ] as const) {
      await page.goto(url);
      await main.getByText(text, { exact: true }).first().waitFor();
      expect([url, await main.locator(INJECTED).count()]).toEqual([url, 0]);
    }
    expect(await page.evaluate(() => (globalThis as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
});
