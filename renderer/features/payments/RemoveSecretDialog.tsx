import type { PaymentSettingsDto } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';

export type StoredSecret = 'razorpayKeySecret' | 'razorpayWebhookSecret';

/** Each secret's words: what the clinic loses with it, said before it goes. */
const WORDS = {
  razorpayKeySecret: { title: 'admin.remove.keySecretTitle', why: 'admin.remove.keySecretWhy', remove: 'admin.remove.keySecret' },
  razorpayWebhookSecret: { title: 'admin.remove.webhookSecretTitle', why: 'admin.remove.webhookSecretWhy', remove: 'admin.remove.webhookSecret' },
} as const;

/** Confirms clearing a stored gateway secret; main writes the change and its audit row together. */
export function RemoveSecretDialog({ secret, onClose, onRemoved }: { secret: StoredSecret; onClose(): void; onRemoved(s: PaymentSettingsDto): void }) {
  const { t } = useT('payments');
  const update = useClinicMutation('payments.updateSettings');
  const words = WORDS[secret];
  return (
    <Dialog title={t(words.title)} onClose={onClose}>
      <p>{t(words.why)}</p>
      {update.error && <Banner tone="error">{update.error.message}</Banner>}
      <div className="ui-actions">
        <Button onClick={onClose}>{t('admin.remove.keep')}</Button>
        <Button variant="danger" onClick={() => update.mutate({ [secret]: null }, { onSuccess: onRemoved })} disabled={update.isPending}>
          {t(words.remove)}
        </Button>
      </div>
    </Dialog>
  );
}
