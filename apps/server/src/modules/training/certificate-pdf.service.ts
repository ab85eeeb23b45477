import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
/** DejaVu Sans carries every Vietnamese glyph; pdfkit's built-in fonts do not. */
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/** Everything one certificate page says, already worded (dates in Vietnamese). */
export interface CertificatePage {
  agencyName: string;
  unitName: string;
  number: string;
  traineeName: string;
  organisation: string | null;
  courseTitle: string;
  /** "từ ngày 03/03/2026 đến ngày 05/03/2026" */
  period: string;
  /** The place, or "Trực tuyến". */
  place: string;
  /** "Ngày 06 tháng 03 năm 2026" */
  issuedOn: string;
  signerTitle: string;
  signerName: string;
}

/** "Ngày dd tháng mm năm yyyy": how Vietnamese documents write the day they are signed. */
export function vietnameseIssueDate(isoDay: string): string {
  const [year, month, day] = isoDay.split('-');
  return `Ngày ${day} tháng ${month} năm ${year}`;
}

/** One A4 landscape page per certificate, in one PDF. */
export function renderCertificates(pages: readonly CertificatePage[]): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 50,
    autoFirstPage: false,
    info: { Title: 'Giấy chứng nhận', Author: pages[0]?.agencyName ?? '', Producer: 'Loa', Creator: 'Loa' },
  });
  doc.registerFont('regular', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const page of pages) drawPage(doc, page);
  doc.end();
  return done;
}

function drawPage(doc: PDFKit.PDFDocument, page: CertificatePage): void {
  doc.addPage();
  const { width, height } = doc.page;
  const inner = width - 100;
  doc
    .lineWidth(3)
    .rect(25, 25, width - 50, height - 50)
    .stroke('#1f4e79');
  doc
    .lineWidth(1)
    .rect(32, 32, width - 64, height - 64)
    .stroke('#1f4e79');

  const half = inner / 2;
  doc.fillColor('#000').font('regular').fontSize(11).text(page.agencyName.toUpperCase(), 50, 55, {
    width: half,
    align: 'center',
  });
  doc.font('bold').text(page.unitName.toUpperCase(), { width: half, align: 'center' });
  doc.font('regular').text(`Số: ${page.number}`, { width: half, align: 'center' });
  doc.font('bold').text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 50 + half, 55, { width: half, align: 'center' });
  doc.text('Độc lập - Tự do - Hạnh phúc', { width: half, align: 'center', underline: true });

  doc.fillColor('#b00000').font('bold').fontSize(30).text('GIẤY CHỨNG NHẬN', 50, 150, {
    width: inner,
    align: 'center',
  });
  doc.fillColor('#000').font('regular').fontSize(14).moveDown(0.8);
  doc.text('Chứng nhận Ông/Bà', { width: inner, align: 'center' });
  doc.font('bold').fontSize(22).text(page.traineeName, { width: inner, align: 'center' });
  doc.font('regular').fontSize(13);
  if (page.organisation) doc.text(`Đơn vị: ${page.organisation}`, { width: inner, align: 'center' });
  doc.moveDown(0.5).text('Đã hoàn thành lớp tập huấn', { width: inner, align: 'center' });
  doc.font('bold').fontSize(16).text(page.courseTitle, { width: inner, align: 'center' });
  doc.font('regular').fontSize(13).text(`Thời gian: ${page.period}`, { width: inner, align: 'center' });
  doc.text(`Địa điểm: ${page.place}`, { width: inner, align: 'center' });

  const signX = 50 + half;
  doc
    .font('regular')
    .fontSize(12)
    .text(page.issuedOn, signX, height - 175, { width: half, align: 'center' });
  doc.font('bold').text(page.signerTitle.toUpperCase(), { width: half, align: 'center' });
  doc
    .font('bold')
    .fontSize(13)
    .text(page.signerName, signX, height - 95, { width: half, align: 'center' });
}
