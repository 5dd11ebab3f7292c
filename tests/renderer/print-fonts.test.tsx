import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PrintArea, printDocument } from '../../renderer/features/print/print';

const STACK = "'Noto Sans Variable', 'Noto Sans Tamil Variable', sans-serif";

/** A stand-in for the page's FontFaceSet and print: what was asked, in order. */
function watch(load: (font: string, text: string) => Promise<unknown>) {
  const order: string[] = [];
  document.documentElement.style.setProperty('--font-sans', STACK);
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { load: (font: string, text: string) => (order.push(`load ${font} | ${text}`), load(font, text)) },
  });
  window.print = () => void order.push('print');
  return order;
}

describe('printing a document whose text is only in the hidden print area', () => {
  afterEach(() => {
    cleanup();
    Reflect.deleteProperty(document, 'fonts');
    document.documentElement.style.removeProperty('--font-sans');
  });

  it('loads the bundled faces its text needs (a Tamil name) before the print snapshot', async () => {
    const order = watch(async () => []);
    render(<PrintArea />);
    await act(() => printDocument(<p>கார்த்திக் சுப்பிரமணியம்</p>, 'A4'));
    expect(order).toHaveLength(2);
    expect(order[0]).toMatch(new RegExp(`^load 1rem ${STACK} \\| .*கார்த்திக் சுப்பிரமணியம்$`));
    expect(order[1]).toBe('print');
  });

  it('still prints when a face cannot be fetched', async () => {
    const order = watch(() => Promise.reject(new Error('network')));
    render(<PrintArea />);
    await act(() => printDocument(<p>ಅನಿಲ್ ಕುಮಾರ್</p>, '80MM'));
    expect(order.at(-1)).toBe('print');
  });
});
