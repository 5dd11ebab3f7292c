import { useState, type FormEvent } from 'react';
import { cancelBookedSchema, type CallError, type Res } from '../../../preload/contract';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextAreaField } from '../../ui/Field';
import { hhmm, withWeekday } from '../../lib/dates';
import { contractProblem, errorsFor } from '../../ui/form-errors';
import { Table, type Column } from '../../ui/Table';

type ChangeResult = Res<'availability.removeWindow'>;
export type Stranded = Extract<ChangeResult, { status: 'blocked' }>['appointments'];

const COLUMNS: Column<Stranded[number]>[] = [
  { header: 'Date', cell: (a) => withWeekday(a.date) },
  { header: 'Time', cell: (a) => `${hhmm(a.startTime)}–${hhmm(a.endTime)}` },
  { header: 'Patient', cell: (a) => a.patientName },
];

/**
 * Main refused a schedule change because patients are booked in that time. Lists them, and makes
 * the change only if the admin cancels those appointments with a reason the patients will be told.
 */
export function BlockedDialog({
  appointments,
  retry,
  onDone,
  onClose,
}: {
  appointments: Stranded;
  /** Repeats the change with the cancellation; main answers again (it may find new bookings). */
  retry(cancelBooked: { reason: string }): Promise<{ ok: true; value: ChangeResult } | { ok: false; error: CallError }>;
  onDone(cancelled: number): void;
  onClose(): void;
}) {
  const [list, setList] = useState(appointments);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<CallError>();
  const [busy, setBusy] = useState(false);
  const { at, formMessage } = errorsFor(error, ['reason']);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const cancelBooked = { reason };
    const local = contractProblem(cancelBookedSchema, cancelBooked);
    if (local) return setError(local);
    setBusy(true);
    const r = await retry(cancelBooked);
    setBusy(false);
    if (!r.ok) return setError(r.error.field === 'cancelBooked.reason' ? { ...r.error, field: 'reason' } : r.error);
    if (r.value.status === 'blocked') {
      setList(r.value.appointments);
      setError({ code: 'CONFLICT', message: 'More patients were booked meanwhile; check the list and confirm again.' });
      return;
    }
    onDone(r.value.cancelledAppointments);
  }

  return (
    <Dialog title="Patients are booked in this time" onClose={onClose}>
      <form className="ui-form" onSubmit={submit} noValidate>
        <p>
          {list.length === 1 ? 'One patient is' : `${list.length} patients are`} booked in this time. The change can be made only if
          {list.length === 1 ? ' that appointment is' : ' these appointments are'} cancelled.
        </p>
        <Table label="Booked patients" columns={COLUMNS} rows={list} empty="No one is booked." />
        {formMessage && <Banner tone="error">{formMessage}</Banner>}
        <TextAreaField label="Reason the patients will be told" value={reason} onChange={(e) => setReason(e.target.value)} error={at('reason')} required />
        <div className="ui-actions">
          <Button onClick={onClose}>Keep everything as it is</Button>
          <Button variant="danger" type="submit" disabled={busy}>
            {busy ? 'Cancelling…' : `Cancel ${list.length === 1 ? 'the appointment' : `${list.length} appointments`} and continue`}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
