import { useId } from 'react';
import type { DoctorDto } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { Dialog } from '../../ui/Dialog';
import { Field, fieldError, FormField, FormTextAreaField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useContractForm } from '../../ui/form/use-contract-form';
import { FormActions } from '../../ui/form/FormActions';

/** Years as typed: empty is "not given"; anything else goes to the schema as a number (which words a bad one). */
const years = (v: unknown) => (v === '' || v === null ? null : Number(v));

/** Create or edit a doctor's profile. Main's refusals appear at their field; what was typed stays. */
export function DoctorForm({
  doctor,
  specializations,
  onSaved,
  onClose,
}: {
  doctor?: DoctorDto;
  specializations: string[];
  onSaved(d: DoctorDto): void;
  onClose(): void;
}) {
  const create = useClinicMutation('doctors.create');
  const update = useClinicMutation('doctors.update');
  const listId = useId();
  // The form's fields are its default values: a refusal about any other (the id) shows for the whole form.
  const form = useContractForm('doctors.create', {
    name: doctor?.name ?? '',
    email: doctor?.email ?? '',
    phone: doctor?.phone ?? null,
    specialization: doctor?.specialization ?? null,
    experience: doctor?.experience ?? null,
    consultationFee: doctor?.consultationFee ?? null,
    rating: doctor?.rating ?? null,
    bio: doctor?.bio ?? null,
    address: doctor?.address ?? null,
  });
  const busy = form.formState.isSubmitting;

  const submit = form.handleSubmit(async (fields) => {
    const r = doctor ? await update.call({ id: doctor.id, ...fields }) : await create.call(fields);
    if (r.ok) onSaved(r.value);
    else applyRefusal(form, r.error);
  });

  return (
    <Dialog title={doctor ? `Edit ${doctor.name}` : 'Add a doctor'} onClose={onClose} wide>
      <form className="ui-form" onSubmit={submit} noValidate>
        <FormProblem form={form} />
        <div className="ui-row">
          <FormField form={form} name="name" label="Name" required autoFocus />
          <FormField form={form} name="email" label="Email" type="email" required hint="Their sign-in account is linked by this address" />
          <FormField form={form} name="phone" emptyIsNull label="Phone" type="tel" />
        </div>
        <div className="ui-row">
          <FormField form={form} name="specialization" emptyIsNull label="Specialization" list={listId} />
          <datalist id={listId}>
            {specializations.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <Field
            label="Years of experience"
            inputMode="numeric"
            {...form.register('experience', { setValueAs: years })}
            error={fieldError(form, 'experience')}
          />
          <FormField form={form} name="consultationFee" emptyIsNull label="Consultation fee" inputMode="decimal" hint="Such as 500 or 499.50" />
          <FormField form={form} name="rating" emptyIsNull label="Rating" inputMode="decimal" hint="0 to 5, such as 4.5" />
        </div>
        <FormTextAreaField form={form} name="bio" emptyIsNull label="About the doctor" />
        <FormTextAreaField form={form} name="address" emptyIsNull label="Address" />
        <FormActions busy={busy} submit={doctor ? 'Save the profile' : 'Add the doctor'} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
