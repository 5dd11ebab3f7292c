import { useId, useState, type FormEvent } from 'react';
import { createDoctorSchema, updateDoctorSchema, type CallError, type DoctorDto, type Req } from '../../../preload/contract';
import { clinic } from '../../api/clinic';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field, TextAreaField } from '../../ui/Field';
import { contractProblem, errorsFor } from '../../ui/form-errors';

const FIELDS = ['name', 'email', 'phone', 'specialization', 'experience', 'consultationFee', 'rating', 'bio', 'address'] as const;
type Form = Record<(typeof FIELDS)[number], string>;

const fromDoctor = (d: DoctorDto | undefined): Form => ({
  name: d?.name ?? '',
  email: d?.email ?? '',
  phone: d?.phone ?? '',
  specialization: d?.specialization ?? '',
  experience: d?.experience?.toString() ?? '',
  consultationFee: d?.consultationFee ?? '',
  rating: d?.rating ?? '',
  bio: d?.bio ?? '',
  address: d?.address ?? '',
});

/** The typed form as the contract's fields: a blank optional box clears the value. */
function toRequest(f: Form): { request: Req<'doctors.create'>; problem?: CallError } {
  const blankIsNull = (s: string) => (s.trim() === '' ? null : s.trim());
  const years = f.experience.trim() === '' ? null : Number(f.experience);
  const request = {
    name: f.name,
    email: f.email.trim(),
    phone: blankIsNull(f.phone),
    specialization: blankIsNull(f.specialization),
    experience: years,
    consultationFee: blankIsNull(f.consultationFee),
    rating: blankIsNull(f.rating),
    bio: blankIsNull(f.bio),
    address: blankIsNull(f.address),
  };
  if (years !== null && Number.isNaN(years)) return { request, problem: { code: 'INVALID', field: 'experience', message: 'Enter the years as a number' } };
  return { request };
}

/** Create or edit a doctor's profile. Main's refusals appear at their field; what was typed stays. */
export function DoctorForm({ doctor, specializations, onSaved, onClose }: { doctor?: DoctorDto; specializations: string[]; onSaved(d: DoctorDto): void; onClose(): void }) {
  const [form, setForm] = useState(() => fromDoctor(doctor));
  const [error, setError] = useState<CallError>();
  const [busy, setBusy] = useState(false);
  const listId = useId();
  const { at, formMessage } = errorsFor(error, FIELDS);
  const bind = (key: keyof Form) => ({ value: form[key], error: at(key), onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }) });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const { request, problem } = toRequest(form);
    const local = problem ?? (doctor ? contractProblem(updateDoctorSchema, { id: doctor.id, ...request }) : contractProblem(createDoctorSchema, request));
    if (local) return setError(local);
    setBusy(true);
    const r = doctor ? await clinic.doctors.update({ id: doctor.id, ...request }) : await clinic.doctors.create(request);
    setBusy(false);
    if (r.ok) onSaved(r.value);
    else setError(r.error);
  }

  return (
    <Dialog title={doctor ? `Edit ${doctor.name}` : 'Add a doctor'} onClose={onClose} wide>
      <form className="ui-form" onSubmit={submit} noValidate>
        {formMessage && <Banner tone="error">{formMessage}</Banner>}
        <div className="ui-row">
          <Field label="Name" {...bind('name')} required autoFocus />
          <Field label="Email" type="email" {...bind('email')} required hint="Their sign-in account is linked by this address" />
          <Field label="Phone" type="tel" {...bind('phone')} />
        </div>
        <div className="ui-row">
          <Field label="Specialization" list={listId} {...bind('specialization')} />
          <datalist id={listId}>
            {specializations.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <Field label="Years of experience" inputMode="numeric" {...bind('experience')} />
          <Field label="Consultation fee" inputMode="decimal" {...bind('consultationFee')} hint="Such as 500 or 499.50" />
          <Field label="Rating" inputMode="decimal" {...bind('rating')} hint="0 to 5, such as 4.5" />
        </div>
        <TextAreaField label="About the doctor" {...bind('bio')} />
        <TextAreaField label="Address" {...bind('address')} />
        <div className="ui-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" disabled={busy}>
            {busy ? 'Saving…' : doctor ? 'Save the profile' : 'Add the doctor'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
