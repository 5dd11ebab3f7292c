import { useQueryClient } from '@tanstack/react-query';
import { problemOf } from '../../api/call';
import { useClinicApi } from '../../api/context';
import { clinicQueryOptions } from '../../api/query';
import { printDocument } from '../print/print';
import { Receipt } from './Receipt';

/**
 * Prints a payment's receipt (the desk's first print and every reprint). The receipt is asked
 * for afresh each time: a refund since the last print changes what it says. Answers why it
 * could not print, or undefined.
 */
export function usePrintReceipt(): (paymentId: number) => Promise<string | undefined> {
  const api = useClinicApi();
  const queryClient = useQueryClient();
  return async (paymentId) => {
    try {
      const receipt = await queryClient.fetchQuery({ ...clinicQueryOptions(api, 'payments.receipt', { id: paymentId }), staleTime: 0 });
      await printDocument(<Receipt receipt={receipt} />, receipt.paper);
      return undefined;
    } catch (e) {
      return problemOf(e);
    }
  };
}
