/**
 * Money as the desk reads it. Amounts arrive as exact decimal strings and are formatted from
 * the string (Intl formats a numeric string without going through a float), in the clinic's
 * currency and this PC's locale; an unknown currency code falls back to "CODE amount".
 */
export function formatMoney(amount: string, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount as unknown as number);
  } catch {
    return `${currency} ${amount}`;
  }
}
