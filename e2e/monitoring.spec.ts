// Journey of issue 12 (media monitoring). The administrator adds a local news site's RSS feed as a source and fetches
// it now; its items arrive through the polite fetcher, extraction and ingest. A Communication Center officer searches
// "so bhxh" without accents, finds the item about trading social-insurance books, opens it and corrects its unit.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { apiSession, createOfficer } from './support/api.js';
import { openBrowser, type BrowserSession } from './support/browser.js';
import { BOOK_TRADING, type NewsSite, PENSION, startNewsSite, WEATHER } from './support/news-site.js';
import { logIn, navLink } from './support/ui.js';

const OFFICER = { username: 'theodoi.tt', password: 'Theodoi-baochi-2026' };
const SOURCE = 'Báo Thử Nghiệm (RSS)';

let browser: BrowserSession;
let site: NewsSite;
beforeAll(async () => {
  browser = await openBrowser();
  site = await startNewsSite([BOOK_TRADING, PENSION, WEATHER]);
  const admin = await apiSession('admin', inject('adminPassword'));
  try {
    await createOfficer(admin, {
      ...OFFICER,
      fullName: 'Nguyễn Thị Hằng',
      email: 'theodoi.tt@vss.gov.vn',
      roles: ['comms_center'],
      unitCode: 'TT',
    });
  } finally {
    await admin.close();
  }
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The source's fetch log, to say why items did not arrive. */
async function fetchLog(): Promise<string> {
  const admin = await apiSession('admin', inject('adminPassword'));
  try {
    const sources = await admin.get<{ items: { id: string; name: string }[] }>(
      `/api/monitoring/sources?q=${encodeURIComponent('Thử Nghiệm')}`,
    );
    const source = sources.items.find((s) => s.name === SOURCE);
    if (!source) return 'the source is not in the list';
    return JSON.stringify(await admin.get(`/api/monitoring/sources/${source.id}/log?pageSize=50`), null, 1);
  } finally {
    await admin.close();
  }
}

/** Reloads `page` until `probe` holds (items arrive through background jobs). */
async function eventually(page: Page, probe: () => Promise<boolean>, what: string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (await probe()) return;
    // As an officer would: a look every second, not a reload loop that spends the address's request budget.
    await page.waitForTimeout(1000);
    await page.reload();
  }
  throw new Error(`Timed out waiting for ${what}; the source's log: ${await fetchLog()}`);
}

describe('media monitoring', () => {
  it('an administrator adds a local feed and fetches it; its items arrive', async () => {
    const { page, context } = await browser.newPage();
    await logIn(page, { username: 'admin', password: inject('adminPassword') });
    await navLink(page, 'Nguồn tin theo dõi').click();
    await page.getByTestId('create-source').click();
    await page.getByTestId('source-name').fill(SOURCE);
    await page.getByTestId('source-url').fill(site.feedUrl);
    await page.getByTestId('source-save').click();
    const row = page.locator('tr', { hasText: SOURCE });
    await row.waitFor();
    await row.getByRole('button', { name: `Lấy tin ngay ${SOURCE}` }).click();

    await page.goto('/monitoring?collapse=false');
    // Other journeys' items may be listed too: wait for these three by their titles.
    const titlesListed = async () => {
      const titles = await page.getByTestId('article-row').allInnerTexts();
      return [BOOK_TRADING, PENSION, WEATHER].every((article) => titles.some((t) => t.includes(article.title)));
    };
    await eventually(
      page,
      () =>
        page
          .getByTestId('article-row')
          .first()
          .waitFor({ timeout: 5000 })
          .then(titlesListed, () => false),
      'the three items of the feed',
    );
    await context.close();
  }, 180_000);

  it('an officer searches "so bhxh" without accents, finds the book-trading item and corrects its unit', async () => {
    const { page, context } = await browser.newPage();
    await logIn(page, OFFICER);
    await navLink(page, 'Theo dõi báo chí').click();
    await page.getByTestId('monitoring-search').fill('so bhxh');
    const row = page.getByTestId('article-row').filter({ hasText: BOOK_TRADING.title });
    await row.waitFor();
    // The list applies the search once typing pauses: the unrelated item leaves it.
    await page.getByTestId('article-row').filter({ hasText: WEATHER.title }).waitFor({ state: 'detached' });
    expect(await page.getByTestId('article-row').filter({ hasText: PENSION.title }).count()).toBe(0);
    // The words searched are highlighted in the title, whatever their accents.
    expect(await row.locator('mark').first().innerText()).toMatch(/sổ|BHXH/i);

    await row.getByRole('link', { name: BOOK_TRADING.title }).click();
    await page.getByRole('heading', { name: BOOK_TRADING.title }).waitFor();
    await page.getByTestId('correction-unit').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Vụ Thanh tra - Kiểm tra' })
      .first()
      .click();
    await page.getByTestId('correction-save').click();
    await page.getByText('Đã hiệu chỉnh').first().waitFor();

    const admin = await apiSession('admin', inject('adminPassword'));
    try {
      const found = await admin.get<{
        items: { id: string; title: string; unit: string; correctedAt: string | null }[];
      }>(`/api/monitoring/articles?q=${encodeURIComponent('sổ BHXH')}&collapse=false`);
      const item = found.items.find((a) => a.title === BOOK_TRADING.title);
      expect(item).toMatchObject({ unit: 'thanhtra' });
      expect(item?.correctedAt).not.toBeNull();
    } finally {
      await admin.close();
    }
    await context.close();
  });
});
