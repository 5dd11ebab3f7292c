import { useEffect, useState } from 'react';
import type { CallError, DoctorDto } from '../../../preload/contract';
import { clinic } from '../../api/clinic';
import { useSettings } from '../../api/clinic-data';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { SelectField } from '../../ui/Field';
import { todayIn } from '../../lib/dates';
import { Table, type Column } from '../../ui/Table';
import { toast } from '../../ui/toasts';
import { DoctorForm } from './DoctorForm';
import { ScheduleExceptions } from './ScheduleExceptions';
import { TemplateEditor } from './TemplateEditor';
import { useDoctors } from './useDoctors';

/** Doctors' profiles and, for the one chosen, their weekly pattern, leave and extra hours. */
export function DoctorsScreen() {
  const [filter, setFilter] = useState({ specialization: '', includeInactive: false });
  const { doctors, specializations, problem, reload } = useDoctors(filter);
  const { settings, problem: settingsProblem } = useSettings();
  const [editing, setEditing] = useState<DoctorDto | 'new'>();
  const [deleting, setDeleting] = useState<DoctorDto>();
  // The open doctor is kept apart from the list, so it stays open when a filter or a
  // deactivation takes it out of the list.
  const [chosen, setChosen] = useState<DoctorDto>();
  const fresh = doctors?.find((d) => d.id === chosen?.id);
  // A reload (after a resync, say) may bring a newer copy of the open doctor.
  useEffect(() => {
    if (fresh) setChosen(fresh);
  }, [fresh]);

  async function setActive(d: DoctorDto, active: boolean) {
    const r = await clinic.doctors.setActive({ id: d.id, active });
    if (!r.ok) return toast(r.error.message, 'error');
    toast(`${d.name} ${active ? 'is active again' : 'is deactivated: no new bookings'}`);
    setChosen(r.value);
    void reload();
  }

  const columns: Column<DoctorDto>[] = [
    { header: 'Name', cell: (d) => d.name },
    { header: 'Specialization', cell: (d) => d.specialization ?? '—' },
    { header: 'Fee', cell: (d) => (d.consultationFee && settings ? `${settings.currency} ${d.consultationFee}` : (d.consultationFee ?? '—')) },
    { header: 'Status', cell: (d) => (d.active ? <span className="ui-badge" data-tone="ok">Active</span> : <span className="ui-badge">Inactive</span>) },
    {
      header: 'Actions',
      cell: (d) => (
        <Button aria-label={`Open ${d.name}`} aria-pressed={d.id === chosen?.id} onClick={() => setChosen(d)}>
          Open
        </Button>
      ),
    },
  ];

  return (
    <div className="doctors-screen">
      <section className="ui-panel" aria-labelledby="doctors-title">
        <div className="ui-panel-head">
          <h2 id="doctors-title">Doctors</h2>
          <Button variant="primary" onClick={() => setEditing('new')}>
            Add a doctor
          </Button>
        </div>
        <div className="ui-row">
          <SelectField label="Specialization" value={filter.specialization} onChange={(e) => setFilter({ ...filter, specialization: e.target.value })}>
            <option value="">All specializations</option>
            {specializations.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </SelectField>
          <label className="ui-field-check">
            <input type="checkbox" checked={filter.includeInactive} onChange={(e) => setFilter({ ...filter, includeInactive: e.target.checked })} />
            Show inactive doctors
          </label>
        </div>
        {problem && <Banner tone="error">{problem}</Banner>}
        {doctors ? <Table label="Doctors" columns={columns} rows={doctors} empty="No doctors match." /> : !problem && <p className="ui-hint">Loading…</p>}
      </section>

      <div className="ui-form" aria-label="Doctor" role="region">
        {settingsProblem && <Banner tone="error">{settingsProblem}</Banner>}
        {!chosen && <p className="ui-hint">Open a doctor to change their profile and working hours.</p>}
        {chosen && settings && (
          <>
            <section className="ui-panel" aria-labelledby="doctor-name">
              <div className="ui-panel-head">
                <h2 id="doctor-name">{chosen.name}</h2>
                <div className="ui-actions">
                  <Button aria-label={`Edit ${chosen.name}`} onClick={() => setEditing(chosen)}>
                    Edit
                  </Button>
                  <Button aria-label={`${chosen.active ? 'Deactivate' : 'Reactivate'} ${chosen.name}`} onClick={() => void setActive(chosen, !chosen.active)}>
                    {chosen.active ? 'Deactivate' : 'Reactivate'}
                  </Button>
                  <Button variant="danger" aria-label={`Delete ${chosen.name}`} onClick={() => setDeleting(chosen)}>
                    Delete
                  </Button>
                </div>
              </div>
              <dl className="facts">
                <dt>Email</dt>
                <dd>{chosen.email}</dd>
                <dt>Phone</dt>
                <dd>{chosen.phone ?? '—'}</dd>
                <dt>Experience</dt>
                <dd>{chosen.experience === null ? '—' : `${chosen.experience} years`}</dd>
                <dt>Rating</dt>
                <dd>{chosen.rating ?? '—'}</dd>
                <dt>Status</dt>
                <dd>{chosen.active ? 'Active' : 'Inactive: not offered for new bookings'}</dd>
              </dl>
            </section>
            <TemplateEditor key={`t${chosen.id}`} doctor={chosen} today={todayIn(settings.timeZone)} defaultSlotMinutes={settings.defaultSlotMinutes} />
            <ScheduleExceptions key={`e${chosen.id}`} doctor={chosen} today={todayIn(settings.timeZone)} />
          </>
        )}
      </div>

      {editing && (
        <DoctorForm
          doctor={editing === 'new' ? undefined : editing}
          specializations={specializations}
          onClose={() => setEditing(undefined)}
          onSaved={(d) => {
            toast(editing === 'new' ? `${d.name} added` : `${d.name} saved`);
            setEditing(undefined);
            setChosen(d);
            void reload();
          }}
        />
      )}
      {deleting && (
        <DeleteDoctor
          doctor={deleting}
          onClose={() => setDeleting(undefined)}
          onDeleted={() => {
            toast(`${deleting.name} deleted`);
            setDeleting(undefined);
            if (chosen?.id === deleting.id) setChosen(undefined);
            void reload();
          }}
        />
      )}
    </div>
  );
}

/** Deleting is for a profile made by mistake; main refuses it once the doctor has appointments. */
function DeleteDoctor({ doctor, onClose, onDeleted }: { doctor: DoctorDto; onClose(): void; onDeleted(): void }) {
  const [error, setError] = useState<CallError>();
  const [busy, setBusy] = useState(false);

  async function remove() {
    setBusy(true);
    const r = await clinic.doctors.delete({ id: doctor.id });
    setBusy(false);
    if (r.ok) onDeleted();
    else setError(r.error);
  }

  return (
    <Dialog title={`Delete ${doctor.name}?`} onClose={onClose}>
      <p>Deleting removes the profile for good. A doctor who has seen patients is deactivated instead, so their history stays.</p>
      {error && <Banner tone="error">{error.message}</Banner>}
      <div className="ui-actions">
        <Button onClick={onClose}>Keep the profile</Button>
        <Button variant="danger" onClick={() => void remove()} disabled={busy}>
          Delete the profile
        </Button>
      </div>
    </Dialog>
  );
}
