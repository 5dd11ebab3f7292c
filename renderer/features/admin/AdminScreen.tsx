import { useNavigation } from '../../stores/navigation';
import { Tabs, type Tab } from '../../ui/Tabs';
import { BackupPanel } from '../backup/BackupPanel';
import { HealthPanel } from '../backup/HealthPanel';
import { AuditPanel } from './AuditPanel';
import { SettingsPanel } from './SettingsPanel';
import { UsersPanel } from './UsersPanel';
import { VideoSettingsPanel } from './VideoSettingsPanel';
import { MessagingSettingsPanel } from '../messaging/MessagingSettingsPanel';
import { AppointmentTypesPanel } from '../appointment-types/AppointmentTypesPanel';
import { PaymentsAdminPanel } from '../payments/PaymentsAdminPanel';
import { SessionsPanel } from '../sessions/SessionsPanel';
import { HolidaysPanel } from '../holidays/HolidaysPanel';

/** The administrator's back office, one tab per concern. */
const ADMIN_TABS: Tab[] = [
  { id: 'users', label: 'Accounts', render: () => <UsersPanel /> },
  { id: 'audit', label: 'Audit log', render: () => <AuditPanel /> },
  { id: 'settings', label: 'Clinic settings', render: () => <SettingsPanel /> },
  { id: 'holidays', label: 'Holidays', render: () => <HolidaysPanel /> },
  { id: 'types', label: 'Appointment types', render: () => <AppointmentTypesPanel /> },
  { id: 'sessions', label: 'OPD sessions', render: () => <SessionsPanel /> },
  { id: 'video', label: 'Video', render: () => <VideoSettingsPanel /> },
  { id: 'messaging', label: 'Messaging', render: () => <MessagingSettingsPanel /> },
  { id: 'payments', label: 'Payments', render: () => <PaymentsAdminPanel /> },
  { id: 'backups', label: 'Backups', render: () => <BackupPanel /> },
  { id: 'health', label: 'Database health', render: () => <HealthPanel /> },
];

export function AdminScreen() {
  const tab = useNavigation((s) => s.tab);
  // Keyed by the requested tab, so asking for another tab while here switches to it.
  return <Tabs key={tab} label="Administration" tabs={ADMIN_TABS} initial={tab} />;
}
