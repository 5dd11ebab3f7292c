import { useT } from '../../i18n/use-t';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';

/**
 * "Finish consultation" on a call the patient never joined: finishing would record a visit that
 * did not take place, so the doctor says which it was.
 */
export function NeverJoinedDialog({ patientName, onAnswer }: { patientName: string; onAnswer(answer: 'finish' | 'noShow' | 'wait'): void }) {
  const { t } = useT('queue');
  return (
    <Dialog title={t('neverJoined.title', { name: patientName })} onClose={() => onAnswer('wait')}>
      <p>{t('neverJoined.text')}</p>
      <div className="ui-actions">
        <Button onClick={() => onAnswer('wait')}>{t('neverJoined.wait')}</Button>
        <Button onClick={() => onAnswer('finish')}>{t('neverJoined.finish')}</Button>
        <Button variant="primary" onClick={() => onAnswer('noShow')}>
          {t('neverJoined.noShow')}
        </Button>
      </div>
    </Dialog>
  );
}
