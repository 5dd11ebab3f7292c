import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODES, type Mode } from '../support/databases';
import { startHarness, type Harness } from '../support/harness';

/**
 * `appointment_balances`, which dues and advances read, is kept by the payments' trigger. Each
 * step below changes payments the ways the product does (taken, pending then paid, left
 * pending, refunded, deleted with their appointment) and the table must then hold the figures written
 * beside it, worked out by hand; it must also agree with the payments themselves.
 */
describe.each(MODES)('what each appointment holds, kept by the payments’ trigger (%s)', (mode: Mode) => {
  let h: Harness;
  let visit: number;
  let other: number;

  beforeAll(async () => {
    h = await startHarness(mode);
    const [{ id: doctor }] = await h.knex('doctor_entities').insert({ name: 'Dr. Money', email: 'money@balances.test', specialization: 'ENT' }).returning('id');
    const [{ id: patient }] = await h.knex('patient_entities').insert({ name: 'Asha Money', email: 'asha@balances.test' }).returning('id');
    const appointment = { patient_id: patient, doctor_id: doctor, start_time: '09:00', end_time: '09:15', status: 'COMPLETED' };
    [{ id: visit }, { id: other }] = await h
      .knex('appointment_entities')
      .insert([
        { ...appointment, appointment_date: '2026-05-10' },
        { ...appointment, appointment_date: '2026-05-11' },
      ])
      .returning('id');
  });
  afterAll(() => h.dispose());

  const pay = async (appointment: number, amount: string, status: string, paidAt: string | null, refundOf: number | null = null) => {
    const [{ id }] = await h.knex('payments').insert({ appointment_id: appointment, amount, status, paid_at: paidAt, refund_of: refundOf }).returning('id');
    return id as number;
  };
  const balances = async () => {
    const rows: { appointment_id: number | string; balance: string; last_received: Date | string | null }[] = await h
      .knex('appointment_balances')
      .whereIn('appointment_id', [visit, other])
      .select('appointment_id', 'balance', 'last_received');
    return Object.fromEntries(
      rows.map((r) => [Number(r.appointment_id), [r.balance, r.last_received === null ? null : new Date(r.last_received).toISOString()]]),
    );
  };
  const expectHeld = async (expected: Record<number, [string, string | null]>) => {
    expect(await balances()).toEqual(expected);
    const disagreeing = await h.knex.raw(
      `SELECT count(*)::int AS n FROM (
         SELECT appointment_id, sum(amount) AS balance FROM payments WHERE status IN ('PAID', 'REFUNDED') GROUP BY 1) m
         FULL JOIN appointment_balances b USING (appointment_id) WHERE b.balance IS DISTINCT FROM m.balance`,
    );
    expect(disagreeing.rows[0].n).toBe(0);
  };

  it('follows payments taken, left pending, refunded, moved and deleted', async () => {
    await expectHeld({});
    // A pending QR payment holds nothing until it is paid.
    const qr = await pay(visit, '300.00', 'PENDING', null);
    await expectHeld({});
    await h.knex('payments').where({ id: qr }).update({ status: 'PAID', paid_at: '2026-05-10T04:00:00Z' });
    await expectHeld({ [visit]: ['300.00', '2026-05-10T04:00:00.000Z'] });

    // A second payment adds; one left pending, its amount corrected, changes nothing.
    await pay(visit, '200.00', 'PAID', '2026-05-12T06:30:00Z');
    const abandoned = await pay(visit, '999.00', 'PENDING', null);
    await h.knex('payments').where({ id: abandoned }).update({ amount: '998.00' });
    await expectHeld({ [visit]: ['500.00', '2026-05-12T06:30:00.000Z'] });

    // A refund is a row of its own, negative, and the refunded payment still counts: the net is
    // what is held, and money last came in when it was paid, not refunded.
    await h.knex('payments').where({ id: qr }).update({ status: 'REFUNDED' });
    await pay(visit, '-300.00', 'REFUNDED', '2026-05-13T05:00:00Z', qr);
    await expectHeld({ [visit]: ['200.00', '2026-05-12T06:30:00.000Z'] });

    // Money moved to the other visit leaves this one and reaches that one.
    const moved = await pay(visit, '50.00', 'PAID', '2026-05-14T05:00:00Z');
    await h.knex('payments').where({ id: moved }).update({ appointment_id: other });
    await expectHeld({ [visit]: ['200.00', '2026-05-12T06:30:00.000Z'], [other]: ['50.00', '2026-05-14T05:00:00.000Z'] });

    // A row from before paid_at existed counts at its created_at, held in UTC.
    await h.knex('payments').insert({ appointment_id: other, amount: '25.00', status: 'PAID', paid_at: null, created_at: '2026-05-15 07:00:00' });
    await expectHeld({ [visit]: ['200.00', '2026-05-12T06:30:00.000Z'], [other]: ['75.00', '2026-05-15T07:00:00.000Z'] });

    // The last of a visit's money deleted: nothing held; a visit deleted takes its row with it.
    await h.knex('payments').where({ appointment_id: other }).del();
    await expectHeld({ [visit]: ['200.00', '2026-05-12T06:30:00.000Z'] });
    await h.knex('appointment_entities').where({ id: visit }).del();
    await expectHeld({});
  });

  it('keeps each balance on its visit’s day: written with it, moved with it, and the same when rebuilt from the payments', async () => {
    const [{ id: doctor }] = await h.knex('doctor_entities').insert({ name: 'Dr. Day', email: 'day@balances.test' }).returning('id');
    const [{ id: patient }] = await h.knex('patient_entities').insert({ name: 'Ravi Day', email: 'ravi@balances.test' }).returning('id');
    const [{ id: moving }] = await h
      .knex('appointment_entities')
      .insert({ patient_id: patient, doctor_id: doctor, appointment_date: '2026-06-01', start_time: '09:00', end_time: '09:15', status: 'SCHEDULED' })
      .returning('id');
    const dayOf = async () =>
      (await h.knex.raw(`SELECT appointment_date::text AS day FROM appointment_balances WHERE appointment_id = ?`, [moving])).rows[0]?.day;
    await pay(moving, '120.00', 'PAID', '2026-05-20T04:00:00Z');
    expect(await dayOf()).toBe('2026-06-01');
    // Another column changed, or the day set to what it was: the row stays as it is.
    await h.knex('appointment_entities').where({ id: moving }).update({ start_time: '10:00', end_time: '10:15', appointment_date: '2026-06-01' });
    expect(await dayOf()).toBe('2026-06-01');
    await h.knex('appointment_entities').where({ id: moving }).update({ appointment_date: '2026-06-09' });
    expect(await dayOf()).toBe('2026-06-09');
    // A payment after the move is written on the new day.
    await pay(moving, '30.00', 'PAID', '2026-06-02T04:00:00Z');
    expect(await h.knex('appointment_balances').where({ appointment_id: moving }).first('balance')).toEqual({ balance: '150.00' });
    expect(await dayOf()).toBe('2026-06-09');

    const everyRow = async () =>
      (await h.knex.raw(`SELECT appointment_id::bigint AS id, appointment_date::text AS day, balance, last_received FROM appointment_balances ORDER BY 1`))
        .rows;
    const kept = await everyRow();
    await h.knex.raw('SELECT appointment_balances_rebuild()');
    expect(await everyRow()).toEqual(kept);
  });
});
