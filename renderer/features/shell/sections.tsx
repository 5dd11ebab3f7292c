import type { ComponentType } from 'react';
import type { Role } from '../../../preload/contract';
import type { SectionId } from '../../stores/navigation';
import { preloadable, type Preloadable } from '../../ui/lazy';
import { InboxCount } from '../messaging/InboxCount';

interface Section {
  id: SectionId;
  /** Alt+<key> goes there; listed in the shortcuts sheet and the command palette. */
  key: string;
  roles: readonly Role[];
  /** Each screen is a chunk of its own, so the start-up JavaScript carries none but Today's. */
  Screen: Preloadable<object>;
  /** A live count beside the section's name (replies waiting). */
  Badge?: ComponentType;
}

const EVERYONE: readonly Role[] = ['ADMIN', 'DOCTOR', 'RECEPTIONIST'];

/** The signed-in sections in navigation order. */
const SECTIONS: readonly Section[] = [
  {
    id: 'queue',
    key: 't',
    roles: EVERYONE,
    // With its day-sheet button's chunk; one that cannot be fetched is retried when drawn.
    Screen: preloadable(() =>
      import('../queue/QueueScreen').then(async (m) => {
        await m.preloadDaySheetButton().catch(() => undefined);
        return m.QueueScreen;
      }),
    ),
  },
  {
    id: 'schedule',
    key: 's',
    roles: EVERYONE,
    Screen: preloadable(() => import('../schedule/ScheduleScreen').then((m) => m.ScheduleScreen)),
  },
  {
    id: 'patients',
    key: 'p',
    roles: EVERYONE,
    Screen: preloadable(() => import('../patients/PatientsScreen').then((m) => m.PatientsScreen)),
  },
  {
    id: 'waitlist',
    key: 'i',
    roles: EVERYONE,
    Screen: preloadable(() => import('../waitlist/WaitlistScreen').then((m) => m.WaitlistScreen)),
  },
  { id: 'recalls', key: 'v', roles: EVERYONE, Screen: preloadable(() => import('../recalls/RecallsScreen').then((m) => m.RecallsScreen)) },
  {
    id: 'inbox',
    key: 'b',
    roles: EVERYONE,
    Screen: preloadable(() => import('../messaging/InboxScreen').then((m) => m.InboxScreen)),
    Badge: InboxCount,
  },
  { id: 'payments', key: 'm', roles: EVERYONE, Screen: preloadable(() => import('../payments/DayEndScreen').then((m) => m.DayEndScreen)) },
  {
    id: 'reports',
    key: 'e',
    roles: ['ADMIN', 'DOCTOR'],
    Screen: preloadable(() => import('../reports/ReportsScreen').then((m) => m.ReportsScreen)),
  },
  { id: 'doctors', key: 'd', roles: ['ADMIN'], Screen: preloadable(() => import('../doctors/DoctorsScreen').then((m) => m.DoctorsScreen)) },
  { id: 'admin', key: 'a', roles: ['ADMIN'], Screen: preloadable(() => import('../admin/AdminScreen').then((m) => m.AdminScreen)) },
];

export const sectionsFor = (role: Role) => SECTIONS.filter((s) => s.roles.includes(role));

/** Today's chunk: where every desk lands after signing in. */
export const preloadToday = () => SECTIONS[0]!.Screen.preload();
