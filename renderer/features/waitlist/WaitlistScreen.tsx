import { useState } from 'react';
import type { Res } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useClinicData } from '../../api/clinic-data';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { hhmm, shortDay } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Table, type Column } from '../../ui/Table';
import { toast } from '../../ui/toasts';
import { AddToWaitlistDialog } from './AddToWaitlistDialog';
import { OfferList } from './OfferList';
import { URGENCY_NAMES } from './urgency';

type Entry = Res<'waitlist.list'>[number];

/** Patients waiting for earlier time, and the freed time offered to them (live on every PC). */
export function WaitlistScreen() {
  const entries = useClinicQuery('waitlist.list', {});
  const doctors = useClinicData().doctors;
  const removing = useClinicMutation('waitlist.remove');
  const [adding, setAdding] = useState(false);
  const doctorName = (id: number) => doctors.find((d) => d.id === id)?.name ?? `#${id}`;
  // A retired type still names what an entry wants.
  const types = useClinicQuery('appointmentTypes.list', { includeInactive: true });
  const wanted = (e: Entry) => {
    const name = e.appointmentTypeId ? (types.data?.find((t) => t.id === e.appointmentTypeId)?.name ?? '') : '';
    return name ? ` · ${name}` : '';
  };

  const remove = async (e: Entry) => {
    const r = await removing.call({ id: e.id });
    toast(r.ok ? `${e.patientName} is off the waitlist` : r.error.message, r.ok ? 'info' : 'error');
  };

  const columns: Column<Entry>[] = [
    { header: 'Patient', cell: (e) => `${e.patientName}${e.patientPhone ? ` · ${e.patientPhone}` : ''}` },
    { header: 'With', cell: (e) => (e.doctorId ? doctorName(e.doctorId) : `Any ${e.specialization} doctor`) + wanted(e) },
    {
      header: 'When',
      cell: (e) =>
        `${shortDay(e.fromDate)} – ${shortDay(e.toDate)}` +
        (e.timeFrom || e.timeTo ? `, ${e.timeFrom ? hhmm(e.timeFrom) : ''}–${e.timeTo ? hhmm(e.timeTo) : ''}` : ''),
    },
    { header: 'Urgency', cell: (e) => URGENCY_NAMES[e.urgency] },
    { header: 'Note', cell: (e) => e.note ?? '' },
    {
      header: 'Actions',
      cell: (e) => (
        <Button aria-label={`Take ${e.patientName} off the waitlist`} onClick={() => void remove(e)}>
          Remove
        </Button>
      ),
    },
  ];
  return (
    <div className="waitlist-screen">
      <div className="screen-head">
        <h1>Waitlist</h1>
        <span className="spacer" />
        <Button variant="primary" onClick={() => setAdding(true)}>
          Add to the waitlist…
        </Button>
      </div>
      <OfferList />
      <section aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">Waiting</h2>
        {entries.error && <Banner tone="error">{problemOf(entries.error)}</Banner>}
        {entries.data && (
          <Table label="Waiting" columns={columns} rows={entries.data.filter((e) => e.status === 'WAITING')} empty="Nobody is waiting for earlier time." />
        )}
      </section>
      {adding && <AddToWaitlistDialog onClose={() => setAdding(false)} />}
    </div>
  );
}
