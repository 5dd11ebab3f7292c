import { Tabs, type Tab } from '../../ui/Tabs';
import { AuditPanel } from './AuditPanel';
import { SettingsPanel } from './SettingsPanel';
import { UsersPanel } from './UsersPanel';

/**
 * The administrator's back office, one tab per concern. Another panel (backups and health, say)
 * joins by adding an entry here.
 */
export const ADMIN_TABS: Tab[] = [
  { id: 'users', label: 'Accounts', render: () => <UsersPanel /> },
  { id: 'audit', label: 'Audit log', render: () => <AuditPanel /> },
  { id: 'settings', label: 'Clinic settings', render: () => <SettingsPanel /> },
];

export function AdminScreen() {
  return <Tabs label="Administration" tabs={ADMIN_TABS} />;
}
