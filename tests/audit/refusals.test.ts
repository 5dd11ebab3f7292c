import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentDto } from '../../preload/contract';
import { migrateToLatest, migratorConfig } from '../../main/db/migrator';
import { MODES, openScratch, sqlState, type Mode } from '../support/databases';
import { expectOk, startHarness, type Harness } from '../support/harness';

const DAY = '2099-03-02';

interface AuditRow {
  user_id: number | null;
  user_email: string | null;
  workstation: string | null;
  action: string;
  entity: string | null;
  entity_id: number | null;
  outcome: string;
  detail: Record<string, unknown> | null;
}

describe.each(MODES)('every refusal leaves an audit row (%s)', (mode: Mode) => {
  let h: Harness;
  let desk: { sessionKey: string; userId: number; email: string };
  let admin: { sessionKey: string; userId: number; email: string };
  let doctorId: number;
  let patients: number[];

  beforeAll(async () => {
    h = await startHarness(mode);
    desk = await h.signInAs('RECEPTIONIST');
    admin = await h.signInAs('ADMIN');
    [{ id: doctorId }] = await h.knex('doctor_entities').insert({ name: 'Dr. Asha Rao', email: 'asha.rao@clinic.test' }).returning('id');
    patients = (
      await h
        .knex('patient_entities')
        .insert([
          { name: 'Ravi Kumar', email: 'ravi@example.com' },
          { name: 'Meena Iyer', email: 'meena@example.com' },
        ])
        .returning('id')
    ).map((r: { id: number }) => r.id);
    await h.knex('doctor_availabilities').insert({ doctor_id: doctorId, date: DAY, start_time: '09:00', end_time: '13:00', slot_minutes: 15 });
  });
  afterAll(() => h.dispose());

  /** The rows a call added to the audit log (and how many rows every other table gained). */
  async function written(call: () => Promise<unknown>): Promise<{ audit: AuditRow[]; elsewhere: Record<string, number> }> {
    const counts = async () => {
      const tables: string[] = (
        await h.knex.raw(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'audit_log' AND tablename NOT LIKE 'knex_%'`)
      ).rows.map((r: { tablename: string }) => r.tablename);
      const out: Record<string, number> = {};
      for (const t of tables) out[t] = Number((await h.knex(t).count({ n: '*' }).first())?.n);
      return out;
    };
    const lastId = Number((await h.knex('audit_log').max({ id: 'id' }).first())?.id ?? 0);
    const before = await counts();
    await call();
    const after = await counts();
    const audit: AuditRow[] = await h
      .knex('audit_log')
      .where('id', '>', lastId)
      .orderBy('id')
      .select('user_id', 'user_email', 'workstation', 'action', 'entity', 'entity_id', 'outcome', 'detail');
    const elsewhere = Object.fromEntries(Object.keys(after).flatMap((t) => (after[t] !== before[t] ? [[t, after[t]! - before[t]!]] : [])));
    return { audit, elsewhere };
  }

  it('a role refused a channel that reads no patient data (health) is still recorded as DENIED, and nothing else is written', async () => {
    const w = await written(async () => expect(await h.call('health.get', {}, desk.sessionKey)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } }));
    expect(w.audit).toEqual([
      {
        user_id: desk.userId,
        user_email: desk.email,
        workstation: 'test-pc',
        action: 'health.get',
        entity: null,
        entity_id: null,
        outcome: 'DENIED',
        detail: { code: 'FORBIDDEN' },
      },
    ]);
    expect(w.elsewhere).toEqual({});
  });

  it('a receptionist creating an account is DENIED on the user record kind', async () => {
    const w = await written(async () =>
      expect(
        await h.call('users.create', { email: 'new@clinic.test', displayName: 'New', role: 'ADMIN', password: 'a long enough password' }, desk.sessionKey),
      ).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      }),
    );
    expect(w.audit).toMatchObject([{ user_id: desk.userId, action: 'users.create', entity: 'user', outcome: 'DENIED', detail: { code: 'FORBIDDEN' } }]);
    expect(w.elsewhere).toEqual({});
  });

  it('a call without a session, and one from a locked screen, are DENIED (the locked one names its user)', async () => {
    const anonymous = await written(async () =>
      expect(await h.call('patients.search', { query: 'Ravi' }, 'no-such-session')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } }),
    );
    expect(anonymous.audit).toMatchObject([
      { user_id: null, action: 'patients.search', entity: 'patient', outcome: 'DENIED', detail: { code: 'UNAUTHENTICATED' } },
    ]);
    expect(anonymous.elsewhere).toEqual({});

    const locked = await h.signInAs('RECEPTIONIST');
    h.services.sessions.setLocked(locked.sessionKey, true);
    const w = await written(async () =>
      expect(await h.call('patients.search', { query: 'Ravi' }, locked.sessionKey)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } }),
    );
    expect(w.audit).toMatchObject([
      { user_id: locked.userId, user_email: locked.email, action: 'patients.search', outcome: 'DENIED', detail: { code: 'UNAUTHENTICATED' } },
    ]);
    expect(w.elsewhere).toEqual({});
  });

  it('a booking refused for a clash is REFUSED, and the clash wrote no appointment', async () => {
    const first = expectOk<AppointmentDto>(
      await h.call('appointments.book', { patientId: patients[0]!, doctorId, date: DAY, startTime: '09:00' }, desk.sessionKey),
    );
    const w = await written(async () =>
      expect(await h.call('appointments.book', { patientId: patients[1]!, doctorId, date: DAY, startTime: '09:00' }, desk.sessionKey)).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      }),
    );
    expect(w.audit).toEqual([
      {
        user_id: desk.userId,
        user_email: desk.email,
        workstation: 'test-pc',
        action: 'appointments.book',
        entity: 'appointment',
        entity_id: null,
        outcome: 'REFUSED',
        detail: { code: 'CONFLICT', field: 'startTime' },
      },
    ]);
    expect(w.elsewhere).toEqual({});
    // A refused status change names the appointment it was about.
    expectOk(await h.call('appointments.cancel', { id: first.id, reason: 'Travelling' }, desk.sessionKey));
    const again = await written(async () =>
      expect(await h.call('appointments.cancel', { id: first.id, reason: 'Twice' }, desk.sessionKey)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } }),
    );
    expect(again.audit).toMatchObject([{ action: 'appointments.cancel', entity_id: first.id, outcome: 'REFUSED' }]);
  });

  it('asking for a record that is not there is REFUSED with its number', async () => {
    const w = await written(async () =>
      expect(await h.call('patients.get', { id: 987654 }, desk.sessionKey)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } }),
    );
    expect(w.audit).toMatchObject([
      { user_id: desk.userId, action: 'patients.get', entity: 'patient', entity_id: 987654, outcome: 'REFUSED', detail: { code: 'NOT_FOUND' } },
    ]);
  });

  it('bad input (INVALID) writes nothing at all, not even an audit row', async () => {
    const w = await written(async () =>
      expect(await h.call('patients.get', { id: -1 }, desk.sessionKey)).toMatchObject({ ok: false, error: { code: 'INVALID' } }),
    );
    expect(w).toEqual({ audit: [], elsewhere: {} });
  });

  it('reading the audit log and listing the accounts are themselves audited', async () => {
    const audit = await written(async () => expectOk(await h.call('audit.list', { limit: 5 }, admin.sessionKey)));
    expect(audit.audit).toMatchObject([{ user_id: admin.userId, action: 'audit.list', entity: 'audit', outcome: 'OK' }]);
    const users = await written(async () => expectOk(await h.call('users.list', {}, admin.sessionKey)));
    expect(users.audit).toMatchObject([{ user_id: admin.userId, action: 'users.list', entity: 'user', outcome: 'OK' }]);
  });
});

describe.each(MODES)('the REFUSED outcome migration (%s)', (mode: Mode) => {
  it('down() keeps REFUSED rows already written (the log is append-only) and takes the outcome away from new rows; up() gives it back', async () => {
    const { db, dispose } = await openScratch(mode);
    try {
      await migrateToLatest(db.knex);
      await db.knex('audit_log').insert({ action: 'appointments.book', outcome: 'REFUSED' });
      while ((await db.knex('knex_migrations').orderBy('id', 'desc').first('name')).name !== '20261202030000_refused_audit_outcome')
        await db.knex.migrate.down(migratorConfig);
      await db.knex.migrate.down(migratorConfig);
      expect(await db.knex('audit_log').where({ outcome: 'REFUSED' }).count({ n: '*' }).first()).toEqual({ n: 1 });
      expect(await sqlState(db.knex('audit_log').insert({ action: 'appointments.book', outcome: 'REFUSED' }))).toBe('23514');
      expect(await sqlState(db.knex('audit_log').insert({ action: 'appointments.book', outcome: 'DENIED' }))).toBeUndefined();
      await migrateToLatest(db.knex);
      expect(await sqlState(db.knex('audit_log').insert({ action: 'appointments.book', outcome: 'REFUSED' }))).toBeUndefined();
      expect(await sqlState(db.knex('audit_log').insert({ action: 'appointments.book', outcome: 'MAYBE' }))).toBe('23514');
    } finally {
      await dispose();
    }
  });
});
