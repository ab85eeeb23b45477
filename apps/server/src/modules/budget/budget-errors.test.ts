import { describe, expect, it } from 'vitest';
import { describeBudgetError } from './budget-errors.js';

const pgError = (fields: Record<string, string>) => Object.assign(new Error(fields.message ?? 'x'), fields);

describe(describeBudgetError.name, () => {
  it('turns an overspend into budget.insufficient on amount, with the remaining amount formatted', () => {
    const error = pgError({
      code: '23514',
      message: 'budget.insufficient',
      constraint: 'budget_balances_not_overspent',
      detail: '{"unitId" : "u1", "remaining" : 6500000}',
    });
    expect(describeBudgetError(error)).toEqual({
      code: 'budget.insufficient',
      params: { remaining: '6.500.000 ₫', remainingAmount: 6_500_000, unitId: 'u1' },
      fields: [{ field: 'amount', code: 'validation.budget_insufficient', params: { remaining: '6.500.000 ₫' } }],
    });
  });

  it('finds the PostgreSQL error behind a wrapper (drizzle puts it in `cause`)', () => {
    const wrapped = Object.assign(new Error('Failed query'), {
      cause: pgError({ code: 'P0001', message: 'budget.year_closed', detail: '{"year" : 2029}' }),
    });
    expect(describeBudgetError(wrapped)).toEqual({ code: 'budget.year_closed', params: { year: 2029 }, fields: [] });
  });

  it('reports an over-norm amount as 422 material with the limit', () => {
    const described = describeBudgetError(
      pgError({ code: 'P0001', message: 'budget.over_norm', detail: '{"limit" : 1500000, "code" : "TT40-MEAL-PROV"}' }),
    );
    expect(described?.code).toBe('budget.over_norm');
    expect(described?.fields).toEqual([
      { field: 'amount', code: 'validation.budget_over_norm', params: { limit: '1.500.000 ₫' } },
    ]);
  });

  it('maps a duplicate voucher to 409 on voucherNo with the number, and a second reversal to already_reversed', () => {
    const voucher = describeBudgetError(
      pgError({
        code: '23505',
        constraint: 'budget_expenditures_voucher',
        detail: 'Key (unit_id, fiscal_year, voucher_no)=(9f0c, 2030, PC-01) already exists.',
      }),
    );
    expect(voucher).toEqual({
      code: 'conflict.duplicate',
      params: { field: 'voucherNo', value: 'PC-01' },
      fields: [{ field: 'voucherNo', code: 'validation.duplicate' }],
    });
    expect(
      describeBudgetError(pgError({ code: '23505', constraint: 'budget_allocations_reverses_id_key' }))?.code,
    ).toBe('budget.already_reversed');
  });

  it('names the field of a broken link, whatever the foreign key is called', () => {
    for (const [constraint, field] of [
      ['budget_expenditures_event_id_fkey', 'eventId'],
      ['budget_expenditures_publication_id_fkey', 'publicationId'],
      ['budget_expenditures_contract_fk', 'contractId'],
    ] as const)
      expect(describeBudgetError(pgError({ code: '23503', constraint }))?.fields).toEqual([
        { field, code: 'validation.invalid_value' },
      ]);
  });

  it('leaves other errors alone', () => {
    expect(describeBudgetError(new Error('boom'))).toBeNull();
    expect(describeBudgetError(pgError({ code: '23505', constraint: 'users_username_key' }))).toBeNull();
    expect(describeBudgetError(null)).toBeNull();
  });
});
