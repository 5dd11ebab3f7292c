import { useState } from 'react';
import { URGENCIES, type PatientSummary, type Req } from '../../../preload/contract';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { useTimeZone } from '../../api/clinic-data';
import { useT } from '../../i18n/use-t';
import { shiftDate, todayIn } from '../../lib/dates';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { FormField, FormSelectField, FormTextAreaField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { askFirst } from '../../ui/form/ask-first';
import { FormProblem } from '../../ui/form/FormProblem';
import { useRequestForm } from '../../ui/form/use-request-form';
import { toast } from '../../ui/toasts';
import { DoctorOptions } from '../doctors/DoctorOptions';
import { PatientPicker } from '../patients';
import { TypePicker } from '../booking/TypePicker';

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
  const { t } = useT('waitlist');
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
    toast(t('entry.done', { patient: r.value.patientName }));
    onClose();
  });
  const doctorId = Number(form.watch('doctorId')) || undefined;
  const add = askFirst(form, send, () => (patient ? undefined : { message: t('entry.choosePatient') }));
  return (
    <Dialog title={t('entry.title')} onClose={onClose} wide>
      <PatientPicker value={patient} onChange={setPatient} />
      <form className="ui-form" onSubmit={add} aria-label={t('entry.form')} noValidate>
        <FormProblem form={form} />
        <div className="ui-row">
          <FormSelectField form={form} name="doctorId" label={t('common:doctor')}>
            <option value="">{t('entry.anyDoctor')}</option>
            <DoctorOptions withSpecialization />
          </FormSelectField>
          {doctorId && <TypePicker form={form} doctorId={doctorId} noType={t('entry.anyLength')} preselect={false} />}
          {!doctorId && (
            <FormSelectField form={form} name="specialization" label={t('entry.specialization')}>
              <option value="">{t('entry.chooseSpecialization')}</option>
              {specializations.data?.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </FormSelectField>
          )}
        </div>
        <div className="ui-row">
          <FormField form={form} name="fromDate" label={t('entry.from')} type="date" />
          <FormField form={form} name="toDate" label={t('entry.until')} type="date" />
          <FormField form={form} name="timeFrom" label={t('entry.notBefore')} type="time" hint={t('entry.notBeforeHint')} />
          <FormField form={form} name="timeTo" label={t('entry.notAfter')} type="time" />
          <FormSelectField form={form} name="urgency" label={t('entry.urgency')}>
            {URGENCIES.map((u) => (
              <option key={u} value={u}>
                {t(`urgency.${u}`)}
              </option>
            ))}
          </FormSelectField>
        </div>
        <FormTextAreaField form={form} name="note" label={t('entry.note')} rows={2} />
        <div className="ui-actions">
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" type="submit" disabled={form.formState.isSubmitting}>
            {t('entry.submit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
