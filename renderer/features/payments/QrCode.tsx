import { create } from 'qrcode';
import { useMemo, useRef, type ReactNode } from 'react';
import { useT } from '../../i18n/use-t';
import { Button } from '../../ui/Button';

/** Quiet zone around the code, in modules: scanners need four. */
const QUIET = 4;

/**
 * A QR code drawn as SVG squares (no image data URL, no innerHTML: nothing for the CSP to
 * allow). Medium error correction keeps it readable on a scratched counter screen or a
 * thermal print.
 */
export function QrCode({ text, label, size = 240 }: { text: string; label: string; size?: number }) {
  const { cells, count } = useMemo(() => {
    const qr = create(text, { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    const dark: [number, number][] = [];
    for (let row = 0; row < n; row++) for (let col = 0; col < n; col++) if (qr.modules.get(row, col)) dark.push([col, row]);
    return { cells: dark, count: n };
  }, [text]);
  const extent = count + 2 * QUIET;
  return (
    <svg role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${extent} ${extent}`} shapeRendering="crispEdges">
      <rect width={extent} height={extent} fill="#fff" />
      <path fill="#000" d={cells.map(([x, y]) => `M${x + QUIET} ${y + QUIET}h1v1h-1z`).join('')} />
    </svg>
  );
}

/**
 * What the patient scans, with "Show to patient" putting it full-screen: for a screen turned
 * toward the patient or a second monitor.
 */
export function PatientFacing({ className, children, ...data }: { className: string; children: ReactNode } & Record<`data-${string}`, string>) {
  const { t } = useT('payments');
  const frame = useRef<HTMLElement>(null);
  return (
    <figure ref={frame} className={className} {...data}>
      {children}
      <Button onClick={() => void frame.current?.requestFullscreen?.()}>{t('showToPatient')}</Button>
    </figure>
  );
}
