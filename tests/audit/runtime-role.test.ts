import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, migratorConfig } from '../../main/db/migrator';
import { openDatabase, RUNTIME_ROLE, type Database } from '../../main/db/open';
import { withMaintenanceDatabase } from '../../main/db/tooling';
import { createServices } from '../../main/services';
import { MODES, openMigrated, scratchServerDatabase, sqlState, type Mode } from '../support/databases';
import { startThrowawayCluster, type ThrowawayCluster } from '../support/throwaway-cluster';

/** What the desk's role must never manage to do to the audit log. */
const TAMPERING = [
  'ALTER TABLE audit_log DISABLE TRIGGER ALL',
  'ALTER TABLE audit_log DISABLE TRIGGER trg_audit_log_no_update_delete',
  'DROP TRIGGER trg_audit_log_no_update_delete ON audit_log',
  'CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$',
  'ALTER TABLE audit_log OWNER TO clinic_app',
  "UPDATE audit_log SET action = 'forged'",
  'DELETE FROM audit_log',
  'TRUNCATE audit_log',
  'DROP TABLE audit_log',
  'SET session_replication_role = replica',
  "DELETE FROM knex_migrations WHERE name LIKE '%database_roles'",
];

/** Runs `sql` as the runtime role inside a transaction that is rolled back whatever happens. */
async function asRuntime(knex: Knex, sql: string): Promise<string | undefined> {
  let state: string | undefined;
  await knex
    .transaction(async (trx) => {
      await trx.raw(`SET LOCAL ROLE ${RUNTIME_ROLE}`);
      state = await sqlState(trx.raw(sql));
      throw new Error('roll back');
    })
    .catch(() => undefined);
  return state;
}

describe.each(MODES)('the runtime database role (%s)', (mode: Mode) => {
  let db: Database;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ db, dispose } = await openMigrated(mode));
    await db.knex('audit_log').insert({ action: 'test.kept', entity: 'patient', entity_id: 1 });
  });
  afterAll(() => dispose());

  it.each(TAMPERING)('cannot: %s', async (sql) => {
    expect(await asRuntime(db.knex, sql)).toBe('42501');
  });

  it('can write audit rows and read them, and work with every clinic table', async () => {
    expect(await asRuntime(db.knex, "INSERT INTO audit_log (action) VALUES ('test.insert')")).toBeUndefined();
    expect(await asRuntime(db.knex, 'SELECT count(*) FROM audit_log')).toBeUndefined();
    expect(await asRuntime(db.knex, "INSERT INTO patient_entities (name) VALUES ('Runtime Patient')")).toBeUndefined();
    expect(await asRuntime(db.knex, "UPDATE clinic_settings SET clinic_name = 'Renamed'")).toBeUndefined();
    expect(await asRuntime(db.knex, 'DELETE FROM twilio_webhook_events')).toBeUndefined();
    expect(await asRuntime(db.knex, 'SELECT name FROM knex_migrations')).toBeUndefined();
  });

  it('owns nothing; the schema belongs to the owner role', async () => {
    const owners = await db.knex.raw(
      `SELECT DISTINCT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'S')`,
    );
    expect(owners.rows).toEqual([{ owner: 'clinic_owner' }]);
  });

  it('gets the same rights on a table a later migration creates', async () => {
    await db.knex.raw('CREATE TABLE later_feature (id bigserial PRIMARY KEY, note text)');
    try {
      expect(await asRuntime(db.knex, "INSERT INTO later_feature (note) VALUES ('x')")).toBeUndefined();
      expect(await asRuntime(db.knex, 'DELETE FROM later_feature')).toBeUndefined();
    } finally {
      await db.knex.raw('DROP TABLE later_feature');
    }
  });

  it('down() takes every right and ownership back in this database; up() again restores them', async () => {
    const rights = async () =>
      (
        await db.knex.raw(
          `SELECT has_table_privilege(?, 'patient_entities', 'INSERT') AS insert,
                  (SELECT count(*)::int FROM pg_default_acl d WHERE array_to_string(d.defaclacl, ',') LIKE ?) AS defaults,
                  (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'audit_log') AS owner`,
          [RUNTIME_ROLE, `%${RUNTIME_ROLE}=%`],
        )
      ).rows[0];
    expect(await rights()).toMatchObject({ insert: true, owner: 'clinic_owner' });
    expect((await rights()).defaults).toBeGreaterThan(0);
    // This migration alone (later ones, if any, first).
    while ((await db.knex('knex_migrations').orderBy('id', 'desc').first('name')).name !== '20261202030100_database_roles')
      await db.knex.migrate.down(migratorConfig);
    await db.knex.migrate.down(migratorConfig);
    // Back to the migrating role; the roles (cluster-wide, perhaps used by other databases) hold nothing here.
    expect(await rights()).toEqual({ insert: false, defaults: 0, owner: (await db.knex.raw('SELECT current_user AS u')).rows[0].u });
    expect((await db.knex.raw(`SELECT count(*)::int AS n FROM pg_class WHERE relowner = 'clinic_owner'::regrole`)).rows[0].n).toBe(0);
    await migrateToLatest(db.knex);
    expect(await rights()).toMatchObject({ insert: true, owner: 'clinic_owner' });
    expect(await asRuntime(db.knex, 'TRUNCATE audit_log')).toBe('42501');
    expect(await db.knex('audit_log').where({ action: 'test.kept' }).first()).toBeDefined();
  });
});

