import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import pg from 'pg';
import type { ChangeEvent, EventName } from '../../preload/contract';
import { CHANGES_CHANNEL } from '../../main/db/changes';
import { migrateToLatest } from '../../main/db/migrator';
import { openDatabase, type Database } from '../../main/db/open';
import { scratchServerDatabase } from '../support/databases';
import { waitFor } from '../support/wait';
import { startHarness, type Harness, type SentEvent } from '../support/harness';

// The acceptance check: an event caused by one PC reaches the other within 1 second.
const LATENCY_BUDGET_MS = 1000;

const changesOf = (h: Harness, event: EventName) => h.events.filter((e) => e.event === event).map((e) => ({ ...e, payload: e.payload as ChangeEvent }));

const eventFor = (h: Harness, event: EventName, match: Partial<ChangeEvent>) => () =>
  changesOf(h, event).find((e) => Object.entries(match).every(([k, v]) => e.payload[k as keyof ChangeEvent] === v));

/** HH:MM:SS of a minute of the day. */
const minute = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`;

let n = 0;
const uniq = () => `${++n}.${process.pid}.${Date.now()}`;

async function insertDoctor(knex: Knex): Promise<number> {
  const [{ id }] = await knex('doctor_entities')
    .insert({ name: 'Dr. Live', email: `doctor${uniq()}@clinic.test` })
    .returning('id');
  return id;
}

async function insertPatient(knex: Knex, fields: Record<string, unknown> = {}): Promise<number> {
  const [{ id }] = await knex('patient_entities')
    .insert({ name: 'Pat Live', email: `patient${uniq()}@clinic.test`, ...fields })
    .returning('id');
  return id;
}

async function insertAppointment(
  knex: Knex,
  a: { doctorId: number; patientId: number; date: string; start: string; end: string; reason?: string },
): Promise<number> {
  const [{ id }] = await knex('appointment_entities')
    .insert({ doctor_id: a.doctorId, patient_id: a.patientId, appointment_date: a.date, start_time: a.start, end_time: a.end, reason: a.reason ?? null })
    .returning('id');
  return id;
}

/**
 * Waits until everything notified so far has reached the readers, without a clock: a change
 * made now goes through the same notifications and coalescing after the earlier ones, so once
 * its own event arrives, any event still owed for them would have arrived before it.
 */
async function settled(writer: Knex, readers: Harness[]): Promise<void> {
  const probe = await insertDoctor(writer);
  await writer('doctor_availabilities').insert({ doctor_id: probe, date: '2026-12-31', start_time: '08:00', end_time: '09:00' });
  for (const reader of readers) await waitFor('a later change to arrive after the burst', eventFor(reader, 'availability.changed', { doctorId: probe }));
}

describe('live updates between two PCs on one clinic server', () => {
  let dbA: Database;
  let dbB: Database;
  let pcA: Harness;
  let pcB: Harness;
  let disposeScratch: () => Promise<void>;
  let scratchUrl: string;

  beforeAll(async () => {
    const s = await scratchServerDatabase();
    disposeScratch = s.dispose;
    scratchUrl = s.config.url;
    dbA = await openDatabase(s.config, { schema: 'none' });
    await migrateToLatest(dbA.knex);
    // PC B opens the way the app does in server mode: the schema must already be current.
    dbB = await openDatabase(s.config, { schema: 'guard' });
    pcA = await startHarness('server', dbA);
    pcB = await startHarness('server', dbB);

    // Both PCs LISTEN on their own connection, opened in the background: wait until each hears.
    const probe = await insertPatient(pcA.knex);
    await waitFor('PC A listening', eventFor(pcA, 'patients.changed', { id: probe }));
    await waitFor('PC B listening', eventFor(pcB, 'patients.changed', { id: probe }));
  });

  afterAll(async () => {
    await pcA?.dispose();
    await pcB?.dispose();
    await dbA?.close();
    await dbB?.close();
    await disposeScratch?.();
  });

  it('an appointment booked on PC A reaches PC B as appointments.changed within 1 second', async () => {
    const doctorId = await insertDoctor(pcA.knex);
    const patientId = await insertPatient(pcA.knex);
    const latencies: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = `${String(9 + i).padStart(2, '0')}:00:00`;
      const end = `${String(9 + i).padStart(2, '0')}:30:00`;
      const before = Date.now();
      const id = await insertAppointment(pcA.knex, { doctorId, patientId, date: '2026-12-01', start, end });
      const committed = Date.now();
      const seen = await waitFor(`appointment ${id} on PC B`, eventFor(pcB, 'appointments.changed', { id }));
      expect(seen.payload).toEqual({ op: 'INSERT', id, doctorId, patientId, appointmentId: null, date: '2026-12-01', oldDoctorId: null, oldDate: null });
      expect(seen.sessionKey).toBeUndefined(); // to every window
      // From before the INSERT was sent (so the commit is surely inside): an upper bound.
      latencies.push(seen.at - before);
      console.log(`appointments.changed A→B: ${seen.at - before} ms from sending the insert, ${seen.at - committed} ms after PC A saw its commit`);
    }
    console.log(`appointments.changed A→B latency over ${latencies.length} bookings: max ${Math.max(...latencies)} ms, all ${latencies.join(', ')} ms`);
    expect(Math.max(...latencies)).toBeLessThanOrEqual(LATENCY_BUDGET_MS);
  });

  it('availability, patients and payments reach the other PC too, with ids and dates', async () => {
    const doctorId = await insertDoctor(pcA.knex);

    let before = Date.now();
    const [{ id: availabilityId }] = await pcA
      .knex('doctor_availabilities')
      .insert({ doctor_id: doctorId, date: '2026-12-02', start_time: '09:00', end_time: '13:00' })
      .returning('id');
    const availability = await waitFor('availability on PC B', eventFor(pcB, 'availability.changed', { id: availabilityId }));
    expect(availability.payload).toEqual({
      op: 'INSERT',
      id: availabilityId,
      doctorId,
      patientId: null,
      appointmentId: null,
      date: '2026-12-02',
      oldDoctorId: null,
      oldDate: null,
    });
    expect(availability.at - before).toBeLessThanOrEqual(LATENCY_BUDGET_MS);
    console.log(`availability.changed A→B: ${availability.at - before} ms`);

    before = Date.now();
    const patientId = await insertPatient(pcA.knex);
    const patient = await waitFor('patient on PC B', eventFor(pcB, 'patients.changed', { id: patientId }));
    expect(patient.payload).toEqual({
      op: 'INSERT',
      id: patientId,
      doctorId: null,
      patientId: null,
      appointmentId: null,
      date: null,
      oldDoctorId: null,
      oldDate: null,
    });
    expect(patient.at - before).toBeLessThanOrEqual(LATENCY_BUDGET_MS);
    console.log(`patients.changed A→B: ${patient.at - before} ms`);

    await pcA.knex('patient_entities').where({ id: patientId }).update({ phone: '555-0100' });
    await waitFor('patient update on PC B', eventFor(pcB, 'patients.changed', { id: patientId, op: 'UPDATE' }));

    const appointmentId = await insertAppointment(pcA.knex, { doctorId, patientId, date: '2026-12-02', start: '09:00', end: '09:15' });
    before = Date.now();
    const [{ id: paymentId }] = await pcA
      .knex('payments')
      .insert({ appointment_id: appointmentId, amount: '500.00', order_id: `order_${uniq()}` })
      .returning('id');
    const payment = await waitFor('payment on PC B', eventFor(pcB, 'payments.changed', { id: paymentId }));
    expect(payment.payload).toEqual({
      op: 'INSERT',
      id: paymentId,
      doctorId: null,
      patientId: null,
      appointmentId,
      date: null,
      oldDoctorId: null,
      oldDate: null,
    });
    expect(payment.at - before).toBeLessThanOrEqual(LATENCY_BUDGET_MS);
    console.log(`payments.changed A→B: ${payment.at - before} ms`);

    // Deleting travels as well (the appointment's payment goes with it, by cascade).
    await pcA.knex('appointment_entities').where({ id: appointmentId }).del();
    await waitFor('appointment delete on PC B', eventFor(pcB, 'appointments.changed', { id: appointmentId, op: 'DELETE' }));
    await waitFor('payment cascade delete on PC B', eventFor(pcB, 'payments.changed', { id: paymentId, op: 'DELETE' }));
  });

  it('a bulk insert of 500 availability rows for one doctor and day is one event, not 500', async () => {
    const doctorId = await insertDoctor(pcA.knex);
    const otherDoctorId = await insertDoctor(pcA.knex);
    const rows = Array.from({ length: 500 }, (_, i) => ({
      doctor_id: doctorId,
      date: '2026-12-03',
      start_time: minute(7 * 60 + i),
      end_time: minute(7 * 60 + i + 1),
    }));
    await pcA.knex('doctor_availabilities').insert(rows);
    // The same expansion for another doctor, in one transaction over two days: one event per doctor and day.
    await pcA.knex.transaction(async (trx) => {
      for (const date of ['2026-12-03', '2026-12-04']) {
        await trx('doctor_availabilities').insert(rows.map((r) => ({ ...r, doctor_id: otherDoctorId, date })));
      }
    });

    await waitFor('bulk availability on PC B', eventFor(pcB, 'availability.changed', { doctorId }));
    await waitFor('other doctor on PC B', eventFor(pcB, 'availability.changed', { doctorId: otherDoctorId, date: '2026-12-04' }));
    await settled(pcA.knex, [pcA, pcB]);
    for (const pc of [pcA, pcB]) {
      const mine = changesOf(pc, 'availability.changed').filter((e) => e.payload.doctorId === doctorId);
      expect(mine).toHaveLength(1);
      expect(mine[0]!.payload).toMatchObject({ op: 'INSERT', doctorId, date: '2026-12-03' });
      const other = changesOf(pc, 'availability.changed').filter((e) => e.payload.doctorId === otherDoctorId);
      expect(other.map((e) => e.payload.date).sort()).toEqual(['2026-12-03', '2026-12-04']);
    }
  });

  it('a burst stays one event even when PC B is busy in the middle of receiving it', async () => {
    const doctorId = await insertDoctor(pcA.knex);
    // PC B's main process is busy with something else right after it read the burst's first
    // notifications (a long render, a GC pause): the rest of the burst arrives unread meanwhile,
    // and must join the same event, though the quiet time has passed by the end of the stall.
    let stalled = 0;
    const stall = (change: { doctor_id: number | null }) => {
      if (change.doctor_id !== doctorId || stalled++ > 0) return;
      setImmediate(() => {
        const until = Date.now() + 150;
        while (Date.now() < until) {
          // busy, as a blocked event loop is
        }
      });
    };
    dbB.changes.on('change', stall);
    try {
      const rows = Array.from({ length: 1000 }, (_, i) => ({ doctor_id: doctorId, date: '2026-12-08', start_time: minute(i), end_time: minute(i + 1) }));
      await pcA.knex('doctor_availabilities').insert(rows);
      await waitFor('the burst on PC B', eventFor(pcB, 'availability.changed', { doctorId }));
      await settled(pcA.knex, [pcB]);
    } finally {
      dbB.changes.off('change', stall);
    }
    expect(stalled).toBe(1000);
    expect(changesOf(pcB, 'availability.changed').filter((e) => e.payload.doctorId === doctorId)).toHaveLength(1);
  });

  it('notifications carry ids and dates only, never names or notes', async () => {
    // The raw NOTIFY payloads too: the feed's parser would strip extra fields before any event.
    const raw: string[] = [];
    const listener = new pg.Client({ connectionString: scratchUrl });
    await listener.connect();
    try {
      listener.on('notification', (msg) => raw.push(msg.payload ?? ''));
      await listener.query(`LISTEN ${CHANGES_CHANNEL}`);

      const doctorId = await insertDoctor(pcA.knex);
      const patientId = await insertPatient(pcA.knex, {
        name: 'Secret Name',
        phone: '+91 98765 43210',
        address: 'Secret Street 7',
        medical_history: 'Secret notes: allergic to penicillin',
        date_of_birth: '1980-04-05',
      });
      await pcA.knex('patient_entities').where({ id: patientId }).update({ name: 'Secret Name Renamed' });
      const appointmentId = await insertAppointment(pcA.knex, {
        doctorId,
        patientId,
        date: '2026-12-05',
        start: '10:00',
        end: '10:15',
        reason: 'Secret reason for the visit',
      });
      await pcA.knex('payments').insert({ appointment_id: appointmentId, amount: '750.00', order_id: `order_${uniq()}`, transaction_id: 'secret-txn' });

      await waitFor('appointment on PC B', eventFor(pcB, 'appointments.changed', { id: appointmentId }));
      await waitFor('payment on PC B', eventFor(pcB, 'payments.changed', { appointmentId }));
      await waitFor('patient update on PC B', eventFor(pcB, 'patients.changed', { id: patientId, op: 'UPDATE' }));
      await waitFor('raw notifications', () => (raw.length >= 4 ? raw : undefined));

      const leaks = /secret|penicillin|98765|1980-04-05/i;
      for (const pc of [pcA, pcB]) {
        const sent = JSON.stringify(pc.events.map((e: SentEvent) => e.payload));
        expect(sent).toContain(`"id":${patientId}`);
        expect(sent).not.toMatch(leaks);
      }
      expect(raw.join('\n')).not.toMatch(leaks);
      for (const payload of raw) {
        expect(Object.keys(JSON.parse(payload)).sort()).toEqual([
          'appointment_id',
          'date',
          'doctor_id',
          'id',
          'old_date',
          'old_doctor_id',
          'op',
          'patient_id',
          'table',
        ]);
      }
    } finally {
      await listener.end();
    }
  });
});

describe('live updates in embedded mode', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness('embedded');
  });
  afterAll(() => h?.dispose());

  it('a change made through the database reaches the events too', async () => {
    const doctorId = await insertDoctor(h.knex);
    const patientId = await insertPatient(h.knex);
    const before = Date.now();
    const appointmentId = await insertAppointment(h.knex, { doctorId, patientId, date: '2026-12-06', start: '11:00', end: '11:30' });
    const seen = await waitFor('appointment event', eventFor(h, 'appointments.changed', { id: appointmentId }));
    expect(seen.payload).toEqual({
      op: 'INSERT',
      id: appointmentId,
      doctorId,
      patientId,
      appointmentId: null,
      date: '2026-12-06',
      oldDoctorId: null,
      oldDate: null,
    });
    console.log(`embedded appointments.changed: ${seen.at - before} ms`);
    await waitFor('patient event', eventFor(h, 'patients.changed', { id: patientId }));

    await h.knex('doctor_availabilities').insert(
      Array.from({ length: 50 }, (_, i) => ({
        doctor_id: doctorId,
        date: '2026-12-07',
        start_time: minute(8 * 60 + 10 * i),
        end_time: minute(8 * 60 + 10 * i + 5),
      })),
    );
    await waitFor('availability event', eventFor(h, 'availability.changed', { doctorId, date: '2026-12-07' }));
    await settled(h.knex, [h]);
    expect(changesOf(h, 'availability.changed').filter((e) => e.payload.doctorId === doctorId)).toHaveLength(1);
    // One connection, opened once: nothing asked the windows to resync.
    expect(h.events.filter((e) => e.event === 'resync' || e.event === 'connection.changed')).toEqual([]);
  });
});
