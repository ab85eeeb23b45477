// Document checks (issue 9 "Tests"): a generated report's DOCX opens and converts with LibreOffice, its PDF renders
// page by page with pdftoppm, is A4 with Liberation Serif embedded, and the DOCX names Times New Roman and the
// decree's margins in twips.
import fs from 'node:fs';
import type { TReport } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  convertDocxToPdf,
  pdfFonts,
  pdfInfo,
  renderPdfPages,
  requireDocumentTools,
  tempDir,
  zipEntry,
} from '../../../test/documents.js';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { storeDashboardData } from '../dashboard/dashboard.fixtures.js';

let t: TestApp;
let leader: Session;
let dir: string;
let docx: Buffer;
let pdf: Buffer;

beforeAll(async () => {
  requireDocumentTools();
  dir = tempDir('loa-report-');
  t = await createTestApp();
  await t.createUser({ username: 'doc.leader', roles: ['leader'], unitCode: 'BHXHVN' });
  await storeDashboardData(t);
  leader = await t.login('doc.leader');
  // The national annual report: the roll-up of every province.
  const created = await leader.post('/api/reports', { period: { kind: 'year', year: 2025, number: 1 } });
  expect(created.statusCode, created.body).toBe(201);
  const report = created.json<TReport>();
  const edited = await leader.patch(`/api/reports/${report.id}`, {
    version: report.version,
    number: '125',
    signedOn: '2026-01-05',
    signerAuthority: 'KT. TỔNG GIÁM ĐỐC',
    signerTitle: 'Phó Tổng Giám đốc',
    signerName: 'Nguyễn Văn Lãnh',
  });
  expect(edited.statusCode, edited.body).toBe(200);
  expect(await t.services.reportGeneration.run(report.id, report.version + 1)).toBe('done');
  docx = (await leader.get(`/api/reports/${report.id}/document.docx`)).rawPayload;
  pdf = (await leader.get(`/api/reports/${report.id}/document.pdf`)).rawPayload;
}, 120_000);

afterAll(async () => {
  await t?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the DOCX', () => {
  it('is editable Word text in Times New Roman on A4 with the decree margins', () => {
    const xml = zipEntry(docx, 'word/document.xml')!.toString('utf8');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // Top 20 mm = 1134 twips, right 15 mm = 850, left 30 mm = 1701.
    expect(xml).toMatch(/<w:pgMar [^>]*w:top="1134"/);
    expect(xml).toMatch(/<w:pgMar [^>]*w:right="850"/);
    expect(xml).toMatch(/<w:pgMar [^>]*w:left="1701"/);
    expect(xml).toContain('w:titlePg');
    expect(xml).toContain('Times New Roman');
    expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(xml).toContain('Hà Nội, ngày 05 tháng 01 năm 2026');
    expect(xml).toContain('Số: 125/BC-BHXH');
    expect(xml).toContain('Nơi nhận:');
    expect(xml).toContain('KT. TỔNG GIÁM ĐỐC');
    expect(xml).toContain('PHÓ TỔNG GIÁM ĐỐC');
    expect(xml).toContain('Nguyễn Văn Lãnh');
    const styles = zipEntry(docx, 'word/styles.xml')!.toString('utf8');
    expect(styles).toContain('Times New Roman');
    expect(styles).toContain('<w:sz w:val="28"/>');
  });

  it('carries the chart as a PNG image', () => {
    const png = zipEntry(docx, 'word/media/' + mediaName(docx))!;
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(600);
  });

  it('opens and converts to PDF with LibreOffice', () => {
    const converted = convertDocxToPdf(docx, dir);
    const info = pdfInfo(converted, dir);
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(1);
    expect(info['Page size']).toContain('(A4)');
  }, 120_000);
});

describe('the PDF', () => {
  it('is A4, with Liberation Serif embedded and nothing else', () => {
    const info = pdfInfo(pdf, dir);
    expect(info['Page size']).toContain('595.28 x 841.89');
    const fonts = pdfFonts(pdf, dir);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.name.startsWith('LiberationSerif') && f.embedded)).toBe(true);
    expect(fonts.map((f) => f.name)).toEqual(expect.arrayContaining(['LiberationSerif', 'LiberationSerif-Bold']));
  });

  it('renders to one image per page', () => {
    const pages = Number(pdfInfo(pdf, dir).Pages);
    expect(pages).toBeGreaterThanOrEqual(2);
    const images = renderPdfPages(pdf, dir, 50);
    expect(images).toHaveLength(pages);
    for (const image of images) {
      const png = fs.readFileSync(image);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      // 50 dpi of A4: 413 × 585 pixels.
      expect(png.readUInt32BE(16)).toBeCloseTo(413, -1);
      expect(png.readUInt32BE(20)).toBeCloseTo(585, -1);
    }
  });
});

/** The name of the first media file of a DOCX (its relationships list it). */
function mediaName(file: Buffer): string {
  const rels = zipEntry(file, 'word/_rels/document.xml.rels')!.toString('utf8');
  const match = /Target="media\/([^"]+)"/.exec(rels);
  if (!match) throw new Error('no image in the document');
  return match[1]!;
}
