import type { AppointmentDto } from '../../../preload/contract';
import { hhmm } from '../../lib/dates';
import { useSession } from '../../stores/session';
import { Button } from '../../ui/Button';
import { useAppointmentStep } from '../appointments/actions';
import { mayStartVideo } from '../appointments/may';
import { SendVideoLink } from '../messaging/SendVideoLink';
import { moneyStateOf, type DayMoney, type DoctorQueue, type QueueEntry } from './board';
import { CallNextButton, StageButtons } from './CallControls';
import { MoneyBadge } from './MoneyBadge';
import { PatientName } from './PatientName';
import { useTokenSlip } from './useTokenSlip';

const STAGE_NAMES = { ARRIVED: 'waiting', CALLED: 'called', WITH_DOCTOR: 'with the doctor' } as const;
const PRIORITY_NAMES = { EMERGENCY: 'emergency', ELDERLY: 'priority: elderly', PREGNANT: 'priority: pregnant', CHILD: 'priority: child' } as const;

interface Shared {
  online: ReadonlySet<number>;
  money: DayMoney;
  onPay(appointment: AppointmentDto): void;
  /** Completing with "see again in …": the completion dialog. */
  onCompleteWithRecall(appointment: AppointmentDto): void;
}

/** Who is waiting, per doctor in token order, with how long they have waited and have to go. */
export function WaitingQueue({ queue, loaded, ...shared }: Shared & { queue: DoctorQueue[]; loaded: boolean }) {
  const waiting = queue.filter((d) => d.waiting.length > 0);
  return (
    <section aria-labelledby="waiting-title">
      <h2 id="waiting-title">Waiting</h2>
      {loaded && waiting.length === 0 && <p className="ui-hint">Nobody is waiting.</p>}
      {waiting.map((d) => (
        <div key={d.doctorId} className="queue-doctor">
          <h3>
            {d.doctorName} <span className="ui-hint">· about {Math.round(d.consultMinutes)} min per patient</span>{' '}
            <CallNextButton doctorId={d.doctorId} doctorName={d.doctorName} />
          </h3>
          <WaitingList doctorName={d.doctorName} entries={d.waiting} {...shared} />
        </div>
      ))}
    </section>
  );
}

/** One doctor's waiting room in the order "Call next" takes them. */
export function WaitingList({ doctorName, entries, ...shared }: Shared & { doctorName: string; entries: QueueEntry[] }) {
  return (
    <ol className="queue-list" aria-label={`Waiting for ${doctorName}`}>
      {entries.map((entry) => (
        <WaitingEntry key={entry.appointment.id} entry={entry} {...shared} />
      ))}
    </ol>
  );
}

function WaitingEntry({ entry, online, money, onPay, onCompleteWithRecall }: Shared & { entry: QueueEntry }) {
  const appointmentStep = useAppointmentStep();
  const { appointment: a, stage, priority, skipped, waitingMinutes, estimatedWaitMinutes } = entry;
  const session = useSession((st) => st.session);
  const printSlip = useTokenSlip();
  return (
    <li data-stage={stage}>
      <span className="token-badge" aria-label={`Token ${a.tokenNo}`}>
        {a.tokenNo}
      </span>
      <span className="queue-who">
        <strong>
          <PatientName appointment={a} online={online} />
          {stage !== 'ARRIVED' && <span className="tag">{STAGE_NAMES[stage]}</span>}
          {priority && <span className="tag">{PRIORITY_NAMES[priority]}</span>}
          {skipped && <span className="tag">skipped</span>}
          <MoneyBadge state={moneyStateOf(a, money.get(a.id))} />
        </strong>
        <span className="ui-hint">
          booked {hhmm(a.startTime)} · waiting {waitingMinutes} min · about {estimatedWaitMinutes} min to go
        </span>
      </span>
      <span className="row-actions">
        <StageButtons appointment={a} stage={stage} />
        <Button aria-label={`Completed: ${a.patientName}`} onClick={() => void appointmentStep('complete', a)}>
          Completed
        </Button>
        <Button aria-label={`Completed, see again: ${a.patientName}`} onClick={() => onCompleteWithRecall(a)}>
          See again…
        </Button>
        <Button aria-label={`Take payment from ${a.patientName}`} onClick={() => onPay(a)}>
          Take payment
        </Button>
        <Button aria-label={`Print token slip for ${a.patientName}`} onClick={() => printSlip(a)}>
          Token slip
        </Button>
        {mayStartVideo(session, a) && (
          <>
            <Button aria-label={`Start video with ${a.patientName}`} onClick={() => void import('../appointments/startVideo').then((m) => m.startVideo(a))}>
              Start video
            </Button>
            <SendVideoLink appointment={a} />
          </>
        )}
      </span>
    </li>
  );
}
