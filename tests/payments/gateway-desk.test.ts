import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Res } from '../../preload/contract';
import { MODES, type Mode } from '../support/databases';
import { configureRazorpay } from '../support/fake-razorpay';
import { databaseSnapshot, expectOk, startHarness, type Harness } from '../support/harness';

describe.each(MODES)('the desk’s side of gateway payments (%s)', (mode: Mode) => {
  let h: Harness;
  let desk: string;
  let doctorId: number;
  let patientId: number;
  let day = 0;

  beforeAll(async () => {
    h = await startHarness(mode);
    desk = (await h.signInAs('RECEPTIONIST')).sessionKey;
    await configureRazorpay(h);
    [{ id: doctorId }] = await h.knex('doctor_entities').insert({ name: 'Dr. Qr', email: 'qr@clinic.test', consultation_fee: '500.00' }).returning('id');
    [{ id: patientId }] = await h.knex('patient_entities').insert({ name: 'Scan Patient', phone: '+919812300000' }).returning('id');
  });
  afterAll(async () => {
    await h?.dispose();
  });

  async function collected(via: 'QR' | 'LINK'): Promise<Res<'payments.collect'>> {
    const date = new Date(Date.UTC(2098, 5, 1 + ++day)).toISOString().slice(0, 10);
    const [{ id }] = await h
      .knex('appointment_entities')
      .insert({ patient_id: patientId, doctor_id: doctorId, appointment_date: date, start_time: '10:00', end_time: '10:15', status: 'SCHEDULED' })
      .returning('id');
    return expectOk(await h.call('payments.collect', { appointmentId: id, via }, desk));
  }

  it('fetches Razorpay’s image behind the QR’s short link (redirect followed) and hands it over as a data: URL', async () => {
    const { payment, url } = await collected('QR');
    const code = /\/i\/([0-9a-f]+)$/.exec(url!)![1]!;
    const qr = expectOk(await h.call('payments.gatewayQr', { paymentId: payment.id }, desk));
    expect(qr).toEqual({ paymentId: payment.id, image: `data:image/png;base64,${h.razorpay.qrImages.get(code)!.toString('base64')}` });
  });

  it('refuses a payment not waiting on a QR, and a QR whose payment is no longer pending', async () => {
    const link = await collected('LINK');
    expect(await h.call('payments.gatewayQr', { paymentId: link.payment.id }, desk)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'paymentId', message: 'This payment was not asked for by a gateway QR' },
    });
    const { payment } = await collected('QR');
    await h
      .knex('payments')
      .where({ id: payment.id })
      .update({ status: 'PAID', order_id: 'CD-2098-900001', paid_at: new Date(), transaction_id: 'pay_qr0001' });
    expect(await h.call('payments.gatewayQr', { paymentId: payment.id }, desk)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'paymentId', message: 'This payment is paid; its QR is no longer shown' },
    });
  });

  it('fetches nothing from an address that is not Razorpay’s https one', async () => {
    const { payment } = await collected('QR');
    await h.knex('payments').where({ id: payment.id }).update({ gateway_url: 'http://192.0.2.1/i/abcd' });
    const asked = h.razorpay.requests.length;
    expect(await h.call('payments.gatewayQr', { paymentId: payment.id }, desk)).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'This QR image address is not a Razorpay https address' },
    });
    expect(h.razorpay.requests.length).toBe(asked);
  });

  it('refuses a desk confirmation of a payment waiting on the gateway, and changes nothing', async () => {
    const { payment } = await collected('QR');
    const before = await databaseSnapshot(h.knex, ['audit_log']);
    expect(await h.call('payments.confirm', { id: payment.id }, desk)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'id', message: 'This payment waits on the payment gateway; it turns paid by itself when the gateway reports it' },
    });
    expect(await databaseSnapshot(h.knex, ['audit_log'])).toBe(before);
  });
});
