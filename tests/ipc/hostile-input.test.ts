import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, ERROR_CODES, channels, type ChannelSpec } from '../../preload/contract';
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
        const before = await databaseSnapshot(h.knex);
        const result = await h.callRaw(channel, payload, admin);
        if (!result.ok) {
          expect(ERROR_CODES).toContain(result.error.code);
          expect(result.error.code).not.toBe('INTERNAL');
          expect(result.error.message).not.toMatch(/select |insert |update |delete from|\bat .*\.ts:\d+/i);
          if (result.error.code === 'INVALID') expect(await databaseSnapshot(h.knex)).toBe(before);
        }
        // Keep the session usable for the next run (lock/logout are valid calls too).
        h.services.sessions.setLocked(admin, false);
        if (!h.services.sessions.get(admin)) admin = (await h.signInAs('ADMIN')).sessionKey;
      }),
      { numRuns: 12, seed: 20261125 },
    );
    // Prototypes are untouched by __proto__ keys.
    expect(({} as Record<string, unknown>).role).toBeUndefined();
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});
