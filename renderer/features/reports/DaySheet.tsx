import { useState } from 'react';
import type { DaySheetDto } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useFetchFresh } from '../../api/query';
import { longDay } from '../../lib/dates';
import { useSession } from '../../stores/session';
import { Button } from '../../ui/Button';
import { printDocument } from '../print/print';
import { formatMoney } from './format';

const PAYMENT_WORDS: Record<DaySheetDto['doctors'][number]['rows'][number]['payment'], string> = { PAID: 'paid', PART: 'part paid', UNPAID: 'unpaid' };

/** One table per doctor: the morning's list as a doctor reads it. The screen and the printout share it. */
export function DaySheetTables({ sheet }: { sheet: DaySheetDto }) {
  if (sheet.doctors.length === 0) return <p className="ui-hint">No appointments on this day.</p>;
  return sheet.doctors.map((d) => (
    <section key={d.doctorId} className="day-sheet-doctor">
      <h2>
        {d.doctorName}
        {d.specialization ? ` · ${d.specialization}` : ''}
      </h2>
      <table className="ui-table" aria-label={`Day sheet of ${d.doctorName}`}>
        <thead>
          <tr>
            {['Time', 'Token', 'Patient', 'Age', 'Reason', 'Phone', 'Status', 'Paid'].map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {d.rows.map((r) => (
            <tr key={r.appointmentId}>
              <td>
                {r.startTime}–{r.endTime}
              </td>
              <td>{r.tokenNo ?? ''}</td>
              <td>{r.patientName}</td>
              <td>{r.age ?? ''}</td>
              <td>{r.reason ?? ''}</td>
              <td>{r.phone ?? ''}</td>
              <td>{r.status.replace('_', '-').toLowerCase()}</td>
              <td>
                {formatMoney(r.paid, sheet.currency)} ({PAYMENT_WORDS[r.payment]})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  ));
}

/** The printed day sheet: A4 portrait, the clinic and the day on top. */
function DaySheetDocument({ sheet }: { sheet: DaySheetDto }) {
  return (
    <article className="print-doc day-sheet" aria-label={`Day sheet ${sheet.date}`}>
      <h1>Day sheet — {sheet.clinicName}</h1>
      <p className="print-sub">
        {longDay(sheet.date)} ({sheet.timeZone})
      </p>
      <DaySheetTables sheet={sheet} />
    </article>
  );
}

/** Prints a day's sheet in one click (the Reports screen, Today, the schedule). ADMIN and DOCTOR only, as main enforces. */
export function PrintDaySheetButton({ date, doctorId }: { date: string; doctorId?: number }) {
  const role = useSession((s) => s.session?.role);
  const [problem, setProblem] = useState<string>();
  const fetchFresh = useFetchFresh();
  if (role !== 'ADMIN' && role !== 'DOCTOR') return null;
  const print = async () => {
    let sheet: DaySheetDto;
    try {
      sheet = await fetchFresh('reports.daySheet', { date, doctorId });
    } catch (e) {
      return setProblem(problemOf(e));
    }
    setProblem(undefined);
    await printDocument(<DaySheetDocument sheet={sheet} />, 'A4');
  };
  return (
    <>
      <Button onClick={() => void print()}>Print day sheet</Button>
      {problem && (
        <span role="alert" className="ui-field-error">
          {problem}
        </span>
      )}
    </>
  );
}
