import type { PaymentDto } from '../../../preload/contract';
import { money } from '../../lib/format';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';

/** After the charge: what was taken and its receipt to print; a pending payment has none until confirmed. */
export function ReceiptStep({ taken, print, onClose }: { taken: PaymentDto; print(id: number): void; onClose(): void }) {
  const amount = money(taken.amount, taken.currency);
  return (
    <>
      <Banner tone="info">
        {taken.receiptNumber
          ? `Received ${amount} — receipt ${taken.receiptNumber}.`
          : `Recorded ${amount} as pending; the receipt is printed once it is confirmed.`}
      </Banner>
      <div className="ui-actions">
        {taken.receiptNumber && (
          <Button variant="primary" autoFocus onClick={() => print(taken.id)}>
            Print receipt
          </Button>
        )}
        <Button onClick={onClose}>Done</Button>
      </div>
    </>
  );
}
