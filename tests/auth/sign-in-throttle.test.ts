import bcrypt from 'bcryptjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChannelName, Req, SessionDto } from '../../preload/contract';
import { hashPassword, stopHashing } from '../../main/auth/hashing';
import { insertUser } from '../../main/users/repo';
import { migrateToLatest, migratorConfig } from '../../main/db/migrator';
import { MODES, openScratch, sqlState, type Mode } from '../support/databases';
import { TEST_PASSWORD, expectOk, startHarness, testPasswordHash, type Harness } from '../support/harness';

const WRONG = 'Email or password is incorrect.';
const THROTTLED = /^Too many failed sign-ins on this PC\. Try again in \d+ (seconds|minutes)/;

describe.each(MODES)('sign-in throttle (%s)', (mode: Mode) => {
  let h: Harness;
  let n = 0;
  beforeAll(async () => {
    h = await startHarness(mode);
  });
  afterAll(() => h.dispose());

  /** A call from a named PC (the harness's own calls all come from one). */
  const at = <C extends ChannelName>(workstation: string, channel: C, payload: Req<C>, sessionKey: string) => h.call(channel, payload, sessionKey, workstation);

  async function account(role: 'ADMIN' | 'RECEPTIONIST' = 'ADMIN') {
    const email = `${role.toLowerCase()}-${++n}-${mode}@clinic.test`;
    const user = await insertUser(h.knex, { email, passwordHash: await testPasswordHash(), role, displayName: email, doctorId: null });
    return { id: user.id, email };
  }

  const auditCount = async (where: Record<string, string>) => Number((await h.knex('audit_log').where(where).count({ n: '*' }).first())?.n);

  it('20 sign-ins at once, 19 wrong and the right one last: not signed in, nothing INTERNAL, every attempt audited', async () => {
    const { email } = await account();
    const pc = `burst-pc-${mode}`;
    // The right password goes last; the pool hands connections out in order, so its count comes after the wrong ones'.
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => at(pc, 'auth.login', { email, password: i === 19 ? TEST_PASSWORD : `wrong guess ${i}` }, `burst-${mode}-${i}`)),
    );
    expect(results.filter((r) => r.ok)).toEqual([]);
    expect(new Set(results.map((r) => (r.ok ? 'OK' : r.error.code)))).toEqual(new Set(['UNAUTHENTICATED']));
    expect(h.services.sessions.get(`burst-${mode}-19`)).toBeUndefined();
    // Five were checked (and wrong); the rest were refused unchecked, and say how long to wait.
    expect(results.filter((r) => !r.ok && r.error.message === WRONG)).toHaveLength(4);
    expect(results.filter((r) => !r.ok && THROTTLED.test(r.error.message))).toHaveLength(16);
    expect(await auditCount({ action: 'auth.login', user_email: email, workstation: pc, outcome: 'DENIED' })).toBe(20);
    expect(await auditCount({ action: 'auth.lockout', user_email: email, workstation: pc })).toBe(1);
  });

  it('a running wait is never cleared by the failures of a later burst', async () => {
    const { id, email } = await account();
    const pc = `lock-pc-${mode}`;
    for (let i = 0; i < 5; i++) await at(pc, 'auth.login', { email, password: `wrong ${i}` }, 'attacker');
    const before = await h.knex('login_throttle').where({ email, workstation: pc }).first();
    expect(Date.parse(before.locked_until)).toBeGreaterThan(Date.now());

    const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => at(pc, 'auth.login', { email, password: `again ${i}` }, 'attacker')));
    expect(burst.every((r) => !r.ok && THROTTLED.test(r.error.message))).toBe(true);
    expect(await h.knex('login_throttle').where({ email, workstation: pc }).first()).toEqual(before);
    const right = await at(pc, 'auth.login', { email, password: TEST_PASSWORD }, 'owner-here');
    expect(right).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(THROTTLED) } });

    // An administrator sees the wait (one row per user, however many PCs) and lifts it.
    const admin = await h.signInAs('ADMIN');
    const listed = expectOk<{ id: number; lockedUntil: string | null }[]>(await h.call('users.list', {}, admin.sessionKey)).filter((u) => u.id === id);
    expect(listed).toEqual([expect.objectContaining({ id, lockedUntil: expect.any(String) })]);
    expectOk(await h.call('users.unlock', { id }, admin.sessionKey));
    expect(await at(pc, 'auth.login', { email, password: TEST_PASSWORD }, 'owner-here')).toMatchObject({ ok: true });
  });

  it("a stranger's failures on another PC neither keep the user out of their own PC nor end their locked screen", async () => {
    const { email } = await account();
    const mine = `own-pc-${mode}`;
    expectOk(await at(mine, 'auth.login', { email, password: TEST_PASSWORD }, `own-${mode}`));
    expectOk(await at(mine, 'auth.lock', {}, `own-${mode}`));

    const stranger = await Promise.all(
      Array.from({ length: 12 }, (_, i) => at(`stranger-pc-${mode}`, 'auth.login', { email, password: `guess ${i}` }, 'stranger')),
    );
    expect(stranger.some((r) => !r.ok && THROTTLED.test(r.error.message))).toBe(true);

    expect(h.services.sessions.get(`own-${mode}`)).toMatchObject({ locked: true });
    expect(expectOk<SessionDto>(await at(mine, 'auth.unlock', { password: TEST_PASSWORD }, `own-${mode}`))).toMatchObject({ email, locked: false });
    expect(await at(mine, 'auth.login', { email, password: TEST_PASSWORD }, `own-second-${mode}`)).toMatchObject({ ok: true });
  });

  it('counts wrong current passwords like sign-ins, and a changed password ends the other sessions', async () => {
    const { id, email } = await account('RECEPTIONIST');
    const pc = `change-pc-${mode}`;
    const here = `change-here-${mode}`;
    const elsewhere = `change-elsewhere-${mode}`;
    const call = `change-call-${mode}`;
    for (const key of [here, elsewhere]) expectOk(await at(key === here ? pc : 'other-pc', 'auth.login', { email, password: TEST_PASSWORD }, key));
    expect(h.services.sessions.signInFrom(call, here)).toBeDefined();

    const answers: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await at(pc, 'auth.changePassword', { currentPassword: `wrong ${i}`, newPassword: 'a brand new passphrase' }, here);
      answers.push(r.ok ? 'ok' : `${r.error.code} ${r.error.field} ${r.error.message}`);
    }
    expect(answers.slice(0, 4)).toEqual(Array(4).fill('INVALID currentPassword The current password is not right.'));
    expect(answers[4]).toMatch(/^INVALID currentPassword Too many failed sign-ins on this PC/);
    // Even the right current password waits now, and nothing changed.
    const hash = (await h.knex('users').where({ id }).first('password')).password;
    expect(await at(pc, 'auth.changePassword', { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' }, here)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'currentPassword', message: expect.stringMatching(THROTTLED) },
    });
    expect((await h.knex('users').where({ id }).first('password')).password).toBe(hash);
    expect(await auditCount({ action: 'auth.changePassword', user_email: email, outcome: 'DENIED' })).toBe(6);

    await h.knex('login_throttle').where({ email }).del();
    expectOk(await at(pc, 'auth.changePassword', { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' }, here));
    expect(h.services.sessions.get(elsewhere)).toBeUndefined();
    expect(h.services.sessions.get(here)).toBeDefined();
    expect(h.services.sessions.get(call)).toBeDefined();
  });

  it('five wrong passwords at a lock screen end that session only; sign-in still works', async () => {
    const { email } = await account('RECEPTIONIST');
    const pc = `unlock-pc-${mode}`;
    for (const key of ['u1', 'u2'].map((k) => `${k}-${mode}`)) expectOk(await at(pc, 'auth.login', { email, password: TEST_PASSWORD }, key));
    expectOk(await at(pc, 'auth.lock', {}, `u1-${mode}`));
    const answers = await Promise.all(
      Array.from({ length: 7 }, (_, i) => at(pc, 'auth.unlock', { password: i === 6 ? TEST_PASSWORD : `guess ${i}` }, `u1-${mode}`)),
    );
    expect(answers.filter((r) => r.ok)).toEqual([]);
    expect(h.services.sessions.get(`u1-${mode}`)).toBeUndefined();
    expect(h.services.sessions.get(`u2-${mode}`)).toMatchObject({ locked: false });
    expect(await at(pc, 'auth.login', { email, password: TEST_PASSWORD }, `u1-${mode}`)).toMatchObject({ ok: true });
  });

  it('a flood of hashes runs off the main thread: a search is answered while forty are pending', async () => {
    const desk = await h.signInAs('RECEPTIONIST');
    const mainThread = [vi.spyOn(bcrypt, 'hash'), vi.spyOn(bcrypt, 'compare'), vi.spyOn(bcrypt, 'hashSync'), vi.spyOn(bcrypt, 'compareSync')];
    let settled = 0;
    const flood = Array.from({ length: 40 }, (_, i) => hashPassword(`flood password ${i}`).finally(() => settled++));
    const searched = await h.call('patients.search', { query: 'sharma' }, desk.sessionKey);
    const pendingWhenAnswered = 40 - settled;
    expect(searched).toMatchObject({ ok: true });
    expect(pendingWhenAnswered).toBeGreaterThanOrEqual(20);
    for (const spy of mainThread) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
    // The rest of the flood is not needed: stopping the pool fails what is still queued.
    const outcomes = Promise.allSettled(flood);
    await stopHashing();
    expect((await outcomes).filter((r) => r.status === 'rejected').length).toBeGreaterThan(0);
  });
});

describe.each(MODES)('the per-workstation throttle migration (%s)', (mode: Mode) => {
  const name = '20261202020000_sign_in_throttle_per_workstation';

  it('goes down to one row per email and up again, with counts in the table', async () => {
    const scratch = await openScratch(mode);
    try {
      const knex = scratch.db.knex;
      await migrateToLatest(knex);
      await knex('login_throttle').insert([
        { email: 'a@clinic.test', workstation: 'pc1', failures: 3 },
        { email: 'a@clinic.test', workstation: 'pc2', failures: 1 },
        { email: '', workstation: 'pc1', failures: 4 },
      ]);
      await knex.migrate.down({ ...migratorConfig, name });
      expect(await knex('login_throttle').count({ n: '*' }).first()).toEqual({ n: 0 });
      await knex('login_throttle').insert({ email: 'a@clinic.test', failures: 2 });
      expect(await sqlState(knex('login_throttle').insert({ email: 'a@clinic.test', failures: 1 }))).toBe('23505');

      await knex.migrate.up({ ...migratorConfig, name });
      expect(await knex('login_throttle').count({ n: '*' }).first()).toEqual({ n: 0 });
      await knex('login_throttle').insert([
        { email: 'a@clinic.test', workstation: 'pc1', failures: 1 },
        { email: 'a@clinic.test', workstation: 'pc2', failures: 1 },
      ]);
      expect(await sqlState(knex('login_throttle').insert({ email: 'a@clinic.test', workstation: 'pc1', failures: 1 }))).toBe('23505');
    } finally {
      await scratch.dispose();
    }
  });
});
