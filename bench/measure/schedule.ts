import { Faker, base } from '@faker-js/faker';
import { addDays, weekday } from '../../main/demo/calendar';
import { SPECIALTIES } from '../../main/demo/catalogue';
import type { Desk } from './desk';
import type { LatencyCase } from './rounds';

/**
 * What the schedule screen asks for when it shows a range: the appointments and the doctors'
 * working windows, side by side. Days are drawn from a month either side of today.
 */
export function scheduleCases(desk: Desk, doctorIds: readonly number[], today: string, ops: number, seed: number): LatencyCase[] {
  const faker = new Faker({ locale: [base] });
  faker.seed(seed);
  const day = () => addDays(today, faker.number.int({ min: -30, max: 30 }));
  const view = (ids: number[], from: string, to: string) =>
    Promise.all([desk.call('appointments.list', { doctorIds: ids, from, to }), desk.call('availability.range', { doctorIds: ids, from, to })]);

  const forty = doctorIds.slice(0, 40);
  const weeks = Array.from({ length: ops }, () => {
    const d = day();
    const monday = addDays(d, -((weekday(d) + 6) % 7));
    return { doctorId: faker.helpers.arrayElement(doctorIds), monday };
  });
  return [
    {
      id: 'schedule.day',
      label: 'day view, 40 doctors',
      inputs: Array.from({ length: ops }, day),
      run: (date: string) => view(forty, date, date),
    },
    {
      // Today's second call: who of the day's appointments has paid, owes or has money on its way.
      id: 'today.payments',
      label: 'money of a day, all doctors (payments.ofDay)',
      inputs: Array.from({ length: ops }, day),
      run: (date: string) => desk.call('payments.ofDay', { date }),
    },
    {
      id: 'schedule.week',
      label: 'week view, one doctor',
      inputs: weeks,
      run: ({ doctorId, monday }: { doctorId: number; monday: string }) => view([doctorId], monday, addDays(monday, 6)),
    },
    {
      id: 'schedule.freeSlots',
      label: 'next 10 free slots, a specialization, 30 days',
      inputs: Array.from({ length: ops }, () => faker.helpers.arrayElement(SPECIALTIES).name),
      run: (specialization: string) => desk.call('appointments.freeSlots', { specialization, days: 30, count: 10 }),
    },
  ];
}
