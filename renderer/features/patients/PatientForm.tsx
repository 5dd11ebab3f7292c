import { useState } from 'react';
import { GENDERS, type PatientDetail, type PatientSummary } from '../../../preload/contract';
import { clinic } from '../../api/clinic';
import { useClinicData } from '../../api/clinic-data';
import { useSession } from '../../stores/session';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field, SelectField, TextAreaField } from '../../ui/Field';
import { orNull, useForm } from '../../ui/use-form';

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
  const phoneHint = country ? `Without a country code, a number in ${regionNames.of(country) ?? country}; otherwise start with + (e.g. +91 98765 43210)` : 'e.g. +91 98765 43210';
  const form = useForm({
    name: patient?.name ?? initialName,
    phone: patient?.phone ?? '',
    email: patient?.email ?? '',
    dateOfBirth: patient?.dateOfBirth ?? '',
    gender: patient?.gender ?? '',
    address: patient?.address ?? '',
    medicalHistory: patient?.medicalHistory ?? '',
  });
  const [duplicates, setDuplicates] = useState<PatientSummary[]>();
  const v = form.values;

  const fields = () => ({
    name: v.name,
    phone: orNull(v.phone),
    email: orNull(v.email),
    dateOfBirth: orNull(v.dateOfBirth),
    gender: v.gender === '' ? null : (v.gender as (typeof GENDERS)[number]),
    address: orNull(v.address),
    ...(seesHistory ? { medicalHistory: orNull(v.medicalHistory) } : {}),
  });

  const save = (confirmNotDuplicate: boolean) =>
    patient
      ? form.submit(() => clinic.patients.update({ id: patient.id, ...fields() }), onSaved)
      : form.submit(
          () => clinic.patients.create({ ...fields(), confirmNotDuplicate }),
          (r) => (r.status === 'created' ? onSaved(r.patient) : setDuplicates(r.candidates)),
        );

  return (
    <form className="ui-form" onSubmit={save(false)} aria-label={patient ? `Edit ${patient.name}` : 'New patient'} noValidate>
      {form.formMessage && <Banner tone="error">{form.formMessage}</Banner>}
      <Field label="Full name" value={v.name} onChange={form.change('name')} error={form.at('name')} required autoFocus />
      <div className="ui-row">
        <Field label="Phone" type="tel" value={v.phone} onChange={form.change('phone')} error={form.at('phone')} hint={phoneHint} />
        <Field label="Date of birth" type="date" value={v.dateOfBirth} onChange={form.change('dateOfBirth')} error={form.at('dateOfBirth')} />
        <SelectField label="Gender" value={v.gender} onChange={form.change('gender')} error={form.at('gender')}>
          <option value="">Not given</option>
          {GENDERS.map((g) => (
            <option key={g} value={g}>
              {GENDER_NAMES[g]}
            </option>
          ))}
        </SelectField>
      </div>
      <Field label="Email" type="email" value={v.email} onChange={form.change('email')} error={form.at('email')} />
      <TextAreaField label="Address" value={v.address} onChange={form.change('address')} error={form.at('address')} />
      {seesHistory && <TextAreaField label="Medical history" value={v.medicalHistory} onChange={form.change('medicalHistory')} error={form.at('medicalHistory')} rows={5} />}
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
          <Button onClick={() => void save(true)()} disabled={form.busy}>
            It is a different person: register anyway
          </Button>
        </section>
      )}
      <div className="ui-actions">
        <Button onClick={onCancel}>Cancel</Button>
        <Button variant="primary" type="submit" disabled={form.busy}>
          {form.busy ? 'Saving…' : patient ? 'Save changes' : 'Register patient'}
        </Button>
      </div>
    </form>
  );
}
