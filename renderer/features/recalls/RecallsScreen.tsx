import { useState } from 'react';
import type { Res } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useTimeZone } from '../../api/clinic-data';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { shortDay, todayIn } from '../../lib/dates';
import { openGlobal } from '../../stores/global-dialogs';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Table, type Column } from '../../ui/Table';
import { toast } from '../../ui/toasts';
import { AddRecallDialog } from './AddRecallDialog';

type Recall = Res<'recalls.list'>[number];
type ListState = 'DUE' | 'OVERDUE' | 'BOOKED';

const STATES: { id: ListState; label: string }[] = [
  { id: 'OVERDUE', label: 'Overdue' },
  { id: 'DUE', label: 'Due' },
  { id: 'BOOKED', label: 'Booked since' },
];

/**
 * Patients to see again: overdue, due, or booked since the recall was made. Booking from a
 * recall opens the booking with the patient, the doctor and the due day filled in; main counts
 * it as booked once the appointment exists. Dismissing takes it off the list.
 */
export function RecallsScreen() {
  const today = todayIn(useTimeZone());
  const [state, setState] = useState<ListState>('OVERDUE');
  const recalls = useClinicQuery('recalls.list', { state });
  const dismissing = useClinicMutation('recalls.dismiss');
  const [adding, setAdding] = useState(false);

  const dismiss = async (r: Recall) => {
    const done = await dismissing.call({ id: r.id });
    toast(done.ok ? `Dismissed the recall of ${r.patientName}` : done.error.message, done.ok ? 'info' : 'error');
  };
  const book = (r: Recall) =>
    openGlobal('book', {
      patient: { id: r.patientId, name: r.patientName, phone: r.patientPhone, email: null, dateOfBirth: null, gender: null },
      ...(r.doctorId ? { doctorId: r.doctorId } : {}),
      // An overdue recall is booked from today.
      date: r.dueDate < today ? today : r.dueDate,
    });

  const columns: Column<Recall>[] = [
    { header: 'Patient', cell: (r) => `${r.patientName}${r.patientPhone ? ` · ${r.patientPhone}` : ''}` },
    { header: 'Doctor', cell: (r) => r.doctorName ?? 'Any' },
    { header: 'Due', cell: (r) => shortDay(r.dueDate) },
    { header: 'Reason', cell: (r) => r.reason ?? '' },
    {
      header: 'Actions',
      cell: (r) =>
        state === 'BOOKED' ? null : (
          <div className="ui-actions">
            <Button variant="primary" aria-label={`Book ${r.patientName}`} onClick={() => book(r)}>
              Book…
            </Button>
            <Button aria-label={`Dismiss the recall of ${r.patientName}`} onClick={() => void dismiss(r)}>
              Dismiss
            </Button>
          </div>
        ),
    },
  ];
  const label = STATES.find((s) => s.id === state)!.label;
  return (
    <div className="recalls-screen">
      <div className="screen-head">
        <h1>Recalls</h1>
        <span className="spacer" />
        <div className="ui-actions" role="group" aria-label="Which recalls">
          {STATES.map((s) => (
            <Button key={s.id} variant={s.id === state ? 'primary' : 'secondary'} aria-pressed={s.id === state} onClick={() => setState(s.id)}>
              {s.label}
            </Button>
          ))}
        </div>
        <Button variant="primary" onClick={() => setAdding(true)}>
          Add a recall…
        </Button>
      </div>
      {recalls.error && <Banner tone="error">{problemOf(recalls.error)}</Banner>}
      {recalls.data && <Table label={`${label} recalls`} columns={columns} rows={recalls.data} empty={`No ${label.toLowerCase()} recalls.`} />}
      {adding && <AddRecallDialog onClose={() => setAdding(false)} />}
    </div>
  );
}
