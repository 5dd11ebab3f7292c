import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { mergePatient } from '../../api/cache-writes';
import { problemOf } from '../../api/call';
import { useTimeZone } from '../../api/clinic-data';
import { useClinicQuery } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { todayIn } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { openGlobal } from '../../stores/global-dialogs';
import { Dialog } from '../../ui/Dialog';
import { PatientFacts } from './PatientFacts';
import { PatientForm } from './PatientForm';
import { PatientRecordTables } from './PatientRecordTables';
import { PatientMessaging } from '../messaging/PatientMessaging';

/**
 * A patient's record: demographics, medical history (when the role may see it), appointments, payments.
 * `canBook` is false in a call window, whose session may call only the call's channels; it gives
 * `today` (the call's date) too, since it may not read the clinic's zone from the settings.
 * Booking opens the frame's booking dialog with this patient chosen, so patients never imports booking.
 */
export function PatientProfile({ patientId, canBook = true, today }: { patientId: number; canBook?: boolean; today?: string }) {
  const { t } = useT('patients');
  const zone = useTimeZone(today === undefined);
  const queryClient = useQueryClient();
  const asked = useClinicQuery('patients.get', { id: patientId });
  const page = asked.data;
  const problem = problemOf(asked.error);
  const [editing, setEditing] = useState(false);

  if (problem) return <Banner tone="error">{problem}</Banner>;
  if (!page) return <p className="ui-hint">{t('common:loading')}</p>;
  const { patient } = page;
  return (
    <section className="patient-profile" aria-labelledby="patient-name">
      <div className="screen-head">
        <h2 id="patient-name">{patient.name}</h2>
        <span className="spacer" />
        <Button onClick={() => setEditing(true)}>{t('profile.edit')}</Button>
        {canBook && (
          <Button variant="primary" onClick={() => openGlobal('book', { patient })}>
            {t('profile.book')}
          </Button>
        )}
      </div>
      <PatientFacts patient={patient} today={today ?? todayIn(zone)} />
      <PatientRecordTables page={page} />
      {/* Not in a call window: its session may call only the call's channels. */}
      {canBook && <PatientMessaging patientId={patient.id} />}
      {editing && (
        <Dialog title={t('profile.editTitle', { name: patient.name })} onClose={() => setEditing(false)} wide>
          <PatientForm patient={patient} onSaved={(p) => (setEditing(false), mergePatient(queryClient, p))} onCancel={() => setEditing(false)} />
        </Dialog>
      )}
    </section>
  );
}
