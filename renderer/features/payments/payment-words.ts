import { PAYMENT_METHODS, PAYMENT_STATUSES } from '../../../preload/contract';
import { t } from '../../i18n/instance';

// The contract's capitals (CASH, PENDING…) as the desk reads them, in the user's language; a
// value from before this version, which the lists do not hold, is shown as stored.

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** How money was paid: a desk method, or the gateway it came through ("gateway qr"). */
export function methodName(p: { method: string | null; gatewayVia?: string | null }): string {
  if (p.method === null) return p.gatewayVia ? t('payments:earlier.gateway', { via: p.gatewayVia.toLowerCase() }) : '—';
  return isOneOf(PAYMENT_METHODS, p.method) ? t(`common:method.${p.method}`) : p.method;
}

export const paymentStatus = (status: string): string => (isOneOf(PAYMENT_STATUSES, status) ? t(`payments:status.${status}`) : status);

const GATEWAY_METHODS = ['upi', 'card', 'netbanking', 'wallet'] as const;

/** How a patient paid at the gateway, as the gateway names it (upi, card, netbanking, wallet). */
export const gatewayMethodName = (method: string): string => (isOneOf(GATEWAY_METHODS, method) ? t(`payments:gateway.method.${method}`) : method);
