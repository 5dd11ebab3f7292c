/**
 * An amount as the desk, its receipts and its day-end sheet show it: the currency code and the
 * exact decimal main sent ("INR 500.00"), never through a float. A refund's amount is negative
 * in the data; where the words already say "refunded", pass `unsigned`.
 */
export function money(amount: string, currency: string, { unsigned = false } = {}): string {
  return `${currency} ${unsigned ? amount.replace(/^-/, '') : amount}`;
}

/**
 * Money in reports and charts, read at a glance: formatted from the exact decimal string (Intl
 * formats a numeric string without going through a float), in the clinic's currency and this
 * PC's locale; an unknown currency code falls back to "CODE amount".
 */
export function formatMoney(amount: string, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount as unknown as number);
  } catch {
    return money(amount, currency);
  }
}
