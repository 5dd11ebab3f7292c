import { Faker, base } from '@faker-js/faker';
import { addDays, weekday } from '../../main/demo/calendar';
import { SPECIALTIES } from '../../main/demo/catalogue';
import type { Desk } from './desk';
import { timeEach, type Latency } from './latency';

export interface ScheduleFigures {
  dayView: Latency;
  weekView: Latency;
  freeSlots: Latency;
}

/**
 * What the schedule screen asks for when it shows a range: the appointments and the doctors'
 * working windows, side by side. Days are drawn from a month either side of today.
 */
export async function measureSchedule(desk: Desk, doctorIds: readonly number[], today: string, ops: number, seed: number): Promise<ScheduleFigures> {
  const faker = new Faker({ locale: [base] });
  faker.seed(seed);
  const day = () => addDays(today, faker.number.int({ min: -30, max: 30 }));
  const view = (ids: number[], from: string, to: string) =>
    Promise.all([desk.call('appointments.list', { doctorIds: ids, from, to }), desk.call('availability.range', { doctorIds: ids, from, to })]);

  const forty = doctorIds.slice(0, 40);
  const dayView = await timeEach(Array.from({ length: ops }, day), (date) => view(forty, date, date));

  const weeks = Array.from({ length: ops }, () => {
    const d = day();
    const monday = addDays(d, -((weekday(d) + 6) % 7));
    return { doctorId: faker.helpers.arrayElement(doctorIds), monday };
  });
  const weekView = await timeEach(weeks, ({ doctorId, monday }) => view([doctorId], monday, addDays(monday, 6)));

  const specialties = Array.from({ length: ops }, () => faker.helpers.arrayElement(SPECIALTIES).name);
  const freeSlots = await timeEach(specialties, (specialization) => desk.call('appointments.freeSlots', { specialization, days: 30, count: 10 }));

  return { dayView, weekView, freeSlots };
}
