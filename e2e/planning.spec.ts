// Journey (issue 3): a province officer proposes content for next month; the Communication Center accepts it;
// it appears on the province's editorial calendar; the proposer sees the decision in the notification bell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { apiSession, createOfficer } from './support/api.js';
import { openBrowser, type BrowserSession } from './support/browser.js';
import { logIn, navLink } from './support/ui.js';

const PROVINCE = { username: 'tinh.hanoi', password: 'Hanoi-proposer-2026' };
const CENTER = { username: 'tt.bientap', password: 'Center-editor-2026' };
const TITLE = 'Chuyên mục BHXH tự nguyện cho lao động tự do';

let browser: BrowserSession;
beforeAll(async () => {
  browser = await openBrowser();
  const admin = await apiSession('admin', inject('adminPassword'));
  try {
    await createOfficer(admin, {
      ...PROVINCE,
      fullName: 'Phạm Thu Trang',
      email: 'trang.pt@hanoi.vss.gov.vn',
      roles: ['province_officer'],
      unitCode: 'P01',
    });
    await createOfficer(admin, {
      ...CENTER,
      fullName: 'Vũ Minh Đức',
      email: 'duc.vm@vss.gov.vn',
      roles: ['comms_center'],
      unitCode: 'TT',
    });
  } finally {
    await admin.close();
  }
});
afterAll(async () => browser?.close());

/** `yyyy-mm-dd` → `dd/mm/yyyy`, as the calendar labels its days. */
const viDay = (day: string) => day.split('-').reverse().join('/');

describe('a content proposal from a province to the calendar', () => {
  it('is proposed by the Hà Nội officer for the first open month', async () => {
    const { page, context } = await browser.newPage();
    await logIn(page, PROVINCE);
    await navLink(page, 'Đề xuất của tôi').click();
    await page.getByTestId('create-proposal').click();
    const form = page.getByRole('dialog');
    await form.getByLabel('Tiêu đề').fill(TITLE);
    await form.getByLabel('Nội dung đề xuất').fill('Loạt bài và video ngắn giới thiệu chính sách hỗ trợ mức đóng.');
    await form.getByLabel('Chủ đề').click();
    await page.locator('.ant-select-item-option').first().click();
    await page.keyboard.press('Escape');
    await form.getByTestId('proposal-submit').click();
    await page
      .getByTestId('proposals-table')
      .getByRole('link', { name: `Xem đề xuất ${TITLE}` })
      .waitFor();
    await context.close();
  });

  it('is accepted onto the calendar by the Communication Center', async () => {
    const { page, context } = await browser.newPage();
    await logIn(page, CENTER);
    await navLink(page, 'Đề xuất nội dung').click();
    await page
      .getByTestId('proposals-table')
      .getByRole('link', { name: `Xem đề xuất ${TITLE}` })
      .click();
    await page.getByTestId('proposal-accept').click();
    const accept = page.getByRole('dialog', { name: 'Tiếp nhận đề xuất và đưa vào lịch' });
    await accept.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await page.getByText('Đã tiếp nhận đề xuất và đưa vào lịch biên tập').waitFor();
    await context.close();
  });

  it('appears on the province calendar and the proposer is notified', async () => {
    const { page, context } = await browser.newPage();
    await logIn(page, PROVINCE);
    const bell = page.getByTestId('notification-bell');
    await bell.click();
    await page
      .getByTestId('notification-popover')
      .getByText(/đã được tiếp nhận/)
      .waitFor();
    await page.keyboard.press('Escape');

    // The accepted proposal now links to its calendar item; the calendar shows it on its first day.
    const proposal = await page.evaluate(async (title) => {
      const response = await fetch(`/api/proposals?mine=true&q=${encodeURIComponent(title)}`);
      const page = (await response.json()) as { items: { status: string; calendarItemId: string | null }[] };
      return page.items[0];
    }, TITLE);
    expect(proposal).toMatchObject({ status: 'accepted', calendarItemId: expect.any(String) });
    const item = await page.evaluate(async (id) => {
      const response = await fetch(`/api/calendar/${id}`);
      return (await response.json()) as { title: string; startsOn: string; status: string };
    }, proposal!.calendarItemId!);
    expect(item).toMatchObject({ title: TITLE, status: 'planned' });

    await navLink(page, 'Lịch biên tập').click();
    await page.getByTestId('calendar-month').waitFor();
    await page.goto(`/calendar?view=month&date=${item.startsOn}`);
    const day = page.getByTestId('calendar-month').getByLabel(viDay(item.startsOn), { exact: true });
    await day.getByRole('button', { name: TITLE }).waitFor();
    await context.close();
  });
});
