import { useT } from '../../i18n/use-t';
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

interface Shared {
  online: ReadonlySet<number>;
  money: DayMoney;
  onPay(appointment: AppointmentDto): void;
  /** Completing with "see again in …": the completion dialog. */
  onCompleteWithRecall(appointment: AppointmentDto): void;
}

/** Who is waiting, per doctor in token order, with how long they have waited and have to go. */
export function WaitingQueue({ queue, loaded, ...shared }: Shared & { queue: DoctorQueue[]; loaded: boolean }) {
  const { t } = useT('queue');
  const waiting = queue.filter((d) => d.waiting.length > 0);
  return (
    <section aria-labelledby="waiting-title">
      <h2 id="waiting-title">{t('waiting')}</h2>
      {loaded && waiting.length === 0 && <p className="ui-hint">{t('nobodyWaiting')}</p>}
      {waiting.map((d) => (
        <div key={d.doctorId} className="queue-doctor">
          <h3>
            {d.doctorName} <span className="ui-hint">· {t('perPatient', { minutes: Math.round(d.consultMinutes) })}</span>{' '}
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
  const { t } = useT('queue');
  return (
    <ol className="queue-list" aria-label={t('waitingFor', { doctor: doctorName })}>
      {entries.map((entry) => (
        <WaitingEntry key={entry.appointment.id} entry={entry} {...shared} />
      ))}
    </ol>
  );
}

function WaitingEntry({ entry, online, money, onPay, onCompleteWithRecall }: Shared & { entry: QueueEntry }) {
  const { t } = useT('queue');
  const appointmentStep = useAppointmentStep();
  const { appointment: a, stage, priority, skipped, waitingMinutes, estimatedWaitMinutes } = entry;
  const session = useSession((st) => st.session);
  const printSlip = useTokenSlip();
  return (
    <li data-stage={stage}>
      <span className="token-badge" aria-label={t('token', { token: a.tokenNo })}>
        {a.tokenNo}
      </span>
      <span className="queue-who">
        <strong>
          <PatientName appointment={a} online={online} />
          {stage !== 'ARRIVED' && <span className="tag">{t(`stage.${stage}`)}</span>}
          {priority && <span className="tag">{t(`priority.${priority}`)}</span>}
          {skipped && <span className="tag">{t('skipped')}</span>}
          <MoneyBadge state={moneyStateOf(a, money.get(a.id))} />
        </strong>
        <span className="ui-hint">{t('waitLine', { time: hhmm(a.startTime), waited: waitingMinutes, toGo: estimatedWaitMinutes })}</span>
      </span>
      <span className="row-actions">
        <StageButtons appointment={a} stage={stage} />
        <Button aria-label={t('completedWho', { name: a.patientName })} onClick={() => void appointmentStep('complete', a)}>
          {t('completed')}
        </Button>
        <Button aria-label={t('seeAgainWho', { name: a.patientName })} onClick={() => onCompleteWithRecall(a)}>
          {t('seeAgain')}
        </Button>
        <Button aria-label={t('takePaymentWho', { name: a.patientName })} onClick={() => onPay(a)}>
          {t('takePayment')}
        </Button>
        <Button aria-label={t('tokenSlipWho', { name: a.patientName })} onClick={() => printSlip(a)}>
          {t('tokenSlip')}
        </Button>
        {mayStartVideo(session, a) && (
          <>
            <Button
              aria-label={t('startVideoWho', { name: a.patientName })}
              onClick={() => void import('../appointments/startVideo').then((m) => m.startVideo(a))}
            >
              {t('startVideo')}
            </Button>
            <SendVideoLink appointment={a} />
          </>
        )}
      </span>
    </li>
  );
}
