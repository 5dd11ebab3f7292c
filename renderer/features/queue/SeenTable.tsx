import type { AppointmentDto } from '../../../preload/contract';
import { timeRange } from '../../lib/dates';
import { Button } from '../../ui/Button';
import { Table, type Column } from '../../ui/Table';
import { useAppointmentStep } from '../appointments/actions';
import { APPOINTMENT_STATUS_NAMES } from '../../lib/labels';
import { changedRecently, useRecentSteps } from '../appointments/may';
import { PatientName } from './PatientName';

/** Who has been seen (or did not come) today: take payment, or undo this desk's own recent step. */
export function SeenTable({
  rows,
  nowMs,
  online,
  onPay,
}: {
  rows: AppointmentDto[];
  nowMs: number;
  online: ReadonlySet<number>;
  onPay(appointment: AppointmentDto): void;
}) {
  const appointmentStep = useAppointmentStep();
  const recent = useRecentSteps((s) => s.at);
  const columns: Column<AppointmentDto>[] = [
    { header: 'Time', cell: (a) => timeRange(a) },
    { header: 'Patient', cell: (a) => <PatientName appointment={a} online={online} /> },
    { header: 'Doctor', cell: (a) => a.doctorName },
    { header: 'Status', cell: (a) => APPOINTMENT_STATUS_NAMES[a.status] },
    {
      header: 'Actions',
      cell: (a) => (
        <span className="row-actions">
          {a.status === 'COMPLETED' && (
            <Button aria-label={`Take payment from ${a.patientName}`} onClick={() => onPay(a)}>
              Take payment
            </Button>
          )}
          {changedRecently(recent[a.id], nowMs) && (
            <Button aria-label={`Undo for ${a.patientName}`} onClick={() => void appointmentStep('undo', a)}>
              Undo
            </Button>
          )}
        </span>
      ),
    },
  ];
  return (
    <section aria-labelledby="seen-title">
      <h2 id="seen-title">Seen today</h2>
      <Table label="Seen today" columns={columns} rows={rows} empty="Nobody has been seen yet." />
    </section>
  );
}
