import { render, screen } from '@testing-library/react';
import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { UpiQr } from '../../renderer/features/payments/UpiQr';

const upi = {
  appointmentId: 42,
  link: 'upi://pay?pa=sunriseclinic%40okhdfcbank&pn=Sunrise%20Clinic&am=650.29&cu=INR&tr=CD-APT-42&tn=Sunrise%20Clinic%20CD-APT-42',
  amount: '650.29',
  currency: 'INR',
  vpa: 'sunriseclinic@okhdfcbank',
  payeeName: 'Sunrise Clinic',
  reference: 'CD-APT-42',
};

describe('the desk UPI QR', () => {
  it('draws exactly the modules of the upi://pay link, with the amount and payee spelled out', () => {
    render(<UpiQr upi={upi} />);
    const svg = screen.getByRole('img', { name: 'UPI QR code: pay ₹650.29 to Sunrise Clinic' });
    const drawn = (svg.querySelector('path')?.getAttribute('d') ?? '').match(/M\d+ \d+/g) ?? [];
    const qr = create(upi.link, { errorCorrectionLevel: 'M' });
    let dark = 0;
    for (let r = 0; r < qr.modules.size; r++) for (let c = 0; c < qr.modules.size; c++) if (qr.modules.get(r, c)) dark++;
    expect(drawn).toHaveLength(dark);
    // The top-left finder pattern's corner sits just inside the quiet zone.
    expect(drawn).toContain('M4 4');
    expect(document.querySelector('figcaption')?.textContent).toBe('₹650.29 to Sunrise Clinic (sunriseclinic@okhdfcbank) · ref CD-APT-42');
    expect(document.querySelector('[data-upi-link]')?.getAttribute('data-upi-link')).toBe(upi.link);
    expect(screen.getByRole('button', { name: 'Show to patient' })).toBeTruthy();
  });

  it('draws a different code for another amount', () => {
    const { container, rerender } = render(<UpiQr upi={upi} />);
    const first = container.querySelector('path')?.getAttribute('d');
    rerender(<UpiQr upi={{ ...upi, amount: '650.30', link: upi.link.replace('650.29', '650.30') }} />);
    expect(container.querySelector('path')?.getAttribute('d')).not.toBe(first);
  });
});
