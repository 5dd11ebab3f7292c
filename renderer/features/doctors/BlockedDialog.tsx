import { useState } from 'react';
import { cancelBookedSchema, type CallError, type Res } from '../../../preload/contract';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { FormTextAreaField } from '../../ui/Field';
import { hhmm, withWeekday } from '../../lib/dates';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useSchemaForm } from '../../ui/form/use-contract-form';
import { Table, type Column } from '../../ui/Table';

export type Stranded = Extract<Res<'availability.removeWindow'>, { status: 'blocked' }>['appointments'];
/** The changes main holds back over booked patients (leave, removed hours, a clinic holiday): made, or who is in the way. */
export type ChangeResult = Res<'availability.removeWindow'> | Res<'holidays.add'>;

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
  /** With who was cancelled and why, so the patients can be told. */
  onDone(cancelled: number, told: { reason: string; appointments: Stranded }): void;
  onClose(): void;
}) {
  const [list, setList] = useState(appointments);
  const form = useSchemaForm(cancelBookedSchema, { reason: '' });
  const busy = form.formState.isSubmitting;

  const submit = form.handleSubmit(async (cancelBooked) => {
    const r = await retry(cancelBooked);
    // The change's own request names the reason "cancelBooked.reason": here it is this box.
    if (!r.ok) return applyRefusal(form, r.error.field === 'cancelBooked.reason' ? { ...r.error, field: 'reason' } : r.error);
    if (r.value.status === 'blocked') {
      setList(r.value.appointments);
      return applyRefusal(form, { code: 'CONFLICT', message: 'More patients were booked meanwhile; check the list and confirm again.' });
    }
    onDone(r.value.cancelledAppointments, { reason: cancelBooked.reason, appointments: list });
  });

  return (
    <Dialog title="Patients are booked in this time" onClose={onClose}>
      <form className="ui-form" onSubmit={submit} noValidate>
        <p>
          {list.length === 1 ? 'One patient is' : `${list.length} patients are`} booked in this time. The change can be made only if
          {list.length === 1 ? ' that appointment is' : ' these appointments are'} cancelled.
        </p>
        <Table label="Booked patients" columns={COLUMNS} rows={list} empty="No one is booked." />
        <FormProblem form={form} />
        <FormTextAreaField form={form} name="reason" label="Reason the patients will be told" required />
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
