import { useT } from '../../i18n/use-t';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTimeZone } from '../../api/clinic-data';
import { longDay, minutesNowIn } from '../../lib/dates';
import { openGlobal } from '../../stores/global-dialogs';
import { useSession } from '../../stores/session';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field, SelectField } from '../../ui/Field';
import { Loading, preloadable } from '../../ui/lazy';
import { useAppointmentDialogs } from '../appointments/useAppointmentDialogs';
import { DoctorOptions } from '../doctors/DoctorOptions';
import { boardOf, type CountKey, type DoctorColumn as Column } from './board';
import { BoardCounts } from './BoardCounts';
import { DoctorColumn } from './DoctorColumn';
import { ExpectedTable } from './ExpectedTable';
import { SeenTable } from './SeenTable';
import { useToday } from './useToday';
import { WaitingQueue } from './WaitingQueue';
import { useOpenTokenDisplay } from './waitingRoom';

// Shown only while money is on its way: its chunk comes then, not with Today's start-up JavaScript.
// Printing the day sheet is an ADMIN's or a doctor's, and not every day: a chunk of its own, out of
// the start-up JavaScript, but fetched with Today's (sections.tsx), so that Today never shows
// "Opening the day sheet …" in its place (to a receptionist too, who then sees no button).
const PrintDaySheetButton = preloadable(() => import('../reports/DaySheet').then((m) => m.PrintDaySheetButton));
export const preloadDaySheetButton = () => PrintDaySheetButton.preload();
const PendingPayments = preloadable(() => import('./PendingPayments').then((m) => m.PendingPayments));

/** The columns a screen shows before scrolling (a row or two of the board). */
const COLUMNS_AT_ONCE = 4;
const NO_COLUMNS: Column[] = [];

/**
 * Today at the desk as a board: the day's counts (each one a filter), money still on its way,
 * then a column per doctor with who comes in next on top (or the whole day per status: waiting,
 * expected, seen). Check in, call, complete and take payment from the row.
 */
export function QueueScreen() {
  const { t } = useT('queue');
  const { today, doctors, appointments, queue, money, pendingPayments, lobby, problem, loaded } = useToday();
  // A doctor opens on their own queue; the desk sees everyone's.
  const ownDoctorId = useSession((st) => st.session?.doctorId);
  const [doctorFilter, setDoctorFilter] = useState(ownDoctorId ? String(ownDoctorId) : '');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<CountKey>();
  const [grouping, setGrouping] = useState<'doctor' | 'status'>('doctor');
  const [dialog, open] = useAppointmentDialogs();
  const openTokenDisplay = useOpenTokenDisplay();
  const timeZone = useTimeZone();
  // Read at each render: the screen re-renders every minute (useToday) and on every change.
  const nowMs = Date.now();
  const now = { date: today, minutes: minutesNowIn(timeZone, nowMs) };
  const { online, neverJoined: neverJoinedVideo } = lobby;

  const doctorId = doctorFilter ? Number(doctorFilter) : undefined;
  const board = useMemo(
    () => boardOf(doctors, appointments, queue, money, pendingPayments, { doctorId, search, status }),
    [doctors, appointments, queue, money, pendingPayments, doctorId, search, status],
  );
  // The day goes first into the columns on screen; the other doctors' follow in a background
  // render that a click or a key press can interrupt, so a clinic of many doctors shows its
  // first columns without waiting for all of them. Until then each keeps what it showed before
  // (nothing is unmounted, nor loses focus), or is not drawn yet.
  const settled = useDeferredValue(board.doctors, NO_COLUMNS);
  const settledById = useMemo(() => new Map(settled.map((c) => [c.doctorId, c])), [settled]);
  const shownColumn = (column: Column, i: number) => (i < COLUMNS_AT_ONCE || settled === board.doctors ? column : settledById.get(column.doctorId));
  const pay = (appointment: (typeof appointments)[number]) => open({ kind: 'pay', appointment });
  const more = (appointment: (typeof appointments)[number]) => open({ kind: 'details', appointment });
  const complete = (appointment: (typeof appointments)[number]) => open({ kind: 'complete', appointment });
  const shared = { loaded, now, nowMs, online, neverJoinedVideo, money, onPay: pay, onMore: more, onCompleteWithRecall: complete };

  return (
    <div className="queue-screen">
      <div className="screen-head">
        <h1>{t('title', { day: longDay(today) })}</h1>
        <span className="spacer" />
        <Button onClick={() => void openTokenDisplay()}>{t('tokenDisplay')}</Button>
        <Loading what={t('daySheet')} place="section">
          <PrintDaySheetButton date={today} doctorId={doctorId} />
        </Loading>
        <Button onClick={() => openGlobal('walkin')} aria-keyshortcuts="Alt+W">
          {t('walkIn')}
        </Button>
        <Button variant="primary" onClick={() => open({ kind: 'book', draft: { date: today } })} aria-keyshortcuts="Alt+N">
          {t('book')}
        </Button>
      </div>
      {problem && <Banner tone="error">{problem}</Banner>}
      <div className="today-tools">
        <Field label={t('find')} type="search" placeholder={t('findPlaceholder')} value={search} onChange={(e) => setSearch(e.target.value)} />
        <SelectField label={t('col.doctor')} value={doctorFilter} onChange={(e) => setDoctorFilter(e.target.value)}>
          <option value="">{t('common:allDoctors')}</option>
          <DoctorOptions />
        </SelectField>
        <div className="segmented" role="group" aria-label={t('group')}>
          <Button aria-pressed={grouping === 'doctor'} onClick={() => setGrouping('doctor')}>
            {t('perDoctor')}
          </Button>
          <Button aria-pressed={grouping === 'status'} onClick={() => setGrouping('status')}>
            {t('perStatus')}
          </Button>
        </div>
      </div>
      <BoardCounts counts={board.counts} chosen={status} onChoose={setStatus} />
      {board.pending.length > 0 && (
        <Loading what={t('pendingPayments')} place="section">
          <PendingPayments payments={board.pending} appointments={appointments} onOpen={pay} />
        </Loading>
      )}
      {grouping === 'doctor' ? (
        <div className="today-columns">
          {!loaded && <p className="ui-loading">{t('common:loading')}</p>}
          {loaded && board.doctors.length === 0 && <p className="ui-hint">{search || status ? t('noMatch') : t('nobodyToday')}</p>}
          {board.doctors.map((column, i) => {
            const shown = shownColumn(column, i);
            return shown && <DoctorColumn key={column.doctorId} column={shown} {...shared} />;
          })}
        </div>
      ) : (
        <>
          <WaitingQueue
            queue={board.doctors.flatMap((c) => (c.queue && c.waiting.length > 0 ? [{ ...c.queue, waiting: c.waiting }] : []))}
            loaded={loaded}
            online={online}
            money={money}
            onPay={pay}
            onCompleteWithRecall={complete}
          />
          <ExpectedTable
            title={{ heading: t('expected'), label: t('expectedToday'), ofDoctor: false }}
            rows={board.doctors.flatMap((c) => c.expected).sort((a, b) => a.startTime.localeCompare(b.startTime))}
            {...shared}
          />
          <SeenTable
            title={{ heading: t('seenToday'), label: t('seenToday'), ofDoctor: false }}
            rows={board.doctors.flatMap((c) => c.seen).sort((a, b) => a.startTime.localeCompare(b.startTime))}
            {...shared}
          />
        </>
      )}
      {dialog}
    </div>
  );
}
