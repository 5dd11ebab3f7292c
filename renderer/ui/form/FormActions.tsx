import { Button } from '../Button';

/**
 * A form's buttons: Cancel when it has one, then its submit, which reads "Saving…" and takes no
 * second click while the request is out.
 */
export function FormActions({ busy, submit, onCancel }: { busy: boolean; submit: string; onCancel?: () => void }) {
  return (
    <div className="ui-actions">
      {onCancel && <Button onClick={onCancel}>Cancel</Button>}
      <Button variant="primary" type="submit" disabled={busy}>
        {busy ? 'Saving…' : submit}
      </Button>
    </div>
  );
}
