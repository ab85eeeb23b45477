import { remainingOf, type TBudgetCategory, type TBudgetFigures } from '@loa/contracts';

/** Today in Vietnam (yyyy-mm-dd): the default day of entries and the current fiscal year. */
export function vnToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}

interface BalanceKey {
  unitId: string;
  fiscalYear: number;
  category: string;
}

/**
 * Which reservations a contract payment of `amount` releases: at most the open commitment, the payment's own
 * balance first, then the others in the order given. Returns positive amounts to release per balance.
 */
export function releasePlan(
  open: (BalanceKey & { open: number })[],
  preferred: BalanceKey,
  amount: number,
): (BalanceKey & { amount: number })[] {
  const same = (b: BalanceKey) =>
    b.unitId === preferred.unitId && b.fiscalYear === preferred.fiscalYear && b.category === preferred.category;
  const ordered = [...open.filter(same), ...open.filter((b) => !same(b))];
  const plan: (BalanceKey & { amount: number })[] = [];
  let rest = amount;
  for (const balance of ordered) {
    if (rest <= 0) break;
    const take = Math.min(balance.open, rest);
    if (take <= 0) continue;
    plan.push({ unitId: balance.unitId, fiscalYear: balance.fiscalYear, category: balance.category, amount: take });
    rest -= take;
  }
  return plan;
}

/** Raw sums of a balance (or of many) as the database keeps them. */
export type BalanceSums = {
  allocatedIn: number;
  allocatedOut: number;
  spent: number;
  committed: number;
};

/** The figures shown for a balance: its sums, the estimate beside them, and what remains. */
export function figuresOf(sums: Partial<BalanceSums> | undefined, estimated = 0): TBudgetFigures {
  const base = {
    allocatedIn: Number(sums?.allocatedIn ?? 0),
    allocatedOut: Number(sums?.allocatedOut ?? 0),
    spent: Number(sums?.spent ?? 0),
    committed: Number(sums?.committed ?? 0),
  };
  return { estimated: Number(estimated), ...base, remaining: remainingOf(base) };
}

/** Adds figures up (the totals of a unit are the sums over its categories). */
export function sumFigures(rows: TBudgetFigures[]): TBudgetFigures {
  const total = rows.reduce<BalanceSums & { estimated: number }>(
    (acc, row) => ({
      estimated: acc.estimated + row.estimated,
      allocatedIn: acc.allocatedIn + row.allocatedIn,
      allocatedOut: acc.allocatedOut + row.allocatedOut,
      spent: acc.spent + row.spent,
      committed: acc.committed + row.committed,
    }),
    { estimated: 0, allocatedIn: 0, allocatedOut: 0, spent: 0, committed: 0 },
  );
  return figuresOf(total, total.estimated);
}

/** One row per category, in the catalogue's order, zeros where nothing was allocated or estimated. */
export function byCategory(
  categories: readonly TBudgetCategory[],
  sums: (BalanceSums & { category: string })[],
  estimates: { category: string; amount: number }[],
): (TBudgetFigures & { category: TBudgetCategory })[] {
  return categories.map((category) => ({
    category,
    ...figuresOf(
      sums.find((s) => s.category === category),
      estimates.filter((e) => e.category === category).reduce((sum, e) => sum + Number(e.amount), 0),
    ),
  }));
}

/** Twelve months, zeros where no entry was dated. */
export function twelveMonths(
  rows: { month: number; allocatedIn: number; allocatedOut: number; spent: number }[],
): { month: number; allocatedIn: number; allocatedOut: number; spent: number }[] {
  return Array.from({ length: 12 }, (_, index) => {
    const row = rows.find((r) => Number(r.month) === index + 1);
    return {
      month: index + 1,
      allocatedIn: Number(row?.allocatedIn ?? 0),
      allocatedOut: Number(row?.allocatedOut ?? 0),
      spent: Number(row?.spent ?? 0),
    };
  });
}
