// Journey of issue 9's first slice (the dashboard). A leader opens the dashboard of the whole agency: every figure
// with last year's, the province map; opens Hà Nội's dashboard from the table of units; drills into its events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { apiSession, createOfficer } from './support/api.js';
import { openBrowser, type BrowserSession } from './support/browser.js';
import { logIn, navLink } from './support/ui.js';

const LEADER = { username: 'lanhdao.bangdieukhien', password: 'Bang-dieu-khien-2026' };

let browser: BrowserSession;
beforeAll(async () => {
  browser = await openBrowser();
  const admin = await apiSession('admin', inject('adminPassword'));
  try {
    await createOfficer(admin, {
      ...LEADER,
      fullName: 'Đỗ Văn Khiển',
      email: 'lanhdao.bdk@vss.gov.vn',
      roles: ['leader'],
      unitCode: 'BHXHVN',
    });
  } finally {
    await admin.close();
  }
});
afterAll(async () => {
  await browser?.close();
});

describe('dashboard', () => {
  it('a leader sees the agency, opens a province and drills into its events', async () => {
    const { page } = await browser.newPage();
    await logIn(page, LEADER);
    await navLink(page, 'Bảng điều khiển').click();
    const cards = page.getByTestId('figure-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(13);
    // The provinces are children of the agency: the map is drawn on a canvas.
    await page.getByTestId('province-map').locator('canvas').first().waitFor();

    const dashboard = page.waitForResponse((r) => r.url().includes('/api/dashboard?') && r.ok());
    await page
      .getByTestId('children-table')
      .getByRole('button', { name: /Hà Nội/ })
      .first()
      .click();
    const body = (await (await dashboard).json()) as { scope: { code: string } };
    expect(body.scope.code).toBe('P01');

    await page.locator('[data-testid="figure-card"][data-figure="events"]').click();
    const drawer = page.getByTestId('drill-drawer');
    await drawer.waitFor();
    await expect.poll(() => drawer.innerText()).toContain('Hoạt động truyền thông trực tiếp');
  });
});
