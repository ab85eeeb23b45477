// Reports of communication work (issue 9 §4): monthly, quarterly, six-monthly and annual reports per unit, rolled up
// from districts to provinces to the centre, in the administrative format of Nghị định 30/2020/NĐ-CP — generated as a
// job (with progress) into DOCX (editable), PDF and XLSX; drafted, edited, approved and archived (decision 0045).
import { z } from 'zod';
import { ZId, ZListQuery, ZProblem, ZVersion } from './common.js';

export const REPORT_PERIOD_KINDS = ['month', 'quarter', 'half', 'year'] as const;
export const ZReportPeriodKind = z.enum(REPORT_PERIOD_KINDS);
export type TReportPeriodKind = z.infer<typeof ZReportPeriodKind>;

export const REPORT_PERIOD_KIND_LABELS: Record<TReportPeriodKind, { vi: string; en: string }> = {
  month: { vi: 'Báo cáo tháng', en: 'Monthly report' },
  quarter: { vi: 'Báo cáo quý', en: 'Quarterly report' },
  half: { vi: 'Báo cáo 6 tháng', en: 'Six-monthly report' },
  year: { vi: 'Báo cáo năm', en: 'Annual report' },
};

/** draft (editable, regenerable) → approved (signed off, documents frozen) → archived. */
export const REPORT_STATUSES = ['draft', 'approved', 'archived'] as const;
export const ZReportStatus = z.enum(REPORT_STATUSES);
export type TReportStatus = z.infer<typeof ZReportStatus>;

export const REPORT_STATUS_LABELS: Record<TReportStatus, { vi: string; en: string }> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  archived: { vi: 'Đã lưu trữ', en: 'Archived' },
};

/** The generation job's state: queued → running (progress 0–100, the step) → done, or failed with the reason. */
export const REPORT_GENERATION_STATES = ['queued', 'running', 'done', 'failed'] as const;
export const ZReportGenerationState = z.enum(REPORT_GENERATION_STATES);
export type TReportGenerationState = z.infer<typeof ZReportGenerationState>;

export const REPORT_FORMATS = ['docx', 'pdf', 'xlsx'] as const;
export const ZReportFormat = z.enum(REPORT_FORMATS);
export type TReportFormat = z.infer<typeof ZReportFormat>;

/**
 * The period a report covers: month 1–12, quarter 1–4, half 1–2, year (period 1). `periodOfReport` turns it into the
 * inclusive days `from`..`to` (Vietnam calendar).
 */
export const ZReportPeriod = z.strictObject({
  kind: ZReportPeriodKind,
  year: z.number().int().min(2000).max(2100),
  number: z.number().int().min(1).max(12),
});
export type TReportPeriod = z.infer<typeof ZReportPeriod>;

const PERIOD_MAX: Record<TReportPeriodKind, number> = { month: 12, quarter: 4, half: 2, year: 1 };

/** The first and last day of a report period, or null when `number` does not fit the kind. */
export function periodOfReport(period: TReportPeriod): { from: string; to: string } | null {
  if (period.number > PERIOD_MAX[period.kind]) return null;
  const months = { month: 1, quarter: 3, half: 6, year: 12 }[period.kind];
  const firstMonth = (period.number - 1) * months + 1;
  const lastMonth = firstMonth + months - 1;
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastDay = new Date(Date.UTC(period.year, lastMonth, 0)).getUTCDate();
  return {
    from: `${period.year}-${pad(firstMonth)}-01`,
    to: `${period.year}-${pad(lastMonth)}-${pad(lastDay)}`,
  };
}

