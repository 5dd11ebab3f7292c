import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { migrateToLatest, migratorConfig, rollbackLastBatch } from '../../main/db/migrator';
import { MODES, openScratch, type Mode } from '../support/databases';
import { SEED_TABLES, difference, knexQuery, schemaFacts } from '../support/schema-facts';

const FIXTURE = path.resolve(__dirname, '../fixtures/seed-ddl.sql');
const SHARED_SEED = path.resolve(__dirname, '../../../shared/seeds/seed-ddl.sql');
const seedDdl = fs.readFileSync(FIXTURE, 'utf8');

/**
 * Seed facts that later product migrations change on purpose. Each one the engine has must
 * really differ at the latest schema (checked below), so this list cannot go stale.
 */
const INTENDED_CHANGES = [
  // 20261125000800_patient_registration: walk-in patients may have no email. PostgreSQL 18
  // (PGlite) also lists NOT NULL as a constraint; PostgreSQL 15 only in the column.
  'column patient_entities.email: character varying len=255 prec=-,- dtprec=- nullable=NO default=-',
  'constraint patient_entities.patient_entities_email_not_null (n): NOT NULL email',
  // 20261125000100_receptionist_role
  "constraint users.users_role_check (c): CHECK (((role)::text = ANY ((ARRAY['DOCTOR'::character varying, 'PATIENT'::character varying, 'ADMIN'::character varying])::text[])))",
];

describe('seed DDL fixture', () => {
  it('is the seed DDL from shared/ when shared/ sits beside the repository', () => {
    // CI and developer machines have shared/ beside the clone; a GitHub release runner does not.
    if (!fs.existsSync(SHARED_SEED)) return;
    expect(seedDdl).toBe(fs.readFileSync(SHARED_SEED, 'utf8'));
  });
});

describe.each(MODES)('schema conformance (%s)', (mode: Mode) => {
  let reference: Set<string>;
  let seedOnly: Set<string>;
  let latest: Set<string>;
  let afterRoundTrip: Set<string>;
  let tablesAfterRollback: string[];
  let appliedNames: string[];

  beforeAll(async () => {
    const ref = await openScratch(mode);
    try {
      await ref.db.knex.raw(seedDdl);
      reference = await schemaFacts(knexQuery(ref.db.knex));
    } finally {
      await ref.dispose();
    }

    const mig = await openScratch(mode);
    try {
      const knex = mig.db.knex;
      await knex.migrate.up(migratorConfig);
      seedOnly = await schemaFacts(knexQuery(knex));
      await migrateToLatest(knex);
      latest = await schemaFacts(knexQuery(knex));
      await rollbackLastBatch(knex, true);
      tablesAfterRollback = (await knex.raw(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).rows.map(
        (r: { tablename: string }) => r.tablename,
      );
      await migrateToLatest(knex);
      afterRoundTrip = await schemaFacts(knexQuery(knex));
      appliedNames = (await knex('knex_migrations').select('name').orderBy('id')).map((r: { name: string }) => r.name);
    } finally {
      await mig.dispose();
    }
  });

  it('the reference schema has every seed table, column, constraint and named index', () => {
    expect(reference.size).toBeGreaterThan(100);
    for (const table of SEED_TABLES) {
      expect([...reference].some((f) => f.startsWith(`column ${table}.`))).toBe(true);
    }
    expect([...reference].filter((f) => f.startsWith('index ') && f.includes('.idx_'))).toHaveLength(29);
  });

  it('the first migration gives exactly the seed schema, fact by fact', () => {
    expect(difference(reference, seedOnly)).toEqual([]);
    expect(difference(seedOnly, reference)).toEqual([]);
  });

  it('the latest schema keeps every seed fact except the intended changes', () => {
    const intended = INTENDED_CHANGES.filter((f) => reference.has(f));
    expect(intended.length).toBeGreaterThanOrEqual(2);
    expect(difference(reference, latest)).toEqual(intended.sort());
  });

  it('rolling everything back leaves only the migration bookkeeping', () => {
    expect(tablesAfterRollback).toEqual(['knex_migrations', 'knex_migrations_lock']);
  });

  it('migrate, roll back all, migrate again gives the same schema', () => {
    expect(difference(latest, afterRoundTrip)).toEqual([]);
    expect(difference(afterRoundTrip, latest)).toEqual([]);
  });

  it('records every bundled migration once, in order', () => {
    // The round trip applied them twice; rollback removed the first batch's rows.
    expect(appliedNames).toEqual(migrations.map((m) => m.name));
  });
});
