import type { UpiLinkDto } from '../../../preload/contract';
import { useT } from '../../i18n/use-t';
import { money } from '../../lib/format';
import { PatientFacing, QrCode } from './QrCode';

/** The desk's UPI QR: the `upi://pay` link from `payments.upiLink`, with the amount and payee spelled out. */
export function UpiQr({ upi, size = 240 }: { upi: UpiLinkDto; size?: number }) {
  const { t } = useT('payments');
  const amount = money(upi.amount, upi.currency);
  return (
    <PatientFacing className="upi-qr" data-upi-link={upi.link}>
      <QrCode text={upi.link} label={t('upi.qrLabel', { amount, payee: upi.payeeName })} size={size} />
      <figcaption>
        <strong>{amount}</strong> {t('upi.to', { payee: upi.payeeName, vpa: upi.vpa, reference: upi.reference })}
      </figcaption>
    </PatientFacing>
  );
}
