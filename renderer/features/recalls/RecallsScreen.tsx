import { useState } from 'react';
import type { Res } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useTimeZone } from '../../api/clinic-data';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { shortDay, todayIn } from '../../lib/dates';
import { openGlobal } from '../../stores/global-dialogs';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Table, type Column } from '../../ui/Table';
import { toast } from '../../ui/toasts';
import { AddRecallDialog } from './AddRecallDialog';

type Recall = Res<'recalls.list'>[number];
type ListState = 'DUE' | 'OVERDUE' | 'BOOKED';

const STATES: ListState[] = ['OVERDUE', 'DUE', 'BOOKED'];

/**
 * Patients to see again: overdue, due, or booked since the recall was made. Booking from a
 * recall opens the booking with the patient, the doctor and the due day filled in; main counts
 * it as booked once the appointment exists. Dismissing takes it off the list.
 */
export function RecallsScreen() {
  const { t } = useT('recalls');
  const today = todayIn(useTimeZone());
  const [state, setState] = useState<ListState>('OVERDUE');
  const recalls = useClinicQuery('recalls.list', { state });
  const dismissing = useClinicMutation('recalls.dismiss');
  const [adding, setAdding] = useState(false);

  const dismiss = async (r: Recall) => {
    const done = await dismissing.call({ id: r.id });
    toast(done.ok ? t('dismissed', { patient: r.patientName }) : done.error.message, done.ok ? 'info' : 'error');
  };
  const book = (r: Recall) =>
    openGlobal('book', {
      patient: { id: r.patientId, name: r.patientName, phone: r.patientPhone, email: null, dateOfBirth: null, gender: null },
      ...(r.doctorId ? { doctorId: r.doctorId } : {}),
      // An overdue recall is booked from today.
      date: r.dueDate < today ? today : r.dueDate,
    });

  const columns: Column<Recall>[] = [
    { header: t('col.patient'), cell: (r) => `${r.patientName}${r.patientPhone ? ` · ${r.patientPhone}` : ''}` },
    { header: t('col.doctor'), cell: (r) => r.doctorName ?? t('anyDoctor') },
    { header: t('col.due'), cell: (r) => shortDay(r.dueDate) },
    { header: t('col.reason'), cell: (r) => r.reason ?? '' },
    {
      header: t('col.actions'),
      cell: (r) =>
        state === 'BOOKED' ? null : (
          <div className="ui-actions">
            <Button variant="primary" aria-label={t('bookOf', { patient: r.patientName })} onClick={() => book(r)}>
              {t('book')}
            </Button>
            <Button aria-label={t('dismissOf', { patient: r.patientName })} onClick={() => void dismiss(r)}>
              {t('dismiss')}
            </Button>
          </div>
        ),
    },
  ];
  return (
    <div className="recalls-screen">
      <div className="screen-head">
        <h1>{t('title')}</h1>
        <span className="spacer" />
        <div className="ui-actions" role="group" aria-label={t('which')}>
          {STATES.map((s) => (
            <Button key={s} variant={s === state ? 'primary' : 'secondary'} aria-pressed={s === state} onClick={() => setState(s)}>
              {t(`state.${s}`)}
            </Button>
          ))}
        </div>
        <Button variant="primary" onClick={() => setAdding(true)}>
          {t('add.open')}
        </Button>
      </div>
      {recalls.error && <Banner tone="error">{problemOf(recalls.error)}</Banner>}
      {recalls.data && <Table label={t(`table.${state}`)} columns={columns} rows={recalls.data} empty={t(`empty.${state}`)} />}
      {adding && <AddRecallDialog onClose={() => setAdding(false)} />}
    </div>
  );
}
