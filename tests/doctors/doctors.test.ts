import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoctorDto } from '../../preload/contract';
import { MODES, sqlState, type Mode } from '../support/databases';
import { expectOk, startHarness, type Harness } from '../support/harness';

describe.each(MODES)('doctors (%s)', (mode: Mode) => {
  let h: Harness;
  let admin: string;
  let desk: string;
  beforeAll(async () => {
    h = await startHarness(mode);
    admin = (await h.signInAs('ADMIN')).sessionKey;
    desk = (await h.signInAs('RECEPTIONIST')).sessionKey;
  });
  afterAll(() => h.dispose());

  const create = (payload: Record<string, unknown>) => h.callRaw('doctors.create', payload, admin);

  it('creates a doctor with an exact fee and rating, normalised email and phone', async () => {
    const doctor = expectOk<DoctorDto>(
      await create({
        name: 'Dr. Anil Mehta',
        email: 'Anil.Mehta@Clinic.test',
        phone: '+91 98765 43210',
        specialization: 'Cardiology',
        experience: 15,
        consultationFee: '1234567.89',
        rating: '4.75',
      }),
    );
    expect(doctor).toMatchObject({ email: 'anil.mehta@clinic.test', phone: '+919876543210', consultationFee: '1234567.89', rating: '4.75', active: true });
  });

  it.each([
    [{ name: 'X', email: 'x@clinic.test', experience: -1 }, 'experience'],
    [{ name: 'X', email: 'x@clinic.test', experience: 2.5 }, 'experience'],
    [{ name: 'X', email: 'x@clinic.test', consultationFee: '-5' }, 'consultationFee'],
    [{ name: 'X', email: 'x@clinic.test', consultationFee: 500 }, 'consultationFee'],
    [{ name: 'X', email: 'x@clinic.test', consultationFee: '12.345' }, 'consultationFee'],
    [{ name: 'X', email: 'x@clinic.test', rating: '5.5' }, 'rating'],
    [{ name: 'X', email: 'not an email' }, 'email'],
    [{ name: '', email: 'x@clinic.test' }, 'name'],
  ])('refuses %j at the field', async (payload, field) => {
    expect(await create(payload)).toMatchObject({ ok: false, error: { code: 'INVALID', field } });
  });

  it('the database itself refuses a negative fee or an out-of-range rating', async () => {
    expect(await sqlState(h.knex('doctor_entities').insert({ name: 'Y', email: 'y@clinic.test', consultation_fee: '-1' }))).toBe('23514');
    expect(await sqlState(h.knex('doctor_entities').insert({ name: 'Y', email: 'y@clinic.test', rating: '5.01' }))).toBe('23514');
  });

  it('refuses a second doctor with the same email in any case', async () => {
    expectOk(await create({ name: 'Dr. One', email: 'same@clinic.test' }));
    expect(await create({ name: 'Dr. Two', email: 'SAME@clinic.test' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'email' } });
  });

  it('lists by specialization, case-insensitively, and hides inactive doctors unless asked', async () => {
    const a = expectOk<DoctorDto>(await create({ name: 'Dr. Skin A', email: 'skin.a@clinic.test', specialization: 'Dermatology' }));
    expectOk(await create({ name: 'Dr. Skin B', email: 'skin.b@clinic.test', specialization: 'dermatology' }));
    expectOk(await h.call('doctors.setActive', { id: a.id, active: false }, admin));
    const active = expectOk<DoctorDto[]>(await h.call('doctors.list', { specialization: 'DERMATOLOGY' }, desk));
    expect(active.map((d) => d.name)).toEqual(['Dr. Skin B']);
    const all = expectOk<DoctorDto[]>(await h.call('doctors.list', { specialization: 'Dermatology', includeInactive: true }, desk));
    expect(all.map((d) => d.name)).toEqual(['Dr. Skin A', 'Dr. Skin B']);
  });

  it('offers the standard specializations plus those in use, without case duplicates', async () => {
    expectOk(await create({ name: 'Dr. Sleep', email: 'sleep@clinic.test', specialization: 'Sleep Medicine' }));
    const list = expectOk<string[]>(await h.call('doctors.specializations', {}, desk));
    expect(list).toContain('Sleep Medicine');
    expect(list).toContain('Paediatrics');
    expect(list.filter((s) => s.toLowerCase() === 'dermatology')).toHaveLength(1);
  });

  it('updates only the fields sent', async () => {
    const d = expectOk<DoctorDto>(await create({ name: 'Dr. Edit', email: 'edit@clinic.test', specialization: 'ENT', consultationFee: '300' }));
    const updated = expectOk<DoctorDto>(await h.call('doctors.update', { id: d.id, consultationFee: '350.50' }, admin));
    expect(updated).toMatchObject({ specialization: 'ENT', consultationFee: '350.50', name: 'Dr. Edit' });
    expect(await h.call('doctors.update', { id: 99999999, name: 'Ghost' }, admin)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('deletes a profile with no appointments, refuses one with appointments (deactivate instead)', async () => {
    const spare = expectOk<DoctorDto>(await create({ name: 'Dr. Typo', email: 'typo@clinic.test' }));
    expectOk(await h.call('doctors.delete', { id: spare.id }, admin));
    expect(await h.knex('doctor_entities').where({ id: spare.id }).first()).toBeUndefined();

    const busy = expectOk<DoctorDto>(await create({ name: 'Dr. Busy', email: 'busy@clinic.test' }));
    const [{ id: patientId }] = await h.knex('patient_entities').insert({ name: 'P', email: 'p.busy@example.com' }).returning('id');
    await h
      .knex('appointment_entities')
      .insert({ doctor_id: busy.id, patient_id: patientId, appointment_date: '2026-01-05', start_time: '10:00', end_time: '10:15', status: 'COMPLETED' });
    expect(await h.call('doctors.delete', { id: busy.id }, admin)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/deactivate/) },
    });
    expect(await h.knex('appointment_entities').where({ doctor_id: busy.id }).count({ n: '*' }).first()).toEqual({ n: 1 });
  });
});
