import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Edition, EditionEntry } from './document.js';
import { isWebUrl } from './html.js';

const require = createRequire(import.meta.url);
/** DejaVu Sans carries every Vietnamese glyph; pdfkit's built-in fonts do not. Embedded as subsets. */
const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  italic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
};

export interface PdfOptions {
  /** Deflate the page streams (default); tests read the uncompressed text. */
  compress?: boolean;
}

const TEXT = '#111111';
const MUTED = '#3a3a3a';
const LINK = '#0b4fa8';
const RISK = '#8f1010';
const MARGIN = 56;

type Doc = PDFKit.PDFDocument;

function letterhead(doc: Doc, edition: Edition): void {
  const width = doc.page.width - 2 * MARGIN;
  const top = doc.y;
  if (edition.motto) {
    const half = width / 2;
    doc
      .font('regular')
      .fontSize(10)
      .fillColor(TEXT)
      .text(edition.agency, MARGIN, top, { width: half, align: 'center' });
    doc.font('bold').text(edition.issuer, { width: half, align: 'center' });
    const leftBottom = doc.y;
    doc.font('bold').text(edition.motto.country, MARGIN + half, top, { width: half, align: 'center' });
    doc.font('bold').text(edition.motto.motto, { width: half, align: 'center', underline: true });
    doc.y = Math.max(leftBottom, doc.y);
  } else {
    doc.font('regular').fontSize(10).fillColor(TEXT).text(edition.agency, MARGIN, top, { width, align: 'left' });
    doc.font('bold').text(edition.issuer, { width, align: 'left' });
  }
  doc.moveDown(0.6);
  doc.font('italic').fontSize(10).text(edition.dateLine, MARGIN, doc.y, { width, align: 'right' });
  doc.moveDown(1);
  doc.font('bold').fontSize(18).text(edition.heading, { width, align: 'center' });
  doc.font('regular').fontSize(9.5).fillColor(MUTED).text(edition.window, { width, align: 'center' });
  doc.fillColor(TEXT).moveDown(1);
}

function paragraph(doc: Doc, text: string, font: 'regular' | 'bold' | 'italic', size: number, indent = 0): void {
  doc
    .font(font)
    .fontSize(size)
    .text(text.trim(), MARGIN + indent, doc.y, { width: doc.page.width - 2 * MARGIN - indent, paragraphGap: 3 });
}

function entry(doc: Doc, item: EditionEntry): void {
  const indent = 22;
  const width = doc.page.width - 2 * MARGIN - indent;
  // Keep a headline with at least its first lines: start a new page when fewer than ~4 lines remain.
  if (doc.y > doc.page.height - MARGIN - 60) doc.addPage();
  const top = doc.y;
  doc
    .font('bold')
    .fontSize(11)
    .fillColor(TEXT)
    .text(`${item.number}.`, MARGIN, top, { width: indent - 4 });
  doc
    .font('bold')
    .fontSize(11)
    .text(item.headline, MARGIN + indent, top, { width });
  doc.font('regular').fontSize(9).fillColor(MUTED).text(item.meta, { width });
  if (item.warning) doc.font('bold').fontSize(9.5).fillColor(RISK).text(`Cần lưu ý: ${item.warning}`, { width });
  doc.fillColor(TEXT);
  if (item.extract) paragraph(doc, item.extract, 'regular', 10.5, indent);
  if (item.comment) paragraph(doc, `Ý kiến của biên tập: ${item.comment}`, 'italic', 10.5, indent);
  for (const link of item.links) {
    const options = isWebUrl(link.url) ? { width, link: link.url, underline: true } : { width };
    doc
      .font('regular')
      .fontSize(9)
      .fillColor(LINK)
      .text(link.text, MARGIN + indent, doc.y, options);
  }
  doc.fillColor(TEXT).moveDown(0.7);
}

/** "Trang 2/5" at the foot of every page, once all pages exist. */
function pageNumbers(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing into the bottom margin would start a new page.
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(9)
      .fillColor(MUTED)
      .text(`Trang ${i + 1}/${range.count}`, MARGIN, doc.page.height - 36, {
        width: doc.page.width - 2 * MARGIN,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}

/** The edition as an A4 PDF with DejaVu Sans embedded, its links clickable and its pages numbered. */
export function renderPdf(edition: Edition, options: PdfOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    compress: options.compress ?? true,
    lang: 'vi',
    displayTitle: true,
    info: {
      Title: edition.documentTitle,
      Author: edition.issuer,
      Subject: edition.heading,
      Creator: 'Loa',
      Producer: 'Loa',
    },
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.registerFont('italic', FONTS.italic);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  letterhead(doc, edition);
  if (edition.addressee) paragraph(doc, edition.addressee, 'bold', 11);
  if (edition.copyNote) {
    doc.fillColor(MUTED);
    paragraph(doc, edition.copyNote, 'italic', 9.5);
    doc.fillColor(TEXT);
  }
  if (edition.intro) paragraph(doc, edition.intro, 'regular', 11);
  for (const section of edition.sections) {
    if (doc.y > doc.page.height - MARGIN - 100) doc.addPage();
    doc.moveDown(0.6);
    paragraph(doc, section.heading.toLocaleUpperCase('vi'), 'bold', 13);
    const y = doc.y;
    doc
      .moveTo(MARGIN, y)
      .lineTo(doc.page.width - MARGIN, y)
      .lineWidth(0.8)
      .stroke('#8a8a8a');
    doc.moveDown(0.5);
    for (const group of section.groups) {
      if (group.heading) paragraph(doc, group.heading, 'bold', 11.5);
      for (const item of group.entries) entry(doc, item);
    }
  }
  if (edition.emptyNote) paragraph(doc, edition.emptyNote, 'italic', 11);
  if (edition.closing) {
    doc.moveDown(0.8);
    paragraph(doc, edition.closing, 'regular', 11);
  }
  pageNumbers(doc);
  doc.end();
  return done;
}
