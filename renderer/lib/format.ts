import { currentLocale } from './locale';

/**
 * An amount as the receipts and the day-end sheet show it: the currency code and the exact
 * decimal main sent ("INR 500.00"), never through a float. A refund's amount is negative in the
 * data; where the words already say "refunded", pass `unsigned`.
 */
export function money(amount: string, currency: string, { unsigned = false } = {}): string {
  return `${currency} ${unsigned ? amount.replace(/^-/, '') : amount}`;
}

/**
 * Money read at a glance (Today, reports, charts): in the clinic's currency with the locale's
 * grouping ("₹1,25,000.00" in en-IN and hi-IN), formatted from the exact decimal string (Intl
 * formats a numeric string without going through a float); an unknown currency code falls back
 * to "CODE amount".
 */
export function formatMoney(amount: string, currency: string): string {
  try {
    return new Intl.NumberFormat(currentLocale(), { style: 'currency', currency }).format(amount as unknown as number);
  } catch {
    return money(amount, currency);
  }
}
