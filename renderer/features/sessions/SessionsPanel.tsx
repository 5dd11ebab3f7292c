import { useState } from 'react';
import type { OpdSessionDto } from '../../../preload/contract';
import { useTimeZone } from '../../api/clinic-data';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { useT } from '../../i18n/use-t';
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
  const { t } = useT('sessions');
  const today = todayIn(useTimeZone());
  const sessions = useClinicQuery('opd.listSessions', { from: today, to: shiftDate(today, DAYS_AHEAD) }).data ?? [];
  const removing = useClinicMutation('opd.removeSession');
  const [editing, setEditing] = useState<OpdSessionDto>();
  const remove = async (id: number) => {
    const r = await removing.call({ id });
    toast(r.ok ? t('removed') : r.error.message, r.ok ? undefined : 'error');
  };
  return (
    <div className="ui-form">
      <SessionForm />
      <Table
        label={t('list')}
        empty={t('none', { days: DAYS_AHEAD })}
        rows={sessions}
        columns={[
          { header: t('col.date'), cell: (s) => s.date },
          { header: t('col.hours'), cell: (s) => timeRange(s) },
          { header: t('col.doctor'), cell: (s) => s.doctorName },
          { header: t('col.room'), cell: (s) => s.room ?? '—' },
          {
            header: t('col.tokens'),
            cell: (s) =>
              s.emergencyReserve
                ? t('tokensWithReserve', { booked: s.booked, capacity: s.capacity, reserve: s.emergencyReserve })
                : `${s.booked}/${s.capacity}`,
          },
          { header: t('col.numbers'), cell: (s) => `${s.firstToken}–${s.firstToken + s.capacity - 1}` },
          { header: t('col.pace'), cell: (s) => Math.round(s.paceMinutes) },
          {
            header: '',
            cell: (s) => (
              <>
                <Button onClick={() => setEditing(s)} aria-label={t('editWho', { doctor: s.doctorName, date: s.date, hours: timeRange(s) })}>
                  {t('edit')}
                </Button>
                {s.booked === 0 && <Button onClick={() => void remove(s.id)}>{t('remove')}</Button>}
              </>
            ),
          },
        ]}
      />
      {editing && <SessionEditDialog session={editing} onClose={() => setEditing(undefined)} />}
    </div>
  );
}
