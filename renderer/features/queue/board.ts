import type { AppointmentDto, DayMoneyDto, Res } from '../../../preload/contract';

export type DoctorQueue = Res<'appointments.queue'>[number];
export type QueueEntry = DoctorQueue['waiting'][number];
type DayMoneyRow = DayMoneyDto['appointments'][number];
/** The day's money by appointment id. */
export type DayMoney = ReadonlyMap<number, DayMoneyRow>;

/** Where a patient's money stands, as the board marks it; none when there is nothing to say (no fee, nothing taken). */
export type MoneyState = 'PAID' | 'PENDING' | 'UNPAID';

// Sums arrive as exact decimal strings: "more than zero" is any non-zero digit, never a float.
const positive = (amount: string | null) => amount !== null && /[1-9]/.test(amount);

/** Owed only once seen: before the consultation a fee not yet taken is no debt. */
export function moneyStateOf(a: AppointmentDto, money: DayMoneyRow | undefined): MoneyState | undefined {
  if (!money) return undefined;
  if (positive(money.pending)) return 'PENDING';
  if (a.status === 'COMPLETED' && positive(money.due)) return 'UNPAID';
  if (positive(money.balance) && !positive(money.due)) return 'PAID';
  return undefined;
}

/** The board's counts, and what each one filters the board to when pressed. */
export const COUNTS = ['expected', 'waiting', 'withDoctor', 'seen', 'noShow', 'unpaid'] as const;
export type CountKey = (typeof COUNTS)[number];

/** How a list of the day is headed and named: across doctors, or on one doctor's column (a smaller heading, no doctor column). */
export interface ListTitle {
  heading: string;
  label: string;
  ofDoctor: boolean;
}

export interface BoardFilter {
  doctorId?: number;
  /** What the desk typed: part of a name, a phone number's digits, or a token number. */
  search: string;
  status?: CountKey;
}

/** One doctor's day on the board: the waiting room in call order, who is still expected, who has been seen. */
export interface DoctorColumn {
  doctorId: number;
  doctorName: string;
  /** From the waiting room (absent when nobody of this doctor's has checked in). */
  queue?: DoctorQueue;
  waiting: QueueEntry[];
  expected: AppointmentDto[];
  seen: AppointmentDto[];
  /** Who comes in next: the first checked-in patient not yet with the doctor, else the next one expected. */
  next?: { appointment: AppointmentDto; checkedIn: boolean };
}

export interface Board {
  counts: Record<CountKey, number>;
  doctors: DoctorColumn[];
  /** The pending payments of the appointments the doctor and search filters leave. */
  pending: DayMoneyDto['pending'];
}

const digits = (s: string) => s.replace(/\D/g, '');

function matcher(search: string) {
  const typed = search.trim().toLowerCase();
  if (!typed) return () => true;
  // A number typed is a token or part of a phone number; anything else, part of a name.
  if (/^[\d\s+()-]+$/.test(typed)) {
    const wanted = digits(typed);
    return (a: AppointmentDto) => String(a.tokenNo) === wanted || digits(a.patientPhone ?? '').includes(wanted);
  }
  return (a: AppointmentDto) => a.patientName.toLowerCase().includes(typed);
}

const isExpected = (a: AppointmentDto) => a.status === 'SCHEDULED' && !a.checkedInAt;

/**
 * Today as a board: counts over what the doctor and search filters leave (so they say what the
 * desk is looking at), then the status filter narrows the rows. Doctors come in the clinic's
 * order, only those with someone on the board.
 */
export function boardOf(
  doctors: readonly { id: number; name: string }[],
  appointments: readonly AppointmentDto[],
  queue: readonly DoctorQueue[],
  money: DayMoney,
  pending: DayMoneyDto['pending'],
  filter: BoardFilter,
): Board {
  const matches = matcher(filter.search);
  const wanted = (a: AppointmentDto) => (filter.doctorId === undefined || a.doctorId === filter.doctorId) && matches(a);
  const day = appointments.filter(wanted);
  const entries = queue.flatMap((d) => d.waiting).filter((e) => wanted(e.appointment));
  const unpaid = (a: AppointmentDto) => moneyStateOf(a, money.get(a.id)) === 'UNPAID';
  const counts: Record<CountKey, number> = {
    expected: day.filter(isExpected).length,
    waiting: entries.filter((e) => e.stage !== 'WITH_DOCTOR').length,
    withDoctor: entries.filter((e) => e.stage === 'WITH_DOCTOR').length,
    seen: day.filter((a) => a.status === 'COMPLETED').length,
    noShow: day.filter((a) => a.status === 'NO_SHOW').length,
    unpaid: day.filter(unpaid).length,
  };

  const status = filter.status;
  const showEntry = (e: QueueEntry) => !status || (status === 'withDoctor' ? e.stage === 'WITH_DOCTOR' : status === 'waiting' && e.stage !== 'WITH_DOCTOR');
  const showExpected = !status || status === 'expected';
  const showSeen = (a: AppointmentDto) =>
    (a.status === 'COMPLETED' && (!status || status === 'seen' || (status === 'unpaid' && unpaid(a)))) ||
    (a.status === 'NO_SHOW' && (!status || status === 'noShow'));

  // A doctor no longer listed (made inactive since) still has today's patients on the board.
  const named = new Map(doctors.map((d) => [d.id, d.name]));
  for (const a of appointments) if (!named.has(a.doctorId)) named.set(a.doctorId, a.doctorName);
  const columns = [...named].map(([doctorId, doctorName]): DoctorColumn => {
    const mine = day.filter((a) => a.doctorId === doctorId);
    const doctorQueue = queue.find((q) => q.doctorId === doctorId);
    const waiting = (doctorQueue?.waiting ?? []).filter((e) => wanted(e.appointment));
    const expected = mine.filter(isExpected);
    const nextWaiting = waiting.find((e) => e.stage !== 'WITH_DOCTOR');
    const next = nextWaiting ? { appointment: nextWaiting.appointment, checkedIn: true } : expected[0] && { appointment: expected[0], checkedIn: false };
    return {
      doctorId,
      doctorName,
      queue: doctorQueue,
      waiting: waiting.filter(showEntry),
      expected: showExpected ? expected : [],
      seen: mine.filter(showSeen),
      next,
    };
  });
  const shown = new Set(day.map((a) => a.id));
  return {
    counts,
    doctors: columns.filter((c) => c.waiting.length + c.expected.length + c.seen.length > 0),
    pending: pending.filter((p) => shown.has(p.appointmentId)),
  };
}
