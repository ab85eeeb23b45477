// The {{placeholders}} of a report's text: checked field by field when a template or a report is saved, filled from
// the report's header and figures when it is generated.
import {
  FIGURE_LABELS,
  REPORT_PLACEHOLDERS,
  placeholdersIn,
  reportPeriodLabel,
  unknownPlaceholders,
  type TDashboard,
  type TDashboardFigure,
  type TReportPeriod,
  type TReportPlaceholder,
  type TReportSection,
} from '@loa/contracts';
import { viLongDate, viNumber, viPercent, viShortDate } from './report-format.js';

/** A field with an unknown placeholder: `subject`, `sections.2.text`, `sections.0.heading`; `name` as written. */
export interface PlaceholderProblem {
  field: string;
  name: string;
}

/** Every unknown placeholder of a subject and sections, field by field (the first unknown name of each field). */
export function placeholderProblems(input: {
  subject?: string | undefined;
  sections?: readonly Pick<TReportSection, 'heading' | 'text'>[] | undefined;
}): PlaceholderProblem[] {
  const problems: PlaceholderProblem[] = [];
  const check = (field: string, text: string) => {
    const [name] = unknownPlaceholders(text);
    if (name !== undefined) problems.push({ field, name });
  };
  if (input.subject !== undefined) check('subject', input.subject);
  input.sections?.forEach((section, index) => {
    check(`sections.${index}.heading`, section.heading);
    check(`sections.${index}.text`, section.text);
  });
  return problems;
}

/** Replaces each known `{{name}}` with its value; unknown names stay as written (they were refused on saving). */
export function fillPlaceholders(text: string, values: Record<TReportPlaceholder, string>): string {
  if (placeholdersIn(text).length === 0) return text;
  const known = new Set<string>(REPORT_PLACEHOLDERS);
  return text.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (whole, name: string) =>
    known.has(name) ? values[name as TReportPlaceholder] : whole,
  );
}

/** What the placeholders of one report are filled with. */
export interface PlaceholderSource {
  parentAgency: string;
  unitName: string;
  period: TReportPeriod;
  from: string;
  to: string;
  place: string;
  signedOn: string | null;
  dashboard: Pick<TDashboard, 'figures' | 'children'>;
  /** Child units with an approved report of the same period. */
  childrenApproved: number;
}

/** The value of every placeholder: numbers dot-grouped, the share of the budget spent as "62,5%", dates written out. */
export function placeholderValues(source: PlaceholderSource): Record<TReportPlaceholder, string> {
  const figure = (name: TDashboardFigure) => source.dashboard.figures.find((f) => f.figure === name)?.value ?? 0;
  const number = (name: TDashboardFigure) => viNumber(figure(name));
  const allocated = figure('budgetAllocated');
  return {
    co_quan_chu_quan: source.parentAgency,
    don_vi: source.unitName,
    ky_bao_cao: reportPeriodLabel(source.period, 'vi'),
    tu_ngay: viShortDate(source.from),
    den_ngay: viShortDate(source.to),
    dia_danh: source.place,
    ngay_ky: source.signedOn ? viLongDate(source.signedOn) : 'ngày      tháng      năm',
    so_san_pham: number('products'),
    so_luot_dang: number('publications'),
    luot_tiep_can: number('reach'),
    so_hoat_dong: number('events'),
    so_nguoi_tham_du: number('attendance'),
    bhxh_tu_nguyen_moi: number('newVoluntary'),
    bhyt_hgd_moi: number('newHousehold'),
    kinh_phi_phan_bo: number('budgetAllocated'),
    kinh_phi_da_chi: number('budgetSpent'),
    ty_le_giai_ngan: allocated > 0 ? viPercent(figure('budgetSpent') / allocated) : viPercent(0),
    tin_bai_bao_chi: number('pressArticles'),
    tin_bai_tieu_cuc: number('pressNegative'),
    su_co_phat_sinh: number('incidentsOpened'),
    su_co_dang_xu_ly: number('incidentsOpen'),
    so_don_vi_truc_thuoc: viNumber(source.dashboard.children.length),
    don_vi_da_bao_cao: viNumber(source.childrenApproved),
  };
}

/** The figure labels the documents use (Vietnamese). */
export const figureLabel = (figure: TDashboardFigure) => FIGURE_LABELS[figure].vi;
