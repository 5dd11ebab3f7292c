import { useT } from '../../i18n/use-t';
import type { AppointmentDto } from '../../../preload/contract';
import { hhmm } from '../../lib/dates';
import { openGlobal } from '../../stores/global-dialogs';
import { Button } from '../../ui/Button';
import type { ClinicNow } from '../appointments/may';
import type { DayMoney, DoctorColumn as Column } from './board';
import { CallNextButton } from './CallControls';
import { ExpectedTable } from './ExpectedTable';
import { SeenTable } from './SeenTable';
import { WaitingList } from './WaitingQueue';

interface Props {
  column: Column;
  loaded: boolean;
  now: ClinicNow;
  nowMs: number;
  online: ReadonlySet<number>;
  neverJoinedVideo: ReadonlySet<number>;
  money: DayMoney;
  onPay(appointment: AppointmentDto): void;
  onMore(appointment: AppointmentDto): void;
  onCompleteWithRecall(appointment: AppointmentDto): void;
}

/** One doctor's day: who comes in next at the top, then the waiting room, who is still expected, and who has been seen. */
export function DoctorColumn({ column: c, loaded, now, nowMs, online, neverJoinedVideo, money, onPay, onMore, onCompleteWithRecall }: Props) {
  const { t } = useT('queue');
  const next = c.next;
  return (
    <section className="today-column" aria-label={t('column', { doctor: c.doctorName })}>
      <div className="today-column-head">
        <h2>{c.doctorName}</h2>
        {c.queue && (
          <span className="ui-hint">
            {t('perPatient', { minutes: Math.round(c.queue.consultMinutes) })} · {t('checkedIn', { count: c.queue.waiting.length })}
          </span>
        )}
        {c.queue && c.queue.waiting.length > 0 && <CallNextButton doctorId={c.doctorId} doctorName={c.doctorName} />}
        <Button
          onClick={() => openGlobal('notice', { kind: 'late', doctorId: c.doctorId, date: now.date })}
          aria-label={t('lateWho', { doctor: c.doctorName })}
        >
          {t('late')}
        </Button>
      </div>
      {next && (
        <p className="today-next">
          <strong>{t('next')}</strong>{' '}
          {next.checkedIn ? t('nextToken', { token: next.appointment.tokenNo ?? '–' }) : t('nextNotHere', { time: hhmm(next.appointment.startTime) })} ·{' '}
          {next.appointment.patientName}
        </p>
      )}
      {c.waiting.length > 0 && (
        <WaitingList doctorName={c.doctorName} entries={c.waiting} online={online} money={money} onPay={onPay} onCompleteWithRecall={onCompleteWithRecall} />
      )}
      {c.expected.length > 0 && (
        <ExpectedTable
          title={{ heading: t('expected'), label: t('expectedFor', { doctor: c.doctorName }), ofDoctor: true }}
          rows={c.expected}
          loaded={loaded}
          now={now}
          online={online}
          neverJoinedVideo={neverJoinedVideo}
          onMore={onMore}
        />
      )}
      {c.seen.length > 0 && (
        <SeenTable
          title={{ heading: t('seen'), label: t('seenBy', { doctor: c.doctorName }), ofDoctor: true }}
          rows={c.seen}
          money={money}
          nowMs={nowMs}
          online={online}
          onPay={onPay}
        />
      )}
    </section>
  );
}
