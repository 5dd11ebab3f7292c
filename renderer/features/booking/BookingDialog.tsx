import { useState } from 'react';
import type { PatientSummary } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { hhmm, shortDay, todayIn } from '../../lib/dates';
import { useTimeZone } from '../../api/clinic-data';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field, SelectField, TextAreaField } from '../../ui/Field';
import { toast } from '../../ui/toasts';
import { useForm } from '../../ui/use-form';
import { PatientPicker } from '../patients';
import { OVERRIDE_FIELDS, OutsideHours, overrideOf } from './OutsideHours';
import { FreeSlotPicker } from './FreeSlotPicker';
import { DoctorOptions } from '../doctors/DoctorOptions';
import { SessionTokens } from '../sessions/SessionTokens';

export interface BookingDraft {
  patient?: PatientSummary;
  doctorId?: number;
  date?: string;
  startTime?: string;
  endTime?: string;
}

/**
 * Book an appointment: the patient (found or registered here), the doctor, the day and a time
 * — the doctor's next free times are offered — and the reason. A clash is refused by main and
 * its message names the appointment in the way; nothing typed is lost.
 */
export function BookingDialog({ draft = {}, onClose }: { draft?: BookingDraft; onClose(): void }) {
  const timeZone = useTimeZone();
  const [patient, setPatient] = useState(draft.patient);
  const form = useForm(
    {
      doctorId: draft.doctorId ? String(draft.doctorId) : '',
      date: draft.date ?? todayIn(timeZone),
      startTime: draft.startTime ? hhmm(draft.startTime) : '',
      endTime: draft.endTime ? hhmm(draft.endTime) : '',
      reason: '',
      outsideHours: false,
      overrideReason: '',
    },
    OVERRIDE_FIELDS,
  );
  const v = form.values;
  const doctorId = v.doctorId ? Number(v.doctorId) : undefined;
  // The reply is placed straight into every cached day it belongs to: the booking shows at once.
  const booking = useClinicMutation('appointments.book');

  const book = form.submit(
    async () => {
      if (!patient) return { ok: false as const, error: { code: 'INVALID' as const, message: 'Choose the patient first', field: 'patientId' } };
      if (!doctorId) return { ok: false as const, error: { code: 'INVALID' as const, message: 'Choose a doctor', field: 'doctorId' } };
      return booking.call({
        patientId: patient.id,
        doctorId,
        date: v.date,
        startTime: v.startTime,
        ...(v.endTime ? { endTime: v.endTime } : {}),
        ...(v.reason.trim() ? { reason: v.reason } : {}),
        ...overrideOf(v),
      });
    },
    (appointment) => {
      toast(`Booked ${appointment.patientName} with ${appointment.doctorName}, ${shortDay(appointment.date)} ${hhmm(appointment.startTime)}`);
      onClose();
    },
  );

  return (
    <Dialog title="Book an appointment" onClose={onClose} wide>
      <PatientPicker value={patient} onChange={setPatient} />
      <form className="ui-form" onSubmit={book} aria-label="Appointment" noValidate>
        {form.formMessage && <Banner tone="error">{form.formMessage}</Banner>}
        {form.error?.code === 'CONFLICT' && form.error.field && <Banner tone="error">{form.error.message}</Banner>}
        <div className="ui-row">
          {/* Doctor first, then the free times: from the keyboard, Tab goes straight from one to the other. */}
          <SelectField label="Doctor" value={v.doctorId} onChange={form.change('doctorId')} error={form.at('doctorId')} required>
            <option value="">Choose a doctor</option>
            <DoctorOptions withSpecialization />
          </SelectField>
        </div>
        {doctorId && (
          <FreeSlotPicker
            doctorId={doctorId}
            from={v.date}
            picked={v}
            onPick={(s) => form.setValues((old) => ({ ...old, date: s.date, startTime: hhmm(s.startTime), endTime: hhmm(s.endTime) }))}
          />
        )}
        {doctorId && <SessionTokens doctorId={doctorId} date={v.date} patientId={patient?.id} onBooked={onClose} />}
        <div className="ui-row">
          <Field
            label="Date"
            type="date"
            value={v.date}
            onChange={form.change('date')}
            error={form.at('date')}
            hint="Free times are offered from this day"
            required
          />
          <Field
            label="Start time"
            type="time"
            value={v.startTime}
            onChange={form.change('startTime')}
            error={form.error?.code === 'CONFLICT' ? undefined : form.at('startTime')}
            required
          />
          <Field label="End time" type="time" value={v.endTime} onChange={form.change('endTime')} error={form.at('endTime')} hint="Empty: one slot" />
        </div>
        <TextAreaField label="Reason for the visit" value={v.reason} onChange={form.change('reason')} error={form.at('reason')} rows={2} />
        <OutsideHours
          checked={v.outsideHours}
          reason={v.overrideReason}
          error={form.at('override.reason') ?? form.at('override')}
          onChecked={form.change('outsideHours')}
          onReason={form.change('overrideReason')}
        />
        <div className="ui-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" disabled={form.busy}>
            {form.busy ? 'Booking…' : 'Book'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
