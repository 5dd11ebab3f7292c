import type { AppointmentDto } from '../../../preload/contract';
import { timeRange } from '../../lib/dates';
import { Button } from '../../ui/Button';
import { Table, type Column } from '../../ui/Table';
import { useAppointmentStep } from '../appointments/actions';
import { mayMarkNoShow, type ClinicNow } from '../appointments/may';
import type { ListTitle } from './board';
import { PatientName } from './PatientName';
import { useTokenSlip } from './useTokenSlip';

/** Who is still expected today: check them in (their token slip prints), or mark them as not come once their time has passed. */
export function ExpectedTable({
  title,
  rows,
  loaded,
  now,
  online,
  onMore,
}: {
  title: ListTitle;
  rows: AppointmentDto[];
  loaded: boolean;
  now: ClinicNow;
  online: ReadonlySet<number>;
  onMore(appointment: AppointmentDto): void;
}) {
  const appointmentStep = useAppointmentStep();
  const printSlip = useTokenSlip();
  const columns: Column<AppointmentDto>[] = [
    { header: 'Time', cell: (a) => timeRange(a) },
    { header: 'Patient', cell: (a) => <PatientName appointment={a} online={online} /> },
    ...(!title.ofDoctor ? [{ header: 'Doctor', cell: (a: AppointmentDto) => a.doctorName }] : []),
    { header: 'Reason', cell: (a) => a.reason ?? '' },
    {
      header: 'Actions',
      cell: (a) => (
        <span className="row-actions">
          <Button aria-label={`Check in ${a.patientName}`} onClick={() => void appointmentStep('checkIn', a).then((done) => done && printSlip(done))}>
            Check in
          </Button>
          {mayMarkNoShow(a, now) && (
            <Button aria-label={`${a.patientName} did not come`} onClick={() => void appointmentStep('noShow', a)}>
              Did not come
            </Button>
          )}
          <Button aria-label={`More for ${a.patientName}`} onClick={() => onMore(a)}>
            More…
          </Button>
        </span>
      ),
    },
  ];
  const Heading = title.ofDoctor ? 'h3' : 'h2';
  return (
    <section aria-label={title.label}>
      <Heading>{title.heading}</Heading>
      <Table label={title.label} columns={columns} rows={rows} empty={loaded ? 'Nobody else is expected today.' : 'Loading…'} />
    </section>
  );
}
