import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyInbound } from '../../main/messaging/replies';
import type { ChannelName, Req } from '../../preload/contract';
import { MODES } from '../support/databases';
import { FakeTwilio } from '../support/fake-twilio';
import { expectOk, type Harness } from '../support/harness';
import { raceTest } from '../support/race-test';
import { addPatient, clinicInstant, configureMessaging, eventually, openDesk, startPc, type Desk } from './support';

// Freed time offered by SMS to the top few waiting patients: the first YES books it (the database
// decides, against other patients' YES and the desks), the others are told it has gone; a recall
// sends a reminder to book.
describe.each(MODES)('automatic waitlist offers and recall reminders (%s)', (mode) => {
  let h: Harness;
  let desk: Desk;
  let seq = 0;
  const fake = new FakeTwilio();

  beforeAll(async () => {
    h = await startPc(mode, undefined, { twilioHttpClient: fake.httpClient() });
    await eventually('this PC elected', async () => (h.services.messaging!.election.leader ? true : undefined));
    h.services.messaging!.sender.setActive(false);
    await configureMessaging(h.knex);
    desk = await openDesk(h);
  }, 120_000);
  afterAll(async () => {
    await h?.services.messaging?.election.stop();
    await h?.services.messaging?.sender.stop();
    await h?.dispose();
    await fake.close();
  });

  const call = <C extends ChannelName>(channel: C, payload: Req<C>) => desk.call(channel, payload);
  /** A waiting patient with their own phone. */
  const waiting = async (urgency: 'ROUTINE' | 'SOON' | 'URGENT', date: string) => {
    const phone = `+9197711${String(10000 + ++seq).slice(-5)}`;
    const patientId = await addPatient(h.knex, `Waiting ${seq}`, phone);
    const entry = expectOk(await call('waitlist.add', { patientId, doctorId: desk.doctorId, fromDate: desk.day(0), toDate: date, urgency }));
    return { phone, patientId, entryId: entry.id };
  };
  /** An urgent waiting patient, and the offer they get of a visit at `start` on `day` booked and cancelled. */
  const offeredCancelled = async (day: string, start: string) => {
    const p = await waiting('URGENT', day);
    const freed = await desk.book(day, start);
    expectOk(await call('appointments.cancel', { id: freed.id, reason: 'Unwell' }));
    const offer: { id: number } = await h.knex('waitlist_offers').where({ freed_appointment_id: freed.id, entry_id: p.entryId }).first('id');
    return { ...p, offer };
  };
  /** Four waiting patients (urgent, soon, routine, routine), then a visit at `start` on `day` booked and cancelled. */
  const fourWaitingThenFreed = async (day: string, start: string) => {
    const patients = [await waiting('URGENT', day), await waiting('SOON', day), await waiting('ROUTINE', day), await waiting('ROUTINE', day)] as const;
    const freed = await desk.book(day, start);
    expectOk(await call('appointments.cancel', { id: freed.id, reason: 'Travelling' }));
    return { freed, patients };
  };
  const sendAllAt = async (at: number) => {
    h.clock.now = at;
    h.services.messaging!.sender.setActive(true);
    await h.services.messaging!.sender.runDue();
    h.services.messaging!.sender.setActive(false);
  };
  const reply = (from: string, body: string) =>
    h.knex.transaction((trx) => applyInbound(trx, { MessageSid: `SM-offer-${++seq}`, From: from, To: '+15005550006', Body: body }));
  const bodiesTo = (phone: string) => fake.messages.filter((m) => m.to === phone).map((m) => m.body);
  const liveAt = (date: string, startTime: string) =>
    h
      .knex('appointment_entities')
      .where({ doctor_id: desk.doctorId, appointment_date: date, start_time: startTime })
      .whereNot('status', 'CANCELLED')
      .select('patient_id');

  it('offers a cancelled slot by SMS to the top three; the first YES books it and the others are told it has gone', async () => {
    const day = desk.day(2);
    const { freed, patients } = await fourWaitingThenFreed(day, '10:00');
    const [urgent, soon, routine, last] = patients;
    const offers = await h.knex('waitlist_offers').where({ freed_appointment_id: freed.id }).orderBy('id').select('id', 'entry_id');
    expect(offers.map((o) => o.entry_id)).toEqual([urgent.entryId, soon.entryId, routine.entryId]);

    await sendAllAt(clinicInstant(desk.day(1), '12:00:00'));
    for (const p of [urgent, soon, routine])
      expect(bodiesTo(p.phone)).toEqual([expect.stringMatching(/^Waiting \d+, an earlier time with Dr\. Meera Rao is free at Sunrise Clinic: .* Reply YES/)]);
    expect(bodiesTo(last.phone)).toEqual([]);

    // The second best answers first: theirs is the time.
    await reply(soon.phone, 'Yes');
    expect(await liveAt(day, '10:00:00')).toEqual([{ patient_id: soon.patientId }]);
    expect(await h.knex('waitlist_entries').where({ id: soon.entryId }).first('status')).toEqual({ status: 'BOOKED' });
    expect(
      await h
        .knex('waitlist_offers')
        .whereIn(
          'id',
          offers.map((o) => o.id),
        )
        .orderBy('id')
        .pluck('status'),
    ).toEqual(['GONE', 'TAKEN', 'GONE']);
    expect(await h.knex('inbound_messages').where({ from_address: soon.phone }).first('action')).toEqual({ action: 'OFFER_TAKEN' });

    // The first answers too late: told it has gone (once), nothing booked for them.
    await reply(urgent.phone, 'YES');
    expect(await h.knex('inbound_messages').where({ from_address: urgent.phone }).first('action')).toEqual({ action: 'OFFER_GONE' });
    expect(await liveAt(day, '10:00:00')).toEqual([{ patient_id: soon.patientId }]);
    await sendAllAt(clinicInstant(desk.day(1), '12:05:00'));
    for (const p of [urgent, routine])
      expect(bodiesTo(p.phone).slice(1)).toEqual([expect.stringMatching(/^Waiting \d+, sorry: the time with Dr\. Meera Rao .* has gone/)]);
    expect(bodiesTo(soon.phone).some((b) => b.includes('has gone'))).toBe(false);
  });

  it('a YES to an offer for a wanted type books that type (its length and fee); a type retired since is told it has gone, nothing booked', async () => {
    // A fresh ADMIN session each time: sending moves the clock a day on, past the idle lock.
    const admin = async () => (await h.signInAs('ADMIN')).sessionKey;
    const newType = async (name: string) =>
      expectOk(await h.call('appointmentTypes.create', { name, durationMinutes: 30, fee: '750.00', doctors: [{ doctorId: desk.doctorId }] }, await admin()));
    const [review, retired] = [await newType(`Review ${mode}`), await newType(`Dressing ${mode}`)];
    const day = desk.day(3);
    const typedEntry = async (typeId: number) => {
      const phone = `+9197722${String(10000 + ++seq).slice(-5)}`;
      const patientId = await addPatient(h.knex, `Typed ${seq}`, phone);
      const entry = expectOk(
        await call('waitlist.add', { patientId, doctorId: desk.doctorId, fromDate: desk.day(0), toDate: day, urgency: 'URGENT', appointmentTypeId: typeId }),
      );
      return { phone, patientId, entryId: entry.id };
    };
    // Each freed half hour (a cancelled visit of the type) is offered to the one typed entry waiting for it.
    const offerHalfHour = async (start: string, typeId: number) => {
      const entry = await typedEntry(typeId);
      const freed = expectOk(
        await call('appointments.book', { doctorId: desk.doctorId, patientId: desk.patientId, date: day, startTime: start, appointmentTypeId: typeId }),
      );
      expectOk(await call('appointments.cancel', { id: freed.id, reason: 'Travelling' }));
      await sendAllAt(clinicInstant(desk.day(1), '12:07:00'));
      expect(bodiesTo(entry.phone)).toEqual([expect.stringMatching(/Reply YES/)]);
      return entry;
    };

    const wantsReview = await offerHalfHour('13:00', review.id);
    await reply(wantsReview.phone, 'YES');
    const booked = await h
      .knex('appointment_entities')
      .where({ patient_id: wantsReview.patientId, status: 'SCHEDULED' })
      .first('start_time', 'end_time', 'appointment_type_id', 'fee');
    expect(booked).toMatchObject({ start_time: '13:00:00', end_time: '13:30:00', appointment_type_id: review.id });
    expect(Number(booked.fee)).toBe(750);

    const wantsRetired = await offerHalfHour('14:00', retired.id);
    expectOk(await h.call('appointmentTypes.deactivate', { id: retired.id }, await admin()));
    await reply(wantsRetired.phone, 'YES');
    expect(await h.knex('appointment_entities').where({ patient_id: wantsRetired.patientId })).toEqual([]);
    expect(await h.knex('inbound_messages').where({ from_address: wantsRetired.phone }).first('action')).toEqual({ action: 'OFFER_GONE' });
  });

  it('an offer whose time the desk books first is not sent at all', async () => {
    const { offer, ...p } = await offeredCancelled(desk.day(3), '15:00');
    expectOk(await call('waitlist.takeOffer', { id: offer.id }));
    await sendAllAt(clinicInstant(desk.day(1), '12:10:00'));
    expect(await h.knex('patient_messages').where({ waitlist_offer_id: offer.id, kind: 'WAITLIST_OFFER' }).first('status', 'error')).toEqual({
      status: 'CANCELLED',
      error: 'The offered time has gone',
    });
    expect(bodiesTo(p.phone).some((b) => b.includes('earlier time'))).toBe(false);
  });

  it('a patient taken off the waitlist after their offer was sent is told it has gone; a later YES books nothing', async () => {
    const day = desk.day(4);
    const { offer, ...p } = await offeredCancelled(day, '11:00');
    await sendAllAt(clinicInstant(desk.day(1), '12:12:00'));
    expect(bodiesTo(p.phone)).toEqual([expect.stringMatching(/Reply YES/)]);

    expectOk(await call('waitlist.remove', { id: p.entryId }));
    expect(await h.knex('waitlist_offers').where({ id: offer.id }).first('status')).toEqual({ status: 'GONE' });
    await sendAllAt(clinicInstant(desk.day(1), '12:14:00'));
    expect(bodiesTo(p.phone).slice(1)).toEqual([expect.stringMatching(/sorry: the time with Dr\. Meera Rao .* has gone/)]);
    await reply(p.phone, 'YES');
    expect(await liveAt(day, '11:00:00')).toEqual([]);
  });

  it('a time offered by message goes on to the next waiting patient once every patient it was sent to is off the waitlist', async () => {
    const { freed, patients } = await fourWaitingThenFreed(desk.day(6), '12:00');
    const [urgent, soon, routine, next] = patients;
    const openTo = () => h.knex('waitlist_offers').where({ freed_appointment_id: freed.id, status: 'OPEN' }).orderBy('id').pluck('entry_id');
    expect(await openTo()).toEqual([urgent.entryId, soon.entryId, routine.entryId]);

    // While another patient may still say YES, the time stays theirs.
    expectOk(await call('waitlist.remove', { id: urgent.entryId }));
    expectOk(await call('waitlist.remove', { id: soon.entryId }));
    expect(await openTo()).toEqual([routine.entryId]);
    expectOk(await call('waitlist.remove', { id: routine.entryId }));
    expect(await openTo()).toEqual([next.entryId]);
    await sendAllAt(clinicInstant(desk.day(1), '12:20:00'));
    expect(bodiesTo(next.phone)).toEqual([expect.stringMatching(/^Waiting \d+, an earlier time with Dr\. Meera Rao is free at Sunrise Clinic: .* Reply YES/)]);
  });

  it('a patient replying NO to their confirmation frees the time, offered to the waitlist at once', async () => {
    const day = desk.day(5);
    const p = await waiting('SOON', day);
    const phone = '+919771300001';
    const booked = await desk.book(day, '16:00', await addPatient(h.knex, 'Replying Patient', phone));
    await sendAllAt(clinicInstant(desk.day(1), '12:15:00'));
    expect(bodiesTo(phone)).toHaveLength(1);
    await reply(phone, '2');
    expect(await h.knex('appointment_entities').where({ id: booked.id }).first('status')).toEqual({ status: 'CANCELLED' });
    expect(await h.knex('waitlist_offers').where({ freed_appointment_id: booked.id }).select('entry_id', 'start_time', 'status')).toEqual([
      { entry_id: p.entryId, start_time: '16:00:00', status: 'OPEN' },
    ]);
  });

  it('a recall, made on completing a visit or by itself, sends a reminder to book a week before it is due; a dismissed one sends nothing', async () => {
    const phone = '+919771200001';
    const patientId = await addPatient(h.knex, 'Recall Patient', phone);
    const [visit] = await h
      .knex('appointment_entities')
      .insert({ patient_id: patientId, doctor_id: desk.doctorId, appointment_date: desk.day(0), start_time: '07:00', end_time: '07:15' })
      .returning('id');
    expectOk(await call('appointments.complete', { id: visit.id, recall: { inDays: 14 } }));
    const [reminder] = await h.knex('patient_messages').where({ patient_id: patientId, kind: 'RECALL_REMINDER' }).select('due_at', 'recall_id');
    expect(new Date(reminder.due_at).getTime()).toBe(clinicInstant(desk.day(7), '10:00:00'));

    const soon = expectOk(await call('recalls.create', { patientId, doctorId: desk.doctorId, inDays: 3, reason: 'Blood test' }));
    const dismissed = expectOk(await call('recalls.create', { patientId, inDays: 5 }));
    expectOk(await call('recalls.dismiss', { id: dismissed.id }));
    await sendAllAt(Date.now() + 60_000);
    expect(bodiesTo(phone)).toEqual([expect.stringMatching(/^Recall Patient, it is time for your follow-up visit at Sunrise Clinic\./)]);
    expect(await h.knex('patient_messages').where({ recall_id: soon.id }).first('status')).toEqual({ status: 'SENT' });
    expect(await h.knex('patient_messages').where({ recall_id: dismissed.id }).first('status', 'error')).toEqual({
      status: 'CANCELLED',
      error: 'The recall was booked or dismissed',
    });
  });

  raceTest(mode)('10 patients answering YES and 20 desks taking offers of one freed slot: exactly one is booked', async () => {
    const day = desk.day(4);
    const freed = await desk.book(day, '11:00');
    const patients = [];
    for (let i = 0; i < 10; i++) patients.push(await waiting('ROUTINE', day));
    expectOk(await call('appointments.cancel', { id: freed.id, reason: 'Cancelled by phone' }));
    // Every waiting patient holds an offer of the time, sent by SMS (the three automatic ones and as many more).
    const offered = new Set(await h.knex('waitlist_offers').where({ freed_appointment_id: freed.id }).pluck('entry_id'));
    await h
      .knex('waitlist_offers')
      .insert(
        patients
          .filter((p) => !offered.has(p.entryId))
          .map((p) => ({ entry_id: p.entryId, doctor_id: desk.doctorId, date: day, start_time: '11:00', end_time: '11:15' })),
      );
    const offers: { id: number; entry_id: number }[] = await h
      .knex('waitlist_offers')
      .whereIn(
        'entry_id',
        patients.map((p) => p.entryId),
      )
      .select('id', 'entry_id');
    await h
      .knex('patient_messages')
      .where({ kind: 'WAITLIST_OFFER' })
      .whereIn(
        'waitlist_offer_id',
        offers.map((o) => o.id),
      )
      .delete();
    await h.knex('patient_messages').insert(
      patients.map((p, i) => ({
        patient_id: p.patientId,
        doctor_id: desk.doctorId,
        kind: 'WAITLIST_OFFER',
        channel: 'SMS',
        language: 'en',
        waitlist_offer_id: offers.find((o) => o.entry_id === p.entryId)!.id,
        to_address: p.phone,
        due_at: new Date(),
        status: 'SENT',
        sent_at: new Date(),
        idempotency_key: `race-offer-${i}-${Date.now()}`,
      })),
    );
    // The desk is signed in and unlocked at the real time before the twenty race.
    expectOk(await call('waitlist.offers', {}));
    const [answers, desks] = await Promise.all([
      Promise.allSettled(patients.map((p) => reply(p.phone, 'YES'))),
      Promise.all(Array.from({ length: 20 }, (_, i) => h.call('waitlist.takeOffer', { id: offers[i % offers.length]!.id }, desk.receptionist))),
    ]);
    expect(answers.filter((a) => a.status === 'rejected')).toEqual([]);
    const taken = await h
      .knex('inbound_messages')
      .whereIn(
        'from_address',
        patients.map((p) => p.phone),
      )
      .where({ action: 'OFFER_TAKEN' })
      .count<{ n: number }[]>({ n: '*' });
    expect(Number(taken[0]!.n) + desks.filter((r) => r.ok).length).toBe(1);
    expect(desks.filter((r) => !r.ok && r.error.code === 'CONFLICT')).toHaveLength(20 - desks.filter((r) => r.ok).length);
    expect(await liveAt(day, '11:00:00')).toHaveLength(1);
  });
});
