import { create } from 'qrcode';
import { useMemo, useRef } from 'react';
import type { UpiLinkDto } from '../../../preload/contract';
import { Button } from '../../ui/Button';

/** Quiet zone around the code, in modules: scanners need four. */
const QUIET = 4;

/**
 * The desk's UPI QR: the `upi://pay` link from `payments.upiLink` drawn as SVG squares (no
 * image data URL, no innerHTML: nothing for the CSP to allow). Medium error correction keeps it
 * readable on a scratched counter screen. "Show to patient" puts it full-screen, for a screen
 * turned toward the patient or a second monitor.
 */
export function UpiQr({ upi, size = 240 }: { upi: UpiLinkDto; size?: number }) {
  const frame = useRef<HTMLElement>(null);
  const { cells, count } = useMemo(() => {
    const qr = create(upi.link, { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    const dark: [number, number][] = [];
    for (let row = 0; row < n; row++) for (let col = 0; col < n; col++) if (qr.modules.get(row, col)) dark.push([col, row]);
    return { cells: dark, count: n };
  }, [upi.link]);
  const extent = count + 2 * QUIET;
  return (
    <figure ref={frame} className="upi-qr" data-upi-link={upi.link}>
      <svg
        role="img"
        aria-label={`UPI QR code: pay ${upi.currency} ${upi.amount} to ${upi.payeeName}`}
        width={size}
        height={size}
        viewBox={`0 0 ${extent} ${extent}`}
        shapeRendering="crispEdges"
      >
        <rect width={extent} height={extent} fill="#fff" />
        <path fill="#000" d={cells.map(([x, y]) => `M${x + QUIET} ${y + QUIET}h1v1h-1z`).join('')} />
      </svg>
      <figcaption>
        <strong>
          {upi.currency} {upi.amount}
        </strong>{' '}
        to {upi.payeeName} ({upi.vpa}) · ref {upi.reference}
      </figcaption>
      <Button onClick={() => void frame.current?.requestFullscreen?.()}>Show to patient</Button>
    </figure>
  );
}
