import type { Db } from './client.js';

/** A transaction handle; repositories accept it (or the pool-backed Db) as their executor. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

/** Runs `work` in one transaction: everything it writes, audit included, commits or rolls back together. */
export type RunInTransaction = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;

export function transactionRunner(db: Db): RunInTransaction {
  return (work) => db.transaction(work);
}
