import { useT } from '../../i18n/use-t';
import type { AppointmentDto, Res } from '../../../preload/contract';
import { Button } from '../../ui/Button';
import { useCallNext, useMoveStage } from './waitingRoom';

type Stage = Res<'appointments.queue'>[number]['waiting'][number]['stage'];

/** Calls the doctor's next token; main picks which. */
export function CallNextButton({ doctorId, doctorName }: { doctorId: number; doctorName: string }) {
  const { t } = useT('queue');
  const callNext = useCallNext();
  return (
    <Button variant="primary" aria-label={t('callNextFor', { doctor: doctorName })} onClick={() => void callNext(doctorId, doctorName)}>
      {t('callNext')}
    </Button>
  );
}

/** What can happen to a patient once called: in with the doctor, skipped for now, or back to waiting. */
export function StageButtons({ appointment: a, stage }: { appointment: AppointmentDto; stage: Stage }) {
  const { t } = useT('queue');
  const moveStage = useMoveStage();
  return (
    <>
      {stage === 'CALLED' && (
        <>
          <Button aria-label={t('inWho', { name: a.patientName })} onClick={() => void moveStage('start', a)}>
            {t('in')}
          </Button>
          <Button aria-label={t('skipWho', { name: a.patientName })} onClick={() => void moveStage('skip', a)}>
            {t('skip')}
          </Button>
        </>
      )}
      {stage !== 'ARRIVED' && (
        <Button aria-label={t('backWho', { name: a.patientName })} onClick={() => void moveStage('sendBack', a)}>
          {t('back')}
        </Button>
      )}
    </>
  );
}
