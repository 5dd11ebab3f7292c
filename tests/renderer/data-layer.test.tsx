import { QueryClient, QueryObserver, defaultScheduler, notifyManager } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { AppointmentDto, ChangeEvent, ChannelName, Req } from '../../preload/contract';
import { writeReply } from '../../renderer/api/cache-writes';
import { newQueryClient } from '../../renderer/api/context';
import { followChanges } from '../../renderer/api/invalidation';
import { clinicQueryOptions } from '../../renderer/api/query';
import { touches } from '../../renderer/api/touches';
import { scheduledAppointment } from './fake-desk';
import { fakeClinic, sessionFor } from './fake-clinic';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { ClinicProvider } from '../../renderer/api/context';
import { useAcrossDoctors } from '../../renderer/features/appointments/fetch-range';

const change = (c: Partial<ChangeEvent>): ChangeEvent => ({
  op: 'UPDATE',
  id: 1,
  doctorId: 1,
  patientId: 1,
  appointmentId: null,
  date: '2099-01-05',
  oldDoctorId: null,
  oldDate: null,
  ...c,
});
const appointment = (id: number, doctorId: number, date: string, startTime = '09:00:00') =>
  scheduledAppointment({
    id,
    patientId: 1,
    patientName: 'Asha Verma',
    patientPhone: null,
    doctorId,
    doctorName: `Dr ${doctorId}`,
    date,
    startTime,
    endTime: '09:15:00',
    reason: null,
  });

describe('touches', () => {
  const monday = { doctorIds: [1, 2], from: '2099-01-05', to: '2099-01-05' };
  it('a change on a shown doctor and day touches the view; another doctor or day does not', () => {
    expect(touches(change({ doctorId: 2 }), monday)).toBe(true);
    expect(touches(change({ doctorId: 3 }), monday)).toBe(false);
    expect(touches(change({ date: '2099-01-06' }), monday)).toBe(false);
  });
  it('a move touches the view it left as well as the one it reached', () => {
    const moved = change({ doctorId: 3, date: '2099-01-09', oldDoctorId: 1, oldDate: '2099-01-05' });
    expect(touches(moved, monday)).toBe(true);
    expect(touches(moved, { doctorIds: [3], from: '2099-01-09', to: '2099-01-09' })).toBe(true);
    expect(touches(moved, { doctorIds: [2], from: '2099-01-05', to: '2099-01-05' })).toBe(false);
  });
  it('an unknown doctor or day (a bulk change) touches every view it could', () => {
    expect(touches(change({ doctorId: null }), monday)).toBe(true);
    expect(touches(change({ date: null }), monday)).toBe(true);
    expect(touches(change({ doctorId: null }), { doctorIds: [1], from: '2099-02-01', to: '2099-02-02' })).toBe(false);
  });
  it('free slots from a day on are touched by changes that day or later only', () => {
    expect(touches(change({ date: '2099-01-04' }), { doctorId: 1, from: '2099-01-05' })).toBe(false);
    expect(touches(change({ date: '2099-03-01' }), { doctorId: 1, from: '2099-01-05' })).toBe(true);
  });
});

function setUp() {
  let asked = 0;
  const lists: Record<string, AppointmentDto[]> = { '2099-01-05': [appointment(1, 1, '2099-01-05')], '2099-01-06': [] };
  const fake = fakeClinic({
    'appointments.list': (req) => {
      asked++;
      return { ok: true, value: lists[req.from] ?? [] };
    },
    'settings.get': () => ({ ok: false, error: { code: 'UNAVAILABLE', message: 'down' } }),
  });
  const queryClient = newQueryClient();
  const stop = followChanges(fake.api, queryClient);
  const ask = (req: Req<'appointments.list'>) => queryClient.fetchQuery(clinicQueryOptions(fake.api, 'appointments.list', req));
  const watch = <C extends ChannelName>(channel: C, req: Req<C>) =>
    new QueryObserver(queryClient, clinicQueryOptions(fake.api, channel, req)).subscribe(() => undefined);
  return { fake, queryClient, stop, ask, watch, lists, asked: () => asked };
}

const monday: Req<'appointments.list'> = { doctorIds: [1], from: '2099-01-05', to: '2099-01-05' };
const tuesday: Req<'appointments.list'> = { doctorIds: [1], from: '2099-01-06', to: '2099-01-06' };
const cached = (queryClient: QueryClient, req: Req<'appointments.list'>) => queryClient.getQueryData<AppointmentDto[]>(['appointments.list', req]);

