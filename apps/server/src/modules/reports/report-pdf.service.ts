// The report as a PDF in the format of Nghị định 30/2020/NĐ-CP, laid out like the DOCX: A4, the decree's margins,
// Liberation Serif (metric-compatible with Times New Roman, vendored under assets/fonts so no OS font is needed),
// the chart drawn as vectors, page numbers centred in the top margin from page 2.
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { chartGeometry } from './report-chart.js';
import { viNumber } from './report-format.js';
import { paragraphsOf, type ReportDocument, type TableSpec } from './report-document.js';
import {
  FIRST_LINE_INDENT_CM,
  FONT_PT,
  HEADER_SPLIT,
  LINE_SPACING,
  PARAGRAPH_AFTER_PT,
  PDF_PAGE,
  SIGNATURE_SPLIT,
} from './report-layout.js';

const FONT_DIR = fileURLToPath(new URL('../../../assets/fonts/liberation/', import.meta.url));
export const PDF_FONTS = {
  regular: `${FONT_DIR}LiberationSerif-Regular.ttf`,
  bold: `${FONT_DIR}LiberationSerif-Bold.ttf`,
  italic: `${FONT_DIR}LiberationSerif-Italic.ttf`,
  boldItalic: `${FONT_DIR}LiberationSerif-BoldItalic.ttf`,
} as const;
type Face = keyof typeof PDF_FONTS;

type Doc = PDFKit.PDFDocument;

const LEFT = PDF_PAGE.margins.left;
const WIDTH = PDF_PAGE.width - PDF_PAGE.margins.left - PDF_PAGE.margins.right;
const BOTTOM = PDF_PAGE.height - PDF_PAGE.margins.bottom;
const INDENT = (FIRST_LINE_INDENT_CM / 2.54) * 72;
/** Extra space between lines for the line spacing (pdfkit adds it to the font's own line height). */
const lineGap = (size: number) => size * (LINE_SPACING - 1);

function centredLines(
  doc: Doc,
  lines: { text: string; face: Face; size: number }[],
  x: number,
  y: number,
  width: number,
) {
  doc.y = y;
  for (const line of lines)
    doc.font(line.face).fontSize(line.size).text(line.text, x, doc.y, { width, align: 'center' });
  return doc.y;
}

/** A rule of `length` centred in a column, just below `y`. */
function rule(doc: Doc, x: number, width: number, length: number, y: number) {
  const start = x + (width - length) / 2;
  doc
    .moveTo(start, y + 4)
    .lineTo(start + length, y + 4)
    .lineWidth(0.6)
    .stroke();
}

