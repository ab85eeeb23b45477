// Journeys of issue 5 (outreach). A citizen, on a phone and without an account, finds the collection agent of their
// commune on the public page by typing its name without accents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { apiSession, createOfficer } from './support/api.js';
import { openBrowser, type BrowserSession } from './support/browser.js';

const KEEPER = { username: 'daily.hanoi', password: 'Hanoi-agents-2026' };

let browser: BrowserSession;
beforeAll(async () => {
  browser = await openBrowser();
  const admin = await apiSession('admin', inject('adminPassword'));
  try {
    await createOfficer(admin, {
      ...KEEPER,
      fullName: 'Ngô Văn Thành',
      email: 'thanh.nv@hanoi.vss.gov.vn',
      roles: ['province_officer'],
      unitCode: 'P01',
    });
  } finally {
    await admin.close();
  }
  const keeper = await apiSession(KEEPER.username, KEEPER.password);
  try {
    await keeper.post('/api/agents', {
      type: 'commune_agent',
      name: 'Đại lý thu xã Hòa Bình',
      address: 'Nhà văn hóa thôn Đông, xã Hòa Bình',
      provinceCode: '01',
      communeCode: '10198',
      phones: ['0912 000 111'],
      workingHours: 'Thứ Hai – Thứ Sáu, 7:30–17:00',
    });
    await keeper.post('/api/agents', {
      type: 'post_office',
      name: 'Bưu điện trung tâm Hà Nội',
      address: '75 Đinh Tiên Hoàng, Hoàn Kiếm',
      provinceCode: '01',
      phones: ['024 3825 5948'],
    });
  } finally {
    await keeper.close();
  }
});
afterAll(async () => browser?.close());

describe('the public collection-agent finder', () => {
  it('finds the agent of xã Hòa Bình from "xa hoa" typed without accents, with a number to call', async () => {
    const { page, context } = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/tra-cuu-dai-ly');
    await page.getByTestId('public-agents-search').locator('input').fill('xa hoa');
    const card = page.getByTestId('public-agent').filter({ hasText: 'Đại lý thu xã Hòa Bình' });
    await card.waitFor();
    expect(await card.getByTestId('public-agent-phone').getAttribute('href')).toBe('tel:0912000111');
    await page.getByTestId('public-agents-total').getByText('Tìm thấy 1 đại lý').waitFor();
    expect(await page.getByText('Bưu điện trung tâm Hà Nội').count()).toBe(0);
    // Nobody signed in: the page asked for no login and the session cookie was never set.
    expect((await context.cookies()).some((c) => c.name === 'loa_session')).toBe(false);
    await context.close();
  });
});
