import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepayDue } from '../../main/payments/gateway/repo';
import { storeWebhookEvent } from '../../main/webhooks/repo';
import { startWebhookService, type WebhookService } from '../../main/webhooks/service';
import { RAZORPAY_WEBHOOK_PATH, type AppointmentTypeDto, type ChannelName, type Req } from '../../preload/contract';
import { addPatient, clinicInstant, configureMessaging, eventually, fakeSecretBox, openDesk, startPc, type Desk } from '../messaging/support';
import { MODES } from '../support/databases';
import { configureRazorpay, postWebhook } from '../support/fake-razorpay';
import { FakeTwilio } from '../support/fake-twilio';
import { expectOk, type Harness } from '../support/harness';

// A single booking of a type that asks prepay gets its payment link at once (gateway.test.ts);
// the same rule holds for every other way such an appointment comes to be or changes: a series,
// a waitlist offer taken at the desk or by the patient's YES, and a move. Links and payments go
// through the fake Razorpay and its signed webhooks, applied by the gateway service's worker.
describe.each(MODES)('prepay for a series, a waitlist offer and a move (%s)', (mode) => {
  let h: Harness;
  let desk: Desk;
  let gateway: WebhookService;
  let payFirst: AppointmentTypeDto;
  let dearer: AppointmentTypeDto;
  let payLater: AppointmentTypeDto;
  let cheaper: AppointmentTypeDto;
  let seq = 0;
  const fake = new FakeTwilio();

  beforeAll(async () => {
    h = await startPc(mode, undefined, { twilioHttpClient: fake.httpClient() });
    await eventually('this PC elected', async () => (h.services.messaging!.election.leader ? true : undefined));
    h.services.messaging!.sender.setActive(false);
    await configureMessaging(h.knex);
    await configureRazorpay(h);
    desk = await openDesk(h);
    const { sessionKey } = await h.signInAs('ADMIN');
    const type = async (name: string, fee: string, prepayRequired: boolean) =>
      expectOk<AppointmentTypeDto>(
        await h.call(
          'appointmentTypes.create',
          { name: `${name} ${mode}`, mode: 'VIDEO', durationMinutes: 15, fee, prepayRequired, doctors: [{ doctorId: desk.doctorId }] },
          sessionKey,
        ),
      );
    [payFirst, dearer, payLater] = [
      await type('Video, pay first', '450.75', true),
      await type('Long video, pay first', '600.00', true),
      await type('Video, pay later', '300.00', false),
    ];
    cheaper = await type('Short video, pay first', '300.50', true);
    gateway = await startWebhookService(h.knex, { log: () => undefined, secretBox: fakeSecretBox, paymentGateway: h.razorpay.factory() });
  }, 120_000);
  afterAll(async () => {
    await gateway?.close();
    await h?.services.messaging?.election.stop();
    await h?.services.messaging?.sender.stop();
    await h?.dispose();
    await fake.close();
  });

  const call = <C extends ChannelName>(channel: C, payload: Req<C>) => desk.call(channel, payload);
  let sends = 0;
  /** Each step a second after the last: the outbox keys a message asked for by its second, and a move may ask a second link. */
  const step = async <C extends ChannelName>(channel: C, payload: Req<C>) => {
    h.clock.now = Date.now() + ++sends * 1000;
    return h.call(channel, payload, desk.receptionist);
  };
  const patient = async () => addPatient(h.knex, `Prepay ${++seq}`, `+9197733${String(10000 + seq).slice(-5)}`);
  const linksOf = (appointmentId: number) =>
    h
      .knex('payments')
      .where({ appointment_id: appointmentId })
      .whereLike('gateway_order_id', 'plink%')
      .orderBy('id')
      .select('id', 'status', 'amount', 'gateway_order_id', 'gateway_url');
  const linkMessages = (appointmentId: number) =>
    h.knex('patient_messages').where({ appointment_id: appointmentId, kind: 'PAYMENT_LINK' }).orderBy('id').pluck('link');
  const linksAsked = () => h.razorpay.requests.filter((r) => r.method === 'POST' && r.path === '/v1/payment_links').length;
  /** The patient pays a link at Razorpay; its signed webhooks reach the gateway service and are applied. */
  const pay = async (plinkId: string) => {
    for (const e of h.razorpay.pay(plinkId).events) expect(await postWebhook(`${gateway.url}${RAZORPAY_WEBHOOK_PATH}`, e)).toBe(200);
    await gateway.worker.idle();
  };
  const book = async (patientId: number, date: string, startTime: string, appointmentTypeId: number) =>
    expectOk(await call('appointments.book', { patientId, doctorId: desk.doctorId, date, startTime, appointmentTypeId }));

  it('a series of a prepay type: each appointment gets its own link, sent once; moving the series sends none again and a paid one stays paid', async () => {
    const patientId = await patient();
    const booked = expectOk(
      await call('appointments.bookSeries', {
        patientId,
        doctorId: desk.doctorId,
        appointmentTypeId: payFirst.id,
        startDate: desk.day(2),
        startTime: '09:00',
        recurrence: { frequency: 'DAILY', interval: 1, count: 3 },
        choices: [],
      }),
    );
    expect(booked.appointments).toHaveLength(3);
    for (const a of booked.appointments) {
      const [link, ...more] = await linksOf(a.id);
      expect(more).toEqual([]);
      expect(link).toMatchObject({ status: 'PENDING', amount: '450.75' });
      expect(await linkMessages(a.id)).toEqual([link.gateway_url]);
      expect(await prepayDue(h.knex, a.id)).toEqual({ due: '450.75', payUrl: link.gateway_url });
    }
    const [first, second] = booked.appointments;
    const [firstLink] = await linksOf(first!.id);
    await pay(firstLink.gateway_order_id);
    expect(await prepayDue(h.knex, first!.id)).toBeUndefined();

    const asked = linksAsked();
    expectOk(await call('appointments.moveSeries', { id: first!.id, scope: 'all', startTime: '11:00', shiftDays: 0 }));
    expect(linksAsked()).toBe(asked);
    for (const a of booked.appointments) expect(await linkMessages(a.id)).toHaveLength(1);
    expect((await linksOf(first!.id)).map((l) => l.status)).toEqual(['PAID']);
    expect(await prepayDue(h.knex, first!.id)).toBeUndefined();
    expect((await prepayDue(h.knex, second!.id))?.due).toBe('450.75');
  });

  it('a waitlist offer of a prepay type taken at the desk gets its link at once', async () => {
    const patientId = await patient();
    const day = desk.day(3);
    const entry = expectOk(
      await call('waitlist.add', { patientId, doctorId: desk.doctorId, fromDate: desk.day(0), toDate: day, urgency: 'URGENT', appointmentTypeId: payFirst.id }),
    );
    const freed = await book(desk.patientId, day, '15:00', payFirst.id);
    expectOk(await call('appointments.cancel', { id: freed.id, reason: 'Travelling' }));
    const offer = await h.knex('waitlist_offers').where({ entry_id: entry.id }).first('id');
    const taken = expectOk(await call('waitlist.takeOffer', { id: offer.id }));
    const [link, ...more] = await linksOf(taken.id);
    expect(more).toEqual([]);
    expect(link).toMatchObject({ status: 'PENDING', amount: '450.75' });
    expect(await linkMessages(taken.id)).toEqual([link.gateway_url]);
    expect(await prepayDue(h.knex, taken.id)).toEqual({ due: '450.75', payUrl: link.gateway_url });
  });

  it("a patient's YES to a waitlist offer of a prepay type: the gateway service sends the link once the reply is applied, and only once", async () => {
    const phone = `+9197744${String(10000 + ++seq).slice(-5)}`;
    const patientId = await addPatient(h.knex, `Replying ${seq}`, phone);
    const day = desk.day(4);
    const entry = expectOk(
      await call('waitlist.add', { patientId, doctorId: desk.doctorId, fromDate: desk.day(0), toDate: day, urgency: 'URGENT', appointmentTypeId: payFirst.id }),
    );
    const freed = await book(desk.patientId, day, '16:00', payFirst.id);
    expectOk(await call('appointments.cancel', { id: freed.id, reason: 'Travelling' }));
    h.clock.now = clinicInstant(desk.day(1), '12:00:00');
    h.services.messaging!.sender.setActive(true);
    await h.services.messaging!.sender.runDue();
    h.services.messaging!.sender.setActive(false);
    expect(fake.messages.filter((m) => m.to === phone).map((m) => m.body)).toEqual([expect.stringMatching(/Reply YES/)]);

    // The reply as the receiver stores it; the service's worker applies it and then sends the link.
    const reply = { MessageSid: `SM-prepay-${mode}-${seq}`, From: phone, To: '+15005550006', Body: 'YES' };
    gateway.worker.enqueue((await storeWebhookEvent(h.knex, { eventType: 'messaging.inbound', data: reply, dedupKey: `in:${reply.MessageSid}` }))!);
    await gateway.worker.idle();
    const { booked_appointment_id: bookedId } = await h.knex('waitlist_entries').where({ id: entry.id }).first('booked_appointment_id');
    expect(bookedId).not.toBeNull();
    const [link] = await eventually('the link of the reply booking', async () => {
      const links = await linksOf(bookedId);
      return links.length > 0 ? links : undefined;
    });
    expect(link).toMatchObject({ status: 'PENDING', amount: '450.75' });
    expect(await eventually('its message', async () => ((await linkMessages(bookedId)).length > 0 ? linkMessages(bookedId) : undefined))).toEqual([
      link.gateway_url,
    ]);

    // Another reply (a status callback, someone else's word) looks again: nothing more for this booking.
    const asked = linksAsked();
    const other = { MessageSid: `SM-prepay-${mode}-${++seq}`, From: '+919700000000', To: '+15005550006', Body: 'hello' };
    gateway.worker.enqueue((await storeWebhookEvent(h.knex, { eventType: 'messaging.inbound', data: other, dedupKey: `in:${other.MessageSid}` }))!);
    await gateway.worker.idle();
    await gateway.close();
    gateway = await startWebhookService(h.knex, { log: () => undefined, secretBox: fakeSecretBox, paymentGateway: h.razorpay.factory() });
    await gateway.close();
    expect(linksAsked()).toBe(asked);
    expect(await linksOf(bookedId)).toHaveLength(1);
    gateway = await startWebhookService(h.knex, { log: () => undefined, secretBox: fakeSecretBox, paymentGateway: h.razorpay.factory() });
  });

  it('a move keeps a paid prepay on its appointment; into a dearer type only the difference is asked, by one new link; the same fee asks nothing again', async () => {
    const patientId = await patient();
    const a = await book(patientId, desk.day(5), '09:00', payFirst.id);
    const [opened] = await linksOf(a.id);
    await pay(opened.gateway_order_id);
    expect(await prepayDue(h.knex, a.id)).toBeUndefined();

    // Another time, the same type: paid stays paid, nothing asked.
    let asked = linksAsked();
    expectOk(await step('appointments.reschedule', { id: a.id, date: desk.day(6), startTime: '10:00' }));
    expect(linksAsked()).toBe(asked);
    expect(await prepayDue(h.knex, a.id)).toBeUndefined();
    expect(await linkMessages(a.id)).toHaveLength(1);

    // Into the dearer type: 600.00 − 450.75 paid = 149.25 asked, by a new link, sent once.
    expectOk(await step('appointments.reschedule', { id: a.id, date: desk.day(6), startTime: '10:00', appointmentTypeId: dearer.id }));
    expect(linksAsked()).toBe(asked + 1);
    const links = await linksOf(a.id);
    expect(links.map((l) => [l.status, l.amount])).toEqual([
      ['PAID', '450.75'],
      ['PENDING', '149.25'],
    ]);
    expect(await linkMessages(a.id)).toEqual([opened.gateway_url, links[1].gateway_url]);
    expect(await prepayDue(h.knex, a.id)).toEqual({ due: '149.25', payUrl: links[1].gateway_url });
    // Moved again before paying it: that link stands and is not sent a second time.
    asked = linksAsked();
    expectOk(await step('appointments.reschedule', { id: a.id, date: desk.day(6), startTime: '11:00' }));
    expect(linksAsked()).toBe(asked);
    expect(await linkMessages(a.id)).toHaveLength(2);
    await pay(links[1].gateway_order_id);
    expect(await prepayDue(h.knex, a.id)).toBeUndefined();
    const account = expectOk(await step('payments.forAppointment', { appointmentId: a.id }));
    expect(account.totals).toMatchObject({ paid: '600.00', due: '0.00' });
  });

  it('a move into a cheaper type with its link unpaid: that link is cancelled at Razorpay and one for the new fee sent, so the patient never pays the old amount', async () => {
    const patientId = await patient();
    const a = await book(patientId, desk.day(6), '15:00', payFirst.id);
    const [old] = await linksOf(a.id);
    expect(old).toMatchObject({ status: 'PENDING', amount: '450.75' });
    expectOk(await step('appointments.reschedule', { id: a.id, date: desk.day(6), startTime: '15:00', appointmentTypeId: cheaper.id }));
    expect(h.razorpay.links.get(old.gateway_order_id)).toMatchObject({ status: 'cancelled' });
    const [fresh, ...more] = await linksOf(a.id);
    expect(more).toEqual([]);
    expect(fresh).toMatchObject({ status: 'PENDING', amount: '300.50' });
    expect(await linkMessages(a.id)).toEqual([old.gateway_url, fresh.gateway_url]);
    expect(await prepayDue(h.knex, a.id)).toEqual({ due: '300.50', payUrl: fresh.gateway_url });
    expect(() => h.razorpay.pay(old.gateway_order_id)).toThrow(/cancelled/);
    await pay(fresh.gateway_order_id);
    expect(await prepayDue(h.knex, a.id)).toBeUndefined();
    expect(expectOk(await step('payments.forAppointment', { appointmentId: a.id })).totals).toMatchObject({ paid: '300.50', due: '0.00' });
  });

  it('a move into a prepay type from one that does not ask it gets its link; a move out of one leaves the patient free to join', async () => {
    const patientId = await patient();
    const later = await book(patientId, desk.day(5), '12:00', payLater.id);
    expect(await linksOf(later.id)).toEqual([]);
    expectOk(await call('appointments.reschedule', { id: later.id, date: desk.day(5), startTime: '12:00', appointmentTypeId: payFirst.id }));
    const [link, ...more] = await linksOf(later.id);
    expect(more).toEqual([]);
    expect(link).toMatchObject({ status: 'PENDING', amount: '450.75' });
    expect(await linkMessages(later.id)).toEqual([link.gateway_url]);

    expectOk(await call('appointments.reschedule', { id: later.id, date: desk.day(5), startTime: '12:00', appointmentTypeId: payLater.id }));
    expect(await prepayDue(h.knex, later.id)).toBeUndefined();
    expect(await linkMessages(later.id)).toHaveLength(1);
  });
});
