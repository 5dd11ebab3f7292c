import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import knexFactory from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentDto } from '../../preload/contract';
import { libpqEnv } from '../../main/backup/pg-tools';
import { dumpServer } from '../../main/backup/server-backup';
import type { RowChange } from '../../main/db/changes';
import type { ServerDatabaseConfig } from '../../main/db/config';
import { openDatabase, RUNTIME_ROLE, type Database } from '../../main/db/open';
import { electSender, type Election } from '../../main/messaging/election';
import { insertUser } from '../../main/users/repo';
import { ADMIN_URL, MODES, scratchMigrated, sqlState, type Scratch } from '../support/databases';
import { expectOk, startHarness, testPasswordHash, TEST_PASSWORD, type Harness } from '../support/harness';
import { PGBOUNCER_PATH } from '../support/machine-paths';
import { startPgBouncer, type ThrowawayPgBouncer } from '../support/pgbouncer';
import { statementsSent } from '../support/statement-names';
import { waitFor } from '../support/wait';

const DAY = '2099-03-02';

// Server mode only: the embedded database has no pooler in front of it.
const skipReason = !MODES.includes('server')
  ? 'server mode is not in CLINIC_TEST_MODES'
  : !fs.existsSync(PGBOUNCER_PATH)
    ? `${PGBOUNCER_PATH} is missing (apt-get install pgbouncer)`
    : undefined;
if (skipReason) console.info(`[skipped] the app behind PgBouncer: ${skipReason}`);

const admin = () => knexFactory({ client: 'pg', connection: ADMIN_URL, pool: { min: 0, max: 1 } });

