import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionDto } from '../../preload/contract';
import { MODES, type Mode } from '../support/databases';
import { expectOk, startHarness, type Harness } from '../support/harness';
import { waitFor } from '../support/wait';

describe.each(MODES)('each user’s desk language (%s)', (mode: Mode) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(mode);
  });
  afterAll(() => h.dispose());

  it('starts in English, keeps the chosen language on the account and returns it with every session', async () => {
    const desk = await h.signInAs('RECEPTIONIST');
    expect(expectOk<{ session: SessionDto | null }>(await h.call('auth.status', {}, desk.sessionKey)).session?.language).toBe('en');

    const changed = expectOk<SessionDto>(await h.call('auth.setLanguage', { language: 'hi' }, desk.sessionKey));
    expect(changed).toMatchObject({ userId: desk.userId, language: 'hi', locked: false });
    expect(await h.knex('users').where({ id: desk.userId }).first('language')).toEqual({ language: 'hi' });
    // At once on this PC (not after the signed-in row's cache expires), and on the next sign-in anywhere.
    expect(expectOk<{ session: SessionDto | null }>(await h.call('auth.status', {}, desk.sessionKey)).session?.language).toBe('hi');

    // Another user's language is their own.
    const doctor = await h.signInAs('DOCTOR');
    expect(expectOk<{ session: SessionDto | null }>(await h.call('auth.status', {}, doctor.sessionKey)).session?.language).toBe('en');
  });

  it('tells each window of the user its session again, a call window too, so it speaks the new language', async () => {
    const doctor = await h.signInAs('DOCTOR');
    const call = `call-language-${mode}`;
    expect(h.services.sessions.signInFrom(call, doctor.sessionKey)).toBeDefined();
    const from = h.events.length;
    expectOk(await h.call('auth.setLanguage', { language: 'hi' }, doctor.sessionKey));
    const told = (key: string) =>
      h.events
        .slice(from)
        .find((e) => e.event === 'session.changed' && e.sessionKey === key && (e.payload as { session: SessionDto | null }).session?.language === 'hi');
    // Each window's session is read afresh on its own, so the two arrive in either order.
    await waitFor('the call window to be told its language', () => told(call));
    await waitFor('the desk window to be told its language', () => told(doctor.sessionKey));
  });

  it('refuses a language the desk does not have, and changes nothing', async () => {
    const desk = await h.signInAs('RECEPTIONIST');
    expect(await h.call('auth.setLanguage', { language: 'fr' } as never, desk.sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'language', message: 'Choose English or Hindi' },
    });
    expect(await h.knex('users').where({ id: desk.userId }).first('language')).toEqual({ language: 'en' });
  });

  it('the database refuses an unknown language however it is written', async () => {
    const desk = await h.signInAs('ADMIN');
    await expect(h.knex('users').where({ id: desk.userId }).update({ language: 'xx' })).rejects.toThrow(/users_language_known/);
  });
});
