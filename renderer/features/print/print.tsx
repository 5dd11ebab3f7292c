import { useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { create } from 'zustand';

interface PrintState {
  content: ReactNode;
  set(content: ReactNode): void;
}

const usePrintJob = create<PrintState>((set) => ({ content: null, set: (content) => set({ content }) }));

/**
 * The one way anything is printed (receipts, token slips, day-end summaries): the content is
 * rendered into the print-only area and the window's print runs. In the desktop app Electron
 * routes window.print() to webContents.print (the system dialog, "Save as PDF" included); in
 * browser mode it is the browser's own print. The screen CSS hides everything but that area
 * for print media.
 */
export async function printDocument(content: ReactNode): Promise<void> {
  usePrintJob.getState().set(content);
  // Let React commit the content before the print snapshot is taken.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  window.print();
}

/**
 * Mounted by the signed-in frame. A printed document (patient names on it) is dropped once the
 * print has run and when the frame goes (sign-out), so nobody reprints someone else's receipt.
 */
export function PrintArea() {
  const content = usePrintJob((s) => s.content);
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
  return host ? createPortal(content, host) : null;
}
