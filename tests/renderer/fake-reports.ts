import type { ReportFilters, Role } from '../../preload/contract';
import { groupBy } from '../../preload/contract/group-by';
import type { FakeHandlers } from './fake-clinic';
import type { fakeDesk } from './fake-desk';

type Desk = ReturnType<typeof fakeDesk>;

const ok = <T>(value: T) => ({ ok: true as const, value });
const forbidden = (message: string, field?: string) => ({ ok: false as const, error: { code: 'FORBIDDEN' as const, message, ...(field ? { field } : {}) } });
const cents = (amount: string) => Math.round(Number(amount) * 100);
const money = (c: number) => (c / 100).toFixed(2);
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/**
 * The report channels over the fake desk's appointments and payments, answering as main does:
 * the same scope rule (a DOCTOR is held to their own doctor, anyone else but an ADMIN refused),
 * the same counting rules, replies checked against the contract by fakeClinic.
 */
export function fakeReports(desk: Desk, role: Role, ownDoctorId = 1): FakeHandlers {
  const scope = <F extends { doctorId?: number }>(f: F): F | { refused: ReturnType<typeof forbidden> } => {
    if (role === 'ADMIN') return f;
    if (role !== 'DOCTOR') return { refused: forbidden('Reports are for administrators and doctors.') };
    if (f.doctorId !== undefined && f.doctorId !== ownDoctorId) return { refused: forbidden('A doctor can see only their own figures.', 'doctorId') };
    return { ...f, doctorId: ownDoctorId };
  };
  const doctorOf = (id: number) => desk.state.doctors.find((d) => d.id === id)!;
  // As main: an untyped appointment is of no type.
  const ofTypes = (a: { appointmentTypeId?: number | null }, typeIds: number[] | undefined) =>
    typeIds === undefined || (a.appointmentTypeId != null && typeIds.includes(a.appointmentTypeId));
  const inRange = (f: ReportFilters) =>
    desk.state.appointments.filter(
      (a) =>
        a.date >= f.from &&
        a.date <= f.to &&
        (f.doctorId === undefined || a.doctorId === f.doctorId) &&
        (f.specialization === undefined || doctorOf(a.doctorId).specialization === f.specialization) &&
        ofTypes(a, f.appointmentTypeIds),
    );
  const held = (appointmentId: number) =>
    desk.state.payments.filter((p) => p.appointmentId === appointmentId && p.status !== 'PENDING').reduce((s, p) => s + cents(p.amount), 0);
  const byDoctorName = <T extends { doctorName: string }>(rows: T[]) => rows.sort((a, b) => a.doctorName.localeCompare(b.doctorName));

  return {
    'reports.daySheet': (req) => {
      const s = scope(req);
      if ('refused' in s) return s.refused;
      const day = desk.state.appointments.filter(
        (a) => a.date === s.date && a.status !== 'CANCELLED' && (s.doctorId === undefined || a.doctorId === s.doctorId) && ofTypes(a, s.appointmentTypeIds),
      );
      const doctors = byDoctorName(
        [...groupBy(day, (a) => a.doctorId).entries()].map(([doctorId, rows]) => ({
          doctorId,
          doctorName: doctorOf(doctorId).name,
          specialization: doctorOf(doctorId).specialization,
          rows: rows
            .sort((a, b) => a.startTime.localeCompare(b.startTime))
            .map((a) => {
              const patient = desk.state.patients.find((p) => p.id === a.patientId)!;
              const paid = held(a.id);
              const fee = cents(doctorOf(a.doctorId).consultationFee ?? '0');
              const born = patient.dateOfBirth;
              const age = born ? Number(s.date.slice(0, 4)) - Number(born.slice(0, 4)) - (s.date.slice(5) < born.slice(5) ? 1 : 0) : null;
              return {
                appointmentId: a.id,
                startTime: a.startTime.slice(0, 5),
                endTime: a.endTime.slice(0, 5),
                tokenNo: a.tokenNo,
                patientId: a.patientId,
                patientName: a.patientName,
                age,
                reason: a.reason,
                phone: patient.phone,
                status: a.status,
                paid: money(paid),
                payment: paid <= 0 ? ('UNPAID' as const) : fee <= paid ? ('PAID' as const) : ('PART' as const),
              };
            }),
        })),
      );
      return ok({ date: s.date, timeZone: 'UTC', clinicName: 'Sunrise Clinic', currency: 'INR', doctors });
    },
    'reports.statusOverTime': ({ filters, period }) => {
      const f = scope(filters);
      if ('refused' in f) return f.refused;
      const rows = [...groupBy(inRange(f), (a) => a.date).entries()].sort().map(([start, list]) => {
        const count = (status: string) => list.filter((a) => a.status === status).length;
        return {
          start,
          scheduled: count('SCHEDULED'),
          completed: count('COMPLETED'),
          cancelled: count('CANCELLED'),
          noShow: count('NO_SHOW'),
          total: list.length,
        };
      });
      // The fake keeps its appointments on one day, so every period groups them alike.
      return ok({ period: period ?? 'day', rows });
    },
    'reports.attendance': (filters) => {
      const f = scope(filters);
      if ('refused' in f) return f.refused;
      const list = inRange(f);
      const rates = (rows: typeof list) => ({
        total: rows.length,
        noShows: rows.filter((a) => a.status === 'NO_SHOW').length,
        cancellations: rows.filter((a) => a.status === 'CANCELLED').length,
      });
      const byDoctor = byDoctorName(
        [...groupBy(list, (a) => a.doctorId).entries()].map(([doctorId, rows]) => ({ doctorId, doctorName: doctorOf(doctorId).name, ...rates(rows) })),
      );
      const weekday = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
      const heatMap = [...groupBy(list, (a) => `${weekday(a.date)}:${Number(a.startTime.slice(0, 2))}`).entries()]
        .map(([key, rows]) => ({ weekday: Number(key.split(':')[0]), hour: Number(key.split(':')[1]), ...rates(rows) }))
        .sort((a, b) => a.weekday - b.weekday || a.hour - b.hour);
      const labels = ['same day', '1–2 days', '3–7 days', '8–30 days', 'over 30 days'];
      // Booked on the day in the fake: every one is "same day".
      const booked = list.filter((a) => !a.isWalkIn).length;
      return ok({
        byDoctor,
        heatMap,
        leadTime: {
          appointments: booked,
          averageDays: booked ? '0.0' : null,
          medianDays: booked ? 0 : null,
          buckets: labels.map((label, i) => ({ label, count: i === 0 ? booked : 0 })),
        },
      });
    },
    'reports.utilisation': (filters) => {
      const f = scope(filters);
      if ('refused' in f) return f.refused;
      const windows = desk.state.windows.filter(
        (w) => w.date >= f.from && w.date <= f.to && w.available && (f.doctorId === undefined || w.doctorId === f.doctorId),
      );
      const ids = [...new Set([...windows.map((w) => w.doctorId), ...inRange(f).map((a) => a.doctorId)])];
      const length = (x: { startTime: string; endTime: string }) => minutes(x.endTime) - minutes(x.startTime);
      const rows = ids.map((id) => {
        const appts = inRange(f).filter((a) => a.doctorId === id);
        return {
          doctorId: id,
          doctorName: doctorOf(id).name,
          availableMinutes: windows.filter((w) => w.doctorId === id).reduce((s, w) => s + length(w), 0),
          bookedMinutes: appts.filter((a) => a.status !== 'CANCELLED').reduce((s, a) => s + length(a), 0),
          seenMinutes: appts.filter((a) => a.status === 'COMPLETED').reduce((s, a) => s + length(a), 0),
        };
      });
      return ok({ rows: byDoctorName(rows) });
    },
    'reports.revenue': (filters) => {
      const f = scope(filters);
      if ('refused' in f) return f.refused;
      const moved = desk.state.payments.filter((p) => {
        const a = desk.state.appointments.find((x) => x.id === p.appointmentId)!;
        const day = p.paidAt?.slice(0, 10);
        return (
          p.status !== 'PENDING' &&
          day !== undefined &&
          day >= f.from &&
          day <= f.to &&
          (f.doctorId === undefined || a.doctorId === f.doctorId) &&
          ofTypes(a, f.appointmentTypeIds)
        );
      });
      const sums = (rows: typeof moved) => {
        const amounts = rows.map((p) => cents(p.amount));
        const received = amounts.filter((c) => c > 0).reduce((s, c) => s + c, 0);
        const refunded = -amounts.filter((c) => c < 0).reduce((s, c) => s + c, 0);
        return {
          currency: 'INR',
          received: money(received),
          refunded: money(refunded),
          net: money(received - refunded),
          payments: amounts.filter((c) => c > 0).length,
          refunds: amounts.filter((c) => c < 0).length,
        };
      };
      const doctorOfPayment = (p: (typeof moved)[number]) => desk.state.appointments.find((a) => a.id === p.appointmentId)!.doctorId;
      return ok({
        totals: moved.length ? [sums(moved)] : [],
        byDoctor: byDoctorName(
          [...groupBy(moved, doctorOfPayment).entries()].map(([id, rows]) => ({ doctorId: id, doctorName: doctorOf(id).name, ...sums(rows) })),
        ),
        byMethod: [...groupBy(moved, (p) => p.method).entries()].map(([method, rows]) => ({ method, ...sums(rows) })),
        byUser: [...groupBy(moved, (p) => p.receivedBy).entries()].map(([userId, rows]) => ({ userId, userName: rows[0]!.receivedByName, ...sums(rows) })),
      });
    },
    'reports.dues': (filters) => {
      const f = scope(filters);
      if ('refused' in f) return f.refused;
      const buckets = ['0–30 days', '31–60 days', '61–90 days', 'over 90 days'] as const;
      // The fake's appointments are all today: every age is 0 days.
      const owed = inRange(f)
        .filter((a) => a.status === 'COMPLETED')
        .map((a) => ({ a, due: Math.max(cents(doctorOf(a.doctorId).consultationFee ?? '0') - held(a.id), 0) }))
        .filter((x) => x.due > 0);
      const total = owed.reduce((s, x) => s + x.due, 0);
      return ok({
        asOf: f.to,
        currency: 'INR',
        dues: buckets.map((bucket, i) => ({ bucket, appointments: i === 0 ? owed.length : 0, amount: money(i === 0 ? total : 0) })),
        advances: buckets.map((bucket) => ({ bucket, appointments: 0, amount: '0.00' })),
        byDoctor: byDoctorName(
          [...groupBy(owed, (x) => x.a.doctorId).entries()].map(([id, rows]) => ({
            doctorId: id,
            doctorName: doctorOf(id).name,
            dues: money(rows.reduce((s, x) => s + x.due, 0)),
            advances: '0.00',
          })),
        ),
      });
    },
    'reports.patientMix': ({ filters, period }) => {
      const f = scope(filters);
      if ('refused' in f) return f.refused;
      const rows = [
        ...groupBy(
          inRange(f).filter((a) => a.status !== 'CANCELLED'),
          (a) => a.date,
        ).entries(),
      ]
        .sort()
        .map(([start, list]) => {
          const patients = [...new Set(list.map((a) => a.patientId))];
          const earlier = (id: number) => desk.state.appointments.some((a) => a.patientId === id && a.status !== 'CANCELLED' && a.date < start);
          return { start, newPatients: patients.filter((id) => !earlier(id)).length, returningPatients: patients.filter(earlier).length };
        });
      return ok({ period: period ?? 'day', rows });
    },
    'reports.export': (req) => {
      const f = scope(req.filters);
      if ('refused' in f) return f.refused;
      if (req.kind === 'patients' && role !== 'ADMIN') return forbidden('Only an administrator can export the patient list.', 'kind');
      return ok({
        fileName: `${req.kind}.${req.format}`,
        rows: inRange(f).length,
        savedTo: `/home/desk/Downloads/${req.kind}.${req.format}`,
        downloadId: null,
      });
    },
    'reports.calendar': (req) => {
      const f = scope(req);
      if ('refused' in f) return f.refused;
      return ok({
        fileName: 'schedule.ics',
        rows: inRange({ from: f.from, to: f.to, doctorId: f.doctorId }).length,
        savedTo: '/home/desk/Downloads/schedule.ics',
        downloadId: null,
      });
    },
  };
}
