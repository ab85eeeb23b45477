import {
  METRIC_CAPS,
  METRICS,
  ONLINE_CHANNELS,
  isWebUrl,
  type TMetric,
  type TPublicationChannel,
} from '@loa/contracts';

/** A problem of one field: the field-message code and its parameters. */
export interface FieldProblem {
  field: string;
  code: string;
  params?: Record<string, unknown>;
}

/** A publication may be dated a little after the server's clock (clocks of phones and cameras drift). */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;
const VN_OFFSET_MS = 7 * 3_600_000;

/** The calendar day (yyyy-mm-dd) of an instant in Vietnam. */
export function vnDay(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** "dd/mm/yyyy hh:mm" in Vietnam time, as messages show the approval moment. */
export function vnDateTime(at: Date): string {
  const iso = new Date(at.getTime() + VN_OFFSET_MS).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
}

export interface PublicationFacts {
  channel: TPublicationChannel;
  url: string | null;
  publishedAt: Date;
}

const startOfMinute = (at: Date) => Math.floor(at.getTime() / 60_000) * 60_000;

/**
 * Every problem of a publication's where and when: the link is http(s) and required on online channels; the
 * moment is not before the product was approved (`readyAt`) and not in the future.
 */
export function publicationProblems(facts: PublicationFacts, readyAt: Date | null, now: Date): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (facts.url === null) {
    if (ONLINE_CHANNELS.includes(facts.channel)) problems.push({ field: 'url', code: 'publication.url_required' });
  } else if (!isWebUrl(facts.url)) problems.push({ field: 'url', code: 'validation.invalid_url' });
  // To the minute, as officers record times and as the message shows the approval: the minute of approval counts.
  if (readyAt && facts.publishedAt.getTime() < startOfMinute(readyAt))
    problems.push({
      field: 'publishedAt',
      code: 'publication.before_approval',
      params: { approvedAt: vnDateTime(readyAt) },
    });
  else if (facts.publishedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
    problems.push({ field: 'publishedAt', code: 'publication.in_future' });
  return problems;
}

/** One figure as typed or read from a sheet: a whole number from 0 up to the metric's cap. */
export function metricProblem(metric: TMetric, value: number, field: string = metric): FieldProblem | null {
  if (!Number.isFinite(value) || !Number.isInteger(value)) return { field, code: 'validation.not_integer' };
  if (value < 0) return { field, code: 'validation.negative' };
  if (value > METRIC_CAPS[metric]) return { field, code: 'metric.absurd', params: { maximum: METRIC_CAPS[metric] } };
  return null;
}

/** The day figures were read: not before the publication's day, not after today (both in Vietnam). */
export function readOnProblem(readOn: string, publishedAt: Date, now: Date, field = 'readOn'): FieldProblem | null {
  const publishedOn = vnDay(publishedAt);
  if (readOn < publishedOn) {
    const [y, m, d] = publishedOn.split('-');
    return { field, code: 'metric.before_publication', params: { publishedOn: `${d}/${m}/${y}` } };
  }
  if (readOn > vnDay(now)) return { field, code: 'publication.in_future' };
  return null;
}

/** Problems of a set of figures read on one day; each figure on its own field. */
export function readingsProblems(
  values: Partial<Record<TMetric, number>>,
  readOn: string,
  publishedAt: Date,
  now: Date,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const day = readOnProblem(readOn, publishedAt, now);
  if (day) problems.push(day);
  for (const metric of METRICS) {
    const value = values[metric];
    if (value === undefined) continue;
    const problem = metricProblem(metric, value, `values.${metric}`);
    if (problem) problems.push(problem);
  }
  return problems;
}
