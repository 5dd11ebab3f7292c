import type { PaymentSettingsDto } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';

export type StoredSecret = 'razorpayKeySecret' | 'razorpayWebhookSecret';

/** What the clinic loses with each secret, said before it goes. */
const SECRETS: Record<StoredSecret, { name: string; consequence: string }> = {
  razorpayKeySecret: {
    name: 'key secret',
    consequence:
      'Without it the desk makes no gateway QR codes or payment links and cannot refund gateway payments there; it takes payments with the UPI QR and the UTR instead.',
  },
  razorpayWebhookSecret: {
    name: 'webhook secret',
    consequence:
      'Without it Clinic Desk refuses Razorpay’s webhooks: payments waiting at the gateway no longer turn paid by themselves until a new secret is saved.',
  },
};

/** Confirms clearing a stored gateway secret; main writes the change and its audit row together. */
export function RemoveSecretDialog({ secret, onClose, onRemoved }: { secret: StoredSecret; onClose(): void; onRemoved(s: PaymentSettingsDto): void }) {
  const update = useClinicMutation('payments.updateSettings');
  const { name, consequence } = SECRETS[secret];
  return (
    <Dialog title={`Remove the Razorpay ${name}?`} onClose={onClose}>
      <p>{consequence}</p>
      {update.error && <Banner tone="error">{update.error.message}</Banner>}
      <div className="ui-actions">
        <Button onClick={onClose}>Keep it</Button>
        <Button variant="danger" onClick={() => update.mutate({ [secret]: null }, { onSuccess: onRemoved })} disabled={update.isPending}>
          Remove the {name}
        </Button>
      </div>
    </Dialog>
  );
}
