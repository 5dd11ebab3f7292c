import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODES, type Mode } from '../support/databases';
import { startHarness, type Harness } from '../support/harness';

/**
 * `patient_first_visits`, which "new vs returning" reads, is kept by the appointments' trigger.
 * Each step below changes appointments the ways the product does (book, cancel, undo, move,
 * move to another patient on a merge, delete, delete the patient) and the table must then hold
 * the dates written beside it, worked out by hand; it must also agree with the appointments.
 */
describe.each(MODES)('each patient’s first visit, kept by the appointments’ trigger (%s)', (mode: Mode) => {
  let h: Harness;
  let doctor: number;
  let ravi: number;
  let meena: number;

  beforeAll(async () => {
    h = await startHarness(mode);
    [{ id: doctor }] = await h.knex('doctor_entities').insert({ name: 'Dr. First', email: 'first@visits.test', specialization: 'ENT' }).returning('id');
    [{ id: ravi }, { id: meena }] = await h
      .knex('patient_entities')
      .insert([
        { name: 'Ravi First', email: 'ravi@visits.test' },
        { name: 'Meena First', email: 'meena@visits.test' },
      ])
      .returning('id');
  });
  afterAll(() => h.dispose());

  const cancelled = (status: string) => (status === 'CANCELLED' ? 'Patient asked' : null);
  const book = async (patient: number, date: string, status = 'SCHEDULED') => {
    const [{ id }] = await h
      .knex('appointment_entities')
      .insert({
        patient_id: patient,
        doctor_id: doctor,
        appointment_date: date,
        start_time: '09:00',
        end_time: '09:15',
        status,
        cancel_reason: cancelled(status),
      })
      .returning('id');
    return id as number;
  };
  const firstVisits = async () => {
    const rows: { patient_id: number | string; first_visit: string | Date }[] = await h.knex('patient_first_visits').select('patient_id', 'first_visit');
    const dated = rows.map((r) => [Number(r.patient_id), typeof r.first_visit === 'string' ? r.first_visit : r.first_visit.toISOString().slice(0, 10)]);
    return Object.fromEntries(dated.filter(([p]) => p === ravi || p === meena));
  };
  const expectFirst = async (expected: Record<number, string>) => {
    expect(await firstVisits()).toEqual(expected);
    const derived = await h.knex.raw(
      `SELECT count(*)::int AS n FROM (SELECT patient_id, min(appointment_date) AS first FROM appointment_entities WHERE status <> 'CANCELLED' GROUP BY 1) m
         FULL JOIN patient_first_visits f USING (patient_id) WHERE f.first_visit IS DISTINCT FROM m.first`,
    );
    expect(derived.rows[0].n).toBe(0);
  };

  it('follows bookings, cancellations, undos, moves, merges and deletions', async () => {
    const may10 = await book(ravi, '2026-05-10');
    await expectFirst({ [ravi]: '2026-05-10' });

    // A cancelled appointment was never a visit, even when earlier.
    const may1 = await book(ravi, '2026-05-01', 'CANCELLED');
    await expectFirst({ [ravi]: '2026-05-10' });
    // Undoing the cancellation makes it the first; cancelling it again gives the first back.
    await h.knex('appointment_entities').where({ id: may1 }).update({ status: 'SCHEDULED', cancel_reason: null });
    await expectFirst({ [ravi]: '2026-05-01' });
    await h
      .knex('appointment_entities')
      .where({ id: may1 })
      .update({ status: 'CANCELLED', cancel_reason: cancelled('CANCELLED') });
    await expectFirst({ [ravi]: '2026-05-10' });

    // Seeing the patient changes nothing; moving the only visit later moves the first with it.
    await h.knex('appointment_entities').where({ id: may10 }).update({ status: 'COMPLETED' });
    await expectFirst({ [ravi]: '2026-05-10' });
    await h.knex('appointment_entities').where({ id: may10 }).update({ appointment_date: '2026-05-20' });
    await expectFirst({ [ravi]: '2026-05-20' });

    // A later booking is not the first; an earlier one is.
    await book(ravi, '2026-05-25');
    const may15 = await book(ravi, '2026-05-15', 'NO_SHOW');
    await expectFirst({ [ravi]: '2026-05-15' });

    // A merge moves the 15th to Meena: her first, and Ravi's first goes back to the 20th.
    await h.knex('appointment_entities').where({ id: may15 }).update({ patient_id: meena });
    await expectFirst({ [ravi]: '2026-05-20', [meena]: '2026-05-15' });

    // Deleting Ravi's visits one by one: the next one, then none at all.
    await h.knex('appointment_entities').where({ id: may10 }).del();
    await expectFirst({ [ravi]: '2026-05-25', [meena]: '2026-05-15' });
    await h.knex('appointment_entities').where({ patient_id: ravi }).del();
    await expectFirst({ [meena]: '2026-05-15' });

    // Deleting a patient takes their appointments and their first visit with them.
    await book(meena, '2026-04-30');
    await expectFirst({ [meena]: '2026-04-30' });
    await h.knex('patient_entities').where({ id: meena }).del();
    await expectFirst({});
  });

  it('is kept by PL/pgSQL functions, whose plans the session keeps: a SQL function is parsed and planned again at every booking', async () => {
    const { rows } = await h.knex.raw(
      `SELECT p.proname, l.lanname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
        WHERE p.proname IN ('patient_first_visits_track', 'patient_first_visit_offer', 'patient_first_visit_recount') ORDER BY p.proname`,
    );
    expect(rows).toEqual([
      { proname: 'patient_first_visit_offer', lanname: 'plpgsql' },
      { proname: 'patient_first_visit_recount', lanname: 'plpgsql' },
      { proname: 'patient_first_visits_track', lanname: 'plpgsql' },
    ]);
  });
});
