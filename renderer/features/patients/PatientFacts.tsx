import type { Res } from '../../../preload/contract';

type Patient = Res<'patients.get'>['patient'];

/** A patient's demographics, and their medical history when the role may see it (main leaves it out otherwise). */
export function PatientFacts({ patient }: { patient: Patient }) {
  return (
    <>
      <dl className="facts">
        <dt>Patient number</dt>
        <dd>{patient.id}</dd>
        <dt>Date of birth</dt>
        <dd>{patient.dateOfBirth ?? '—'}</dd>
        <dt>Gender</dt>
        <dd>{patient.gender ?? '—'}</dd>
        <dt>Phone</dt>
        <dd>{patient.phone ?? '—'}</dd>
        <dt>Email</dt>
        <dd>{patient.email ?? '—'}</dd>
        <dt>Address</dt>
        <dd>{patient.address ?? '—'}</dd>
      </dl>
      {'medicalHistory' in patient && (
        <>
          <h3>Medical history</h3>
          <p>{patient.medicalHistory || 'None recorded.'}</p>
        </>
      )}
    </>
  );
}
