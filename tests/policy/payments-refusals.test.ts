import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentDto } from '../../preload/contract';
import { migrateToLatest, migratorConfig } from '../../main/db/migrator';
import { PaymentsService } from '../../main/payments/service';
import type { CurrentUser } from '../../main/shared/call-context';
import { migrations } from '../../migrations';
import { MODES, openScratch, type Mode } from '../support/databases';
import { databaseSnapshot, expectOk, startHarness, type Harness } from '../support/harness';

/**
 * Each refusal of the desk's money paths in its own words and at its field, writing nothing; and
 * the paths only a gateway payment or an upgraded database reaches.
 */
describe.each(MODES)('payments: every refusal says what and where (%s)', (mode: Mode) => {
  let h: Harness;
  let desk: string;
  let admin: { sessionKey: string; userId: number };
  let ownDoctor: string;
  let drFee: number;
  let drOther: number;
  let drNoFee: number;
  let patient: number;
  let day = 0;

  beforeAll(async () => {
    h = await startHarness(mode);
    desk = (await h.signInAs('RECEPTIONIST')).sessionKey;
    admin = await h.signInAs('ADMIN');
    [{ id: drFee }, { id: drOther }, { id: drNoFee }] = await h
      .knex('doctor_entities')
      .insert([
        { name: 'Dr. Meera Iyer', email: 'meera@clinic.test', consultation_fee: '500.00' },
        { name: 'Dr. Other', email: 'other@clinic.test', consultation_fee: '300.00' },
        { name: 'Dr. Kiran Das', email: 'kiran@clinic.test', consultation_fee: null },
      ])
      .returning('id');
    ownDoctor = (await h.signInAs('DOCTOR', { doctorId: drFee })).sessionKey;
    [{ id: patient }] = await h.knex('patient_entities').insert({ name: 'Anil Joshi', phone: '+919811111111' }).returning('id');
  });
  afterAll(() => h?.dispose());

  async function appointment(doctorId = drFee): Promise<number> {
    const date = new Date(Date.UTC(2097, 0, 1 + ++day)).toISOString().slice(0, 10);
    const [{ id }] = await h
      .knex('appointment_entities')
      .insert({ patient_id: patient, doctor_id: doctorId, appointment_date: date, start_time: '10:00', end_time: '10:15', status: 'COMPLETED' })
      .returning('id');
    return id;
  }

  async function refused(
    channel: string,
    payload: Record<string, unknown>,
    sessionKey: string,
    error: { code: string; field: string; message: string | RegExp },
  ) {
    const before = await databaseSnapshot(h.knex, ['audit_log']);
    const result = await h.callRaw(channel, payload, sessionKey);
    expect(result).toMatchObject({ ok: false, error: { code: error.code, field: error.field } });
    const message = (result as { error: { message: string } }).error.message;
    if (typeof error.message === 'string') expect(message).toBe(error.message);
    else expect(message).toMatch(error.message);
    expect(await databaseSnapshot(h.knex, ['audit_log'])).toBe(before);
  }

  const cash = async (doctorId = drFee) =>
    expectOk<PaymentDto>(await h.callRaw('payments.record', { appointmentId: await appointment(doctorId), method: 'CASH', amount: '200.00' }, desk));

  it('an unknown appointment or payment is named at its field', async () => {
    await refused('payments.record', { appointmentId: 2_000_000_000, method: 'CASH', amount: '1.00' }, desk, {
      code: 'NOT_FOUND',
      field: 'appointmentId',
      message: 'No such appointment',
    });
    await refused('payments.forAppointment', { appointmentId: 2_000_000_000 }, desk, {
      code: 'NOT_FOUND',
      field: 'appointmentId',
      message: 'No such appointment',
    });
    await refused('payments.refund', { paymentId: 2_000_000_000, amount: '1.00', reason: 'Overcharged' }, admin.sessionKey, {
      code: 'NOT_FOUND',
      field: 'paymentId',
      message: 'No such payment',
    });
    await refused('payments.receipt', { id: 2_000_000_000 }, desk, { code: 'NOT_FOUND', field: 'id', message: 'No such payment' });
  });

  it("asks for the amount when the visit's doctor has no fee, naming the doctor", async () => {
    await refused('payments.record', { appointmentId: await appointment(drNoFee), method: 'CASH' }, desk, {
      code: 'INVALID',
      field: 'amount',
      message: 'Dr. Kiran Das has no consultation fee set; enter the amount',
    });
  });

  it('a refund is neither confirmed nor refunded again; a doctor refunds only their own', async () => {
    const payment = await cash();
    const refund = expectOk<PaymentDto>(
      await h.callRaw('payments.refund', { paymentId: payment.id, amount: '50.00', reason: 'Overcharged' }, admin.sessionKey),
    );
    await refused('payments.confirm', { id: refund.id }, desk, { code: 'CONFLICT', field: 'id', message: 'This is a refund, not a payment to confirm' });
    await refused('payments.refund', { paymentId: refund.id, amount: '10.00', reason: 'Again' }, admin.sessionKey, {
      code: 'CONFLICT',
      field: 'paymentId',
      message: 'This is a refund; only a payment can be refunded',
    });
    const others = await cash(drOther);
    await refused('payments.refund', { paymentId: others.id, amount: '10.00', reason: 'Not mine' }, ownDoctor, {
      code: 'FORBIDDEN',
      field: 'paymentId',
      message: 'A doctor can refund only payments for their own consultations',
    });
  });

  describe('a payment taken through the gateway', () => {
    const user = (): CurrentUser => ({ id: admin.userId, email: 'admin@clinic.test', displayName: 'Admin', role: 'ADMIN', doctorId: null, language: 'en' });
    async function gatewayPayment(): Promise<number> {
      const paid = await cash();
      await h.knex('payments').where({ id: paid.id }).update({ gateway: 'razorpay', gateway_method: 'upi' });
      return paid.id;
    }

    it('is refunded at the gateway, and the refund row keeps the gateway, its method and its refund id', async () => {
      const id = await gatewayPayment();
      const calls: string[] = [];
      const service = new PaymentsService(h.knex, async (_trx, payment, amount, reason, creditNote) => {
        calls.push(`${payment.id} ${amount} ${reason} ${creditNote}`);
        return 'rfnd_test_0001';
      });
      const refund = await service.refund({ paymentId: id, amount: '20.00', reason: 'Wrong amount' }, user());
      expect(calls).toEqual([`${id} 20.00 Wrong amount ${refund.receiptNumber}`]);
      expect(await h.knex('payments').where({ id: refund.id }).first('gateway', 'gateway_method', 'gateway_refund_id')).toEqual({
        gateway: 'razorpay',
        gateway_method: 'upi',
        gateway_refund_id: 'rfnd_test_0001',
      });
    });

    it('is refused, unchanged, on a PC where the gateway is not set up', async () => {
      const id = await gatewayPayment();
      const before = await databaseSnapshot(h.knex);
      const withoutGateway = new PaymentsService(h.knex);
      await expect(withoutGateway.refund({ paymentId: id, amount: '20.00', reason: 'Wrong amount' }, user())).rejects.toMatchObject({
        code: 'UNAVAILABLE',
        field: 'paymentId',
        message: 'This payment was taken through the payment gateway, which is not set up on this PC; refund it there',
      });
      expect(await databaseSnapshot(h.knex)).toBe(before);
    });

    it('a desk refund of money taken at the desk leaves the gateway columns empty', async () => {
      const paid = await cash();
      const refund = expectOk<PaymentDto>(await h.callRaw('payments.refund', { paymentId: paid.id, amount: '20.00', reason: 'Change' }, admin.sessionKey));
      expect(await h.knex('payments').where({ id: refund.id }).first('gateway', 'gateway_refund_id')).toEqual({ gateway: null, gateway_refund_id: null });
    });
  });
});

