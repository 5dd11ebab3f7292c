import { APPOINTMENT_STATUSES, type DaySheetDto } from '../../../preload/contract';
import { longDay } from '../../lib/dates';
import { money } from '../../lib/format';
import { useT } from '../../i18n/use-t';

const COLUMNS = ['time', 'token', 'patient', 'age', 'reason', 'phone', 'status', 'paid'] as const;
// The sheet carries a status as plain text: one the desk does not know is shown as it came.
const isStatus = (status: string): status is (typeof APPOINTMENT_STATUSES)[number] => (APPOINTMENT_STATUSES as readonly string[]).includes(status);

/** One table per doctor: the morning's list as a doctor reads it. The screen and the printout share it. */
export function DaySheetTables({ sheet }: { sheet: DaySheetDto }) {
  const { t } = useT('reports');
  if (sheet.doctors.length === 0) return <p className="ui-hint">{t('daySheet.none')}</p>;
  return sheet.doctors.map((d) => (
    <section key={d.doctorId} className="day-sheet-doctor">
      <h2>
        {d.doctorName}
        {d.specialization ? ` · ${d.specialization}` : ''}
      </h2>
      <table className="ui-table" aria-label={t('daySheet.of', { doctor: d.doctorName })}>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col">
                {t(`daySheet.col.${column}`)}
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
              <td>{isStatus(r.status) ? t(`daySheet.status.${r.status}`) : r.status}</td>
              <td>
                {money(r.paid, sheet.currency)} ({t(`daySheet.payment.${r.payment}`)})
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
  const { t } = useT('reports');
  return (
    <article className="print-doc day-sheet" aria-label={t('daySheet.printed', { date: sheet.date })}>
      <h1>{t('daySheet.heading', { clinic: sheet.clinicName })}</h1>
      <p className="print-sub">
        {longDay(sheet.date)} ({sheet.timeZone})
      </p>
      <DaySheetTables sheet={sheet} />
    </article>
  );
}
