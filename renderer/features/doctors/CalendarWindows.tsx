import { useState } from 'react';
import type { AvailabilityWindow, DoctorDto } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useClinicQuery } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { shiftDate, withWeekday } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Table, type Column } from '../../ui/Table';
import { describeWindow, hours, kindName } from './window-names';

const SHOWN_DAYS = 28;

/** The doctor's calendar windows for four weeks from a chosen day, each with a way to take it out. */
export function CalendarWindows({ doctor, today, onRemove }: { doctor: DoctorDto; today: string; onRemove(w: AvailabilityWindow): void }) {
  const { t } = useT('doctors');
  const [from, setFrom] = useState(today);
  // Kept current by availability events for this doctor and these days (invalidation.ts).
  const windows = useClinicQuery('availability.range', { doctorIds: [doctor.id], from, to: shiftDate(from, SHOWN_DAYS - 1) }, { keepPrevious: true });
  const problem = problemOf(windows.error);

  const columns: Column<AvailabilityWindow>[] = [
    { header: t('date'), cell: (w) => withWeekday(w.date) },
    { header: t('hours'), cell: hours },
    { header: t('kind'), cell: (w) => kindName(w.kind) },
    { header: t('minutesPerSlot'), cell: (w) => (w.available ? w.slotMinutes : '—') },
    { header: t('note'), cell: (w) => w.note ?? '' },
    {
      header: t('actions'),
      cell: (w) => (
        <Button variant="danger" aria-label={t('calendar.removeOf', { window: describeWindow(w) })} onClick={() => onRemove(w)}>
          {t('remove')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <h3 id="windows-title">{t('calendar.title')}</h3>
      <Field label={t('calendar.from')} type="date" value={from} onChange={(e) => e.target.value && setFrom(e.target.value)} />
      {problem && <Banner tone="error">{problem}</Banner>}
      {windows.data ? (
        <Table label={t('calendar.table')} columns={columns} rows={windows.data} empty={t('calendar.empty')} />
      ) : (
        !problem && <p className="ui-hint">{t('common:loading')}</p>
      )}
    </>
  );
}
