import { describe, expect, it } from 'vitest';
import { isUnavailable } from '../../main/db/pg-errors';
import { Router } from '../../main/ipc/router';
import { SessionStore } from '../../main/auth/sessions';
import { AppError } from '../../main/shared/app-error';
import type { AuditRecord } from '../../main/audit/repo';

function router(checkReplies?: boolean) {
  const logged: unknown[] = [];
  const audits: AuditRecord[] = [];
  const sessions = new SessionStore();
  const r = new Router({
    sessions,
    loadUser: async (id) => ({ id, email: 'a@clinic.test', displayName: 'A', role: 'ADMIN', doctorId: null, language: 'en' }),
    idleLockMinutes: async () => 10,
    audit: async (rec) => {
      audits.push(rec);
    },
    log: (_m, err) => logged.push(err),
    checkReplies,
  });
  sessions.signIn('s', 1);
  return { r, logged, audits };
}

const ctx = { sessionKey: 's', workstation: 'pc' };

describe('router envelope', () => {
  it('signs out and locks even when the database cannot be reached', async () => {
    const sessions = new SessionStore();
    const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const r = new Router({
      sessions,
      loadUser: async () => {
        throw down;
      },
      idleLockMinutes: async () => 10,
      audit: async () => undefined,
      log: () => undefined,
    });
    for (const channel of ['auth.lock', 'auth.logout'] as const) {
      r.handle(channel, async () => {
        throw new Error('must not run: the user could not be loaded');
      });
    }
    sessions.signIn('a', 1);
    sessions.signIn('b', 1);
    expect(await r.call('auth.lock', {}, { sessionKey: 'a', workstation: 'pc' })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(sessions.get('a')?.locked).toBe(true);
    expect(await r.call('auth.logout', {}, { sessionKey: 'b', workstation: 'pc' })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(sessions.get('b')).toBeUndefined();
  });

  it('refuses a channel the contract does not have', async () => {
    const { r } = router();
    expect(await r.call('patients.dropAll', {}, ctx)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await r.call('__proto__', {}, ctx)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await r.call('constructor', {}, ctx)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('names the invalid field', async () => {
    const { r } = router();
    r.handle('settings.update', async () => {
      throw new Error('must not run');
    });
    expect(await r.call('settings.update', { currency: 'rupees' }, ctx)).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'currency' } });
  });

  it('never lets SQL text or a stack reach the renderer', async () => {
    const { r, logged } = router();
    const sqlError = Object.assign(new Error('insert into "users" ("email") values ($1) - duplicate key value violates unique constraint'), { code: '23505' });
    r.handle('settings.get', async () => {
      throw sqlError;
    });
    const result = await r.call('settings.get', {}, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toMatch(/insert into|users|duplicate|at .*\.ts/);
    expect(logged).toEqual([sqlError]);
  });

  it('reports a lost database as UNAVAILABLE', async () => {
    const { r } = router();
    r.handle('settings.get', async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    });
    expect(await r.call('settings.get', {}, ctx)).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', message: expect.stringMatching(/cannot be reached/) },
    });
    expect(isUnavailable(Object.assign(new Error('x'), { name: 'KnexTimeoutError' }))).toBe(true);
    expect(isUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isUnavailable(new Error('Query read timeout'))).toBe(true);
    expect(isUnavailable(new Error('syntax error'))).toBe(false);
  });

  it('reports a prepared statement gone stale after a migration as UNAVAILABLE: the desk tries again, on new connections', async () => {
    const { r, logged } = router();
    let failure = Object.assign(new Error('cached plan must not change result type'), { code: '0A000' });
    r.handle('settings.get', async () => {
      throw failure;
    });
    expect(await r.call('settings.get', {}, ctx)).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(logged).toEqual([]);
    // Another feature PostgreSQL does not support is a defect, not an outage.
    failure = Object.assign(new Error('FOR UPDATE is not allowed with GROUP BY clause'), { code: '0A000' });
    expect(await r.call('settings.get', {}, ctx)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(logged).toEqual([failure]);
  });

  it('reads the caller once more when the first statement found its connection ended by the server; a server that cannot be reached is not asked twice', async () => {
    const cases = [
      { error: Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }), reads: 2, result: 'ok' },
      { error: new Error('select * from "users" - Connection terminated unexpectedly'), reads: 2, result: 'ok' },
      { error: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), reads: 2, result: 'ok' },
      { error: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), reads: 1, result: 'UNAVAILABLE' },
      { error: Object.assign(new Error('Knex: Timeout acquiring a connection'), { name: 'KnexTimeoutError' }), reads: 1, result: 'UNAVAILABLE' },
    ];
    for (const c of cases) {
      const sessions = new SessionStore();
      let reads = 0;
      const r = new Router({
        sessions,
        loadUser: async (id) => {
          if (++reads === 1) throw c.error;
          return { id, email: 'a@clinic.test', displayName: 'A', role: 'ADMIN', doctorId: null, language: 'en' };
        },
        idleLockMinutes: async () => 10,
        audit: async () => undefined,
        log: () => undefined,
      });
      r.handle('settings.get', async () => ({ ran: true }) as never);
      sessions.signIn('s', 1);
      const result = await r.call('settings.get', {}, ctx);
      expect({ error: c.error.message, reads, result: result.ok ? 'ok' : result.error.code }).toEqual({
        error: c.error.message,
        reads: c.reads,
        result: c.result,
      });
    }
  });

  it('passes AppErrors through with their code, message and field', async () => {
    const { r } = router();
    r.handle('settings.get', async () => {
      throw new AppError('CONFLICT', 'Dr. Rao already has an appointment at 10:00', 'startTime');
    });
    expect(await r.call('settings.get', {}, ctx)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'Dr. Rao already has an appointment at 10:00', field: 'startTime' },
    });
  });

  it('writes an audit row for a channel that declares one, with the entity id', async () => {
    const { r, audits } = router();
    r.handle('users.unlock', async (req) => ({
      id: req.id,
      email: 'x@clinic.test',
      displayName: 'X',
      role: 'RECEPTIONIST',
      doctorId: null,
      disabled: false,
      lockedUntil: null,
      lastLoginAt: null,
      createdAt: new Date().toISOString(),
    }));
    expect(await r.call('users.unlock', { id: 42 }, ctx)).toMatchObject({ ok: true });
    expect(audits).toEqual([{ userId: 1, userEmail: 'a@clinic.test', workstation: 'pc', action: 'users.unlock', entity: 'user', entityId: 42 }]);
  });

  it('refuses to register a handler twice and lists channels without one', () => {
    const { r } = router();
    r.handle('settings.get', async () => {
      throw new Error('x');
    });
    expect(() => r.handle('settings.get', async () => ({}) as never)).toThrow(/twice/);
    expect(r.missingHandlers()).not.toContain('settings.get');
    expect(r.missingHandlers()).toContain('users.list');
  });
});

