import { PaymentSettingsPanel } from './PaymentSettingsPanel';
import { ReconciliationPanel } from './ReconciliationPanel';

/** The administrator's payments tab: the set-up, then a day's books against the gateway's. */
export function PaymentsAdminPanel() {
  return (
    <>
      <PaymentSettingsPanel />
      <h2>Reconciliation with the gateway</h2>
      <ReconciliationPanel />
    </>
  );
}
