import { inflateRawSync, inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { insertEdition, type FixtureEntry } from './review.fixtures.js';

let t: TestApp;
let editor: Session;
let hanoi: Session;
let viewer: Session;
let approvedId: string;
let draftId: string;

const ENTRIES: FixtureEntry[] = [
  { section: 'risk', headline: 'Cảnh báo giả mạo ứng dụng VssID để lừa đảo', flags: ['scam_impersonation'] },
  { section: 'agency', headline: 'Điều chỉnh lương hưu, trợ cấp BHXH từ ngày 01/7', comment: 'Đề nghị đăng lại.' },
  { section: 'agency', headline: 'Tin đã được để ra ngoài', excluded: true },
  { section: 'theme', headline: 'Mở rộng thông tuyến khám chữa bệnh BHYT', theme: 'cshyt' },
  { section: 'provincial', headline: 'Hà Nội vượt chỉ tiêu phát triển người tham gia', provinceCode: 'P01' },
  { section: 'provincial', headline: 'Đà Nẵng tổ chức hội nghị đối thoại', provinceCode: 'P48' },
];

beforeAll(async () => {
  t = await createTestApp({ publicUrl: 'https://loa.bhxh.gov.vn' });
  await t.createUser({ username: 'tt.editor', roles: ['comms_center'], unitCode: 'TT' });
  const hanoiId = await t.createUser({ username: 'hn.officer', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'p79.viewer', roles: ['viewer'], unitCode: 'P79' });
  [editor, hanoi, viewer] = await Promise.all([t.login('tt.editor'), t.login('hn.officer'), t.login('p79.viewer')]);
  const subscribed = await editor.post('/api/review-subscriptions', {
    kind: 'review',
    userId: hanoiId,
    provinceIds: [await t.unitId('P01')],
  });
  expect(subscribed.statusCode, subscribed.body).toBe(201);
  approvedId = await insertEdition(t, { day: '2026-11-25', title: 'Điểm báo ngày 25/11/2026', entries: ENTRIES });
  const approved = await editor.post(`/api/reviews/${approvedId}/approve`, { version: 1 });
  expect(approved.statusCode, approved.body).toBe(200);
  draftId = await insertEdition(t, { day: '2026-11-26', entries: ENTRIES.slice(0, 2) });
});
afterAll(async () => t?.close());

describe('edition documents', () => {
  it('serves the whole edition as accessible HTML to every signed-in user once approved', async () => {
    const response = await viewer.get(`/api/reviews/${approvedId}/document.html`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('inline; filename="diem-bao-2026-11-25.html"');
    expect(response.body).toContain('<html lang="vi">');
    expect(response.body).toContain(
      '<h1 style="margin:16px 0 4px 0;text-align:center;font-size:26px;color:#111111">ĐIỂM BÁO</h1>',
    );
    for (const entry of ENTRIES.filter((e) => !e.excluded)) expect(response.body).toContain(entry.headline);
    expect(response.body).not.toContain('Tin đã được để ra ngoài');
    expect(response.body).toContain(`href="https://loa.bhxh.gov.vn/reviews/${approvedId}"`);
  });

  it('serves an A4 PDF with DejaVu Sans embedded and the Vietnamese text in it', async () => {
    const response = await viewer.get(`/api/reviews/${approvedId}/document.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="diem-bao-2026-11-25\.pdf"/);
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).toContain('/FontFile2');
    expect(raw).toContain('/MediaBox [0 0 595.28 841.89]');
    const text = pdfText(pdf);
    expect(text).toContain('ĐIỂM BÁO');
    expect(text).toContain('Cảnh báo giả mạo ứng dụng VssID để lừa đảo');
    expect(text).toContain('Ý kiến của biên tập: Đề nghị đăng lại.');
    expect(text).toContain('Trang 1/');
    expect(text).not.toContain('Tin đã được để ra ngoài');
  });

  it('serves a DOCX: a zip whose document holds the headlines, with the font embedded', async () => {
    const response = await viewer.get(`/api/reviews/${approvedId}/document.docx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(response.headers['content-disposition']).toMatch(/filename="diem-bao-2026-11-25\.docx"/);
    const files = unzip(response.rawPayload);
    const document = files.get('word/document.xml')!.toString('utf8');
    expect(document).toContain('Điều chỉnh lương hưu, trợ cấp BHXH từ ngày 01/7');
    expect(document).toContain('<w:numPr>');
    expect(document).toContain('w:val="Heading2"');
    expect(document).toContain('<w:hyperlink');
    expect(document).not.toContain('Tin đã được để ra ngoài');
    const fonts = [...files.keys()].filter((name) => name.startsWith('word/fonts/'));
    expect(fonts).toHaveLength(1);
    expect(files.get(fonts[0]!)!.length).toBeGreaterThan(100_000);
    expect(files.get('word/fontTable.xml')!.toString('utf8')).toMatch(/w:name="DejaVu Sans"[\s\S]*w:embedRegular/);
  });

  it("gives with mine=true the caller's own copy, filtered as their subscription is", async () => {
    const mine = await hanoi.get(`/api/reviews/${approvedId}/document.html?mine=true`);
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain('Hà Nội vượt chỉ tiêu phát triển người tham gia');
    expect(mine.body).not.toContain('Đà Nẵng tổ chức hội nghị đối thoại');
    expect(mine.body).toContain('Bản theo đăng ký nhận: tin địa phương của');
    const whole = await hanoi.get(`/api/reviews/${approvedId}/document.html`);
    expect(whole.body).toContain('Đà Nẵng tổ chức hội nghị đối thoại');
    // Someone who subscribes to nothing gets the whole edition as their own copy.
    expect((await viewer.get(`/api/reviews/${approvedId}/document.html?mine=true`)).body).toContain(
      'Đà Nẵng tổ chức hội nghị đối thoại',
    );
  });

  it('hides a draft from those who may not approve it, and an edition asked for under the other kind', async () => {
    expect((await viewer.get(`/api/reviews/${draftId}/document.pdf`)).statusCode).toBe(404);
    expect((await hanoi.get(`/api/reviews/${draftId}/document.html`)).statusCode).toBe(404);
    expect((await editor.get(`/api/reviews/${draftId}/document.html`)).statusCode).toBe(200);
    const wrongKind = await viewer.get(`/api/bulletins/${approvedId}/document.html`);
    expect(wrongKind.statusCode).toBe(404);
    expect(wrongKind.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await t.app.inject({ method: 'GET', url: `/api/reviews/${approvedId}/document.html` })).statusCode).toBe(
      401,
    );
  });
});

/** The entries of a zip archive (stored or deflated), by name, from its central directory. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + skip;
  }
  return files;
}

/**
 * The text of a PDF as pdfkit writes it: each font's ToUnicode map decodes the glyph ids of the page streams'
 * TJ operators (one line per operator). Enough to read back what Loa printed; not a general PDF reader.
 */
function pdfText(pdf: Buffer): string {
  const objects = new Map<string, { dict: string; stream: string | null }>();
  for (const match of pdf.toString('latin1').matchAll(/(\d+) 0 obj\s([\s\S]*?)\nendobj/g)) {
    const body = match[2]!;
    const at = body.indexOf('\nstream\n');
    if (at === -1) {
      objects.set(match[1]!, { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, at);
    const bytes = Buffer.from(body.slice(at + 8, body.lastIndexOf('\nendstream')), 'latin1');
    objects.set(match[1]!, {
      dict,
      stream: (/FlateDecode/.test(dict) ? inflateSync(bytes) : bytes).toString('latin1'),
    });
  }
  const cmaps = new Map<string, Map<string, string>>();
  for (const [, { dict }] of objects) {
    for (const [, name, ref] of dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(ref!)?.dict ?? '')?.[1];
      const cmap = new Map<string, string>();
      for (const [, from, list] of (objects.get(toUnicode ?? '')?.stream ?? '').matchAll(
        /<([0-9a-f]{4})> <[0-9a-f]{4}> \[([^\]]*)\]/gi,
      )) {
        [...list!.matchAll(/<([0-9a-f]+)>/gi)].forEach(([, hex], i) => {
          cmap.set((parseInt(from!, 16) + i).toString(16).padStart(4, '0'), String.fromCodePoint(parseInt(hex!, 16)));
        });
      }
      cmaps.set(name!, cmap);
    }
  }
  const lines: string[] = [];
  for (const [, { stream }] of objects) {
    let font = new Map<string, string>();
    for (const [, name, array] of (stream ?? '').matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ/g)) {
      if (name) font = cmaps.get(name) ?? new Map();
      else
        lines.push(
          [...array!.matchAll(/<([0-9a-f]+)>/gi)]
            .map(([, hex]) =>
              hex!
                .match(/.{4}/g)!
                .map((g) => font.get(g) ?? '')
                .join(''),
            )
            .join(''),
        );
    }
  }
  return lines.join('\n');
}
