import { useMemo, useState } from 'react';
import type { AppointmentTypeDto, ExportKind, ReportFilters, UserDto } from '../../../preload/contract';
import { useClinicQuery } from '../../api/query';
import { shiftDate, todayIn } from '../../lib/dates';
import { useClinicData, useTimeZone } from '../../api/clinic-data';
import { useSession } from '../../stores/session';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field, SelectField } from '../../ui/Field';
import { Tabs, type Tab } from '../../ui/Tabs';
import { toast } from '../../ui/toasts';
import { PrintDaySheetButton } from './DaySheet';
import { DaySheetTables } from './DaySheetTables';
import { useExports } from './exporting';
import { AttendancePanel, DuesPanel, PatientMixPanel, RevenuePanel, StatusPanel, UtilisationPanel, type Period } from './ReportPanels';
import { useRefreshReports, useReport } from './useReport';
import './reports.css';

const NO_USERS: UserDto[] = [];
const NO_TYPES: AppointmentTypeDto[] = [];

function DaySheetPanel({
  date,
  doctorId,
  appointmentTypeIds,
  onExport,
}: {
  date: string;
  doctorId?: number;
  appointmentTypeIds?: number[];
  onExport(kind: ExportKind, format: 'csv' | 'xlsx'): void;
}) {
  const { value, problem } = useReport('reports.daySheet', { date, doctorId, ...(appointmentTypeIds ? { appointmentTypeIds } : {}) });
  return (
    <section aria-label="Day sheet">
      <div className="report-actions">
        <PrintDaySheetButton date={date} doctorId={doctorId} appointmentTypeIds={appointmentTypeIds} />
        <Button onClick={() => onExport('daySheet', 'csv')}>Export day sheet as CSV</Button>
        <Button onClick={() => onExport('daySheet', 'xlsx')}>Export day sheet as Excel</Button>
      </div>
      {problem && <Banner tone="error">{problem}</Banner>}
      {value && <DaySheetTables sheet={value} />}
    </section>
  );
}

/**
 * The clinic's reports: a date range and filters, then each report as a chart beside its
 * table, with CSV and Excel exports. An ADMIN sees every doctor; a DOCTOR their own figures
 * only (main decides that; the doctor filter is simply not offered to them).
 */
