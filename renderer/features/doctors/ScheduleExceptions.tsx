import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { addExceptionSchema, type AvailabilityWindow, type CallError, type DoctorDto, type Req, type Res } from '../../../preload/contract';
import { clinic } from '../../api/clinic';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field, SelectField } from '../../ui/Field';
import { hhmm, shiftDate, withWeekday } from '../../lib/dates';
import { contractProblem, errorsFor } from '../../ui/form-errors';
import { Table, type Column } from '../../ui/Table';
import { toast } from '../../ui/toasts';
import { BlockedDialog, type Stranded } from './BlockedDialog';

const SHOWN_DAYS = 28;
const REFETCH_AFTER_MS = 50;
const KIND_NAMES = { TEMPLATE: 'Working hours', EXTRA: 'Extra hours', LEAVE: 'Leave' } as const;
const FIELDS = ['kind', 'date', 'startTime', 'endTime', 'slotMinutes', 'note'];

type ChangeResult = Res<'availability.addException'>;
type Retry = (cancelBooked: { reason: string }) => ReturnType<typeof clinic.availability.removeWindow>;

const hours = (w: { startTime: string; endTime: string }) => (w.startTime === '00:00:00' && w.endTime === '24:00:00' ? 'Whole day' : `${hhmm(w.startTime)}–${hhmm(w.endTime)}`);
const describe = (w: AvailabilityWindow) => `${KIND_NAMES[w.kind]} on ${w.date} ${hours(w)}`;

const cancelledNote = (n: number) => (n > 0 ? `; ${n} appointment${n === 1 ? '' : 's'} cancelled` : '');

/**
 * Leave and extra hours for one doctor, and the calendar windows of the coming weeks with a way
 * to take one out. Changes that would strand booked patients go through BlockedDialog.
 */
