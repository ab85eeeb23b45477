import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from 'docx';
import type { Edition, EditionEntry, EditionSection } from './document.js';
import { isWebUrl } from './html.js';

const require = createRequire(import.meta.url);
/** The font Word and LibreOffice show the edition in, embedded so Vietnamese prints right without it installed. */
export const DOCX_FONT = 'DejaVu Sans';
let regularFace: Buffer | undefined;
/**
 * The regular face, read once per process. Only it is embedded: Word and LibreOffice draw bold and italic from it
 * when DejaVu is not installed, and each further face would add some 350 kB to every recipient's e-mail.
 */
function regular(): Buffer {
  regularFace ??= readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
  return regularFace;
}

const NUMBERING = 'review-entries';
const TEXT = '111111';
const MUTED = '3A3A3A';
const RISK = '8F1010';
/** Half-points. */
const SIZE = { small: 18, body: 21, meta: 18 };

const para = (text: string, options: { bold?: boolean; italics?: boolean; size?: number; color?: string } = {}) =>
  new Paragraph({ spacing: { after: 80 }, children: [new TextRun({ text, ...options })] });

function linkRun(url: string, text: string): ParagraphChild {
  if (!isWebUrl(url)) return new TextRun({ text, size: SIZE.meta });
  return new ExternalHyperlink({ link: url, children: [new TextRun({ text, style: 'Hyperlink', size: SIZE.meta })] });
}

function entryParagraphs(item: EditionEntry, instance: number): Paragraph[] {
  const indent = { left: 440 };
  const paragraphs = [
    new Paragraph({
      numbering: { reference: NUMBERING, level: 0, instance },
      keepNext: true,
      spacing: { before: 120, after: 40 },
      children: [new TextRun({ text: item.headline, bold: true })],
    }),
    new Paragraph({
      indent,
      spacing: { after: 40 },
      children: [new TextRun({ text: item.meta, size: SIZE.meta, color: MUTED })],
    }),
  ];
  if (item.warning) {
    paragraphs.push(
      new Paragraph({
        indent,
        children: [new TextRun({ text: `Cần lưu ý: ${item.warning}`, bold: true, size: SIZE.meta, color: RISK })],
      }),
    );
  }
  for (const text of item.extract.split(/\n\s*\n/).filter((p) => p.trim())) {
    paragraphs.push(new Paragraph({ indent, spacing: { after: 60 }, children: [new TextRun(text.trim())] }));
  }
  if (item.comment) {
    paragraphs.push(
      new Paragraph({
        indent,
        spacing: { after: 60 },
        children: [new TextRun({ text: `Ý kiến của biên tập: ${item.comment}`, italics: true })],
      }),
    );
  }
  for (const link of item.links) {
    paragraphs.push(new Paragraph({ indent, spacing: { after: 20 }, children: [linkRun(link.url, link.text)] }));
  }
  return paragraphs;
}

function sectionParagraphs(section: EditionSection, instance: number): Paragraph[] {
  const out = [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(section.heading)] })];
  for (const group of section.groups) {
    if (group.heading) {
      out.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(group.heading)] }));
    }
    for (const item of group.entries) out.push(...entryParagraphs(item, instance));
  }
  return out;
}

function letterhead(edition: Edition): Paragraph[] {
  const centred = (text: string, bold: boolean, extra: { underline?: object; italics?: boolean } = {}) =>
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold, size: 22, ...extra })] });
  const out = [centred(edition.agency, false), centred(edition.issuer, true)];
  if (edition.motto) {
    out.push(centred(edition.motto.country, true), centred(edition.motto.motto, true, { underline: {} }));
  }
  out.push(
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 160, after: 160 },
      children: [new TextRun({ text: edition.dateLine, italics: true })],
    }),
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      alignment: AlignmentType.CENTER,
      children: [new TextRun(edition.heading)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: edition.window, size: SIZE.small, color: MUTED })],
    }),
  );
  return out;
}

/** The edition as a Word document (A4): real headings, numbered entries, clickable links, DejaVu Sans embedded. */
export async function renderDocx(edition: Edition): Promise<Buffer> {
  const children: Paragraph[] = letterhead(edition);
  if (edition.addressee) children.push(para(edition.addressee, { bold: true }));
  if (edition.copyNote) children.push(para(edition.copyNote, { italics: true, size: SIZE.small, color: MUTED }));
  for (const text of (edition.intro ?? '').split(/\n\s*\n/).filter((p) => p.trim())) children.push(para(text.trim()));
  edition.sections.forEach((section, i) => children.push(...sectionParagraphs(section, i + 1)));
  if (edition.emptyNote) children.push(para(edition.emptyNote, { italics: true }));
  if (edition.closing) {
    children.push(new Paragraph({ spacing: { before: 240 }, children: [new TextRun(edition.closing)] }));
  }
  const heading = (size: number) => ({ run: { font: DOCX_FONT, size, bold: true, color: TEXT } });
  const doc = new Document({
    title: edition.documentTitle,
    subject: edition.heading,
    creator: 'Loa',
    description: edition.window,
    fonts: [{ name: DOCX_FONT, data: regular() }],
    theme: { fonts: { headings: DOCX_FONT, body: DOCX_FONT } },
    styles: {
      default: {
        document: { run: { font: DOCX_FONT, size: SIZE.body, color: TEXT, language: { value: 'vi-VN' } } },
        heading1: { ...heading(32), paragraph: { spacing: { before: 120, after: 60 } } },
        heading2: { ...heading(26), paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
        heading3: { ...heading(22), paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
      },
    },
    numbering: {
      config: [
        {
          reference: NUMBERING,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 440, hanging: 440 } }, run: { bold: true } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['Trang ', PageNumber.CURRENT, '/', PageNumber.TOTAL_PAGES],
                    size: SIZE.small,
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
