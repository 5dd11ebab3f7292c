import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserDto } from '../../preload/contract';
import { MODES, type Mode } from '../support/databases';
import { TEST_PASSWORD, expectOk, startHarness, type Harness } from '../support/harness';

describe.each(MODES)('user administration (%s)', (mode: Mode) => {
  let h: Harness;
  let admin: { sessionKey: string; userId: number };
  beforeAll(async () => {
    h = await startHarness(mode);
    admin = await h.signInAs('ADMIN');
  });
  afterAll(() => h.dispose());

  it('creates a receptionist who can then sign in, and audits it', async () => {
    const user = expectOk<UserDto>(
      await h.call(
        'users.create',
        { email: 'Front.Desk@Clinic.test', displayName: 'Front Desk', role: 'RECEPTIONIST', password: 'front desk passphrase' },
        admin.sessionKey,
      ),
    );
    expect(user).toMatchObject({ email: 'front.desk@clinic.test', role: 'RECEPTIONIST', disabled: false, doctorId: null });
    expect(await h.call('auth.login', { email: 'front.desk@clinic.test', password: 'front desk passphrase' }, 'desk-pc')).toMatchObject({ ok: true });
    expect(await h.knex('audit_log').where({ action: 'users.create', entity: 'user', entity_id: user.id }).first()).toMatchObject({
      user_id: admin.userId,
      outcome: 'OK',
    });
  });

  it('refuses a duplicate email (any case) with CONFLICT', async () => {
    const r = await h.call(
      'users.create',
      { email: 'FRONT.DESK@clinic.test', displayName: 'Copy', role: 'ADMIN', password: 'another passphrase' },
      admin.sessionKey,
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'email' } });
  });

  it('links a DOCTOR account to the doctor profile with the same email, or refuses', async () => {
    const [{ id: doctorId }] = await h.knex('doctor_entities').insert({ name: 'Dr. Rao', email: 'rao@clinic.test' }).returning('id');
    const doctor = expectOk<UserDto>(
      await h.call('users.create', { email: 'rao@clinic.test', displayName: 'Dr. Rao', role: 'DOCTOR', password: 'rao passphrase 123' }, admin.sessionKey),
    );
    expect(doctor.doctorId).toBe(doctorId);
    const orphan = await h.call(
      'users.create',
      { email: 'nobody@clinic.test', displayName: 'Dr. Nobody', role: 'DOCTOR', password: 'nobody passphrase 1' },
      admin.sessionKey,
    );
    expect(orphan).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'doctorId' } });
    const twice = await h.call(
      'users.create',
      { email: 'rao2@clinic.test', displayName: 'Dr. Rao again', role: 'DOCTOR', password: 'rao passphrase 456', doctorId },
      admin.sessionKey,
    );
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'doctorId' } });
    const notDoctor = await h.call(
      'users.create',
      { email: 'desk2@clinic.test', displayName: 'Desk', role: 'RECEPTIONIST', password: 'desk passphrase 12', doctorId },
      admin.sessionKey,
    );
    expect(notDoctor).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'doctorId' } });
  });

  it('disabling a user ends their sessions at once and blocks sign-in', async () => {
    const other = await h.signInAs('RECEPTIONIST');
    expect(await h.call('settings.get', {}, other.sessionKey)).toMatchObject({ ok: true });
    expect(expectOk<UserDto>(await h.call('users.setDisabled', { id: other.userId, disabled: true }, admin.sessionKey)).disabled).toBe(true);
    expect(await h.call('settings.get', {}, other.sessionKey)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expectOk(await h.call('users.setDisabled', { id: other.userId, disabled: false }, admin.sessionKey));
  });

  it('a role change signs the user out, so the new role applies from the next sign-in', async () => {
    const other = await h.signInAs('RECEPTIONIST');
    const updated = expectOk<UserDto>(await h.call('users.update', { id: other.userId, role: 'ADMIN' }, admin.sessionKey));
    expect(updated.role).toBe('ADMIN');
    expect(h.services.sessions.get(other.sessionKey)).toBeUndefined();
  });

  it('never leaves the clinic without an active administrator', async () => {
    const solo = await startHarness(mode);
    try {
      const only = await solo.signInAs('ADMIN');
      expect(await solo.call('users.setDisabled', { id: only.userId, disabled: true }, only.sessionKey)).toMatchObject({
        ok: false,
        error: { code: 'INVALID', message: expect.stringMatching(/your own account/) },
      });
      expect(await solo.call('users.update', { id: only.userId, role: 'RECEPTIONIST' }, only.sessionKey)).toMatchObject({
        ok: false,
        error: { code: 'INVALID' },
      });
      const second = await solo.signInAs('ADMIN');
      expectOk(await solo.call('users.setDisabled', { id: only.userId, disabled: true }, second.sessionKey));
      expect(await solo.knex('users').where({ id: only.userId }).first('disabled_at')).toMatchObject({ disabled_at: expect.any(String) });
    } finally {
      await solo.dispose();
    }
  });

  it('resets a password: the old one stops working, the user is signed out', async () => {
    const other = await h.signInAs('DOCTOR');
    expect(await h.call('users.resetPassword', { id: other.userId, password: 'qwertyuiop' }, admin.sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'password' },
    });
    expectOk(await h.call('users.resetPassword', { id: other.userId, password: 'fresh reset passphrase' }, admin.sessionKey));
    expect(h.services.sessions.get(other.sessionKey)).toBeUndefined();
    expect(await h.call('auth.login', { email: other.email, password: TEST_PASSWORD }, 'x')).toMatchObject({ ok: false });
    expect(await h.call('auth.login', { email: other.email, password: 'fresh reset passphrase' }, 'x')).toMatchObject({ ok: true });
  });

  it('answers NOT_FOUND for a user that does not exist', async () => {
    expect(await h.call('users.unlock', { id: 987654 }, admin.sessionKey)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('lists and filters the audit log for an ADMIN, newest first', async () => {
    const all = expectOk<{ id: number; action: string }[]>(await h.call('audit.list', { limit: 500 }, admin.sessionKey));
    expect(all.length).toBeGreaterThan(5);
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((a, b) => b - a));
    const creates = expectOk<{ action: string }[]>(await h.call('audit.list', { action: 'users.create', limit: 500 }, admin.sessionKey));
    expect(creates.length).toBeGreaterThan(0);
    expect(creates.every((e) => e.action === 'users.create')).toBe(true);
    const denied = expectOk<{ outcome: string }[]>(await h.call('audit.list', { outcome: 'DENIED', limit: 500 }, admin.sessionKey));
    expect(denied.every((e) => e.outcome === 'DENIED')).toBe(true);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    expect(expectOk<unknown[]>(await h.call('audit.list', { from: tomorrow, limit: 10 }, admin.sessionKey))).toEqual([]);
    const page = expectOk<{ id: number }[]>(await h.call('audit.list', { limit: 2 }, admin.sessionKey));
    const next = expectOk<{ id: number }[]>(await h.call('audit.list', { limit: 2, beforeId: page[1]!.id }, admin.sessionKey));
    expect(next[0]!.id).toBeLessThan(page[1]!.id);
  });
});
