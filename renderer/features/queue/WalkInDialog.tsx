import { useId, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { PRIORITIES, type PatientSummary, type Priority, type Req } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { FormField, FormSelectField, FormTextAreaField } from '../../ui/Field';
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
  /** A kind chosen, the walk-in goes ahead with its reason; "" (none), the reason box is not sent. */
  priority: { kind: Priority | ''; reason: string };
}

/**
 * A patient at the desk without an appointment, of one of the doctor's types (their default
 * first): main finds the doctor's next free time today of its length and checks them in. At a
 * token doctor in session it is the session's next token. A priority (emergency, elderly,
 * pregnant, child) goes ahead of the others from the start.
 */
export function WalkInDialog({ onClose }: { onClose(): void }) {
  const { t } = useT('appointments');
  const [patient, setPatient] = useState<PatientSummary>();
  const toRequest = (v: WalkInValues): Req<'appointments.walkIn'> => ({
    patientId: patient?.id ?? 0,
    doctorId: Number(v.doctorId),
    ...(v.appointmentTypeId ? { appointmentTypeId: Number(v.appointmentTypeId) } : {}),
    ...(v.reason.trim() ? { reason: v.reason } : {}),
    ...(v.priority.kind ? { priority: { kind: v.priority.kind, reason: v.priority.reason } } : {}),
  });
  const form = useRequestForm('appointments.walkIn', toRequest, {
    doctorId: '',
    appointmentTypeId: '',
    reason: '',
    priority: { kind: '', reason: '' },
  });
  // The reply (the new appointment) goes straight into today's cached lists.
  const adding = useClinicMutation('appointments.walkIn');
  const send = form.handleSubmit(async (values) => {
    const r = await adding.call(toRequest(values));
    if (!r.ok) return applyRefusal(form, r.error);
    toast(t('walkIn.added', { patient: r.value.patientName, doctor: r.value.doctorName, token: r.value.tokenNo }));
    onClose();
  });
  // What the schema would only call "too small" (or say in English), asked for in the desk's words first.
  const add = askFirst(form, send, () => {
    if (!patient) return { message: t('book.choosePatientFirst') };
    if (!form.getValues('doctorId')) return { message: t('book.chooseDoctor'), field: 'doctorId' };
    const priority = form.getValues('priority');
    if (priority.kind && !priority.reason.trim()) return { message: t('walkIn.sayWhy'), field: 'priority.reason' };
    return undefined;
  });
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
        <PriorityFields form={form} />
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

/**
 * Whether the walk-in goes first, and why once chosen. Main's refusal of the priority itself (a
 * session whose only tokens left are kept for emergencies) is shown beside it.
 */
function PriorityFields({ form }: { form: UseFormReturn<WalkInValues> }) {
  const { t } = useT('appointments');
  const kind = form.watch('priority.kind');
  const refused = form.getFieldState('priority', form.formState).error?.message;
  const id = useId();
  return (
    <fieldset className="ui-form" aria-describedby={refused ? `${id}-hint ${id}-error` : `${id}-hint`}>
      <legend>{t('walkIn.priority')}</legend>
      <FormSelectField form={form} name="priority.kind" label={t('walkIn.goesFirst')}>
        <option value="">{t('walkIn.noPriority')}</option>
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {t(`walkIn.kind.${p}`)}
          </option>
        ))}
      </FormSelectField>
      <span id={`${id}-hint`} className="ui-hint">
        {t('walkIn.priorityHint')}
      </span>
      {refused && (
        <span id={`${id}-error`} className="ui-field-error" role="alert">
          {refused}
        </span>
      )}
      {kind && <FormField form={form} name="priority.reason" label={t('walkIn.priorityWhy')} />}
    </fieldset>
  );
}
