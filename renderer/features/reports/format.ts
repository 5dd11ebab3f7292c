/**
 * Figures as the desk reads them. Money arrives as exact decimal strings and is formatted from
 * the string (Intl formats a numeric string without going through a float), in the clinic's
 * currency and this PC's locale.
 */
export function formatMoney(amount: string, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount as unknown as number);
  } catch {
    return `${currency} ${amount}`;
  }
}

export const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${((part * 100) / whole).toFixed(1)} %`);

export const hours = (minutes: number) => (minutes / 60).toFixed(1);
