import { describe, expect, it } from 'vitest';
import { fromPaise, toPaise, twoPlaces } from '../../main/payments/money';
import { upiPayLink } from '../../main/payments/upi';

describe('money between rupees and paise', () => {
  it('converts exactly, never through a float', () => {
    expect(toPaise('0.29')).toBe(29);
    expect(toPaise('1234.5')).toBe(123450);
    expect(toPaise('650.50')).toBe(65050);
    expect(toPaise('99999999.99')).toBe(9999999999);
    // 0.29 * 100 is 28.999999999999996 in floating point: the reason this module exists.
    expect(toPaise('0.29')).not.toBe(Math.trunc(0.29 * 100));
    expect(fromPaise(29)).toBe('0.29');
    expect(fromPaise(5)).toBe('0.05');
    expect(fromPaise(-65050)).toBe('-650.50');
    expect(twoPlaces('500')).toBe('500.00');
  });

  it('refuses anything but a plain amount', () => {
    for (const bad of ['', '1.234', '-5', '1e3', '12,50', 'NaN', '0x10']) expect(() => toPaise(bad), bad).toThrow(/Not an amount/);
    expect(() => fromPaise(1.5)).toThrow(/whole number/);
  });
});

describe('the upi://pay link', () => {
  it('carries the payee, the exact amount in two places, INR, the reference and the note, each encoded', () => {
    const link = upiPayLink({
      vpa: 'sunrise.clinic@okhdfcbank',
      payeeName: "Dr. Rao's Clinic & Lab",
      amount: '650.5',
      reference: 'CD-APT-42',
      note: 'Sunrise Clinic (visit) 100%',
    });
    expect(link).toBe(
      'upi://pay?pa=sunrise.clinic%40okhdfcbank&pn=Dr.%20Rao%27s%20Clinic%20%26%20Lab&am=650.50&cu=INR&tr=CD-APT-42&tn=Sunrise%20Clinic%20%28visit%29%20100%25',
    );
    const params = new URL(link).searchParams;
    expect(Object.fromEntries(params)).toEqual({
      pa: 'sunrise.clinic@okhdfcbank',
      pn: "Dr. Rao's Clinic & Lab",
      am: '650.50',
      cu: 'INR',
      tr: 'CD-APT-42',
      tn: 'Sunrise Clinic (visit) 100%',
    });
  });

  it('keeps Indian scripts intact through the encoding', () => {
    const link = upiPayLink({ vpa: 'clinic@upi', payeeName: 'सूर्योदय क्लिनिक', amount: '0.29', reference: 'R1', note: 'शुल्क' });
    expect(new URL(link).searchParams.get('pn')).toBe('सूर्योदय क्लिनिक');
    expect(new URL(link).searchParams.get('am')).toBe('0.29');
  });

  it('refuses a reference longer than UPI allows and shortens a long note', () => {
    expect(() => upiPayLink({ vpa: 'a@b', payeeName: 'X', amount: '1', reference: 'R'.repeat(36), note: '' })).toThrow(/35/);
    expect(new URL(upiPayLink({ vpa: 'a@b', payeeName: 'X', amount: '1', reference: 'R', note: 'n'.repeat(80) })).searchParams.get('tn')).toHaveLength(50);
  });
});
