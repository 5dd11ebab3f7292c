import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, ROLES, type EventName, type Role } from '../../preload/contract';
import { SessionStore } from '../../main/auth/sessions';
import { sessionScopedSink } from '../../main/events/audience';
import type { CurrentUser } from '../../main/shared/call-context';
import { EVENT_TABLE } from '../policy/event-table';

const CHANGE = { op: 'UPDATE' as const, id: 1, doctorId: null, patientId: null, appointmentId: null, date: null, oldDoctorId: null, oldDate: null };

/** Every kind of session main can hold: each role in a main window, and an administrator's locked window and call window. */
function clinicSessions() {
  const sessions = new SessionStore();
  const users = new Map<number, CurrentUser>();
  const keys = new Map<string, { role: Role; hears: boolean }>();
  ROLES.forEach((role, i) => {
    users.set(i + 1, { id: i + 1, email: `${role}@clinic.test`, displayName: role, role, doctorId: null, language: 'en' });
    sessions.signIn(`main-${role}`, i + 1);
    keys.set(`main-${role}`, { role, hears: true });
    sessions.signIn(`locked-${role}`, i + 1);
    sessions.setLocked(`locked-${role}`, true);
    keys.set(`locked-${role}`, { role, hears: false });
    sessions.signInFrom(`call-${role}`, `main-${role}`);
    keys.set(`call-${role}`, { role, hears: false });
  });
  const loads: Promise<unknown>[] = [];
  const loadUser = (id: number) => {
    const load = Promise.resolve(users.get(id));
    loads.push(load);
    return load;
  };
  return { sessions, keys, loadUser, loads };
}

describe('who hears which event', () => {
  it('the hand-written table names every contract event', () => {
    expect(Object.keys(EVENT_TABLE).sort()).toEqual([...EVENT_NAMES].sort());
  });

  it.each(EVENT_NAMES.filter((e) => e !== 'session.changed'))('%s reaches the sessions the table names, and no others', async (event: EventName) => {
    const { sessions, keys, loadUser, loads } = clinicSessions();
    const sent: (string | undefined)[] = [];
    const sink = sessionScopedSink(
      (_event, _payload, key) => sent.push(key),
      sessions,
      loadUser,
      () => undefined,
    );
    sink(
      event,
      (event === 'board.changed'
        ? {}
        : event === 'resync'
          ? { reason: 'test' }
          : event === 'connection.changed'
            ? { online: true, message: '' }
            : CHANGE) as never,
    );
    // The sink's own handlers were attached to each load first, so they have run once these settle.
    await Promise.allSettled(loads);
    const audience = EVENT_TABLE[event];
    if (audience === 'broadcast') {
      expect(sent).toEqual([undefined]);
    } else {
      const expected = [...keys].filter(([, s]) => s.hears && (audience as readonly Role[]).includes(s.role)).map(([key]) => key);
      expect(sent.sort()).toEqual(expected.sort());
    }
  });

  it("a session's own session.changed reaches it, locked or not", () => {
    const { sessions, loadUser } = clinicSessions();
    const sent: (string | undefined)[] = [];
    const sink = sessionScopedSink(
      (_event, _payload, key) => sent.push(key),
      sessions,
      loadUser,
      () => undefined,
    );
    sink('session.changed', { session: null }, 'locked-RECEPTIONIST');
    sink('session.changed', { session: null }, 'call-DOCTOR');
    expect(sent).toEqual(['locked-RECEPTIONIST', 'call-DOCTOR']);
  });

  it('a session that locks while its user is read hears nothing', async () => {
    const { sessions, loadUser, loads } = clinicSessions();
    const sent: (string | undefined)[] = [];
    const sink = sessionScopedSink(
      (_event, _payload, key) => sent.push(key),
      sessions,
      loadUser,
      () => undefined,
    );
    sink('users.changed', CHANGE);
    sessions.setLocked('main-ADMIN', true);
    await Promise.allSettled(loads);
    expect(sent).toEqual([]);
  });

  it('a disabled account (no user row for its calls) hears nothing', async () => {
    const sessions = new SessionStore();
    sessions.signIn('main', 1);
    const load = Promise.resolve(undefined);
    const sent: (string | undefined)[] = [];
    sessionScopedSink(
      (_event, _payload, key) => sent.push(key),
      sessions,
      () => load,
      () => undefined,
    )('doctors.changed', CHANGE);
    await load;
    expect(sent).toEqual([]);
  });
});
