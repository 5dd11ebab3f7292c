import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChangeFeed, type RowChange } from '../../main/db/changes';
import { COALESCE_MAX_WAIT_MS, COALESCE_QUIET_MS, forwardChanges } from '../../main/events/hub';

interface Sent {
  event: string;
  payload: unknown;
  at: number;
}

const availability = (id: number, doctorId = 7, date = '2026-12-03'): RowChange => ({
  table: 'doctor_availabilities',
  op: 'INSERT',
  id,
  doctor_id: doctorId,
  patient_id: null,
  appointment_id: null,
  date,
  old_doctor_id: null,
  old_date: null,
});

const appointment = (id: number, op: RowChange['op'] = 'UPDATE'): RowChange => ({
  table: 'appointment_entities',
  op,
  id,
  doctor_id: 7,
  patient_id: 9,
  appointment_id: null,
  date: '2026-12-03',
  old_doctor_id: null,
  old_date: null,
});

describe('coalescing database changes into window events', () => {
  let feed: ChangeFeed;
  let sent: Sent[];
  let stop: () => void;
  let start: number;

  beforeEach(() => {
    vi.useFakeTimers();
    start = Date.now();
    feed = new ChangeFeed();
    sent = [];
    stop = forwardChanges(feed, (event, payload) => sent.push({ event, payload, at: Date.now() - start }));
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('sends a lone change once the burst is quiet, a few milliseconds later', () => {
    feed.emit('change', appointment(1, 'INSERT'));
    vi.advanceTimersByTime(COALESCE_QUIET_MS - 1);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(5);
    expect(sent).toEqual([
      {
        event: 'appointments.changed',
        payload: { op: 'INSERT', id: 1, doctorId: 7, patientId: 9, appointmentId: null, date: '2026-12-03', oldDoctorId: null, oldDate: null },
        at: expect.any(Number),
      },
    ]);
    expect(sent[0]!.at).toBeLessThanOrEqual(COALESCE_QUIET_MS + 5);
  });

  it('keeps one burst whose notifications arrive in reads spread beyond the quiet time in total', () => {
    // One transaction's notifications in chunks 30 ms apart: 300 ms from first to last.
    for (let chunk = 0; chunk < 10; chunk++) {
      for (let i = 0; i < 100; i++) feed.emit('change', availability(chunk * 100 + i));
      vi.advanceTimersByTime(30);
    }
    vi.advanceTimersByTime(COALESCE_QUIET_MS + 5);
    expect(sent.map((s) => s.event)).toEqual(['availability.changed']);
    expect(sent[0]!.payload).toMatchObject({ doctorId: 7, date: '2026-12-03', id: 999 });
  });

  it('keeps one event per doctor and day, and each distinct appointment change', () => {
    for (let i = 0; i < 50; i++) {
      feed.emit('change', availability(i, 7, '2026-12-03'));
      feed.emit('change', availability(100 + i, 7, '2026-12-04'));
      feed.emit('change', availability(200 + i, 8, '2026-12-03'));
    }
    feed.emit('change', appointment(1));
    feed.emit('change', appointment(1)); // the same change twice: sent once
    feed.emit('change', appointment(2));
    vi.advanceTimersByTime(COALESCE_QUIET_MS + 5);
    const keys = sent.map((s) => {
      const p = s.payload as { doctorId: number; date: string; id: number };
      return s.event === 'availability.changed' ? `${p.doctorId}|${p.date}` : `appointment ${p.id}`;
    });
    expect(keys.sort()).toEqual(['7|2026-12-03', '7|2026-12-04', '8|2026-12-03', 'appointment 1', 'appointment 2']);
  });

  it('under a steady stream still sends within the maximum wait', () => {
    for (let i = 0; i < 300; i++) {
      feed.emit('change', availability(i));
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(COALESCE_QUIET_MS + 5);
    expect(sent.length).toBeGreaterThanOrEqual(Math.floor(3000 / (COALESCE_MAX_WAIT_MS + 10)));
    expect(sent[0]!.at).toBeLessThanOrEqual(COALESCE_MAX_WAIT_MS + 15);
    const gaps = sent.slice(1).map((s, i) => s.at - sent[i]!.at);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(COALESCE_MAX_WAIT_MS + 15);
  });

  it('passes resync and connection changes straight through, and stops cleanly with changes pending', () => {
    feed.emit('change', appointment(3));
    feed.emit('resync', 'reconnected to the clinic database');
    feed.setOnline(false);
    expect(sent.map((s) => s.event)).toEqual(['resync', 'connection.changed']);
    stop();
    vi.advanceTimersByTime(COALESCE_MAX_WAIT_MS * 2);
    expect(sent.map((s) => s.event)).toEqual(['resync', 'connection.changed']);
    expect(vi.getTimerCount()).toBe(0);
  });
});
