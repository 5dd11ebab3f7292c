import type { Knex } from 'knex';
import { isRetryable } from './pg-errors';
import { inTransaction } from './transaction';

const ATTEMPTS = 5;

/**
 * Runs a transaction, again when PostgreSQL aborted it as a deadlock or a serialization
 * failure. Concurrent bookings check two exclusion constraints (doctor and patient) and can
 * wait on each other; the database then picks a victim, which must simply try again.
 */
export function transactionWithRetry<T>(knex: Knex, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  return withRetry(() => inTransaction(knex, work));
}

/** The same for a single statement, which is a transaction of its own. */
export async function withRetry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (!isRetryable(err) || attempt >= ATTEMPTS) throw err;
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20));
    }
  }
}
