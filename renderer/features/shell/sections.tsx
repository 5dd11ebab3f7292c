import type { ReactNode } from 'react';
import type { Role } from '../../../preload/contract';
import type { SectionId } from '../../stores/navigation';
import { AdminScreen } from '../admin/AdminScreen';
import { DoctorsScreen } from '../doctors/DoctorsScreen';
import { PatientsScreen } from '../patients/PatientsScreen';
import { DayEndScreen } from '../payments/DayEndScreen';
import { QueueScreen } from '../queue/QueueScreen';
import { RecallsScreen } from '../recalls/RecallsScreen';
import { ReportsScreen } from '../reports/ReportsScreen';
import { ScheduleScreen } from '../schedule/ScheduleScreen';
import { WaitlistScreen } from '../waitlist/WaitlistScreen';

interface Section {
  id: SectionId;
  label: string;
  /** Alt+<key> goes there; listed in the shortcuts sheet and the command palette. */
  key: string;
  roles: readonly Role[];
  render(): ReactNode;
}

const EVERYONE: readonly Role[] = ['ADMIN', 'DOCTOR', 'RECEPTIONIST'];

/** The signed-in sections in navigation order. */
const SECTIONS: readonly Section[] = [
  { id: 'queue', label: 'Today', key: 't', roles: EVERYONE, render: () => <QueueScreen /> },
  { id: 'schedule', label: 'Schedule', key: 's', roles: EVERYONE, render: () => <ScheduleScreen /> },
  { id: 'patients', label: 'Patients', key: 'p', roles: EVERYONE, render: () => <PatientsScreen /> },
  { id: 'waitlist', label: 'Waitlist', key: 'i', roles: EVERYONE, render: () => <WaitlistScreen /> },
  { id: 'recalls', label: 'Recalls', key: 'v', roles: EVERYONE, render: () => <RecallsScreen /> },
  { id: 'payments', label: 'Payments', key: 'm', roles: EVERYONE, render: () => <DayEndScreen /> },
  { id: 'reports', label: 'Reports', key: 'e', roles: ['ADMIN', 'DOCTOR'], render: () => <ReportsScreen /> },
  { id: 'doctors', label: 'Doctors', key: 'd', roles: ['ADMIN'], render: () => <DoctorsScreen /> },
  { id: 'admin', label: 'Admin', key: 'a', roles: ['ADMIN'], render: () => <AdminScreen /> },
];

export const sectionsFor = (role: Role) => SECTIONS.filter((s) => s.roles.includes(role));