describe('reply check against the contract', () => {
  // A reply that strays from the channel's `res` schema: a user whose role is not one of the contract's.
  const strayUser = {
    id: 7,
    email: 'x@clinic.test',
    displayName: 'X',
    role: 'JANITOR',
    doctorId: null,
    disabled: false,
    lockedUntil: null,
    lastLoginAt: null,
    createdAt: '2026-12-01T09:00:00.000Z',
  };

  it('fails a call whose reply does not match, naming the channel and the field (development and test builds)', async () => {
    const { r, logged } = router(true);
    r.handle('users.list', async () => [strayUser] as never);
    const result = await r.call('users.list', {}, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const message = result.ok ? '' : result.error.message;
    expect(message).toContain('users.list');
    expect(message).toContain('0.role');
    expect(logged).toEqual([[strayUser]]);
  });

  it('lets a reply that matches through as the very object the handler returned', async () => {
    const { r } = router(true);
    const user = { ...strayUser, role: 'RECEPTIONIST' as const };
    const reply = [user];
    r.handle('users.list', async () => reply);
    const result = await r.call('users.list', {}, ctx);
    expect(result).toEqual({ ok: true, value: reply });
    expect(result.ok && result.value).toBe(reply);
  });

  it('passes a stray reply through untouched in production', async () => {
    const { r, logged } = router(false);
    const reply = [strayUser];
    r.handle('users.list', async () => reply as never);
    const result = await r.call('users.list', {}, ctx);
    expect(result.ok && result.value).toBe(reply);
    expect(logged).toEqual([]);
  });

  it('still writes the audit row of a change whose reply strayed (the change happened)', async () => {
    const { r, audits } = router(true);
    r.handle('users.unlock', async (req) => ({ ...strayUser, id: req.id }) as never);
    expect(await r.call('users.unlock', { id: 42 }, ctx)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(audits).toMatchObject([{ action: 'users.unlock', entityId: 42 }]);
  });
});
