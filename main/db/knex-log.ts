import type { Knex } from 'knex';

const toStderr = (message: unknown) => console.error('[clinic-desk] database:', message);

/**
 * Knex's own messages (a pooled connection found closed, say after the embedded engine was
 * replaced) go to the error stream with main's other logs. Knex's default prints them to
 * standard output, which the db commands and the bench's loader keep for their results.
 */
export const knexLog: Knex.Config['log'] = { warn: toStderr, error: toStderr, deprecate: toStderr, debug: toStderr };

/** What knex reports of a pooled connection whose server went away (checked on its next use). */
const ENDED = 'Connection Error: Connection ended unexpectedly';

/**
 * Knex's log for a database whose engine main replaces on purpose (the embedded one, after a
 * restore or a first start): the pool's connection ends with the old engine, and knex reports
 * that on the connection's next use as if it had been lost. `replaced()` marks that one report
 * as expected; any other goes to the log.
 */
export function replaceableEngineLog(): { log: Knex.Config['log']; replaced(): void } {
  let expected = false;
  return {
    log: {
      ...knexLog,
      warn(message: unknown) {
        if (expected && message === ENDED) expected = false;
        else toStderr(message);
      },
    },
    replaced: () => {
      expected = true;
    },
  };
}
