import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName, AppointmentDto, Res } from '../../preload/contract';
import { MODES, type Mode } from '../support/databases';
import { expectOk, startHarness, type Harness } from '../support/harness';
import { raceTest } from '../support/race-test';

// The clinic's clock (UTC) reads 2099-03-01 08:00; the freed times are on Monday 2099-03-02.
const TODAY = '2099-03-01';
const MON = '2099-03-02';

type Offers = Res<'waitlist.offers'>;

describe.each(MODES)('the waitlist (%s)', (mode: Mode) => {
  let h: Harness;
  let desk: { sessionKey: string };
  let drA: number;
  let drB: number;
  let patients: number[];

  beforeAll(async () => {
    h = await startHarness(mode);
    h.clock.now = Date.parse(`${TODAY}T08:00:00Z`);
    desk = await h.signInAs('RECEPTIONIST');
    [{ id: drA }, { id: drB }] = await h
      .knex('doctor_entities')
      .insert([
        { name: 'Dr. Asha Rao', email: 'asha@wait.test', specialization: 'ENT' },
        { name: 'Dr. Vikram Sen', email: 'vikram@wait.test', specialization: 'ENT' },
      ])
      .returning('id');
    patients = (
      await h
        .knex('patient_entities')
        .insert(Array.from({ length: 30 }, (_, i) => ({ name: `Patient ${i}`, email: `p${i}@wait.test` })))
        .returning('id')
    ).map((r: { id: number }) => r.id);
    await h
      .knex('doctor_availabilities')
      .insert([drA, drB].map((doctor_id) => ({ doctor_id, date: MON, start_time: '09:00', end_time: '17:00', slot_minutes: 15 })));
  });
  afterAll(() => h.dispose());

  const call = <C extends ChannelName>(channel: C, payload: Record<string, unknown>) => h.callRaw(channel, payload, desk.sessionKey);
  const book = async (patientId: number, doctorId: number, startTime: string) =>
    expectOk<AppointmentDto>(
      await call('appointments.book', {
        patientId,
        doctorId,
        date: MON,
        startTime,
        endTime: `${startTime.slice(0, 3)}${String(Number(startTime.slice(3)) + 15).padStart(2, '0')}`,
      }),
    );
  const offers = async () => expectOk<Offers>(await call('waitlist.offers', {}));
  /** `work` with the clinic's clock on Monday at `time`, as a desk signed in then (the first desk's session would be idle-locked a day later). */
  const onMondayAt = async (time: string, work: (sessionKey: string) => Promise<void>) => {
    const saved = h.clock.now;
    h.clock.now = Date.parse(`${MON}T${time}Z`);
    try {
      await work((await h.signInAs('RECEPTIONIST')).sessionKey);
    } finally {
      h.clock.now = saved;
    }
  };
  /** A doctor of another specialization, working Monday: no entry of the other tests matches them. */
  const doctorOfTheirOwn = async (name: string, specialization: string): Promise<number> => {
    const [{ id }] = await h
      .knex('doctor_entities')
      .insert({ name, email: `${specialization.toLowerCase()}@wait.test`, specialization })
      .returning('id');
    await h.knex('doctor_availabilities').insert({ doctor_id: id, date: MON, start_time: '09:00', end_time: '17:00', slot_minutes: 15 });
    return id;
  };

  it('offers a cancelled slot to the best match: the most urgent, then this very doctor, then the longest waiting', async () => {
    const add = async (payload: Record<string, unknown>) => expectOk<{ id: number }>(await call('waitlist.add', { fromDate: TODAY, toDate: MON, ...payload }));
    const routine = await add({ patientId: patients[0], doctorId: drA });
    const specialty = await add({ patientId: patients[1], specialization: 'ENT', urgency: 'SOON' });
    const soonHere = await add({ patientId: patients[2], doctorId: drA, urgency: 'SOON' });
    const afternoons = await add({ patientId: patients[3], doctorId: drA, urgency: 'URGENT', timeFrom: '14:00' });
    expect(await call('waitlist.add', { patientId: patients[4], doctorId: drA, fromDate: '2099-02-01', toDate: '2099-02-02' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'toDate' },
    });
    expect(await call('waitlist.add', { patientId: patients[4], fromDate: TODAY, toDate: MON })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'doctorId' },
    });

    const a = await book(patients[10]!, drA, '10:00');
    expectOk(await call('appointments.cancel', { id: a.id, reason: 'Patient travelling' }));
    // URGENT wants afternoons only; of the SOON ones, Dr. Rao's own patient before "any ENT doctor".
    const [first] = await offers();
    expect(first).toMatchObject({ doctorId: drA, date: MON, startTime: '10:00:00', endTime: '10:15:00', status: 'OPEN', entry: { id: soonHere.id } });

    // The next freed time goes to the next best (an entry with an open offer waits for its answer).
    const b = await book(patients[11]!, drA, '11:00');
    expectOk(await call('appointments.cancel', { id: b.id, reason: 'Unwell' }));
    expect((await offers()).map((o) => [o.startTime, o.entry.id])).toEqual([
      ['10:00:00', soonHere.id],
      ['11:00:00', specialty.id],
    ]);
    // A move gives its old time back too.
    const c = await book(patients[12]!, drA, '15:00');
    expectOk(await call('appointments.reschedule', { id: c.id, date: MON, startTime: '16:00' }));
    expect((await offers()).find((o) => o.startTime === '15:00:00')?.entry.id).toBe(afternoons.id);
    expect((await offers()).some((o) => o.entry.id === routine.id)).toBe(false);
  });

  it('the desk books an offer for its patient; the entry leaves the list', async () => {
    const offer = (await offers()).find((o) => o.startTime === '10:00:00')!;
    const booked = expectOk<AppointmentDto>(await call('waitlist.takeOffer', { id: offer.id }));
    expect(booked).toMatchObject({ patientId: offer.entry.patientId, doctorId: drA, date: MON, startTime: '10:00:00', endTime: '10:15:00' });
    expect((await offers()).some((o) => o.id === offer.id)).toBe(false);
    const waiting = expectOk<{ id: number }[]>(await call('waitlist.list', { doctorId: drA }));
    expect(waiting.some((e) => e.id === offer.entry.id)).toBe(false);
    expect(await call('waitlist.takeOffer', { id: offer.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'This offer has already been booked' },
    });
  });

  it('an offer whose time was taken meanwhile is closed as gone, and says so', async () => {
    const offer = (await offers()).find((o) => o.startTime === '11:00:00')!;
    await book(patients[13]!, drA, '11:00');
    expect(await call('waitlist.takeOffer', { id: offer.id })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: expect.stringContaining('This time has gone'),
        // The booking's own refusal, as a sentence inside this one: the desk says both in its language.
        phrase: {
          text: 'This time has gone: {0}',
          values: [
            { text: '{0} already has an appointment {1}–{2} on {3} ({4})', values: ['Dr. Asha Rao', '11:00', '11:15', expect.any(String), 'Patient 13'] },
          ],
        },
      },
    });
    expect(await h.knex('waitlist_offers').where({ id: offer.id }).first('status')).toEqual({ status: 'GONE' });
    expect(await h.knex('waitlist_entries').where({ id: offer.entry.id }).first('status')).toEqual({ status: 'WAITING' });
  });

  it('a take is one commit: when the entry cannot be closed, nothing is booked, the offer stays open and the patient waiting', async () => {
    const [{ id: entryId }] = await h
      .knex('waitlist_entries')
      .insert({ patient_id: patients[7], doctor_id: drB, from_date: TODAY, to_date: MON })
      .returning('id');
    const [{ id: offerId }] = await h
      .knex('waitlist_offers')
      .insert({ entry_id: entryId, doctor_id: drB, date: MON, start_time: '09:30', end_time: '09:45' })
      .returning('id');
    const slotTaken = () =>
      h.knex('appointment_entities').where({ doctor_id: drB, appointment_date: MON, start_time: '09:30' }).count<{ n: number }[]>({ n: '*' });
    // A fault at the entry's close, the take's last write but one (the app's connections run as the runtime role).
    await h.knex.transaction(async (trx) => {
      await trx.raw('SET LOCAL ROLE NONE');
      await trx.raw(`CREATE FUNCTION test_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected fault'; END $$`);
      await trx.raw(`CREATE TRIGGER test_fault BEFORE UPDATE ON waitlist_entries FOR EACH ROW WHEN (NEW.status = 'BOOKED') EXECUTE FUNCTION test_fault()`);
    });
    try {
      expect(await call('waitlist.takeOffer', { id: offerId })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    } finally {
      await h.knex.transaction(async (trx) => {
        await trx.raw('SET LOCAL ROLE NONE');
        await trx.raw('DROP TRIGGER test_fault ON waitlist_entries');
        await trx.raw('DROP FUNCTION test_fault()');
      });
    }
    expect(await slotTaken()).toEqual([{ n: 0 }]);
    expect(await h.knex('waitlist_offers').where({ id: offerId }).first('status')).toEqual({ status: 'OPEN' });
    expect(await h.knex('waitlist_entries').where({ id: entryId }).first('status', 'booked_appointment_id')).toEqual({
      status: 'WAITING',
      booked_appointment_id: null,
    });
    // The fault gone, the same offer books, once.
    const booked = expectOk<AppointmentDto>(await call('waitlist.takeOffer', { id: offerId }));
    expect(await slotTaken()).toEqual([{ n: 1 }]);
    expect(await h.knex('waitlist_entries').where({ id: entryId }).first('status', 'booked_appointment_id')).toEqual({
      status: 'BOOKED',
      booked_appointment_id: booked.id,
    });
  });

  it('entries expire with their date range and can be removed', async () => {
    const listed = async () => expectOk<{ id: number }[]>(await call('waitlist.list', {})).map((e) => e.id);
    const old = (
      await h.knex('waitlist_entries').insert({ patient_id: patients[5], doctor_id: drB, from_date: '2099-02-01', to_date: '2099-02-28' }).returning('id')
    )[0].id;
    const entry = expectOk<{ id: number }>(await call('waitlist.add', { patientId: patients[6], doctorId: drB, fromDate: TODAY, toDate: MON }));
    expect(await listed()).not.toContain(old);
    expect(await listed()).toContain(entry.id);
    expect(await call('waitlist.remove', { id: entry.id })).toMatchObject({ ok: true, value: { status: 'REMOVED' } });
    expect(await listed()).not.toContain(entry.id);
    expect(await call('waitlist.remove', { id: entry.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call('waitlist.remove', { id: 2_000_000_000 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'No such waitlist entry' } });
  });

  it('an entry taken off the waitlist takes its open offer with it: gone, and off the desks’ list', async () => {
    const entry = expectOk<{ id: number }>(await call('waitlist.add', { patientId: patients[8], doctorId: drB, fromDate: TODAY, toDate: MON }));
    const [{ id: offerId }] = await h
      .knex('waitlist_offers')
      .insert({ entry_id: entry.id, doctor_id: drB, date: MON, start_time: '16:00', end_time: '16:15' })
      .returning('id');
    expect((await offers()).map((o) => o.id)).toContain(offerId);
    expectOk(await call('waitlist.remove', { id: entry.id }));
    expect((await offers()).map((o) => o.id)).not.toContain(offerId);
    expect(await h.knex('waitlist_offers').where({ id: offerId }).first('status')).toEqual({ status: 'GONE' });
    // Never sent by message, so nobody is told it has gone.
    expect(await h.knex('patient_messages').where({ waitlist_offer_id: offerId })).toEqual([]);
  });

  it('the time offered to an entry taken off the waitlist goes on to the next best match, if it is still free', async () => {
    const drC = await doctorOfTheirOwn('Dr. Meera Iyer', 'Dermatology');
    const add = async (patientId: number, urgency: string) =>
      expectOk<{ id: number }>(await call('waitlist.add', { patientId, doctorId: drC, fromDate: TODAY, toDate: MON, urgency }));
    const first = await add(patients[20]!, 'URGENT');
    const second = await add(patients[21]!, 'SOON');
    const third = await add(patients[22]!, 'ROUTINE');
    const freeUp = async (patientId: number, startTime: string) => {
      const a = await book(patientId, drC, startTime);
      expectOk(await call('appointments.cancel', { id: a.id, reason: 'Patient travelling' }));
    };
    const offered = async () => (await offers()).filter((o) => o.doctorId === drC).map((o) => [o.startTime, o.entry.id]);
    await freeUp(patients[23]!, '14:00');
    await freeUp(patients[24]!, '14:30');
    expect(await offered()).toEqual([
      ['14:00:00', first.id],
      ['14:30:00', second.id],
    ]);

    // 14:30 is booked at the desk meanwhile: taking its entry off offers it to nobody.
    await book(patients[25]!, drC, '14:30');
    expectOk(await call('waitlist.remove', { id: second.id }));
    expect(await offered()).toEqual([['14:00:00', first.id]]);
    // 14:00 is still free: it goes on to the next best, the entry removed never again.
    expectOk(await call('waitlist.remove', { id: first.id }));
    expect(await offered()).toEqual([['14:00:00', third.id]]);

    // A moved visit's old time, then the visit moved back into it: the time is the offer's, and
    // now taken, so taking its entry off offers it to nobody.
    const fourth = await add(patients[26]!, 'ROUTINE');
    const moving = await book(patients[27]!, drC, '15:00');
    expectOk(await call('appointments.reschedule', { id: moving.id, date: MON, startTime: '15:30' }));
    expect(await offered()).toEqual([
      ['14:00:00', third.id],
      ['15:00:00', fourth.id],
    ]);
    expectOk(await call('appointments.reschedule', { id: moving.id, date: MON, startTime: '15:00' }));
    const fifth = await add(patients[28]!, 'ROUTINE');
    expectOk(await call('waitlist.remove', { id: fourth.id }));
    expect(await offered()).toEqual([['14:00:00', third.id]]);
    expect((await offers()).some((o) => o.entry.id === fifth.id)).toBe(false);
  });

  it('a time offered to an entry taken off the waitlist once that time is over goes to nobody', async () => {
    const drD = await doctorOfTheirOwn('Dr. Kiran Das', 'Psychiatry');
    const add = async (patientId: number) => expectOk<{ id: number }>(await call('waitlist.add', { patientId, doctorId: drD, fromDate: TODAY, toDate: MON }));
    const [first, second] = [await add(patients[16]!), await add(patients[17]!)];
    const freed = await book(patients[29]!, drD, '16:00');
    expectOk(await call('appointments.cancel', { id: freed.id, reason: 'Unwell' }));
    const offered = async () => (await offers()).filter((o) => o.doctorId === drD).map((o) => o.entry.id);
    expect(await offered()).toEqual([first.id]);
    await onMondayAt('16:20:00', async (later) => {
      expectOk(await h.callRaw('waitlist.remove', { id: first.id }, later));
      expect(await h.knex('waitlist_offers').where({ entry_id: second.id })).toEqual([]);
    });
  });

  it('a no-show gives back what is left of its slot, offered at once; a slot already over gives nothing', async () => {
    const entry = expectOk<{ id: number }>(
      await call('waitlist.add', { patientId: patients[7], doctorId: drB, fromDate: TODAY, toDate: MON, urgency: 'URGENT' }),
    );
    const missed = await book(patients[14]!, drB, '10:00');
    const over = await book(patients[15]!, drB, '09:00');
    await onMondayAt('10:05:30', async (later) => {
      expectOk(await h.callRaw('appointments.noShow', { id: over.id }, later));
      expect(await h.knex('waitlist_offers').where({ freed_appointment_id: over.id })).toEqual([]);
      expectOk(await h.callRaw('appointments.noShow', { id: missed.id }, later));
      const offer = expectOk<Offers>(await h.callRaw('waitlist.offers', {}, later)).find((o) => o.entry.id === entry.id);
      expect(offer).toMatchObject({ doctorId: drB, date: MON, startTime: '10:05:00', endTime: '10:15:00' });
      expect(expectOk<AppointmentDto>(await h.callRaw('waitlist.takeOffer', { id: offer!.id }, later))).toMatchObject({
        patientId: patients[7],
        startTime: '10:05:00',
        endTime: '10:15:00',
      });
    });
  });

  it('new working time is offered at once: extra hours, and leave taken back', async () => {
    const admin = await h.signInAs('ADMIN');
    const asAdmin = <C extends ChannelName>(channel: C, payload: Record<string, unknown>) => h.callRaw(channel, payload, admin.sessionKey);
    // Urgent, so that no one left waiting by the tests before (of any ENT doctor) comes first.
    const add = async (patientId: number) =>
      expectOk<{ id: number }>(await call('waitlist.add', { patientId, doctorId: drB, fromDate: TODAY, toDate: MON, urgency: 'URGENT' }));
    const offered = async (entryId: number) => (await offers()).filter((o) => o.entry.id === entryId).map((o) => [o.startTime, o.endTime]);
    const first = await add(patients[8]!);
    const second = await add(patients[9]!);
    // Two half-hour slots of an extra evening: one each, the longest waiting first.
    expectOk(await asAdmin('availability.addException', { doctorId: drB, date: MON, kind: 'EXTRA', startTime: '18:00', endTime: '19:00', slotMinutes: 30 }));
    expect(await offered(first.id)).toEqual([['18:00:00', '18:30:00']]);
    expect(await offered(second.id)).toEqual([['18:30:00', '19:00:00']]);

    const leave = expectOk(await asAdmin('availability.addException', { doctorId: drB, date: MON, kind: 'LEAVE', startTime: '16:00', endTime: '17:00' }));
    expect(leave.status).toBe('saved');
    const later = await add(patients[16]!);
    expect(await offered(later.id)).toEqual([]);
    expectOk(await asAdmin('availability.removeWindow', { id: 'window' in leave && leave.window?.id }));
    expect(await offered(later.id)).toEqual([['16:00:00', '16:15:00']]);
  });

  it('an entry wanting a type is offered only freed time that type fits, and is booked as that type', async () => {
    const admin = await h.signInAs('ADMIN');
    const [{ id: drC }] = await h
      .knex('doctor_entities')
      .insert({ name: 'Dr. Nila Das', email: 'nila@wait.test', specialization: 'Skin', consultation_fee: '500.00' })
      .returning('id');
    await h.knex('doctor_availabilities').insert({ doctor_id: drC, date: MON, start_time: '09:00', end_time: '17:00', slot_minutes: 15 });
    const type = async (name: string, durationMinutes: number, fee: string) =>
      expectOk<{ id: number }>(await h.callRaw('appointmentTypes.create', { name, durationMinutes, fee, doctors: [{ doctorId: drC }] }, admin.sessionKey));
    const long = await type('Long consult', 30, '900');
    const short = await type('Quick review', 10, '300');
    const add = (payload: Record<string, unknown>) => call('waitlist.add', { fromDate: TODAY, toDate: MON, ...payload });

    const entriesBefore = await h.knex('waitlist_entries').count<{ n: number }[]>({ n: '*' });
    expect(await add({ patientId: patients[26], doctorId: drA, appointmentTypeId: long.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', message: 'Dr. Asha Rao does not offer Long consult', field: 'appointmentTypeId' },
    });
    expect(await add({ patientId: patients[26], specialization: 'ENT', appointmentTypeId: long.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', message: 'No ENT doctor offers Long consult', field: 'appointmentTypeId' },
    });
    expect(await h.knex('waitlist_entries').count<{ n: number }[]>({ n: '*' })).toEqual(entriesBefore);

    const wantsLong = expectOk<{ id: number }>(await add({ patientId: patients[26], doctorId: drC, appointmentTypeId: long.id, urgency: 'URGENT' }));
    const wantsShort = expectOk<{ id: number }>(await add({ patientId: patients[27], specialization: 'Skin', appointmentTypeId: short.id, urgency: 'SOON' }));
    const offersOf = async (entryId: number) => (await offers()).filter((o) => o.entry.id === entryId).map((o) => [o.startTime, o.endTime]);

    // A quarter of an hour: too short for the urgent patient's long consult, so the quick review has it, for its own length.
    const quarter = await book(patients[28]!, drC, '10:00');
    expectOk(await call('appointments.cancel', { id: quarter.id, reason: 'Unwell' }));
    expect(await offersOf(wantsLong.id)).toEqual([]);
    expect(await offersOf(wantsShort.id)).toEqual([['10:00:00', '10:10:00']]);
    // Half an hour fits the long consult.
    const half = expectOk<AppointmentDto>(
      await call('appointments.book', { patientId: patients[29], doctorId: drC, date: MON, startTime: '11:00', endTime: '11:30' }),
    );
    expectOk(await call('appointments.cancel', { id: half.id, reason: 'Travelling' }));
    expect(await offersOf(wantsLong.id)).toEqual([['11:00:00', '11:30:00']]);

    const offer = (await offers()).find((o) => o.entry.id === wantsShort.id)!;
    expect(expectOk<AppointmentDto>(await call('waitlist.takeOffer', { id: offer.id }))).toMatchObject({
      patientId: patients[27],
      doctorId: drC,
      startTime: '10:00:00',
      endTime: '10:10:00',
      appointmentTypeId: short.id,
      appointmentTypeName: 'Quick review',
      fee: '300.00',
    });
  });

  it('a weekly pattern expanded into new days offers their free time at once, like other freed time', async () => {
    const admin = await h.signInAs('ADMIN');
    const asAdmin = <C extends ChannelName>(channel: C, payload: Record<string, unknown>) => h.callRaw(channel, payload, admin.sessionKey);
    const [{ id: drD }] = await h.knex('doctor_entities').insert({ name: 'Dr. Ravi Menon', email: 'ravi@wait.test', specialization: 'Eyes' }).returning('id');
    const entry = expectOk<{ id: number }>(
      await call('waitlist.add', { patientId: patients[5], doctorId: drD, fromDate: TODAY, toDate: MON, timeFrom: '10:00' }),
    );
    expectOk(
      await asAdmin('availability.saveTemplate', {
        doctorId: drD,
        rules: [{ weekday: 1, startTime: '09:00', endTime: '12:00', slotMinutes: 20 }],
        validFrom: TODAY,
      }),
    );
    expect(expectOk<{ created: number }>(await asAdmin('availability.expand', { doctorId: drD, from: TODAY, to: '2099-03-08' })).created).toBe(1);
    expect((await offers()).filter((o) => o.entry.id === entry.id).map((o) => [o.date, o.startTime, o.endTime])).toEqual([[MON, '10:00:00', '10:20:00']]);
  });

  raceTest(mode)('20 desks taking offers of one freed slot: exactly one is booked', async () => {
    const freed = await book(patients[20]!, drB, '13:00');
    const entries = [];
    for (const p of patients.slice(21, 25))
      entries.push(expectOk<{ id: number }>(await call('waitlist.add', { patientId: p, doctorId: drB, fromDate: TODAY, toDate: MON })));
    expectOk(await call('appointments.cancel', { id: freed.id, reason: 'Cancelled by phone' }));
    // Every desk offers the same time to a waiting patient of its own, as an automatic offer would.
    const offerIds = (
      await h
        .knex('waitlist_offers')
        .insert(entries.slice(1).map((e) => ({ entry_id: e.id, doctor_id: drB, date: MON, start_time: '13:00', end_time: '13:15' })))
        .returning('id')
    ).map((r: { id: number }) => r.id);
    // The cancellation's own offer went to the best match waiting then (whoever it is).
    offerIds.push((await h.knex('waitlist_offers').where({ freed_appointment_id: freed.id }).first('id')).id);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => call('waitlist.takeOffer', { id: offerIds[i % offerIds.length] })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === 'CONFLICT')).toHaveLength(19);
    expect(
      await h
        .knex('appointment_entities')
        .where({ doctor_id: drB, appointment_date: MON, start_time: '13:00' })
        .whereNot('status', 'CANCELLED')
        .count<{ n: number }[]>({ n: '*' }),
    ).toEqual([{ n: 1 }]);
  });
});
