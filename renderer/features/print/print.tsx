import { useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { create } from 'zustand';
import type { ReceiptPaper } from '../../../preload/contract';

/** Receipts and token slips print on the clinic's paper (a setting); the day-end sheet on A4. */
export type Paper = ReceiptPaper;

// The page box of each paper. A thermal roll has no page length: 200 mm holds any receipt,
// and the printer's driver cuts after the content.
const PAGE_RULES: Record<Paper, string> = {
  A4: '@page { size: A4; margin: 15mm; }',
  A5: '@page { size: A5; margin: 10mm; }',
  '80MM': '@page { size: 80mm 200mm; margin: 4mm; }',
};

interface PrintJob {
  content: ReactNode;
  paper: Paper;
}

interface PrintState {
  job: PrintJob | null;
  set(job: PrintJob | null): void;
}

const usePrintJob = create<PrintState>((set) => ({ job: null, set: (job) => set({ job }) }));

/**
 * The one way anything is printed (receipts, token slips, day-end summaries): the content is
 * rendered into the print-only area with its own page size and the window's print runs. In the
 * desktop app Electron routes window.print() to webContents.print (the system dialog, "Save as
 * PDF" included); in browser mode it is the browser's own print. For print media theme.css
 * hides everything but that area; the call window scopes its own print rule to itself.
 */
export async function printDocument(content: ReactNode, paper: Paper): Promise<void> {
  usePrintJob.getState().set({ content, paper });
  // Let React commit the content before the print snapshot is taken.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  // The area is hidden on screen, so a script's face only it needs (a Tamil name on the day-end)
  // is not fetched yet: load the faces its text needs, or that name prints in a fallback or as boxes.
  // A face that cannot load must not stop the print.
  const text = document.querySelector('.print-area')?.textContent;
  const family = getComputedStyle(document.documentElement).getPropertyValue('--font-sans');
  if (text && family && document.fonts) await document.fonts.load(`1rem ${family}`, text).catch(() => undefined);
  window.print();
}

/**
 * Mounted by the signed-in frame. A printed document (patient names on it) is dropped once the
 * print has run and when the frame goes (sign-out), so nobody reprints someone else's receipt.
 */
export function PrintArea() {
  const job = usePrintJob((s) => s.job);
  const [host, setHost] = useState<HTMLElement | null>(null);
  useEffect(() => {
    const el = document.createElement('div');
    el.className = 'print-area';
    el.setAttribute('aria-hidden', 'true');
    document.body.appendChild(el);
    setHost(el);
    const clear = () => usePrintJob.getState().set(null);
    window.addEventListener('afterprint', clear);
    return () => {
      window.removeEventListener('afterprint', clear);
      clear();
      el.remove();
    };
  }, []);
  if (host) host.dataset.paper = job?.paper ?? '';
  return host && job
    ? createPortal(
        <>
          <style>{PAGE_RULES[job.paper]}</style>
          {job.content}
        </>,
        host,
      )
    : null;
}
