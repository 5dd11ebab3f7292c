import type { DoctorDto } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { Button } from '../../ui/Button';
import { toast } from '../../ui/toasts';

/** The open doctor's facts, with editing, (de)activating and deleting. */
export function DoctorProfile({ doctor, onEdit, onDelete, onChanged }: { doctor: DoctorDto; onEdit(): void; onDelete(): void; onChanged(d: DoctorDto): void }) {
  const setActive = useClinicMutation('doctors.setActive');

  async function toggle() {
    const active = !doctor.active;
    const r = await setActive.call({ id: doctor.id, active });
    if (!r.ok) return toast(r.error.message, 'error');
    toast(`${doctor.name} ${active ? 'is active again' : 'is deactivated: no new bookings'}`);
    onChanged(r.value);
  }

  return (
    <section className="ui-panel" aria-labelledby="doctor-name">
      <div className="ui-panel-head">
        <h2 id="doctor-name">{doctor.name}</h2>
        <div className="ui-actions">
          <Button aria-label={`Edit ${doctor.name}`} onClick={onEdit}>
            Edit
          </Button>
          <Button aria-label={`${doctor.active ? 'Deactivate' : 'Reactivate'} ${doctor.name}`} onClick={() => void toggle()}>
            {doctor.active ? 'Deactivate' : 'Reactivate'}
          </Button>
          <Button variant="danger" aria-label={`Delete ${doctor.name}`} onClick={onDelete}>
            Delete
          </Button>
        </div>
      </div>
      <dl className="facts">
        <dt>Email</dt>
        <dd>{doctor.email}</dd>
        <dt>Phone</dt>
        <dd>{doctor.phone ?? '—'}</dd>
        <dt>Experience</dt>
        <dd>{doctor.experience === null ? '—' : `${doctor.experience} years`}</dd>
        <dt>Rating</dt>
        <dd>{doctor.rating ?? '—'}</dd>
        <dt>Status</dt>
        <dd>{doctor.active ? 'Active' : 'Inactive: not offered for new bookings'}</dd>
      </dl>
    </section>
  );
}
