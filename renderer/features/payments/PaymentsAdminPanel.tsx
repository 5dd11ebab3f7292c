import { PaymentSettingsPanel } from './PaymentSettingsPanel';
import { ReconciliationPanel } from './ReconciliationPanel';
import { ReconciliationRunsPanel } from './ReconciliationRunsPanel';

/** The administrator's payments tab: the set-up, then a day's books against the gateway's, and the daily job's stored runs. */
export function PaymentsAdminPanel() {
  return (
    <>
      <PaymentSettingsPanel />
      <h2>Reconciliation with the gateway</h2>
      <ReconciliationPanel />
      <h2>Daily reconciliation runs</h2>
      <ReconciliationRunsPanel />
    </>
  );
}
