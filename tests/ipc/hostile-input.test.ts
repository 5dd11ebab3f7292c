import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, ERROR_CODES, channels, parseRequest, type ChannelSpec } from '../../preload/contract';
import { UNSTORABLE_TEXT_MESSAGE } from '../../preload/contract/text';
import { MODES, type Mode } from '../support/databases';
import { databaseSnapshot, startHarness, type Harness } from '../support/harness';

/** Values a curious user, a broken form or an attacker might send in any field. */
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    "'; DROP TABLE patient_entities; --",
    '" OR 1=1 --',
    '%_%\\',
    '\u202Egnp.exe',
    '\u0000\u0007\u001b[31m',
    '😀👩‍⚕️🏥',
    'x'.repeat(100_000),
    '2023-02-30',
    '2024-13-01',
    '24:00',
    '23:60',
    '-1',
    '1e309',
    '__proto__',
    'constructor',
    'NaN',
  ),
  fc.integer(),
  fc.constantFrom(0, -1, 2 ** 53, Number.MAX_VALUE, Number.NaN, Number.POSITIVE_INFINITY, 1.5),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);

function fieldsOf(spec: ChannelSpec): string[] {
  const schema = spec.req as unknown as { shape?: Record<string, unknown> };
  return schema.shape ? Object.keys(schema.shape) : [];
}

/** A payload shaped like the channel's request, with any of its fields missing or hostile, plus stray keys. */
const payloadFor = (spec: ChannelSpec) =>
  fc.oneof(
    fc.anything(),
    fc
      .tuple(
        fc.record(Object.fromEntries(fieldsOf(spec).map((k) => [k, nasty])), { requiredKeys: [] }),
        fc.constantFrom({}, JSON.parse('{"__proto__": {"role": "ADMIN"}}') as object, { constructor: { prototype: { admin: true } } }, { extra: 1 }),
      )
      .map(([fields, extra]) => Object.assign(Object.create(null) as object, extra, fields)),
  );

describe.each(MODES)('hostile input on every channel (%s)', (mode: Mode) => {
  let h: Harness;
  let admin: string;
  // The database as an INVALID call left it: the next call's "before", as nothing else writes in
  // between (a sign-in does, and forgets it), so each call costs one snapshot rather than two.
  let unchanged: string | undefined;
  beforeAll(async () => {
    h = await startHarness(mode);
    admin = (await h.signInAs('ADMIN')).sessionKey;
    await h.knex('patient_entities').insert({ name: 'Existing Patient', email: 'existing@example.com' });
  });
  afterAll(() => h.dispose());

  it.each(CHANNEL_NAMES)('%s: never crashes, answers with a typed error, and an INVALID call changes nothing', async (channel) => {
    const spec = channels[channel] as ChannelSpec;
    await fc.assert(
      fc.asyncProperty(payloadFor(spec), async (payload) => {
        const before = unchanged ?? (await databaseSnapshot(h.knex));
        unchanged = undefined;
        const result = await h.callRaw(channel, payload, admin);
        if (!result.ok) {
          expect(ERROR_CODES).toContain(result.error.code);
          expect(result.error.code).not.toBe('INTERNAL');
          expect(result.error.message).not.toMatch(/select |insert |update |delete from|\bat .*\.ts:\d+/i);
          if (result.error.code === 'INVALID') {
            const after = await databaseSnapshot(h.knex);
            expect(after).toBe(before);
            unchanged = after;
          }
        }
        // Keep the session usable for the next run (lock/logout are valid calls too).
        h.services.sessions.setLocked(admin, false);
        if (!h.services.sessions.get(admin)) {
          admin = (await h.signInAs('ADMIN')).sessionKey;
          unchanged = undefined;
        }
      }),
      { numRuns: 12, seed: 20261125 },
    );
    // Prototypes are untouched by __proto__ keys.
    expect(({} as Record<string, unknown>).role).toBeUndefined();
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});

// Text PostgreSQL cannot store: a NUL (refused by text and jsonb alike) and lone surrogates
// (which the driver would silently turn into U+FFFD).
const UNSTORABLE = ['Ravi\u0000Kumar', 'Ravi \uD83D Kumar', 'Ravi \uDE00 Kumar', '\uDE00\uD83D'];

describe('text the database cannot store, on every channel of the contract', () => {
  it.each(CHANNEL_NAMES)('%s: refused as INVALID at its field, wherever it sits', (channel) => {
    const spec = channels[channel] as ChannelSpec;
    for (const text of UNSTORABLE) {
      expect(parseRequest(spec.req, { [fieldsOf(spec)[0] ?? 'text']: text })).toEqual({
        ok: false,
        error: { code: 'INVALID', field: fieldsOf(spec)[0] ?? 'text', message: UNSTORABLE_TEXT_MESSAGE },
      });
      expect(parseRequest(spec.req, { detail: { notes: ['fine', text] } })).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'detail.notes.1' } });
      // …and as an object key.
      expect(parseRequest(spec.req, { detail: { [text]: 1 } })).toMatchObject({ ok: false, error: { code: 'INVALID', field: `detail.${text}` } });
    }
  });

  it('keeps every other character, surrogate pairs (emoji) and control characters included', () => {
    expect(parseRequest(channels['patients.search'].req, { query: '😀 \u0007 \u202E Ravi' })).toEqual({
      ok: true,
      data: { query: '😀 \u0007 \u202E Ravi', limit: 20 },
    });
  });
});

describe.each(MODES)('text the database cannot store never reaches it (%s)', (mode: Mode) => {
  let h: Harness;
  let doctor: { sessionKey: string; userId: number };
  let doctorId: number;
  let patientId: number;
  beforeAll(async () => {
    h = await startHarness(mode);
    [{ id: doctorId }] = await h.knex('doctor_entities').insert({ name: 'Dr. Asha Rao', email: 'asha.rao@clinic.test' }).returning('id');
    [{ id: patientId }] = await h.knex('patient_entities').insert({ name: 'Existing Patient', email: 'existing@example.com' }).returning('id');
    await h.knex('doctor_availabilities').insert({ doctor_id: doctorId, date: '2099-03-02', start_time: '09:00', end_time: '13:00', slot_minutes: 15 });
    doctor = await h.signInAs('DOCTOR', { doctorId });
  });
  afterAll(() => h.dispose());

  const calls: [string, (text: string) => [string, Record<string, unknown>], string][] = [
    ['a patient’s name', (t) => ['patients.create', { name: t }], 'name'],
    ['a search', (t) => ['patients.search', { query: t }], 'query'],
    ['a medical history', (t) => ['patients.update', { id: patientId, medicalHistory: t }], 'medicalHistory'],
    ['a booking’s reason', (t) => ['appointments.book', { patientId, doctorId, date: '2099-03-02', startTime: '09:00', reason: t }], 'reason'],
    [
      'a call event’s detail (jsonb)',
      (t) => ['video.reportEvent', { roomSid: `RM${'a'.repeat(32)}`, type: 'device-error', detail: { message: t } }],
      'detail.message',
    ],
  ];

  it.each(calls)('%s: INVALID at the field, never INTERNAL, and nothing written', async (_label, make, field) => {
    for (const text of UNSTORABLE) {
      const [channel, payload] = make(text);
      const before = await databaseSnapshot(h.knex);
      expect(await h.callRaw(channel, payload, doctor.sessionKey)).toEqual({ ok: false, error: { code: 'INVALID', field, message: UNSTORABLE_TEXT_MESSAGE } });
      expect(await databaseSnapshot(h.knex)).toBe(before);
    }
  });
});
