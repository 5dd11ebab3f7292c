import type { EventName, Role } from '../../preload/contract';
import type { SessionStore } from '../auth/sessions';
import type { CurrentUser } from '../shared/call-context';
import type { EventSink } from './hub';

/**
 * Events that only some sessions hear, and which roles: what the channel that reads the data
 * allows (doctors.list, settings.get, the waitlist, recalls and types: everyone; users.list: administrators). They go to
 * each such session that is signed in, unlocked and a main window ('full' scope): a call window
 * or a token display has no screen they concern, and a locked screen shows nothing. Every other
 * event is broadcast as it always was.
 */
const EVENT_AUDIENCES: Partial<Record<EventName, readonly Role[]>> = {
  'doctors.changed': ['ADMIN', 'DOCTOR', 'RECEPTIONIST'],
  'settings.changed': ['ADMIN', 'DOCTOR', 'RECEPTIONIST'],
  'users.changed': ['ADMIN'],
  // waitlist.list / offers, recalls.list and appointmentTypes.list: everyone signed in.
  'waitlist.changed': ['ADMIN', 'DOCTOR', 'RECEPTIONIST'],
  'recalls.changed': ['ADMIN', 'DOCTOR', 'RECEPTIONIST'],
  'appointmentTypes.changed': ['ADMIN', 'DOCTOR', 'RECEPTIONIST'],
  // holidays.list: everyone signed in.
  'holidays.changed': ['ADMIN', 'DOCTOR', 'RECEPTIONIST'],
};

/**
 * Wraps a sink so events with an audience go, one by one, to the sessions in it. The role is
 * read as every call reads it (the signed-in user cache), so a disabled or demoted account
 * stops hearing as soon as its calls stop working.
 */
export function sessionScopedSink(
  sink: EventSink,
  sessions: SessionStore,
  loadUser: (userId: number) => Promise<CurrentUser | undefined>,
  log: (message: string, err: unknown) => void,
): EventSink {
  const hears = (key: string, userId: number) => {
    const state = sessions.get(key);
    return state !== undefined && state.userId === userId && !state.locked && state.scope === 'full';
  };
  return (event, payload, sessionKey) => {
    const roles = EVENT_AUDIENCES[event];
    if (!roles || sessionKey !== undefined) return sink(event, payload, sessionKey);
    for (const key of sessions.keys()) {
      const state = sessions.get(key);
      if (!state || !hears(key, state.userId)) continue;
      const userId = state.userId;
      loadUser(userId).then(
        // Checked again once the user is read: the session may have locked or ended meanwhile.
        (user) => {
          if (user && roles.includes(user.role) && hears(key, userId)) sink(event, payload, key);
        },
        (err: unknown) => log(`delivering ${event} failed`, err),
      );
    }
  };
}
