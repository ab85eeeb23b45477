// Journey of issue 9 §4 (reports). A leader of the agency looks at the dashboard, narrows it to a province and drills
// into its events, then generates that province's quarterly report, watches the generation finish and downloads the
// DOCX: a real Office Open XML package whose document names the province and is titled "BÁO CÁO".
import { inflateRawSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiSession, createOfficer } from './support/api.js';
import { openBrowser, type BrowserSession } from './support/browser.js';
import { logIn, navLink } from './support/ui.js';

const LEADER = { username: 'lanhdao.baocao', password: 'Bao-cao-quy-2026' };
const PROVINCE = 'P48';

/** The entries of a ZIP file (what a DOCX is), read from its central directory; stored and deflated entries. */
function unzip(zip: Buffer): Map<string, Buffer> {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a ZIP file: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : data);
    at += 46 + skip;
  }
  return entries;
}

let browser: BrowserSession;
let provinceName = '';
beforeAll(async () => {
  browser = await openBrowser();
  const admin = await apiSession('admin', inject('adminPassword'));
  try {
    await createOfficer(admin, {
      ...LEADER,
      fullName: 'Phan Thị Báo',
      email: 'lanhdao.baocao@vss.gov.vn',
      roles: ['leader'],
      unitCode: 'BHXHVN',
    });
    const units = await admin.get<{ items: { code: string; name: string }[] }>(`/api/org-units?q=${PROVINCE}`);
    provinceName = units.items.find((unit) => unit.code === PROVINCE)?.name ?? '';
    expect(provinceName).not.toBe('');
  } finally {
    await admin.close();
  }
});
afterAll(async () => {
  await browser?.close();
});

describe('reports', () => {
  it("a leader looks at a province's dashboard, then generates and downloads its quarterly report", async () => {
    const { page } = await browser.newPage();
    await logIn(page, LEADER);

    // The dashboard of the agency, narrowed to the province from the table of units, then its events.
    await navLink(page, 'Bảng điều khiển').click();
    await page.getByTestId('figure-card').first().waitFor();
    const dashboard = page.waitForResponse((r) => r.url().includes('/api/dashboard?') && r.ok());
    await page.getByTestId('children-table').getByRole('button', { name: provinceName }).first().click();
    const scope = (await (await dashboard).json()) as { scope: { code: string } };
    expect(scope.scope.code).toBe(PROVINCE);
    await page.locator('[data-testid="figure-card"][data-figure="events"]').click();
    const drill = page.getByTestId('drill-drawer');
    await drill.waitFor();
    await expect.poll(() => drill.innerText()).toContain('Hoạt động truyền thông trực tiếp');
    await page.keyboard.press('Escape');
    await drill.waitFor({ state: 'hidden' });

    // Lập báo cáo: the province, a quarterly report of this quarter (the drawer's defaults), the default template.
    await navLink(page, 'Báo cáo').click();
    await page.getByTestId('create-report').click();
    const drawer = page.getByRole('form', { name: 'Lập báo cáo' });
    await drawer.waitFor();
    const unit = drawer.getByLabel('Đơn vị');
    await unit.click();
    await unit.fill(provinceName);
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: provinceName }).first().click();
    await expect.poll(() => drawer.innerText()).toContain('Báo cáo quý');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/reports') && r.request().method() === 'POST');
    await drawer.getByRole('button', { name: 'Lập báo cáo' }).click();
    expect((await created).status()).toBe(201);

    // The report opens at once; the page follows the job until the documents are ready.
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toMatch(/^Báo cáo quý [IV]+ năm \d{4}$/);
    const docx = page.locator('a[data-format="docx"]');
    await docx.waitFor({ timeout: 45_000 });
    await expect.poll(() => page.getByTestId('report-generation').innerText()).toContain('Số liệu tổng hợp lúc');

    const download = page.waitForEvent('download');
    await docx.click();
    const file = await (await download).path();
    const bytes = await readFile(file);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const xml = unzip(bytes).get('word/document.xml')?.toString('utf8') ?? '';
    const upper = xml.toLocaleUpperCase('vi');
    expect(upper).toContain(provinceName.toLocaleUpperCase('vi'));
    expect(xml).toContain('BÁO CÁO');
  });
});