function header(doc: Doc, document: ReportDocument) {
  const leftWidth = WIDTH * HEADER_SPLIT;
  const rightX = LEFT + leftWidth;
  const rightWidth = WIDTH - leftWidth;
  const top = PDF_PAGE.margins.top;
  let left = centredLines(
    doc,
    [
      { text: document.header.parentAgency, face: 'regular', size: FONT_PT.agency },
      { text: document.header.issuer, face: 'bold', size: FONT_PT.agency },
    ],
    LEFT,
    top,
    leftWidth,
  );
  rule(doc, LEFT, leftWidth, leftWidth * 0.35, left);
  left = centredLines(
    doc,
    [{ text: document.header.numberLine, face: 'regular', size: FONT_PT.agency }],
    LEFT,
    left + 10,
    leftWidth,
  );
  let right = centredLines(
    doc,
    [
      { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', face: 'bold', size: FONT_PT.nation },
      { text: 'Độc lập - Tự do - Hạnh phúc', face: 'bold', size: FONT_PT.motto },
    ],
    rightX,
    top,
    rightWidth,
  );
  const mottoWidth = doc.font('bold').fontSize(FONT_PT.motto).widthOfString('Độc lập - Tự do - Hạnh phúc');
  rule(doc, rightX, rightWidth, mottoWidth, right);
  right = centredLines(
    doc,
    [{ text: document.header.placeDate, face: 'italic', size: FONT_PT.body }],
    rightX,
    right + 10,
    rightWidth,
  );
  doc.y = Math.max(left, right) + 18;
  centredLines(
    doc,
    [
      { text: document.title, face: 'bold', size: FONT_PT.title },
      { text: document.subject, face: 'bold', size: FONT_PT.title },
    ],
    LEFT,
    doc.y,
    WIDTH,
  );
  rule(doc, LEFT, WIDTH, WIDTH * 0.25, doc.y);
  doc.y += 18;
}

function ensureRoom(doc: Doc, height: number) {
  if (doc.y + height > BOTTOM) doc.addPage();
}

function paragraph(doc: Doc, text: string, face: Face = 'regular') {
  doc.font(face).fontSize(FONT_PT.body);
  ensureRoom(doc, FONT_PT.body * 2.4);
  doc.text(text, LEFT, doc.y, {
    width: WIDTH,
    align: 'justify',
    indent: INDENT,
    lineGap: lineGap(FONT_PT.body),
    paragraphGap: PARAGRAPH_AFTER_PT,
  });
}

function table(doc: Doc, spec: TableSpec) {
  if (spec.rows.length === 0) {
    if (spec.empty) paragraph(doc, spec.empty);
    return;
  }
  const total = spec.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = spec.columns.map((c) => (WIDTH * c.width) / total);
  const pad = 3;
  const size = FONT_PT.table;
  const heightOf = (cells: string[], face: Face) => {
    doc.font(face).fontSize(size);
    return Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: widths[i]! - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: string[], face: Face, header: boolean) => {
    const height = heightOf(cells, face);
    if (doc.y + height > BOTTOM) {
      doc.addPage();
      if (!header)
        drawRow(
          spec.columns.map((c) => c.header),
          'bold',
          true,
        );
    }
    const top = doc.y;
    let x = LEFT;
    cells.forEach((text, i) => {
      const width = widths[i]!;
      doc.rect(x, top, width, height).lineWidth(0.5).stroke();
      const align = header ? 'center' : spec.columns[i]!.align;
      doc
        .font(face)
        .fontSize(size)
        .text(text, x + pad, top + pad, { width: width - 2 * pad, align });
      x += width;
    });
    doc.y = top + height;
  };
  ensureRoom(
    doc,
    heightOf(
      spec.columns.map((c) => c.header),
      'bold',
    ) + 20,
  );
  drawRow(
    spec.columns.map((c) => c.header),
    'bold',
    true,
  );
  for (const row of spec.rows) drawRow(row, 'regular', false);
  doc.y += PARAGRAPH_AFTER_PT;
}

function chart(doc: Doc, document: ReportDocument) {
  const box = { width: WIDTH * 0.9, height: WIDTH * 0.45 };
  ensureRoom(doc, box.height + 30);
  const x0 = LEFT + (WIDTH - box.width) / 2;
  const y0 = doc.y;
  const g = chartGeometry(document.chart, box);
  const size = box.height / 26;
  doc.font('regular').fontSize(size);
  for (const line of g.grid) {
    doc
      .moveTo(x0 + g.plot.x, y0 + line.y)
      .lineTo(x0 + g.plot.x + g.plot.width, y0 + line.y)
      .lineWidth(0.4)
      .strokeColor('#BFBFBF')
      .stroke();
    doc.fillColor('#000000').text(line.label, x0, y0 + line.y - size / 2, { width: g.plot.x - 4, align: 'right' });
  }
  doc.strokeColor('#000000');
  for (const bar of g.bars) {
    if (bar.height > 0) doc.rect(x0 + bar.x, y0 + bar.y, bar.width, bar.height).fill(bar.color);
    doc
      .fillColor('#000000')
      .fontSize(size * 0.85)
      .text(viNumber(bar.value), x0 + bar.x - 10, y0 + bar.y - size, {
        width: bar.width + 20,
        align: 'center',
      });
  }
  const slot = g.plot.width / Math.max(1, g.categories.length);
  for (const category of g.categories) {
    doc.fontSize(size).text(category.label, x0 + category.x - slot / 2, y0 + g.plot.y + g.plot.height + size * 0.5, {
      width: slot,
      align: 'center',
    });
  }
  for (const item of g.legend) {
    doc.rect(x0 + item.x, y0 + item.y - size * 0.8, size, size).fill(item.color);
    doc.fillColor('#000000').text(item.name, x0 + item.x + size * 1.4, y0 + item.y - size * 0.85, { lineBreak: false });
  }
  doc.y = y0 + box.height + 4;
  doc.font('italic').fontSize(FONT_PT.table).text(document.chart.title, LEFT, doc.y, { width: WIDTH, align: 'center' });
  doc.y += PARAGRAPH_AFTER_PT;
}

function signature(doc: Doc, document: ReportDocument) {
  const { authority, title, name } = document.signature;
  const leftWidth = WIDTH * SIGNATURE_SPLIT;
  const rightWidth = WIDTH - leftWidth;
  const needed = 24 + Math.max(document.recipients.length * 14, 140);
  ensureRoom(doc, needed);
  const top = doc.y + 12;
  doc.font('boldItalic').fontSize(FONT_PT.recipientsLabel).text('Nơi nhận:', LEFT, top, { width: leftWidth });
  doc.font('regular').fontSize(FONT_PT.recipients);
  for (const line of document.recipients) doc.text(line, LEFT, doc.y, { width: leftWidth });
  const leftBottom = doc.y;
  doc.y = top;
  const lines = [authority, title].filter(Boolean).map((text) => text.toLocaleUpperCase('vi'));
  for (const line of lines)
    doc
      .font('bold')
      .fontSize(FONT_PT.body)
      .text(line, LEFT + leftWidth, doc.y, { width: rightWidth, align: 'center' });
  // Room for the signature and the seal.
  doc.y += FONT_PT.body * 5;
  if (name)
    doc
      .font('bold')
      .fontSize(FONT_PT.body)
      .text(name, LEFT + leftWidth, doc.y, { width: rightWidth, align: 'center' });
  doc.y = Math.max(doc.y, leftBottom);
}

/** Page numbers centred in the top margin, none on the first page. */
function pageNumbers(doc: Doc) {
  const range = doc.bufferedPageRange();
  for (let index = range.start + 1; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    doc
      .font('regular')
      .fontSize(FONT_PT.pageNumber)
      .text(String(index + 1), LEFT, PDF_PAGE.margins.top / 2 - 4, {
        width: WIDTH,
        align: 'center',
        lineBreak: false,
      });
  }
}

/** The PDF file of a report. */
export function renderReportPdf(document: ReportDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: PDF_PAGE.margins,
    bufferPages: true,
    info: {
      Title: `${document.title} ${document.subject}`,
      Author: document.meta.unitName,
      Subject: document.meta.periodLabel,
      Creator: 'Loa',
      CreationDate: document.meta.generatedAt,
    },
  });
  for (const [face, file] of Object.entries(PDF_FONTS)) doc.registerFont(face, file);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('regular').fontSize(FONT_PT.body).fillColor('#000000');
  header(doc, document);
  for (const section of document.sections) {
    ensureRoom(doc, FONT_PT.body * 4);
    paragraph(doc, section.heading, 'bold');
    for (const text of paragraphsOf(section.text)) paragraph(doc, text);
    if (section.table !== 'none') {
      table(doc, document.tables[section.table]);
      if (section.table === 'figures') chart(doc, document);
    }
  }
  signature(doc, document);
  pageNumbers(doc);
  doc.end();
  return done;
}
