import type { CustomTypeOptions } from 'i18next';
import { useT } from '../../i18n/use-t';
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

// A tab's id is also its name's key, so a tab cannot go unnamed.
type AdminTab = keyof CustomTypeOptions['resources']['admin']['tab'];

/** The administrator's back office, one tab per concern. */
const ADMIN_TABS: (Omit<Tab, 'label'> & { id: AdminTab })[] = [
  { id: 'users', render: () => <UsersPanel /> },
  { id: 'audit', render: () => <AuditPanel /> },
  { id: 'settings', render: () => <SettingsPanel /> },
  { id: 'holidays', render: () => <HolidaysPanel /> },
  { id: 'types', render: () => <AppointmentTypesPanel /> },
  { id: 'sessions', render: () => <SessionsPanel /> },
  { id: 'video', render: () => <VideoSettingsPanel /> },
  { id: 'messaging', render: () => <MessagingSettingsPanel /> },
  { id: 'payments', render: () => <PaymentsAdminPanel /> },
  { id: 'backups', render: () => <BackupPanel /> },
  { id: 'health', render: () => <HealthPanel /> },
];

export function AdminScreen() {
  const { t } = useT('admin');
  const tab = useNavigation((s) => s.tab);
  const tabs = ADMIN_TABS.map((each) => ({ ...each, label: t(`tab.${each.id}`) }));
  // Keyed by the requested tab, so asking for another tab while here switches to it.
  return <Tabs key={tab} label={t('title')} tabs={tabs} initial={tab} />;
}
