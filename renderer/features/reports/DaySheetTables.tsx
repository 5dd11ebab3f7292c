import type { DaySheetDto } from '../../../preload/contract';
import { longDay } from '../../lib/dates';
import { money } from '../../lib/format';

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
                {money(r.paid, sheet.currency)} ({PAYMENT_WORDS[r.payment]})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  ));
}

/** The printed day sheet: A4 portrait, the clinic and the day on top. */
export function DaySheetDocument({ sheet }: { sheet: DaySheetDto }) {
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
