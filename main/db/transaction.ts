import type { Knex } from 'knex';

/**
 * `knex.transaction(work, config)`, with what `work` returns handed back beside Knex's promise
 * chain rather than through it. Passed through that chain (the commit's and the transaction's
 * promises), a large result stayed reachable from promises the young collector had already
 * promoted: every scavenge then copied megabytes of finished reads, and a day's money through its
 * snapshot took several times longer in its slowest calls (README, Performance, session 22).
 */
export async function inTransaction<T>(knex: Knex, work: (trx: Knex.Transaction) => Promise<T>, config?: Knex.TransactionConfig): Promise<T> {
  let result: { value: T } | undefined;
  await knex.transaction(async (trx) => {
    result = { value: await work(trx) };
  }, config);
  // Knex resolves only once the commit has succeeded; a failed work or commit rejected above.
  return result!.value;
}
