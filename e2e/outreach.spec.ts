// Journeys of issue 5 (outreach). A district officer plans a dialogue while Hà Nội restricts direct communication
// and is refused; the district leader goes ahead with a written reason; the event is held and reported with 12 new
// voluntary participants, which the province's campaign page counts. A citizen, on a phone and without an account,
// finds the collection agent of their commune on the public page by typing its name without accents.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { apiSession, createOfficer, unitIdOf } from './support/api.js';
import { openBrowser, type BrowserSession } from './support/browser.js';
import { logIn, navLink } from './support/ui.js';

const KEEPER = { username: 'daily.hanoi', password: 'Hanoi-agents-2026' };
const OFFICER = { username: 'canbo.badinh', password: 'Badinh-officer-2026' };
const LEADER = { username: 'lanhdao.badinh', password: 'Badinh-leader-2026' };
const PROVINCE_LEADER = { username: 'lanhdao.hanoi', password: 'Hanoi-leader-2026' };
const EVENT = 'Đối thoại chính sách BHXH tự nguyện với tiểu thương chợ Long Biên';
const CAMPAIGN = 'Truyền thông Xúc cảm: BHXH tự nguyện 2026';
const REASON = 'Chợ họp ngoài trời, dưới 30 người, có khẩu trang và dung dịch sát khuẩn; UBND phường đồng ý.';

/** Today in Vietnam, `yyyy-mm-dd`, moved by `days`. */
const vnDay = (days = 0) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
let campaignId = '';

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
    for (const [user, fullName, roles, unitCode] of [
      [OFFICER, 'Trần Minh Khoa', ['district_officer'], 'D001'],
      [LEADER, 'Hoàng Thị Mai', ['leader'], 'D001'],
      [PROVINCE_LEADER, 'Bùi Đức Long', ['leader'], 'P01'],
    ] as const)
      await createOfficer(admin, {
        ...user,
        fullName,
        email: `${user.username}@hanoi.vss.gov.vn`,
        roles: [...roles],
        unitCode,
      });
    const hanoi = await unitIdOf(admin, 'P01');
    const provinceLeader = await apiSession(PROVINCE_LEADER.username, PROVINCE_LEADER.password);
    try {
      await provinceLeader.post('/api/restrictions', {
        orgUnitId: hanoi,
        startsOn: vnDay(-1),
        endsOn: vnDay(14),
        basisText: 'Quyết định công bố dịch của Chủ tịch UBND thành phố Hà Nội',
      });
    } finally {
      await provinceLeader.close();
    }
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
    const campaign = await keeper.post<{ id: string; version: number }>('/api/campaigns', {
      name: CAMPAIGN,
      startsOn: vnDay(-1),
      endsOn: vnDay(60),
      goals: [{ metric: 'new_voluntary_bhxh', target: 100 }],
    });
    campaignId = campaign.id;
    await keeper.post(`/api/campaigns/${campaign.id}/status`, { status: 'active', version: campaign.version });
  } finally {
    await keeper.close();
  }
});
afterAll(async () => browser?.close());

/** Fills the event form: a dialogue at the market, starting this very minute by the browser's clock. */
async function fillEvent(page: Page) {
  await navLink(page, 'Sự kiện truyền thông trực tiếp').click();
  await page.getByTestId('create-event').click();
  const form = page.getByRole('dialog');
  await form.getByTestId('event-title').fill(EVENT);
  const now = await page.evaluate(() => {
    const d = new Date();
    const two = (n: number) => String(n).padStart(2, '0');
    return `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
  });
  const starts = form.getByTestId('event-starts');
  await starts.click();
  await starts.fill(now);
  await page.locator('.ant-picker-dropdown:visible').getByRole('button', { name: 'OK' }).click();
  await form.getByTestId('event-address').fill('Chợ Long Biên, phường Phúc Xá');
  // The form names the restriction as soon as it knows the place and the day.
  await form
    .getByTestId('event-restricted')
    .getByText(/Quyết định công bố dịch/)
    .waitFor();
  return form;
}

describe('a dialogue during a restriction, reported into the campaign', () => {
  it('is refused to the district officer, with the restriction named', async () => {
    const { page, context } = await browser.newPage();
    await logIn(page, OFFICER);
    const form = await fillEvent(page);
    expect(await form.getByTestId('event-override-reason').count()).toBe(0);
    await form.getByTestId('event-save').click();
    await form.getByTestId('event-form-error').waitFor();
    const events = await page.evaluate(async (q) => {
      const response = await fetch(`/api/events?q=${encodeURIComponent(q)}`);
      return ((await response.json()) as { total: number }).total;
    }, EVENT);
    expect(events).toBe(0);
    await context.close();
  });

  it('goes ahead on the district leader’s written reason, which the event shows', async () => {
    const { page, context } = await browser.newPage();
    await logIn(page, LEADER);
    const form = await fillEvent(page);
    await form.getByTestId('event-override-reason').fill(REASON);
    await form.getByTestId('event-save').click();
    await page.getByRole('heading', { name: EVENT }).waitFor();
    await page.getByTestId('event-overrides').getByText(REASON, { exact: false }).waitFor();
    // The restriction the leader overrode does not stop the event again when it is held.
    await page.getByTestId('event-mark-held').click();
    await page.locator('#event-transition-confirm').click();
    await page.getByText('Đã cập nhật trạng thái').waitFor();
    await context.close();
  });

  it('is reported by the officer with 12 new voluntary participants, counted on the campaign page', async () => {
    const { page, context } = await browser.newPage();
    await logIn(page, OFFICER);
    await navLink(page, 'Sự kiện truyền thông trực tiếp').click();
    await page.getByTestId('events-table').getByText(EVENT).click();
    await page.getByRole('heading', { name: EVENT }).waitFor();
    await page.getByTestId('report-extra').fill('27');
    await page.getByTestId('report-voluntary').fill('12');
    await page.getByTestId('report-save').click();
    await page
      .getByTestId('event-attendance-total')
      .getByText(/Tổng số người dự: 27/)
      .waitFor();
    await page.getByTestId('event-mark-reported').click();
    await page.locator('#event-transition-confirm').click();
    await page.getByText('Đã cập nhật trạng thái').waitFor();
    const eventId = page.url().split('/events/')[1]!.split('?')[0]!;
    await context.close();

    // The province links the event to its campaign; the campaign page counts the event's new participants.
    const keeper = await apiSession(KEEPER.username, KEEPER.password);
    try {
      await keeper.post(`/api/campaigns/${campaignId}/links`, { type: 'event', id: eventId });
    } finally {
      await keeper.close();
    }
    const province = await browser.newPage();
    await logIn(province.page, KEEPER);
    await navLink(province.page, 'Chiến dịch truyền thông').click();
    await province.page.getByTestId('campaigns-table').getByText(CAMPAIGN).click();
    const progress = province.page.getByTestId('campaign-progress-new_voluntary_bhxh');
    await progress.getByText(/12\s*%/).waitFor();
    expect(await progress.textContent()).toMatch(/12\D+100/);
    await province.context.close();
  });
});

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
