import { useT } from '../../i18n/use-t';
import { Button } from '../Button';

/**
 * A form's buttons: Cancel when it has one, then its submit, which reads "Saving…" and takes no
 * second click while the request is out.
 */
export function FormActions({ busy, submit, onCancel }: { busy: boolean; submit: string; onCancel?: () => void }) {
  // The shared words: loaded at start, so a form never waits for them.
  const { t } = useT('common');
  return (
    <div className="ui-actions">
      {onCancel && <Button onClick={onCancel}>{t('cancel')}</Button>}
      <Button variant="primary" type="submit" disabled={busy}>
        {busy ? t('saving') : submit}
      </Button>
    </div>
  );
}
