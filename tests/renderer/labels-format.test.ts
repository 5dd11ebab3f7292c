import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../renderer/lib/format';
import { roleName, statusName } from '../../renderer/lib/labels';

describe('labels and formatters in one place', () => {
  it('formats money from the exact decimal string, in the currency, and falls back for an unknown code', () => {
    // The clinic's country (India here) groups lakhs and crores, in English as in Hindi.
    expect(formatMoney('1234567.89', 'INR')).toBe('₹12,34,567.89');
    expect(formatMoney('125000', 'INR')).toBe('₹1,25,000.00');
    expect(formatMoney('10.50', 'NOPE')).toBe('NOPE 10.50');
  });

  it('names every role and appointment status the desk shows', () => {
    expect(roleName('RECEPTIONIST')).toBe('Front desk');
    expect(statusName('NO_SHOW')).toBe('Did not come');
  });
});
