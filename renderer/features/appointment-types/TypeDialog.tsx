import type { UseFormReturn } from 'react-hook-form';
import { APPOINTMENT_MODES, VISIT_KINDS, type AppointmentTypeDto, type CallError, type DoctorDto } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { Dialog } from '../../ui/Dialog';
import { Field, FormField, FormSelectField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useSchemaForm } from '../../ui/form/use-contract-form';
import { toast } from '../../ui/toasts';
import { formPathOf, toTypeRequest, typeSchema, typeValues, type TypeValues } from './type-form';
import { FormActions } from '../../ui/form/FormActions';

type NumberName = 'durationMinutes' | 'bufferBeforeMinutes' | 'bufferAfterMinutes' | 'minNoticeMinutes';

/** A new appointment type, or a change to one: its length, fee, colour, buffers and booking window, and the doctors offering it. */
export function TypeDialog({ type, doctors, onClose }: { type?: AppointmentTypeDto; doctors: DoctorDto[]; onClose(): void }) {
  const { t } = useT('types');
  const form = useSchemaForm<TypeValues>(typeSchema, typeValues(type, doctors));
  const creating = useClinicMutation('appointmentTypes.create');
  const updating = useClinicMutation('appointmentTypes.update');
  const save = form.handleSubmit(async (values) => {
    const request = toTypeRequest(values);
    const r = type ? await updating.call({ id: type.id, ...request }) : await creating.call(request);
    // A refusal about the Nth doctor offering it belongs on that doctor's row.
    if (!r.ok) return applyRefusal(form, onRow(values, r.error));
    toast(t(type ? 'form.saved' : 'form.added', { name: r.value.name }));
    onClose();
  });
  const numberField = (name: NumberName) => ({
    ...form.register(name, { valueAsNumber: true }),
    error: form.getFieldState(name, form.formState).error?.message,
  });
  const busy = form.formState.isSubmitting;
  return (
    <Dialog title={type ? t('editOf', { name: type.name }) : t('add')} onClose={onClose} wide>
      <form className="ui-form" onSubmit={save} aria-label={t('form.label')} noValidate>
        <FormProblem form={form} />
        <div className="ui-row">
          <FormField form={form} name="name" label={t('form.name')} autoFocus />
          <FormField form={form} name="colour" label={t('form.colour')} type="color" />
        </div>
        <div className="ui-row">
          <Field label={t('form.length')} type="number" min={5} max={480} {...numberField('durationMinutes')} />
          <FormField form={form} name="fee" label={t('fee')} inputMode="decimal" />
          <FormSelectField form={form} name="mode" label={t('form.where')}>
            {APPOINTMENT_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`form.mode.${m}`)}
              </option>
            ))}
          </FormSelectField>
          <FormSelectField form={form} name="visitKind" label={t('form.visit')}>
            {VISIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`form.visitKind.${k}`)}
              </option>
            ))}
          </FormSelectField>
        </div>
        <div className="ui-row">
          <Field label={t('form.before')} type="number" min={0} max={120} {...numberField('bufferBeforeMinutes')} />
          <Field label={t('form.after')} type="number" min={0} max={120} {...numberField('bufferAfterMinutes')} />
          <Field label={t('form.notice')} type="number" min={0} {...numberField('minNoticeMinutes')} hint={t('form.noticeHint')} />
          <FormField form={form} name="maxDaysAhead" label={t('form.daysAhead')} type="number" hint={t('form.daysAheadHint')} />
        </div>
        {form.watch('mode') === 'VIDEO' && (
          <label className="ui-check">
            <input type="checkbox" {...form.register('prepayRequired')} /> {t('form.prepay')}
          </label>
        )}
        <DoctorRows form={form} doctors={doctors} />
        <FormActions busy={busy} submit={type ? t('form.save') : t('form.create')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

function onRow(values: TypeValues, error: CallError): CallError {
  if (!error.field) return error;
  const path = error.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  return { ...error, field: formPathOf(values, path).join('.') };
}

/** The doctors offering the type, each with their own fee and length where they differ, and whether it is their default. */
function DoctorRows({ form, doctors }: { form: UseFormReturn<TypeValues>; doctors: DoctorDto[] }) {
  const { t } = useT('types');
  const rows = form.watch('doctors');
  const problem = form.getFieldState('doctors', form.formState).error?.message;
  return (
    <fieldset className="ui-form">
      <legend>{t('form.offering')}</legend>
      {problem && (
        <span className="ui-field-error" role="alert">
          {problem}
        </span>
      )}
      {doctors.map((d, i) => (
        <div key={d.id} className="ui-row" role="group" aria-label={d.name}>
          <label className="ui-check">
            <input type="checkbox" {...form.register(`doctors.${i}.offered`)} /> {d.name}
          </label>
          {rows[i]?.offered && (
            <>
              <FormField form={form} name={`doctors.${i}.fee`} label={t('form.ownFee')} inputMode="decimal" hint={t('form.typesOwn')} />
              <FormField form={form} name={`doctors.${i}.durationMinutes`} label={t('form.ownLength')} type="number" hint={t('form.typesOwn')} />
              <label className="ui-check">
                <input type="checkbox" {...form.register(`doctors.${i}.isDefault`)} /> {t('form.theirDefault')}
              </label>
            </>
          )}
        </div>
      ))}
    </fieldset>
  );
}
