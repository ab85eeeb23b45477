import type { Executor } from './transaction.js';

interface Preparable {
  execute(values?: Record<string, unknown>): Promise<unknown>;
}

/**
 * A statement of the hot path that PostgreSQL parses and plans once per connection (decision 0054): the session of
 * every request, a product opened by its id. Each execution of a products statement otherwise spends more in
 * planning (the table has sixteen indexes) than in running. `build` writes the query once per executor with
 * `sql.placeholder(...)` for its values and `.prepare(name)`; `name` is unique in Loa. Only for statements whose one
 * plan suits every value (a key lookup) — a list's best plan depends on its filters and stays planned each time.
 */
export function preparedStatement<P extends Preparable>(
  build: (tx: Executor) => P,
): (tx: Executor, values: Record<string, unknown>) => ReturnType<P['execute']> {
  const prepared = new WeakMap<Executor, P>();
  return (tx, values) => {
    let statement = prepared.get(tx);
    if (!statement) {
      statement = build(tx);
      prepared.set(tx, statement);
    }
    return statement.execute(values) as ReturnType<P['execute']>;
  };
}
