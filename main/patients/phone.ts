import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { AppError } from '../shared/app-error';
import { say } from '../shared/say';

const MAX_STORED = 20;

/**
 * A phone number as the desk types it, made consistent. With a country code (+91…, 0091…) it
 * must be a real number for that country; without one it is read as a national number of
 * `country` (the clinic's). Either way it is stored in E.164 (+919812345678), so "98450 11224"
 * and "+91 98450 11224" are the same patient's number and a search by either finds it.
 * Without a country (callers that have none) national digits are kept as typed minus spacing.
 */
export function normalisePhone(raw: string | null | undefined, country?: CountryCode): string | null {
  if (raw === null || raw === undefined) return null;
  const typed = raw.trim();
  if (typed === '') return null;
  if (!/^[+()\d\s.\-/]+$/.test(typed)) throw new AppError('INVALID', 'A phone number may contain only digits, spaces, +, -, ( and )', 'phone');
  const international = typed.replace(/^00/, '+');
  if (international.startsWith('+')) {
    const parsed = parsePhoneNumberFromString(international);
    if (!parsed || !parsed.isValid()) throw new AppError('INVALID', say`${typed} is not a valid phone number for its country code`, 'phone');
    return parsed.number;
  }
  const digits = typed.replace(/\D/g, '');
  if (digits.length < 5) throw new AppError('INVALID', 'That phone number is too short', 'phone');
  if (digits.length > MAX_STORED) throw new AppError('INVALID', 'That phone number is too long', 'phone');
  if (!country) return digits;
  const parsed = parsePhoneNumberFromString(typed, country);
  if (!parsed || !parsed.isValid()) {
    throw new AppError(
      'INVALID',
      say`${typed} is not a valid phone number in ${countryName(country)}; check the digits or type it with its country code (+…)`,
      'phone',
    );
  }
  return parsed.number;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const countryName = (country: CountryCode) => regionNames.of(country) ?? country;
