import { useId } from 'react';
import { useT } from '../../i18n/use-t';
import type { AppointmentDto } from '../../../preload/contract';
import { timeRange } from '../../lib/dates';
import { Button } from '../../ui/Button';
import { Table, type Column } from '../../ui/Table';
import { useAppointmentStep } from '../appointments/actions';
import { mayMarkNoShow, type ClinicNow } from '../appointments/may';
import type { ListTitle } from './board';
import { PatientName } from './PatientName';
import { useTokenSlip } from './useTokenSlip';

/**
 * "Did not come", with the offer spelled out when the appointment's video call ended without the
 * patient ever joining: the desk decides, nothing marks the appointment by itself.
 */
function NoShowButton({ appointment: a, neverJoinedVideo, onMark }: { appointment: AppointmentDto; neverJoinedVideo: boolean; onMark(): void }) {
  const { t } = useT('queue');
  const offerId = useId();
  return (
    <>
      {neverJoinedVideo && (
        <span className="row-offer" id={offerId}>
          {t('videoNoShowOffer')}
        </span>
      )}
      <Button
        variant={neverJoinedVideo ? 'primary' : 'secondary'}
        aria-label={t('noShowWho', { name: a.patientName })}
        aria-describedby={neverJoinedVideo ? offerId : undefined}
        onClick={onMark}
      >
        {t('noShow')}
      </Button>
    </>
  );
}

/** Who is still expected today: check them in (their token slip prints), or mark them as not come once their time has passed. */
export function ExpectedTable({
  title,
  rows,
  loaded,
  now,
  online,
  neverJoinedVideo,
  onMore,
}: {
  title: ListTitle;
  rows: AppointmentDto[];
  loaded: boolean;
  now: ClinicNow;
  online: ReadonlySet<number>;
  /** Appointments whose last video call ended without the patient: offered as "did not come". */
  neverJoinedVideo: ReadonlySet<number>;
  onMore(appointment: AppointmentDto): void;
}) {
  const { t } = useT('queue');
  const appointmentStep = useAppointmentStep();
  const printSlip = useTokenSlip();
  const columns: Column<AppointmentDto>[] = [
    { header: t('col.time'), cell: (a) => timeRange(a) },
    { header: t('col.patient'), cell: (a) => <PatientName appointment={a} online={online} /> },
    ...(!title.ofDoctor ? [{ header: t('col.doctor'), cell: (a: AppointmentDto) => a.doctorName }] : []),
    { header: t('col.reason'), cell: (a) => a.reason ?? '' },
    {
      header: t('col.actions'),
      cell: (a) => (
        <span className="row-actions">
          <Button
            aria-label={t('checkInWho', { name: a.patientName })}
            onClick={() => void appointmentStep('checkIn', a).then((done) => done && printSlip(done))}
          >
            {t('checkIn')}
          </Button>
          {mayMarkNoShow(a, now) && (
            <NoShowButton appointment={a} neverJoinedVideo={neverJoinedVideo.has(a.id)} onMark={() => void appointmentStep('noShow', a)} />
          )}
          <Button aria-label={t('moreWho', { name: a.patientName })} onClick={() => onMore(a)}>
            {t('more')}
          </Button>
        </span>
      ),
    },
  ];
  const Heading = title.ofDoctor ? 'h3' : 'h2';
  return (
    <section aria-label={title.label}>
      <Heading>{title.heading}</Heading>
      <Table label={title.label} columns={columns} rows={rows} empty={loaded ? t('nobodyExpected') : t('common:loading')} />
    </section>
  );
}
