import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName, Req } from '../../preload/contract';
import { MODES } from '../support/databases';
import { FakeTwilio } from '../support/fake-twilio';
import { configureRazorpay } from '../support/fake-razorpay';
import { databaseSnapshot, expectOk, type Harness } from '../support/harness';
import { addPatient, clinicInstant, configureMessaging, eventually, openDesk, outboxOf, startPc, type Desk } from './support';

describe.each(MODES)('payment links through the messaging outbox (%s)', (mode) => {
  let h: Harness;
  let desk: Desk;
  const fake = new FakeTwilio();

  beforeAll(async () => {
    h = await startPc(mode, undefined, { twilioHttpClient: fake.httpClient() });
    await eventually('this PC elected', async () => (h.services.messaging!.election.leader ? true : undefined));
    h.services.messaging!.sender.setActive(false);
    await configureMessaging(h.knex);
    await configureRazorpay(h);
    desk = await openDesk(h);
    await h.knex('doctor_entities').where({ id: desk.doctorId }).update({ consultation_fee: '650.00' });
  }, 120_000);
  afterAll(async () => {
    await h?.services.messaging?.election.stop();
    await h?.services.messaging?.sender.stop();
    await h?.dispose();
    await fake.close();
  });

  let sends = 0;
  /** Each send a second after the last: the outbox keys a desk's send by its second. */
  const send = async <C extends ChannelName>(channel: C, payload: Req<C>) => {
    h.clock.now = Date.now() + ++sends * 1000;
    return h.call(channel, payload, desk.receptionist);
  };
  /** The sender's round at a given clinic time. */
  const sendAllAt = async (at: number) => {
    h.clock.now = at;
    h.services.messaging!.sender.setActive(true);
    await h.services.messaging!.sender.runDue();
    h.services.messaging!.sender.setActive(false);
  };
  const linksOf = (appointmentId: number) => h.knex('payments').where({ appointment_id: appointmentId }).whereLike('gateway_order_id', 'plink%').select('*');

  it('sends the dues of a seen visit as a Razorpay link in a message; sending again repeats the same link, no second charge', async () => {
    const phone = '+919855500031';
    const a = await desk.book(desk.day(1), '09:30', await addPatient(h.knex, 'Dues Patient', phone));
    await h.knex('appointment_entities').where({ id: a.id }).update({ status: 'COMPLETED' });

    const queued = expectOk(await send('messaging.sendNow', { appointmentId: a.id, kind: 'PAYMENT_LINK' }));
    expect(queued).toMatchObject({ kind: 'PAYMENT_LINK', status: 'QUEUED', patientName: 'Dues Patient' });
    const [link, ...more] = await linksOf(a.id);
    expect(more).toEqual([]);
    expect(link).toMatchObject({ status: 'PENDING', amount: '650.00', gateway: 'RAZORPAY' });
    expect(link.gateway_url).toMatch(/^https:\/\/rzp\.io\/i\//);
    expect((await outboxOf(h.knex, a.id)).find((m) => m.id === queued.id)).toMatchObject({ link: link.gateway_url });

    // Sent after the visit's time: a payment link for dues still goes, unlike a reminder.
    await sendAllAt(clinicInstant(desk.day(1), '18:00:00'));
    const sent = fake.messages.filter((m) => m.to === phone);
    expect(sent.map((m) => m.body)).toEqual([
      expect.stringMatching(/^Dues Patient, please pay Sunrise Clinic for your appointment with Dr\. Meera Rao on .* here: /),
    ]);
    expect(sent[0]!.body.endsWith(link.gateway_url)).toBe(true);
    expect((await outboxOf(h.knex, a.id)).find((m) => m.id === queued.id)).toMatchObject({ status: 'SENT' });

    const again = expectOk(await send('messaging.sendNow', { appointmentId: a.id, kind: 'PAYMENT_LINK' }));
    expect(again.id).not.toBe(queued.id);
    expect(await linksOf(a.id)).toHaveLength(1);
    expect((await outboxOf(h.knex, a.id)).find((m) => m.id === again.id)).toMatchObject({ link: link.gateway_url });
  });

  it('sends the link a teleconsultation prepay already opened, without asking Razorpay for another', async () => {
    const a = await desk.book(desk.day(2), '11:00', await addPatient(h.knex, 'Prepay Patient', '+919855500032'));
    const opened = expectOk(await send('payments.collect', { appointmentId: a.id, via: 'LINK' }));
    const linksAsked = h.razorpay.requests.filter((r) => r.path === '/v1/payment_links').length;
    const queued = expectOk(await send('messaging.sendNow', { appointmentId: a.id, kind: 'PAYMENT_LINK' }));
    expect(h.razorpay.requests.filter((r) => r.path === '/v1/payment_links')).toHaveLength(linksAsked);
    expect((await outboxOf(h.knex, a.id)).find((m) => m.id === queued.id)).toMatchObject({ kind: 'PAYMENT_LINK', link: opened.url });
  });

  it('refuses a cancelled visit, and a paid one, and changes nothing', async () => {
    const cancelled = await desk.book(desk.day(3), '12:00', await addPatient(h.knex, 'Cancelled Patient', '+919855500033'));
    await h.knex('appointment_entities').where({ id: cancelled.id }).update({ status: 'CANCELLED', cancel_reason: 'Patient called to cancel' });
    const paid = await desk.book(desk.day(3), '12:30', await addPatient(h.knex, 'Paid Patient', '+919855500034'));
    expectOk(await send('payments.record', { appointmentId: paid.id, method: 'CASH' }));
    const before = await databaseSnapshot(h.knex, ['audit_log']);
    expect(await send('messaging.sendNow', { appointmentId: cancelled.id, kind: 'PAYMENT_LINK' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'appointmentId', message: 'This appointment is cancelled; nothing is sent for it' },
    });
    expect(await send('messaging.sendNow', { appointmentId: paid.id, kind: 'PAYMENT_LINK' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'appointmentId', message: expect.stringContaining('Nothing is due') },
    });
    expect(await databaseSnapshot(h.knex, ['audit_log'])).toBe(before);
  });
});
