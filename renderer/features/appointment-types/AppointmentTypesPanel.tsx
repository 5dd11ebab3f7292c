import { useState } from 'react';
import type { AppointmentTypeDto } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useSettings } from '../../api/clinic-data';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { money } from '../../lib/format';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Table, type Column } from '../../ui/Table';
import { toast } from '../../ui/toasts';
import { TypeDialog } from './TypeDialog';

/**
 * The clinic's appointment types: what the desk books by. A type taken off the list
 * (deactivated) stays on the appointments already booked as it, and can be put back.
 */
export function AppointmentTypesPanel() {
  const currency = useSettings().settings?.currency ?? '';
  const types = useClinicQuery('appointmentTypes.list', { includeInactive: true });
  const doctorsQuery = useClinicQuery('doctors.list', { includeInactive: true });
  const deactivate = useClinicMutation('appointmentTypes.deactivate');
  const update = useClinicMutation('appointmentTypes.update');
  const [editing, setEditing] = useState<AppointmentTypeDto | 'new'>();
  const allDoctors = doctorsQuery.data ?? [];
  const problem = problemOf(types.error ?? doctorsQuery.error);
  const nameOf = (id: number) => allDoctors.find((d) => d.id === id)?.name ?? `#${id}`;

  const setActive = async (t: AppointmentTypeDto, active: boolean) => {
    const r = active ? await update.call({ id: t.id, active: true }) : await deactivate.call({ id: t.id });
    toast(r.ok ? `${t.name} is ${active ? 'back on' : 'off'} the booking list` : r.error.message, r.ok ? 'info' : 'error');
  };

  const columns: Column<AppointmentTypeDto>[] = [
    {
      header: 'Type',
      cell: (t) => (
        <>
          <span className="type-swatch" style={{ background: t.colour }} aria-hidden /> {t.name}
        </>
      ),
    },
    {
      header: 'Length',
      cell: (t) => `${t.durationMinutes} min` + (t.bufferBeforeMinutes + t.bufferAfterMinutes ? ` (+${t.bufferBeforeMinutes}/${t.bufferAfterMinutes})` : ''),
    },
    { header: 'Fee', cell: (t) => money(t.fee, currency) },
    {
      header: 'Doctors',
      cell: (t) =>
        t.doctors
          .map(
            (d) =>
              nameOf(d.doctorId) +
              (d.fee || d.durationMinutes
                ? ` (${[d.fee && money(d.fee, currency), d.durationMinutes && `${d.durationMinutes} min`].filter(Boolean).join(', ')})`
                : '') +
              (d.isDefault ? ' — default' : ''),
          )
          .join('; ') || 'Nobody yet',
    },
    {
      header: 'Status',
      cell: (t) =>
        t.active ? (
          <span className="ui-badge" data-tone="ok">
            Active
          </span>
        ) : (
          <span className="ui-badge">Off the list</span>
        ),
    },
    {
      header: 'Actions',
      cell: (t) => (
        <div className="ui-actions">
          <Button aria-label={`Edit ${t.name}`} onClick={() => setEditing(t)}>
            Edit
          </Button>
          <Button
            variant={t.active ? 'danger' : 'secondary'}
            aria-label={`${t.active ? 'Deactivate' : 'Reactivate'} ${t.name}`}
            onClick={() => void setActive(t, !t.active)}
          >
            {t.active ? 'Deactivate' : 'Reactivate'}
          </Button>
        </div>
      ),
    },
  ];

  // The doctors a type can be offered by: the active ones, and any inactive one already offering it.
  const offering = (t?: AppointmentTypeDto) => allDoctors.filter((d) => d.active || t?.doctors.some((o) => o.doctorId === d.id));
  return (
    <section aria-label="Appointment types">
      {problem && <Banner tone="error">{problem}</Banner>}
      <div className="ui-actions">
        <Button variant="primary" onClick={() => setEditing('new')} disabled={!doctorsQuery.data}>
          Add an appointment type
        </Button>
      </div>
      {types.data && (
        <Table label="Appointment types" columns={columns} rows={types.data} empty="No appointment types yet: bookings take one slot of the doctor’s hours." />
      )}
      {editing && (
        <TypeDialog
          type={editing === 'new' ? undefined : editing}
          doctors={offering(editing === 'new' ? undefined : editing)}
          onClose={() => setEditing(undefined)}
        />
      )}
    </section>
  );
}
