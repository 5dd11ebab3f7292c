import type { ComponentType, ReactNode } from 'react';
import type { Role } from '../../../preload/contract';
import type { SectionId } from '../../stores/navigation';
import { AdminScreen } from '../admin/AdminScreen';
import { DoctorsScreen } from '../doctors/DoctorsScreen';
import { InboxCount, InboxScreen } from '../messaging/InboxScreen';
import { PatientsScreen } from '../patients/PatientsScreen';
import { DayEndScreen } from '../payments/DayEndScreen';
import { QueueScreen } from '../queue/QueueScreen';
import { ReportsScreen } from '../reports/ReportsScreen';
import { ScheduleScreen } from '../schedule/ScheduleScreen';

interface Section {
  id: SectionId;
  label: string;
  /** Alt+<key> goes there; listed in the shortcuts sheet and the command palette. */
  key: string;
  roles: readonly Role[];
  render(): ReactNode;
  /** A live count beside the section's name (replies waiting). */
  Badge?: ComponentType;
}

const EVERYONE: readonly Role[] = ['ADMIN', 'DOCTOR', 'RECEPTIONIST'];

/** The signed-in sections in navigation order. */
const SECTIONS: readonly Section[] = [
  { id: 'queue', label: 'Today', key: 't', roles: EVERYONE, render: () => <QueueScreen /> },
  { id: 'schedule', label: 'Schedule', key: 's', roles: EVERYONE, render: () => <ScheduleScreen /> },
  { id: 'patients', label: 'Patients', key: 'p', roles: EVERYONE, render: () => <PatientsScreen /> },
  { id: 'inbox', label: 'Inbox', key: 'i', roles: EVERYONE, render: () => <InboxScreen />, Badge: InboxCount },
  { id: 'payments', label: 'Payments', key: 'm', roles: EVERYONE, render: () => <DayEndScreen /> },
  { id: 'reports', label: 'Reports', key: 'e', roles: ['ADMIN', 'DOCTOR'], render: () => <ReportsScreen /> },
  { id: 'doctors', label: 'Doctors', key: 'd', roles: ['ADMIN'], render: () => <DoctorsScreen /> },
  { id: 'admin', label: 'Admin', key: 'a', roles: ['ADMIN'], render: () => <AdminScreen /> },
];

export const sectionsFor = (role: Role) => SECTIONS.filter((s) => s.roles.includes(role));
