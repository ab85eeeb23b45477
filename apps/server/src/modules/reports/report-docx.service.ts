// The report as an editable Word document in the format of Nghị định 30/2020/NĐ-CP: A4, the decree's margins, Times
// New Roman 14 pt; the two-column header (agency and number | national name, motto, place and date), "BÁO CÁO" and
// the subject, the sections with their tables and the chart, page numbers from page 2, "Nơi nhận" beside the signature.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
} from 'docx';
import sharp from 'sharp';
import { chartSvg } from './report-chart.js';
import { paragraphsOf, type ReportDocument, type TableSpec } from './report-document.js';
import {
  DOCX_PAGE,
  FIRST_LINE_INDENT_CM,
  FONT_NAME,
  FONT_PT,
  HEADER_SPLIT,
  LINE_SPACING,
  PARAGRAPH_AFTER_PT,
  SIGNATURE_SPLIT,
} from './report-layout.js';

/** Half-points, as Word sizes fonts. */
const half = (pt: number) => pt * 2;
/** Twentieths of a point. */
const twips = (pt: number) => pt * 20;
const LINE = Math.round(240 * LINE_SPACING);
const INDENT = Math.round((FIRST_LINE_INDENT_CM / 2.54) * 1440);
const RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
const CELL_BORDER: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

interface RunOptions {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

const run = (text: string, { bold, italics, size = FONT_PT.body }: RunOptions = {}) =>
  new TextRun({ text, bold: bold ?? false, italics: italics ?? false, size: half(size), font: FONT_NAME });

const centred = (text: string, options: RunOptions = {}, after = 0) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: twips(after) }, children: [run(text, options)] });

/** A short centred rule: an empty paragraph whose bottom border spans `fraction` of `width` (twips). */
function rule(width: number, fraction: number, after = 4): Paragraph {
  const side = Math.round((width * (1 - fraction)) / 2);
  return new Paragraph({
    indent: { left: side, right: side },
    border: { bottom: RULE },
    spacing: { after: twips(after) },
    children: [],
  });
}

function bodyParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: INDENT },
    spacing: { after: twips(PARAGRAPH_AFTER_PT), line: LINE },
    children: [run(text)],
  });
}

const noBorders = { borders: TableBorders.NONE };

function twoColumns(left: Paragraph[], right: Paragraph[], split: number): Table {
  const leftWidth = Math.round(DOCX_PAGE.textWidth * split);
  const widths = [leftWidth, DOCX_PAGE.textWidth - leftWidth];
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, ...noBorders, children });
  return new Table({
    width: { size: DOCX_PAGE.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    ...noBorders,
    rows: [new TableRow({ children: [cell(left, widths[0]!), cell(right, widths[1]!)] })],
  });
}

function headerBlock(doc: ReportDocument): Table {
  const leftWidth = Math.round(DOCX_PAGE.textWidth * HEADER_SPLIT);
  const rightWidth = DOCX_PAGE.textWidth - leftWidth;
  return twoColumns(
    [
      centred(doc.header.parentAgency, { size: FONT_PT.agency }),
      centred(doc.header.issuer, { size: FONT_PT.agency, bold: true }),
      rule(leftWidth, 0.35, 6),
      centred(doc.header.numberLine, { size: FONT_PT.agency }),
    ],
    [
      centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: FONT_PT.nation, bold: true }),
      centred('Độc lập - Tự do - Hạnh phúc', { size: FONT_PT.motto, bold: true }),
      rule(rightWidth, 0.62, 6),
      centred(doc.header.placeDate, { size: FONT_PT.body, italics: true }),
    ],
    HEADER_SPLIT,
  );
}

