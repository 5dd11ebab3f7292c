import type { UseFormReturn } from 'react-hook-form';
import { APPOINTMENT_MODES, VISIT_KINDS, type AppointmentTypeDto, type CallError, type DoctorDto } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { Dialog } from '../../ui/Dialog';
import { Field, FormField, FormSelectField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useSchemaForm } from '../../ui/form/use-contract-form';
import { toast } from '../../ui/toasts';
import { formPathOf, toTypeRequest, typeSchema, typeValues, type TypeValues } from './type-form';
import { FormActions } from '../../ui/form/FormActions';

const MODE_NAMES: Record<(typeof APPOINTMENT_MODES)[number], string> = { IN_PERSON: 'In person', VIDEO: 'Video' };
const KIND_NAMES: Record<(typeof VISIT_KINDS)[number], string> = { NEW: 'New visit', FOLLOW_UP: 'Follow-up' };

type NumberName = 'durationMinutes' | 'bufferBeforeMinutes' | 'bufferAfterMinutes' | 'minNoticeMinutes';

/** A new appointment type, or a change to one: its length, fee, colour, buffers and booking window, and the doctors offering it. */
export function TypeDialog({ type, doctors, onClose }: { type?: AppointmentTypeDto; doctors: DoctorDto[]; onClose(): void }) {
  const form = useSchemaForm<TypeValues>(typeSchema, typeValues(type, doctors));
  const creating = useClinicMutation('appointmentTypes.create');
  const updating = useClinicMutation('appointmentTypes.update');
  const save = form.handleSubmit(async (values) => {
    const request = toTypeRequest(values);
    const r = type ? await updating.call({ id: type.id, ...request }) : await creating.call(request);
    // A refusal about the Nth doctor offering it belongs on that doctor's row.
    if (!r.ok) return applyRefusal(form, onRow(values, r.error));
    toast(`${type ? 'Saved' : 'Added'} the appointment type ${r.value.name}`);
    onClose();
  });
  const numberField = (name: NumberName) => ({
    ...form.register(name, { valueAsNumber: true }),
    error: form.getFieldState(name, form.formState).error?.message,
  });
  const busy = form.formState.isSubmitting;
  return (
    <Dialog title={type ? `Edit ${type.name}` : 'Add an appointment type'} onClose={onClose} wide>
      <form className="ui-form" onSubmit={save} aria-label="Appointment type" noValidate>
        <FormProblem form={form} />
        <div className="ui-row">
          <FormField form={form} name="name" label="Name" autoFocus />
          <FormField form={form} name="colour" label="Colour" type="color" />
        </div>
        <div className="ui-row">
          <Field label="Length (minutes)" type="number" min={5} max={480} {...numberField('durationMinutes')} />
          <FormField form={form} name="fee" label="Fee" inputMode="decimal" />
          <FormSelectField form={form} name="mode" label="Where">
            {APPOINTMENT_MODES.map((m) => (
              <option key={m} value={m}>
                {MODE_NAMES[m]}
              </option>
            ))}
          </FormSelectField>
          <FormSelectField form={form} name="visitKind" label="Visit">
            {VISIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_NAMES[k]}
              </option>
            ))}
          </FormSelectField>
        </div>
        <div className="ui-row">
          <Field label="Free before (minutes)" type="number" min={0} max={120} {...numberField('bufferBeforeMinutes')} />
          <Field label="Free after (minutes)" type="number" min={0} max={120} {...numberField('bufferAfterMinutes')} />
          <Field label="Notice (minutes)" type="number" min={0} {...numberField('minNoticeMinutes')} hint="How long before its start it can still be booked" />
          <FormField form={form} name="maxDaysAhead" label="Days ahead" type="number" hint="Empty: no limit" />
        </div>
        {form.watch('mode') === 'VIDEO' && (
          <label className="ui-check">
            <input type="checkbox" {...form.register('prepayRequired')} /> Patients pay before they join (the payment link goes out at booking)
          </label>
        )}
        <DoctorRows form={form} doctors={doctors} />
        <FormActions busy={busy} submit={type ? 'Save the type' : 'Add the type'} onCancel={onClose} />
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
  const rows = form.watch('doctors');
  const problem = form.getFieldState('doctors', form.formState).error?.message;
  return (
    <fieldset className="ui-form">
      <legend>Doctors offering it</legend>
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
              <FormField form={form} name={`doctors.${i}.fee`} label="Own fee" inputMode="decimal" hint="Empty: the type’s" />
              <FormField form={form} name={`doctors.${i}.durationMinutes`} label="Own length (minutes)" type="number" hint="Empty: the type’s" />
              <label className="ui-check">
                <input type="checkbox" {...form.register(`doctors.${i}.isDefault`)} /> Their default type
              </label>
            </>
          )}
        </div>
      ))}
    </fieldset>
  );
}
