import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DayEndSummaryDto, PaymentDto, ReceiptDto, Res, Result } from '../../preload/contract';
import { migrateToLatest, migratorConfig } from '../../main/db/migrator';
import { takeReceiptNumber } from '../../main/payments/repo';
import { migrations } from '../../migrations';
import { MODES, openScratch, sqlState, type Mode } from '../support/databases';
import { raceTest } from '../support/race-test';
import { databaseSnapshot, expectOk, startHarness, type Harness } from '../support/harness';
import { statementsSent } from '../support/statement-names';

type Totals = { paid: string; refunded: string; balance: string; pending: string; fee: string | null; due: string | null };
type ForAppointment = { appointmentId: number; payments: PaymentDto[]; totals: Totals };

const ZONE = 'Asia/Kolkata';

describe.each(MODES)('desk payments (%s)', (mode: Mode) => {
  let h: Harness;
  let desk: { sessionKey: string; userId: number };
  let desk2: { sessionKey: string; userId: number };
  let admin: { sessionKey: string; userId: number };
  let ownDoctor: { sessionKey: string; userId: number };
  let drFee: number;
  let drNoFee: number;
  let drZeroFee: number;
  let patient: number;
  let year: number;
  let day = 0;

  beforeAll(async () => {
    h = await startHarness(mode);
    desk = await h.signInAs('RECEPTIONIST');
    desk2 = await h.signInAs('RECEPTIONIST');
    admin = await h.signInAs('ADMIN');
    expectOk(await h.call('settings.update', { clinicName: 'Sunrise Clinic', clinicAddress: '12 MG Road, Pune', timeZone: ZONE }, admin.sessionKey));
    [{ id: drFee }, { id: drNoFee }, { id: drZeroFee }] = await h
      .knex('doctor_entities')
      .insert([
        { name: 'Dr. Asha Rao', email: 'asha.rao@clinic.test', specialization: 'Cardiology', consultation_fee: '650.00' },
        { name: 'Dr. Vikram Sen', email: 'vikram.sen@clinic.test', consultation_fee: null },
        { name: 'Dr. Free Camp', email: 'free.camp@clinic.test', consultation_fee: '0.00' },
      ])
      .returning('id');
    ownDoctor = await h.signInAs('DOCTOR', { doctorId: drFee });
    [{ id: patient }] = await h.knex('patient_entities').insert({ name: 'Ravi Kumar', phone: '+919812345678', email: 'ravi@example.com' }).returning('id');
    year = (await h.knex.raw(`SELECT extract(year FROM now() AT TIME ZONE ?)::int AS y`, [ZONE])).rows[0].y;
  });
  afterAll(() => h.dispose());

  /** A fresh appointment on a day of its own, so none overlap. */
  async function appointment(doctorId = drFee, status = 'COMPLETED'): Promise<number> {
    const date = new Date(Date.UTC(2098, 0, 1 + ++day)).toISOString().slice(0, 10);
    const [{ id }] = await h
      .knex('appointment_entities')
      .insert({
        patient_id: patient,
        doctor_id: doctorId,
        appointment_date: date,
        start_time: '10:00',
        end_time: '10:15',
        status,
        cancel_reason: status === 'CANCELLED' ? 'Patient travelling' : null,
      })
      .returning('id');
    return id;
  }

  const record = (payload: Record<string, unknown>, key = desk.sessionKey) => h.callRaw('payments.record', payload, key);
  const refund = (payload: Record<string, unknown>, key = admin.sessionKey) => h.callRaw('payments.refund', payload, key);
  const paid = async (amount = '500.00', method = 'CASH') =>
    expectOk<PaymentDto>(await record({ appointmentId: await appointment(), method, amount, reference: method === 'CASH' ? undefined : 'REF1' }));
  const counter = async () => (await h.knex('receipt_counters').where({ year }).first('last_no'))?.last_no as number | undefined;
  const no = (receipt: string | null) => Number(receipt?.split('-')[2]);

  /** Runs a call that must fail with this error and change nothing at all. */
  /** A refusal writes its audit row (tests/audit/refusals.test.ts) and nothing else. */
  async function refused(call: () => Promise<Result<unknown>>, error: { code: string; field?: string; message?: unknown }) {
    const before = await databaseSnapshot(h.knex, ['audit_log']);
    expect(await call()).toMatchObject({ ok: false, error });
    expect(await databaseSnapshot(h.knex, ['audit_log'])).toBe(before);
  }

  it('records a payment at the doctor’s fee, in the clinic’s currency, with the year’s first receipt number', async () => {
    const appointmentId = await appointment();
    const p = expectOk<PaymentDto>(await record({ appointmentId, method: 'CASH' }));
    expect(p).toMatchObject({
      appointmentId,
      kind: 'PAYMENT',
      amount: '650.00',
      refunded: '0.00',
      currency: 'INR',
      status: 'PAID',
      method: 'CASH',
      reference: null,
      receiptNumber: `CD-${year}-000001`,
      receivedBy: desk.userId,
      refundOf: null,
      patientName: 'Ravi Kumar',
      doctorName: 'Dr. Asha Rao',
      paidAt: expect.any(String),
    });
    expect(await h.knex('audit_log').where({ action: 'payments.record' }).first('user_id', 'entity', 'entity_id')).toEqual({
      user_id: desk.userId,
      entity: 'payment',
      entity_id: p.id,
    });
  });

  it('takes the currency from the settings at the time of payment, and the amount given', async () => {
    expectOk(await h.call('settings.update', { currency: 'USD' }, admin.sessionKey));
    try {
      const p = expectOk<PaymentDto>(await record({ appointmentId: await appointment(), method: 'CARD', reference: 'POS12345678', amount: '49.99' }));
      expect(p).toMatchObject({ currency: 'USD', amount: '49.99', reference: 'POS12345678' });
    } finally {
      expectOk(await h.call('settings.update', { currency: 'INR' }, admin.sessionKey));
    }
  });

  raceTest(mode)('numbers receipts one after another, without gaps or repeats, when desks record at once', async () => {
    const start = (await counter())!;
    const appointments = await Promise.all(Array.from({ length: 10 }, () => appointment()));
    const results = await Promise.all(
      appointments.map((appointmentId, i) => record({ appointmentId, method: 'UPI', reference: `4123456789${i}` }, i % 2 ? desk.sessionKey : desk2.sessionKey)),
    );
    const numbers = results.map((r) => no(expectOk<PaymentDto>(r).receiptNumber)).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 10 }, (_, i) => start + 1 + i));
    expect(await counter()).toBe(start + 10);
  });

  it('gives the number back when the payment rolls back', async () => {
    const start = (await counter())!;
    // A failure after the number was taken: the insert itself is refused.
    await h.knex.raw(`ALTER TABLE payments ADD CONSTRAINT chk_test_rollback CHECK (transaction_id IS DISTINCT FROM 'FAIL-ME') NOT VALID`);
    try {
      expect(await record({ appointmentId: await appointment(), method: 'UPI', reference: 'FAIL-ME' })).toMatchObject({
        ok: false,
        error: { code: 'INTERNAL' },
      });
    } finally {
      await h.knex.raw('ALTER TABLE payments DROP CONSTRAINT chk_test_rollback');
    }
    expect(await counter()).toBe(start);
    expect(no(expectOk<PaymentDto>(await record({ appointmentId: await appointment(), method: 'CASH' })).receiptNumber)).toBe(start + 1);
  });

  it('starts each year at 1, after any numbers that year already has (demo or older data)', async () => {
    await h.knex('payments').insert({ appointment_id: await appointment(), amount: '100.00', status: 'PAID', order_id: 'CD-2031-000041' });
    const take = (y: number) => h.knex.transaction((trx) => takeReceiptNumber(trx, y));
    expect(await take(2031)).toBe('CD-2031-000042');
    expect(await take(2031)).toBe('CD-2031-000043');
    expect(await take(2032)).toBe('CD-2032-000001');
  });

  it('refuses a cancelled appointment, an unknown one, and writes nothing', async () => {
    const cancelled = await appointment(drFee, 'CANCELLED');
    await refused(() => record({ appointmentId: cancelled, method: 'CASH' }), {
      code: 'CONFLICT',
      field: 'appointmentId',
      message: expect.stringMatching(/cancelled/),
    });
    await refused(() => record({ appointmentId: 99_999_999, method: 'CASH' }), { code: 'NOT_FOUND', field: 'appointmentId' });
  });

  it('needs a reference for card and UPI, not for cash', async () => {
    const appointmentId = await appointment();
    await refused(() => record({ appointmentId, method: 'CARD' }), { code: 'INVALID', field: 'reference' });
    await refused(() => record({ appointmentId, method: 'UPI', reference: '   ' }), { code: 'INVALID', field: 'reference' });
    await refused(() => record({ appointmentId, method: 'CHEQUE', reference: '123' }), { code: 'INVALID', field: 'method' });
    expect(expectOk<PaymentDto>(await record({ appointmentId, method: 'CASH', reference: '' })).reference).toBeNull();
  });

  it('takes only amounts above zero, as exact decimals', async () => {
    const appointmentId = await appointment();
    for (const amount of ['0', '0.00', '-5', '12.345', '1e3', '100000000']) {
      await refused(() => record({ appointmentId, method: 'CASH', amount }), { code: 'INVALID', field: 'amount' });
    }
    await refused(() => record({ appointmentId, method: 'CASH', amount: 12.5 }), { code: 'INVALID', field: 'amount' });
    expect(expectOk<PaymentDto>(await record({ appointmentId, method: 'CASH', amount: '0.01' })).amount).toBe('0.01');
  });

  it('asks for the amount when the doctor has no fee', async () => {
    for (const doctor of [drNoFee, drZeroFee]) {
      const appointmentId = await appointment(doctor);
      await refused(() => record({ appointmentId, method: 'CASH' }), { code: 'INVALID', field: 'amount', message: expect.stringMatching(/enter the amount/) });
      expect(expectOk<PaymentDto>(await record({ appointmentId, method: 'CASH', amount: '300' })).amount).toBe('300.00');
    }
  });

  it('records a pending payment without a receipt, and confirms it once: PAID, numbered, received by the confirming user', async () => {
    const appointmentId = await appointment();
    const pending = expectOk<PaymentDto>(await record({ appointmentId, method: 'UPI', reference: '412345678999', pending: true }));
    expect(pending).toMatchObject({ status: 'PENDING', receiptNumber: null, receivedBy: null, paidAt: null, amount: '650.00' });
    await refused(() => h.call('payments.receipt', { id: pending.id }, desk.sessionKey), { code: 'CONFLICT', field: 'id' });
    await refused(() => refund({ paymentId: pending.id, amount: '10', reason: 'Changed mind' }), { code: 'CONFLICT', field: 'paymentId' });

    const start = (await counter())!;
    const confirmed = expectOk<PaymentDto>(await h.call('payments.confirm', { id: pending.id }, desk2.sessionKey));
    expect(confirmed).toMatchObject({
      status: 'PAID',
      receiptNumber: `CD-${year}-${String(start + 1).padStart(6, '0')}`,
      receivedBy: desk2.userId,
      paidAt: expect.any(String),
    });
    await refused(() => h.call('payments.confirm', { id: pending.id }, desk.sessionKey), {
      code: 'CONFLICT',
      field: 'id',
      message: expect.stringMatching(/already paid/),
    });
    await refused(() => h.call('payments.confirm', { id: 99_999_999 }, desk.sessionKey), { code: 'NOT_FOUND', field: 'id' });
  });

  it('does not confirm a pending payment of an appointment cancelled since', async () => {
    const appointmentId = await appointment(drFee, 'SCHEDULED');
    const pending = expectOk<PaymentDto>(await record({ appointmentId, method: 'CASH', pending: true }));
    expectOk(await h.call('appointments.cancel', { id: appointmentId, reason: 'Doctor on leave' }, desk.sessionKey));
    await refused(() => h.call('payments.confirm', { id: pending.id }, desk.sessionKey), {
      code: 'CONFLICT',
      field: 'id',
      message: expect.stringMatching(/cancelled/),
    });
  });

  it('refunds in parts as linked negative rows with their own numbers, never more than was paid', async () => {
    const payment = expectOk<PaymentDto>(await record({ appointmentId: await appointment(), method: 'UPI', reference: '412345678000' }));
    const first = expectOk<PaymentDto>(await refund({ paymentId: payment.id, amount: '200', reason: 'ECG not done' }));
    expect(first).toMatchObject({
      kind: 'REFUND',
      refundOf: payment.id,
      amount: '-200.00',
      status: 'REFUNDED',
      method: 'UPI',
      note: 'ECG not done',
      receivedBy: admin.userId,
      currency: 'INR',
    });
    expect(no(first.receiptNumber)).toBe(no(payment.receiptNumber) + 1);
    expect(
      expectOk<ForAppointment>(await h.call('payments.forAppointment', { appointmentId: payment.appointmentId }, desk.sessionKey)).payments[0],
    ).toMatchObject({
      status: 'PAID',
      refunded: '200.00',
    });

    await refused(() => refund({ paymentId: payment.id, amount: '450.01', reason: 'Too much' }), {
      code: 'CONFLICT',
      field: 'amount',
      message: 'At most INR 450.00 of this payment can still be refunded',
    });
    await refused(() => refund({ paymentId: first.id, amount: '1', reason: 'Refund of a refund' }), { code: 'CONFLICT', field: 'paymentId' });
    await refused(() => refund({ paymentId: payment.id, amount: '0', reason: 'Nothing' }), { code: 'INVALID', field: 'amount' });
    await refused(() => refund({ paymentId: payment.id, amount: '1', reason: ' ' }), { code: 'INVALID', field: 'reason' });
    await refused(() => refund({ paymentId: 99_999_999, amount: '1', reason: 'Unknown' }), { code: 'NOT_FOUND', field: 'paymentId' });

    expectOk(await refund({ paymentId: payment.id, amount: '450.00', reason: 'Consultation cancelled' }));
    expect((await h.knex('payments').where({ id: payment.id }).first('status')).status).toBe('REFUNDED');
    await refused(() => refund({ paymentId: payment.id, amount: '0.01', reason: 'Once more' }), {
      code: 'CONFLICT',
      field: 'paymentId',
      message: expect.stringMatching(/refunded in full/),
    });
  });

  it('adds money exactly: 0.10 + 0.20 refunds empty a 0.30 payment', async () => {
    const payment = await paid('0.30');
    expectOk(await refund({ paymentId: payment.id, amount: '0.10', reason: 'Part one' }));
    expectOk(await refund({ paymentId: payment.id, amount: '0.20', reason: 'Part two' }));
    expect((await h.knex('payments').where({ id: payment.id }).first('status')).status).toBe('REFUNDED');
  });

  it('lets only an administrator, or the consultation’s own doctor, refund', async () => {
    const payment = await paid('500.00');
    const before = await h.knex('payments').select('*').orderBy('id');
    expect(await refund({ paymentId: payment.id, amount: '100', reason: 'Desk refund' }, desk.sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const otherDoctor = await h.signInAs('DOCTOR');
    expect(await refund({ paymentId: payment.id, amount: '100', reason: 'Not my patient' }, otherDoctor.sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', field: 'paymentId' },
    });
    expect(await h.knex('payments').select('*').orderBy('id')).toEqual(before);
    expect(expectOk<PaymentDto>(await refund({ paymentId: payment.id, amount: '100', reason: 'Own patient' }, ownDoctor.sessionKey))).toMatchObject({
      receivedBy: ownDoctor.userId,
    });
  });

  raceTest(mode)('two desks refunding the same payment at once cannot together return more than was paid', async () => {
    const payment = await paid('500.00');
    const both = await Promise.all([
      refund({ paymentId: payment.id, amount: '300', reason: 'Desk one' }),
      refund({ paymentId: payment.id, amount: '300', reason: 'Desk two' }, ownDoctor.sessionKey),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.filter((r) => !r.ok && r.error.code === 'CONFLICT' && r.error.field === 'amount')).toHaveLength(1);

    const many = await paid('500.00');
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => refund({ paymentId: many.id, amount: '100', reason: `Desk ${i}` })));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    const sums = await h.knex.raw(
      `SELECT p.status, (SELECT sum(r.amount) FROM payments r WHERE r.refund_of = p.id) AS refunded FROM payments p WHERE p.id IN (?, ?) ORDER BY p.id`,
      [payment.id, many.id],
    );
    expect(sums.rows).toEqual([
      { status: 'PAID', refunded: '-300.00' },
      { status: 'REFUNDED', refunded: '-500.00' },
    ]);
  });

  it('lists an appointment’s payments with paid, refunded, balance, pending and due', async () => {
    const appointmentId = await appointment();
    const a = expectOk<PaymentDto>(await record({ appointmentId, method: 'CASH', amount: '400' }));
    expectOk(await record({ appointmentId, method: 'UPI', reference: '412345670000', amount: '100.50', pending: true }));
    expectOk(await refund({ paymentId: a.id, amount: '150.25', reason: 'Discount after the fact' }));
    const list = expectOk<ForAppointment>(await h.call('payments.forAppointment', { appointmentId }, desk.sessionKey));
    expect(list.payments.map((p) => [p.kind, p.amount, p.status])).toEqual([
      ['PAYMENT', '400.00', 'PAID'],
      ['PAYMENT', '100.50', 'PENDING'],
      ['REFUND', '-150.25', 'REFUNDED'],
    ]);
    expect(list.totals).toEqual({ paid: '400.00', refunded: '150.25', balance: '249.75', pending: '100.50', fee: '650.00', due: '299.75' });
    const noFee = expectOk<ForAppointment>(await h.call('payments.forAppointment', { appointmentId: await appointment(drNoFee) }, desk.sessionKey));
    expect(noFee).toMatchObject({ payments: [], totals: { paid: '0.00', refunded: '0.00', balance: '0.00', pending: '0.00', fee: null, due: null } });
    await refused(() => h.call('payments.forAppointment', { appointmentId: 99_999_999 }, desk.sessionKey), { code: 'NOT_FOUND', field: 'appointmentId' });
  });

  it('gives the Today board its day: every appointment but the cancelled with what it holds, has on its way and owes; the pending payments', async () => {
    const date = '2099-06-01';
    const visit = (start: string, doctorId: number, status: string) => ({
      patient_id: patient,
      doctor_id: doctorId,
      appointment_date: date,
      start_time: start,
      end_time: start.replace(':00', ':15'),
      status,
      cancel_reason: status === 'CANCELLED' ? 'Patient travelling' : null,
    });
    const [partPaid, onItsWay, noFee, cancelled] = (
      await h
        .knex('appointment_entities')
        .insert([
          visit('11:00', drFee, 'COMPLETED'),
          visit('09:00', drFee, 'COMPLETED'),
          visit('10:00', drNoFee, 'SCHEDULED'),
          visit('12:00', drFee, 'CANCELLED'),
        ])
        .returning('id')
    ).map((r: { id: number }) => r.id) as [number, number, number, number];
    expectOk(await record({ appointmentId: partPaid, method: 'CASH', amount: '200' }));
    const upi = expectOk<PaymentDto>(await record({ appointmentId: onItsWay, method: 'UPI', reference: '412345679999', pending: true }));
    // Another day's pending payment is no part of this day.
    expectOk(await record({ appointmentId: await appointment(), method: 'UPI', reference: '412345670001', pending: true }));

    let day!: Res<'payments.ofDay'>;
    const sent = await statementsSent(h.knex, async () => {
      day = expectOk<Res<'payments.ofDay'>>(await h.call('payments.ofDay', { date }, desk.sessionKey));
    });
    // Planned once per connection, the app's own in both modes here (no pooler between).
    // Money pending: the totals read again with the pending payments, in one snapshot.
    const named = sent.map((q) => q.name).filter((name) => name !== undefined);
    expect(named).toEqual(['payments.totalsOfDay', 'payments.totalsOfDay', 'payments.pendingOfDay']);
    // In booking order (the board looks each up by its appointment).
    expect(day.appointments).toEqual([
      { appointmentId: partPaid, balance: '200.00', pending: '0.00', due: '450.00' },
      { appointmentId: onItsWay, balance: '0.00', pending: '650.00', due: '0.00' },
      { appointmentId: noFee, balance: '0.00', pending: '0.00', due: null },
    ]);
    expect(day.appointments.map((a) => a.appointmentId)).not.toContain(cancelled);
    expect(day.pending.map((p) => [p.id, p.amount, p.method, p.reference, p.patientName])).toEqual([[upi.id, '650.00', 'UPI', '412345679999', 'Ravi Kumar']]);

    // A second pending payment: both listed, oldest first, the totals unchanged in number and order.
    const second = expectOk<PaymentDto>(await record({ appointmentId: partPaid, method: 'UPI', reference: '412345679998', amount: '100', pending: true }));
    const two = expectOk<Res<'payments.ofDay'>>(await h.call('payments.ofDay', { date }, desk.sessionKey));
    expect(two.pending.map((p) => p.id)).toEqual([upi.id, second.id]);
    expect(two.appointments.map((a) => [a.appointmentId, a.pending, a.due])).toEqual([
      [partPaid, '100.00', '350.00'],
      [onItsWay, '650.00', '0.00'],
      [noFee, '0.00', null],
    ]);
    // Nothing pending: the totals still come; a day without appointments: nothing at all.
    expectOk(await h.call('payments.confirm', { id: upi.id }, desk.sessionKey));
    expectOk(await h.call('payments.confirm', { id: second.id }, desk.sessionKey));
    let settled!: Res<'payments.ofDay'>;
    const one = await statementsSent(h.knex, async () => {
      settled = expectOk<Res<'payments.ofDay'>>(await h.call('payments.ofDay', { date }, desk.sessionKey));
    });
    // Nothing pending that day: one statement, no transaction around it (the call's audit row aside).
    expect(one.map((q) => q.sql).filter((sql) => !sql.includes('INSERT INTO audit_log'))).toEqual([expect.stringMatching(/^SELECT a\.id AS "appointmentId"/)]);
    expect(settled.pending).toEqual([]);
    expect(settled.appointments.map((a) => [a.appointmentId, a.balance, a.pending])).toEqual([
      [partPaid, '300.00', '0.00'],
      [onItsWay, '650.00', '0.00'],
      [noFee, '0.00', '0.00'],
    ]);
    // Money on its way for a visit cancelled since: no row of the totals shows it, the list still does.
    const [{ id: dropped }] = await h
      .knex('appointment_entities')
      .insert(visit('13:00', drFee, 'SCHEDULED'))
      .returning('id');
    const stranded = expectOk<PaymentDto>(await record({ appointmentId: dropped, method: 'CASH', pending: true }));
    expectOk(await h.call('appointments.cancel', { id: dropped, reason: 'Doctor on leave' }, desk.sessionKey));
    const afterCancel = expectOk<Res<'payments.ofDay'>>(await h.call('payments.ofDay', { date }, desk.sessionKey));
    expect(afterCancel.appointments.map((a) => a.appointmentId)).toEqual([partPaid, onItsWay, noFee]);
    expect(afterCancel.pending.map((p) => [p.id, p.appointmentId])).toEqual([[stranded.id, dropped]]);
    expect(expectOk<Res<'payments.ofDay'>>(await h.call('payments.ofDay', { date: '2099-06-02' }, desk.sessionKey))).toEqual({ appointments: [], pending: [] });
    await refused(() => h.callRaw('payments.ofDay', { date: '1 June' }, desk.sessionKey), { code: 'INVALID', field: 'date' });
  });

  it('moves a visit’s money to its new day with it, refunds and pending included, the same sums as the visit’s own', async () => {
    const [from, to] = ['2099-07-01', '2099-07-08'];
    const [{ id: appointmentId }] = await h
      .knex('appointment_entities')
      .insert({ patient_id: patient, doctor_id: drFee, appointment_date: from, start_time: '10:00', end_time: '10:15', status: 'SCHEDULED' })
      .returning('id');
    const cash = expectOk<PaymentDto>(await record({ appointmentId, method: 'CASH', amount: '400' }));
    expectOk(await refund({ paymentId: cash.id, amount: '100', reason: 'Charged twice for the dressing' }));
    const upi = expectOk<PaymentDto>(await record({ appointmentId, method: 'UPI', reference: '412345677777', amount: '50', pending: true }));
    const dayOf = async (date: string) => expectOk<Res<'payments.ofDay'>>(await h.call('payments.ofDay', { date }, desk.sessionKey));
    const held = [{ appointmentId, balance: '300.00', pending: '50.00', due: '300.00' }];
    expect((await dayOf(from)).appointments).toEqual(held);

    expectOk(
      await h.call(
        'appointments.reschedule',
        { id: appointmentId, date: to, startTime: '11:00', override: { reason: 'Doctor away that week' } },
        admin.sessionKey,
      ),
    );
    expect(await dayOf(from)).toEqual({ appointments: [], pending: [] });
    const moved = await dayOf(to);
    expect(moved.appointments).toEqual(held);
    expect(moved.pending.map((p) => p.id)).toEqual([upi.id]);
    const own = expectOk<ForAppointment>(await h.call('payments.forAppointment', { appointmentId }, desk.sessionKey));
    expect(own.totals).toMatchObject({ balance: '300.00', pending: '50.00', due: '300.00' });
  });

  describe('more than is due', () => {
    const snapshotOf = async (appointmentId: number) => expectOk<ForAppointment>(await h.call('payments.forAppointment', { appointmentId }, desk.sessionKey));

    it('refuses money on a visit with nothing due, unless it is marked as an advance with its reason', async () => {
      const appointmentId = await appointment();
      expectOk(await record({ appointmentId, method: 'CASH' }));
      expect((await snapshotOf(appointmentId)).totals.due).toBe('0.00');
      await refused(() => record({ appointmentId, method: 'CASH', amount: '100' }), {
        code: 'CONFLICT',
        field: 'amount',
        message: expect.stringMatching(/^Nothing is due for this visit .* mark it as an advance/),
      });
      await refused(() => record({ appointmentId, method: 'CASH' }), { code: 'CONFLICT', field: 'amount' });
      await refused(() => record({ appointmentId, method: 'CASH', amount: '100', advanceReason: ' x ' }), { code: 'INVALID', field: 'advanceReason' });
      const advance = expectOk<PaymentDto>(await record({ appointmentId, method: 'CASH', amount: '100', advanceReason: 'Next week’s dressing paid ahead' }));
      expect(advance).toMatchObject({
        status: 'PAID',
        amount: '100.00',
        advance: true,
        note: 'Next week’s dressing paid ahead',
        receiptNumber: expect.stringMatching(/^CD-/),
      });
    });

    it('refuses more than the rest of the fee, naming what is due; a reason on an amount within it marks nothing', async () => {
      const appointmentId = await appointment();
      expectOk(await record({ appointmentId, method: 'CASH', amount: '200' }));
      await refused(() => record({ appointmentId, method: 'CARD', reference: 'POS1', amount: '450.01' }), {
        code: 'CONFLICT',
        field: 'amount',
        message: 'Only INR 450.00 is due for this visit. To take more, mark it as an advance and say why.',
      });
      const rest = expectOk<PaymentDto>(
        await record({ appointmentId, method: 'CARD', reference: 'POS1', amount: '450.00', advanceReason: 'Not an advance at all' }),
      );
      expect(rest).toMatchObject({ advance: false, note: null });
    });

    it('counts a pending UPI payment as on its way: the same visit is not charged a second time', async () => {
      const appointmentId = await appointment();
      expectOk(await record({ appointmentId, method: 'UPI', reference: '412345672222', pending: true }));
      expect((await snapshotOf(appointmentId)).totals).toMatchObject({ pending: '650.00', due: '0.00' });
      await refused(() => record({ appointmentId, method: 'CASH' }), {
        code: 'CONFLICT',
        field: 'amount',
        message: expect.stringMatching(/pending confirmation/),
      });
      await refused(() => record({ appointmentId, method: 'UPI', reference: '412345673333', pending: true }), { code: 'CONFLICT', field: 'amount' });
    });

    it('lets two desks together take no more than is due', async () => {
      const appointmentId = await appointment();
      const results = await Promise.all([record({ appointmentId, method: 'CASH' }), record({ appointmentId, method: 'CASH' }, desk2.sessionKey)]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'amount' } });
      expect((await snapshotOf(appointmentId)).totals).toMatchObject({ balance: '650.00', due: '0.00' });
    });
  });

  it('freezes what a numbered receipt printed: reprints after the patient, doctor and clinic are renamed show the same', async () => {
    const [{ id: doctorId }] = await h
      .knex('doctor_entities')
      .insert({ name: 'Dr. Meena Pillai', email: 'meena.pillai@clinic.test', specialization: 'Dermatology', consultation_fee: '400.00' })
      .returning('id');
    const [{ id: patientId }] = await h.knex('patient_entities').insert({ name: 'Sunita Joshi', phone: '+919845055667' }).returning('id');
    const [{ id: appointmentId }] = await h
      .knex('appointment_entities')
      .insert({ patient_id: patientId, doctor_id: doctorId, appointment_date: '2097-05-05', start_time: '11:00', end_time: '11:15', status: 'COMPLETED' })
      .returning('id');
    const paidNow = expectOk<PaymentDto>(await record({ appointmentId, method: 'CASH', amount: '300' }));
    const pending = expectOk<PaymentDto>(await record({ appointmentId, method: 'UPI', reference: '412345674444', amount: '100', pending: true }));
    const printed = (id: number) => h.call('payments.receipt', { id }, desk.sessionKey).then((r) => expectOk<ReceiptDto>(r));
    const header = (r: ReceiptDto) => ({
      clinicName: r.clinicName,
      clinicAddress: r.clinicAddress,
      patient: r.patient,
      doctor: r.doctor,
      amount: r.amount,
      currency: r.currency,
    });
    const first = header(await printed(paidNow.id));
    expect(first).toEqual({
      clinicName: 'Sunrise Clinic',
      clinicAddress: '12 MG Road, Pune',
      patient: { id: patientId, name: 'Sunita Joshi', phone: '+919845055667' },
      doctor: { id: doctorId, name: 'Dr. Meena Pillai', specialization: 'Dermatology' },
      amount: '300.00',
      currency: 'INR',
    });

    const rename = async (n: number) => {
      expectOk(await h.call('patients.update', { id: patientId, name: `Sunita Kale ${n}`, phone: `+91984505566${n}` }, desk.sessionKey));
      await h
        .knex('doctor_entities')
        .where({ id: doctorId })
        .update({ name: `Dr. Meena Nair ${n}`, specialization: 'Cosmetology' });
      expectOk(await h.call('settings.update', { clinicName: `Sunrise Health ${n}`, clinicAddress: `${n} FC Road, Pune`, currency: 'USD' }, admin.sessionKey));
    };
    try {
      await rename(1);
      expect(header(await printed(paidNow.id))).toEqual(first);
      // Numbered when confirmed: it prints the names of that moment, and keeps them.
      expectOk(await h.call('payments.confirm', { id: pending.id }, desk.sessionKey));
      const atConfirm = header(await printed(pending.id));
      expect(atConfirm).toMatchObject({
        clinicName: 'Sunrise Health 1',
        patient: { name: 'Sunita Kale 1' },
        doctor: { name: 'Dr. Meena Nair 1' },
        amount: '100.00',
        currency: 'INR',
      });
      const credit = expectOk<PaymentDto>(await refund({ paymentId: paidNow.id, amount: '50', reason: 'Goodwill' }));
      const creditHeader = header(await printed(credit.id));
      await rename(2);
      expect(header(await printed(paidNow.id))).toEqual(first);
      expect(header(await printed(pending.id))).toEqual(atConfirm);
      expect(header(await printed(credit.id))).toEqual(creditHeader);
      expect(creditHeader).toMatchObject({ clinicName: 'Sunrise Health 1', patient: { name: 'Sunita Kale 1' } });
    } finally {
      expectOk(await h.call('settings.update', { clinicName: 'Sunrise Clinic', clinicAddress: '12 MG Road, Pune', currency: 'INR' }, admin.sessionKey));
    }
  });

  it('says on which paper the clinic prints receipts', async () => {
    const p = await paid('100.00');
    expect(expectOk<ReceiptDto>(await h.call('payments.receipt', { id: p.id }, desk.sessionKey)).paper).toBe('A5');
    expectOk(await h.call('settings.update', { receiptPaper: '80MM' }, admin.sessionKey));
    try {
      expect(expectOk<ReceiptDto>(await h.call('payments.receipt', { id: p.id }, desk.sessionKey)).paper).toBe('80MM');
    } finally {
      expectOk(await h.call('settings.update', { receiptPaper: 'A5' }, admin.sessionKey));
    }
    expect(await h.call('settings.update', { receiptPaper: 'A3' } as never, admin.sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'receiptPaper' },
    });
  });

  it('gives everything a receipt prints, and a credit note for a refund', async () => {
    const appointmentId = await appointment();
    const p = expectOk<PaymentDto>(await record({ appointmentId, method: 'CARD', reference: 'POSA1B2C3D4' }));
    await h.knex('payments').where({ id: p.id }).update({ paid_at: '2026-03-01T04:35:00Z' });
    const receipt = expectOk<ReceiptDto>(await h.call('payments.receipt', { id: p.id }, desk.sessionKey));
    const appointmentRow = await h.knex('appointment_entities').where({ id: appointmentId }).first('appointment_date');
    expect(receipt).toEqual({
      id: p.id,
      kind: 'PAYMENT',
      receiptNumber: p.receiptNumber,
      refundOfReceiptNumber: null,
      status: 'PAID',
      clinicName: 'Sunrise Clinic',
      clinicAddress: '12 MG Road, Pune',
      patient: { id: patient, name: 'Ravi Kumar', phone: '+919812345678' },
      doctor: { id: drFee, name: 'Dr. Asha Rao', specialization: 'Cardiology' },
      appointment: { id: appointmentId, date: appointmentRow.appointment_date, startTime: '10:00:00', endTime: '10:15:00' },
      amount: '650.00',
      refunded: '0.00',
      currency: 'INR',
      method: 'CARD',
      reference: 'POSA1B2C3D4',
      note: null,
      receivedBy: { id: desk.userId, name: expect.stringMatching(/^RECEPTIONIST \d+$/) },
      paidAt: '2026-03-01T04:35:00.000Z',
      paidAtClinicTime: '2026-03-01 10:05',
      timeZone: ZONE,
      paper: 'A5',
    });
    const r = expectOk<PaymentDto>(await refund({ paymentId: p.id, amount: '50', reason: 'Overcharged' }));
    expect(expectOk<ReceiptDto>(await h.call('payments.receipt', { id: r.id }, desk.sessionKey))).toMatchObject({
      kind: 'REFUND',
      receiptNumber: r.receiptNumber,
      refundOfReceiptNumber: p.receiptNumber,
      amount: '50.00',
      note: 'Overcharged',
      method: 'CARD',
    });
    expect(expectOk<ReceiptDto>(await h.call('payments.receipt', { id: p.id }, desk.sessionKey)).refunded).toBe('50.00');
    expect(await h.knex('audit_log').where({ action: 'payments.receipt', entity_id: r.id }).first('entity')).toEqual({ entity: 'payment' });
    await refused(() => h.call('payments.receipt', { id: 99_999_999 }, desk.sessionKey), { code: 'NOT_FOUND', field: 'id' });
  });

  it('closes a clinic day: per method and per user, refunds apart and netted, in the clinic’s time zone', async () => {
    // 2030-06-15 in Asia/Kolkata runs from 2030-06-14T18:30Z to 2030-06-15T18:30Z.
    const at = async (result: Result<PaymentDto>, instant: string) => {
      const p = expectOk(result);
      await h.knex('payments').where({ id: p.id }).update({ paid_at: instant });
      return p;
    };
    // Amounts above Dr. Rao's fee go to the doctor without one (nothing known to be due caps them).
    const rec = async (payload: Record<string, unknown>, key: string, doctor = drNoFee) =>
      record({ appointmentId: await appointment(doctor), ...payload }, key);
    await at(await rec({ method: 'CASH', amount: '999' }, desk.sessionKey), '2030-06-14T18:29:59Z'); // the 14th in the clinic
    const cash1 = await at(await rec({ method: 'CASH', amount: '500' }, desk.sessionKey, drFee), '2030-06-14T18:30:00Z');
    await at(await rec({ method: 'CASH', amount: '300.25' }, desk2.sessionKey), '2030-06-15T09:00:00Z');
    const upi = await at(await rec({ method: 'UPI', amount: '650', reference: '412345671111' }, desk2.sessionKey), '2030-06-15T10:00:00Z');
    await at(await rec({ method: 'CARD', amount: '1200', reference: 'POS00000001' }, desk.sessionKey), '2030-06-15T18:29:59Z');
    await at(await rec({ method: 'CARD', amount: '777', reference: 'POS00000002' }, desk.sessionKey), '2030-06-15T18:30:00Z'); // the 16th
    // Pending money is not takings; a row from before paid_at existed counts by created_at (UTC).
    await rec({ method: 'CASH', amount: '50', pending: true }, desk.sessionKey);
    await h.knex('payments').insert({
      appointment_id: await appointment(),
      amount: '120.00',
      status: 'PAID',
      payment_method: 'CASH',
      order_id: 'CD-2030-900001',
      created_at: '2030-06-15 05:00:00',
    });
    // Refunds the same day: of the morning's UPI payment, and of the cash payment.
    await at(await refund({ paymentId: upi.id, amount: '150', reason: 'Lab test not done' }), '2030-06-15T11:00:00Z');
    await at(await refund({ paymentId: cash1.id, amount: '500', reason: 'Wrong patient' }, ownDoctor.sessionKey), '2030-06-15T12:00:00Z');

    const summary = expectOk<DayEndSummaryDto>(await h.call('payments.dayEnd', { date: '2030-06-15' }, desk.sessionKey));
    expect(summary.timeZone).toBe(ZONE);
    expect(summary.totals).toEqual([{ currency: 'INR', received: '2770.25', refunded: '650.00', net: '2120.25', payments: 5, refunds: 2 }]);
    expect(summary.byMethod).toEqual([
      { method: 'CASH', currency: 'INR', received: '920.25', refunded: '500.00', net: '420.25', payments: 3, refunds: 1 },
      { method: 'CARD', currency: 'INR', received: '1200.00', refunded: '0.00', net: '1200.00', payments: 1, refunds: 0 },
      { method: 'UPI', currency: 'INR', received: '650.00', refunded: '150.00', net: '500.00', payments: 1, refunds: 1 },
    ]);
    const byUser = Object.fromEntries(summary.byUser.map((u) => [String(u.userId), [u.received, u.refunded, u.net, u.payments, u.refunds]]));
    expect(byUser).toEqual({
      [desk.userId]: ['1700.00', '0.00', '1700.00', 2, 0],
      [desk2.userId]: ['950.25', '0.00', '950.25', 2, 0],
      [admin.userId]: ['0.00', '150.00', '-150.00', 0, 1],
      [ownDoctor.userId]: ['0.00', '500.00', '-500.00', 0, 1],
      null: ['120.00', '0.00', '120.00', 1, 0],
    });
    expect(summary.entries.map((e) => e.amount)).toEqual(['500.00', '120.00', '300.25', '650.00', '-150.00', '-500.00', '1200.00']);
    expect(await h.knex('audit_log').where({ action: 'payments.dayEnd' }).first('entity')).toEqual({ entity: 'payment' });

    const empty = expectOk<DayEndSummaryDto>(await h.call('payments.dayEnd', { date: '2030-01-01' }, desk.sessionKey));
    expect(empty).toMatchObject({ totals: [], byMethod: [], byUser: [], entries: [] });
    await refused(() => h.call('payments.dayEnd', { date: '2030-02-30' }, desk.sessionKey), { code: 'INVALID', field: 'date' });
  });

  it('the database refuses payments that break the rules, whoever writes them', async () => {
    const appointmentId = await appointment();
    const row = { appointment_id: appointmentId, amount: '100.00', status: 'PAID', payment_method: 'CASH' };
    expect(await sqlState(h.knex('payments').insert({ ...row, payment_method: 'BITCOIN' }))).toBe('23514');
    expect(await sqlState(h.knex('payments').insert({ ...row, status: 'SUCCESS' }))).toBe('23514');
    expect(await sqlState(h.knex('payments').insert({ ...row, amount: '-100.00' }))).toBe('23514');
    expect(await sqlState(h.knex('payments').insert({ ...row, amount: '0.00' }))).toBe('23514');
    const [{ id }] = await h.knex('payments').insert(row).returning('id');
    expect(await sqlState(h.knex('payments').insert({ ...row, refund_of: id, status: 'REFUNDED' }))).toBe('23514');
    expect(await sqlState(h.knex('payments').insert({ ...row, refund_of: id, amount: '-10.00' }))).toBe('23514');
    expect(await sqlState(h.knex('payments').insert({ ...row, refund_of: 99_999_999, amount: '-10.00', status: 'REFUNDED' }))).toBe('23503');
    await h.knex('payments').insert({ ...row, refund_of: id, amount: '-10.00', status: 'REFUNDED' });
    expect(await sqlState(h.knex('payments').where({ id }).del())).toBe('23503');
    // Deleting the appointment still takes its payment and refund along (cascade).
    await h.knex('appointment_entities').where({ id: appointmentId }).del();
    expect(await h.knex('payments').where({ appointment_id: appointmentId }).count({ n: '*' }).first()).toEqual({ n: 0 });
  });
});

