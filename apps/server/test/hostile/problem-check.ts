import type { LightMyRequestResponse } from 'fastify';

/** Why `response` breaks the promise of issue 10 §2 (no 5xx; every 4xx a problem+json in the house format), or null. */
export function brokenPromise(response: LightMyRequestResponse): string | null {
  const status = response.statusCode;
  if (status >= 500) return `status ${status}: ${response.body.slice(0, 300)}`;
  if (status < 400) return null;
  const type = String(response.headers['content-type'] ?? '');
  if (!type.startsWith('application/problem+json'))
    return `status ${status} as ${type}: ${response.body.slice(0, 200)}`;
  let problem: Record<string, unknown>;
  try {
    problem = JSON.parse(response.body) as Record<string, unknown>;
  } catch {
    return `status ${status}: a problem that is not JSON`;
  }
  if (typeof problem.type !== 'string' || !problem.type.startsWith('https://'))
    return `status ${status}: problem without a type`;
  if (typeof problem.title !== 'string' || problem.title === '') return `status ${status}: problem without a title`;
  if (problem.status !== status) return `status ${status}: problem says status ${String(problem.status)}`;
  if (problem.errors !== undefined) {
    const errors = problem.errors as { field?: unknown; code?: unknown; message?: unknown }[];
    if (!Array.isArray(errors) || errors.length === 0) return `status ${status}: errors is not a list`;
    for (const e of errors)
      if (typeof e.field !== 'string' || typeof e.code !== 'string' || typeof e.message !== 'string' || !e.message)
        return `status ${status}: a field error without field, code and message: ${JSON.stringify(e)}`;
  }
  return null;
}

/**
 * The one documented 4xx that is not a problem: an Excel import whose rows were rejected answers 422 with the house
 * import report `{applied, created, updated, rejected[]}` (contracts ZImportReport), so the user sees every rejected row
 * at once. Accepted only for operations that declare that report as their 422 response, and only in exactly that shape.
 */
export function brokenImportReport(response: LightMyRequestResponse): string | null {
  const type = String(response.headers['content-type'] ?? '');
  if (response.statusCode !== 422 || !type.startsWith('application/json')) return brokenPromise(response);
  let report: Record<string, unknown>;
  try {
    report = JSON.parse(response.body) as Record<string, unknown>;
  } catch {
    return 'status 422: an import report that is not JSON';
  }
  const counts = [report.created, report.updated];
  if (typeof report.applied !== 'boolean' || !counts.every((c) => Number.isInteger(c) && (c as number) >= 0))
    return `status 422: not an import report: ${response.body.slice(0, 200)}`;
  const rejected = report.rejected as { row?: unknown; field?: unknown; message?: unknown }[];
  if (!Array.isArray(rejected) || rejected.length === 0) return 'status 422: an import report without rejected rows';
  for (const r of rejected)
    if (
      !Number.isInteger(r.row) ||
      (r.field !== undefined && typeof r.field !== 'string') ||
      typeof r.message !== 'string' ||
      !r.message
    )
      return `status 422: a rejected row without row and message: ${JSON.stringify(r)}`;
  return null;
}
