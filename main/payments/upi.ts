import { twoPlaces } from './money';

export interface UpiPayment {
  /** The payee's UPI ID (pa). */
  vpa: string;
  /** The payee's name as the patient's app shows it (pn). */
  payeeName: string;
  /** Exact decimal string; printed with two places (am). */
  amount: string;
  /** The clinic's reference for this payment (tr), at most 35 characters. */
  reference: string;
  /** A short note the patient's app shows (tn), at most 50 characters. */
  note: string;
}

/**
 * RFC 3986 percent-encoding of one value. encodeURIComponent leaves !'()* alone; UPI apps
 * differ on them, so they are encoded too. Spaces become %20 (some apps show a '+' literally).
 */
const encode = (value: string): string => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The `upi://pay` link of NPCI's UPI linking specification, which every UPI app's scanner
 * reads: the amount fixed (am with cu=INR), the clinic's reference (tr) and a note (tn).
 */
export function upiPayLink(p: UpiPayment): string {
  if (p.reference.length > 35) throw new Error('A UPI reference is at most 35 characters');
  const params: [string, string][] = [
    ['pa', p.vpa],
    ['pn', p.payeeName],
    ['am', twoPlaces(p.amount)],
    ['cu', 'INR'],
    ['tr', p.reference],
    ['tn', p.note.slice(0, 50)],
  ];
  return `upi://pay?${params.map(([k, v]) => `${k}=${encode(v)}`).join('&')}`;
}
