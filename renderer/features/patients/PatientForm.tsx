import { useState } from 'react';
import { GENDERS, type PatientDetail, type PatientSummary } from '../../../preload/contract';
import { useClinicData } from '../../api/clinic-data';
import { useClinicMutation } from '../../api/query';
import { useSession } from '../../stores/session';
import { Button } from '../../ui/Button';
import { FormField, FormSelectField, FormTextAreaField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useContractForm } from '../../ui/form/use-contract-form';
import { FormActions } from '../../ui/form/FormActions';

const GENDER_NAMES = { MALE: 'Male', FEMALE: 'Female', OTHER: 'Other' } as const;

/**
 * Registers a patient or edits one. On registration main may answer with possible duplicates
 * (the same phone, or a similar name born the same day): the desk picks one of them
 * or says it is a different person, and only then is a new record made.
 */
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

export function PatientForm({
  patient,
  initialName = '',
  onSaved,
  onCancel,
}: {
  patient?: PatientDetail;
  initialName?: string;
  onSaved(patient: PatientSummary): void;
  onCancel(): void;
}) {
  const role = useSession((s) => s.session?.role);
  const seesHistory = role === 'DOCTOR' || role === 'ADMIN';
  // Main reads a number typed without its country code as one of the clinic's country.
  const country = useClinicData().settings?.effectivePhoneCountry;
  const phoneHint = country
    ? `Without a country code, a number in ${regionNames.of(country) ?? country}; otherwise start with + (e.g. +91 98765 43210)`
    : 'e.g. +91 98765 43210';
  // The form's fields are its default values: a refusal about any other (an id) shows for the whole form.
  const form = useContractForm('patients.create', {
    name: patient?.name ?? initialName,
    phone: patient?.phone ?? null,
    email: patient?.email ?? null,
    dateOfBirth: patient?.dateOfBirth ?? null,
    gender: patient?.gender ?? null,
    address: patient?.address ?? null,
    ...(seesHistory ? { medicalHistory: patient?.medicalHistory ?? null } : {}),
  });
  const busy = form.formState.isSubmitting;
  const create = useClinicMutation('patients.create');
  const update = useClinicMutation('patients.update');
  const [duplicates, setDuplicates] = useState<PatientSummary[]>();

  const save = (confirmNotDuplicate: boolean) =>
    form.handleSubmit(async ({ confirmNotDuplicate: _typed, ...fields }) => {
      if (patient) {
        const r = await update.call({ id: patient.id, ...fields });
        return r.ok ? onSaved(r.value) : applyRefusal(form, r.error);
      }
      const r = await create.call({ ...fields, confirmNotDuplicate });
      if (!r.ok) applyRefusal(form, r.error);
      else if (r.value.status === 'created') onSaved(r.value.patient);
      else setDuplicates(r.value.candidates);
    });

  return (
    <form className="ui-form" onSubmit={save(false)} aria-label={patient ? `Edit ${patient.name}` : 'New patient'} noValidate>
      <FormProblem form={form} />
      <FormField form={form} name="name" label="Full name" required autoFocus />
      <div className="ui-row">
        <FormField form={form} name="phone" emptyIsNull label="Phone" type="tel" hint={phoneHint} />
        <FormField form={form} name="dateOfBirth" emptyIsNull label="Date of birth" type="date" />
        <FormSelectField form={form} name="gender" emptyIsNull label="Gender">
          <option value="">Not given</option>
          {GENDERS.map((g) => (
            <option key={g} value={g}>
              {GENDER_NAMES[g]}
            </option>
          ))}
        </FormSelectField>
      </div>
      <FormField form={form} name="email" emptyIsNull label="Email" type="email" />
      <FormTextAreaField form={form} name="address" emptyIsNull label="Address" />
      {seesHistory && <FormTextAreaField form={form} name="medicalHistory" emptyIsNull label="Medical history" rows={5} />}
      {duplicates && (
        <section className="ui-banner" data-tone="warning" aria-labelledby="duplicates-title" role="alert">
          <strong id="duplicates-title">This may be a patient you already have</strong>
          <ul className="duplicate-list">
            {duplicates.map((d) => (
              <li key={d.id}>
                <span>
                  {d.name} · #{d.id}
                  {d.dateOfBirth ? ` · born ${d.dateOfBirth}` : ''}
                  {d.phone ? ` · ${d.phone}` : ''}
                </span>
                <Button onClick={() => onSaved(d)}>Use {d.name}</Button>
              </li>
            ))}
          </ul>
          <Button onClick={() => void save(true)()} disabled={busy}>
            It is a different person: register anyway
          </Button>
        </section>
      )}
      <FormActions busy={busy} submit={patient ? 'Save changes' : 'Register patient'} onCancel={onCancel} />
    </form>
  );
}
