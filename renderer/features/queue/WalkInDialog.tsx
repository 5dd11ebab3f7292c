import { useState } from 'react';
import type { PatientSummary, Req } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { FormSelectField, FormTextAreaField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { askFirst } from '../../ui/form/ask-first';
import { FormProblem } from '../../ui/form/FormProblem';
import { useRequestForm } from '../../ui/form/use-request-form';
import { toast } from '../../ui/toasts';
import { PatientPicker } from '../patients/PatientPicker';
import { DoctorOptions } from '../doctors/DoctorOptions';
import { TypePicker } from '../booking/TypePicker';

interface WalkInValues {
  doctorId: string;
  /** "" is no type: main then takes the doctor's default type, or one slot. */
  appointmentTypeId: string;
  reason: string;
}

/**
 * A patient at the desk without an appointment, of one of the doctor's types (their default
 * first): main finds the doctor's next free time today of its length and checks them in.
 */
export function WalkInDialog({ onClose }: { onClose(): void }) {
  const { t } = useT('appointments');
  const [patient, setPatient] = useState<PatientSummary>();
  const toRequest = (v: WalkInValues): Req<'appointments.walkIn'> => ({
    patientId: patient?.id ?? 0,
    doctorId: Number(v.doctorId),
    ...(v.appointmentTypeId ? { appointmentTypeId: Number(v.appointmentTypeId) } : {}),
    ...(v.reason.trim() ? { reason: v.reason } : {}),
  });
  const form = useRequestForm('appointments.walkIn', toRequest, { doctorId: '', appointmentTypeId: '', reason: '' });
  // The reply (the new appointment) goes straight into today's cached lists.
  const adding = useClinicMutation('appointments.walkIn');
  const send = form.handleSubmit(async (values) => {
    const r = await adding.call(toRequest(values));
    if (!r.ok) return applyRefusal(form, r.error);
    toast(t('walkIn.added', { patient: r.value.patientName, doctor: r.value.doctorName, token: r.value.tokenNo }));
    onClose();
  });
  // The two choices the schema would only call "too small", asked for in words first.
  const add = askFirst(form, send, () =>
    !patient ? { message: t('book.choosePatientFirst') } : !form.getValues('doctorId') ? { message: t('book.chooseDoctor'), field: 'doctorId' } : undefined,
  );
  const doctorId = Number(form.watch('doctorId')) || undefined;
  return (
    <Dialog title={t('walkIn.title')} onClose={onClose} wide>
      <PatientPicker value={patient} onChange={setPatient} />
      <form className="ui-form" onSubmit={add} aria-label={t('walkIn.form')} noValidate>
        <FormProblem form={form} />
        <div className="ui-row">
          <FormSelectField form={form} name="doctorId" label={t('common:doctor')}>
            <option value="">{t('book.chooseDoctor')}</option>
            <DoctorOptions withSpecialization />
          </FormSelectField>
          {doctorId && <TypePicker form={form} doctorId={doctorId} noType={t('walkIn.noType')} />}
        </div>
        <FormTextAreaField form={form} name="reason" label={t('book.reason')} rows={2} />
        <div className="ui-actions">
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" type="submit" disabled={form.formState.isSubmitting}>
            {t('walkIn.submit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