describe.skipIf(skipReason !== undefined)('the app behind PgBouncer in transaction pooling (server)', () => {
  const login = `clinic_desk_${randomBytes(4).toString('hex')}`;
  let scratch: Scratch & { config: ServerDatabaseConfig; name: string };
  let bouncer: ThrowawayPgBouncer;
  const desks: { db: Database; h: Harness }[] = [];
  let doctorId: number;
  let patients: number[];

  beforeAll(async () => {
    scratch = (await scratchMigrated('server')) as typeof scratch;
    const a = admin();
    try {
      await a.raw(`CREATE ROLE ?? LOGIN IN ROLE ${RUNTIME_ROLE}`, [login]);
      // Sessions that do not set their zone would read another one than UTC.
      await a.raw(`ALTER DATABASE ?? SET timezone = 'Asia/Kolkata'`, [scratch.name]);
    } finally {
      await a.destroy();
    }
    bouncer = await startPgBouncer({ database: scratch.name, users: [login], poolSize: 2 });
    const direct = new URL(scratch.config.url);
    direct.username = login;
    const config: ServerDatabaseConfig = { ...scratch.config, url: bouncer.url(login), direct: { url: direct.toString(), sslMode: 'disable' } };
    for (let i = 0; i < 2; i++) {
      const db = await openDatabase(config);
      desks.push({ db, h: await startHarness('server', db) });
    }
    const knex = desks[0]!.db.knex;
    [{ id: doctorId }] = await knex('doctor_entities').insert({ name: 'Dr. Pooled', email: 'pooled@clinic.test' }).returning('id');
    await knex('doctor_availabilities').insert({ doctor_id: doctorId, date: DAY, start_time: '09:00', end_time: '13:00', slot_minutes: 15 });
    patients = (
      await knex('patient_entities')
        .insert(Array.from({ length: 12 }, (_, i) => ({ name: `Pooled Patient ${i}`, email: `pooled${i}@example.com` })))
        .returning('id')
    ).map((r: { id: number }) => r.id);
  }, 120_000);

  afterAll(async () => {
    for (const { db, h } of desks) {
      await h.dispose();
      await db.close();
    }
    await bouncer?.dispose();
    await scratch?.dispose();
    const a = admin();
    try {
      await a.raw('DROP ROLE IF EXISTS ??', [login]);
    } finally {
      await a.destroy();
    }
  });

  const desk = (i: number) => desks[i]!;

  it('calls go through the pooler as the desks’ login, every one of them in UTC', async () => {
    const knex = desk(0).db.knex;
    const rows = await Promise.all(Array.from({ length: 12 }, () => knex.raw(`SELECT current_user AS u, current_setting('TimeZone') AS tz`)));
    expect(new Set(rows.map((r: { rows: { u: string; tz: string }[] }) => JSON.stringify(r.rows[0])))).toEqual(
      new Set([JSON.stringify({ u: login, tz: 'UTC' })]),
    );
  });

  it('signs in with a password', async () => {
    const email = `pooled.reception@clinic.test`;
    await insertUser(desk(0).db.knex, { email, passwordHash: await testPasswordHash(), role: 'RECEPTIONIST', displayName: 'Pooled Reception', doctorId: null });
    const session = expectOk(await desk(0).h.call('auth.login', { email, password: TEST_PASSWORD }, 'pooled-session'));
    expect(session).toMatchObject({ email, role: 'RECEPTIONIST', locked: false });
    expect(await desk(0).h.call('auth.login', { email, password: 'not the password at all' }, 'pooled-other')).toMatchObject({ ok: false });
  });

  it('books, no statement kept prepared, and the other desk hears of it through its LISTEN on the direct connection', async () => {
    const heard: RowChange[] = [];
    desk(1).db.changes.on('change', (c) => heard.push(c));
    const reception = await desk(0).h.signInAs('RECEPTIONIST');
    let booked!: AppointmentDto;
    const sent = await statementsSent(desk(0).db.knex, async () => {
      booked = expectOk<AppointmentDto>(
        await desk(0).h.call('appointments.book', { patientId: patients[0]!, doctorId, date: DAY, startTime: '09:00' }, reception.sessionKey),
      );
    });
    // A statement prepared on one server session would be missing from the next the pooler hands out.
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((q) => q.name !== undefined)).toEqual([]);
    expect(booked).toMatchObject({ date: DAY, startTime: '09:00:00', status: 'SCHEDULED' });
    await waitFor('the booking to reach the second desk', () => heard.find((c) => c.table === 'appointment_entities' && c.id === booked.id));
  });

  it('keeps the runtime role’s limits: the audit log refuses UPDATE, DELETE and switching its trigger off', async () => {
    const knex = desk(1).db.knex;
    expect(await knex('audit_log').count({ n: '*' })).toBeDefined();
    expect(await sqlState(knex.raw(`UPDATE audit_log SET action = 'forged'`))).toBe('42501');
    expect(await sqlState(knex.raw('DELETE FROM audit_log'))).toBe('42501');
    expect(await sqlState(knex.raw('ALTER TABLE audit_log DISABLE TRIGGER ALL'))).toBe('42501');
  });

  it('two desks racing for one slot: exactly one booking', async () => {
    const keys = await Promise.all([desk(0).h.signInAs('RECEPTIONIST'), desk(1).h.signInAs('RECEPTIONIST')]);
    const results = await Promise.all(
      patients
        .slice(1, 11)
        .map((patientId, i) => desk(i % 2).h.call('appointments.book', { patientId, doctorId, date: DAY, startTime: '10:00' }, keys[i % 2]!.sessionKey)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === 'CONFLICT')).toHaveLength(9);
    const atTen = await desk(0).db.knex('appointment_entities').where({ doctor_id: doctorId, appointment_date: DAY, start_time: '10:00' }).count({ n: '*' });
    expect(Number(atTen[0]!.n)).toBe(1);
  });

  it('takes a backup: pg_dump, which sets its session before its transaction, runs past the pooler', async () => {
    const config = desk(0).db.config as ServerDatabaseConfig;
    // On a quiet pool pg_dump might keep one server session by luck: where it connects is the rule.
    expect(libpqEnv(config)).toMatchObject({ PGPORT: '5432', PGUSER: login, PGDATABASE: scratch.name });
    const chunks: Buffer[] = [];
    await dumpServer(config, async (dump) => {
      for await (const chunk of dump) chunks.push(chunk as Buffer);
    });
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('PGDMP');
  });

  it('the messaging sender election elects one sender, and another takes over when it stops', async () => {
    const leaders = new Set<number>();
    let most = 0;
    const elections: Election[] = desks.map(({ db }, i) =>
      electSender(
        db,
        (leader) => {
          if (leader) leaders.add(i);
          else leaders.delete(i);
          most = Math.max(most, leaders.size);
        },
        { retryMs: 20, log: () => undefined },
      ),
    );
    // Each losing try opens a session of its own straight to PostgreSQL; through the pooler it
    // would reuse a pooled one, perhaps the very session that holds the lock.
    const sessions = async () => {
      const r = await a.raw('SELECT sessions::int AS n FROM pg_stat_database WHERE datname = ?', [scratch.name]);
      return (r.rows as { n: number }[])[0]!.n;
    };
    const a = admin();
    try {
      const first = await waitFor('a sender to be elected', () => [...leaders][0]);
      const before = await sessions();
      await expect.poll(sessions, { timeout: 30_000, interval: 5, message: 'five losing tries straight to PostgreSQL' }).toBeGreaterThanOrEqual(before + 5);
      expect([...leaders]).toEqual([first]);
      await elections[first]!.stop();
      const second = await waitFor('the other desk to take over', () => [...leaders].find((i) => i !== first));
      expect(second).not.toBe(first);
      expect(most).toBe(1);
    } finally {
      await Promise.all(elections.map((e) => e.stop()));
      await a.destroy();
    }
  });
});
