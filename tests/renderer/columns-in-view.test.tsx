import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useColumnsInView } from '../../renderer/features/schedule/useColumnsInView';

afterEach(cleanup);

/** A scroller as the browser would lay it out: jsdom lays nothing out, so its sizes are given. */
function scroller(clientWidth: number) {
  const el = document.createElement('div');
  let scrollLeft = 0;
  Object.defineProperty(el, 'clientWidth', { get: () => clientWidth });
  Object.defineProperty(el, 'scrollLeft', { get: () => scrollLeft });
  return {
    ref: { current: el },
    scrollTo(left: number) {
      scrollLeft = left;
      act(() => void el.dispatchEvent(new Event('scroll')));
    },
  };
}

const shown = (inView: (i: number) => boolean, count: number) => Array.from({ length: count }, (_, i) => i).filter(inView);

describe('the schedule’s columns in view', () => {
  // 56 px of time axis, then 40 columns of at least 150 px: 1,006 px shows six and two thirds.
  it('are the columns the scroller shows, one partly shown included, and none beside them', () => {
    const box = scroller(1006);
    const { result } = renderHook(() => useColumnsInView(box.ref, 40));
    expect(shown(result.current, 40)).toEqual([0, 1, 2, 3, 4, 5, 6]);

    box.scrollTo(160);
    expect(shown(result.current, 40)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // Scrolled to a column's very edge: the one before it is out of sight, not drawn.
    box.scrollTo(300);
    expect(shown(result.current, 40)).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });

  it('share out a wide scroller among few columns, every one of them in view', () => {
    const box = scroller(1256);
    const { result } = renderHook(() => useColumnsInView(box.ref, 4));
    expect(shown(result.current, 4)).toEqual([0, 1, 2, 3]);
  });

  it('are all of them while the scroller is not laid out (hidden, or not measured yet)', () => {
    const box = scroller(0);
    const { result } = renderHook(() => useColumnsInView(box.ref, 40));
    expect(shown(result.current, 40)).toHaveLength(40);
  });
});
