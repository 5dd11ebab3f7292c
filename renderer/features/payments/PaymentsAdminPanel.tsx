import { useT } from '../../i18n/use-t';
import { PaymentSettingsPanel } from './PaymentSettingsPanel';
import { ReconciliationPanel } from './ReconciliationPanel';
import { ReconciliationRunsPanel } from './ReconciliationRunsPanel';

/** The administrator's payments tab: the set-up, then a day's books against the gateway's, and the daily job's stored runs. */
export function PaymentsAdminPanel() {
  const { t } = useT('payments');
  return (
    <>
      <PaymentSettingsPanel />
      <h2>{t('admin.reconciliation')}</h2>
      <ReconciliationPanel />
      <h2>{t('admin.runs')}</h2>
      <ReconciliationRunsPanel />
    </>
  );
}