describe('the embedded app runs as the runtime role once migrated', () => {
  let dataDir: string;
  let db: Database | undefined;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-runtime-role-'));
  });
  afterAll(async () => {
    await db?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(['first start (migrates)', 'second start (already migrated)'])('%s: its connection cannot touch the audit trigger, and the desk works', async () => {
    db = await openDatabase({ mode: 'embedded', dataDir });
    expect((await db.knex.raw('SELECT current_user AS u')).rows[0].u).toBe(RUNTIME_ROLE);
    expect(await sqlState(db.knex.raw('ALTER TABLE audit_log DISABLE TRIGGER ALL'))).toBe('42501');
    expect(await sqlState(db.knex.raw('TRUNCATE audit_log'))).toBe('42501');
    // What the app itself does on that connection still works: services, statistics, a backup's checkpoint.
    const services = createServices(db, { version: 'test', log: () => undefined, events: () => undefined });
    try {
      const status = await services.router.call('auth.status', {}, { sessionKey: 'k', workstation: 'test-pc' });
      expect(status).toMatchObject({ ok: true });
      await db.knex('patient_entities').insert({ name: 'Runtime Patient' });
      await db.knex.raw('ANALYZE patient_entities');
      await expect(db.dumpDataDir!()).resolves.toBeInstanceOf(Uint8Array);
    } finally {
      services.stop();
    }
    await db.close();
    db = undefined;
  });
});

describe('the roles on a server where they do not exist yet', () => {
  let cluster: ThrowawayCluster;
  beforeAll(async () => {
    cluster = await startThrowawayCluster();
  }, 120_000);
  afterAll(() => cluster?.dispose());

  it('four databases migrating at once each create or find them: no migration fails, each role exists once', async () => {
    const names = ['clinic_a', 'clinic_b', 'clinic_c', 'clinic_d'];
    const admin = new pg.Client({ connectionString: cluster.url() });
    await admin.connect();
    try {
      for (const name of names) await admin.query(`CREATE DATABASE ${name}`);
      const opened = await Promise.allSettled(
        names.map((name) =>
          openDatabase(
            { mode: 'server', url: cluster.url(name), sslMode: 'disable', caFile: undefined, poolMax: 2, statementTimeoutMs: 60_000 },
            { schema: 'migrate' },
          ),
        ),
      );
      const dbs = opened.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      try {
        expect(opened.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(names.map(() => 'ok'));
        for (const db of dbs) expect(await asRuntime(db.knex, 'ALTER TABLE audit_log DISABLE TRIGGER ALL')).toBe('42501');
      } finally {
        await Promise.all(dbs.map((db) => db.close()));
      }
      const roles = await admin.query(`SELECT rolname FROM pg_roles WHERE rolname IN ('clinic_owner', 'clinic_app') ORDER BY 1`);
      expect(roles.rows).toEqual([{ rolname: 'clinic_app' }, { rolname: 'clinic_owner' }]);
    } finally {
      await admin.end();
    }
  });
});

describe('db:migrate in server mode', () => {
  it('connects as the owner login (DATABASE_OWNER_URL) when one is given; other commands as DATABASE_URL', async () => {
    const [desks, owners] = [await scratchServerDatabase(), await scratchServerDatabase()];
    try {
      const env = { DATABASE_URL: desks.config.url, DATABASE_OWNER_URL: owners.config.url };
      const databaseOf = (knex: Knex) => knex.raw('SELECT current_database() AS d').then((r: { rows: { d: string }[] }) => r.rows[0]!.d);
      expect(await withMaintenanceDatabase(databaseOf, env, { asOwner: true })).toBe(owners.name);
      expect(await withMaintenanceDatabase(databaseOf, env)).toBe(desks.name);
      expect(await withMaintenanceDatabase(databaseOf, { DATABASE_URL: desks.config.url }, { asOwner: true })).toBe(desks.name);
    } finally {
      await desks.dispose();
      await owners.dispose();
    }
  });
});
