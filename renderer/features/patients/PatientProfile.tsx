import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Res } from '../../../preload/contract';
import { mergePatient } from '../../api/cache-writes';
import { problemOf } from '../../api/call';
import { useClinicQuery } from '../../api/query';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { openGlobal } from '../../stores/global-dialogs';
import { Dialog } from '../../ui/Dialog';
import { PatientForm } from './PatientForm';
import { Table, type Column } from '../../ui/Table';

type Page = Res<'patients.get'>;

const APPOINTMENT_COLUMNS: Column<Page['upcoming'][number]>[] = [
  { header: 'Date', cell: (a) => a.date },
  { header: 'Time', cell: (a) => `${a.startTime.slice(0, 5)}–${a.endTime.slice(0, 5)}` },
  { header: 'Doctor', cell: (a) => a.doctorName },
  { header: 'Status', cell: (a) => a.status },
  { header: 'Reason', cell: (a) => a.reason ?? '' },
];

const PAYMENT_COLUMNS: Column<Page['payments'][number]>[] = [
  { header: 'Receipt', cell: (p) => p.receiptNumber ?? '—' },
  { header: 'Amount', cell: (p) => `${p.currency} ${p.amount}` },
  { header: 'Method', cell: (p) => p.method ?? '—' },
  { header: 'Status', cell: (p) => p.status },
];

/**
 * A patient's record: demographics, medical history (when the role may see it), appointments, payments.
 * `canBook` is false in a call window, whose session may call only the call's channels.
 */
export function PatientProfile({ patientId, canBook = true }: { patientId: number; canBook?: boolean }) {
  const queryClient = useQueryClient();
  const asked = useClinicQuery('patients.get', { id: patientId });
  const page = asked.data;
  const problem = problemOf(asked.error);
  const [dialog, setDialog] = useState<'edit' | null>(null);

  if (problem) return <Banner tone="error">{problem}</Banner>;
  if (!page) return <p className="ui-hint">Loading…</p>;
  const { patient } = page;
  return (
    <section className="patient-profile" aria-labelledby="patient-name">
      <div className="screen-head">
        <h2 id="patient-name">{patient.name}</h2>
        <span className="spacer" />
        <Button onClick={() => setDialog('edit')}>Edit details…</Button>
        {canBook && (
          <Button variant="primary" onClick={() => openGlobal('book', { patient })}>
            Book appointment…
          </Button>
        )}
      </div>
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
      <Table label="Upcoming appointments" columns={APPOINTMENT_COLUMNS} rows={page.upcoming} empty="No upcoming appointments." />
      <h3>Past appointments</h3>
      <Table label="Past appointments" columns={APPOINTMENT_COLUMNS} rows={page.past} empty="No past appointments." />
      <h3>Payments</h3>
      <Table label="Payments" columns={PAYMENT_COLUMNS} rows={page.payments} empty="No payments." />
      {dialog === 'edit' && (
        <Dialog title={`Edit ${patient.name}`} onClose={() => setDialog(null)} wide>
          <PatientForm patient={patient} onSaved={(p) => (setDialog(null), mergePatient(queryClient, p))} onCancel={() => setDialog(null)} />
        </Dialog>
      )}
    </section>
  );
}
