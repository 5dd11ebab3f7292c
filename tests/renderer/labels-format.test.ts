import { afterEach, describe, expect, it } from 'vitest';
import { money } from '../../renderer/lib/format';
import { setFormatCountry, setFormatLanguage } from '../../renderer/lib/locale';
import { switchLanguage } from '../../renderer/i18n';
import { statusWordsIn } from '../../renderer/features/schedule/status-words';
import { roleName, statusName } from '../../renderer/lib/labels';

describe('labels and formatters in one place', () => {
  afterEach(() => {
    setFormatLanguage('en');
    setFormatCountry('IN');
  });

  it('formats money from the exact decimal string, in the currency, and falls back for an unknown code', () => {
    // The clinic's country (India here) groups lakhs and crores, in English as in Hindi.
    expect(money('1234567.89', 'INR')).toBe('₹12,34,567.89');
    expect(money('125000', 'INR')).toBe('₹1,25,000.00');
    setFormatLanguage('hi');
    expect(money('123456', 'INR')).toBe('₹1,23,456.00');
    // Beyond a float's digits: the string is formatted as the decimal it is.
    expect(money('12345678901234567.89', 'INR')).toBe('₹12,34,56,78,90,12,34,567.89');
    expect(money('10.50', 'NOPE')).toBe('NOPE 10.50');
  });

  it('signs a refund unless the words already say so', () => {
    expect(money('-200.00', 'INR')).toBe('-₹200.00');
    expect(money('-200.00', 'INR', { unsigned: true })).toBe('₹200.00');
  });

  it('groups by the clinic’s country: thousands outside India', () => {
    setFormatCountry('GB');
    expect(money('125000', 'INR')).toBe('₹125,000.00');
  });

  it('names every role and appointment status the desk shows', () => {
    expect(roleName('RECEPTIONIST')).toBe('Front desk');
    expect(statusName('NO_SHOW')).toBe('Did not come');
  });

  it('names every status for the schedule in the language it draws in, also once the language changes', async () => {
    expect(statusWordsIn('en')).toEqual({ SCHEDULED: 'Scheduled', COMPLETED: 'Completed', CANCELLED: 'Cancelled', NO_SHOW: 'Did not come' });
    try {
      await switchLanguage('hi');
      expect(statusWordsIn('hi').NO_SHOW).toBe('नहीं आए');
      expect(statusWordsIn('hi').SCHEDULED).toBe(statusName('SCHEDULED'));
    } finally {
      await switchLanguage('en');
    }
    expect(statusWordsIn('en').NO_SHOW).toBe('Did not come');
  });
});
