import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyInbound } from '../../main/messaging/replies';
import type { ChangeEvent, ChannelName, Req } from '../../preload/contract';
import { MODES } from '../support/databases';
import { databaseSnapshot, expectOk, type Harness } from '../support/harness';
import { addPatient, clinicInstant, configureMessaging, eventually, openDesk, outboxOf, startPc, type Desk } from './support';

// A patient's channel, language, consent and kind switches, edited on their record, and the
// replies that change consent (STOP, START).
describe.each(MODES)('a patient’s messaging preferences (%s)', (mode) => {
  let h: Harness;
  let desk: Desk;
  let seq = 0;
  const newPatient = () => addPatient(h.knex, `Prefs Patient ${++seq}`, `+9197700${String(10000 + seq).slice(-5)}`);

  beforeAll(async () => {
    h = await startPc(mode, undefined, { messagingSender: undefined });
    desk = await openDesk(h);
    await configureMessaging(h.knex);
  }, 120_000);
  afterAll(() => h?.dispose());

  const call = async <C extends ChannelName>(channel: C, payload: Req<C>) => {
    h.clock.now = Date.now();
    return expectOk(await h.call(channel, payload, desk.receptionist));
  };
  const audited = (action: string, patientId: number) =>
    h.knex('audit_log').where({ action, entity: 'patient', entity_id: patientId }).count<{ n: string }[]>({ n: '*' });
  const reply = (sid: string, from: string, body: string, at?: number) =>
    h.knex.transaction((trx) => applyInbound(trx, { MessageSid: sid, From: from, To: '+15005550006', Body: body }, at));
  const statuses = async (appointmentId: number) => (await outboxOf(h.knex, appointmentId)).map((r) => [r.kind, r.status]);

  it('reads the clinic’s defaults for a patient who chose nothing, and saves a channel, a language and kinds switched off (audited)', async () => {
    const p = await newPatient();
    expect(await call('messaging.patientPrefs', { patientId: p })).toEqual({
      patientId: p,
      channel: null,
      language: null,
      kindsOff: [],
      consents: [],
      defaultChannel: 'SMS',
      defaultLanguage: 'en',
    });
    const saved = await call('messaging.savePatientPrefs', { patientId: p, channel: 'EMAIL', language: 'hi', kindsOff: ['REMINDER', 'REMINDER'] });
    expect(saved).toMatchObject({ channel: 'EMAIL', language: 'hi', kindsOff: ['REMINDER'] });
    const a = await desk.book(desk.day(3), '10:00', p);
    expect(await h.knex('patient_messages').where({ appointment_id: a.id }).select('kind', 'channel', 'language')).toEqual([
      { kind: 'CONFIRMATION', channel: 'EMAIL', language: 'hi' },
    ]);
    expect(Number((await audited('messaging.patientPrefs', p))[0]!.n)).toBe(1);
    expect(Number((await audited('messaging.savePatientPrefs', p))[0]!.n)).toBe(1);

    // Switching a kind back on keeps the others as they were.
    expect(await call('messaging.savePatientPrefs', { patientId: p, channel: null, language: null, kindsOff: [] })).toMatchObject({
      channel: null,
      language: null,
      kindsOff: [],
    });
  });

  it('a kind switched off stops what of it is already waiting to go out', async () => {
    const p = await newPatient();
    const a = await desk.book(desk.day(4), '10:00', p);
    await call('messaging.savePatientPrefs', { patientId: p, channel: null, language: null, kindsOff: ['REMINDER'] });
    expect((await outboxOf(h.knex, a.id)).map((r) => [r.kind, r.status, r.error])).toEqual([
      ['CONFIRMATION', 'QUEUED', null],
      ['REMINDER', 'SKIPPED', 'The patient asked for none of these'],
      ['REMINDER', 'SKIPPED', 'The patient asked for none of these'],
    ]);
  });

  it('"no messages" stops what is waiting, plans nothing for new bookings and refuses a message sent by hand', async () => {
    const p = await newPatient();
    const a = await desk.book(desk.day(4), '11:00', p);
    await call('messaging.savePatientPrefs', { patientId: p, channel: 'NONE', language: null, kindsOff: [] });
    expect((await outboxOf(h.knex, a.id)).map((r) => r.status)).toEqual(['SKIPPED', 'SKIPPED', 'SKIPPED']);
    const b = await desk.book(desk.day(4), '12:00', p);
    expect(await outboxOf(h.knex, b.id)).toEqual([]);
    expect(await h.call('messaging.sendNow', { appointmentId: b.id, kind: 'REMINDER' }, desk.receptionist)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('asked for none') },
    });
  });

  it('refuses a channel the patient has no address for, an unknown patient and a language without templates, and changes nothing', async () => {
    const [{ id: noEmail }] = await h.knex('patient_entities').insert({ name: 'Phone Only', phone: '+919770099999' }).returning('id');
    const [{ id: noPhone }] = await h.knex('patient_entities').insert({ name: 'Mail Only', email: 'mail.only@patients.test' }).returning('id');
    const before = await databaseSnapshot(h.knex, ['audit_log']);
    const save = (payload: unknown) => h.callRaw('messaging.savePatientPrefs', payload, desk.receptionist);
    expect(await save({ patientId: noEmail, channel: 'EMAIL', language: null, kindsOff: [] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'channel', message: expect.stringContaining('no e-mail address') },
    });
    expect(await save({ patientId: noPhone, channel: 'WHATSAPP', language: null, kindsOff: [] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'channel', message: expect.stringContaining('no phone number for WhatsApp') },
    });
    expect(await save({ patientId: 987654321, channel: null, language: null, kindsOff: [] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await save({ patientId: noEmail, channel: 'SMS', language: 'fr', kindsOff: [] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'language' },
    });
    expect(await h.callRaw('messaging.recordConsent', { patientId: noEmail, channel: 'SMS', given: true, how: '' }, desk.receptionist)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'how' },
    });
    expect(await databaseSnapshot(h.knex, ['audit_log'])).toBe(before);
  });

  it('consent given at the desk opens WhatsApp with when and how; withdrawn, what waits there moves to the clinic’s channel', async () => {
    const p = await newPatient();
    await call('messaging.savePatientPrefs', { patientId: p, channel: 'WHATSAPP', language: null, kindsOff: [] });
    const nothing = await desk.book(desk.day(5), '09:00', p);
    expect(await outboxOf(h.knex, nothing.id)).toEqual([]);
    const given = await call('messaging.recordConsent', { patientId: p, channel: 'WHATSAPP', given: true, how: 'Ticked the box on the registration form' });
    expect(given.consents).toEqual([
      { channel: 'WHATSAPP', givenAt: expect.any(String), givenHow: 'Ticked the box on the registration form', withdrawnAt: null, withdrawnHow: null },
    ]);
    const a = await desk.book(desk.day(5), '10:00', p);
    expect((await outboxOf(h.knex, a.id)).map((r) => r.status)).toEqual(['QUEUED', 'QUEUED', 'QUEUED']);
    const withdrawn = await call('messaging.recordConsent', { patientId: p, channel: 'WHATSAPP', given: false, how: 'Asked at the desk to stop' });
    expect(withdrawn.consents[0]).toMatchObject({ withdrawnAt: expect.any(String), withdrawnHow: 'Asked at the desk to stop' });
    expect((await outboxOf(h.knex, a.id)).map((r) => [r.status, r.channel])).toEqual([
      ['QUEUED', 'SMS'],
      ['QUEUED', 'SMS'],
      ['QUEUED', 'SMS'],
    ]);
  });

  it('a changed channel or language re-plans what is waiting in the same transaction: one row each, drawn again, audited', async () => {
    const p = await newPatient();
    const a = await desk.book(desk.day(2), '15:00', p);
    const before = await h.knex('patient_messages').where({ appointment_id: a.id }).orderBy('id').select('id', 'idempotency_key as key');
    expect(before).toHaveLength(3);
    // One of them was tried once (rendered for SMS) and waits to be tried again.
    await h.knex('patient_messages').where({ id: before[0]!.id }).update({ body: 'Hello in SMS words', to_address: '+919770000000', attempts: 1 });
    await h
      .knex('patient_entities')
      .where({ id: p })
      .update({ email: `moved.${p}@patients.test` });
    await call('messaging.savePatientPrefs', { patientId: p, channel: 'EMAIL', language: 'hi', kindsOff: [] });
    const after = await h
      .knex('patient_messages')
      .where({ appointment_id: a.id })
      .orderBy('id')
      .select('id', 'idempotency_key as key', 'channel', 'language', 'status', 'body', 'to_address');
    expect(after.map((r) => ({ id: r.id, key: r.key }))).toEqual(before);
    expect(after.map((r) => [r.channel, r.language, r.status, r.body, r.to_address])).toEqual(Array(3).fill(['EMAIL', 'hi', 'QUEUED', null, null]));
    const audit = await h
      .knex('audit_log')
      .where({ action: 'messaging.replanned' })
      .whereIn(
        'entity_id',
        before.map((r) => r.id),
      )
      .select('detail');
    expect(audit.map((r) => r.detail)).toEqual(
      Array(3).fill(expect.objectContaining({ appointmentId: a.id, fromChannel: 'SMS', toChannel: 'EMAIL', fromLanguage: 'en', toLanguage: 'hi' })),
    );

    // Opted out of the only channel there is (e-mail withdrawn, SMS withdrawn too): nothing is sent, with the reason.
    await call('messaging.recordConsent', { patientId: p, channel: 'SMS', given: false, how: 'Asked at the desk' });
    expect((await outboxOf(h.knex, a.id)).map((r) => r.channel)).toEqual(['EMAIL', 'EMAIL', 'EMAIL']);
    await call('messaging.recordConsent', { patientId: p, channel: 'EMAIL', given: false, how: 'Asked at the desk' });
    expect((await outboxOf(h.knex, a.id)).map((r) => [r.status, r.error])).toEqual(
      Array(3).fill(['SKIPPED', 'The patient opted out of EMAIL and has no other channel to go on']),
    );
  });

  it('START re-subscribes the patient on the channel it arrives on (audited); STOP had opted them out', async () => {
    const phone = '+919770055555';
    const p = await addPatient(h.knex, 'Start Again', phone);
    await reply(`SM${'a'.repeat(32)}`, phone, 'STOP');
    const stopped = await desk.book(desk.day(6), '09:00', p);
    expect(await outboxOf(h.knex, stopped.id)).toEqual([]);
    await reply(`SM${'b'.repeat(32)}`, phone, 'start');
    await reply(`SM${'b'.repeat(32)}`, phone, 'start'); // delivered twice: stored and applied once
    expect(await h.knex('inbound_messages').where({ from_address: phone }).orderBy('id').select('action', 'body')).toEqual([
      { action: 'OPTED_OUT', body: 'STOP' },
      { action: 'OPTED_IN', body: 'start' },
    ]);
    expect((await call('messaging.patientPrefs', { patientId: p })).consents).toEqual([
      { channel: 'SMS', givenAt: expect.any(String), givenHow: 'Replied START on SMS', withdrawnAt: null, withdrawnHow: null },
    ]);
    expect(Number((await audited('messaging.reply.opted_in', p))[0]!.n)).toBe(1);
    const again = await desk.book(desk.day(6), '10:00', p);
    expect((await outboxOf(h.knex, again.id)).map((r) => r.status)).toEqual(['QUEUED', 'QUEUED', 'QUEUED']);

    // START on WhatsApp opens WhatsApp only; SMS is left as it was.
    await reply(`SM${'c'.repeat(32)}`, `whatsapp:${phone}`, 'START');
    expect((await call('messaging.patientPrefs', { patientId: p })).consents.map((c) => [c.channel, c.givenHow])).toEqual([
      ['SMS', 'Replied START on SMS'],
      ['WHATSAPP', 'Replied START on WHATSAPP'],
    ]);
  });

  it('START plans again what is still to come for the patient’s upcoming appointments, once however often it comes; what has passed stays dropped', async () => {
    const phone = '+919770066666';
    const p = await addPatient(h.knex, 'Back Again', phone);
    const a = await desk.book(desk.day(3), '13:00', p);
    const planned = await outboxOf(h.knex, a.id);
    await reply(`SM${'e'.repeat(32)}`, phone, 'STOP');
    expect(await statuses(a.id)).toEqual([
      ['CONFIRMATION', 'SKIPPED'],
      ['REMINDER', 'SKIPPED'],
      ['REMINDER', 'SKIPPED'],
    ]);
    const bookedWhileOut = await desk.book(desk.day(4), '14:00', p);
    expect(await outboxOf(h.knex, bookedWhileOut.id)).toEqual([]);
    const cancelled = await desk.book(desk.day(4), '15:00', p);
    expectOk(await h.call('appointments.cancel', { id: cancelled.id, reason: 'Patient travelling' }, desk.receptionist));

    // Back on day 2 at 18:00: a's 24-hour reminder (day 2, 13:00) has passed; its 2-hour one and the confirmation have not.
    const at = clinicInstant(desk.day(2), '18:00:00');
    await reply(`SM${'f'.repeat(32)}`, phone, 'START', at);
    await reply(`SM${'g'.repeat(32)}`, phone, 'START', at);
    const after = await outboxOf(h.knex, a.id);
    expect(after.map((r) => [r.id, r.kind, r.status, r.channel])).toEqual([
      [planned[0]!.id, 'CONFIRMATION', 'QUEUED', 'SMS'],
      [planned[1]!.id, 'REMINDER', 'SKIPPED', 'SMS'],
      [planned[2]!.id, 'REMINDER', 'QUEUED', 'SMS'],
    ]);
    expect(after.map((r) => r.due_at)).toEqual(planned.map((r) => r.due_at));
    const fresh = await outboxOf(h.knex, bookedWhileOut.id);
    expect(fresh.map((r) => [r.kind, r.status, new Date(r.due_at).getTime()])).toEqual([
      ['CONFIRMATION', 'QUEUED', at],
      ['REMINDER', 'QUEUED', clinicInstant(desk.day(3), '14:00:00')],
      ['REMINDER', 'QUEUED', clinicInstant(desk.day(4), '12:00:00')],
    ]);
    expect(await outboxOf(h.knex, cancelled.id)).toEqual([]);
    // A third START, later: nothing is planned twice.
    await reply(`SM${'h'.repeat(32)}`, phone, 'START', at + 3600_000);
    expect(await h.knex('patient_messages').where({ patient_id: p }).pluck('id')).toHaveLength(6);
  });

  it('an opt-in plans again only what the patient still wants: kinds switched off and "no messages" hold', async () => {
    const phone = '+919770077777';
    const p = await addPatient(h.knex, 'Some Kinds Off', phone);
    await call('messaging.savePatientPrefs', { patientId: p, channel: null, language: null, kindsOff: ['REMINDER'] });
    const a = await desk.book(desk.day(5), '11:00', p);
    await reply(`SM${'i'.repeat(32)}`, phone, 'STOP');
    await reply(`SM${'j'.repeat(32)}`, phone, 'START');
    expect(await statuses(a.id)).toEqual([['CONFIRMATION', 'QUEUED']]);

    await call('messaging.savePatientPrefs', { patientId: p, channel: 'NONE', language: null, kindsOff: [] });
    await call('messaging.recordConsent', { patientId: p, channel: 'SMS', given: true, how: 'Said so at the desk' });
    expect(await statuses(a.id)).toEqual([['CONFIRMATION', 'SKIPPED']]);
  });

  it('a reply and a change of preferences reach every desk as events naming the patient', async () => {
    const p = await newPatient();
    const heard = (event: string) => h.events.some((e) => e.event === event && (e.payload as ChangeEvent).patientId === p);
    await call('messaging.savePatientPrefs', { patientId: p, channel: 'SMS', language: 'en', kindsOff: ['THANK_YOU'] });
    await eventually('messaging.prefsChanged', async () => (heard('messaging.prefsChanged') ? true : undefined));
    const phone = (await h.knex('patient_entities').where({ id: p }).first('phone')).phone as string;
    await reply(`SM${'d'.repeat(32)}`, phone, 'Is parking free?');
    await eventually('messaging.inboxChanged', async () => (heard('messaging.inboxChanged') ? true : undefined));
    const [open] = (await call('messaging.inbox', {})).filter((m) => m.patientId === p);
    expect(open).toMatchObject({ body: 'Is parking free?', action: 'INBOX' });
  });
});