describe('change events → the cache', () => {
  it('a shown answer the change touches is asked again; a burst of changes is one refetch', async () => {
    const t = setUp();
    const off = t.watch('appointments.list', monday);
    await waitFor(() => expect(cached(t.queryClient, monday)).toHaveLength(1));
    const before = t.asked();
    t.lists['2099-01-05'] = [];
    for (let i = 0; i < 20; i++) t.fake.emit('appointments.changed', change({ id: i }));
    await waitFor(() => expect(cached(t.queryClient, monday)).toEqual([]));
    expect(t.asked() - before).toBe(1);
    off();
    t.stop();
  });

  it('a change elsewhere leaves an answer alone; a hidden answer it touches is forgotten, not shown stale', async () => {
    const t = setUp();
    const off = t.watch('appointments.list', monday);
    await t.ask(tuesday);
    await waitFor(() => expect(cached(t.queryClient, monday)).toBeDefined());
    const before = t.asked();
    t.fake.emit('appointments.changed', change({ doctorId: 9 }));
    t.fake.emit('appointments.changed', change({ date: '2099-01-06' }));
    await waitFor(() => expect(cached(t.queryClient, tuesday)).toBeUndefined());
    expect(cached(t.queryClient, monday)).toHaveLength(1);
    expect(t.asked()).toBe(before);
    off();
    t.stop();
  });

  it('resync asks again for everything shown', async () => {
    const t = setUp();
    const off = t.watch('appointments.list', monday);
    await waitFor(() => expect(cached(t.queryClient, monday)).toBeDefined());
    const before = t.asked();
    t.fake.emit('resync', { reason: 'gap' });
    await waitFor(() => expect(t.asked()).toBe(before + 1));
    off();
    t.stop();
  });

  it('an edit of a doctor or of the settings on any PC refreshes the pick lists and the clinic settings shown', async () => {
    const t = setUp();
    let settingsAsked = 0;
    let doctorsAsked = 0;
    const fake = fakeClinic({
      'settings.get': () => (settingsAsked++, { ok: false, error: { code: 'UNAVAILABLE', message: 'down' } }),
      'doctors.list': () => (doctorsAsked++, { ok: true, value: [] }),
    });
    const stop = followChanges(fake.api, t.queryClient);
    const offs = [
      new QueryObserver(t.queryClient, clinicQueryOptions(fake.api, 'settings.get', {})).subscribe(() => undefined),
      new QueryObserver(t.queryClient, clinicQueryOptions(fake.api, 'doctors.list', {})).subscribe(() => undefined),
    ];
    await waitFor(() => expect([settingsAsked, doctorsAsked]).toEqual([1, 1]));
    fake.emit('doctors.changed', change({ id: 1, doctorId: null, patientId: null, date: null }));
    await waitFor(() => expect(doctorsAsked).toBe(2));
    expect(settingsAsked).toBe(1);
    fake.emit('settings.changed', change({ id: 1, doctorId: null, patientId: null, date: null }));
    await waitFor(() => expect(settingsAsked).toBe(2));
    offs.forEach((off) => off());
    stop();
    t.stop();
  });

  it("the day's video lobby is asked again when a lobby changes or an appointment reaches that day, not for another day's booking", async () => {
    const t = setUp();
    const lobbyAsked: string[] = [];
    const fake = fakeClinic({
      'video.waitingOnline': (req) => (lobbyAsked.push(req.date ?? 'ids'), { ok: true, value: { appointmentIds: [], noShowIds: [] } }),
    });
    const stop = followChanges(fake.api, t.queryClient);
    const lobbyOf = (date: string) => clinicQueryOptions(fake.api, 'video.waitingOnline', { date });
    const off = new QueryObserver(t.queryClient, lobbyOf('2099-01-05')).subscribe(() => undefined);
    await t.queryClient.fetchQuery(lobbyOf('2099-01-06'));
    await waitFor(() => expect([...lobbyAsked].sort()).toEqual(['2099-01-05', '2099-01-06']));
    lobbyAsked.length = 0;

    // A booking on Tuesday: Tuesday's hidden lobby is forgotten, Monday's shown one is not asked again.
    fake.emit('appointments.changed', change({ op: 'INSERT', date: '2099-01-06' }));
    await waitFor(() => expect(t.queryClient.getQueryData(['video.waitingOnline', { date: '2099-01-06' }])).toBeUndefined());
    expect(lobbyAsked).toEqual([]);

    // A patient entering any lobby (the event names no day), then a booking moved onto Monday.
    fake.emit('video.lobbyChanged', change({ appointmentId: 7, date: null }));
    await waitFor(() => expect(lobbyAsked).toEqual(['2099-01-05']));
    fake.emit('appointments.changed', change({ date: '2099-01-05', oldDate: '2099-01-07' }));
    await waitFor(() => expect(lobbyAsked).toEqual(['2099-01-05', '2099-01-05']));
    off();
    stop();
    t.stop();
  });

  it('another person signing in empties the cache; a lock and unlock by the same person does not', async () => {
    const t = setUp();
    t.fake.emit('session.changed', { session: sessionFor('RECEPTIONIST') });
    await t.ask(monday);
    t.fake.emit('session.changed', { session: { ...sessionFor('RECEPTIONIST'), locked: true } });
    expect(cached(t.queryClient, monday)).toBeDefined();
    t.fake.emit('session.changed', { session: { ...sessionFor('ADMIN'), userId: 2 } });
    expect(cached(t.queryClient, monday)).toBeUndefined();
    t.stop();
  });
});

