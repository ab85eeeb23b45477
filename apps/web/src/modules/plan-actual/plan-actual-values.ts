import {
  formatDong,
  PLAN_ACTUAL_STATUSES,
  ZPlanMetric,
  type TLocale,
  type TPlanActualMonth,
  type TPlanActualStatus,
  type TPlanMetric,
} from '@loa/contracts';

/** Pure helpers of the plan-versus-actual screen: its URL state, how figures are written, status colours. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PlanActualParams {
  year: number;
  /** Null: the user's own unit. */
  unitId: string | null;
  metric: TPlanMetric | undefined;
  statuses: TPlanActualStatus[];
}

/** The screen's state from the URL; anything malformed falls back (the current year, the user's unit, no filter). */
export function readPlanActualParams(params: URLSearchParams, currentYear: number): PlanActualParams {
  const year = Number(params.get('year'));
  const unitId = params.get('unitId');
  const metric = ZPlanMetric.safeParse(params.get('metric'));
  const statuses = (params.get('status') ?? '')
    .split(',')
    .filter((s): s is TPlanActualStatus => (PLAN_ACTUAL_STATUSES as readonly string[]).includes(s));
  return {
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : currentYear,
    unitId: unitId && UUID.test(unitId) ? unitId : null,
    metric: metric.success ? metric.data : undefined,
    statuses: [...new Set(statuses)],
  };
}

const numberFormats: Record<TLocale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};
const percentFormats: Record<TLocale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }),
};

/** A figure of a metric: money as `1.234.567 ₫`, counts with at most two decimals (a share of a target); `—` for none. */
export function formatMetricValue(metric: TPlanMetric, value: number | null, locale: TLocale): string {
  if (value === null) return '—';
  return metric === 'budget_vnd' ? formatDong(Math.round(value)) : numberFormats[locale].format(value);
}

/** A chart axis value in the locale's notation, without the currency (the title says it). */
export function formatAxis(value: number, locale: TLocale): string {
  return numberFormats[locale].format(value);
}

/** A completion (0.456) as a percentage: `45,6 %` / `45.6 %`; `—` for none. */
export function formatCompletion(completion: number | null, locale: TLocale): string {
  return completion === null ? '—' : `${percentFormats[locale].format(completion * 100)} %`;
}

/** The colour of a status tag: late red, at risk orange, done green, on track blue, the others grey. */
export const STATUS_COLORS: Record<TPlanActualStatus, string> = {
  done: 'green',
  on_track: 'blue',
  at_risk: 'orange',
  late: 'red',
  no_target: 'default',
  no_data: 'default',
};

/** Rows of late and at-risk units stand out in the ranked table. */
export function rowHighlight(status: TPlanActualStatus): 'late' | 'at-risk' | undefined {
  return status === 'late' ? 'late' : status === 'at_risk' ? 'at-risk' : undefined;
}

/** The series of the month chart: targets and results (null where not counted yet), months as `mm/yyyy`. */
export function monthSeries(months: readonly TPlanActualMonth[]): {
  labels: string[];
  targets: (number | null)[];
  actuals: (number | null)[];
} {
  return {
    labels: months.map((m) => `${m.month.slice(5, 7)}/${m.month.slice(0, 4)}`),
    targets: months.map((m) => m.target),
    actuals: months.map((m) => m.actual),
  };
}
