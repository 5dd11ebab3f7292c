import { afterEach, describe, expect, it } from 'vitest';
import type { CallError } from '../../preload/contract';
import { inTheDesksLanguage } from '../../renderer/api/clinic';
import { switchLanguage } from '../../renderer/i18n';
import { schemaResolver } from '../../renderer/ui/form/zod-resolvers';
import { channels } from '../../preload/contract';
import { fakeClinic } from './fake-clinic';

/** The message the desk shows for a refusal main sent as `error`. */
async function shown(error: CallError): Promise<string> {
  const { api } = fakeClinic({ 'patients.get': () => ({ ok: false, error }) });
  const r = await inTheDesksLanguage(api).patients.get({ id: 1 });
  if (r.ok) throw new Error('the fake refused, the desk must too');
  return r.error.message;
}

describe('main’s refusals in the desk’s language', () => {
  afterEach(() => switchLanguage('en'));

  it('says a sentence of the catalogue in Hindi on a Hindi desk, and as sent on an English one', async () => {
    const error: CallError = { code: 'INVALID', message: 'Enter a valid email address', field: 'email' };
    expect(await shown(error)).toBe('Enter a valid email address');
    await switchLanguage('hi');
    const said = await shown(error);
    expect(said).not.toBe('Enter a valid email address');
    expect(said).toMatch(/[\u0900-\u097F]/);
  });

  it('fills a sentence’s values in, a date in the desk’s own way, a sentence within it in its words', async () => {
    const error: CallError = {
      code: 'CONFLICT',
      message: 'The appointment of 2026-12-03: Enter a valid email address',
      phrase: { text: 'The appointment of {0}: {1}', values: ['2026-12-03', { text: 'Enter a valid email address' }] },
    };
    expect(await shown(error)).toBe('The appointment of Thu 3 Dec 2026: Enter a valid email address');
    await switchLanguage('hi');
    expect(await shown(error)).toMatch(/^The appointment of .*3 .*2026: [^A-Za-z]*[\u0900-\u097F]/);
  });

  it('says a sentence of main’s with values in Hindi, each value in its place', async () => {
    const error: CallError = {
      code: 'CONFLICT',
      message: 'The patient already has an appointment 10:00–10:15 on 2099-03-09',
      phrase: { text: 'The patient already has an appointment {0}–{1} on {2}', values: ['10:00', '10:15', '2099-03-09'] },
    };
    expect(await shown(error)).toBe('The patient already has an appointment 10:00–10:15 on Mon 9 Mar 2099');
    await switchLanguage('hi');
    expect(await shown(error)).toMatch(/^मरीज़ का सोम(वार)?,? 9 मार्च 2099 को 10:00–10:15 पर पहले से अपॉइंटमेंट है$/);
  });

  it('keeps a sentence it has no words for as main sent it, and keeps code and field', async () => {
    await switchLanguage('hi');
    const error: CallError = { code: 'NOT_FOUND', message: 'A sentence no catalogue has', field: 'id' };
    const { api } = fakeClinic({ 'patients.get': () => ({ ok: false, error }) });
    expect(await inTheDesksLanguage(api).patients.get({ id: 1 })).toEqual({ ok: false, error });
  });

  it('says the contract’s own checks in a form in the desk’s language', async () => {
    await switchLanguage('hi');
    const resolve = schemaResolver(channels['auth.login'].req);
    const result = await resolve({ email: 'not an address', password: 'x' }, undefined, { fields: {}, shouldUseNativeValidation: false });
    expect(result.errors.email?.message).toMatch(/[\u0900-\u097F]/);
  });
});
