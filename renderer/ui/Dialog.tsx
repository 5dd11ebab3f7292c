import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: named by its title, Escape or Close closes it, Tab stays inside, and focus
 * goes back to whatever opened it. Hand-rolled rather than <dialog> because jsdom lacks showModal().
 */
export function Dialog({ title, onClose, children, wide }: { title: string; onClose(): void; children: ReactNode; wide?: boolean }) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  // Taken on the first render, before an autoFocus field inside moves focus away from the opener.
  const [opener] = useState(() => document.activeElement as HTMLElement | null);

  useEffect(() => {
    // A field with autoFocus has already taken focus during the commit; otherwise the first control.
    if (!box.current?.contains(document.activeElement)) (box.current?.querySelector<HTMLElement>(FOCUSABLE) ?? box.current)?.focus();
    // Back to the opener, unless another dialog has taken focus meanwhile (details → Move).
    return () => {
      if (!document.querySelector('[role="dialog"]')?.contains(document.activeElement)) opener?.focus?.();
    };
  }, [opener]);

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key === 'Escape') {
      e.stopPropagation();
      closeRef.current();
      return;
    }
    if (e.key !== 'Tab' || !box.current) return;
    const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }

  return (
    // A stray click beside the dialog must not throw away a half-filled form: Esc or Close only.
    <div className="ui-backdrop">
      <div ref={box} className="ui-dialog" data-wide={wide || undefined} role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1} onKeyDown={onKeyDown}>
        <header className="ui-dialog-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="ui-icon-button" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
