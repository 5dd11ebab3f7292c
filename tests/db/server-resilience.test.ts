import type { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import knexFactory, { type Knex } from 'knex';
import { openDatabase, type Database } from '../../main/db/open';
import { isLostConnection, isStalePlan } from '../../main/db/pg-errors';
import { runPrepared } from '../../main/db/prepared';
import { ADMIN_URL, scratchServerDatabase } from '../support/databases';
import { waitFor } from '../support/wait';

describe('server mode connection pool', () => {
  let db: Database;
  let dispose: () => Promise<void>;
  let name: string;
  let url: string;

  beforeAll(async () => {
    const s = await scratchServerDatabase();
    name = s.name;
    url = s.config.url;
    db = await openDatabase(s.config, { schema: 'none' });
    dispose = async () => {
      await db.close();
      await s.dispose();
    };
  });
  afterAll(() => dispose());

  it('survives the server killing its idle connections, and the next call succeeds', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('uncaughtException', onUnhandled);
    process.on('unhandledRejection', onUnhandled);
    try {
      await Promise.all([1, 2, 3].map(() => db.knex.raw('select pg_sleep(0.05)')));
      // The pool's idle connections, each heard ending: the server ended them a while before the
      // next call, as when an administrator ends the sessions of an idle clinic.
      const idle = (db.knex.client as { pool: { free: { resource: EventEmitter }[] } }).pool.free.map(({ resource }) => resource);
      expect(idle.length).toBeGreaterThan(0);
      const ended = Promise.all(idle.map((connection) => new Promise((heard) => connection.once('error', heard))));
      const admin = knexFactory({ client: 'pg', connection: ADMIN_URL });
      const killed = await admin.raw(
        'select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()) t',
        [name],
      );
      await admin.destroy();
      expect(killed.rows[0].n).toBeGreaterThan(0);
      await ended;

      const results = await Promise.all([1, 2, 3].map((i) => db.knex.raw('select ?::int as i', [i])));
      expect(results.map((r) => r.rows[0].i)).toEqual([1, 2, 3]);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('uncaughtException', onUnhandled);
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('once one connection is found ended by the server, the pool never hands out the others it held then', async () => {
    const backendsNow = async () => {
      const rows = await Promise.all([1, 2, 3].map(() => db.knex.raw('select pg_backend_pid() as pid, pg_sleep(0.05)')));
      return rows.map((r) => r.rows[0].pid);
    };
    const before = new Set(await backendsNow());
    expect(before.size).toBe(3);
    // One of them is ended: the other two stay alive on the server, and the pool must still not reuse them.
    const [victim, ...survivors] = [...before];
    const admin = knexFactory({ client: 'pg', connection: ADMIN_URL });
    try {
      await admin.raw('select pg_terminate_backend(?)', [victim!]);
      // pg_terminate_backend only signals: on a loaded machine the backend may not have ended (and
      // sent its goodbye) yet, and until then the victim is as alive to the pool as the others.
      await waitFor('the victim ended on the server', async () => {
        const open = await admin.raw('select pid from pg_stat_activity where pid = ?', [victim!]);
        return open.rows.length === 0 ? true : undefined;
      });
      // The next statement may be the one that finds it ended (the pool had not yet read the close).
      const first = await db.knex.raw('select pg_backend_pid() as pid').then(
        (r) => r.rows[0].pid,
        (err: Error) => err,
      );
      if (first instanceof Error) expect(isLostConnection(first), first.message).toBe(true);
      const after = [...(await backendsNow()), ...(await backendsNow())];
      expect(after.filter((pid) => before.has(pid))).toEqual([]);
      // Retired, they are closed rather than left open on the server.
      await waitFor('the retired connections closed', async () => {
        const open = await admin.raw('select pid from pg_stat_activity where pid = any(?)', [survivors]);
        return open.rows.length === 0 ? true : undefined;
      });
    } finally {
      await admin.destroy();
    }
  });

  it('keeps a statement prepared on each connection; stale after a column changes type, it fails once and the next call runs on new connections', async () => {
    await db.knex.raw('CREATE TABLE kept_prepared (n int)');
    await db.knex.raw('INSERT INTO kept_prepared VALUES (7)');
    const read = async (knex: Knex) =>
      (await runPrepared(knex, 'test.keptPrepared', () => knex('kept_prepared').select('n', knex.raw('pg_backend_pid() AS pid, pg_sleep(0.05)')), {})) as [
        { n: number; pid: number },
      ];
    // Three at once: three connections, each with the statement prepared.
    const before = new Set((await Promise.all([1, 2, 3].map(() => read(db.knex)))).map((rows) => rows[0].pid));
    expect(before.size).toBe(3);
    const prepared = await db.knex.transaction(async (trx) => {
      await read(trx);
      return (await trx.raw('SELECT name FROM pg_prepared_statements')).rows.map((r: { name: string }) => r.name);
    });
    expect(prepared).toEqual(['test.keptPrepared']);

    // As a later version's migration might, from another PC.
    const admin = knexFactory({ client: 'pg', connection: url });
    try {
      await admin.raw('ALTER TABLE kept_prepared ALTER COLUMN n TYPE bigint');
    } finally {
      await admin.destroy();
    }
    const first = await read(db.knex).then(
      () => undefined,
      (err: Error) => err,
    );
    expect(first && isStalePlan(first), first?.message).toBe(true);
    const after = await Promise.all([1, 2, 3].map(() => read(db.knex)));
    expect(after.map((rows) => rows[0].n)).toEqual([7, 7, 7]);
    expect(after.filter((rows) => before.has(rows[0].pid))).toEqual([]);
  });

  it('runs every session in UTC with the statement timeout set and no parallel workers', async () => {
    const r = await db.knex.raw(
      `select current_setting('TimeZone') as tz, current_setting('statement_timeout') as st, current_setting('max_parallel_workers_per_gather') as workers`,
    );
    expect(r.rows[0]).toEqual({ tz: 'UTC', st: '15s', workers: '0' });
  });
});