describe('a mutation’s reply → the cache', () => {
  it('a booking appears at once in every cached list it belongs to, in time order', async () => {
    const t = setUp();
    await t.ask(monday);
    await t.ask(tuesday);
    const booked = appointment(5, 1, '2099-01-05', '08:30:00');
    writeReply(t.queryClient, 'appointments.book', booked);
    expect(cached(t.queryClient, monday)!.map((a) => a.id)).toEqual([5, 1]);
    expect(cached(t.queryClient, tuesday)).toEqual([]);
    t.stop();
  });

  it('a move leaves the day it left and reaches the one it moved to', async () => {
    const t = setUp();
    await t.ask(monday);
    await t.ask(tuesday);
    writeReply(t.queryClient, 'appointments.reschedule', { ...appointment(1, 1, '2099-01-06') });
    expect(cached(t.queryClient, monday)).toEqual([]);
    expect(cached(t.queryClient, tuesday)!.map((a) => a.id)).toEqual([1]);
    t.stop();
  });
});

describe('one list over many doctors', () => {
  const range = (date: string) => ({ from: date, to: date });
  function across(doctorIds: number[]) {
    const lists: Record<string, AppointmentDto[]> = {
      '2099-01-05': [appointment(1, 1, '2099-01-05'), appointment(2, 150, '2099-01-05')],
      '2099-01-06': [appointment(3, 1, '2099-01-06', '10:00:00')],
    };
    const fake = fakeClinic({
      'appointments.list': (req) => ({ ok: true, value: (lists[req.from] ?? []).filter((a) => req.doctorIds.includes(a.doctorId)) }),
    });
    const queryClient = newQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ClinicProvider api={fake.api} client={queryClient}>
        {children}
      </ClinicProvider>
    );
    let renders = 0;
    const hook = renderHook(
      ({ date }) => {
        renders++;
        return useAcrossDoctors('appointments.list', doctorIds, range(date));
      },
      { wrapper, initialProps: { date: '2099-01-05' } },
    );
    return { hook, queryClient, lists, api: fake.api, renders: () => renders };
  }

  it('is the cached answer itself for one batch, on the next day too, not a copy compared with the day before', async () => {
    const { hook, queryClient, api } = across([1]);
    await waitFor(() => expect(hook.result.current.data).toHaveLength(1));
    expect(hook.result.current.data).toBe(cached(queryClient, { doctorIds: [1], ...range('2099-01-05') }));
    // Fetched ahead, as the schedule fetches the days either side: the next day is there at once.
    await queryClient.prefetchQuery(clinicQueryOptions(api, 'appointments.list', { doctorIds: [1], ...range('2099-01-06') }));
    hook.rerender({ date: '2099-01-06' });
    await waitFor(() => expect(hook.result.current.data?.map((a) => a.id)).toEqual([3]));
    expect(hook.result.current.data).toBe(cached(queryClient, { doctorIds: [1], ...range('2099-01-06') }));
  });

  it('joins batches of a hundred doctors into one list that stays the same object while no answer changes', async () => {
    // The cache tells the screen at once, so what a refetch changed is rendered by the time it ends.
    notifyManager.setScheduler((tell) => tell());
    try {
      const doctorIds = Array.from({ length: 150 }, (_, i) => i + 1);
      const { hook, queryClient, lists, renders } = across(doctorIds);
      await waitFor(() => expect(hook.result.current.data?.map((a) => a.id)).toEqual([1, 2]));
      const first = hook.result.current.data;
      // Asked again with the same answers: nothing for the screen to draw again.
      const before = renders();
      await act(() => queryClient.refetchQueries({ queryKey: ['appointments.list'] }));
      expect(renders()).toBe(before);
      expect(hook.result.current.data).toBe(first);
      lists['2099-01-05'] = [appointment(1, 1, '2099-01-05')];
      await act(() => queryClient.refetchQueries({ queryKey: ['appointments.list'] }));
      expect(hook.result.current.data?.map((a) => a.id)).toEqual([1]);
      expect(hook.result.current.data![0]).toBe(first![0]);
    } finally {
      notifyManager.setScheduler(defaultScheduler);
    }
  });
});
