import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName, Req } from '../../preload/contract';
import { MODES } from '../support/databases';
import { configureVideo, FakeTwilio } from '../support/fake-twilio';
import { databaseSnapshot, expectOk, type Harness } from '../support/harness';
import { addPatient, clinicInstant, configureMessaging, eventually, fakeSecretBox, openDesk, outboxOf, startPc, type Desk } from './support';

describe.each(MODES)('messaging at the desk (%s)', (mode) => {
  let h: Harness;
  let desk: Desk;
  let admin: string;
  const fake = new FakeTwilio();

  beforeAll(async () => {
    h = await startPc(mode, undefined, { twilioHttpClient: fake.httpClient() });
    await eventually('this PC elected', async () => (h.services.messaging!.election.leader ? true : undefined));
    h.services.messaging!.sender.setActive(false);
    await configureMessaging(h.knex);
    desk = await openDesk(h);
    admin = (await h.signInAs('ADMIN')).sessionKey;
  }, 120_000);
  afterAll(async () => {
    await h?.services.messaging?.election.stop();
    await h?.services.messaging?.sender.stop();
    await h?.dispose();
    await fake.close();
  });
  const call = async <C extends ChannelName>(channel: C, payload: Req<C>, session = admin) => {
    h.clock.now = Date.now();
    return expectOk(await h.call(channel, payload, session));
  };

  it('keeps provider secrets sealed and write-only', async () => {
    const token = 'RealLookingAuthToken0123456789ab';
    const s = await call('messaging.updateSettings', { twilioAuthToken: token, smtpPassword: 'mail secret', quietStart: '21:30' });
    expect(s).toMatchObject({ twilioAuthTokenSet: true, smtpPasswordSet: true, quietStart: '21:30' });
    expect(JSON.stringify(s)).not.toContain(token);
    const row = await h.knex('messaging_settings').first('twilio_auth_token_sealed', 'smtp_password_sealed');
    expect(row.twilio_auth_token_sealed).not.toContain(token);
    expect(fakeSecretBox.open(row.twilio_auth_token_sealed)).toBe(token);
    expect(fakeSecretBox.open(row.smtp_password_sealed)).toBe('mail secret');
    await configureMessaging(h.knex);
  });

  it('refuses a template with an unknown or malformed variable when it is saved, and changes nothing', async () => {
    const before = await databaseSnapshot(h.knex);
    const base = { kind: 'REMINDER', language: 'en', channel: 'SMS', subject: null, dltEntityId: null, dltTemplateId: null, whatsappContentSid: null } as const;
    expect(await h.call('messaging.saveTemplate', { ...base, body: 'See you {when}, {patient}' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'body', message: expect.stringContaining('{when} is not a template variable') },
    });
    expect(await h.call('messaging.saveTemplate', { ...base, body: 'See you {date at {time}' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'body' },
    });
    // India's DLT pair: 19 digits each, both or neither, on SMS only; each refusal names its box.
    const marathi = { ...base, language: 'mr', body: 'उद्या {time} वाजता {doctor}, {patient}' } as const;
    for (const [ids, field] of [
      [{ dltTemplateId: '1107123456789012345' }, 'dltEntityId'],
      [{ dltEntityId: '1101234567890123456' }, 'dltTemplateId'],
      [{ dltEntityId: '110123456789', dltTemplateId: '1107123456789012345' }, 'dltEntityId'],
      [{ dltEntityId: '1101234567890123456', dltTemplateId: '11071234567890123456' }, 'dltTemplateId'],
    ] as const) {
      expect(await h.call('messaging.saveTemplate', { ...marathi, ...ids }, admin)).toMatchObject({ ok: false, error: { code: 'INVALID', field } });
    }
    expect(await databaseSnapshot(h.knex)).toBe(before);
    // The table holds the same rule for whatever writes it.
    await expect(
      h.knex('message_templates').where({ kind: 'REMINDER', language: 'en', channel: 'SMS' }).update({ dlt_entity_id: '1101234567890123456' }),
    ).rejects.toThrow(/chk_template_dlt_ids/);
    const saved = await call('messaging.saveTemplate', { ...marathi, dltEntityId: '1101234567890123456', dltTemplateId: '1107123456789012345' });
    expect(saved).toMatchObject({
      language: 'mr',
      dltEntityId: '1101234567890123456',
      dltTemplateId: '1107123456789012345',
      segments: { encoding: 'UCS-2', segments: 1 },
    });
  });

  it('previews a template on a real appointment, with its SMS parts', async () => {
    const a = await desk.book(desk.day(2), '10:30');
    const en = await call('messaging.preview', { appointmentId: a.id, kind: 'CONFIRMATION', language: 'en', channel: 'SMS' });
    expect(en.body).toMatch(/^Hello Asha Verma, your appointment with Dr\. Meera Rao at Sunrise Clinic is booked for .* at 10:30 am\. Reply 1/);
    expect(en.segments.encoding).toBe('GSM-7');
    const hi = await call('messaging.preview', { appointmentId: a.id, kind: 'CONFIRMATION', language: 'hi', channel: 'SMS' });
    expect(hi.body).toContain('नमस्ते Asha Verma');
    expect(hi.segments).toMatchObject({ encoding: 'UCS-2', segments: 3 });
    const draft = await call('messaging.preview', { appointmentId: a.id, kind: 'NOTICE', language: 'en', channel: 'SMS', body: 'Token {token} for {patient}' });
    expect(draft.body).toBe('Token  for Asha Verma');
  });

  it('"send reminder now" queues one and the sender sends it; the appointment lists it with its outcome', async () => {
    const a = await desk.book(desk.day(3), '11:00', await addPatient(h.knex, 'Now Reminded', '+919855500001'));
    const queued = await call('messaging.sendNow', { appointmentId: a.id, kind: 'REMINDER' }, desk.receptionist);
    expect(queued).toMatchObject({ kind: 'REMINDER', status: 'QUEUED', patientName: 'Now Reminded' });
    h.services.messaging!.sender.setActive(true);
    await h.services.messaging!.sender.runDue();
    h.services.messaging!.sender.setActive(false);
    const listed = await call('messaging.forAppointment', { appointmentId: a.id }, desk.receptionist);
    expect(listed.messages.find((m) => m.id === queued.id)).toMatchObject({ status: 'SENT', attempts: 1 });
    expect(fake.messages.filter((m) => m.to === '+919855500001').map((m) => m.body)).toContainEqual(expect.stringMatching(/^Reminder: Now Reminded/));
  });

  it('a notice reaches every scheduled patient of the doctor’s day in their own words, and failures are listed for ADMIN', async () => {
    const day = desk.day(5);
    const p1 = await addPatient(h.knex, 'Notice One', '+919855500011');
    const p2 = await addPatient(h.knex, 'Notice Two', '9855500012'); // not E.164: this one fails, with the reason
    await desk.book(day, '09:00', p1);
    await desk.book(day, '09:15', p2);
    const result = await call(
      'messaging.notice',
      { doctorId: desk.doctorId, date: day, text: '{doctor} is on leave on {date}, {patient}. We will call you to rebook.' },
      desk.receptionist,
    );
    expect(result).toEqual({ queued: 2, alreadyTold: 0, notReached: 0 });
    h.clock.now = clinicInstant(desk.day(1), '10:00:00');
    h.services.messaging!.sender.setActive(true);
    await h.services.messaging!.sender.runDue();
    h.services.messaging!.sender.setActive(false);
    expect(fake.messages.filter((m) => m.to === '+919855500011').map((m) => m.body)).toContainEqual(
      expect.stringMatching(/^Dr\. Meera Rao is on leave on .*, Notice One\. We will call you/),
    );
    const failures = await call('messaging.failures', {});
    expect(failures.find((f) => f.patientName === 'Notice Two' && f.kind === 'NOTICE')).toMatchObject({
      status: 'FAILED',
      error: expect.stringContaining('E.164'),
    });
    expect(await h.call('messaging.notice', { doctorId: desk.doctorId, date: day, text: 'Late by {minutes}' }, desk.receptionist)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'text' },
    });
  });

  it('a notice’s preview counts the day’s patients and shows the first one’s message in their language, and queues nothing', async () => {
    const day = desk.day(6);
    const hindi = await addPatient(h.knex, 'Preview Hindi', '+919855500031');
    await h.knex('patient_message_prefs').insert({ patient_id: hindi, language: 'hi' });
    await desk.book(day, '09:00', hindi);
    await desk.book(day, '09:15', await addPatient(h.knex, 'Preview Two', '+919855500032'));
    const queuedBefore = await h.knex('patient_messages').where({ kind: 'NOTICE' }).count<{ n: string }[]>({ n: '*' });
    const preview = await call(
      'messaging.noticePreview',
      { doctorId: desk.doctorId, date: day, text: '{doctor} is running 40 minutes late on {date}, {patient}.' },
      desk.receptionist,
    );
    expect(preview).toMatchObject({ count: 2, sample: { patientName: 'Preview Hindi', segments: { encoding: 'UCS-2' } } });
    expect(preview.sample.body).toMatch(/^Dr\. Meera Rao is running 40 minutes late on .*, Preview Hindi\.$/);
    expect(preview.sample.body).not.toContain('{');
    expect(await h.knex('patient_messages').where({ kind: 'NOTICE' }).count<{ n: string }[]>({ n: '*' })).toEqual(queuedBefore);
    expect(await h.call('messaging.noticePreview', { doctorId: desk.doctorId, date: desk.day(7), text: 'Closed' }, desk.receptionist)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'date' },
    });
    expect(await h.call('messaging.noticePreview', { doctorId: desk.doctorId, date: day, text: 'Late by {minutes}' }, desk.receptionist)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'text' },
    });
  });

  it('a leave’s patients are told its reason: the notice reaches only the appointments it cancelled, and refuses any other', async () => {
    const day = desk.day(7);
    const p1 = await addPatient(h.knex, 'Leave One', '+919855500041');
    const p2 = await addPatient(h.knex, 'Leave Two', '+919855500042');
    const stays = await addPatient(h.knex, 'Leave Stays', '+919855500043');
    const a1 = await desk.book(day, '09:00', p1);
    const a2 = await desk.book(day, '09:15', p2);
    await desk.book(day, '12:00', stays);
    const leave = await call(
      'availability.addException',
      { doctorId: desk.doctorId, date: day, kind: 'LEAVE', startTime: '08:30', endTime: '11:00', cancelBooked: { reason: 'the doctor is at a conference' } },
      admin,
    );
    expect(leave).toMatchObject({ status: 'saved', cancelledAppointments: 2 });
    const told = { doctorId: desk.doctorId, date: day, text: 'The doctor is at a conference.', appointmentIds: [a1.id, a2.id] };
    // The reason is told under the cancellation template, as the patient will read it.
    expect(await call('messaging.noticePreview', told, desk.receptionist)).toMatchObject({
      count: 2,
      sample: {
        patientName: 'Leave One',
        body: expect.stringMatching(/^Leave One, your appointment with .* is cancelled\. Call us to book again\.\nThe doctor is at a conference\.$/),
      },
    });
    expect(
      await h.call('messaging.noticePreview', { ...told, appointmentIds: [a1.id, (await desk.book(desk.day(6), '11:00', p1)).id] }, desk.receptionist),
    ).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'appointmentIds' } });
    expect(await call('messaging.notice', told, desk.receptionist)).toEqual({ queued: 2, alreadyTold: 0, notReached: 0 });
    h.clock.now = clinicInstant(desk.day(1), '10:00:00');
    h.services.messaging!.sender.setActive(true);
    await h.services.messaging!.sender.runDue();
    h.services.messaging!.sender.setActive(false);
    for (const to of ['+919855500041', '+919855500042']) {
      expect(fake.messages.filter((m) => m.to === to && m.body.includes('The doctor is at a conference'))).toHaveLength(1);
    }
    expect(fake.messages.filter((m) => m.to === '+919855500043' && m.body.includes('The doctor is at a conference'))).toEqual([]);
  });

  it('one leave change tells each of its patients once: the reason rides on the cancellation, however often the offer is answered', async () => {
    const day = desk.day(6);
    const phones = ['+919855500061', '+919855500062'];
    const ids = [];
    for (const [i, phone] of phones.entries()) ids.push((await desk.book(day, `14:${i === 0 ? '00' : '15'}`, await addPatient(h.knex, `Once ${i}`, phone))).id);
    const leave = await call(
      'availability.addException',
      { doctorId: desk.doctorId, date: day, kind: 'LEAVE', startTime: '13:30', endTime: '15:00', cancelBooked: { reason: 'the doctor is unwell' } },
      admin,
    );
    expect(leave).toMatchObject({ status: 'saved', cancelledAppointments: 2 });
    const told = {
      doctorId: desk.doctorId,
      date: day,
      text: 'The doctor is unwell.',
      appointmentIds: ids,
    };
    expect(await call('messaging.notice', told, desk.receptionist)).toEqual({ queued: 2, alreadyTold: 0, notReached: 0 });
    // The offer answered again a minute later (a second desk, the dialog opened again), then the leave taken back.
    h.clock.now = Date.now() + 60_000;
    expect(expectOk(await h.call('messaging.notice', told, admin))).toEqual({ queued: 2, alreadyTold: 0, notReached: 0 });
    expect(await call('availability.removeWindow', { id: (leave as { window: { id: number } }).window.id }, admin)).toMatchObject({ status: 'saved' });
    h.clock.now = clinicInstant(desk.day(1), '10:00:00');
    h.services.messaging!.sender.setActive(true);
    await h.services.messaging!.sender.runDue();
    h.services.messaging!.sender.setActive(false);
    for (const phone of phones) {
      expect(fake.messages.filter((m) => m.to === phone && m.body.includes('is cancelled'))).toEqual([
        expect.objectContaining({ body: expect.stringMatching(/is cancelled\. Call us to book again\.\nThe doctor is unwell\.$/) }),
      ]);
    }

    // Once the cancellation has gone out, the reason is not sent as a second message.
    expect(await call('messaging.notice', told, desk.receptionist)).toEqual({ queued: 0, alreadyTold: 2, notReached: 0 });
    h.services.messaging!.sender.setActive(true);
    await h.services.messaging!.sender.runDue();
    h.services.messaging!.sender.setActive(false);
    for (const phone of phones) expect(fake.messages.filter((m) => m.to === phone && m.body.includes('is cancelled'))).toHaveLength(1);
  });

  const sendDue = async () => {
    h.services.messaging!.sender.setActive(true);
    await h.services.messaging!.sender.runDue();
    h.services.messaging!.sender.setActive(false);
  };
  const cancellationsTo = (phone: string) => fake.messages.filter((m) => m.to === phone && /is cancelled|रद्द/.test(m.body));

  it('a leave saved with what the patients are told sends each patient one cancellation carrying it, in their language', async () => {
    const day = desk.day(3);
    const phones = ['+919855500071', '+919855500072'];
    const english = await addPatient(h.knex, 'Told English', phones[0]!);
    const hindi = await addPatient(h.knex, 'Told Hindi', phones[1]!);
    await h.knex('patient_message_prefs').insert({ patient_id: hindi, language: 'hi' });
    const ids = [(await desk.book(day, '17:00', english)).id, (await desk.book(day, '17:15', hindi)).id];
    const leave = await call(
      'availability.addException',
      {
        doctorId: desk.doctorId,
        date: day,
        kind: 'LEAVE',
        startTime: '16:30',
        endTime: '19:30',
        cancelBooked: { reason: 'Doctor called away', tellPatients: 'Dr. Rao has a family emergency.' },
      },
      admin,
    );
    expect(leave).toMatchObject({ status: 'saved', cancelledAppointments: 2 });
    // The sender finds them the moment the leave is saved: the reason is already in the one message each.
    h.clock.now = clinicInstant(desk.day(1), '10:00:00');
    await sendDue();
    expect(cancellationsTo(phones[0]!)).toEqual([
      expect.objectContaining({
        body: expect.stringMatching(/^Told English, your appointment .* is cancelled\. Call us to book again\.\nDr\. Rao has a family emergency\.$/),
      }),
    ]);
    expect(cancellationsTo(phones[1]!)).toEqual([
      expect.objectContaining({ body: expect.stringMatching(/^Told Hindi, .*रद्द हो गया है। .*\nDr\. Rao has a family emergency\.$/) }),
    ]);
    for (const id of ids) expect((await outboxOf(h.knex, id)).filter((m) => m.kind === 'CANCELLED')).toHaveLength(1);
    // The reason is recorded on the appointment as given; what the patients read is separate.
    expect(await h.knex('appointment_entities').whereIn('id', ids).pluck('cancel_reason')).toEqual(['Doctor called away', 'Doctor called away']);
  });

  it('a clinic holiday over booked patients tells them what the desk gave, in their one cancellation', async () => {
    // A holiday closes the whole clinic: a day of its own, past the days the other tests book.
    const day = desk.day(9);
    await h.knex('doctor_availabilities').insert({ doctor_id: desk.doctorId, date: day, start_time: '08:00', end_time: '20:00', slot_minutes: 15 });
    const phone = '+919855500079';
    const a = await desk.book(day, '17:00', await addPatient(h.knex, 'Told Holiday', phone));
    const added = await call(
      'holidays.add',
      { date: day, name: 'Founders Day', cancelBooked: { reason: 'Clinic closed', tellPatients: 'The clinic is closed for Founders Day.' } },
      admin,
    );
    expect(added).toMatchObject({ status: 'saved', cancelledAppointments: 1 });
    h.clock.now = clinicInstant(desk.day(1), '10:00:00');
    await sendDue();
    expect(cancellationsTo(phone)).toEqual([
      expect.objectContaining({ body: expect.stringMatching(/is cancelled\. Call us to book again\.\nThe clinic is closed for Founders Day\.$/) }),
    ]);
    expect((await outboxOf(h.knex, a.id)).filter((m) => m.kind === 'CANCELLED')).toHaveLength(1);
  });

  it('a leave saved without anything for the patients sends each the plain cancellation, once', async () => {
    const day = desk.day(4);
    const phone = '+919855500073';
    const a = await desk.book(day, '17:00', await addPatient(h.knex, 'Told Plainly', phone));
    const leave = await call(
      'availability.addException',
      { doctorId: desk.doctorId, date: day, kind: 'LEAVE', startTime: '16:30', endTime: '19:30', cancelBooked: { reason: 'Doctor called away' } },
      admin,
    );
    expect(leave).toMatchObject({ status: 'saved', cancelledAppointments: 1 });
    h.clock.now = clinicInstant(desk.day(1), '10:00:00');
    await sendDue();
    expect(cancellationsTo(phone)).toEqual([
      expect.objectContaining({ body: expect.stringMatching(/^Told Plainly, your appointment .* is cancelled\. Call us to book again\.$/) }),
    ]);
    expect((await outboxOf(h.knex, a.id)).filter((m) => m.kind === 'CANCELLED')).toHaveLength(1);
  });

  it('refuses braces in what the patients are told, naming the box, and neither saves the leave nor cancels anyone', async () => {
    const day = desk.day(5);
    await desk.book(day, '18:00', await addPatient(h.knex, 'Not Cancelled', '+919855500074'));
    const before = await databaseSnapshot(h.knex);
    expect(
      await h.call(
        'availability.addException',
        { doctorId: desk.doctorId, date: day, kind: 'LEAVE', cancelBooked: { reason: 'Doctor called away', tellPatients: 'Sorry {patient}' } },
        admin,
      ),
    ).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'cancelBooked.tellPatients' } });
    expect(await databaseSnapshot(h.knex)).toEqual(before);
  });

  it('a notice for today counts only the patients still to come', async () => {
    const today = desk.day(1);
    await desk.book(today, '09:00', await addPatient(h.knex, 'Begun Already', '+919855500051'));
    await desk.book(today, '16:00', await addPatient(h.knex, 'Still To Come', '+919855500052'));
    h.clock.now = clinicInstant(today, '10:00:00');
    const { sessionKey } = await h.signInAs('RECEPTIONIST');
    const preview = expectOk(
      await h.call('messaging.noticePreview', { doctorId: desk.doctorId, date: today, text: '{doctor} is running late, {patient}.' }, sessionKey),
    );
    expect(preview).toMatchObject({ count: 1, sample: { patientName: 'Still To Come' } });
  });

  it('"send video link" sends the patient a join link from the appointment’s doctor; the desk cannot', async () => {
    await configureVideo(h.knex);
    const a = await desk.book(desk.day(2), '17:00', await addPatient(h.knex, 'Video Patient', '+919855500021'));
    expect(await h.call('messaging.sendNow', { appointmentId: a.id, kind: 'VIDEO_LINK' }, desk.receptionist)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const doctor = await h.signInAs('DOCTOR', { email: `video-doctor.${Date.now()}@clinic.test`, doctorId: desk.doctorId });
    const queued = await call('messaging.sendNow', { appointmentId: a.id, kind: 'VIDEO_LINK' }, doctor.sessionKey);
    h.services.messaging!.sender.setActive(true);
    await h.services.messaging!.sender.runDue();
    h.services.messaging!.sender.setActive(false);
    const sent = fake.messages.filter((m) => m.to === '+919855500021' && m.body.includes('video consultation'));
    expect(sent).toHaveLength(1);
    // The gateway's join page with the appointment's live code (only its hash is stored).
    const link = /Join here: (https:\/\/clinic\.example\.org\/join\/([A-Za-z0-9_-]{22}))\b/.exec(sent[0]!.body);
    expect(sent[0]!.body).toMatch(/^Video Patient, your video consultation with Dr\. Meera Rao is on .* at 5:00 pm\. Join here: /);
    expect(link, sent[0]!.body).not.toBeNull();
    const live = await h.knex('video_join_codes').where({ appointment_id: a.id }).whereNull('revoked_at').first('code_hash');
    expect(live?.code_hash).toBe(createHash('sha256').update(link![2]!).digest('hex'));
    expect((await outboxOf(h.knex, a.id)).find((m) => m.id === queued.id)).toMatchObject({ kind: 'VIDEO_LINK', status: 'SENT' });
  });

  it('the inbox holds replies that were not commands, with their appointment, until someone deals with them; the count follows', async () => {
    const a = await desk.book(desk.day(4), '12:30');
    const count = async () => (await call('messaging.inboxCount', {}, desk.receptionist)).open;
    const before = await count();
    const [{ id }] = await h
      .knex('inbound_messages')
      .insert({
        provider_id: 'SM' + 'f'.repeat(32),
        channel: 'SMS',
        from_address: '+919855500099',
        body: 'Is parking free?',
        action: 'INBOX',
        patient_id: desk.patientId,
        appointment_id: a.id,
      })
      .returning('id');
    expect((await call('messaging.inbox', {}, desk.receptionist)).find((m) => m.id === id)).toMatchObject({
      patientName: 'Asha Verma',
      appointmentId: a.id,
      appointmentDate: desk.day(4),
      appointmentTime: '12:30:00',
      doctorName: 'Dr. Meera Rao',
    });
    expect(await count()).toBe(before + 1);
    await call('messaging.markHandled', { id }, desk.receptionist);
    expect((await call('messaging.inbox', {}, desk.receptionist)).map((m) => m.id)).not.toContain(id);
    expect(await count()).toBe(before);
    expect(await h.call('messaging.markHandled', { id }, desk.receptionist)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
