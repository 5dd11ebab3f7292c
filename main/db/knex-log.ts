import type { Knex } from 'knex';

const toStderr = (message: unknown) => console.error('[clinic-desk] database:', message);

/**
 * Knex's own messages (a pooled connection found closed, say after the embedded engine was
 * replaced) go to the error stream with main's other logs. Knex's default prints them to
 * standard output, which the db commands and the bench's loader keep for their results.
 */
export const knexLog: Knex.Config['log'] = { warn: toStderr, error: toStderr, deprecate: toStderr, debug: toStderr };
