/**
 * An amount as the desk, its receipts and its day-end sheet show it: the currency code and the
 * exact decimal main sent ("INR 500.00"), never through a float. A refund's amount is negative
 * in the data; where the words already say "refunded", pass `unsigned`.
 */
export function money(amount: string, currency: string, { unsigned = false } = {}): string {
  return `${currency} ${unsigned ? amount.replace(/^-/, '') : amount}`;
}
