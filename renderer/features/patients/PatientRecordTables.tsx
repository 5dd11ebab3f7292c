import type { Res } from '../../../preload/contract';
import { hhmm } from '../../lib/dates';
import { money } from '../../lib/format';
import { statusName } from '../../lib/labels';
import { Table, type Column } from '../../ui/Table';

type Page = Res<'patients.get'>;

const APPOINTMENT_COLUMNS: Column<Page['upcoming'][number]>[] = [
  { header: 'Date', cell: (a) => a.date },
  { header: 'Time', cell: (a) => `${hhmm(a.startTime)}–${hhmm(a.endTime)}` },
  { header: 'Doctor', cell: (a) => a.doctorName },
  { header: 'Status', cell: (a) => statusName(a.status) },
  { header: 'Reason', cell: (a) => a.reason ?? '' },
];

const PAYMENT_COLUMNS: Column<Page['payments'][number]>[] = [
  { header: 'Receipt', cell: (p) => p.receiptNumber ?? '—' },
  { header: 'Amount', cell: (p) => money(p.amount, p.currency) },
  { header: 'Method', cell: (p) => p.method ?? '—' },
  { header: 'Status', cell: (p) => p.status },
];

/** A patient's appointments, upcoming and past, and their payments. */
export function PatientRecordTables({ page }: { page: Page }) {
  return (
    <>
      <h3>Upcoming appointments</h3>
      <Table label="Upcoming appointments" columns={APPOINTMENT_COLUMNS} rows={page.upcoming} empty="No upcoming appointments." />
      <h3>Past appointments</h3>
      <Table label="Past appointments" columns={APPOINTMENT_COLUMNS} rows={page.past} empty="No past appointments." />
      <h3>Payments</h3>
      <Table label="Payments" columns={PAYMENT_COLUMNS} rows={page.payments} empty="No payments." />
    </>
  );
}
