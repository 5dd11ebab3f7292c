import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext, CurrentUser } from '../../main/shared/call-context';
import { insertUser } from '../../main/users/repo';
import { MODES, type Mode } from '../support/databases';
import { TEST_PASSWORD, expectOk, startHarness, testPasswordHash, type Harness } from '../support/harness';

/**
 * What each sign-in path writes to the audit trail and says back, row by row, and the rules the
 * service keeps even where the router or the contract would stop a call first (a call that
 * reaches it by another path: a session ended while the call waited, a user row gone since).
 */
describe.each(MODES)('the sign-in service, path by path (%s)', (mode: Mode) => {
  let h: Harness;
  let n = 0;
  beforeAll(async () => {
    h = await startHarness(mode);
  });
  afterAll(() => h.dispose());

  /** A fresh account and a PC of its own, so no other test's failures or rows are in the way. */
  async function account(role: 'ADMIN' | 'RECEPTIONIST' | 'DOCTOR' | 'PATIENT' = 'RECEPTIONIST', disabled = false) {
    const email = `path-${++n}-${mode}@clinic.test`;
    const row = await insertUser(h.knex, { email, passwordHash: await testPasswordHash(), role, displayName: `Path ${n}`, doctorId: null });
    if (disabled) await h.knex('users').where({ id: row.id }).update({ disabled_at: h.knex.fn.now() });
    const ctx: CallContext = { sessionKey: `path-session-${n}`, workstation: `path-pc-${n}` };
    const user: CurrentUser = { id: row.id, email, displayName: `Path ${n}`, role: role === 'PATIENT' ? 'RECEPTIONIST' : role, doctorId: null, language: 'en' };
    return { id: row.id, email, ctx, user };
  }

  interface AuditRow {
    action: string;
    outcome: string;
    user_id: number | null;
    user_email: string | null;
    entity: string | null;
    entity_id: number | null;
    detail: { reason?: string; retryAfterSeconds?: number } | null;
  }
  /** The audit rows written from one PC, oldest first (ids as numbers: bigint columns come back as text). */
  const auditOf = async (workstation: string): Promise<AuditRow[]> =>
    (await h.knex('audit_log').where({ workstation }).orderBy('id').select('action', 'outcome', 'user_id', 'user_email', 'entity', 'entity_id', 'detail')).map(
      (r: AuditRow & { detail: unknown }) => ({
        ...r,
        user_id: r.user_id === null ? null : Number(r.user_id),
        entity_id: r.entity_id === null ? null : Number(r.entity_id),
        detail: (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as AuditRow['detail'],
      }),
    );

  const login = (email: string, password: string, ctx: CallContext) => h.services.router.call('auth.login', { email, password }, ctx);

  it('audits a sign-in, a wrong password, a wait, a patient account, a disabled account and a sign-out, each with its reason', async () => {
    const desk = await account();
    expect(await login(desk.email, 'not the password', desk.ctx)).toMatchObject({ ok: false });
    expectOk(await login(desk.email, TEST_PASSWORD, desk.ctx));
    expect((await h.knex('users').where({ id: desk.id }).first('last_login_at')).last_login_at).not.toBeNull();
    expectOk(await h.services.router.call('auth.logout', {}, desk.ctx));
    const patient = await account('PATIENT');
    expect(await login(patient.email, TEST_PASSWORD, patient.ctx)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const gone = await account('DOCTOR', true);
    expect(await login(gone.email, TEST_PASSWORD, gone.ctx)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const row = (action: string, who: { id: number | null; email: string }, outcome = 'OK', detail: unknown = null) => ({
      action,
      outcome,
      user_id: who.id,
      user_email: who.email,
      entity: null,
      entity_id: null,
      detail,
    });
    expect(await auditOf(desk.ctx.workstation)).toEqual([
      row('auth.login', desk, 'DENIED', { reason: 'wrong password' }),
      row('auth.login', desk),
      row('auth.logout', desk),
    ]);
    expect(await auditOf(patient.ctx.workstation)).toEqual([row('auth.login', patient, 'DENIED', { reason: 'patient account' })]);
    expect(await auditOf(gone.ctx.workstation)).toEqual([row('auth.login', gone, 'DENIED', { reason: 'disabled' })]);
    // A patient account is never a desk session, nor a disabled one.
    expect(await h.services.auth.loadUser(patient.id)).toBeUndefined();
    expect(await h.services.auth.loadUser(gone.id)).toBeUndefined();
    expect(await h.services.auth.loadUser(-1)).toBeUndefined();
    expect(await h.services.auth.loadUser(desk.id)).toMatchObject({ id: desk.id, email: desk.email, role: 'RECEPTIONIST' });
  });

  it('audits the wait with how long it is, and the wrong guess that started it with a lockout row', async () => {
    const target = await account();
    for (let i = 0; i < 6; i++) await login(target.email, `wrong guess ${i}`, target.ctx);
    const rows = await auditOf(target.ctx.workstation);
    expect(rows.map((r) => `${r.action} ${r.outcome} ${r.detail?.reason}`)).toEqual([
      ...Array(4).fill('auth.login DENIED wrong password'),
      'auth.login DENIED wrong password',
      'auth.lockout DENIED wrong password',
      'auth.login DENIED throttled',
    ]);
    expect(rows.at(-1)!.detail).toEqual({ reason: 'throttled', retryAfterSeconds: expect.any(Number) });
    expect(rows.at(-1)!.detail!.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("audits the first admin's set-up, and refuses a second set-up and an unknown zone in the service's own words", async () => {
    await h.knex('users').del();
    const ctx: CallContext = { sessionKey: 'first-admin', workstation: `first-admin-pc-${mode}` };
    const request = {
      clinicName: 'Path Clinic',
      timeZone: 'Asia/Kolkata',
      email: `first-${mode}@clinic.test`,
      displayName: 'First',
      password: 'a fine long passphrase',
    };
    // Straight to the service: the contract would stop an unknown zone before it.
    await expect(h.services.auth.createFirstAdmin({ ...request, timeZone: 'Mars/Olympus' }, ctx)).rejects.toMatchObject({
      code: 'INVALID',
      field: 'timeZone',
      message: expect.stringContaining('"Mars/Olympus" is not a known time zone'),
    });
    const session = await h.services.auth.createFirstAdmin(request, ctx);
    await expect(h.services.auth.createFirstAdmin({ ...request, email: `second-${mode}@clinic.test` }, ctx)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This clinic is already set up. Sign in instead.',
    });
    expect(await auditOf(ctx.workstation)).toEqual([
      {
        action: 'auth.createFirstAdmin',
        outcome: 'OK',
        user_id: session.userId,
        user_email: request.email,
        entity: 'user',
        entity_id: session.userId,
        detail: null,
      },
    ]);
  });

  it('a session is shown only with both its state and its user', async () => {
    const desk = await account();
    h.services.sessions.signIn(desk.ctx.sessionKey, desk.id);
    expect(await h.services.auth.sessionOf(desk.ctx.sessionKey, desk.user)).toMatchObject({ userId: desk.id, locked: false });
    expect(await h.services.auth.sessionOf(desk.ctx.sessionKey, undefined)).toBeNull();
    expect(await h.services.auth.sessionOf('never-signed-in', desk.user)).toBeNull();
  });

  it('the lock screen: wrong and right passwords audited, the fifth wrong one ends the session with a lockout row', async () => {
    const desk = await account();
    h.services.sessions.signIn(desk.ctx.sessionKey, desk.id);
    await h.services.auth.lock(desk.ctx, desk.user);
    await expect(h.services.auth.unlock('not it', desk.ctx, desk.user)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      field: 'password',
      message: 'That password is not right.',
    });
    expect((await h.services.auth.unlock(TEST_PASSWORD, desk.ctx, desk.user)).locked).toBe(false);
    await h.services.auth.lock(desk.ctx, desk.user);
    // Four wrong, then the right one as the fifth attempt: it still unlocks.
    for (let i = 0; i < 4; i++) await expect(h.services.auth.unlock(`wrong ${i}`, desk.ctx, desk.user)).rejects.toMatchObject({ field: 'password' });
    expect((await h.services.auth.unlock(TEST_PASSWORD, desk.ctx, desk.user)).locked).toBe(false);
    await h.services.auth.lock(desk.ctx, desk.user);
    for (let i = 0; i < 4; i++) await expect(h.services.auth.unlock(`wrong ${i}`, desk.ctx, desk.user)).rejects.toMatchObject({ field: 'password' });
    await expect(h.services.auth.unlock('wrong again', desk.ctx, desk.user)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'Too many wrong passwords: you have been signed out. Sign in again.',
    });
    expect(h.services.sessions.get(desk.ctx.sessionKey)).toBeUndefined();
    // A call that was waiting while the session ended is told to sign in, and checks nothing.
    await expect(h.services.auth.unlock(TEST_PASSWORD, desk.ctx, desk.user)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'Please sign in.' });
    const rows = await auditOf(desk.ctx.workstation);
    expect(rows.map((r) => `${r.action} ${r.outcome}${r.detail ? ` ${r.detail.reason}` : ''}`)).toEqual([
      'auth.unlock DENIED',
      'auth.unlock OK',
      ...Array(4).fill('auth.unlock DENIED'),
      'auth.unlock OK',
      ...Array(5).fill('auth.unlock DENIED'),
      'auth.lockout DENIED unlock attempts',
    ]);
    expect(rows.every((r) => r.user_id === desk.id && r.user_email === desk.email)).toBe(true);
  });

  it('wrong passwords sent to one lock screen at once: five are checked, the rest refused unchecked, the session ended', async () => {
    const desk = await account();
    h.services.sessions.signIn(desk.ctx.sessionKey, desk.id);
    await h.services.auth.lock(desk.ctx, desk.user);
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => h.services.auth.unlock(`burst ${i}`, desk.ctx, desk.user)));
    expect(results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'unlocked'))).toEqual(Array(8).fill('UNAUTHENTICATED'));
    const rows = await auditOf(desk.ctx.workstation);
    expect(rows.filter((r) => r.action === 'auth.unlock')).toHaveLength(5);
    expect(rows.filter((r) => r.action === 'auth.lockout').length).toBeGreaterThan(0);
    expect(h.services.sessions.get(desk.ctx.sessionKey)).toBeUndefined();
  });

  it('a user whose row is gone is told the password is wrong, never an internal error', async () => {
    const desk = await account();
    const ghost: CurrentUser = { ...desk.user, id: 2_000_000_000 };
    h.services.sessions.signIn(desk.ctx.sessionKey, ghost.id);
    await h.services.auth.lock(desk.ctx, ghost);
    await expect(h.services.auth.unlock(TEST_PASSWORD, desk.ctx, ghost)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', field: 'password' });
    await expect(h.services.auth.changePassword(TEST_PASSWORD, 'a brand new passphrase', desk.ctx, ghost)).rejects.toMatchObject({
      code: 'INVALID',
      field: 'currentPassword',
    });
  });

  it('changing a password: wrong current ones audited like sign-ins, the same password refused, success audited', async () => {
    const desk = await account();
    h.services.sessions.signIn(desk.ctx.sessionKey, desk.id);
    const change = (current: string, next: string) => h.services.router.call('auth.changePassword', { currentPassword: current, newPassword: next }, desk.ctx);
    expect(await change(TEST_PASSWORD, TEST_PASSWORD)).toEqual({
      ok: false,
      error: { code: 'INVALID', field: 'newPassword', message: 'Choose a password different from the current one' },
    });
    for (let i = 0; i < 6; i++) await change(`wrong current ${i}`, 'a brand new passphrase');
    const rows = await auditOf(desk.ctx.workstation);
    expect(rows.map((r) => `${r.action} ${r.outcome} ${r.detail?.reason}`)).toEqual([
      ...Array(5)
        .fill('auth.changePassword DENIED wrong password')
        .flatMap((line, i) => (i === 4 ? [line, 'auth.lockout DENIED wrong password'] : [line])),
      'auth.changePassword DENIED throttled',
    ]);
    expect(rows.at(-1)!.detail).toEqual({ reason: 'throttled', retryAfterSeconds: expect.any(Number) });
    await h.knex('login_throttle').where({ email: desk.email }).del();
    expectOk(await change(TEST_PASSWORD, 'a brand new passphrase'));
    expect((await auditOf(desk.ctx.workstation)).at(-1)).toMatchObject({ action: 'auth.changePassword', outcome: 'OK', detail: null });
  });
});