describe.each(MODES)('desk payments migration (%s)', (mode: Mode) => {
  it('upgrades a database whose payments break the new rules, and leaves those rows alone', async () => {
    const s = await openScratch(mode);
    try {
      const knex = s.db.knex;
      // Up to the migration just before desk payments, whatever comes after it.
      const deskPayments = migrations.findIndex((m) => m.name === '20261125001200_desk_payments');
      expect(deskPayments).toBeGreaterThan(0);
      for (let i = 0; i < deskPayments; i++) await knex.migrate.up(migratorConfig);
      const [{ id: doctor }] = await knex('doctor_entities').insert({ name: 'Dr. Old', email: 'old@clinic.test' }).returning('id');
      const [{ id: patient }] = await knex('patient_entities').insert({ name: 'Old Patient', email: 'old@example.com' }).returning('id');
      const [{ id: appointment }] = await knex('appointment_entities')
        .insert({ patient_id: patient, doctor_id: doctor, appointment_date: '2020-01-01', start_time: '10:00', end_time: '10:15', status: 'COMPLETED' })
        .returning('id');
      const odd = [
        { appointment_id: appointment, amount: '0.00', status: 'SUCCESS', payment_method: 'RAZORPAY', order_id: 'order_abc' },
        { appointment_id: appointment, amount: '-5.00', status: 'FAILED', payment_method: null, order_id: null },
      ];
      await knex('payments').insert(odd);
      expect(await migrateToLatest(knex)).toEqual(migrations.slice(deskPayments).map((m) => m.name));
      expect(await knex('payments').orderBy('id').select('amount', 'status', 'payment_method', 'order_id')).toEqual(
        odd.map(({ appointment_id: _a, ...r }) => r),
      );
    } finally {
      await s.dispose();
    }
  });
});

