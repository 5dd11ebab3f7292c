import type { Req } from '../../../preload/contract';
import { useTimeZone } from '../../api/clinic-data';
import { useClinicMutation } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { timeRange, todayIn } from '../../lib/dates';
import { Button } from '../../ui/Button';
import { FormField, FormSelectField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useRequestForm } from '../../ui/form/use-request-form';
import { toast } from '../../ui/toasts';
import { DoctorOptions } from '../doctors/DoctorOptions';

type SessionValues = {
  doctorId: string;
  date: string;
  startTime: string;
  endTime: string;
  capacity: string;
  emergencyReserve: string;
  room: string;
};

/** The form's text as the request: numbers from their boxes, an empty room left out (the doctor's own then). */
const toRequest = (v: SessionValues): Req<'opd.createSession'> => ({
  doctorId: Number(v.doctorId),
  date: v.date,
  startTime: v.startTime,
  endTime: v.endTime,
  capacity: Number(v.capacity),
  emergencyReserve: v.emergencyReserve === '' ? 0 : Number(v.emergencyReserve),
  ...(v.room.trim() ? { room: v.room } : {}),
});

/** Plans a token doctor's OPD session: its hours, how many tokens, how many kept for emergencies, and its room. */
export function SessionForm({ doctorId }: { doctorId?: number }) {
  const { t } = useT('sessions');
  const timeZone = useTimeZone();
  const form = useRequestForm('opd.createSession', toRequest, {
    doctorId: doctorId ? String(doctorId) : '',
    date: todayIn(timeZone),
    startTime: '09:00',
    endTime: '13:00',
    capacity: '40',
    emergencyReserve: '0',
    room: '',
  });
  const adding = useClinicMutation('opd.createSession');
  const add = form.handleSubmit(async (values) => {
    const r = await adding.call(toRequest(values));
    if (!r.ok) return applyRefusal(form, r.error);
    toast(t('form.added', { doctor: r.value.doctorName, date: r.value.date, hours: timeRange(r.value), capacity: r.value.capacity }));
    form.reset(values);
  });
  return (
    <form className="ui-form" onSubmit={add} aria-label={t('form.label')} noValidate>
      <FormProblem form={form} />
      <FormSelectField form={form} name="doctorId" label={t('common:doctor')}>
        <option value="">{t('form.chooseDoctor')}</option>
        <DoctorOptions withSpecialization />
      </FormSelectField>
      <div className="ui-row">
        <FormField form={form} name="date" label={t('form.date')} type="date" />
        <FormField form={form} name="startTime" label={t('form.from')} type="time" />
        <FormField form={form} name="endTime" label={t('form.to')} type="time" />
      </div>
      <div className="ui-row">
        <FormField form={form} name="capacity" label={t('form.tokens')} type="number" min={1} inputMode="numeric" />
        <FormField form={form} name="emergencyReserve" label={t('form.reserve')} type="number" min={0} inputMode="numeric" hint={t('form.reserveHint')} />
        <FormField form={form} name="room" label={t('form.room')} hint={t('form.roomHint')} />
      </div>
      <div className="ui-actions">
        <Button variant="primary" type="submit" disabled={form.formState.isSubmitting}>
          {t('form.add')}
        </Button>
      </div>
    </form>
  );
}
