import type { AppointmentDto, Res } from '../../../preload/contract';
import { Button } from '../../ui/Button';
import { useCallNext, useMoveStage } from './waitingRoom';

type Stage = Res<'appointments.queue'>[number]['waiting'][number]['stage'];

/** Calls the doctor's next token; main picks which. */
export function CallNextButton({ doctorId, doctorName }: { doctorId: number; doctorName: string }) {
  const callNext = useCallNext();
  return (
    <Button variant="primary" aria-label={`Call next for ${doctorName}`} onClick={() => void callNext(doctorId, doctorName)}>
      Call next
    </Button>
  );
}

/** What can happen to a patient once called: in with the doctor, skipped for now, or back to waiting. */
export function StageButtons({ appointment: a, stage }: { appointment: AppointmentDto; stage: Stage }) {
  const moveStage = useMoveStage();
  return (
    <>
      {stage === 'CALLED' && (
        <>
          <Button aria-label={`${a.patientName} is in with the doctor`} onClick={() => void moveStage('start', a)}>
            In
          </Button>
          <Button aria-label={`Skip ${a.patientName}, recall later`} onClick={() => void moveStage('skip', a)}>
            Skip
          </Button>
        </>
      )}
      {stage !== 'ARRIVED' && (
        <Button aria-label={`Send ${a.patientName} back to waiting`} onClick={() => void moveStage('sendBack', a)}>
          Back to waiting
        </Button>
      )}
    </>
  );
}
