// The page of Nghị định 30/2020/NĐ-CP (Phụ lục I): A4 portrait; margins top and bottom 20–25 mm, left 30–35 mm,
// right 15–20 mm; Times New Roman 13–14 pt; first-line indent 1–1.27 cm; at least 6 pt between paragraphs.
// One set of numbers for both the DOCX (twips, half-points) and the PDF (points).

export const A4_MM = { width: 210, height: 297 } as const;
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;

/** Font sizes in points. */
export const FONT_PT = {
  body: 14,
  /** "BẢO HIỂM XÃ HỘI VIỆT NAM" and the issuing unit, "Số: …". */
  agency: 13,
  /** "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (12–13 pt; 12 keeps it on one line of its column). */
  nation: 12,
  /** "Độc lập - Tự do - Hạnh phúc". */
  motto: 13,
  title: 14,
  table: 12,
  /** "Nơi nhận:" and the recipients. */
  recipientsLabel: 12,
  recipients: 11,
  pageNumber: 13,
} as const;

export const FIRST_LINE_INDENT_CM = 1.27;
export const PARAGRAPH_AFTER_PT = 6;
/** Line spacing as a multiple of single spacing (single to 1.5 allowed). */
export const LINE_SPACING = 1.15;
/** The header's two columns: the agency on the left, the national name and motto on the right. */
export const HEADER_SPLIT = 0.42;
/** The end's two columns: recipients on the left, the signature on the right. */
export const SIGNATURE_SPLIT = 0.5;

export const FONT_NAME = 'Times New Roman';

const TWIPS_PER_MM = 1440 / 25.4;
const POINTS_PER_MM = 72 / 25.4;

export const mmToTwips = (mm: number) => Math.round(mm * TWIPS_PER_MM);
export const mmToPoints = (mm: number) => mm * POINTS_PER_MM;

/** The page in twips, as the DOCX section properties take it. */
export const DOCX_PAGE = {
  width: mmToTwips(A4_MM.width),
  height: mmToTwips(A4_MM.height),
  margin: {
    top: mmToTwips(MARGINS_MM.top),
    bottom: mmToTwips(MARGINS_MM.bottom),
    left: mmToTwips(MARGINS_MM.left),
    right: mmToTwips(MARGINS_MM.right),
  },
  /** The width between the margins. */
  textWidth: mmToTwips(A4_MM.width - MARGINS_MM.left - MARGINS_MM.right),
} as const;

/** The page in points, as pdfkit takes it. */
export const PDF_PAGE = {
  width: mmToPoints(A4_MM.width),
  height: mmToPoints(A4_MM.height),
  margins: {
    top: mmToPoints(MARGINS_MM.top),
    bottom: mmToPoints(MARGINS_MM.bottom),
    left: mmToPoints(MARGINS_MM.left),
    right: mmToPoints(MARGINS_MM.right),
  },
} as const;
