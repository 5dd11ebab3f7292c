import { useState } from 'react';
import { URGENCIES, type PatientSummary, type Req } from '../../../preload/contract';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { useTimeZone } from '../../api/clinic-data';
import { shiftDate, todayIn } from '../../lib/dates';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { FormField, FormSelectField, FormTextAreaField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { askFirst, PATIENT_FIRST } from '../../ui/form/ask-first';
import { FormProblem } from '../../ui/form/FormProblem';
import { useRequestForm } from '../../ui/form/use-request-form';
import { toast } from '../../ui/toasts';
import { DoctorOptions } from '../doctors/DoctorOptions';
import { PatientPicker } from '../patients';
import { TypePicker } from '../booking/TypePicker';
import { URGENCY_NAMES } from './urgency';

interface EntryValues {
  /** "" with a specialization: any doctor of it. */
  doctorId: string;
  specialization: string;
  /** "" is any length of time; a type is the doctor's (its box shows only once one is chosen). */
  appointmentTypeId: string;
  fromDate: string;
  toDate: string;
  timeFrom: string;
  timeTo: string;
  urgency: (typeof URGENCIES)[number];
  note: string;
}

const given = <K extends string>(key: K, value: string) => (value.trim() ? ({ [key]: value } as Record<K, string>) : {});

/**
 * A patient who wants earlier time: with one doctor (for one of their types, if it matters: then
 * only freed time that type fits is offered) or any doctor of a specialization, within some days
 * and hours.
 */
export function AddToWaitlistDialog({ onClose }: { onClose(): void }) {
  const today = todayIn(useTimeZone());
  const [patient, setPatient] = useState<PatientSummary>();
  const specializations = useClinicQuery('doctors.specializations', {});
  const toRequest = (v: EntryValues): Req<'waitlist.add'> => ({
    patientId: patient?.id ?? 0,
    ...(v.doctorId ? { doctorId: Number(v.doctorId) } : given('specialization', v.specialization)),
    ...(v.doctorId && v.appointmentTypeId ? { appointmentTypeId: Number(v.appointmentTypeId) } : {}),
    fromDate: v.fromDate,
    toDate: v.toDate,
    ...given('timeFrom', v.timeFrom),
    ...given('timeTo', v.timeTo),
    urgency: v.urgency,
    ...given('note', v.note),
  });
  const form = useRequestForm('waitlist.add', toRequest, {
    doctorId: '',
    specialization: '',
    appointmentTypeId: '',
    fromDate: today,
    toDate: shiftDate(today, 14),
    timeFrom: '',
    timeTo: '',
    urgency: 'ROUTINE',
    note: '',
  });
  const adding = useClinicMutation('waitlist.add');
  const send = form.handleSubmit(async (v) => {
    const r = await adding.call(toRequest(v));
    if (!r.ok) return applyRefusal(form, r.error);
    toast(`${r.value.patientName} is on the waitlist`);
    onClose();
  });
  const doctorId = Number(form.watch('doctorId')) || undefined;
  const add = askFirst(form, send, () => (patient ? undefined : PATIENT_FIRST));
  return (
    <Dialog title="Add to the waitlist" onClose={onClose} wide>
      <PatientPicker value={patient} onChange={setPatient} />
      <form className="ui-form" onSubmit={add} aria-label="Waitlist entry" noValidate>
        <FormProblem form={form} />
        <div className="ui-row">
          <FormSelectField form={form} name="doctorId" label="Doctor">
            <option value="">Any doctor of a specialization</option>
            <DoctorOptions withSpecialization />
          </FormSelectField>
          {doctorId && <TypePicker form={form} doctorId={doctorId} noType="Any (the freed time’s length)" preselect={false} />}
          {!doctorId && (
            <FormSelectField form={form} name="specialization" label="Specialization">
              <option value="">Choose a specialization</option>
              {specializations.data?.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </FormSelectField>
          )}
        </div>
        <div className="ui-row">
          <FormField form={form} name="fromDate" label="From" type="date" />
          <FormField form={form} name="toDate" label="Until" type="date" />
          <FormField form={form} name="timeFrom" label="Not before" type="time" hint="Empty: any time" />
          <FormField form={form} name="timeTo" label="Not after" type="time" />
          <FormSelectField form={form} name="urgency" label="Urgency">
            {URGENCIES.map((u) => (
              <option key={u} value={u}>
                {URGENCY_NAMES[u]}
              </option>
            ))}
          </FormSelectField>
        </div>
        <FormTextAreaField form={form} name="note" label="Note" rows={2} />
        <div className="ui-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" disabled={form.formState.isSubmitting}>
            Add to the waitlist
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
