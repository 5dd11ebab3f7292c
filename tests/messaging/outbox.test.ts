import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODES } from '../support/databases';
import { expectOk, type Harness } from '../support/harness';
import { clinicInstant, configureMessaging, openDesk, outboxOf, startPc, type Desk } from './support';

// The outbox rows that follow from an appointment change are written by the change itself (a
// trigger in the same statement), so they cannot be lost between the change and its messages.
describe.each(MODES)('outbox planning (%s)', (mode) => {
  let h: Harness;
  let desk: Desk;

  beforeAll(async () => {
    h = await startPc(mode, undefined, { messagingSender: undefined });
    desk = await openDesk(h);
  }, 120_000);
  afterAll(() => h?.dispose());

  it('plans nothing while messaging is switched off (the default)', async () => {
    const a = await desk.book(desk.day(3), '10:00');
    expect(await outboxOf(h.knex, a.id)).toEqual([]);
  });

  it('a booking queues a confirmation now and reminders 24 h and 2 h before, keyed per appointment, kind and time', async () => {
    await configureMessaging(h.knex);
    const before = Date.now();
    const a = await desk.book(desk.day(3), '11:00');
    const rows = await outboxOf(h.knex, a.id);
    expect(rows.map((r) => [r.kind, r.status])).toEqual([
      ['CONFIRMATION', 'QUEUED'],
      ['REMINDER', 'QUEUED'],
      ['REMINDER', 'QUEUED'],
    ]);
    const starts = clinicInstant(desk.day(3), '11:00:00');
    expect(new Date(rows[0]!.due_at).getTime()).toBeGreaterThanOrEqual(before - 5_000);
    expect(new Date(rows[1]!.due_at).getTime()).toBe(starts - 24 * 3600_000);
    expect(new Date(rows[2]!.due_at).getTime()).toBe(starts - 2 * 3600_000);
    const keys = await h.knex('patient_messages').where({ appointment_id: a.id }).pluck('idempotency_key');
    expect(keys).toContain(`${a.id}:REMINDER:${(starts - 2 * 3600_000) / 1000}`);
  });

  it('a move cancels the planned reminders and plans new ones, and tells a patient who was already told the old time', async () => {
    const a = await desk.book(desk.day(4), '09:00');
    await h.knex('patient_messages').where({ appointment_id: a.id, kind: 'CONFIRMATION' }).update({ status: 'SENT' });
    expectOk(await h.call('appointments.reschedule', { id: a.id, date: desk.day(5), startTime: '15:00' }, desk.receptionist));
    const rows = await outboxOf(h.knex, a.id);
    const live = rows.filter((r) => r.status === 'QUEUED').map((r) => [r.kind, new Date(r.due_at).getTime()]);
    const starts = clinicInstant(desk.day(5), '15:00:00');
    expect(live).toEqual([
      ['RESCHEDULED', expect.any(Number)],
      ['REMINDER', starts - 24 * 3600_000],
      ['REMINDER', starts - 2 * 3600_000],
    ]);
    expect(rows.filter((r) => r.status === 'CANCELLED').map((r) => r.kind)).toEqual(['REMINDER', 'REMINDER']);
  });

  it('a move before the confirmation went out sends a confirmation of the new time instead of a notice', async () => {
    const a = await desk.book(desk.day(4), '12:00');
    expectOk(await h.call('appointments.reschedule', { id: a.id, date: desk.day(4), startTime: '13:00' }, desk.receptionist));
    const queued = (await outboxOf(h.knex, a.id)).filter((r) => r.status === 'QUEUED').map((r) => r.kind);
    expect(queued).toEqual(['CONFIRMATION', 'REMINDER', 'REMINDER']);
  });

  it('a cancellation cancels what was planned and queues the cancellation notice; undo plans again', async () => {
    const a = await desk.book(desk.day(5), '10:00');
    expectOk(await h.call('appointments.cancel', { id: a.id, reason: 'Patient travelling' }, desk.receptionist));
    let rows = await outboxOf(h.knex, a.id);
    expect(rows.filter((r) => r.status === 'QUEUED').map((r) => r.kind)).toEqual(['CANCELLED']);
    expect(
      rows
        .filter((r) => r.status === 'CANCELLED')
        .map((r) => r.kind)
        .sort(),
    ).toEqual(['CONFIRMATION', 'REMINDER', 'REMINDER']);
    expectOk(await h.call('appointments.undo', { id: a.id }, desk.receptionist));
    rows = await outboxOf(h.knex, a.id);
    // The reminders' keys are the same times: the cancelled rows, never sent, are queued again.
    expect(rows.filter((r) => r.kind === 'REMINDER').map((r) => r.status)).toEqual(['QUEUED', 'QUEUED']);
  });

  it('kinds switched off for the clinic, the doctor or the patient are not planned', async () => {
    await configureMessaging(h.knex, { enabledKinds: ['CONFIRMATION', 'CANCELLED'] });
    const a = await desk.book(desk.day(6), '10:00');
    expect((await outboxOf(h.knex, a.id)).map((r) => r.kind)).toEqual(['CONFIRMATION']);
    await h.knex('message_kind_switches').insert({ doctor_id: desk.doctorId, kind: 'CONFIRMATION' });
    const b = await desk.book(desk.day(6), '11:00');
    expect(await outboxOf(h.knex, b.id)).toEqual([]);
    await h.knex('message_kind_switches').where({ doctor_id: desk.doctorId }).delete();
    await h.knex('message_kind_switches').insert({ patient_id: desk.patientId, kind: 'CONFIRMATION' });
    const c = await desk.book(desk.day(6), '12:00');
    expect(await outboxOf(h.knex, c.id)).toEqual([]);
    await h.knex('message_kind_switches').delete();
    await configureMessaging(h.knex, { enabledKinds: ['CONFIRMATION', 'REMINDER', 'RESCHEDULED', 'CANCELLED', 'VIDEO_LINK', 'NOTICE'] });
  });

  it('a completed appointment gets the thank-you note when the clinic has switched that kind on', async () => {
    const insertToday = async () => {
      const [{ id }] = await h
        .knex('appointment_entities')
        .insert({
          patient_id: desk.patientId,
          doctor_id: desk.doctorId,
          appointment_date: desk.day(0),
          start_time: '00:00',
          end_time: '00:15',
          is_walk_in: true,
        })
        .returning('id');
      return id as number;
    };
    const before = await insertToday();
    expectOk(await h.call('appointments.complete', { id: before }, desk.receptionist));
    expect(await outboxOf(h.knex, before)).toEqual([]);
    await configureMessaging(h.knex, { enabledKinds: ['CONFIRMATION', 'REMINDER', 'RESCHEDULED', 'CANCELLED', 'THANK_YOU'] });
    await h.knex('appointment_entities').where({ id: before }).delete();
    const a = await insertToday();
    expectOk(await h.call('appointments.complete', { id: a }, desk.receptionist));
    expect((await outboxOf(h.knex, a)).map((r) => [r.kind, r.status])).toEqual([['THANK_YOU', 'QUEUED']]);
    await h.knex('appointment_entities').where({ id: a }).delete();
    await configureMessaging(h.knex, { enabledKinds: ['CONFIRMATION', 'REMINDER', 'RESCHEDULED', 'CANCELLED', 'VIDEO_LINK', 'NOTICE'] });
  });

  it('a patient who prefers WhatsApp gets nothing there until they have opted in to it', async () => {
    await h.knex('patient_message_prefs').insert({ patient_id: desk.patientId, channel: 'WHATSAPP', language: 'hi' });
    const a = await desk.book(desk.day(7), '09:00');
    expect(await outboxOf(h.knex, a.id)).toEqual([]);
    await h
      .knex('patient_channel_consents')
      .insert({ patient_id: desk.patientId, channel: 'WHATSAPP', given_at: new Date(), given_how: 'Signed form at the desk' });
    const b = await desk.book(desk.day(7), '10:00');
    const rows = await h.knex('patient_messages').where({ appointment_id: b.id }).select('channel', 'language');
    expect(rows).toHaveLength(3);
    expect(rows.every((r: { channel: string; language: string }) => r.channel === 'WHATSAPP' && r.language === 'hi')).toBe(true);
    await h.knex('patient_message_prefs').where({ patient_id: desk.patientId }).delete();
  });
});