export function ScheduleExceptions({ doctor, today }: { doctor: DoctorDto; today: string }) {
  const [form, setForm] = useState({ kind: 'LEAVE' as 'LEAVE' | 'EXTRA', date: today, wholeDay: true, startTime: '', endTime: '', slotMinutes: '', note: '' });
  const [error, setError] = useState<CallError>();
  const [busy, setBusy] = useState(false);
  const [from, setFrom] = useState(today);
  const [windows, setWindows] = useState<AvailabilityWindow[]>();
  const [listProblem, setListProblem] = useState<string>();
  const [blocked, setBlocked] = useState<{ appointments: Stranded; retry: Retry; done(cancelled: number): void }>();
  const { at, formMessage } = errorsFor(error, FIELDS);

  const to = shiftDate(from, SHOWN_DAYS - 1);
  const latest = useRef(0);
  const load = useCallback(async () => {
    // Only the newest answer is shown, whatever order the replies come back in.
    const asked = ++latest.current;
    const r = await clinic.availability.range({ doctorIds: [doctor.id], from, to });
    if (asked !== latest.current) return;
    if (r.ok) {
      setWindows(r.value);
      setListProblem(undefined);
    } else setListProblem(r.error.message);
  }, [doctor.id, from, to]);

  useEffect(() => {
    void load();
    // Another PC (or the doctor themself) may change this schedule at any time. Main sends one
    // event per doctor and day, so filling a month is a burst of them: one refetch after it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void load(), REFETCH_AFTER_MS);
    };
    const offChange = clinic.on('availability.changed', (c) => {
      const ours = c.doctorId === null || c.doctorId === doctor.id;
      const shown = c.date === null || (c.date >= from && c.date <= to);
      if (ours && shown) soon();
    });
    const offResync = clinic.on('resync', soon);
    return () => {
      clearTimeout(timer);
      offChange();
      offResync();
    };
  }, [load, doctor.id, from, to]);

  /** What the form asks for, as the contract words it. */
  function request(): Req<'availability.addException'> {
    const timed = form.kind === 'EXTRA' || !form.wholeDay;
    return {
      doctorId: doctor.id,
      date: form.date,
      kind: form.kind,
      ...(timed ? { startTime: form.startTime, endTime: form.endTime } : {}),
      ...(form.kind === 'EXTRA' && form.slotMinutes.trim() ? { slotMinutes: Number(form.slotMinutes) } : {}),
      ...(form.note.trim() ? { note: form.note } : {}),
    };
  }

  function saved(result: Extract<ChangeResult, { status: 'saved' }>) {
    toast(`${form.kind === 'LEAVE' ? 'Leave' : 'Extra hours'} added for ${doctor.name} on ${form.date}${cancelledNote(result.cancelledAppointments)}`);
    setForm({ ...form, note: '' });
    void load();
  }

  async function add(e: FormEvent) {
    e.preventDefault();
    const req = request();
    const local =
      form.kind === 'EXTRA' && form.slotMinutes.trim() && !/^\d+$/.test(form.slotMinutes.trim())
        ? { code: 'INVALID' as const, field: 'slotMinutes', message: 'Enter the minutes per slot as a whole number' }
        : contractProblem(addExceptionSchema, req);
    if (local) return setError(local);
    setBusy(true);
    const r = await clinic.availability.addException(req);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(undefined);
    if (r.value.status === 'saved') return saved(r.value);
    setBlocked({
      appointments: r.value.appointments,
      retry: (cancelBooked) => clinic.availability.addException({ ...req, cancelBooked }),
      done: (cancelled) => saved({ status: 'saved', window: null, cancelledAppointments: cancelled }),
    });
  }

  async function remove(w: AvailabilityWindow) {
    const done = (cancelled: number) => {
      toast(`${describe(w)} removed${cancelledNote(cancelled)}`);
      void load();
    };
    const r = await clinic.availability.removeWindow({ id: w.id });
    if (!r.ok) return toast(r.error.message, 'error');
    if (r.value.status === 'saved') return done(r.value.cancelledAppointments);
    setBlocked({ appointments: r.value.appointments, retry: (cancelBooked) => clinic.availability.removeWindow({ id: w.id, cancelBooked }), done });
  }

  const columns: Column<AvailabilityWindow>[] = [
    { header: 'Date', cell: (w) => withWeekday(w.date) },
    { header: 'Hours', cell: hours },
    { header: 'Kind', cell: (w) => KIND_NAMES[w.kind] },
    { header: 'Minutes per slot', cell: (w) => (w.available ? w.slotMinutes : '—') },
    { header: 'Note', cell: (w) => w.note ?? '' },
    {
      header: 'Actions',
      cell: (w) => (
        <Button variant="danger" aria-label={`Remove ${describe(w)}`} onClick={() => void remove(w)}>
          Remove
        </Button>
      ),
    },
  ];
  const timed = form.kind === 'EXTRA' || !form.wholeDay;

  return (
    <section className="ui-panel" aria-labelledby="exceptions-title">
      <h3 id="exceptions-title">Leave and extra hours</h3>
      <form className="ui-form" onSubmit={add} noValidate aria-labelledby="exceptions-title">
        {formMessage && <Banner tone="error">{formMessage}</Banner>}
        <div className="ui-row">
          <SelectField label="Kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as 'LEAVE' | 'EXTRA' })} error={at('kind')}>
            <option value="LEAVE">Leave</option>
            <option value="EXTRA">Extra hours</option>
          </SelectField>
          <Field label="Date" type="date" value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} error={at('date')} />
          {form.kind === 'LEAVE' && (
            <label className="ui-field-check">
              <input type="checkbox" checked={form.wholeDay} onChange={(e) => setForm({ ...form, wholeDay: e.target.checked })} />
              Whole day
            </label>
          )}
        </div>
        {timed && (
          <div className="ui-row">
            <Field label="From" type="time" value={form.startTime} onChange={(e) => setForm({ ...form, startTime: e.target.value })} error={at('startTime')} />
            <Field label="Until" type="time" value={form.endTime} onChange={(e) => setForm({ ...form, endTime: e.target.value })} error={at('endTime')} />
            {form.kind === 'EXTRA' && (
              <Field label="Minutes per slot" inputMode="numeric" value={form.slotMinutes} onChange={(e) => setForm({ ...form, slotMinutes: e.target.value })} error={at('slotMinutes')} hint="Empty: the clinic's usual length" />
            )}
          </div>
        )}
        <Field label="Note" value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} error={at('note')} hint="Such as “conference” (optional)" />
        <div className="ui-actions">
          <Button variant="primary" type="submit" disabled={busy}>
            {busy ? 'Adding…' : form.kind === 'LEAVE' ? 'Add the leave' : 'Add the extra hours'}
          </Button>
        </div>
      </form>

      <h3 id="windows-title">Calendar for the next four weeks</h3>
      <Field label="Show the four weeks from" type="date" value={from} onChange={(e) => e.target.value && setFrom(e.target.value)} />
      {listProblem && <Banner tone="error">{listProblem}</Banner>}
      {windows ? <Table label="Calendar windows" columns={columns} rows={windows} empty="Nothing in the calendar for these weeks." /> : !listProblem && <p className="ui-hint">Loading…</p>}
      {blocked && (
        <BlockedDialog
          appointments={blocked.appointments}
          retry={blocked.retry}
          onClose={() => setBlocked(undefined)}
          onDone={(cancelled) => {
            setBlocked(undefined);
            blocked.done(cancelled);
          }}
        />
      )}
    </section>
  );
}