describe.each(MODES)('frozen receipts migration (%s)', (mode: Mode) => {
  it('freezes the receipts already numbered with today’s names, leaves other rows alone, and rolls back', async () => {
    const s = await openScratch(mode);
    try {
      const knex = s.db.knex;
      const index = migrations.findIndex((m) => m.name === '20261202050000_desk_integrity');
      expect(index).toBeGreaterThan(0);
      for (let i = 0; i < index; i++) await knex.migrate.up(migratorConfig);
      await knex('clinic_settings').where({ id: 1 }).update({ clinic_name: 'Old Clinic', clinic_address: 'Old Road' });
      const [{ id: doctor }] = await knex('doctor_entities').insert({ name: 'Dr. Old', email: 'old@clinic.test', specialization: 'ENT' }).returning('id');
      const [{ id: patient }] = await knex('patient_entities').insert({ name: 'Old Patient', phone: '+919845066778' }).returning('id');
      const [{ id: appointment }] = await knex('appointment_entities')
        .insert({ patient_id: patient, doctor_id: doctor, appointment_date: '2020-01-01', start_time: '10:00', end_time: '10:15', status: 'COMPLETED' })
        .returning('id');
      const [{ id: numbered }, { id: odd }, { id: pending }] = await knex('payments')
        .insert([
          { appointment_id: appointment, amount: '100.00', status: 'PAID', payment_method: 'CASH', order_id: 'CD-2020-000001' },
          // Another system's order id, not a Clinic Desk receipt.
          { appointment_id: appointment, amount: '20.00', status: 'PAID', payment_method: 'CASH', order_id: 'order_abc' },
          { appointment_id: appointment, amount: '50.00', status: 'PENDING', payment_method: 'UPI', order_id: null },
        ])
        .returning('id');
      await knex.migrate.up(migratorConfig);
      const frozen = async (id: number) =>
        knex('payments')
          .where({ id })
          .first(
            'receipt_patient_name',
            'receipt_patient_phone',
            'receipt_doctor_name',
            'receipt_doctor_specialization',
            'receipt_clinic_name',
            'receipt_clinic_address',
            'advance',
          );
      expect(await frozen(numbered)).toEqual({
        receipt_patient_name: 'Old Patient',
        receipt_patient_phone: '+919845066778',
        receipt_doctor_name: 'Dr. Old',
        receipt_doctor_specialization: 'ENT',
        receipt_clinic_name: 'Old Clinic',
        receipt_clinic_address: 'Old Road',
        advance: false,
      });
      for (const id of [odd, pending]) expect(await frozen(id)).toMatchObject({ receipt_patient_name: null, receipt_clinic_name: null });
      expect(await knex('clinic_settings').first('phone_country', 'receipt_paper')).toEqual({ phone_country: null, receipt_paper: 'A5' });
      await knex.migrate.down(migratorConfig);
      expect(await knex.schema.hasColumn('payments', 'receipt_patient_name')).toBe(false);
      expect(await knex.schema.hasColumn('payments', 'advance')).toBe(false);
      expect(await knex.schema.hasColumn('clinic_settings', 'receipt_paper')).toBe(false);
      expect(await knex('payments').count({ n: '*' }).first()).toEqual({ n: 3 });
    } finally {
      await s.dispose();
    }
  });
});
