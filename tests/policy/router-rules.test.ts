import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../main/audit/repo';
import { SessionStore } from '../../main/auth/sessions';
import { Router } from '../../main/ipc/router';
import { AppError } from '../../main/shared/app-error';
import type { CurrentUser } from '../../main/shared/call-context';
import type { Role } from '../../preload/contract';

/**
 * The router's own rules, each on a router with stub handlers and a session store the test
 * holds, one refusal at a time: who is refused, in which words, and the audit row each refusal
 * leaves. The channels are picked by hand for what the contract says of them (an ADMIN-only
 * audited write, a read-audited channel, one that works on a locked screen, a public one, one a
 * call window may use); the matrix covers every channel, this file each rule.
 */

const DOCTOR_CREATE = { name: 'Dr. Rule', email: 'rule@clinic.test' };
const IDLE_MINUTES = 10;

function setUp(role: Role = 'ADMIN', options: { checkReplies?: boolean; loadUser?: (id: number) => Promise<CurrentUser | undefined> } = {}) {
  let now = Date.parse('2026-12-03T10:00:00Z');
  const sessions = new SessionStore(() => now);
  const audits: AuditRecord[] = [];
  const logged: string[] = [];
  const users = new Map<number, CurrentUser>([[1, { id: 1, email: 'one@clinic.test', displayName: 'One', role, doctorId: null, language: 'en' }]]);
  const router = new Router({
    sessions,
    loadUser: options.loadUser ?? (async (id) => users.get(id)),
    idleLockMinutes: async () => IDLE_MINUTES,
    audit: async (record) => {
      audits.push(record);
    },
    log: (message) => logged.push(message),
    checkReplies: options.checkReplies ?? false,
  });
  const calls: string[] = [];
  const ok = (channel: string) => async () => (calls.push(channel), { id: 41 });
  router
    .handle('doctors.create', ok('doctors.create') as never)
    .handle('users.list', async () => (calls.push('users.list'), []) as never)
    .handle('settings.get', ok('settings.get') as never)
    .handle(
      'auth.status',
      async (_req, call) => (calls.push(`auth.status as ${call.user?.email ?? 'nobody'}`), { needsFirstAdmin: false, session: null }) as never,
    )
    .handle('auth.lock', ok('auth.lock') as never)
    .handle('patients.get', ok('patients.get') as never);
  return {
    router,
    sessions,
    audits,
    logged,
    calls,
    users,
    advance: (ms: number) => (now += ms),
    call: (channel: string, payload: unknown, sessionKey = 'desk') => router.call(channel, payload, { sessionKey, workstation: 'front-desk' }),
  };
}

describe('the router refuses before any handler runs', () => {
  it('a caller not signed in: UNAUTHENTICATED, a DENIED row naming the channel and its record, no handler', async () => {
    const t = setUp();
    expect(await t.call('doctors.create', DOCTOR_CREATE)).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Please sign in.' } });
    expect(await t.call('patients.get', { id: 7 })).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Please sign in.' } });
    expect(t.audits).toEqual([
      {
        userId: null,
        userEmail: null,
        workstation: 'front-desk',
        action: 'doctors.create',
        entity: 'doctor',
        entityId: null,
        outcome: 'DENIED',
        detail: { code: 'UNAUTHENTICATED' },
      },
      {
        userId: null,
        userEmail: null,
        workstation: 'front-desk',
        action: 'patients.get',
        entity: 'patient',
        entityId: 7,
        outcome: 'DENIED',
        detail: { code: 'UNAUTHENTICATED' },
      },
    ]);
    expect(t.calls).toEqual([]);
  });

  it('a user no longer active: signed out, told so, the row names the session’s user', async () => {
    const t = setUp();
    t.sessions.signIn('desk', 99);
    expect(await t.call('settings.get', {})).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: 'Your account is no longer active. Please sign in again.' },
    });
    expect(t.sessions.get('desk')).toBeUndefined();
    expect(t.audits).toMatchObject([{ userId: 99, userEmail: null, action: 'settings.get', entity: null, outcome: 'DENIED' }]);
  });

  it('a role the channel does not allow: FORBIDDEN in the same words for any channel, a DENIED row with the user', async () => {
    const t = setUp('RECEPTIONIST');
    t.sessions.signIn('desk', 1);
    expect(await t.call('doctors.create', DOCTOR_CREATE)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Your role does not allow this.' } });
    expect(await t.call('users.list', {})).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Your role does not allow this.' } });
    expect(t.audits.map((a) => [a.action, a.userId, a.userEmail, a.entity, a.outcome, a.detail])).toEqual([
      ['doctors.create', 1, 'one@clinic.test', 'doctor', 'DENIED', { code: 'FORBIDDEN' }],
      ['users.list', 1, 'one@clinic.test', 'user', 'DENIED', { code: 'FORBIDDEN' }],
    ]);
    expect(t.calls).toEqual([]);
  });

  it('a locked screen: refused except on the channels that work while locked; idle past the limit locks', async () => {
    const t = setUp();
    t.sessions.signIn('desk', 1);
    t.advance(IDLE_MINUTES * 60_000 + 1);
    const locked = { ok: false, error: { code: 'UNAUTHENTICATED', message: 'The screen is locked. Enter your password to continue.' } };
    expect(await t.call('settings.get', {})).toEqual(locked);
    expect(t.sessions.get('desk')?.locked).toBe(true);
    expect(await t.call('auth.lock', {})).toMatchObject({ ok: true });
    expect(await t.call('settings.get', {})).toEqual(locked);
    expect(t.calls).toEqual(['auth.lock']);
    expect(t.audits.filter((a) => a.outcome === 'DENIED').map((a) => a.action)).toEqual(['settings.get', 'settings.get']);
  });

  it('activity within the limit keeps the screen open', async () => {
    const t = setUp();
    t.sessions.signIn('desk', 1);
    for (let i = 0; i < 3; i++) {
      t.advance(IDLE_MINUTES * 60_000 - 1000);
      expect(await t.call('settings.get', {})).toMatchObject({ ok: true });
    }
  });

  it('a call window runs only the call’s channels, whatever its user’s role', async () => {
    const t = setUp('ADMIN');
    t.sessions.signIn('desk', 1);
    t.sessions.signInFrom('call', 'desk');
    expect(await t.call('doctors.create', DOCTOR_CREATE, 'call')).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'A call window can only run the call. Use the main Clinic Desk window for this.' },
    });
    expect(await t.call('patients.get', { id: 5 }, 'call')).toMatchObject({ ok: true });
    expect(await t.call('doctors.create', DOCTOR_CREATE, 'desk')).toMatchObject({ ok: true });
  });

  it('a public channel answers anyone, and knows the caller when there is one', async () => {
    const t = setUp();
    expect(await t.call('auth.status', {}, 'stranger')).toMatchObject({ ok: true });
    t.sessions.signIn('desk', 1);
    expect(await t.call('auth.status', {})).toMatchObject({ ok: true });
    expect(t.calls).toEqual(['auth.status as nobody', 'auth.status as one@clinic.test']);
    expect(t.audits).toEqual([]);
  });
});

