import type { Knex } from 'knex';

/**
 * A transaction for reads that must agree with each other: one snapshot, writing nothing. Knex
 * says both in its BEGIN, one round trip fewer than a SET TRANSACTION after it.
 */
export const SNAPSHOT_READ: Knex.TransactionConfig = { isolationLevel: 'repeatable read', readOnly: true };
