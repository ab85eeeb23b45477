// Dashboards (issue 9 §1, first slice): what leaders look at for a period and an org scope — products and
// publications, reach, direct events and attendance, new participants from outreach, budget spent against allocated,
// press coverage and its sentiment, incidents — each figure against the same period last year, drilling down to the
// records behind it; the scope's child units side by side (and on the map of provinces).
import { z } from 'zod';
import { ZId } from './common.js';

type Label = { vi: string; en: string };

/** Every figure of the dashboard, in the order the screen shows them. */
export const DASHBOARD_FIGURES = [
  'products',
  'publications',
  'reach',
  'events',
  'attendance',
  'newVoluntary',
  'newHousehold',
  'budgetAllocated',
  'budgetSpent',
  'pressArticles',
  'pressNegative',
  'incidentsOpened',
  'incidentsOpen',
] as const;
export const ZDashboardFigure = z.enum(DASHBOARD_FIGURES);
export type TDashboardFigure = z.infer<typeof ZDashboardFigure>;

/** How a figure is counted and shown: a count, people, or Vietnamese đồng. */
export const FIGURE_UNITS: Record<TDashboardFigure, 'count' | 'people' | 'vnd'> = {
  products: 'count',
  publications: 'count',
  reach: 'people',
  events: 'count',
  attendance: 'people',
  newVoluntary: 'people',
  newHousehold: 'people',
  budgetAllocated: 'vnd',
  budgetSpent: 'vnd',
  pressArticles: 'count',
  pressNegative: 'count',
  incidentsOpened: 'count',
  incidentsOpen: 'count',
};

export const FIGURE_LABELS: Record<TDashboardFigure, Label> = {
  products: { vi: 'Sản phẩm truyền thông', en: 'Communication products' },
  publications: { vi: 'Lượt đăng tải, phát sóng', en: 'Publications' },
  reach: { vi: 'Lượt tiếp cận', en: 'Reach' },
  events: { vi: 'Hoạt động truyền thông trực tiếp', en: 'Direct events' },
  attendance: { vi: 'Người tham dự', en: 'Attendance' },
  newVoluntary: { vi: 'Người tham gia BHXH tự nguyện mới', en: 'New voluntary BHXH participants' },
  newHousehold: { vi: 'Người tham gia BHYT hộ gia đình mới', en: 'New household BHYT participants' },
  budgetAllocated: { vi: 'Kinh phí được phân bổ', en: 'Budget allocated' },
  budgetSpent: { vi: 'Kinh phí đã chi', en: 'Budget spent' },
  pressArticles: { vi: 'Tin bài báo chí về ngành', en: 'Press articles about the agency' },
  pressNegative: { vi: 'Tin bài tiêu cực', en: 'Negative press articles' },
  incidentsOpened: { vi: 'Sự cố truyền thông phát sinh', en: 'Media incidents opened' },
  incidentsOpen: { vi: 'Sự cố đang xử lý', en: 'Incidents still open' },
};

/** National targets a figure relates to (DOMAIN-FACTS "Targets for dashboards"), shown beside it. */
export const NATIONAL_TARGETS: { figure: TDashboardFigure; source: string; text: Label }[] = [
  {
    figure: 'newVoluntary',
    source: 'Nghị quyết 28-NQ/TW (2018)',
    text: {
      vi: 'BHXH tự nguyện: khoảng 1% lực lượng lao động trong độ tuổi năm 2021, 2,5% năm 2025, 5% năm 2030',
      en: 'Voluntary BHXH: about 1 % of the workforce in 2021, 2.5 % in 2025, 5 % in 2030',
    },
  },
  {
    figure: 'newHousehold',
    source: 'Quyết định 546/QĐ-TTg (2022); Nghị quyết 20-NQ/TW',
    text: {
      vi: 'Tỷ lệ bao phủ BHYT: 92,6% năm 2022, 95,15% năm 2025; trên 95% đến năm 2030',
      en: 'Health-insurance coverage: 92.6 % in 2022, 95.15 % in 2025; over 95 % by 2030',
    },
  },
];

/**
 * The change from `previous` to `value` as a ratio (0.25 = +25 %), or null when there was nothing before. Divided by
 * |previous| so a figure that can be negative (spending with reversals) still moves up when it grows. The dashboard,
 * its Excel export and the reports all use it, so their percentages agree.
 */
export function changeRatio(value: number, previous: number): number | null {
  return previous === 0 ? null : (value - previous) / Math.abs(previous);
}

/** Period (inclusive days, Vietnam time) and scope; `to` before `from` is `validation.period_order` on `to`. */
export const ZDashboardQuery = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
  /** Defaults to the caller's unit; must lie in the caller's scope (else 404). */
  orgUnitId: ZId.optional(),
});
export type TDashboardQuery = z.infer<typeof ZDashboardQuery>;

const unitRef = z.object({ id: ZId, code: z.string(), name: z.string(), kind: z.string() });

export const ZFigureValue = z.object({
  figure: ZDashboardFigure,
  value: z.number(),
  /** The same period one year earlier. */
  previous: z.number(),
});
export type TFigureValue = z.infer<typeof ZFigureValue>;

export const ZBreakdownItem = z.object({
  key: z.string(),
  label: z.object({ vi: z.string(), en: z.string() }),
  value: z.number(),
});

export const ZDashboard = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  scope: unitRef,
  figures: z.array(ZFigureValue),
  /** Products by type, publications by channel, events by kind, press by sentiment, spending by category. */
  breakdowns: z.object({
    productsByType: z.array(ZBreakdownItem),
    publicationsByChannel: z.array(ZBreakdownItem),
    eventsByKind: z.array(ZBreakdownItem),
    pressBySentiment: z.array(ZBreakdownItem),
    spentByCategory: z.array(ZBreakdownItem),
  }),
  /** Month by month inside the period (YYYY-MM), for the trend chart. */
  months: z.array(
    z.object({
      month: z.string(),
      products: z.number(),
      publications: z.number(),
      events: z.number(),
      attendance: z.number(),
      spent: z.number(),
    }),
  ),
  /** The scope's child units, each with every figure of the period (the map colours provinces by one of them). */
  children: z.array(z.object({ unit: unitRef, values: z.record(ZDashboardFigure, z.number()) })),
});
export type TDashboard = z.infer<typeof ZDashboard>;

/** The records behind one figure (the same filters): title, date, unit, value, and where to open it in Loa. */
export const ZDrillQuery = ZDashboardQuery.extend({
  figure: ZDashboardFigure,
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(20),
});
export type TDrillQuery = z.infer<typeof ZDrillQuery>;

export const ZDrillRecord = z.object({
  id: z.string(),
  title: z.string(),
  date: z.string(),
  unit: z.object({ id: ZId, code: z.string(), name: z.string() }).nullable(),
  /** What the record adds to the figure (1 for a count, the attendance, the amount…). */
  value: z.number(),
  /** Path of the record's page in the web app. */
  link: z.string().nullable(),
});
export type TDrillRecord = z.infer<typeof ZDrillRecord>;
