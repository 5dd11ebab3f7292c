import { useState } from 'react';
import type { AvailabilityWindow, DoctorDto } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useClinicQuery } from '../../api/query';
import { shiftDate, withWeekday } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Table, type Column } from '../../ui/Table';
import { describeWindow, hours, KIND_NAMES } from './window-names';

const SHOWN_DAYS = 28;

/** The doctor's calendar windows for four weeks from a chosen day, each with a way to take it out. */
export function CalendarWindows({ doctor, today, onRemove }: { doctor: DoctorDto; today: string; onRemove(w: AvailabilityWindow): void }) {
  const [from, setFrom] = useState(today);
  // Kept current by availability events for this doctor and these days (invalidation.ts).
  const windows = useClinicQuery('availability.range', { doctorIds: [doctor.id], from, to: shiftDate(from, SHOWN_DAYS - 1) }, { keepPrevious: true });
  const problem = problemOf(windows.error);

  const columns: Column<AvailabilityWindow>[] = [
    { header: 'Date', cell: (w) => withWeekday(w.date) },
    { header: 'Hours', cell: hours },
    { header: 'Kind', cell: (w) => KIND_NAMES[w.kind] },
    { header: 'Minutes per slot', cell: (w) => (w.available ? w.slotMinutes : '—') },
    { header: 'Note', cell: (w) => w.note ?? '' },
    {
      header: 'Actions',
      cell: (w) => (
        <Button variant="danger" aria-label={`Remove ${describeWindow(w)}`} onClick={() => onRemove(w)}>
          Remove
        </Button>
      ),
    },
  ];

  return (
    <>
      <h3 id="windows-title">Calendar for the next four weeks</h3>
      <Field label="Show the four weeks from" type="date" value={from} onChange={(e) => e.target.value && setFrom(e.target.value)} />
      {problem && <Banner tone="error">{problem}</Banner>}
      {windows.data ? (
        <Table label="Calendar windows" columns={columns} rows={windows.data} empty="Nothing in the calendar for these weeks." />
      ) : (
        !problem && <p className="ui-hint">Loading…</p>
      )}
    </>
  );
}