export function ReportsScreen() {
  const timeZone = useTimeZone();
  const session = useSession((s) => s.session);
  const doctors = useClinicData().doctors;
  const isAdmin = session?.role === 'ADMIN';
  const today = todayIn(timeZone);
  const [from, setFrom] = useState(() => shiftDate(today, -29));
  const [to, setTo] = useState(today);
  const [day, setDay] = useState(today);
  const [doctorId, setDoctorId] = useState<number>();
  // None ticked: every type (and appointments without one).
  const [typeIds, setTypeIds] = useState<number[]>([]);
  const [specialization, setSpecialization] = useState('');
  const [userId, setUserId] = useState<number>();
  const [period, setPeriod] = useState<Period>('day');
  // Only an ADMIN filters by who booked; a DOCTOR may not list the accounts.
  const users = useClinicQuery('users.list', {}, { enabled: isAdmin }).data ?? NO_USERS;
  // Retired types too: last month's figures may be of a type no longer offered.
  const types = useClinicQuery('appointmentTypes.list', { includeInactive: true }).data ?? NO_TYPES;
  const refresh = useRefreshReports();
  const exports = useExports();

  const specializations = useMemo(() => [...new Set(doctors.map((d) => d.specialization).filter((s): s is string => !!s))].sort(), [doctors]);
  const rangeProblem = to < from ? 'The end date must not be before the start date' : undefined;
  const filters: ReportFilters = useMemo(
    () => ({
      from,
      to,
      ...(doctorId ? { doctorId } : {}),
      ...(typeIds.length > 0 ? { appointmentTypeIds: typeIds } : {}),
      ...(specialization ? { specialization } : {}),
      ...(userId ? { userId } : {}),
    }),
    [from, to, doctorId, typeIds, specialization, userId],
  );

  const onExport = (kind: ExportKind, format: 'csv' | 'xlsx') => {
    const scope = kind === 'daySheet' ? { ...filters, from: day, to: day } : filters;
    void exports.report(kind, format, scope, period).then((r) => toast(r.message, r.ok ? 'info' : 'error'));
  };
  const panel = { filters, period, onExport };
  const ownDoctor = doctorId ?? session?.doctorId ?? undefined;

  const tabs: Tab[] = [
    {
      id: 'day-sheet',
      label: 'Day sheet',
      render: () => (
        <>
          <Field label="Day" type="date" value={day} onChange={(e) => e.target.value && setDay(e.target.value)} />
          <DaySheetPanel date={day} doctorId={doctorId} appointmentTypeIds={filters.appointmentTypeIds} onExport={onExport} />
        </>
      ),
    },
    { id: 'status', label: 'By status', render: () => <StatusPanel {...panel} /> },
    { id: 'attendance', label: 'No-shows', render: () => <AttendancePanel {...panel} /> },
    { id: 'utilisation', label: 'Utilisation', render: () => <UtilisationPanel {...panel} /> },
    { id: 'revenue', label: 'Revenue', render: () => <RevenuePanel {...panel} /> },
    { id: 'dues', label: 'Dues', render: () => <DuesPanel {...panel} /> },
    { id: 'patients', label: 'New vs returning', render: () => <PatientMixPanel {...panel} /> },
    {
      id: 'lists',
      label: 'Lists',
      render: () => (
        <section aria-label="Lists" className="report-actions">
          <Button onClick={() => onExport('appointments', 'xlsx')}>Export appointments (Excel)</Button>
          <Button onClick={() => onExport('appointments', 'csv')}>Export appointments (CSV)</Button>
          <Button onClick={() => onExport('payments', 'xlsx')}>Export payments (Excel)</Button>
          <Button onClick={() => onExport('payments', 'csv')}>Export payments (CSV)</Button>
          {isAdmin && <Button onClick={() => onExport('patients', 'xlsx')}>Export patients registered (Excel)</Button>}
          {ownDoctor !== undefined && (
            <Button onClick={() => void exports.calendar({ from, to, doctorId: ownDoctor }).then((r) => toast(r.message, r.ok ? 'info' : 'error'))}>
              Export schedule to calendar (.ics)
            </Button>
          )}
        </section>
      ),
    },
  ];

  return (
    <div className="reports-screen">
      <div className="screen-head">
        <h1>Reports</h1>
        <span className="spacer" />
        <Button onClick={refresh}>Refresh</Button>
      </div>
      <div className="report-filters" role="group" aria-label="Report filters">
        <Field label="From" type="date" value={from} onChange={(e) => e.target.value && setFrom(e.target.value)} />
        <Field label="To" type="date" value={to} error={rangeProblem} onChange={(e) => e.target.value && setTo(e.target.value)} />
        {isAdmin && (
          <SelectField label="Doctor" value={doctorId ?? ''} onChange={(e) => setDoctorId(e.target.value ? Number(e.target.value) : undefined)}>
            <option value="">All doctors</option>
            {doctors.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </SelectField>
        )}
        {types.length > 0 && (
          <fieldset className="report-types">
            <legend>Appointment types (none ticked: all)</legend>
            {types.map((t) => (
              <label key={t.id} className="ui-check">
                <input
                  type="checkbox"
                  checked={typeIds.includes(t.id)}
                  onChange={(e) => setTypeIds((ids) => (e.target.checked ? [...ids, t.id].sort((a, b) => a - b) : ids.filter((id) => id !== t.id)))}
                />
                {t.active ? t.name : `${t.name} (no longer offered)`}
              </label>
            ))}
          </fieldset>
        )}
        {isAdmin && (
          <>
            <SelectField label="Specialization" value={specialization} onChange={(e) => setSpecialization(e.target.value)}>
              <option value="">All specializations</option>
              {specializations.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </SelectField>
            <SelectField label="Booked or received by" value={userId ?? ''} onChange={(e) => setUserId(e.target.value ? Number(e.target.value) : undefined)}>
              <option value="">Everyone</option>
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName || u.email}
                </option>
              ))}
            </SelectField>
          </>
        )}
        <SelectField label="Group by" value={period} onChange={(e) => setPeriod(e.target.value as Period)}>
          <option value="day">Day</option>
          <option value="week">Week</option>
          <option value="month">Month</option>
        </SelectField>
      </div>
      {!isAdmin && <p className="ui-hint">Your own figures.</p>}
      {rangeProblem ? null : <Tabs label="Reports" tabs={tabs} />}
    </div>
  );
}
