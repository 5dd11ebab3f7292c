import { useState } from 'react';
import type { AppointmentDto, PaymentDto } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useClinicQuery } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { shortDay, timeRange } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { Dialog } from '../../ui/Dialog';
import { AccountSummary } from './AccountSummary';
import { EarlierPayments } from './EarlierPayments';
import { GatewayCollect } from './GatewayCollect';
import { ReceiptStep } from './ReceiptStep';
import { TakePaymentForm } from './TakePaymentForm';
import { AppointmentUpiQr } from './AppointmentUpiQr';
import { usePrintReceipt } from './usePrintReceipt';

/**
 * Take payment for an appointment at the desk: what is due (the doctor's fee less what was
 * paid), the amount and the method, then the receipt; or collection through the gateway. The account is kept current by the data
 * layer: a payment taken, confirmed or refunded here or on another PC shows at once.
 */
export function PaymentDialog({ appointment, onClose }: { appointment: AppointmentDto; onClose(): void }) {
  const { t } = useT('payments');
  const account = useClinicQuery('payments.forAppointment', { appointmentId: appointment.id });
  const [taken, setTaken] = useState<PaymentDto>();
  // Why a print or a confirmation just failed; the account's own failure otherwise.
  const [stepProblem, setStepProblem] = useState<string>();
  const printReceipt = usePrintReceipt();
  const print = (id: number) => void printReceipt(id).then(setStepProblem);
  const problem = stepProblem ?? problemOf(account.error);

  return (
    <Dialog title={t('dialog.title', { patient: appointment.patientName })} onClose={onClose}>
      {!taken && (
        <p>
          {appointment.doctorName} · {shortDay(appointment.date)} {timeRange(appointment)}
        </p>
      )}
      {problem && <Banner tone="error">{problem}</Banner>}
      {taken ? (
        <ReceiptStep taken={taken} print={print} onClose={onClose} />
      ) : (
        account.data && (
          <>
            <AccountSummary totals={account.data.totals} />
            <EarlierPayments payments={account.data.payments} print={print} onProblem={setStepProblem} />
            <GatewayCollect appointment={appointment} account={account.data} />
            <TakePaymentForm account={account.data} onTaken={setTaken} onClose={onClose} upiQr={<AppointmentUpiQr appointmentId={appointment.id} />} />
          </>
        )
      )}
    </Dialog>
  );
}