describe.each(MODES)('payments kept from before desk payments (%s)', (mode: Mode) => {
  it('a payment in a status of the old schema is named by that status, and neither refunded nor printed; one paid without a receipt number prints none', async () => {
    const s = await openScratch(mode);
    const knex = s.db.knex;
    try {
      // The schema as it was before desk payments, holding a payment of that time.
      const deskPayments = migrations.findIndex((m) => m.name === '20261125001200_desk_payments');
      for (let i = 0; i < deskPayments; i++) await knex.migrate.up(migratorConfig);
      const [{ id: doctor }] = await knex('doctor_entities').insert({ name: 'Dr. Old', email: 'old@clinic.test' }).returning('id');
      const [{ id: patientId }] = await knex('patient_entities').insert({ name: 'Old Patient', email: 'old@example.com' }).returning('id');
      const [{ id: appointmentId }] = await knex('appointment_entities')
        .insert({ patient_id: patientId, doctor_id: doctor, appointment_date: '2020-01-01', start_time: '10:00', end_time: '10:15', status: 'COMPLETED' })
        .returning('id');
      const [{ id: legacy }] = await knex('payments')
        .insert({ appointment_id: appointmentId, amount: '250.00', status: 'SUCCESS', payment_method: 'RAZORPAY', order_id: 'order_abc' })
        .returning('id');
      // Paid then, but numbered by no receipt series.
      const [{ id: unnumbered }] = await knex('payments')
        .insert({ appointment_id: appointmentId, amount: '100.00', status: 'PAID', payment_method: 'CASH', order_id: null })
        .returning('id');
      await migrateToLatest(knex);
      const harness = await startHarness(mode, s.db);
      try {
        const admin = await harness.signInAs('ADMIN');
        expect(await harness.callRaw('payments.refund', { paymentId: legacy, amount: '10.00', reason: 'Old' }, admin.sessionKey)).toMatchObject({
          ok: false,
          error: { code: 'CONFLICT', field: 'paymentId', message: 'This payment is marked SUCCESS; only a paid one can be refunded' },
        });
        expect(await harness.callRaw('payments.receipt', { id: legacy }, admin.sessionKey)).toMatchObject({
          ok: false,
          error: { code: 'CONFLICT', field: 'id', message: 'This payment has not been received yet; its receipt prints once it is confirmed' },
        });
        expect(await harness.callRaw('payments.receipt', { id: unnumbered }, admin.sessionKey)).toMatchObject({
          ok: false,
          error: { code: 'CONFLICT', field: 'id', message: 'This payment was recorded without a receipt number, so there is no receipt to print' },
        });
        expect(await knex('payments').where({ id: legacy }).first('status', 'amount')).toEqual({ status: 'SUCCESS', amount: '250.00' });
      } finally {
        await harness.dispose();
      }
    } finally {
      await s.dispose();
    }
  });
});