const ROMAN = ['I', 'II', 'III', 'IV'];
/** "quý III năm 2026", "6 tháng đầu năm 2026", "tháng 7 năm 2026", "năm 2026" (and the English). */
export function reportPeriodLabel(period: TReportPeriod, locale: 'vi' | 'en'): string {
  const { kind, year, number } = period;
  if (locale === 'vi') {
    if (kind === 'month') return `tháng ${number} năm ${year}`;
    if (kind === 'quarter') return `quý ${ROMAN[number - 1]} năm ${year}`;
    if (kind === 'half') return number === 1 ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`;
    return `năm ${year}`;
  }
  if (kind === 'month')
    return `${new Date(Date.UTC(year, number - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' })} ${year}`;
  if (kind === 'quarter') return `Q${number} ${year}`;
  if (kind === 'half') return `${number === 1 ? 'first' : 'second'} half of ${year}`;
  return `${year}`;
}

/**
 * Placeholders a template's text may use, `{{name}}`; anything else is 422 `report.unknown_placeholder` on the field.
 * Each is filled from the report's header and its figures when the report is generated.
 */
export const REPORT_PLACEHOLDERS = [
  'co_quan_chu_quan', // the parent agency's name (header line 1)
  'don_vi', // the reporting unit's name
  'ky_bao_cao', // "quý III năm 2026"
  'tu_ngay', // dd/mm/yyyy
  'den_ngay',
  'dia_danh', // place of issue
  'ngay_ky', // "ngày 05 tháng 10 năm 2026"
  'so_san_pham',
  'so_luot_dang',
  'luot_tiep_can',
  'so_hoat_dong',
  'so_nguoi_tham_du',
  'bhxh_tu_nguyen_moi',
  'bhyt_hgd_moi',
  'kinh_phi_phan_bo',
  'kinh_phi_da_chi',
  'ty_le_giai_ngan', // spent / allocated, "62,5%"
  'tin_bai_bao_chi',
  'tin_bai_tieu_cuc',
  'su_co_phat_sinh',
  'su_co_dang_xu_ly',
  'so_don_vi_truc_thuoc',
  'don_vi_da_bao_cao', // how many child units have an approved report of the same period
] as const;
export type TReportPlaceholder = (typeof REPORT_PLACEHOLDERS)[number];

export const REPORT_PLACEHOLDER_LABELS: Record<TReportPlaceholder, { vi: string; en: string }> = {
  co_quan_chu_quan: { vi: 'Cơ quan chủ quản', en: 'Parent agency' },
  don_vi: { vi: 'Tên đơn vị báo cáo', en: 'Reporting unit' },
  ky_bao_cao: { vi: 'Kỳ báo cáo', en: 'Reporting period' },
  tu_ngay: { vi: 'Từ ngày', en: 'From' },
  den_ngay: { vi: 'Đến ngày', en: 'To' },
  dia_danh: { vi: 'Địa danh', en: 'Place' },
  ngay_ky: { vi: 'Ngày ký', en: 'Date of signing' },
  so_san_pham: { vi: 'Số sản phẩm truyền thông', en: 'Products' },
  so_luot_dang: { vi: 'Số lượt đăng tải, phát sóng', en: 'Publications' },
  luot_tiep_can: { vi: 'Lượt tiếp cận', en: 'Reach' },
  so_hoat_dong: { vi: 'Số hoạt động truyền thông trực tiếp', en: 'Direct events' },
  so_nguoi_tham_du: { vi: 'Số người tham dự', en: 'Attendance' },
  bhxh_tu_nguyen_moi: { vi: 'Người tham gia BHXH tự nguyện mới', en: 'New voluntary BHXH participants' },
  bhyt_hgd_moi: { vi: 'Người tham gia BHYT hộ gia đình mới', en: 'New household BHYT participants' },
  kinh_phi_phan_bo: { vi: 'Kinh phí được phân bổ', en: 'Budget allocated' },
  kinh_phi_da_chi: { vi: 'Kinh phí đã chi', en: 'Budget spent' },
  ty_le_giai_ngan: { vi: 'Tỷ lệ giải ngân', en: 'Share of budget spent' },
  tin_bai_bao_chi: { vi: 'Tin bài báo chí về ngành', en: 'Press articles' },
  tin_bai_tieu_cuc: { vi: 'Tin bài tiêu cực', en: 'Negative press articles' },
  su_co_phat_sinh: { vi: 'Sự cố truyền thông phát sinh', en: 'Incidents opened' },
  su_co_dang_xu_ly: { vi: 'Sự cố đang xử lý', en: 'Incidents still open' },
  so_don_vi_truc_thuoc: { vi: 'Số đơn vị trực thuộc', en: 'Child units' },
  don_vi_da_bao_cao: { vi: 'Số đơn vị trực thuộc đã có báo cáo được duyệt', en: 'Child units with an approved report' },
};

/** Every `{{name}}` in a text, in order (names as written, trimmed). */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)].map((m) => m[1]!);
}
/** The names in `text` that are not REPORT_PLACEHOLDERS. */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(REPORT_PLACEHOLDERS);
  return placeholdersIn(text).filter((name) => !known.has(name));
}

/** One section of the body: a heading ("I. KẾT QUẢ THỰC HIỆN") and its paragraphs (blank lines split them). */
export const ZReportSection = z.strictObject({
  heading: z.string().trim().min(1).max(300),
  text: z.string().max(20_000),
  /** Which generated table follows the text, if any. */
  table: z.enum(['none', 'figures', 'children', 'plan_actual', 'coverage', 'budget', 'press']).default('none'),
});
export type TReportSection = z.infer<typeof ZReportSection>;

// ---- Templates (the body's sections with placeholders; admins and the Communication Center keep them)

export const ZReportTemplate = z.object({
  id: ZId,
  name: z.string(),
  /** The kinds of report it is offered for (empty: every kind). */
  periodKinds: z.array(ZReportPeriodKind),
  /** Subject line (trích yếu) with placeholders, e.g. "Báo cáo kết quả công tác truyền thông {{ky_bao_cao}}". */
  subject: z.string(),
  sections: z.array(ZReportSection),
  isDefault: z.boolean(),
  version: ZVersion,
  updatedAt: z.iso.datetime(),
});
export type TReportTemplate = z.infer<typeof ZReportTemplate>;

