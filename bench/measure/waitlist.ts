import { Faker, base } from '@faker-js/faker';
import { addDays, toTime } from '../../main/demo/calendar';
import { SPECIALTIES } from '../../main/demo/catalogue';
import { offerFreedTime } from '../../main/waitlist/offer-messages';
import type { Desk } from './desk';
import type { LatencyCase } from './rounds';

const WAITING = 2_000;
const URGENCIES = ['ROUTINE', 'SOON', 'URGENT'] as const;

/**
 * Issue 20's figures: the next free slots of a type with buffers (every doctor offers it), and
 * matching a freed slot against a waitlist of 2,000 (the offer written and rolled back, so every
 * run meets the same list).
 */
export async function schedulingDepthCases(desk: Desk, doctorIds: readonly number[], today: string, ops: number, seed: number): Promise<LatencyCase[]> {
  const faker = new Faker({ locale: [base] });
  faker.seed(seed);
  const knex = desk.knex;
  const [{ id: typeId }] = await knex('appointment_types')
    .insert({ name: 'Bench procedure', duration_minutes: 30, fee: '1000.00', buffer_before_minutes: 10, buffer_after_minutes: 10 })
    .returning('id');
  await knex('doctor_appointment_types').insert(doctorIds.map((doctor_id) => ({ doctor_id, appointment_type_id: typeId })));
  const specialties = Array.from({ length: ops }, () => faker.helpers.arrayElement(SPECIALTIES).name);
  const doctors: { id: number; specialization: string }[] = await knex('doctor_entities').whereIn('id', doctorIds).select('id', 'specialization');
  const patientIds: number[] = await knex('patient_entities')
    .orderBy('id')
    .limit(WAITING * 5)
    .pluck('id');
  await knex('waitlist_entries').insert(
    Array.from({ length: WAITING }, () => {
      const doctor = faker.helpers.arrayElement(doctors);
      const anyDoctor = faker.datatype.boolean(0.3);
      const from = addDays(today, faker.number.int({ min: 0, max: 10 }));
      const mornings = faker.datatype.boolean(0.2);
      return {
        patient_id: faker.helpers.arrayElement(patientIds),
        doctor_id: anyDoctor ? null : doctor.id,
        specialization: anyDoctor ? doctor.specialization : null,
        from_date: from,
        to_date: addDays(from, faker.number.int({ min: 3, max: 30 })),
        time_to: mornings ? '12:00' : null,
        urgency: faker.helpers.arrayElement(URGENCIES),
      };
    }),
  );
  const freed = Array.from({ length: ops }, () => {
    const start = 9 * 60 + 15 * faker.number.int({ min: 0, max: 31 });
    return {
      doctorId: faker.helpers.arrayElement(doctors).id,
      date: addDays(today, faker.number.int({ min: 1, max: 30 })),
      startTime: toTime(start),
      endTime: toTime(start + 15),
      patientId: faker.helpers.arrayElement(patientIds),
      appointmentId: null,
    };
  });
  return [
    {
      id: 'schedule.freeSlotsTyped',
      label: 'next 10 free slots of a type (30 min, 10 min buffers), a specialization, 30 days',
      inputs: specialties,
      run: (specialization: string) => desk.call('appointments.freeSlots', { specialization, appointmentTypeId: typeId, days: 30, count: 10 }),
    },
    {
      id: 'waitlist.offerMatching',
      label: `offering a freed slot to the best of ${WAITING.toLocaleString('en')} waiting`,
      inputs: freed,
      run: async (slot: (typeof freed)[number]) => {
        const trx = await desk.knex.transaction();
        try {
          await offerFreedTime(trx, [slot], Date.now());
        } finally {
          await trx.rollback();
        }
      },
      note: 'match and offer written in a transaction (rolled back, so each run meets the same list)',
    },
  ];
}
