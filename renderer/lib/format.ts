import { currentLocale } from './locale';

/**
 * An amount in the clinic's currency as the user's locale writes it ("₹1,25,000.00" in en-IN and
 * hi-IN), formatted from the exact decimal main sent: Intl reads a numeric string as a decimal,
 * never through a float. A refund's amount is negative in the data; where the words already say
 * "refunded", pass `unsigned`. A currency code Intl refuses falls back to "CODE amount".
 */
export function money(amount: string, currency: string, { unsigned = false } = {}): string {
  const exact = unsigned ? amount.replace(/^-/, '') : amount;
  try {
    // The renderer's ES2022 lib types format() as taking a number; Chromium and Node take the string.
    return new Intl.NumberFormat(currentLocale(), { style: 'currency', currency }).format(exact as unknown as number);
  } catch {
    return `${currency} ${exact}`;
  }
}
