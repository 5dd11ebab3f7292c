import type { EventName, Role } from '../../preload/contract';

/**
 * Who hears which event, written out by hand from the product's rules and never derived from
 * main/events/audience.ts: tests/events/event-audience.test.ts proves the delivery against it.
 *
 * 'broadcast': to every app window and every open (signed-in, unlocked) bridge tab, as the
 * first events always went. A list of roles: only to sessions of those roles that are signed in,
 * unlocked and a main window — never a call window, never a token display. 'own session': only
 * to the session it is about.
 */
export type Audience = 'broadcast' | 'own session' | readonly Role[];

const EVERYONE: readonly Role[] = ['ADMIN', 'DOCTOR', 'RECEPTIONIST'];

export const EVENT_TABLE: Readonly<Record<EventName, Audience>> = {
  'appointments.changed': 'broadcast',
  'availability.changed': 'broadcast',
  'patients.changed': 'broadcast',
  'payments.changed': 'broadcast',
  'video.lobbyChanged': 'broadcast',
  // Every desk reads the inbox and a patient's messaging preferences (messaging.inbox, messaging.patientPrefs).
  'messaging.inboxChanged': 'broadcast',
  'messaging.prefsChanged': 'broadcast',
  // A session's tokens are counted on every desk's screen, as appointments are.
  'opd.changed': 'broadcast',
  // Everyone reads doctors and the clinic settings (doctors.list, settings.get)...
  'doctors.changed': EVERYONE,
  'settings.changed': EVERYONE,
  // ...and the waitlist with its offers, the recalls and the appointment types (issue 20).
  'waitlist.changed': EVERYONE,
  'recalls.changed': EVERYONE,
  'appointmentTypes.changed': EVERYONE,
  // ...and the clinic's holidays, which every schedule shows (holidays.list).
  'holidays.changed': EVERYONE,
  // ...but only administrators read the accounts (users.list).
  'users.changed': ['ADMIN'],
  'board.changed': 'broadcast',
  resync: 'broadcast',
  'connection.changed': 'broadcast',
  'session.changed': 'own session',
};
