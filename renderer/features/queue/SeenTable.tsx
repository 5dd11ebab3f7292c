import { useT } from '../../i18n/use-t';
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
  const { t } = useT('queue');
  const appointmentStep = useAppointmentStep();
  const recent = useRecentSteps((s) => s.at);
  const columns: Column<AppointmentDto>[] = [
    { header: t('col.time'), cell: (a) => timeRange(a) },
    { header: t('col.patient'), cell: (a) => <PatientName appointment={a} online={online} /> },
    ...(!title.ofDoctor ? [{ header: t('col.doctor'), cell: (a: AppointmentDto) => a.doctorName }] : []),
    {
      header: t('col.status'),
      cell: (a) => (
        <>
          <StatusChip status={a.status} /> <MoneyBadge state={moneyStateOf(a, money.get(a.id))} />
        </>
      ),
    },
    {
      header: t('col.actions'),
      cell: (a) => (
        <span className="row-actions">
          {a.status === 'COMPLETED' && (
            <Button aria-label={t('takePaymentWho', { name: a.patientName })} onClick={() => onPay(a)}>
              {t('takePayment')}
            </Button>
          )}
          {changedRecently(recent[a.id], nowMs) && (
            <Button aria-label={t('undoWho', { name: a.patientName })} onClick={() => void appointmentStep('undo', a)}>
              {t('undo')}
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
      <Table label={title.label} columns={columns} rows={rows} empty={t('nobodySeen')} />
    </section>
  );
}
