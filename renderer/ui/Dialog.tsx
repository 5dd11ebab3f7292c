import * as RadixDialog from '@radix-ui/react-dialog';
import { useState, type ReactNode } from 'react';
import { useT } from '../i18n/use-t';

/**
 * A modal dialog on Radix: named by its title, Escape or Close closes it, Tab stays inside, and
 * focus goes back to whatever opened it. Radix listens for Escape on the document, so it works
 * wherever focus is (after a refusal too); screens mount the dialog while it is open.
 */
export function Dialog({ title, onClose, children, wide }: { title: string; onClose(): void; children: ReactNode; wide?: boolean }) {
  // Taken on the first render, before an autoFocus field inside moves focus away from the opener.
  // Radix only returns focus to a Dialog.Trigger, and our openers are shortcuts, menus and rows.
  const [opener] = useState(() => document.activeElement as HTMLElement | null);
  const { t } = useT('common');

  function returnFocus(e: Event) {
    // Another dialog took over (details → Move): it owns focus now.
    const other = document.activeElement?.closest('[role="dialog"]');
    if (other) return e.preventDefault();
    if (opener?.isConnected && opener !== document.body) {
      e.preventDefault();
      opener.focus();
    }
  }

  return (
    <RadixDialog.Root open onOpenChange={(open) => open || onClose()}>
      {/* Rendered in place (no portal), so the dialog stays inside the app's providers and styles. */}
      <RadixDialog.Overlay className="ui-backdrop">
        <RadixDialog.Content
          className="ui-dialog"
          data-wide={wide || undefined}
          aria-describedby={undefined}
          // A stray click beside the dialog must not throw away a half-filled form: Esc or Close only.
          onInteractOutside={(e) => e.preventDefault()}
          onCloseAutoFocus={returnFocus}
        >
          <header className="ui-dialog-head">
            <RadixDialog.Title>{title}</RadixDialog.Title>
            <RadixDialog.Close className="ui-icon-button" aria-label={t('close')}>
              ×
            </RadixDialog.Close>
          </header>
          {children}
        </RadixDialog.Content>
      </RadixDialog.Overlay>
    </RadixDialog.Root>
  );
}
