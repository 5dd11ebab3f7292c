import type { PaymentDto } from '../../../preload/contract';
import { useT } from '../../i18n/use-t';
import { money } from '../../lib/format';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';

/** After the charge: what was taken and its receipt to print; a pending payment has none until confirmed. */
export function ReceiptStep({ taken, print, onClose }: { taken: PaymentDto; print(id: number): void; onClose(): void }) {
  const { t } = useT('payments');
  const amount = money(taken.amount, taken.currency);
  return (
    <>
      <Banner tone="info">
        {taken.receiptNumber ? t('receiptStep.received', { amount, receipt: taken.receiptNumber }) : t('receiptStep.pending', { amount })}
      </Banner>
      <div className="ui-actions">
        {taken.receiptNumber && (
          <Button variant="primary" autoFocus onClick={() => print(taken.id)}>
            {t('receiptStep.print')}
          </Button>
        )}
        <Button onClick={onClose}>{t('receiptStep.done')}</Button>
      </div>
    </>
  );
}
