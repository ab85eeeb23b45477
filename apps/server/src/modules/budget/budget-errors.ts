import { formatDong, type ErrorCode } from '@loa/contracts';

/** What an AppError needs: the service turns it into one (pure files do not build errors). */
export interface BudgetErrorDescriptor {
  code: ErrorCode;
  params: Record<string, unknown>;
  fields: { field: string; code: string; params?: Record<string, unknown> }[];
}

interface PgLikeError {
  code?: string;
  message?: string;
  constraint?: string;
  detail?: string;
  cause?: unknown;
}

/** The node-postgres error behind `error` (drizzle may wrap it as `cause`), or null. */
function pgErrorOf(error: unknown): PgLikeError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current && typeof current === 'object'; depth += 1) {
    const candidate = current as PgLikeError;
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return null;
}

function detailOf(error: PgLikeError): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(error.detail ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const dong = (value: unknown) => formatDong(typeof value === 'number' && Number.isSafeInteger(value) ? value : 0);
const invalid = (field: string, code: string, params?: Record<string, unknown>): BudgetErrorDescriptor => ({
  code: 'validation.failed',
  params: {},
  fields: [{ field, code, ...(params ? { params } : {}) }],
});

/**
 * Maps an error raised by the budget tables (the triggers' `budget.*` tags, their constraints) to the error the API
 * reports; null for anything else, which the caller rethrows. The one place where SQL errors become budget errors.
 */
export function describeBudgetError(error: unknown): BudgetErrorDescriptor | null {
  const pg = pgErrorOf(error);
  if (!pg) return null;
  const detail = detailOf(pg);
  const tag = pg.message ?? '';
  if (tag === 'budget.insufficient' || pg.constraint === 'budget_balances_not_overspent') {
    const remaining = dong(detail.remaining);
    return {
      code: 'budget.insufficient',
      params: { remaining, remainingAmount: detail.remaining ?? 0, unitId: detail.unitId ?? null },
      fields: [{ field: 'amount', code: 'validation.budget_insufficient', params: { remaining } }],
    };
  }
  switch (tag) {
    case 'budget.year_closed':
      return { code: 'budget.year_closed', params: { year: detail.year ?? '' }, fields: [] };
    case 'budget.over_norm': {
      const limit = dong(detail.limit);
      return {
        code: 'budget.over_norm',
        params: { limit, limitAmount: detail.limit ?? 0, norm: detail.code ?? '' },
        fields: [{ field: 'amount', code: 'validation.budget_over_norm', params: { limit } }],
      };
    }
    case 'budget.norm_not_applicable':
      return invalid('normId', 'validation.budget_norm_not_applicable', { code: detail.code ?? '' });
    case 'budget.quantity_required':
      return invalid('quantity', 'validation.required');
    case 'budget.norm_required':
      return invalid('normId', 'validation.required');
    case 'budget.not_direct_child':
      return invalid('toUnitId', 'validation.budget_not_direct_child');
    case 'budget.invalid_reversal':
      return { code: 'budget.not_reversible', params: {}, fields: [] };
    case 'budget.history_immutable':
      return { code: 'budget.history_immutable', params: {}, fields: [] };
  }
  if (pg.code === '23505') {
    if (pg.constraint === 'budget_expenditures_voucher')
      return {
        code: 'conflict.duplicate',
        params: { field: 'voucherNo', value: /=\(.*, (.*)\)/.exec(pg.detail ?? '')?.[1] ?? '' },
        fields: [{ field: 'voucherNo', code: 'validation.duplicate' }],
      };
    if (pg.constraint?.endsWith('_reverses_id_key')) return { code: 'budget.already_reversed', params: {}, fields: [] };
    if (pg.constraint === 'budget_expenditures_exception_id_key')
      return { code: 'budget.exception_decided', params: {}, fields: [] };
  }
  if (pg.code === '23503') {
    // `…_event_id_fkey` (PostgreSQL's names) or `…_contract_fk` (named by the contracts migration).
    const link = /^budget_\w+?_(event|product|publication|contract|norm|file|regulation)(?:_id_fkey|_fk)$/.exec(
      pg.constraint ?? '',
    )?.[1];
    if (link) return invalid(`${link}Id`, 'validation.invalid_value');
  }
  return null;
}
