import type { AppointmentDto } from '../../../preload/contract';
import { timeRange } from '../../lib/dates';
import { Button } from '../../ui/Button';
import { Table, type Column } from '../../ui/Table';
import { useAppointmentStep } from '../appointments/actions';
import { changedRecently, useRecentSteps } from '../appointments/may';
import { moneyStateOf, type DayMoney, type ListTitle } from './board';
import { MoneyBadge } from './MoneyBadge';
import { PatientName } from './PatientName';
import { StatusChip } from './StatusChip';

/** Who has been seen (or did not come) today: take payment, or undo this desk's own recent step. */
export function SeenTable({
  title,
  rows,
  money,
  nowMs,
  online,
  onPay,
}: {
  title: ListTitle;
  rows: AppointmentDto[];
  money: DayMoney;
  nowMs: number;
  online: ReadonlySet<number>;
  onPay(appointment: AppointmentDto): void;
}) {
  const appointmentStep = useAppointmentStep();
  const recent = useRecentSteps((s) => s.at);
  const columns: Column<AppointmentDto>[] = [
    { header: 'Time', cell: (a) => timeRange(a) },
    { header: 'Patient', cell: (a) => <PatientName appointment={a} online={online} /> },
    ...(!title.ofDoctor ? [{ header: 'Doctor', cell: (a: AppointmentDto) => a.doctorName }] : []),
    {
      header: 'Status',
      cell: (a) => (
        <>
          <StatusChip status={a.status} /> <MoneyBadge state={moneyStateOf(a, money.get(a.id))} />
        </>
      ),
    },
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
  const Heading = title.ofDoctor ? 'h3' : 'h2';
  return (
    <section aria-label={title.label}>
      <Heading>{title.heading}</Heading>
      <Table label={title.label} columns={columns} rows={rows} empty="Nobody has been seen yet." />
    </section>
  );
}
