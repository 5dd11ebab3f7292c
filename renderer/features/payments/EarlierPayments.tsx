import { useState } from 'react';
import type { PaymentDto } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { money } from '../../lib/format';
import { useSession } from '../../stores/session';
import { Button } from '../../ui/Button';
import { toast } from '../../ui/toasts';
import { methodName, paymentStatus } from './payment-words';
import { RefundForm } from './RefundForm';

/**
 * What was taken for the visit before: each line reprints its receipt, a pending UPI payment is
 * confirmed once its credit shows (a gateway's, by its webhook), and a doctor or administrator may refund a paid one.
 * `onProblem`: why a reprint or a confirmation failed, for the dialog's banner.
 */
export function EarlierPayments({ payments, print, onProblem }: { payments: PaymentDto[]; print(id: number): void; onProblem(message: string): void }) {
  const { t } = useT('payments');
  const role = useSession((st) => st.session?.role);
  const mayRefund = role === 'ADMIN' || role === 'DOCTOR';
  const [refunding, setRefunding] = useState<PaymentDto>();
  const confirmation = useClinicMutation('payments.confirm');

  async function confirm(p: PaymentDto) {
    const r = await confirmation.call({ id: p.id });
    if (!r.ok) return onProblem(r.error.message);
    toast(t('earlier.confirmed', { receipt: r.value.receiptNumber }));
  }

  if (payments.length === 0) return null;
  return (
    <>
      <ul className="payment-lines" aria-label={t('earlier.label')}>
        {payments.map((p) => (
          <li key={p.id}>
            <span>
              {p.receiptNumber ?? t('status.PENDING')} · {money(p.amount, p.currency)} · {methodName(p)} · {paymentStatus(p.status)}
            </span>
            <span className="row-actions">
              {p.receiptNumber && <Button onClick={() => print(p.id)}>{t('earlier.reprint', { receipt: p.receiptNumber })}</Button>}
              {p.status === 'PENDING' && !p.gatewayVia && (
                <Button onClick={() => void confirm(p)}>{t('earlier.confirm', { amount: money(p.amount, p.currency) })}</Button>
              )}
              {p.kind === 'PAYMENT' && p.status === 'PAID' && mayRefund && (
                <Button onClick={() => setRefunding(p)}>{t('earlier.refund', { receipt: p.receiptNumber })}</Button>
              )}
            </span>
          </li>
        ))}
      </ul>
      {refunding && <RefundForm payment={refunding} onDone={() => setRefunding(undefined)} onCancel={() => setRefunding(undefined)} />}
    </>
  );
}