function dataTable(spec: TableSpec): (Paragraph | Table)[] {
  if (spec.rows.length === 0) return spec.empty ? [bodyParagraph(spec.empty)] : [];
  const total = spec.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = spec.columns.map((c) => Math.floor((DOCX_PAGE.textWidth * c.width) / total));
  const borders = {
    top: CELL_BORDER,
    bottom: CELL_BORDER,
    left: CELL_BORDER,
    right: CELL_BORDER,
  };
  const align = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;
  const cell = (text: string, index: number, header: boolean) =>
    new TableCell({
      width: { size: widths[index]!, type: WidthType.DXA },
      borders,
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 60, right: 60, top: 20, bottom: 20 },
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : align[spec.columns[index]!.align],
          children: [run(text, { bold: header, size: FONT_PT.table })],
        }),
      ],
    });
  return [
    new Table({
      width: { size: DOCX_PAGE.textWidth, type: WidthType.DXA },
      columnWidths: widths,
      rows: [
        new TableRow({ tableHeader: true, children: spec.columns.map((c, i) => cell(c.header, i, true)) }),
        ...spec.rows.map(
          (row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, i, false)) }),
        ),
      ],
    }),
    new Paragraph({ spacing: { after: twips(PARAGRAPH_AFTER_PT) }, children: [] }),
  ];
}

/** The chart as a PNG (drawn at twice its shown size, for print). */
export async function chartPng(doc: ReportDocument, width: number, height: number): Promise<Buffer> {
  const svg = chartSvg(doc.chart, { width: width * 2, height: height * 2 });
  return sharp(Buffer.from(svg)).png().toBuffer();
}

async function chartBlock(doc: ReportDocument): Promise<Paragraph[]> {
  const [width, height] = [600, 300];
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new ImageRun({ type: 'png', data: await chartPng(doc, width, height), transformation: { width, height } }),
      ],
    }),
    centred(doc.chart.title, { italics: true, size: FONT_PT.table }, PARAGRAPH_AFTER_PT),
  ];
}

function signatureBlock(doc: ReportDocument): Table {
  const { authority, title, name } = doc.signature;
  const left = [
    new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: FONT_PT.recipientsLabel })] }),
    ...doc.recipients.map((line) => new Paragraph({ children: [run(line, { size: FONT_PT.recipients })] })),
  ];
  const right = [
    ...(authority ? [centred(authority.toLocaleUpperCase('vi'), { bold: true })] : []),
    ...(title ? [centred(title.toLocaleUpperCase('vi'), { bold: true })] : []),
    // Room for the signature and the seal.
    ...[1, 2, 3, 4].map(() => new Paragraph({ children: [] })),
    centred(name, { bold: true }),
  ];
  return twoColumns(left, right, SIGNATURE_SPLIT);
}

/** The DOCX file of a report. */
export async function renderReportDocx(doc: ReportDocument): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [
    headerBlock(doc),
    new Paragraph({ spacing: { after: twips(12) }, children: [] }),
    centred(doc.title, { bold: true, size: FONT_PT.title }),
    centred(doc.subject, { bold: true, size: FONT_PT.title }),
    rule(DOCX_PAGE.textWidth, 0.25, 12),
  ];
  for (const section of doc.sections) {
    body.push(
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: INDENT },
        keepNext: true,
        spacing: { before: twips(PARAGRAPH_AFTER_PT), after: twips(PARAGRAPH_AFTER_PT), line: LINE },
        children: [run(section.heading, { bold: true })],
      }),
      ...paragraphsOf(section.text).map(bodyParagraph),
    );
    if (section.table !== 'none') {
      body.push(...dataTable(doc.tables[section.table]));
      if (section.table === 'figures') body.push(...(await chartBlock(doc)));
    }
  }
  body.push(new Paragraph({ spacing: { after: twips(12) }, children: [] }), signatureBlock(doc));

  const document = new Document({
    creator: 'Loa',
    title: `${doc.title} ${doc.subject}`,
    description: `${doc.meta.unitName} — ${doc.meta.periodLabel}`,
    styles: { default: { document: { run: { font: FONT_NAME, size: half(FONT_PT.body) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: DOCX_PAGE.width, height: DOCX_PAGE.height },
            margin: { ...DOCX_PAGE.margin, header: Math.round(DOCX_PAGE.margin.top / 2) },
          },
        },
        headers: {
          // Page numbers centred in the top margin from page 2; none on the first page.
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: [PageNumber.CURRENT], font: FONT_NAME, size: half(FONT_PT.pageNumber) }),
                ],
              }),
            ],
          }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
