// Money crosses to a gateway as integer paise (Razorpay's unit) and back as exact decimal
// strings; never through a float, so 0.1 + 0.2 can never reach a patient's bill.

const DECIMAL = /^(\d{1,12})(?:\.(\d{1,2}))?$/;

/** "499.5" → 49950. Throws on anything but a plain non-negative decimal with at most two places. */
export function toPaise(amount: string): number {
  const m = DECIMAL.exec(amount.trim());
  if (!m) throw new Error(`Not an amount of money: ${JSON.stringify(amount)}`);
  const paise = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(paise)) throw new Error(`Amount too large: ${amount}`);
  return paise;
}

/** 49950 → "499.50"; a negative count of paise keeps its sign. */
export function fromPaise(paise: number): string {
  if (!Number.isSafeInteger(paise)) throw new Error(`Not a whole number of paise: ${paise}`);
  const sign = paise < 0 ? '-' : '';
  const digits = String(Math.abs(paise)).padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** "500" → "500.00": the two-place form a UPI link and a receipt print. */
export const twoPlaces = (amount: string): string => fromPaise(toPaise(amount));
