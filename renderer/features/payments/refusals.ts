import { t } from '../../i18n/instance';
import type { Reword } from '../../ui/form/reword';

// What the contract's schemas refuse in the payment and refund forms, said in the user's
// language. Read when the form is checked, so a language chosen since applies.

const amountRefusal = (problem: string) => t(problem === 'custom' ? 'payments:refuse.moreThanZero' : 'payments:refuse.amount');
const tooLong = (max: number) => t('payments:refuse.tooLong', { max });

export const paymentRefusals: Reword = (field, problem) => {
  switch (field) {
    case 'method':
      return t('payments:refuse.method');
    // The schema's own check that a card or UPI payment carries its reference is "custom".
    case 'reference':
      return problem === 'too_big' ? tooLong(100) : t('payments:refuse.reference');
    case 'amount':
      return amountRefusal(problem);
    case 'advanceReason':
      return problem === 'too_big' ? tooLong(500) : t('payments:refuse.advanceWhy');
    default:
      return undefined;
  }
};

export const refundRefusals: Reword = (field, problem) => {
  if (field === 'amount') return amountRefusal(problem);
  if (field === 'reason') return problem === 'too_big' ? tooLong(500) : t('payments:refuse.refundWhy');
  return undefined;
};
