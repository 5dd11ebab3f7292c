import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppointmentDto } from '../../preload/contract';
import { scheduledAppointment } from './fake-desk';
import { fakeClinic, installClinic } from './fake-clinic';

const appointment = (id: number, date: string): AppointmentDto =>
  scheduledAppointment({ id, patientId: 1, patientName: 'Asha Verma', patientPhone: null, doctorId: 1, doctorName: 'Dr. Anil Rao', date, startTime: '09:00:00', endTime: '09:15:00', reason: null });

describe('NeighbourCache', () => {
  let book: AppointmentDto[];
  let fake: ReturnType<typeof fakeClinic>;
  let cache: import('../../renderer/features/schedule/neighbour-cache').NeighbourCache;
  let stop: () => void;
  // The prefetch's reply is in (the fake answers at once): the cache knows which appointments it holds.
  const settled = () => new Promise((resolve) => setTimeout(resolve, 20));
  const listCalls = () => fake.calls.filter((c) => c.channel === 'appointments.list').length;
  const idsOf = async (date: string) => {
    const r = await cache.takeOrFetch([1], date, date);
    if (!r.ok) throw new Error(r.message);
    return r.value.appointments.map((a) => a.id);
  };

  beforeEach(async () => {
    book = [appointment(1, '2030-03-05'), appointment(2, '2030-03-06')];
    fake = fakeClinic({
      'appointments.list': (req) => ({ ok: true, value: book.filter((a) => a.date >= req.from && a.date <= req.to) }),
      'availability.range': () => ({ ok: true, value: [] }),
    });
    installClinic(fake.api);
    vi.resetModules();
    const { NeighbourCache } = await import('../../renderer/features/schedule/neighbour-cache');
    cache = new NeighbourCache();
    stop = cache.listen();
  });

  it('hands over a prefetched range without asking again, once', async () => {
    cache.prefetch([1], [{ from: '2030-03-05', to: '2030-03-05' }]);
    expect(await idsOf('2030-03-05')).toEqual([1]);
    expect(listCalls()).toBe(1);
    await idsOf('2030-03-05');
    expect(listCalls()).toBe(2);
  });

  it('drops a kept range when a change touches its doctor and days, even while its fetch is under way', async () => {
    cache.prefetch([1], [{ from: '2030-03-05', to: '2030-03-05' }]);
    book.push(appointment(3, '2030-03-05'));
    fake.emit('appointments.changed', { op: 'INSERT', id: 3, doctorId: 1, patientId: 1, appointmentId: null, date: '2030-03-05', oldDoctorId: null, oldDate: null });
    expect(await idsOf('2030-03-05')).toEqual([1, 3]);
  });

  it('drops a kept range whose appointment moved to a day it does not hold', async () => {
    cache.prefetch([1], [{ from: '2030-03-05', to: '2030-03-05' }]);
    await settled();
    book[0] = appointment(1, '2030-04-01');
    fake.emit('appointments.changed', { op: 'UPDATE', id: 1, doctorId: 1, patientId: 1, appointmentId: null, date: '2030-04-01', oldDoctorId: 1, oldDate: '2030-03-05' });
    expect(await idsOf('2030-03-05')).toEqual([]);
  });

  it('keeps a range that a change elsewhere does not touch', async () => {
    cache.prefetch([1], [{ from: '2030-03-05', to: '2030-03-05' }]);
    await settled();
    fake.emit('appointments.changed', { op: 'INSERT', id: 9, doctorId: 2, patientId: 1, appointmentId: null, date: '2030-03-05', oldDoctorId: null, oldDate: null });
    fake.emit('appointments.changed', { op: 'INSERT', id: 10, doctorId: 1, patientId: 1, appointmentId: null, date: '2030-03-07', oldDoctorId: null, oldDate: null });
    await idsOf('2030-03-05');
    expect(listCalls()).toBe(1);
  });

  it('forgets everything on a resync and when the screen goes', async () => {
    cache.prefetch([1], [{ from: '2030-03-05', to: '2030-03-05' }]);
    fake.emit('resync', { reason: 'reconnected' });
    await idsOf('2030-03-05');
    expect(listCalls()).toBe(2);
    cache.prefetch([1], [{ from: '2030-03-06', to: '2030-03-06' }]);
    stop();
    await idsOf('2030-03-06');
    expect(listCalls()).toBe(4);
  });
});
