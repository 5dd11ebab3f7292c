import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../renderer/lib/format';
import { APPOINTMENT_STATUS_NAMES, ROLE_NAMES } from '../../renderer/lib/labels';

describe('labels and formatters in one place', () => {
  it('formats money from the exact decimal string, in the currency, and falls back for an unknown code', () => {
    const inr = formatMoney('1234567.89', 'INR');
    expect(inr).toMatch(/1,?23,?45,?67\.89|1,234,567\.89/);
    expect(inr).not.toContain('INR 1234567.89');
    expect(formatMoney('10.50', 'NOPE')).toBe('NOPE 10.50');
  });

  it('names every role and appointment status the desk shows', () => {
    expect(ROLE_NAMES.RECEPTIONIST).toBe('Front desk');
    expect(APPOINTMENT_STATUS_NAMES.NO_SHOW).toBe('Did not come');
  });
});
