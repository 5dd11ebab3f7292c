import { useState, type FormEvent } from 'react';
import type { PatientSummary, Req, Res } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { useTimeZone } from '../../api/clinic-data';
import { fromMinutes, hhmm, shortDay, toMinutes, todayIn } from '../../lib/dates';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { FormField, FormSelectField, FormTextAreaField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useSchemaForm } from '../../ui/form/use-contract-form';
import { toast } from '../../ui/toasts';
import { PatientPicker } from '../patients';
import { DoctorOptions } from '../doctors/DoctorOptions';
import { bookingSchema, onFormField, toBooking, toSeries, type BookingValues } from './booking-form';
import { FreeSlotPicker } from './FreeSlotPicker';
import { OutsideHours } from './OutsideHours';
import { RepeatFields } from './RepeatFields';
import { SeriesPreview, bookedCount, choicesOf, defaultPicks, type Picks } from './SeriesPreview';
import { TypePicker, useDoctorTypes } from './TypePicker';
import { SessionTokens } from '../sessions/SessionTokens';

export interface BookingDraft {
  patient?: PatientSummary;
  doctorId?: number;
  date?: string;
  startTime?: string;
  endTime?: string;
}

/** A preview belongs to the request it was asked for: any change to the form makes it stale. */
interface Preview {
  request: Req<'appointments.previewSeries'>;
  occurrences: Res<'appointments.previewSeries'>['occurrences'];
}
const sameRequest = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Book an appointment: the patient (found or registered here), the doctor, the type (the
 * doctor's default first), the day and a time — the doctor's next free times of that type are
 * offered — and the reason. With "Repeat" the series is previewed first: each appointment that
 * cannot be booked says why and takes the next free time or is skipped; then all are booked as
 * one. A clash is refused by main and its message names the appointment in the way; nothing
 * typed is lost.
 */
export function BookingDialog({ draft = {}, onClose }: { draft?: BookingDraft; onClose(): void }) {
  const { t } = useT('appointments');
  const timeZone = useTimeZone();
  const [patient, setPatient] = useState(draft.patient);
  const date = draft.date ?? todayIn(timeZone);
  const form = useSchemaForm<BookingValues>(bookingSchema(patient?.id ?? 0), {
    doctorId: draft.doctorId ? String(draft.doctorId) : '',
    appointmentTypeId: '',
    date,
    startTime: draft.startTime ? hhmm(draft.startTime) : '',
    endTime: draft.endTime ? hhmm(draft.endTime) : '',
    reason: '',
    override: undefined,
    repeat: false,
    recurrence: { frequency: 'WEEKLY', interval: 1, weekdays: [], ends: 'count', count: 4, until: date },
  });
  const [outsideHours, setOutsideHours] = useState(false);
  const [preview, setPreview] = useState<Preview>();
  const [picks, setPicks] = useState<Picks>({});
  // The replies are placed straight into every cached day they belong to: the booking shows at once.
  const booking = useClinicMutation('appointments.book');
  const previewing = useClinicMutation('appointments.previewSeries');
  const bookingSeries = useClinicMutation('appointments.bookSeries');

  const values = form.watch();
  const doctorId = values.doctorId ? Number(values.doctorId) : undefined;
  const typeId = values.appointmentTypeId ? Number(values.appointmentTypeId) : undefined;
  const type = useDoctorTypes(doctorId).types.find((t) => t.id === typeId);
  const current = preview && patient && sameRequest(preview.request, toSeries(values, patient.id)) ? preview : undefined;

  const send = form.handleSubmit(async (v) => {
    const patientId = patient!.id;
    if (!v.repeat) {
      const r = await booking.call(toBooking(v, patientId));
      if (!r.ok) return applyRefusal(form, r.error);
      const { patientName, doctorName } = r.value;
      toast(t('book.booked', { patient: patientName, doctor: doctorName, day: shortDay(r.value.date), time: hhmm(r.value.startTime) }));
      return onClose();
    }
    const request = toSeries(v, patientId);
    if (!current) {
      const r = await previewing.call(request);
      if (!r.ok) return applyRefusal(form, onFormField(r.error));
      setPreview({ request, occurrences: r.value.occurrences });
      return setPicks(defaultPicks(r.value.occurrences));
    }
    const r = await bookingSeries.call({ ...request, choices: choicesOf(current.occurrences, picks) });
    if (!r.ok) return applyRefusal(form, onFormField(r.error));
    const [first] = r.value.appointments;
    const skipped = r.value.skipped.length ? t('book.skipped', { count: r.value.skipped.length }) : '';
    const day = shortDay(first?.date ?? v.date);
    toast(t('book.bookedSeries', { count: r.value.appointments.length, patient: first?.patientName, doctor: first?.doctorName, day }) + skipped);
    onClose();
  });
  // The two choices the schema would only call "too small", asked for in words first.
  const submit = (e: FormEvent) => {
    const missing = !patient ? { message: t('book.choosePatientFirst') } : !doctorId ? { message: t('book.chooseDoctor'), field: 'doctorId' } : undefined;
    if (!missing) return send(e);
    e.preventDefault();
    form.clearErrors();
    applyRefusal(form, { code: 'INVALID', ...missing });
  };

  const busy = form.formState.isSubmitting;
  const action = !values.repeat ? t('book.submit') : current ? t('book.submitSeries', { count: bookedCount(current.occurrences, picks) }) : t('book.preview');
  const endsAt = type && values.startTime ? t('book.endsAt', { time: fromMinutes(toMinutes(values.startTime) + type.durationMinutes) }) : undefined;
  const errorOf = (name: 'override' | 'override.reason') => form.getFieldState(name, form.formState).error?.message;
  return (
    <Dialog title={t('book.title')} onClose={onClose} wide>
      <PatientPicker value={patient} onChange={setPatient} />
      <form className="ui-form" onSubmit={submit} aria-label={t('book.form')} noValidate>
        <FormProblem form={form} />
        <div className="ui-row">
          {/* Doctor first, then the free times: from the keyboard, Tab goes straight from one to the other. */}
          <FormSelectField form={form} name="doctorId" label={t('common:doctor')} required>
            <option value="">{t('book.chooseDoctor')}</option>
            <DoctorOptions withSpecialization />
          </FormSelectField>
          {doctorId && <TypePicker form={form} doctorId={doctorId} />}
        </div>
        {doctorId && (
          <FreeSlotPicker
            doctorId={doctorId}
            appointmentTypeId={typeId}
            from={values.date}
            picked={values}
            onPick={(s) => {
              form.setValue('date', s.date);
              form.setValue('startTime', hhmm(s.startTime));
              form.setValue('endTime', hhmm(s.endTime));
            }}
          />
        )}
        {doctorId && <SessionTokens doctorId={doctorId} date={values.date} patientId={patient?.id} onBooked={onClose} />}
        <div className="ui-row">
          <FormField form={form} name="date" label={t('book.date')} type="date" hint={t('book.dateHint')} required />
          <FormField form={form} name="startTime" label={t('book.startTime')} type="time" hint={endsAt} required />
          {/* A type sets the length: its end time is shown as a hint rather than asked for. */}
          {!type && <FormField form={form} name="endTime" label={t('book.endTime')} type="time" hint={t('book.endHint')} />}
        </div>
        <FormTextAreaField form={form} name="reason" label={t('book.reason')} rows={2} />
        <RepeatFields form={form} />
        {current && <SeriesPreview occurrences={current.occurrences} picks={picks} onPick={(day, pick) => setPicks((old) => ({ ...old, [day]: pick }))} />}
        {!values.repeat && (
          <OutsideHours
            checked={outsideHours}
            reason={values.override?.reason ?? ''}
            error={errorOf('override.reason') ?? errorOf('override')}
            onChecked={(e) => {
              setOutsideHours(!!e.target.checked);
              form.setValue('override', e.target.checked ? { reason: '' } : undefined);
            }}
            onReason={(e) => form.setValue('override', { reason: e.target.value })}
          />
        )}
        <div className="ui-actions">
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" type="submit" disabled={busy}>
            {busy ? t(values.repeat && !current ? 'book.checking' : 'book.booking') : action}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