const templateFields = {
  name: z.string().trim().min(1).max(200),
  periodKinds: z.array(ZReportPeriodKind).max(4),
  subject: z.string().trim().min(1).max(500),
  sections: z.array(ZReportSection).min(1).max(30),
  isDefault: z.boolean(),
};
export const ZCreateReportTemplateRequest = z.strictObject(templateFields);
export type TCreateReportTemplateRequest = z.infer<typeof ZCreateReportTemplateRequest>;
export const ZUpdateReportTemplateRequest = z
  .strictObject({ ...templateFields, version: ZVersion })
  .partial()
  .required({ version: true });
export type TUpdateReportTemplateRequest = z.infer<typeof ZUpdateReportTemplateRequest>;

// ---- Reports

const unitRef = z.object({ id: ZId, code: z.string(), name: z.string(), kind: z.string() });
const person = z.object({ id: ZId, fullName: z.string() });

export const ZReportGeneration = z.object({
  state: ZReportGenerationState,
  /** 0–100 */
  progress: z.number().int(),
  /** What the job is doing now ("figures", "children", "docx", "pdf", "xlsx"), null when idle. */
  step: z.string().nullable(),
  error: z.string().nullable(),
  /** When the figures were read (the documents show them as of this instant). */
  generatedAt: z.iso.datetime().nullable(),
});
export type TReportGeneration = z.infer<typeof ZReportGeneration>;

export const ZReportSummary = z.object({
  id: ZId,
  orgUnit: unitRef,
  period: ZReportPeriod,
  from: z.iso.date(),
  to: z.iso.date(),
  /** Số, ký hiệu: "125/BC-BHXH"; null until given. */
  number: z.string().nullable(),
  subject: z.string(),
  status: ZReportStatus,
  generation: ZReportGeneration,
  createdBy: person,
  approvedBy: person.nullable(),
  approvedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TReportSummary = z.infer<typeof ZReportSummary>;

/** The child units' reports of the same period (the roll-up): each child with its report's state, if any. */
export const ZReportChildStatus = z.object({
  unit: unitRef,
  report: z.object({ id: ZId, status: ZReportStatus, number: z.string().nullable() }).nullable(),
});

export const ZReport = ZReportSummary.extend({
  templateId: ZId.nullable(),
  /** Header (Nghị định 30/2020): the parent agency and the unit issuing, the place and the date of signing. */
  parentAgency: z.string(),
  issuer: z.string(),
  place: z.string(),
  signedOn: z.iso.date().nullable(),
  /** Nơi nhận, one recipient per line ("- Như trên;"). */
  recipients: z.array(z.string()),
  /** Signature block: authority ("KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC"), the signer's title and name. */
  signerAuthority: z.string(),
  signerTitle: z.string(),
  signerName: z.string(),
  /** The body with the placeholders filled in at the last generation (edited text stays as edited). */
  sections: z.array(ZReportSection),
  children: z.array(ZReportChildStatus),
  /** Formats ready to download (after a generation finished). */
  documents: z.array(ZReportFormat),
  can: z.object({ edit: z.boolean(), approve: z.boolean(), archive: z.boolean(), delete: z.boolean() }),
  version: ZVersion,
});
export type TReport = z.infer<typeof ZReport>;

export const ZReportListQuery = ZListQuery.extend({
  status: ZReportStatus.optional(),
  periodKind: ZReportPeriodKind.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Reports of this unit and the units under it (default: the caller's scope). */
  orgUnitId: ZId.optional(),
});
export type TReportListQuery = z.infer<typeof ZReportListQuery>;

/** Starts a report: 201 with generation queued. One report per unit and period that is not archived (else 409). */
export const ZCreateReportRequest = z.strictObject({
  orgUnitId: ZId.optional(),
  period: ZReportPeriod,
  templateId: ZId.optional(),
});
export type TCreateReportRequest = z.infer<typeof ZCreateReportRequest>;

const editable = {
  number: z.string().trim().max(60).nullable(),
  subject: z.string().trim().min(1).max(500),
  parentAgency: z.string().trim().min(1).max(200),
  issuer: z.string().trim().min(1).max(200),
  place: z.string().trim().min(1).max(100),
  signedOn: z.iso.date().nullable(),
  recipients: z.array(z.string().trim().min(1).max(300)).max(30),
  signerAuthority: z.string().trim().max(100),
  signerTitle: z.string().trim().max(100),
  signerName: z.string().trim().max(100),
  sections: z.array(ZReportSection).min(1).max(30),
};
/** Edits a draft; the documents are generated again (a job). Placeholders in the text are checked like templates'. */
export const ZUpdateReportRequest = z
  .strictObject({ ...editable, version: ZVersion })
  .partial()
  .required({ version: true });
export type TUpdateReportRequest = z.infer<typeof ZUpdateReportRequest>;

/** Reads the figures again and regenerates the documents (drafts only); `resetText` refills sections from the template. */
export const ZRegenerateReportRequest = z.strictObject({
  version: ZVersion,
  resetText: z.boolean().optional(),
});
export const ZReportActionRequest = z.strictObject({ version: ZVersion });

/** The 409 `report.exists` problem names the live report of the same unit and period (RFC 9457 extension member). */
export const ZReportExistsProblem = ZProblem.extend({ existingId: ZId });
export type TReportExistsProblem = z.infer<typeof ZReportExistsProblem>;
