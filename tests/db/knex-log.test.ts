import { afterEach, describe, expect, it, vi } from 'vitest';
import { knexLog, replaceableEngineLog } from '../../main/db/knex-log';

const ENDED = 'Connection Error: Connection ended unexpectedly';

describe("knex's own messages", () => {
  afterEach(() => vi.restoreAllMocks());

  it('go to standard error with main’s prefix, never to standard output', () => {
    const out = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    knexLog?.warn?.('Pool is full');
    expect(out).not.toHaveBeenCalled();
    expect(err.mock.calls).toEqual([['[clinic-desk] database:', 'Pool is full']]);
  });

  it('of a replaceable engine: after a replacement, only its one closed-connection report is dropped; a later loss is reported', () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { log, replaced } = replaceableEngineLog();
    log?.warn?.(ENDED);
    replaced();
    log?.warn?.('Pool is full');
    log?.warn?.(ENDED);
    log?.warn?.(ENDED);
    expect(err.mock.calls.map((c) => c[1])).toEqual([ENDED, 'Pool is full', ENDED]);
  });
});
