import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { AppError } from '../ipc/errors';

const MAX_STORED = 20;

/**
 * A phone number as the desk types it, made consistent: with a country code (+91…, 0091…) it
 * becomes E.164 (+919812345678) and must be a real number for that country; without one the
 * digits are kept as typed minus spacing, since the country cannot be known.
 */
export function normalisePhone(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const typed = raw.trim();
  if (typed === '') return null;
  if (!/^[+()\d\s.\-/]+$/.test(typed)) throw new AppError('INVALID', 'A phone number may contain only digits, spaces, +, -, ( and )', 'phone');
  const international = typed.replace(/^00/, '+');
  if (international.startsWith('+')) {
    const parsed = parsePhoneNumberFromString(international);
    if (!parsed || !parsed.isValid()) throw new AppError('INVALID', `${typed} is not a valid phone number for its country code`, 'phone');
    return parsed.number;
  }
  const digits = typed.replace(/\D/g, '');
  if (digits.length < 5) throw new AppError('INVALID', 'That phone number is too short', 'phone');
  if (digits.length > MAX_STORED) throw new AppError('INVALID', 'That phone number is too long', 'phone');
  return digits;
}
