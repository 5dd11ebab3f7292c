import { useState } from 'react';
import type { OpdSessionDto } from '../../../preload/contract';
import { useTimeZone } from '../../api/clinic-data';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { shiftDate, timeRange, todayIn } from '../../lib/dates';
import { Button } from '../../ui/Button';
import { Table } from '../../ui/Table';
import { preloadable } from '../../ui/lazy';
import { toast } from '../../ui/toasts';
import { SessionForm } from './SessionForm';

const DAYS_AHEAD = 30;

const SessionEditDialog = preloadable(() => import('./SessionEditDialog').then((m) => m.SessionEditDialog));

/** Token doctors' OPD sessions of the next month, and the form that adds one. */
export function SessionsPanel() {
  const today = todayIn(useTimeZone());
  const sessions = useClinicQuery('opd.listSessions', { from: today, to: shiftDate(today, DAYS_AHEAD) }).data ?? [];
  const removing = useClinicMutation('opd.removeSession');
  const [editing, setEditing] = useState<OpdSessionDto>();
  const remove = async (id: number) => {
    const r = await removing.call({ id });
    toast(r.ok ? 'Session removed' : r.error.message, r.ok ? undefined : 'error');
  };
  return (
    <div className="ui-form">
      <SessionForm />
      <Table
        label="OPD sessions"
        empty="No sessions planned in the next 30 days"
        rows={sessions}
        columns={[
          { header: 'Date', cell: (s) => s.date },
          { header: 'Hours', cell: (s) => timeRange(s) },
          { header: 'Doctor', cell: (s) => s.doctorName },
          { header: 'Room', cell: (s) => s.room ?? '—' },
          { header: 'Tokens', cell: (s) => `${s.booked}/${s.capacity}${s.emergencyReserve ? ` (${s.emergencyReserve} for emergencies)` : ''}` },
          { header: 'Numbers', cell: (s) => `${s.firstToken}–${s.firstToken + s.capacity - 1}` },
          { header: 'Minutes per token', cell: (s) => Math.round(s.paceMinutes) },
          {
            header: '',
            cell: (s) => (
              <>
                <Button onClick={() => setEditing(s)} aria-label={`Edit ${s.doctorName}'s session of ${s.date}, ${timeRange(s)}`}>
                  Edit
                </Button>
                {s.booked === 0 && <Button onClick={() => void remove(s.id)}>Remove</Button>}
              </>
            ),
          },
        ]}
      />
      {editing && <SessionEditDialog session={editing} onClose={() => setEditing(undefined)} />}
    </div>
  );
}
