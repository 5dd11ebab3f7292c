import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MODES, openMigrated, type Mode } from '../support/databases';
import { startHarness, type Harness } from '../support/harness';
import { waitFor } from '../support/wait';

/**
 * The idle lock must happen on its own, by the services' own timer, with nobody calling: a
 * screen left open at the desk hides patient data on time. Only setInterval is faked (the sweep's
 * timer); the database and the waits below run on real time.
 */
describe.each(MODES)('the idle-lock sweep on its real timer (%s)', (mode: Mode) => {
  let h: Harness;
  let scratch: Awaited<ReturnType<typeof openMigrated>>;
  beforeEach(async () => {
    // The database and its pool start on real timers; only the services' own timers are faked.
    scratch = await openMigrated(mode);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    h = await startHarness(mode, scratch.db);
  });
  afterEach(async () => {
    // Lets the sweeps still reading the settings finish before the database closes under them.
    await h.services.settings.get();
    await h.dispose();
    vi.useRealTimers();
    await scratch.dispose();
  });

  it('locks a session idle past the limit within a minute, without any call, and tells its window', async () => {
    const idle = await h.signInAs('RECEPTIONIST');
    const busy = await h.signInAs('DOCTOR');
    h.clock.advance(9 * 60_000);
    h.services.sessions.touch(busy.sessionKey, 10 * 60_000);
    h.clock.advance(60_000 + 1_000);
    // Nothing but the timer runs from here on: no call, no touch.
    vi.advanceTimersByTime(60_000);
    await waitFor('the sweep to lock the idle session', () => (h.services.sessions.get(idle.sessionKey)?.locked ? true : undefined), 30_000, 10);
    // The same sweep looked at the busy session (one pass over all of them) and left it open.
    expect(h.services.sessions.get(busy.sessionKey)).toMatchObject({ locked: false });
    await waitFor('the locked window to be told', () => h.events.find((e) => e.event === 'session.changed' && e.sessionKey === idle.sessionKey), 30_000, 10);
    expect(await h.call('patients.search', { query: 'asha', limit: 5 }, idle.sessionKey)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('follows the configured idle time', async () => {
    await h.services.settings.update({ idleLockMinutes: 2 }, null);
    const { sessionKey } = await h.signInAs('ADMIN');
    h.clock.advance(2 * 60_000 + 1_000);
    vi.advanceTimersByTime(60_000);
    await waitFor('the sweep to use the two-minute limit', () => (h.services.sessions.get(sessionKey)?.locked ? true : undefined), 30_000, 10);
  });
});
