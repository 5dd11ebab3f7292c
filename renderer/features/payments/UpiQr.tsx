import type { UpiLinkDto } from '../../../preload/contract';
import { PatientFacing, QrCode } from './QrCode';

/** The desk's UPI QR: the `upi://pay` link from `payments.upiLink`, with the amount and payee spelled out. */
export function UpiQr({ upi, size = 240 }: { upi: UpiLinkDto; size?: number }) {
  return (
    <PatientFacing className="upi-qr" data-upi-link={upi.link}>
      <QrCode text={upi.link} label={`UPI QR code: pay ${upi.currency} ${upi.amount} to ${upi.payeeName}`} size={size} />
      <figcaption>
        <strong>
          {upi.currency} {upi.amount}
        </strong>{' '}
        to {upi.payeeName} ({upi.vpa}) · ref {upi.reference}
      </figcaption>
    </PatientFacing>
  );
}