describe('the router audits what handlers did and refused', () => {
  it('an audited write: one row with the user, the entity and the id of what it wrote; a read is flagged as one', async () => {
    const t = setUp();
    t.sessions.signIn('desk', 1);
    expect(await t.call('doctors.create', DOCTOR_CREATE)).toEqual({ ok: true, value: { id: 41 } });
    expect(await t.call('patients.get', { id: 7 })).toMatchObject({ ok: true });
    expect(await t.call('settings.get', {})).toMatchObject({ ok: true });
    expect(t.audits).toEqual([
      { userId: 1, userEmail: 'one@clinic.test', workstation: 'front-desk', action: 'doctors.create', entity: 'doctor', entityId: 41 },
      { userId: 1, userEmail: 'one@clinic.test', workstation: 'front-desk', action: 'patients.get', entity: 'patient', read: true, entityId: 41 },
    ]);
  });

  it('a handler that writes its own row in its commit, or names the record, is believed', async () => {
    const t = setUp();
    t.sessions.signIn('desk', 1);
    t.router.handle('patients.update', async (_req, call) => {
      call.audited = true;
      return {} as never;
    });
    t.router.handle('doctors.update', async (_req, call) => {
      call.auditId = 77;
      return {} as never;
    });
    expectOkResult(await t.call('patients.update', { id: 3, name: 'Renamed' }));
    expectOkResult(await t.call('doctors.update', { id: 5, name: 'Dr. Renamed' }));
    expect(t.audits.map((a) => [a.action, a.entityId])).toEqual([['doctors.update', 77]]);
  });

  it('a refusal by the handler: DENIED for not allowed, REFUSED for the rules, nothing for bad input; the field is kept', async () => {
    const t = setUp();
    t.sessions.signIn('desk', 1);
    const throwing = (err: AppError) => async () => {
      throw err;
    };
    t.router.handle('patients.update', throwing(new AppError('FORBIDDEN', 'Not your patient', 'id')) as never);
    t.router.handle('doctors.update', throwing(new AppError('CONFLICT', 'Email taken', 'email')) as never);
    t.router.handle('doctors.delete', throwing(new AppError('NOT_FOUND', 'No such doctor', 'id')) as never);
    t.router.handle('settings.update', throwing(new AppError('INVALID', 'Bad zone', 'timeZone')) as never);
    expect(await t.call('patients.update', { id: 3, name: 'X' })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Not your patient', field: 'id' },
    });
    expect(await t.call('doctors.update', { id: 5, email: 'x@clinic.test' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'email' } });
    expect(await t.call('doctors.delete', { id: 6 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call('settings.update', { timeZone: 'UTC' })).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'timeZone' } });
    expect(t.audits.map((a) => [a.action, a.userId, a.userEmail, a.entityId, a.outcome, a.detail])).toEqual([
      ['patients.update', 1, 'one@clinic.test', 3, 'DENIED', { code: 'FORBIDDEN', field: 'id' }],
      ['doctors.update', 1, 'one@clinic.test', 5, 'REFUSED', { code: 'CONFLICT', field: 'email' }],
      ['doctors.delete', 1, 'one@clinic.test', 6, 'REFUSED', { code: 'NOT_FOUND', field: 'id' }],
    ]);
  });

  it('the sign-in channels write their own refusal rows: the router adds none after them', async () => {
    const t = setUp();
    t.sessions.signIn('desk', 1);
    t.router.handle('auth.unlock', async () => {
      throw new AppError('UNAUTHENTICATED', 'That password is not right.', 'password');
    });
    expect(await t.call('auth.unlock', { password: 'wrong one' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(t.audits).toEqual([]);
  });

  it('a refusal whose audit row cannot be written is still answered, and the failure logged', async () => {
    const sessions = new SessionStore();
    const logged: string[] = [];
    const router = new Router({
      sessions,
      loadUser: async () => undefined,
      idleLockMinutes: async () => IDLE_MINUTES,
      audit: async () => {
        throw new Error('audit table gone');
      },
      log: (message) => logged.push(message),
    });
    router.handle('settings.get', async () => ({}) as never);
    expect(await router.call('settings.get', {}, { sessionKey: 'nobody', workstation: 'pc' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(logged).toEqual(['audit write failed']);
  });

  it('an unexpected failure is INTERNAL in words for people, logged with the channel', async () => {
    const t = setUp();
    t.sessions.signIn('desk', 1);
    t.router.handle('doctors.delete', async () => {
      throw new TypeError('cannot read id of undefined');
    });
    expect(await t.call('doctors.delete', { id: 1 })).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Something went wrong on this PC. Please try again; if it keeps happening, tell your administrator.' },
    });
    expect(t.logged).toEqual(['call doctors.delete failed']);
    expect(t.audits).toEqual([]);
  });

  it('names an unknown channel, cut short, and writes nothing', async () => {
    const t = setUp();
    const long = `x${'y'.repeat(200)}`;
    expect(await t.call(long, {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: `Unknown call "${long.slice(0, 80)}"` } });
    expect(await t.call('toString', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(t.audits).toEqual([]);
  });
});

describe('the router at its edges', () => {
  it('a contract channel with no handler is an unknown call, and so is a handler for no channel', async () => {
    const t = setUp();
    t.sessions.signIn('desk', 1);
    expect(await t.call('settings.update', { clinicName: 'X' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Unknown call "settings.update"', phrase: { text: 'Unknown call "{0}"', values: ['settings.update'] } },
    });
    t.router.handleAll({ 'settings.update': async () => ({}) as never });
    expect(await t.call('settings.update', { clinicName: 'X' })).toMatchObject({ ok: true });
  });

  it('a public channel refused by its handler with nobody signed in: a row without a user', async () => {
    const t = setUp();
    t.router.handle('auth.createFirstAdmin', async () => {
      throw new AppError('CONFLICT', 'This clinic is already set up. Sign in instead.');
    });
    const request = { clinicName: 'C', timeZone: 'UTC', email: 'first@clinic.test', displayName: 'First', password: 'a fine long passphrase' };
    expect(await t.call('auth.createFirstAdmin', request, 'stranger')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(t.audits).toMatchObject([{ userId: null, userEmail: null, action: 'auth.createFirstAdmin', outcome: 'REFUSED' }]);
  });

  it('a session ended while its user was read is not an internal error', async () => {
    const sessions = new SessionStore();
    const router = new Router({
      sessions,
      loadUser: async (id) => {
        sessions.signOut('desk');
        return { id, email: 'one@clinic.test', displayName: 'One', role: 'ADMIN', doctorId: null, language: 'en' };
      },
      idleLockMinutes: async () => IDLE_MINUTES,
      audit: async () => undefined,
      log: () => undefined,
    });
    router.handle('settings.get', async () => ({}) as never);
    sessions.signIn('desk', 1);
    expect((await router.call('settings.get', {}, { sessionKey: 'desk', workstation: 'pc' })).ok).toBe(true);
  });

  it('an error that only looks like a refusal (a code, not an AppError) is INTERNAL and writes no row', async () => {
    const t = setUp();
    t.sessions.signIn('desk', 1);
    t.router.handle('doctors.delete', async () => {
      throw Object.assign(new Error('driver said so'), { code: 'CONFLICT' });
    });
    expect(await t.call('doctors.delete', { id: 2 })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(t.audits).toEqual([]);
  });

  it("a stray reply is named field by field, '(reply)' when the whole reply is wrong", async () => {
    const t = setUp('ADMIN', { checkReplies: true });
    t.sessions.signIn('desk', 1);
    t.router.handle('doctors.delete', async () => 'not null' as never);
    expect(await t.call('doctors.delete', { id: 2 })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringMatching(/^The reply of doctors\.delete does not match the contract: \(reply\): /) },
    });
    // A field inside the reply is named by its whole path.
    t.router.handle('doctors.list', async () => [{ id: 'seven' }] as never);
    expect(await t.call('doctors.list', {})).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringMatching(/^The reply of doctors\.list does not match the contract: 0\.id: .*; 0\.name: /) },
    });
  });
});

function expectOkResult(result: { ok: boolean }) {
  expect(result).toMatchObject({ ok: true });
}
