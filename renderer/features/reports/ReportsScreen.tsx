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
import { useT } from '../../i18n/use-t';
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
  const { t } = useT('reports');
  const { value, problem } = useReport('reports.daySheet', { date, doctorId, ...(appointmentTypeIds ? { appointmentTypeIds } : {}) });
  return (
    <section aria-label={t('daySheet.title')}>
      <div className="report-actions">
        <PrintDaySheetButton date={date} doctorId={doctorId} appointmentTypeIds={appointmentTypeIds} />
        <Button onClick={() => onExport('daySheet', 'csv')}>{t('export.csv', { report: t('daySheet.report') })}</Button>
        <Button onClick={() => onExport('daySheet', 'xlsx')}>{t('export.excel', { report: t('daySheet.report') })}</Button>
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
  const { t } = useT('reports');
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
  const rangeProblem = to < from ? t('rangeBackwards') : undefined;
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
      label: t('tab.daySheet'),
      render: () => (
        <>
          <Field label={t('day')} type="date" value={day} onChange={(e) => e.target.value && setDay(e.target.value)} />
          <DaySheetPanel date={day} doctorId={doctorId} appointmentTypeIds={filters.appointmentTypeIds} onExport={onExport} />
        </>
      ),
    },
    { id: 'status', label: t('tab.status'), render: () => <StatusPanel {...panel} /> },
    { id: 'attendance', label: t('tab.attendance'), render: () => <AttendancePanel {...panel} /> },
    { id: 'utilisation', label: t('tab.utilisation'), render: () => <UtilisationPanel {...panel} /> },
    { id: 'revenue', label: t('tab.revenue'), render: () => <RevenuePanel {...panel} /> },
    { id: 'dues', label: t('tab.dues'), render: () => <DuesPanel {...panel} /> },
    { id: 'patients', label: t('tab.patients'), render: () => <PatientMixPanel {...panel} /> },
    {
      id: 'lists',
      label: t('tab.lists'),
      render: () => (
        <section aria-label={t('lists')} className="report-actions">
          <Button onClick={() => onExport('appointments', 'xlsx')}>{t('export.appointmentsExcel')}</Button>
          <Button onClick={() => onExport('appointments', 'csv')}>{t('export.appointmentsCsv')}</Button>
          <Button onClick={() => onExport('payments', 'xlsx')}>{t('export.paymentsExcel')}</Button>
          <Button onClick={() => onExport('payments', 'csv')}>{t('export.paymentsCsv')}</Button>
          {isAdmin && <Button onClick={() => onExport('patients', 'xlsx')}>{t('export.patientsExcel')}</Button>}
          {ownDoctor !== undefined && (
            <Button onClick={() => void exports.calendar({ from, to, doctorId: ownDoctor }).then((r) => toast(r.message, r.ok ? 'info' : 'error'))}>
              {t('export.calendar')}
            </Button>
          )}
        </section>
      ),
    },
  ];

  return (
    <div className="reports-screen">
      <div className="screen-head">
        <h1>{t('title')}</h1>
        <span className="spacer" />
        <Button onClick={refresh}>{t('refresh')}</Button>
      </div>
      <div className="report-filters" role="group" aria-label={t('filters')}>
        <Field label={t('from')} type="date" value={from} onChange={(e) => e.target.value && setFrom(e.target.value)} />
        <Field label={t('to')} type="date" value={to} error={rangeProblem} onChange={(e) => e.target.value && setTo(e.target.value)} />
        {isAdmin && (
          <SelectField label={t('common:doctor')} value={doctorId ?? ''} onChange={(e) => setDoctorId(e.target.value ? Number(e.target.value) : undefined)}>
            <option value="">{t('common:allDoctors')}</option>
            {doctors.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </SelectField>
        )}
        {types.length > 0 && (
          <fieldset className="report-types">
            <legend>{t('types')}</legend>
            {types.map((type) => (
              <label key={type.id} className="ui-check">
                <input
                  type="checkbox"
                  checked={typeIds.includes(type.id)}
                  onChange={(e) => setTypeIds((ids) => (e.target.checked ? [...ids, type.id].sort((a, b) => a - b) : ids.filter((id) => id !== type.id)))}
                />
                {type.active ? type.name : t('retiredType', { name: type.name })}
              </label>
            ))}
          </fieldset>
        )}
        {isAdmin && (
          <>
            <SelectField label={t('specialization')} value={specialization} onChange={(e) => setSpecialization(e.target.value)}>
              <option value="">{t('allSpecializations')}</option>
              {specializations.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('bookedBy')} value={userId ?? ''} onChange={(e) => setUserId(e.target.value ? Number(e.target.value) : undefined)}>
              <option value="">{t('everyone')}</option>
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName || u.email}
                </option>
              ))}
            </SelectField>
          </>
        )}
        <SelectField label={t('groupBy')} value={period} onChange={(e) => setPeriod(e.target.value as Period)}>
          <option value="day">{t('period.day')}</option>
          <option value="week">{t('period.week')}</option>
          <option value="month">{t('period.month')}</option>
        </SelectField>
      </div>
      {!isAdmin && <p className="ui-hint">{t('ownFigures')}</p>}
      {rangeProblem ? null : <Tabs label={t('tabs')} tabs={tabs} />}
    </div>
  );
}
