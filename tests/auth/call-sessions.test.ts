import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODES, type Mode } from '../support/databases';
import { TEST_PASSWORD, expectOk, startHarness, type Harness } from '../support/harness';
import { waitFor } from '../support/wait';

const NO_SUCH_PATIENT = { id: 999_999_999 };
const LOCKED = { ok: false, error: { code: 'UNAUTHENTICATED', message: 'The screen is locked. Enter your password to continue.' } };

describe.each(MODES)('sessions opened from a window (%s)', (mode: Mode) => {
  let h: Harness;
  let n = 0;
  beforeAll(async () => {
    h = await startHarness(mode);
  });
  afterAll(() => h.dispose());

  /** A doctor's main window and a call window (or browser tab) opened from it. */
  async function withCall() {
    const main = await h.signInAs('DOCTOR');
    const call = `call-${mode}-${++n}`;
    expect(h.services.sessions.signInFrom(call, main.sessionKey)).toBeDefined();
    return { ...main, call };
  }

  it('locking a window locks the call it opened; unlocking it unlocks the call', async () => {
    const { sessionKey, call } = await withCall();
    expect(await h.call('patients.get', NO_SUCH_PATIENT, call)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // The call's outcome is the call's: finished, or (the patient never joined) did not come.
    for (const channel of ['appointments.complete', 'appointments.noShow'] as const)
      expect(await h.call(channel, NO_SUCH_PATIENT, call), channel).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expectOk(await h.call('auth.lock', {}, sessionKey));
    expect(await h.call('patients.get', NO_SUCH_PATIENT, call)).toEqual(LOCKED);
    // The call window is told, so its screen hides the patient too.
    await waitFor('the call window to be told', () =>
      h.events.find((e) => e.event === 'session.changed' && e.sessionKey === call && (e.payload as { session: { locked: boolean } | null }).session?.locked),
    );
    expectOk(await h.call('auth.unlock', { password: TEST_PASSWORD }, sessionKey));
    expect(await h.call('patients.get', NO_SUCH_PATIENT, call)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // The call's outcome is the call's: finished, or (the patient never joined) did not come.
    for (const channel of ['appointments.complete', 'appointments.noShow'] as const)
      expect(await h.call(channel, NO_SUCH_PATIENT, call), channel).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a window found idle locks its call at once, without waiting for the sweep', async () => {
    const { sessionKey, call } = await withCall();
    h.clock.advance(11 * 60_000);
    expect(await h.call('settings.get', {}, sessionKey)).toEqual(LOCKED);
    expect(h.services.sessions.get(call)?.locked).toBe(true);
  });

  it('activity in the call keeps its opener awake, so the call is not locked under the doctor', async () => {
    const { sessionKey, call } = await withCall();
    for (let i = 0; i < 3; i++) {
      h.clock.advance(6 * 60_000);
      expectOk(await h.call('auth.touch', {}, call));
      h.services.sessions.lockIdle(10 * 60_000);
    }
    expect(h.services.sessions.get(sessionKey)?.locked).toBe(false);
    expect(h.services.sessions.get(call)?.locked).toBe(false);
  });

  it('a call session may call the call and its patient, never the rest of the role', async () => {
    const { sessionKey, call } = await withCall();
    for (const [channel, payload] of [
      ['doctors.list', {}],
      ['patients.search', { query: 'sharma' }],
      ['video.openWindow', { appointmentId: 1 }],
      ['auth.changePassword', { currentPassword: 'not the password', newPassword: 'another long passphrase' }],
      ['auth.unlock', { password: TEST_PASSWORD }],
    ] as const) {
      expect(await h.callRaw(channel, payload, call), channel).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringMatching(/call window can only run the call/) },
      });
      // The opener's own session keeps its whole role.
      expect(await h.callRaw(channel, payload, sessionKey), channel).not.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await h.call('patients.get', NO_SUCH_PATIENT, call)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // The call's outcome is the call's: finished, or (the patient never joined) did not come.
    for (const channel of ['appointments.complete', 'appointments.noShow'] as const)
      expect(await h.call(channel, NO_SUCH_PATIENT, call), channel).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expectOk(await h.call('auth.touch', {}, call));
  });
});
