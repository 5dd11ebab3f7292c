import type { OpdSessionDto, Req } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { hhmm, timeRange } from '../../lib/dates';
import { Dialog } from '../../ui/Dialog';
import { FormField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormActions } from '../../ui/form/FormActions';
import { FormProblem } from '../../ui/form/FormProblem';
import { useRequestForm } from '../../ui/form/use-request-form';
import { toast } from '../../ui/toasts';

type PlanValues = { startTime: string; endTime: string; capacity: string; emergencyReserve: string; room: string };

/**
 * A session's new plan: hours, tokens, the emergency reserve and the room. Its doctor, day and
 * token numbers stay; main moves the booked tokens to the new pace and refuses a capacity below
 * the highest token booked, saying which.
 */
export function SessionEditDialog({ session, onClose }: { session: OpdSessionDto; onClose(): void }) {
  const { t } = useT('sessions');
  const toRequest = (v: PlanValues): Req<'opd.updateSession'> => ({
    id: session.id,
    startTime: v.startTime,
    endTime: v.endTime,
    capacity: Number(v.capacity),
    emergencyReserve: v.emergencyReserve === '' ? 0 : Number(v.emergencyReserve),
    ...(v.room.trim() ? { room: v.room } : {}),
  });
  const form = useRequestForm('opd.updateSession', toRequest, {
    startTime: hhmm(session.startTime),
    endTime: hhmm(session.endTime),
    capacity: String(session.capacity),
    emergencyReserve: String(session.emergencyReserve),
    room: session.room ?? '',
  });
  const saving = useClinicMutation('opd.updateSession');
  const save = form.handleSubmit(async (values) => {
    const r = await saving.call(toRequest(values));
    if (!r.ok) return applyRefusal(form, r.error);
    const saved = r.value;
    toast(
      t('editing.saved', {
        doctor: saved.doctorName,
        date: saved.date,
        hours: timeRange(saved),
        first: saved.firstToken,
        last: saved.firstToken + saved.capacity - 1,
      }),
    );
    onClose();
  });
  const issued =
    session.highestToken === null
      ? t('editing.noneBooked')
      : t('editing.booked', { highest: session.highestToken, keep: session.highestToken - session.firstToken + 1 });
  return (
    <Dialog title={t('editing.title', { doctor: session.doctorName, date: session.date })} onClose={onClose}>
      <form className="ui-form" onSubmit={save} aria-label={t('editing.label')} noValidate>
        <FormProblem form={form} />
        <div className="ui-row">
          <FormField form={form} name="startTime" label={t('form.from')} type="time" />
          <FormField form={form} name="endTime" label={t('form.to')} type="time" />
        </div>
        <div className="ui-row">
          <FormField form={form} name="capacity" label={t('form.tokens')} type="number" min={1} inputMode="numeric" hint={issued} />
          <FormField form={form} name="emergencyReserve" label={t('form.reserve')} type="number" min={0} inputMode="numeric" />
          <FormField form={form} name="room" label={t('form.room')} hint={t('form.roomHint')} />
        </div>
        <FormActions busy={form.formState.isSubmitting} submit={t('editing.save')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
