import { useT } from '../../i18n/use-t';
import { longDay, shiftDate, shortDay } from '../../lib/dates';
import { Button } from '../../ui/Button';
import { Field, SelectField } from '../../ui/Field';
import { DoctorOptions } from '../doctors/DoctorOptions';
import { PrintDaySheetButton } from '../reports/DaySheet';
import { ROW_MINUTES, type RowMinutes } from './geometry';
import type { ScheduleView } from './useScheduleView';

/** The schedule's heading and controls: day or week, paging, the day, whose columns, print and book. */
export function ScheduleToolbar({ shown, today, onBook }: { shown: ScheduleView; today: string; onBook(): void }) {
  const { t } = useT('schedule');
  const { view, setView, date, setDate, days, shownDoctors } = shown;
  const step = view === 'day' ? 1 : 7;
  return (
    <div className="screen-head">
      <h1>{view === 'day' ? longDay(date) : t('weekOf', { day: shortDay(days[0]!) })}</h1>
      <span className="spacer" />
      <div className="segmented" role="group" aria-label={t('view')}>
        <Button aria-pressed={view === 'day'} onClick={() => setView('day')}>
          {t('day')}
        </Button>
        <Button aria-pressed={view === 'week'} onClick={() => setView('week')}>
          {t('week')}
        </Button>
      </div>
      <Button aria-label={t(view === 'day' ? 'previousDay' : 'previousWeek')} onClick={() => setDate(shiftDate(date, -step))}>
        ‹
      </Button>
      <Button onClick={() => setDate(today)}>{t('today')}</Button>
      <Button aria-label={t(view === 'day' ? 'nextDay' : 'nextWeek')} onClick={() => setDate(shiftDate(date, step))}>
        ›
      </Button>
      <Field label={t('date')} type="date" value={date} onChange={(e) => e.target.value && setDate(e.target.value)} />
      {view === 'day' ? (
        <SelectField label={t('specialization')} value={shown.specialization} onChange={(e) => shown.setSpecialization(e.target.value)}>
          <option value="">{t('allSpecializations')}</option>
          {shown.specializations.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </SelectField>
      ) : (
        <SelectField label={t('common:doctor')} value={String(shown.weekDoctor ?? '')} onChange={(e) => shown.setWeekDoctor(Number(e.target.value))}>
          <DoctorOptions />
        </SelectField>
      )}
      <SelectField label={t('rowMinutes')} value={String(shown.rowMinutes)} onChange={(e) => shown.setRowMinutes(Number(e.target.value) as RowMinutes)}>
        {ROW_MINUTES.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </SelectField>
      {view === 'day' && <PrintDaySheetButton date={date} doctorId={shownDoctors.length === 1 ? shownDoctors[0]!.id : undefined} />}
      <Button variant="primary" onClick={onBook} aria-keyshortcuts="Alt+N">
        {t('book')}
      </Button>
    </div>
  );
}
