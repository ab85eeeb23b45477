// Helpers for the concurrency and crash-safety suites: bounded waits with a clear message, and the ledger sums that a
// budget balance must equal.
import type { TestDatabase } from '../test-db.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `condition` every `everyMs` until it returns a truthy value; fails after `timeoutMs` naming `what`. */
export async function waitFor<T>(
  what: string,
  condition: () => T | Promise<T>,
  options: { timeoutMs?: number; everyMs?: number; detail?: () => string } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const value = await condition();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${options.detail ? `\n${options.detail()}` : ''}`);
    await sleep(options.everyMs ?? 50);
  }
}

export interface BalanceCheck {
  unit_id: string;
  category: string;
  stored: string;
  from_ledgers: string;
}

/**
 * Every balance row of `year` next to the same four figures summed from the insert-only ledgers; a lost update or a
 * double-applied entry shows as a difference.
 */
export async function balancesAgainstLedgers(db: TestDatabase, year: number): Promise<BalanceCheck[]> {
  const { rows } = await db.pool.query<BalanceCheck>(
    `WITH ins AS (SELECT to_unit_id AS unit_id, category, sum(amount) AS v FROM budget_allocations
                   WHERE fiscal_year = $1 GROUP BY 1, 2),
          outs AS (SELECT from_unit_id AS unit_id, category, sum(amount) AS v FROM budget_allocations
                    WHERE fiscal_year = $1 AND from_unit_id IS NOT NULL GROUP BY 1, 2),
          spent AS (SELECT unit_id, category, sum(amount) AS v FROM budget_expenditures WHERE fiscal_year = $1
                     GROUP BY 1, 2),
          com AS (SELECT unit_id, category, sum(amount) AS v FROM budget_commitments WHERE fiscal_year = $1
                   GROUP BY 1, 2)
     SELECT b.unit_id, b.category,
            concat_ws('/', b.allocated_in, b.allocated_out, b.spent, b.committed) AS stored,
            concat_ws('/', coalesce(ins.v, 0), coalesce(outs.v, 0), coalesce(spent.v, 0), coalesce(com.v, 0))
              AS from_ledgers
       FROM budget_balances b
       LEFT JOIN ins USING (unit_id, category) LEFT JOIN outs USING (unit_id, category)
       LEFT JOIN spent USING (unit_id, category) LEFT JOIN com USING (unit_id, category)
      WHERE b.fiscal_year = $1 ORDER BY 1, 2`,
    [year],
  );
  return rows;
}
