import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentDto } from '../../preload/contract';
import { MODES, type Mode } from '../support/databases';
import { databaseSnapshot, expectOk, startHarness, type Harness } from '../support/harness';

// The clinic's clock (UTC) reads 10:00:30 on TODAY; its edges are what these tests are about.
const TODAY = '2099-05-04';
const TOMORROW = '2099-05-05';
const YESTERDAY = '2099-05-03';

/**
 * The appointment book's time rules at their edges (now, a minute either side, another day), each
 * refusal in its own words and at its field, writing nothing; and the steps that keep or drop a
 * check-in.
 */
describe.each(MODES)('appointments: the rules at their edges (%s)', (mode: Mode) => {
  let h: Harness;
  let desk: string;
  let patients: number[];
  let next = 0;
  let doctors = 0;

  beforeAll(async () => {
    h = await startHarness(mode);
    h.clock.now = Date.parse(`${TODAY}T10:00:30Z`);
    desk = (await h.signInAs('RECEPTIONIST')).sessionKey;
    patients = (
      await h
        .knex('patient_entities')
        .insert(Array.from({ length: 100 }, (_, i) => ({ name: `Edge Patient ${i}`, email: `p${i}@rules.test` })))
        .returning('id')
    ).map((r: { id: number }) => r.id);
  });
  afterAll(() => h?.dispose());

  /** A doctor of its own for each case, working all day around today, so no case's bookings meet another's. */
  async function newDoctor(): Promise<number> {
    const n = ++doctors;
    const [{ id }] = await h
      .knex('doctor_entities')
      .insert({ name: `Dr. Edge ${n}`, email: `edge${n}@rules.test` })
      .returning('id');
    await h
      .knex('doctor_availabilities')
      .insert([YESTERDAY, TODAY, TOMORROW].map((date) => ({ doctor_id: id, date, start_time: '00:00', end_time: '24:00', slot_minutes: 15 })));
    return id;
  }

  /** An appointment put straight in the book, with a patient and a doctor of its own. */
  async function appointment(date: string, startTime: string, endTime: string, extra: Record<string, unknown> = {}): Promise<number> {
    const [{ id }] = await h
      .knex('appointment_entities')
      .insert({ patient_id: patients[next++], doctor_id: await newDoctor(), appointment_date: date, start_time: startTime, end_time: endTime, ...extra })
      .returning('id');
    return id;
  }

  async function refused(channel: string, payload: Record<string, unknown>, error: { code: string; field: string; message: string }) {
    const before = await databaseSnapshot(h.knex, ['audit_log']);
    expect(await h.callRaw(channel, payload, desk)).toMatchObject({ ok: false, error });
    expect(await databaseSnapshot(h.knex, ['audit_log'])).toBe(before);
  }

  /** A step that answers with the appointment, made as the desk. */
  const ok = async (
    channel: 'appointments.book' | 'appointments.noShow' | 'appointments.complete' | 'appointments.checkIn' | 'appointments.reschedule' | 'appointments.walkIn',
    payload: Record<string, unknown>,
  ): Promise<AppointmentDto> => expectOk(await h.callRaw(channel, payload, desk));

  /** DDL as the database's owner, in one transaction: the app's connections run as the runtime role. */
  const asOwner = (statements: readonly string[]) =>
    h.knex.transaction(async (trx) => {
      await trx.raw('SET LOCAL ROLE NONE');
      for (const sql of statements) await trx.raw(sql);
    });

  /** Someone new on the waitlist for this doctor, today and tomorrow: the entry's id. */
  const waitingFor = async (doctorId: number): Promise<number> =>
    expectOk<{ id: number }>(
      await h.callRaw('waitlist.add', { patientId: patients[next++], doctorId, fromDate: TODAY, toDate: TOMORROW, urgency: 'URGENT' }, desk),
    ).id;
  /** The offers made to one waitlist entry. */
  const offersTo = async (entryId: number) =>
    expectOk<{ entry: { id: number }; date: string; startTime: string; endTime: string }[]>(await h.callRaw('waitlist.offers', {}, desk)).filter(
      (o) => o.entry.id === entryId,
    );

  it('a patient is marked as not coming from the appointment’s minute on, never before', async () => {
    const notYet = 'A patient can be marked as not coming only once the appointment time has come';
    await refused('appointments.noShow', { id: await appointment(TODAY, '10:01', '10:15') }, { code: 'CONFLICT', field: 'id', message: notYet });
    await refused('appointments.noShow', { id: await appointment(TOMORROW, '09:00', '09:15') }, { code: 'CONFLICT', field: 'id', message: notYet });
    // Today, with the clock half a minute past its start: the time has come.
    expect((await ok('appointments.noShow', { id: await appointment(TODAY, '10:00', '10:15') })).status).toBe('NO_SHOW');
    expect((await ok('appointments.noShow', { id: await appointment(TODAY, '09:00', '09:15') })).status).toBe('NO_SHOW');
    // A later hour of an earlier day has come too.
    expect((await ok('appointments.noShow', { id: await appointment(YESTERDAY, '23:00', '23:15') })).status).toBe('NO_SHOW');
  });

  it('at the appointment’s very second the time has come', async () => {
    const held = h.clock.now;
    h.clock.now = Date.parse(`${TODAY}T10:00:00Z`);
    try {
      expect((await ok('appointments.noShow', { id: await appointment(TODAY, '10:00', '10:15') })).status).toBe('NO_SHOW');
    } finally {
      h.clock.now = held;
    }
  });

  it('a doctor’s hours are bent only by a DOCTOR account: one changed to another role keeps its link but not the right', async () => {
    const doctor = await newDoctor();
    const { userId, sessionKey } = await h.signInAs('DOCTOR', { doctorId: doctor });
    // The users service unlinks on a role change; the database does not insist, so an older row may still carry it.
    await h.knex('users').where({ id: userId }).update({ role: 'RECEPTIONIST' });
    h.services.sessions.signIn(`${sessionKey}-again`, userId);
    const payload = { patientId: patients[next++], doctorId: doctor, date: '2099-05-06', startTime: '10:00', override: { reason: 'After clinic' } };
    const before = await databaseSnapshot(h.knex, ['audit_log']);
    expect(await h.callRaw('appointments.book', payload, `${sessionKey}-again`)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'override' } });
    expect(await databaseSnapshot(h.knex, ['audit_log'])).toBe(before);
  });

  it('the current minute may still be booked; the one before it has passed', async () => {
    const doctor = await newDoctor();
    expect(await ok('appointments.book', { patientId: patients[next++], doctorId: doctor, date: TODAY, startTime: '10:00' })).toMatchObject({
      startTime: '10:00:00',
      endTime: '10:15:00',
    });
    await refused(
      'appointments.book',
      { patientId: patients[next++], doctorId: doctor, date: TODAY, startTime: '09:59' },
      { code: 'INVALID', field: 'startTime', message: 'That time has already passed' },
    );
    await refused(
      'appointments.book',
      { patientId: patients[next++], doctorId: doctor, date: YESTERDAY, startTime: '23:45' },
      { code: 'INVALID', field: 'startTime', message: 'That time has already passed' },
    );
  });

  it('a booking that would run past midnight is refused at its start time', async () => {
    const doctor = await newDoctor();
    const type = (await h.knex('appointment_types').insert({ name: 'Long review', duration_minutes: 60 }).returning('id'))[0].id as number;
    await h.knex('doctor_appointment_types').insert({ doctor_id: doctor, appointment_type_id: type });
    await refused(
      'appointments.book',
      { patientId: patients[next++], doctorId: doctor, date: TOMORROW, startTime: '23:30', appointmentTypeId: type },
      { code: 'INVALID', field: 'startTime', message: 'The appointment would run past midnight' },
    );
    // Ending exactly at midnight is the day's last hour, not past it.
    expect(
      await ok('appointments.book', { patientId: patients[next++], doctorId: doctor, date: TOMORROW, startTime: '23:00', appointmentTypeId: type }),
    ).toMatchObject({ startTime: '23:00:00', endTime: '24:00:00' });
  });

  it('a visit is completed on its day or later, never ahead of it', async () => {
    await refused(
      'appointments.complete',
      { id: await appointment(TOMORROW, '09:00', '09:15') },
      { code: 'CONFLICT', field: 'id', message: 'An appointment on a later day cannot be completed yet' },
    );
    expect((await ok('appointments.complete', { id: await appointment(TODAY, '11:00', '11:15') })).status).toBe('COMPLETED');
    expect((await ok('appointments.complete', { id: await appointment(YESTERDAY, '11:00', '11:15') })).status).toBe('COMPLETED');
  });

  it('a completion’s recall is due from today, with its reason, its visit and its doctor', async () => {
    const visit = await appointment(YESTERDAY, '12:00', '12:15');
    expectOk(await h.callRaw('appointments.complete', { id: visit, recall: { inDays: 10, reason: 'Check the wound' } }, desk));
    const made = await h.knex('appointment_entities').where({ id: visit }).first('doctor_id', 'patient_id');
    expect(await h.knex('recalls').where({ source_appointment_id: visit }).select('due_date', 'reason', 'doctor_id', 'patient_id')).toEqual([
      { due_date: '2099-05-14', reason: 'Check the wound', ...made },
    ]);
    const silent = await appointment(TODAY, '12:00', '12:15');
    expectOk(await h.callRaw('appointments.complete', { id: silent, recall: { inDays: 7, reason: '' } }, desk));
    expect(await h.knex('recalls').where({ source_appointment_id: silent }).select('due_date', 'reason')).toEqual([{ due_date: '2099-05-11', reason: null }]);
    const without = await appointment(TODAY, '12:30', '12:45');
    expectOk(await h.callRaw('appointments.complete', { id: without }, desk));
    expect(await h.knex('recalls').where({ source_appointment_id: without })).toEqual([]);
  });

  it('each step refused on an appointment that is no longer scheduled says its state', async () => {
    const cancelled = await appointment(TOMORROW, '10:00', '10:15', { status: 'CANCELLED', cancel_reason: 'Called off' });
    const done = await appointment(TODAY, '08:00', '08:15', { status: 'COMPLETED' });
    const missed = await appointment(TODAY, '08:30', '08:45', { status: 'NO_SHOW' });
    await refused(
      'appointments.reschedule',
      { id: cancelled, date: TOMORROW, startTime: '11:00' },
      { code: 'CONFLICT', field: 'id', message: 'This appointment is cancelled; only a scheduled one can be moved' },
    );
    await refused(
      'appointments.reschedule',
      { id: missed, date: TOMORROW, startTime: '11:00' },
      { code: 'CONFLICT', field: 'id', message: 'This appointment is marked as no-show; only a scheduled one can be moved' },
    );
    await refused('appointments.checkIn', { id: done }, { code: 'CONFLICT', field: 'id', message: 'This appointment is completed' });
    await refused(
      'appointments.cancel',
      { id: missed, reason: 'Too late' },
      { code: 'CONFLICT', field: 'id', message: 'This appointment is already marked as no-show, so it cannot be cancelled' },
    );
    await refused(
      'appointments.noShow',
      { id: done },
      { code: 'CONFLICT', field: 'id', message: 'This appointment is already completed, so it cannot be marked as no-show' },
    );
    await refused(
      'appointments.complete',
      { id: missed },
      { code: 'CONFLICT', field: 'id', message: 'This appointment is already marked as no-show, so it cannot be completed' },
    );
    await refused(
      'appointments.cancel',
      { id: 2_000_000_000, reason: 'Nobody' },
      { code: 'NOT_FOUND', field: 'id', message: 'That appointment no longer exists' },
    );
  });

  it('check-in is for today only, gives a token once, and a second check-in changes nothing', async () => {
    await refused(
      'appointments.checkIn',
      { id: await appointment(TOMORROW, '12:00', '12:15') },
      { code: 'CONFLICT', field: 'id', message: `Check-in is for today's appointments; this one is on ${TOMORROW}` },
    );
    await refused(
      'appointments.checkIn',
      { id: await appointment(YESTERDAY, '12:30', '12:45') },
      { code: 'CONFLICT', field: 'id', message: `Check-in is for today's appointments; this one is on ${YESTERDAY}` },
    );
    const id = await appointment(TODAY, '13:00', '13:15');
    const first = await ok('appointments.checkIn', { id });
    expect(first.tokenNo).toEqual(expect.any(Number));
    expect(first.checkedInAt).toEqual(expect.any(String));
    const before = await databaseSnapshot(h.knex, ['audit_log']);
    expect(await ok('appointments.checkIn', { id })).toMatchObject({ tokenNo: first.tokenNo, checkedInAt: first.checkedInAt });
    expect(await databaseSnapshot(h.knex, ['audit_log'])).toBe(before);
    expect(await h.knex('appointment_history').where({ appointment_id: id }).select('kind', 'detail')).toEqual([
      { kind: 'CHECKED_IN', detail: { tokenNo: first.tokenNo } },
    ]);
  });

  it('a move within the day keeps the check-in and its token; a move to another day drops both', async () => {
    const id = await appointment(TODAY, '14:00', '14:15');
    const { tokenNo } = await ok('appointments.checkIn', { id });
    expect(await ok('appointments.reschedule', { id, date: TODAY, startTime: '14:30' })).toMatchObject({
      startTime: '14:30:00',
      endTime: '14:45:00',
      tokenNo,
      checkedInAt: expect.any(String),
    });
    expect(await ok('appointments.reschedule', { id, date: TOMORROW, startTime: '14:30' })).toMatchObject({
      date: TOMORROW,
      tokenNo: null,
      checkedInAt: null,
    });
  });

  it('a move keeps the appointment’s length unless it is given an end', async () => {
    const id = await appointment(TOMORROW, '15:00', '15:40');
    expect(await ok('appointments.reschedule', { id, date: TOMORROW, startTime: '16:00' })).toMatchObject({ startTime: '16:00:00', endTime: '16:40:00' });
    expect(await ok('appointments.reschedule', { id, date: TOMORROW, startTime: '17:00', endTime: '17:10' })).toMatchObject({ endTime: '17:10:00' });
  });

  it('the day and week views read at most 31 days at a time', async () => {
    const doctor = await newDoctor();
    const [{ id }] = await h
      .knex('appointment_entities')
      .insert({ patient_id: patients[next++], doctor_id: doctor, appointment_date: '2099-06-30', start_time: '09:00', end_time: '09:15' })
      .returning('id');
    const month = expectOk<AppointmentDto[]>(await h.callRaw('appointments.list', { doctorIds: [doctor], from: '2099-05-31', to: '2099-06-30' }, desk));
    expect(month.map((a) => a.id)).toContain(id);
    await refused(
      'appointments.list',
      { doctorIds: [doctor], from: '2099-05-30', to: '2099-06-30' },
      { code: 'INVALID', field: 'to', message: 'Choose at most 31 days at a time' },
    );
  });

  it('a walk-in needs a known patient, and a priority given at the desk goes on its trail', async () => {
    const doctor = await newDoctor();
    await refused(
      'appointments.walkIn',
      { patientId: 2_000_000_000, doctorId: doctor },
      { code: 'NOT_FOUND', field: 'patientId', message: 'No patient has this number' },
    );
    const walkIn = await ok('appointments.walkIn', {
      patientId: patients[next++],
      doctorId: doctor,
      reason: 'Dizzy',
      priority: { kind: 'ELDERLY', reason: 'Eighty-two, came alone' },
    });
    expect(walkIn).toMatchObject({ isWalkIn: true, date: TODAY, startTime: '10:00:00', reason: 'Dizzy' });
    expect(await h.knex('appointment_history').where({ appointment_id: walkIn.id }).orderBy('id').select('kind', 'detail', 'reason')).toEqual([
      { kind: 'BOOKED', detail: expect.objectContaining({ walkIn: true, doctorId: doctor }), reason: null },
      { kind: 'CHECKED_IN', detail: { tokenNo: walkIn.tokenNo }, reason: null },
      { kind: 'PRIORITY', detail: { priority: 'ELDERLY' }, reason: 'Eighty-two, came alone' },
    ]);
    expect(await h.knex('audit_log').where({ action: 'appointments.walkIn', entity_id: walkIn.id }).first('detail')).toEqual({
      detail: expect.objectContaining({ priority: 'ELDERLY', reason: 'Eighty-two, came alone' }),
    });
  });

  it('a check-in undone takes back the token and the time of arrival; a second undo has nothing left of yours', async () => {
    const id = await appointment(TODAY, '15:00', '15:15');
    const { tokenNo } = await ok('appointments.checkIn', { id });
    const back = expectOk<AppointmentDto>(await h.callRaw('appointments.undo', { id }, desk));
    expect(back).toMatchObject({ status: 'SCHEDULED', tokenNo: null, checkedInAt: null, startTime: '15:00:00' });
    const trail = await h.knex('appointment_history').where({ appointment_id: id }).orderBy('id').select('kind', 'detail');
    expect(trail.map((r: { kind: string }) => r.kind)).toEqual(['CHECKED_IN', 'UNDONE']);
    expect(trail[1].detail).toMatchObject({ kind: 'CHECKED_IN' });
    expect(trail[0].detail).toEqual({ tokenNo });
    await refused(
      'appointments.undo',
      { id },
      { code: 'CONFLICT', field: 'id', message: 'Nothing of yours to undo on this appointment from the last 10 minutes' },
    );
  });

  it('an undo is refused, changing nothing, once somebody else has changed the appointment since', async () => {
    const changedSince = { code: 'CONFLICT', field: 'id', message: 'The appointment has changed since; nothing was undone' };
    // The desk marks a no-show; the status is then changed by another hand.
    const missed = await appointment(TODAY, '09:00', '09:15');
    await ok('appointments.noShow', { id: missed });
    await h.knex('appointment_entities').where({ id: missed }).update({ status: 'COMPLETED' });
    await refused('appointments.undo', { id: missed }, changedSince);
    // The desk moves a visit; somebody else then cancels it.
    const moved = await appointment(TOMORROW, '09:00', '09:15');
    await ok('appointments.reschedule', { id: moved, date: TOMORROW, startTime: '09:30' });
    await h.knex('appointment_entities').where({ id: moved }).update({ status: 'CANCELLED', cancel_reason: 'Called off by phone' });
    await refused('appointments.undo', { id: moved }, changedSince);
  });

  it('an undone completion takes its recall with it, and the visit is in the book again', async () => {
    const id = await appointment(TODAY, '09:30', '09:45');
    await ok('appointments.complete', { id, recall: { inDays: 14, reason: 'Review the scan' } });
    expect(await h.knex('recalls').where({ source_appointment_id: id }).select('reason')).toEqual([{ reason: 'Review the scan' }]);
    expect(expectOk<AppointmentDto>(await h.callRaw('appointments.undo', { id }, desk))).toMatchObject({ status: 'SCHEDULED', completedAt: null });
    expect(await h.knex('recalls').where({ source_appointment_id: id })).toEqual([]);
    const undone = await h.knex('appointment_history').where({ appointment_id: id, kind: 'UNDONE' }).first('detail', 'from_status', 'to_status');
    expect(undone).toMatchObject({ from_status: 'COMPLETED', to_status: 'SCHEDULED', detail: { kind: 'STATUS', recallsRemoved: [expect.any(Number)] } });
  });

  it('a recall added by hand for a visit stays when its check-in or its no-show is undone: only a completion’s own recall goes with it', async () => {
    for (const [step, startTime] of [
      ['appointments.checkIn', '16:00'],
      ['appointments.noShow', '08:00'],
    ] as const) {
      const id = await appointment(TODAY, startTime, `${startTime.slice(0, 3)}15`);
      await ok(step, { id });
      const { patient_id: patientId } = await h.knex('appointment_entities').where({ id }).first('patient_id');
      expectOk(await h.callRaw('recalls.create', { patientId, inDays: 30, reason: 'Asked at the desk', appointmentId: id }, desk));
      expectOk(await h.callRaw('appointments.undo', { id }, desk));
      expect(await h.knex('recalls').where({ source_appointment_id: id }).select('reason'), step).toEqual([{ reason: 'Asked at the desk' }]);
      const undone = await h.knex('appointment_history').where({ appointment_id: id, kind: 'UNDONE' }).first('detail');
      expect(undone.detail, step).not.toHaveProperty('recallsRemoved');
    }
  });

  it('undoing a move back to a slot now outside the hours needs an override of its own: the one the move was made with is not it', async () => {
    const admin = (await h.signInAs('ADMIN', { email: 'mover@rules.test' })).sessionKey;
    const [{ id: doctor }] = await h.knex('doctor_entities').insert({ name: 'Dr. Moved Hours', email: 'moved.hours@rules.test' }).returning('id');
    await h.knex('doctor_availabilities').insert({ doctor_id: doctor, date: TOMORROW, start_time: '09:00', end_time: '12:00', slot_minutes: 15 });
    const [{ id }] = await h
      .knex('appointment_entities')
      .insert({ patient_id: patients[next++], doctor_id: doctor, appointment_date: TOMORROW, start_time: '09:00', end_time: '09:15' })
      .returning('id');
    expectOk(await h.callRaw('appointments.reschedule', { id, date: TOMORROW, startTime: '13:00', override: { reason: 'Evening visit' } }, admin));
    // The morning is given up meanwhile: going back is now outside the hours too.
    await h.knex('doctor_availabilities').where({ doctor_id: doctor, date: TOMORROW }).update({ start_time: '10:00' });
    const before = await databaseSnapshot(h.knex, ['audit_log']);
    expect(await h.callRaw('appointments.undo', { id }, admin)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'startTime', message: expect.stringContaining("09:00–09:15 on 2099-05-05 is outside Dr. Moved Hours's hours") },
    });
    expect(await databaseSnapshot(h.knex, ['audit_log'])).toBe(before);
    const back = expectOk<AppointmentDto>(await h.callRaw('appointments.undo', { id, override: { reason: 'Back to the morning' } }, admin));
    expect(back).toMatchObject({ startTime: '09:00:00', overrideReason: 'Back to the morning' });
  });

  it('undoing a move to another doctor goes back under the first doctor’s hours, not the second’s', async () => {
    const doctorWith = async (name: string, start: string, end: string) => {
      const [{ id }] = await h
        .knex('doctor_entities')
        .insert({ name, email: `${name.replace(/\W/g, '')}@rules.test` })
        .returning('id');
      await h.knex('doctor_availabilities').insert({ doctor_id: id, date: TOMORROW, start_time: start, end_time: end, slot_minutes: 15 });
      return id as number;
    };
    const movedAway = async (from: number, to: number) => {
      const { id } = await ok('appointments.book', { patientId: patients[next++], doctorId: from, date: TOMORROW, startTime: '09:00' });
      expect(await ok('appointments.reschedule', { id, doctorId: to, date: TOMORROW, startTime: '14:00' })).toMatchObject({ doctorId: to });
      return id;
    };
    // The first doctor works the morning, the second only the afternoon: back to 09:00 with the first is inside the hours.
    const morning = await doctorWith('Dr. Morning First', '09:00', '10:00');
    const afternoon = await doctorWith('Dr. Afternoon Second', '14:00', '15:00');
    const id = await movedAway(morning, afternoon);
    expect(expectOk<AppointmentDto>(await h.callRaw('appointments.undo', { id }, desk))).toMatchObject({
      doctorId: morning,
      startTime: '09:00:00',
      overrideReason: null,
    });

    // The first doctor gives the morning up, the second works all day: going back is outside the first one's hours.
    const gaveUp = await doctorWith('Dr. Gave Up Morning', '09:00', '10:00');
    const allDay = await doctorWith('Dr. All Day Second', '08:00', '18:00');
    const moved = await movedAway(gaveUp, allDay);
    await h.knex('doctor_availabilities').where({ doctor_id: gaveUp, date: TOMORROW }).update({ start_time: '12:00', end_time: '13:00' });
    await refused(
      'appointments.undo',
      { id: moved },
      {
        code: 'CONFLICT',
        field: 'startTime',
        message: expect.stringContaining("09:00–09:15 on 2099-05-05 is outside Dr. Gave Up Morning's hours"),
      },
    );
  });

  it('a walk-in is never put in a token session’s time: the slot under way that meets one gives way to the first free slot after it', async () => {
    const doctor = await newDoctor();
    await h.knex('opd_sessions').insert({ doctor_id: doctor, date: TODAY, start_time: '10:10', end_time: '12:00', capacity: 20 });
    const walkIn = await ok('appointments.walkIn', { patientId: patients[next++], doctorId: doctor });
    expect(walkIn).toMatchObject({ date: TODAY, startTime: '12:00:00', endTime: '12:15:00', isWalkIn: true, tokenNo: expect.any(Number) });
  });

  it('a walk-in joins a token session from its very minute, not once it has ended; sessions that meet the slot under way leave it free', async () => {
    h.clock.now = Date.parse(`${TODAY}T10:00:00Z`);
    try {
      const startsNow = await newDoctor();
      const [{ id: session }] = await h
        .knex('opd_sessions')
        .insert({ doctor_id: startsNow, date: TODAY, start_time: '10:00', end_time: '12:00', capacity: 20 })
        .returning('id');
      expect(await ok('appointments.walkIn', { patientId: patients[next++], doctorId: startsNow })).toMatchObject({ sessionId: session, sessionToken: 1 });

      // One session ended as the slot under way began, the next begins as it ends.
      const between = await newDoctor();
      await h.knex('opd_sessions').insert([
        { doctor_id: between, date: TODAY, start_time: '08:00', end_time: '10:00', capacity: 20 },
        { doctor_id: between, date: TODAY, start_time: '10:15', end_time: '12:00', capacity: 20 },
      ]);
      const inTheGap = await ok('appointments.walkIn', { patientId: patients[next++], doctorId: between });
      expect(inTheGap).toMatchObject({ startTime: '10:00:00', endTime: '10:15:00', isWalkIn: true });
      expect(inTheGap.sessionId ?? null).toBeNull();
    } finally {
      h.clock.now = Date.parse(`${TODAY}T10:00:30Z`);
    }
  });

  it('a refused booking says what the desk can do: outside hours a doctor or administrator may book it with a reason; on leave it cannot be booked; a token moves only with its session', async () => {
    const [{ id: short }] = await h.knex('doctor_entities').insert({ name: 'Dr. Short Hours', email: 'short.hours@rules.test' }).returning('id');
    await h.knex('doctor_availabilities').insert({ doctor_id: short, date: TOMORROW, start_time: '09:00', end_time: '12:00', slot_minutes: 15 });
    await refused(
      'appointments.book',
      { patientId: patients[next++], doctorId: short, date: TOMORROW, startTime: '13:00' },
      {
        code: 'CONFLICT',
        field: 'startTime',
        message: `13:00–13:15 on ${TOMORROW} is outside Dr. Short Hours's hours (09:00–12:00). A doctor or administrator can book it with a reason.`,
      },
    );
    const [{ id: away }] = await h.knex('doctor_entities').insert({ name: 'Dr. Away', email: 'away@rules.test' }).returning('id');
    await h.knex('doctor_availabilities').insert([
      { doctor_id: away, date: TOMORROW, start_time: '09:00', end_time: '17:00', slot_minutes: 15 },
      { doctor_id: away, date: TOMORROW, start_time: '14:00', end_time: '15:00', slot_minutes: 15, is_available: false, kind: 'LEAVE' },
    ]);
    await refused(
      'appointments.book',
      { patientId: patients[next++], doctorId: away, date: TOMORROW, startTime: '14:00' },
      { code: 'CONFLICT', field: 'startTime', message: `Dr. Away is on leave 14:00–15:00 on ${TOMORROW}, so 14:00–14:15 on ${TOMORROW} cannot be booked.` },
    );
    const tokens = await newDoctor();
    await h.knex('opd_sessions').insert({ doctor_id: tokens, date: TODAY, start_time: '10:00', end_time: '12:00', capacity: 20 });
    const token = await ok('appointments.walkIn', { patientId: patients[next++], doctorId: tokens });
    await refused(
      'appointments.reschedule',
      { id: token.id, date: TOMORROW, startTime: '09:00' },
      { code: 'CONFLICT', field: 'id', message: `Token ${token.sessionToken} keeps its session: cancel it and book a token in another session` },
    );
  });

  it('an unknown appointment is named as such, and a cancellation keeps its reason on the trail', async () => {
    await refused('appointments.checkIn', { id: 2_000_000_000 }, { code: 'NOT_FOUND', field: 'id', message: 'No such appointment' });
    const id = await appointment(TOMORROW, '11:00', '11:15');
    expectOk(await h.callRaw('appointments.cancel', { id, reason: 'Travelling that week' }, desk));
    expect(await h.knex('appointment_history').where({ appointment_id: id, kind: 'STATUS' }).first('reason', 'to_status')).toEqual({
      reason: 'Travelling that week',
      to_status: 'CANCELLED',
    });
  });

  it('undoing a cancellation on a day the doctor no longer works at all is refused in those words, and books nothing', async () => {
    const id = await appointment(TOMORROW, '11:00', '11:15');
    const { doctorId } = expectOk<AppointmentDto>(await h.callRaw('appointments.cancel', { id, reason: 'Doctor away' }, desk));
    await h.knex('doctor_availabilities').where({ doctor_id: doctorId, date: TOMORROW }).del();
    await refused(
      'appointments.undo',
      { id },
      {
        code: 'CONFLICT',
        field: 'startTime',
        message: `11:00–11:15 on ${TOMORROW} is outside Dr. Edge ${doctors}'s hours (not working that day). A doctor or administrator can book it with a reason.`,
      },
    );
  });

  it('a check-in undone after its slot has passed is still undone: only a step that books again is held to the clock', async () => {
    const id = await appointment(TODAY, '09:00', '09:15');
    await ok('appointments.checkIn', { id });
    expect(expectOk<AppointmentDto>(await h.callRaw('appointments.undo', { id }, desk))).toMatchObject({ status: 'SCHEDULED', checkedInAt: null });
  });

  it('an undo inside the hours writes no override row; one outside them writes the reason against the appointment', async () => {
    const id = await appointment(TOMORROW, '12:00', '12:15');
    expectOk(await h.callRaw('appointments.cancel', { id, reason: 'Clinic closes early' }, desk));
    expectOk(await h.callRaw('appointments.undo', { id }, desk));
    expect(await h.knex('audit_log').where({ action: 'appointments.override', entity_id: id })).toEqual([]);
    const admin = (await h.signInAs('ADMIN', { email: 'undoer@rules.test' })).sessionKey;
    const late = await appointment(TOMORROW, '12:30', '12:45');
    expectOk(await h.callRaw('appointments.cancel', { id: late, reason: 'Clinic closes early' }, admin));
    const { doctor_id: doctorId } = await h.knex('appointment_entities').where({ id: late }).first('doctor_id');
    await h.knex('doctor_availabilities').where({ doctor_id: doctorId, date: TOMORROW }).update({ end_time: '12:00' });
    expectOk(await h.callRaw('appointments.undo', { id: late, override: { reason: 'Seen after hours' } }, admin));
    expect(await h.knex('audit_log').where({ action: 'appointments.override', entity_id: late }).first('entity', 'detail')).toEqual({
      entity: 'appointment',
      detail: { reason: 'Seen after hours' },
    });
  });

  it('a booking may end as a token session begins and start as it ends; inside it the desk is sent to the tokens', async () => {
    const doctor = await newDoctor();
    await h.knex('opd_sessions').insert({ doctor_id: doctor, date: TOMORROW, start_time: '10:00', end_time: '12:00', capacity: 20 });
    for (const startTime of ['09:45', '12:00'])
      expect(await ok('appointments.book', { patientId: patients[next++], doctorId: doctor, date: TOMORROW, startTime })).toMatchObject({ date: TOMORROW });
    await refused(
      'appointments.book',
      { patientId: patients[next++], doctorId: doctor, date: TOMORROW, startTime: '11:00' },
      {
        code: 'CONFLICT',
        field: 'startTime',
        message: `11:00–11:15 on ${TOMORROW} is in Dr. Edge ${doctors}'s OPD session (10:00–12:00): book a token in it instead`,
      },
    );
    // A move is sent there too: within the day, and from another doctor without a session to this one's.
    const early = await ok('appointments.book', { patientId: patients[next++], doctorId: doctor, date: TOMORROW, startTime: '08:00' });
    const sessionWords = `on ${TOMORROW} is in Dr. Edge ${doctors}'s OPD session (10:00–12:00): book a token in it instead`;
    await refused(
      'appointments.reschedule',
      { id: early.id, date: TOMORROW, startTime: '10:30' },
      { code: 'CONFLICT', field: 'startTime', message: `10:30–10:45 ${sessionWords}` },
    );
    const elsewhere = await appointment(TOMORROW, '10:30', '10:45');
    await refused(
      'appointments.reschedule',
      { id: elsewhere, doctorId: doctor, date: TOMORROW, startTime: '10:30' },
      { code: 'CONFLICT', field: 'startTime', message: `10:30–10:45 ${sessionWords}` },
    );
  });

  it('a free-slot search for a specialty nobody practises finds nothing', async () => {
    expect(expectOk(await h.callRaw('appointments.freeSlots', { specialization: 'Nobody practises this', days: 7, count: 5 }, desk))).toEqual([]);
  });

  it('a walk-in takes the slot under way at the first minute of the doctor’s hours, and is refused in its words when none is left today', async () => {
    const [{ id: doctor }] = await h.knex('doctor_entities').insert({ name: 'Dr. Short Day', email: 'short.day@rules.test' }).returning('id');
    await h.knex('doctor_availabilities').insert({ doctor_id: doctor, date: TODAY, start_time: '10:00', end_time: '10:15', slot_minutes: 15 });
    expect(await ok('appointments.walkIn', { patientId: patients[next++], doctorId: doctor })).toMatchObject({ startTime: '10:00:00', endTime: '10:15:00' });
    await refused(
      'appointments.walkIn',
      { patientId: patients[next++], doctorId: doctor },
      { code: 'CONFLICT', field: 'doctorId', message: 'Dr. Short Day has no free time left today (or the patient is booked then); book another day' },
    );
  });

  it('a free-slot search reads on past its first week, each day once, and stops at its last day', async () => {
    const [{ id: doctor }] = await h.knex('doctor_entities').insert({ name: 'Dr. Next Week', email: 'next.week@rules.test' }).returning('id');
    // Nothing this week; a slot on the second week's first day, two on the search's last day, more the day after it.
    await h.knex('doctor_availabilities').insert([
      { doctor_id: doctor, date: '2099-05-11', start_time: '09:00', end_time: '09:15', slot_minutes: 15 },
      { doctor_id: doctor, date: '2099-05-13', start_time: '09:00', end_time: '09:30', slot_minutes: 15 },
      { doctor_id: doctor, date: '2099-05-14', start_time: '09:00', end_time: '10:00', slot_minutes: 15 },
    ]);
    const found = expectOk<{ date: string; startTime: string }[]>(await h.callRaw('appointments.freeSlots', { doctorId: doctor, days: 10, count: 10 }, desk));
    expect(found.map((s) => `${s.date} ${s.startTime}`)).toEqual(['2099-05-11 09:00:00', '2099-05-13 09:00:00', '2099-05-13 09:15:00']);
  });

  it('the free-slot search names what it cannot find', async () => {
    const doctor = await newDoctor();
    const noType = { code: 'NOT_FOUND', field: 'appointmentTypeId', message: 'No such appointment type' };
    await refused('appointments.freeSlots', { doctorId: doctor, appointmentTypeId: 2_000_000_000, days: 7, count: 5 }, noType);
    const [{ id: retired }] = await h.knex('appointment_types').insert({ name: 'Retired check', duration_minutes: 20, active: false }).returning('id');
    await h.knex('doctor_appointment_types').insert({ doctor_id: doctor, appointment_type_id: retired });
    await refused('appointments.freeSlots', { doctorId: doctor, appointmentTypeId: retired, days: 7, count: 5 }, noType);
    await refused(
      'appointments.freeSlots',
      { doctorId: 2_000_000_000, days: 7, count: 5 },
      { code: 'NOT_FOUND', field: 'doctorId', message: 'No such doctor' },
    );
  });

  it('working time opened today is offered to the waitlist from the current slot on, and only inside what was opened', async () => {
    const admin = (await h.signInAs('ADMIN')).sessionKey;
    const doctorWith = async (name: string, hours: { start_time: string; end_time: string } | null) => {
      const [{ id }] = await h
        .knex('doctor_entities')
        .insert({ name, email: `${name.replace(/\W/g, '')}@rules.test` })
        .returning('id');
      if (hours) await h.knex('doctor_availabilities').insert({ doctor_id: id, date: TODAY, ...hours, slot_minutes: 15 });
      return id as number;
    };
    const offered = async (entryId: number) => (await offersTo(entryId)).map((o) => [o.date, o.startTime]);
    const open = async (doctorId: number, startTime: string, endTime: string) =>
      expectOk(await h.callRaw('availability.addException', { doctorId, date: TODAY, kind: 'EXTRA', startTime, endTime, slotMinutes: 30 }, admin));

    // An evening opened for a doctor whose afternoon is free: the evening is offered, not the afternoon.
    const evening = await doctorWith('Dr. Evening Extra', { start_time: '09:00', end_time: '17:00' });
    const forEvening = await waitingFor(evening);
    await open(evening, '18:00', '19:00');
    expect(await offered(forEvening)).toEqual([[TODAY, '18:00:00']]);
    // A morning opened when half of it has gone: the slots already over are not offered.
    const morning = await doctorWith('Dr. Morning Extra', null);
    const forMorning = await waitingFor(morning);
    await open(morning, '09:00', '11:00');
    expect(await offered(forMorning)).toEqual([[TODAY, '10:00:00']]);
    // Opened time that already holds a booking, or a token session: the first slot nothing holds is offered.
    const booked = await doctorWith('Dr. Booked Extra', null);
    await h.knex('appointment_entities').insert({
      patient_id: patients[next++],
      doctor_id: booked,
      appointment_date: TODAY,
      start_time: '18:00',
      end_time: '18:30',
      override_reason: 'Seen before the hours were opened',
    });
    const forBooked = await waitingFor(booked);
    await open(booked, '18:00', '19:00');
    expect(await offered(forBooked)).toEqual([[TODAY, '18:30:00']]);
    const sessioned = await doctorWith('Dr. Session Extra', null);
    await h.knex('opd_sessions').insert({ doctor_id: sessioned, date: TODAY, start_time: '18:00', end_time: '18:30', capacity: 10 });
    const forSessioned = await waitingFor(sessioned);
    await open(sessioned, '18:00', '19:00');
    expect(await offered(forSessioned)).toEqual([[TODAY, '18:30:00']]);
    // Tomorrow's opened morning is offered from its start, though today's clock is past that hour.
    const tomorrowMorning = await doctorWith('Dr. Tomorrow Extra', null);
    const forTomorrow = await waitingFor(tomorrowMorning);
    expectOk(
      await h.callRaw(
        'availability.addException',
        { doctorId: tomorrowMorning, date: TOMORROW, kind: 'EXTRA', startTime: '08:00', endTime: '09:00', slotMinutes: 30 },
        admin,
      ),
    );
    expect(await offered(forTomorrow)).toEqual([[TOMORROW, '08:00:00']]);
    // Opened time already full: nothing is offered, not the regular hours after it.
    const full = await doctorWith('Dr. Full Extra', { start_time: '19:00', end_time: '21:00' });
    await h.knex('appointment_entities').insert(
      ['18:00', '18:30'].map((start_time) => ({
        patient_id: patients[next++],
        doctor_id: full,
        appointment_date: TODAY,
        start_time,
        end_time: start_time === '18:00' ? '18:30' : '19:00',
        override_reason: 'Seen before the hours were opened',
      })),
    );
    const forFull = await waitingFor(full);
    await open(full, '18:00', '19:00');
    expect(await offered(forFull)).toEqual([]);
    // Leave already taken inside the opened time: the first slot after it is offered, never the leave.
    const away = await doctorWith('Dr. Leave Extra', null);
    expectOk(await h.callRaw('availability.addException', { doctorId: away, date: TODAY, kind: 'LEAVE', startTime: '18:00', endTime: '18:30' }, admin));
    const forAway = await waitingFor(away);
    await open(away, '18:00', '19:00');
    expect(await offered(forAway)).toEqual([[TODAY, '18:30:00']]);
  });

  it('a completed visit gives its time to nobody on the waitlist; a cancelled one beside it does', async () => {
    const doctorId = await newDoctor();
    const visit = async (startTime: string, endTime: string) => {
      const [{ id }] = await h
        .knex('appointment_entities')
        .insert({ patient_id: patients[next++], doctor_id: doctorId, appointment_date: TODAY, start_time: startTime, end_time: endTime })
        .returning('id');
      return id as number;
    };
    const entry = await waitingFor(doctorId);
    const offered = async () => (await offersTo(entry)).map((o) => [o.date, o.startTime]);
    // Seen early, half a minute into a half-hour visit: the rest of its time was the patient's, not free.
    expect((await ok('appointments.complete', { id: await visit('10:00', '10:30') })).status).toBe('COMPLETED');
    expect(await offered()).toEqual([]);
    expectOk(await h.callRaw('appointments.cancel', { id: await visit('11:00', '11:30'), reason: 'Patient called to cancel' }, desk));
    expect(await offered()).toEqual([[TODAY, '11:00:00']]);
  });

  it('a move gives its old time to the waitlist unless it still holds part of it (same doctor, same day, overlapping)', async () => {
    /** A half-hour visit at 11:30 today, someone waiting for its doctor, the move made: what that person was offered. */
    const offeredAfterMove = async (to: (doctorId: number) => Promise<Record<string, unknown>>) => {
      const doctorId = await newDoctor();
      const [{ id }] = await h
        .knex('appointment_entities')
        .insert({ patient_id: patients[next++], doctor_id: doctorId, appointment_date: TODAY, start_time: '11:30', end_time: '12:00' })
        .returning('id');
      const entry = await waitingFor(doctorId);
      await ok('appointments.reschedule', { id, ...(await to(doctorId)) });
      return (await offersTo(entry)).map((o) => [o.date, o.startTime, o.endTime]);
    };
    const oldTime = [[TODAY, '11:30:00', '12:00:00']];
    // Fifteen minutes later, overlapping its own slot: nothing of it is free.
    expect(await offeredAfterMove(async () => ({ date: TODAY, startTime: '11:45', endTime: '12:15' }))).toEqual([]);
    expect(await offeredAfterMove(async () => ({ date: TODAY, startTime: '11:15', endTime: '11:45' }))).toEqual([]);
    // Just after it or just before it, touching but not overlapping: its time is free.
    expect(await offeredAfterMove(async () => ({ date: TODAY, startTime: '12:00', endTime: '12:30' }))).toEqual(oldTime);
    expect(await offeredAfterMove(async () => ({ date: TODAY, startTime: '11:00', endTime: '11:30' }))).toEqual(oldTime);
    // The same time on another day, or with another doctor: the doctor's time today is free.
    expect(await offeredAfterMove(async () => ({ date: TOMORROW, startTime: '11:30', endTime: '12:00' }))).toEqual(oldTime);
    expect(await offeredAfterMove(async () => ({ doctorId: await newDoctor(), date: TODAY, startTime: '11:30', endTime: '12:00' }))).toEqual(oldTime);
  });

  it('a clash gone by the time it is named is refused in general words, for the doctor and for the patient', async () => {
    // The trigger books the clash inside the booking's own statement, so it rolls back with it:
    // there when the database refuses the booking, gone when the service looks for it to name.
    const [{ id: other }] = await h.knex('patient_entities').insert({ name: 'Phantom Clash', email: 'phantom@rules.test' }).returning('id');
    await asOwner([
      `CREATE FUNCTION test_phantom_clash() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO appointment_entities (patient_id, doctor_id, appointment_date, start_time, end_time)
         VALUES (CASE WHEN NEW.reason = 'phantom doctor clash' THEN ${other} ELSE NEW.patient_id END,
                 CASE WHEN NEW.reason = 'phantom patient clash' THEN ${await newDoctor()} ELSE NEW.doctor_id END,
                 NEW.appointment_date, NEW.start_time, NEW.end_time);
         RETURN NEW;
       END $$`,
      `CREATE TRIGGER test_phantom_clash BEFORE INSERT ON appointment_entities FOR EACH ROW WHEN (NEW.reason LIKE 'phantom %') EXECUTE FUNCTION test_phantom_clash()`,
    ]);
    try {
      for (const who of ['doctor', 'patient'] as const)
        await refused(
          'appointments.book',
          { patientId: patients[next++], doctorId: await newDoctor(), date: TOMORROW, startTime: '10:00', reason: `phantom ${who} clash` },
          { code: 'CONFLICT', field: 'startTime', message: `The ${who} already has an appointment then` },
        );
    } finally {
      await asOwner(['DROP TRIGGER test_phantom_clash ON appointment_entities', 'DROP FUNCTION test_phantom_clash()']);
    }
  });

  it('a fault inside a walk-in is not taken for a clash: no other slot is tried and nothing is written', async () => {
    await asOwner([
      `CREATE FUNCTION test_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected fault'; END $$`,
      `CREATE TRIGGER test_fault BEFORE INSERT ON appointment_entities FOR EACH ROW WHEN (NEW.reason = 'injected fault') EXECUTE FUNCTION test_fault()`,
    ]);
    try {
      const doctorId = await newDoctor();
      const before = await databaseSnapshot(h.knex, ['audit_log']);
      expect(await h.callRaw('appointments.walkIn', { patientId: patients[next++], doctorId, reason: 'injected fault' }, desk)).toMatchObject({
        ok: false,
        error: { code: 'INTERNAL' },
      });
      expect(await databaseSnapshot(h.knex, ['audit_log'])).toBe(before);
    } finally {
      await asOwner(['DROP TRIGGER test_fault ON appointment_entities', 'DROP FUNCTION test_fault()']);
    }
  });
});
