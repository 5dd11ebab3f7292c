import bcrypt from 'bcryptjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionDto } from '../../preload/contract';
import { hashingThreads, stopHashing } from '../../main/auth/hashing';
import { insertUser } from '../../main/users/repo';
import { MODES, type Mode } from '../support/databases';
import { TEST_PASSWORD, expectOk, startHarness, testPasswordHash, type Harness } from '../support/harness';

const WRONG = 'Email or password is incorrect.';

describe.each(MODES)('sign-in and sessions (%s)', (mode: Mode) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(mode);
  });
  afterAll(() => h.dispose());

  async function account(role: 'ADMIN' | 'RECEPTIONIST' | 'DOCTOR' | 'PATIENT', email: string, disabled = false) {
    const user = await insertUser(h.knex, { email, passwordHash: await testPasswordHash(), role, displayName: email, doctorId: null });
    if (disabled) await h.knex('users').where({ id: user.id }).update({ disabled_at: h.knex.fn.now() });
    return user;
  }

  it('starts the hashing thread when a screen that asks for a password is next, not for a signed-in desk', async () => {
    await account('RECEPTIONIST', 'warm@clinic.test');
    expect(expectOk(await h.call('auth.login', { email: 'warm@clinic.test', password: TEST_PASSWORD }, 'pc-warm'))).toMatchObject({ locked: false });
    await stopHashing();
    expect(expectOk(await h.call('auth.status', {}, 'pc-warm')).session).toMatchObject({ email: 'warm@clinic.test', locked: false });
    expect(hashingThreads()).toBe(0);
    expect(expectOk(await h.call('auth.status', {}, 'pc-nobody')).session).toBeNull();
    expect(hashingThreads()).toBe(1);
    await stopHashing();
    expectOk(await h.call('auth.lock', {}, 'pc-warm'));
    expect(expectOk(await h.call('auth.status', {}, 'pc-warm')).session).toMatchObject({ locked: true });
    expect(hashingThreads()).toBe(1);
    // Unlocking checks the password there: still the one thread.
    expect(expectOk(await h.call('auth.unlock', { password: TEST_PASSWORD }, 'pc-warm'))).toMatchObject({ locked: false });
    expect(hashingThreads()).toBe(1);
  });

  it('sets up the clinic on first run, signs the admin in, and allows it only once', async () => {
    await h.knex('users').del();
    expect(expectOk(await h.call('auth.status', {}, 'pc1'))).toEqual({ needsFirstAdmin: true, session: null });
    const weak = await h.call(
      'auth.createFirstAdmin',
      { clinicName: 'Sunrise', timeZone: 'Asia/Kolkata', email: 'boss@clinic.test', displayName: 'Boss', password: 'password12' },
      'pc1',
    );
    expect(weak).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'password', message: expect.stringMatching(/commonly used/) } });
    const badZone = await h.call(
      'auth.createFirstAdmin',
      { clinicName: 'Sunrise', timeZone: 'Mars/Olympus', email: 'boss@clinic.test', displayName: 'Boss', password: 'a fine long passphrase' },
      'pc1',
    );
    expect(badZone).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'timeZone' } });
    expect(await h.knex('users').count({ n: '*' }).first()).toEqual({ n: 0 });

    const session = expectOk<SessionDto>(
      await h.call(
        'auth.createFirstAdmin',
        { clinicName: 'Sunrise Clinic', timeZone: 'Asia/Kolkata', email: 'Boss@Clinic.test', displayName: 'Boss', password: 'a fine long passphrase' },
        'pc1',
      ),
    );
    expect(session).toMatchObject({ email: 'boss@clinic.test', role: 'ADMIN', locked: false, idleLockMinutes: 10 });
    expect(await h.knex('clinic_settings').first('clinic_name', 'time_zone')).toEqual({ clinic_name: 'Sunrise Clinic', time_zone: 'Asia/Kolkata' });
    const stored = await h.knex('users').where({ email: 'boss@clinic.test' }).first('password');
    expect(stored.password).toMatch(/^\$2[aby]\$12\$/);
    expect(expectOk(await h.call('users.list', {}, 'pc1'))).toHaveLength(1);

    const again = await h.call(
      'auth.createFirstAdmin',
      { clinicName: 'X', timeZone: 'UTC', email: 'other@clinic.test', displayName: 'Other', password: 'another fine passphrase' },
      'pc2',
    );
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await h.knex('users').count({ n: '*' }).first()).toEqual({ n: 1 });
  });

  it('signs in case-insensitively and records the login in the audit log', async () => {
    await account('RECEPTIONIST', 'desk@clinic.test');
    const session = expectOk<SessionDto>(await h.call('auth.login', { email: 'DESK@clinic.test', password: TEST_PASSWORD }, 'pc-desk'));
    expect(session).toMatchObject({ email: 'desk@clinic.test', role: 'RECEPTIONIST' });
    const row = await h.knex('audit_log').where({ action: 'auth.login', user_email: 'desk@clinic.test', outcome: 'OK' }).first();
    expect(row).toMatchObject({ workstation: 'test-pc', entity: null });
    expect(expectOk(await h.call('auth.status', {}, 'pc-desk'))).toMatchObject({ needsFirstAdmin: false, session: { email: 'desk@clinic.test' } });
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    await account('RECEPTIONIST', 'real@clinic.test');
    const unknown = await h.call('auth.login', { email: 'ghost@clinic.test', password: 'whatever it is' }, 'k');
    const wrong = await h.call('auth.login', { email: 'real@clinic.test', password: 'whatever it is' }, 'k');
    expect(unknown).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: WRONG } });
    expect(wrong).toEqual(unknown);
  });

  it('makes an email wait after five failures at a PC, existing or not, with the same words', async () => {
    await account('ADMIN', 'target@clinic.test');
    // Their own PCs: the harness's shared one would carry the other tests' failures.
    const at = (email: string, password: string, sessionKey: string, workstation = 'target-pc') =>
      h.services.router.call('auth.login', { email, password }, { sessionKey, workstation });
    const outcomes: string[] = [];
    const ghost: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await at('target@clinic.test', `wrong guess ${i}`, 'attacker');
      const g = await at('nobody@clinic.test', `wrong guess ${i}`, 'attacker', 'ghost-pc');
      outcomes.push(r.ok ? 'ok' : r.error.message.replace(/\d+ seconds/, 'N seconds'));
      ghost.push(g.ok ? 'ok' : g.error.message.replace(/\d+ seconds/, 'N seconds'));
    }
    expect(outcomes.slice(0, 4)).toEqual([WRONG, WRONG, WRONG, WRONG]);
    expect(outcomes[4]).toMatch(/^Too many failed sign-ins on this PC. Try again in N seconds/);
    expect(ghost).toEqual(outcomes);

    // Even the right password waits; the wait is the first step (30 s), not a 15-minute lock.
    const right = await at('target@clinic.test', TEST_PASSWORD, 'owner');
    expect(right).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/Too many failed sign-ins on this PC/) } });
    const lockedUntil = (await h.knex('login_throttle').where({ email: 'target@clinic.test', workstation: 'target-pc' }).first('locked_until')).locked_until;
    const seconds = (Date.parse(lockedUntil) - Date.now()) / 1000;
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(30);
    expect(await h.knex('audit_log').where({ action: 'auth.lockout', user_email: 'target@clinic.test' }).count({ n: '*' }).first()).toEqual({ n: 1 });

    // An administrator lifts it; the right password then works.
    const { sessionKey } = await h.signInAs('ADMIN');
    const user = await h.knex('users').where({ email: 'target@clinic.test' }).first('id');
    expect(expectOk(await h.call('users.list', {}, sessionKey))).toContainEqual(expect.objectContaining({ id: user.id, lockedUntil: expect.any(String) }));
    expectOk(await h.call('users.unlock', { id: user.id }, sessionKey));
    expect(await at('target@clinic.test', TEST_PASSWORD, 'owner')).toMatchObject({ ok: true });
  });

  it('refuses PATIENT accounts and says why, and refuses disabled accounts', async () => {
    await account('PATIENT', 'patient@clinic.test');
    await account('DOCTOR', 'gone@clinic.test', true);
    expect(await h.call('auth.login', { email: 'patient@clinic.test', password: TEST_PASSWORD }, 'k')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/Patient accounts cannot sign in to Clinic Desk/) },
    });
    expect(await h.call('auth.login', { email: 'gone@clinic.test', password: TEST_PASSWORD }, 'k')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/disabled/) },
    });
    // A wrong password for these accounts says nothing about them.
    expect(await h.call('auth.login', { email: 'patient@clinic.test', password: 'not the password' }, 'k')).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: WRONG },
    });
  });

  it('locks an idle session: patient-data calls are refused until the password is entered again', async () => {
    const { sessionKey } = await h.signInAs('ADMIN');
    expect(await h.call('users.list', {}, sessionKey)).toMatchObject({ ok: true });
    h.clock.advance(9 * 60_000);
    expect(await h.call('users.list', {}, sessionKey)).toMatchObject({ ok: true });
    h.clock.advance(10 * 60_000 + 1000);
    const locked = await h.call('users.list', {}, sessionKey);
    expect(locked).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'The screen is locked. Enter your password to continue.' } });
    expect(h.events).toContainEqual(expect.objectContaining({ event: 'session.changed', sessionKey }));
    expect(expectOk(await h.call('auth.status', {}, sessionKey)).session?.locked).toBe(true);

    expect(await h.call('auth.unlock', { password: 'not my password' }, sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', field: 'password' },
    });
    expect(await h.call('users.list', {}, sessionKey)).toMatchObject({ ok: false });
    expect(expectOk<SessionDto>(await h.call('auth.unlock', { password: TEST_PASSWORD }, sessionKey)).locked).toBe(false);
    expect(await h.call('users.list', {}, sessionKey)).toMatchObject({ ok: true });
  });

  it('counts reported keyboard and pointer activity, so someone typing a long form is not locked', async () => {
    const { sessionKey } = await h.signInAs('RECEPTIONIST');
    for (let i = 0; i < 3; i++) {
      h.clock.advance(8 * 60_000);
      expectOk(await h.call('auth.touch', {}, sessionKey));
    }
    expect(await h.call('settings.get', {}, sessionKey)).toMatchObject({ ok: true });
  });

  it('locks idle sessions on a timer too, so the screen locks without any call', async () => {
    const { sessionKey } = await h.signInAs('RECEPTIONIST');
    h.clock.advance(11 * 60_000);
    h.services.sessions.lockIdle(10 * 60_000);
    expect(h.services.sessions.get(sessionKey)?.locked).toBe(true);
  });

  it('honours the configured idle time', async () => {
    const admin = await h.signInAs('ADMIN');
    expectOk(await h.call('settings.update', { idleLockMinutes: 2 }, admin.sessionKey));
    const { sessionKey } = await h.signInAs('RECEPTIONIST');
    h.clock.advance(2 * 60_000 + 1000);
    expect(await h.call('settings.get', {}, sessionKey)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expectOk(await h.call('settings.update', { idleLockMinutes: 10 }, (await h.signInAs('ADMIN')).sessionKey));
  });

  it('five wrong passwords at the lock screen end the session, and only it', async () => {
    const { sessionKey, email } = await h.signInAs('RECEPTIONIST');
    expectOk(await h.call('auth.lock', {}, sessionKey));
    for (let i = 0; i < 5; i++) await h.call('auth.unlock', { password: `guess number ${i}` }, sessionKey);
    expect(h.services.sessions.get(sessionKey)).toBeUndefined();
    expect(await h.call('auth.login', { email, password: TEST_PASSWORD }, sessionKey)).toMatchObject({ ok: true });
  });

  it('changes a password under the same rules, and logs out', async () => {
    const { sessionKey, email } = await h.signInAs('DOCTOR');
    expect(await h.call('auth.changePassword', { currentPassword: 'wrong current', newPassword: 'brand new passphrase' }, sessionKey)).toMatchObject({
      ok: false,
      error: { field: 'currentPassword' },
    });
    for (const [pw, msg] of [
      ['short', /at least 10 characters/],
      ['1234567890', /commonly used/],
      [email, /email address/],
      ['x'.repeat(73), /at most 72/],
    ] as const) {
      expect(await h.call('auth.changePassword', { currentPassword: TEST_PASSWORD, newPassword: pw }, sessionKey)).toMatchObject({
        ok: false,
        error: { code: 'INVALID', field: 'newPassword', message: expect.stringMatching(msg) },
      });
    }
    expectOk(await h.call('auth.changePassword', { currentPassword: TEST_PASSWORD, newPassword: 'brand new passphrase' }, sessionKey));
    const hash = (await h.knex('users').where({ email }).first('password')).password;
    expect(await bcrypt.compare('brand new passphrase', hash)).toBe(true);
    expectOk(await h.call('auth.logout', {}, sessionKey));
    expect(await h.call('settings.get', {}, sessionKey)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
