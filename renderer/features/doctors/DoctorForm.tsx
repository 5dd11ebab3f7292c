import { useId } from 'react';
import type { DoctorDto } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { useT } from '../../i18n/use-t';
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
  const { t } = useT('doctors');
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
    <Dialog title={doctor ? t('profile.editOf', { name: doctor.name }) : t('add')} onClose={onClose} wide>
      <form className="ui-form" onSubmit={submit} noValidate>
        <FormProblem form={form} />
        <div className="ui-row">
          <FormField form={form} name="name" label={t('name')} required autoFocus />
          <FormField form={form} name="email" label={t('email')} type="email" required hint={t('form.emailHint')} />
          <FormField form={form} name="phone" emptyIsNull label={t('phone')} type="tel" />
        </div>
        <div className="ui-row">
          <FormField form={form} name="specialization" emptyIsNull label={t('specialization')} list={listId} />
          <datalist id={listId}>
            {specializations.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <Field
            label={t('form.experience')}
            inputMode="numeric"
            {...form.register('experience', { setValueAs: years })}
            error={fieldError(form, 'experience')}
          />
          <FormField form={form} name="consultationFee" emptyIsNull label={t('form.consultationFee')} inputMode="decimal" hint={t('form.feeHint')} />
          <FormField form={form} name="rating" emptyIsNull label={t('rating')} inputMode="decimal" hint={t('form.ratingHint')} />
        </div>
        <FormTextAreaField form={form} name="bio" emptyIsNull label={t('form.bio')} />
        <FormTextAreaField form={form} name="address" emptyIsNull label={t('form.address')} />
        <FormActions busy={busy} submit={doctor ? t('form.save') : t('form.add')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
