import knexFactory, { type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OWN_CONNECTIONS, runPrepared } from '../../main/db/prepared';
import { ADMIN_URL } from '../support/databases';
import { statementsSent } from '../support/statement-names';

describe('statements compiled once and kept prepared (runPrepared)', () => {
  let own: Knex;
  let pooled: Knex;

  beforeAll(() => {
    // One connection, as PGlite's: what prepared the statement is what runs it next.
    // Knex keeps `userParams` though its Config type does not name it.
    const ownConfig: Knex.Config & { userParams: Record<string, unknown> } = {
      client: 'pg',
      connection: ADMIN_URL,
      pool: { min: 0, max: 1 },
      userParams: OWN_CONNECTIONS,
    };
    own = knexFactory(ownConfig);
    // As behind PgBouncer: nothing is kept prepared.
    pooled = knexFactory({ client: 'pg', connection: ADMIN_URL, pool: { min: 0, max: 1 } });
  });

  afterAll(async () => {
    await own.destroy();
    await pooled.destroy();
  });

  const upTo = (knex: Knex, name: string, values: { last: number; above: number }) =>
    runPrepared(knex, name, (p) => knex.raw('SELECT n FROM generate_series(1, :last::int) n WHERE n > :above::int ORDER BY n', p), values) as Promise<{
      rows: { n: number }[];
    }>;

  it('builds the text once per name and binds each call its own values', async () => {
    const build = vi.fn((p: { readonly from: number; readonly to: number }) =>
      own
        .select('n')
        .from(own.raw('generate_series(?::int, ?::int) AS n', [p.from, p.to]))
        .orderBy('n'),
    );
    const run = (from: number, to: number) => runPrepared(own, 'test.range', build, { from, to });
    expect(await run(2, 4)).toEqual([{ n: 2 }, { n: 3 }, { n: 4 }]);
    expect(await run(7, 8)).toEqual([{ n: 7 }, { n: 8 }]);
    expect(await run(5, 4)).toEqual([]);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('answers as knex would: first() a row or undefined, a select its rows, a raw text the driver’s result', async () => {
    const first = (from: number) =>
      runPrepared(
        own,
        'test.first',
        (p) =>
          own
            .select('n')
            .from(own.raw('generate_series(?::int, 3) AS n', [p.from]))
            .orderBy('n')
            .first(),
        { from },
      );
    expect(await first(2)).toEqual({ n: 2 });
    expect(await first(9)).toBeUndefined();
    const raw = await upTo(own, 'test.upTo', { last: 3, above: 1 });
    expect(raw.rows).toEqual([{ n: 2 }, { n: 3 }]);
    expect(raw).toMatchObject({ command: 'SELECT', rowCount: 2 });
  });

  it('keeps the statement prepared under its name on the app’s own connections, and sends it unnamed elsewhere', async () => {
    const sentOwn = await statementsSent(own, () => upTo(own, 'test.named', { last: 2, above: 0 }));
    expect(sentOwn.map((q) => q.name)).toEqual(['test.named']);
    const held = await own.raw(`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name = 'test.named'`);
    expect(held.rows[0].n).toBe(1);

    const sentPooled = await statementsSent(pooled, () => upTo(pooled, 'test.unnamed', { last: 2, above: 0 }));
    expect(sentPooled).toHaveLength(1);
    expect(sentPooled[0]!.name).toBeUndefined();
    const none = await pooled.raw(`SELECT count(*)::int AS n FROM pg_prepared_statements`);
    expect(none.rows[0].n).toBe(0);
  });

  it('refuses a text it would misread run again, and a write; nothing is kept of either', async () => {
    // Knex reads `??` in a raw text as an identifier's place.
    const misread = () => runPrepared(own, 'test.misread', () => own.raw(`SELECT '??' AS q`), {});
    await expect(misread()).rejects.toThrow('Statement test.misread: its text has 1 placeholders for 0 values');
    await expect(misread()).rejects.toThrow('its text has 1 placeholders');
    await expect(runPrepared(own, 'test.write', (p) => own('nowhere').insert({ n: p.n }), { n: 1 })).rejects.toThrow(
      'Statement test.write: only a read can be kept compiled, not insert()',
    );
  });

  it('refuses a call that leaves a value out, rather than sending the statement without it', async () => {
    await upTo(own, 'test.missing', { last: 2, above: 0 });
    await expect(upTo(own, 'test.missing', { last: 2 } as { last: number; above: number })).rejects.toThrow(/Undefined binding/);
  });
});
