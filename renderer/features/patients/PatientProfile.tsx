import { useEffect, useState } from 'react';
import type { Res } from '../../../preload/contract';
import { clinic } from '../../api/clinic';
import { Banner } from '../../ui/Banner';

type Page = Res<'patients.get'>;

/** A patient's record: demographics, medical history (when the role may see it), appointments, payments. */
export function PatientProfile({ patientId }: { patientId: number }) {
  const [page, setPage] = useState<Page>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    let current = true;
    setPage(undefined);
    void clinic.patients.get({ id: patientId }).then((r) => {
      if (!current) return;
      if (r.ok) setPage(r.value);
      else setProblem(r.error.message);
    });
    const off = clinic.on('patients.changed', (change) => {
      if (change.id === patientId) void clinic.patients.get({ id: patientId }).then((r) => current && r.ok && setPage(r.value));
    });
    return () => {
      current = false;
      off();
    };
  }, [patientId]);

  if (problem) return <Banner tone="error">{problem}</Banner>;
  if (!page) return <p className="ui-hint">Loading…</p>;
  const { patient } = page;
  return (
    <section className="patient-profile" aria-labelledby="patient-name">
      <h2 id="patient-name">{patient.name}</h2>
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
      <h3>Upcoming appointments</h3>
      <AppointmentTable rows={page.upcoming} empty="No upcoming appointments." />
      <h3>Past appointments</h3>
      <AppointmentTable rows={page.past} empty="No past appointments." />
      <h3>Payments</h3>
      {page.payments.length === 0 ? (
        <p className="ui-hint">No payments.</p>
      ) : (
        <table className="ui-table">
          <thead>
            <tr>
              <th scope="col">Receipt</th>
              <th scope="col">Amount</th>
              <th scope="col">Method</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {page.payments.map((p) => (
              <tr key={p.id}>
                <td>{p.receiptNumber ?? '—'}</td>
                <td>
                  {p.currency} {p.amount}
                </td>
                <td>{p.method ?? '—'}</td>
                <td>{p.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function AppointmentTable({ rows, empty }: { rows: Page['upcoming']; empty: string }) {
  if (rows.length === 0) return <p className="ui-hint">{empty}</p>;
  return (
    <table className="ui-table">
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Time</th>
          <th scope="col">Doctor</th>
          <th scope="col">Status</th>
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.id}>
            <td>{a.date}</td>
            <td>
              {a.startTime.slice(0, 5)}–{a.endTime.slice(0, 5)}
            </td>
            <td>{a.doctorName}</td>
            <td>{a.status}</td>
            <td>{a.reason ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
