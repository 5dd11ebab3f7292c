import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { startHarness, type Harness } from '../support/harness';
import { waitFor } from '../support/wait';

/**
 * The reports' derived tables when two transactions touch one visit or one patient at once. Server
 * mode only: the embedded database serves one connection, so nothing there is concurrent. The
 * second transaction is let go only once PostgreSQL shows it waiting on a lock, so the order is
 * the test's, not the scheduler's.
 */
describe('the reports’ derived tables under two transactions at once (server)', () => {
  let h: Harness;
  let doctor: number;

  beforeAll(async () => {
    h = await startHarness('server');
    [{ id: doctor }] = await h.knex('doctor_entities').insert({ name: 'Dr. Race', email: 'race@derived.test', specialization: 'ENT' }).returning('id');
  });
  afterAll(() => h.dispose());

  const patient = async (name: string) => {
    const [{ id }] = await h
      .knex('patient_entities')
      .insert({ name, email: `${name.replace(' ', '.').toLowerCase()}@derived.test` })
      .returning('id');
    return id as number;
  };
  const visit = (k: Knex, patientId: number, date: string) =>
    k('appointment_entities')
      .insert({ patient_id: patientId, doctor_id: doctor, appointment_date: date, start_time: '09:00', end_time: '09:15', status: 'SCHEDULED' })
      .returning('id');
  const waitingOnALock = () =>
    waitFor('the second transaction waiting on a lock', async () => {
      const { rows } = await h.knex.raw(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      return rows[0].n > 0 ? true : undefined;
    });

  it('two payments of one visit at once: the second’s sum sees the first', async () => {
    const [{ id: appointment }] = await visit(h.knex, await patient('Asha Race'), '2026-05-10');
    const first = await h.knex.transaction();
    const second = await h.knex.transaction();
    await first('payments').insert({ appointment_id: appointment, amount: '100.00', status: 'PAID' });
    const secondPays = second('payments')
      .insert({ appointment_id: appointment, amount: '50.00', status: 'PAID' })
      .then(() => undefined);
    await waitingOnALock();
    await first.commit();
    await secondPays;
    await second.commit();
    expect((await h.knex('appointment_balances').where({ appointment_id: appointment }).first('balance'))?.balance).toBe('150.00');
  });

  it('a payment and a move of its visit to another day at once, in either order: the balance is on the new day', async () => {
    for (const payFirst of [true, false]) {
      const [{ id: appointment }] = await visit(h.knex, await patient(payFirst ? 'Kiran Race' : 'Lata Race'), payFirst ? '2026-08-10' : '2026-08-11');
      const newDay = payFirst ? '2026-08-20' : '2026-08-21';
      const pay = (k: Knex) => k('payments').insert({ appointment_id: appointment, amount: '80.00', status: 'PAID' });
      const move = (k: Knex) => k('appointment_entities').where({ id: appointment }).update({ appointment_date: newDay });
      const leading = await h.knex.transaction();
      const following = await h.knex.transaction();
      await (payFirst ? pay(leading) : move(leading));
      const waiting = (payFirst ? move(following) : pay(following)).then(() => undefined);
      await waitingOnALock();
      await leading.commit();
      await waiting;
      await following.commit();
      const row = await h.knex.raw(`SELECT appointment_date::text AS day, balance FROM appointment_balances WHERE appointment_id = ?`, [appointment]);
      expect(row.rows, payFirst ? 'paid, then moved' : 'moved, then paid').toEqual([{ day: newDay, balance: '80.00' }]);
    }
  });

  it('a first visit cancelled while an earlier one is booked, in either order: the earlier one is the first', async () => {
    for (const cancelFirst of [true, false]) {
      const p = await patient(cancelFirst ? 'Ravi Race' : 'Meena Race');
      // One month per order, so the two orders' visits never share the doctor's hour.
      const month = cancelFirst ? '06' : '07';
      const [{ id: tenth }] = await visit(h.knex, p, `2026-${month}-10`);
      const cancel = (k: Knex) => k('appointment_entities').where({ id: tenth }).update({ status: 'CANCELLED', cancel_reason: 'Patient asked' });
      const leading = await h.knex.transaction();
      const following = await h.knex.transaction();
      await (cancelFirst ? cancel(leading) : visit(leading, p, `2026-${month}-05`));
      const waiting = (cancelFirst ? visit(following, p, `2026-${month}-05`) : cancel(following)).then(() => undefined);
      await waitingOnALock();
      await leading.commit();
      await waiting;
      await following.commit();
      const row = await h.knex('patient_first_visits').where({ patient_id: p }).first('first_visit');
      expect(row?.first_visit, cancelFirst ? 'cancelled, then booked' : 'booked, then cancelled').toBe(`2026-${month}-05`);
    }
  });
});
