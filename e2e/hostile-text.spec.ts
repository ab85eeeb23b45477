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
});
