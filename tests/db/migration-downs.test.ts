import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { migrations } from '../../migrations';
import { migratorConfig } from '../../main/db/migrator';
import type { Database } from '../../main/db/open';
import { MODES, openScratch, type Mode } from '../support/databases';
import { expectOk, startHarness } from '../support/harness';
import { allSchemaFacts, difference, knexQuery } from '../support/schema-facts';
import { fillSeedSchema, seedRows } from '../support/seed-data';

// CREATE EXTENSION IF NOT EXISTS cannot know whether it created the extension, so its down()
// leaves it for whoever else may use it: the one thing allowed to stay.
const ACCEPTED_LEFT_BEHIND = ['extension btree_gist', 'extension pg_trgm'];
const leftBehind = (now: Set<string>, before: Set<string>) => difference(now, before).filter((f) => !ACCEPTED_LEFT_BEHIND.includes(f));

/**
 * down()s that refuse, rather than destroy, data their schema cannot hold: each must say why
 * and change nothing; the test then does what the message asks and runs it again.
 */
const REFUSING_DOWNS: Record<string, { says: RegExp; remedy: (knex: Knex) => Promise<unknown> }> = {
  '20261125000100_receptionist_role': {
    says: /2 user\(s\) have the RECEPTIONIST role\. Change their role first/,
    remedy: (knex) => knex('users').where({ role: 'RECEPTIONIST' }).update({ role: 'ADMIN' }),
  },
};

const schemaOf = async (knex: Knex) => allSchemaFacts(knexQuery(knex));

/** A day of the product's own work on the newest schema, so every down() meets rows in what it removes. */
async function aDayOfWork(mode: Mode, db: Database): Promise<void> {
  const h = await startHarness(mode, db);
  try {
    const admin = (await h.signInAs('ADMIN')).sessionKey;
    const desk = (await h.signInAs('RECEPTIONIST')).sessionKey;
    const doctor = expectOk<{ id: number }>(
      await h.call('doctors.create', { name: 'Dr. Down', email: 'down@clinic.test', specialization: 'ENT', experience: 3, consultationFee: '400.00' }, admin),
    );
    expectOk(
      await h.call(
        'availability.saveTemplate',
        { doctorId: doctor.id, rules: [{ weekday: 1, startTime: '09:00', endTime: '12:00', slotMinutes: 15 }], validFrom: '2099-01-01' },
        admin,
      ),
    );
    expectOk(await h.call('availability.expand', { doctorId: doctor.id, from: '2099-01-05', to: '2099-01-12' }, admin));
    const patient = expectOk(
      await h.call(
        'patients.create',
        { name: 'Meera Down', phone: '+91 98123 45000', email: 'meera@down.test', dateOfBirth: '1970-02-03', gender: 'FEMALE' },
        desk,
      ),
    );
    if (patient.status !== 'created') throw new Error('expected a new patient, not possible duplicates');
    const booked = expectOk<{ id: number }>(
      await h.call(
        'appointments.book',
        { patientId: patient.patient.id, doctorId: doctor.id, date: '2099-01-05', startTime: '09:00', reason: 'Ear ache' },
        desk,
      ),
    );
    expectOk(await h.call('payments.record', { appointmentId: booked.id, method: 'CASH', amount: '400' }, desk));
    expectOk(
      await h.call(
        'users.create',
        { email: 'desk2@clinic.test', displayName: 'Second Desk', role: 'RECEPTIONIST', password: 'receptionist passphrase 2' },
        admin,
      ),
    );
    expectOk(await h.call('settings.update', { clinicName: 'Down Clinic' }, admin));
  } finally {
    await h.dispose();
  }
}

/**
 * Every migration's down() on a database holding data, one migration at a time from the newest
 * to the seed schema: each must leave exactly the schema its up() found (no column, index,
 * trigger or function left behind), the seed data intact; then all of them up again.
 */
describe.each(MODES)('each migration down() on a clinic with data (%s)', (mode: Mode) => {
  let knex: Knex;
  let dispose: () => Promise<void>;
  /** The schema after the first k migrations: index 1 is the seed schema. */
  const schemaAfter: Set<string>[] = [];
  let seedData: Record<string, unknown[]>;

  beforeAll(async () => {
    const s = await openScratch(mode);
    dispose = s.dispose;
    knex = s.db.knex;
    schemaAfter[0] = await schemaOf(knex);
    await knex.migrate.up(migratorConfig);
    schemaAfter[1] = await schemaOf(knex);
    await fillSeedSchema(knex);
    seedData = await seedRows(knex);
    for (let k = 2; k <= migrations.length; k++) {
      await knex.migrate.up(migratorConfig);
      schemaAfter[k] = await schemaOf(knex);
    }
    await aDayOfWork(mode, s.db);
  });
  afterAll(() => dispose());

  /** The seed's own rows, each still there value for value (rows the day added may stay too). */
  async function expectSeedDataKept(): Promise<void> {
    const now = await seedRows(knex);
    for (const [table, rows] of Object.entries(seedData)) {
      const columns = Object.keys((rows[0] as object) ?? {});
      const byId = new Map(now[table]!.map((r) => [(r as { id: number }).id, r as Record<string, unknown>]));
      for (const row of rows as Record<string, unknown>[]) {
        const found = byId.get(row.id as number);
        expect(found && Object.fromEntries(columns.map((c) => [c, found[c]])), `${table} row ${String(row.id)}`).toEqual(row);
      }
    }
  }

  it('takes each migration back to exactly the schema before it, keeping the seed data', async () => {
    for (let k = migrations.length; k >= 2; k--) {
      const name = migrations[k - 1]!.name;
      const refusing = REFUSING_DOWNS[name];
      if (refusing) {
        await expect(knex.migrate.down(migratorConfig)).rejects.toThrow(refusing.says);
        expect(leftBehind(await schemaOf(knex), schemaAfter[k]!)).toEqual([]);
        await refusing.remedy(knex);
      }
      await knex.migrate.down(migratorConfig);
      const now = await schemaOf(knex);
      expect({ migration: name, leftBehind: leftBehind(now, schemaAfter[k - 1]!), missing: difference(schemaAfter[k - 1]!, now) }).toEqual({
        migration: name,
        leftBehind: [],
        missing: [],
      });
    }
    expect((await knex('knex_migrations').pluck('name')) as string[]).toEqual([migrations[0]!.name]);
    await expectSeedDataKept();
  });

  it('then migrates up again to the same newest schema, the seed data intact', async () => {
    for (let k = 2; k <= migrations.length; k++) await knex.migrate.up(migratorConfig);
    expect(difference(await schemaOf(knex), schemaAfter[migrations.length]!)).toEqual([]);
    expect(difference(schemaAfter[migrations.length]!, await schemaOf(knex))).toEqual([]);
    await expectSeedDataKept();
  });
});
