import { useState } from 'react';
import { cancelBookedSchema, type CallError, type Req, type Res } from '../../../preload/contract';
import { useT } from '../../i18n/use-t';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { FormTextAreaField } from '../../ui/Field';
import { hhmm, withWeekday } from '../../lib/dates';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useSchemaForm } from '../../ui/form/use-contract-form';
import { Table } from '../../ui/Table';
import { strandedRefusals } from './stranded-refusals';

export type Stranded = Extract<Res<'availability.removeWindow'>, { status: 'blocked' }>['appointments'];
export type CancelBooked = NonNullable<Req<'availability.removeWindow'>['cancelBooked']>;
/** The changes main holds back over booked patients (leave, removed hours, a clinic holiday): made, or who is in the way. */
export type ChangeResult = Res<'availability.removeWindow'> | Res<'holidays.add'>;

/**
 * Main refused a schedule change because patients are booked in that time. Lists them, and makes
 * the change only if the admin cancels those appointments with a reason. What the patients are
 * told is asked here, before anything is saved, so their cancellation messages carry it from the
 * start instead of the plain one going out first.
 */
export function BlockedDialog({
  appointments,
  retry,
  onDone,
  onClose,
}: {
  appointments: Stranded;
  /** Repeats the change with the cancellation; main answers again (it may find new bookings). */
  retry(cancelBooked: CancelBooked): Promise<{ ok: true; value: ChangeResult } | { ok: false; error: CallError }>;
  /** With who was cancelled and what was given for them. */
  onDone(cancelled: number, told: CancelBooked & { appointments: Stranded }): void;
  onClose(): void;
}) {
  const { t } = useT('appointments');
  const [list, setList] = useState(appointments);
  const form = useSchemaForm(cancelBookedSchema, { reason: '', tellPatients: '' }, strandedRefusals);
  const busy = form.formState.isSubmitting;

  const submit = form.handleSubmit(async ({ reason, tellPatients }) => {
    const cancelBooked = { reason, ...(tellPatients ? { tellPatients } : {}) };
    const r = await retry(cancelBooked);
    // The change's own request names these boxes "cancelBooked.…".
    if (!r.ok) return applyRefusal(form, { ...r.error, field: r.error.field?.replace(/^cancelBooked\./, '') });
    if (r.value.status === 'blocked') {
      setList(r.value.appointments);
      return applyRefusal(form, { code: 'CONFLICT', message: t('blocked.moreBooked') });
    }
    onDone(r.value.cancelledAppointments, { ...cancelBooked, appointments: list });
  });

  return (
    <Dialog title={t('blocked.title')} onClose={onClose}>
      <form className="ui-form" onSubmit={submit} noValidate>
        <p>{t('blocked.intro', { count: list.length })}</p>
        <Table
          label={t('blocked.list')}
          columns={[
            { header: t('blocked.date'), cell: (a) => withWeekday(a.date) },
            { header: t('blocked.time'), cell: (a) => `${hhmm(a.startTime)}–${hhmm(a.endTime)}` },
            { header: t('blocked.patient'), cell: (a) => a.patientName },
          ]}
          rows={list}
          empty={t('blocked.empty')}
        />
        <FormProblem form={form} />
        <FormTextAreaField form={form} name="reason" label={t('blocked.reason')} hint={t('blocked.reasonHint')} required />
        <FormTextAreaField form={form} name="tellPatients" label={t('blocked.tellPatients')} hint={t('blocked.tellPatientsHint')} />
        <div className="ui-actions">
          <Button onClick={onClose}>{t('blocked.keep')}</Button>
          <Button variant="danger" type="submit" disabled={busy}>
            {busy ? t('blocked.cancelling') : t('blocked.submit', { count: list.length })}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
