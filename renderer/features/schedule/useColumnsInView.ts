import { useEffect, useRef, useState, type RefObject } from 'react';
import { AXIS_PX, MIN_COLUMN_PX } from './geometry';

type Range = { first: number; last: number };
// Until the scroller is measured every column counts as in view, which is what the grid did before.
const EVERY: Range = { first: 0, last: Number.MAX_SAFE_INTEGER };

/**
 * Which of `count` equal columns the scroller shows, a column partly shown included, and no more:
 * every column drawn with the first frame delays it, and a sideways scroll measures again, so a
 * column scrolled into view is drawn then. Re-renders only when that set changes.
 */
export function useColumnsInView(scroller: RefObject<HTMLElement | null>, count: number): (index: number) => boolean {
  const [range, setRange] = useState(EVERY);
  const countRef = useRef(count);
  countRef.current = count;

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => {
      // Not laid out (hidden, or a test's DOM): nothing to go by, so everything stays in view.
      if (el.clientWidth === 0) return;
      const width = Math.max(MIN_COLUMN_PX, (el.clientWidth - AXIS_PX) / Math.max(1, countRef.current));
      const first = Math.floor(el.scrollLeft / width);
      const last = Math.ceil((el.scrollLeft + el.clientWidth - AXIS_PX) / width) - 1;
      setRange((r) => (r.first === first && r.last === last ? r : { first, last }));
    };
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    window.addEventListener('resize', measure);
    return () => {
      el.removeEventListener('scroll', measure);
      window.removeEventListener('resize', measure);
    };
  }, [scroller, count]);

  return (index) => index >= range.first && index <= range.last;
}
