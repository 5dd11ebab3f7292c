import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import type { PatientDetail, PatientSummary } from '../../preload/contract';
import { normalisePhone } from '../../main/patients/phone';
import { searchPatients } from '../../main/patients/repo';
import { MODES, type Mode } from '../support/databases';
import { expectOk, startHarness, type Harness } from '../support/harness';

type Created = { status: 'created'; patient: PatientDetail } | { status: 'possible_duplicates'; candidates: PatientSummary[] };

describe('phone numbers', () => {
  it.each([
    ['+91 98123 45678', '+919812345678'],
    ['0091-98123-45678', '+919812345678'],
    ['+44 20 7946 0958', '+442079460958'],
    ['98123 45678', '9812345678'],
    ['(020) 2612-3456', '02026123456'],
    ['', null],
  ])('normalises %j to %j', (typed, stored) => {
    expect(normalisePhone(typed)).toBe(stored);
  });

  it.each([
    ['+91 12', /not a valid phone number for its country code/],
    ['call me', /only digits/],
    ['123', /too short/],
    ['1'.repeat(25), /too long/],
  ])('refuses %j', (typed, message) => {
    expect(() => normalisePhone(typed)).toThrow(message);
  });
});

describe.each(MODES)('patients (%s)', (mode: Mode) => {
  let h: Harness;
  let desk: string;
  let doctor: string;

  beforeAll(async () => {
    h = await startHarness(mode);
    desk = (await h.signInAs('RECEPTIONIST')).sessionKey;
    doctor = (await h.signInAs('DOCTOR')).sessionKey;
  });
  afterAll(() => h.dispose());

  const create = async (payload: Record<string, unknown>, key = desk) => h.callRaw('patients.create', payload, key);

  it('registers a patient with a normalised phone and lower-case email', async () => {
    const r = expectOk<Created>(await create({ name: '  Meera Iyer ', phone: '+91 98200 11223', email: 'Meera.Iyer@Example.com', dateOfBirth: '1990-02-14', gender: 'FEMALE' }));
    expect(r).toMatchObject({ status: 'created', patient: { name: 'Meera Iyer', phone: '+919820011223', email: 'meera.iyer@example.com', dateOfBirth: '1990-02-14' } });
    expect(await h.knex('audit_log').where({ action: 'patients.create', entity_id: (r as { patient: PatientDetail }).patient.id }).first()).toBeDefined();
  });

  it.each([
    [{ name: '' }, 'name', 'INVALID'],
    [{ name: 'A', email: 'not-an-email' }, 'email', 'INVALID'],
    [{ name: 'A', dateOfBirth: '2023-02-30' }, 'dateOfBirth', 'INVALID'],
    [{ name: 'A', dateOfBirth: '2999-01-01' }, 'dateOfBirth', 'INVALID'],
    [{ name: 'A', gender: 'M' }, 'gender', 'INVALID'],
    [{ name: 'A', phone: '+91 12' }, 'phone', 'INVALID'],
    [{ name: 'A', address: 'x'.repeat(2001) }, 'address', 'INVALID'],
    [{ name: 'x'.repeat(256) }, 'name', 'INVALID'],
    [{ name: 'A', medicalHistory: 'diabetic' }, 'medicalHistory', 'FORBIDDEN'],
  ])('refuses %j at the field, writing nothing', async (payload, field, code) => {
    const before = await h.knex('patient_entities').count({ n: '*' }).first();
    expect(await create(payload)).toMatchObject({ ok: false, error: { code, field } });
    expect(await h.knex('patient_entities').count({ n: '*' }).first()).toEqual(before);
  });

  it('keeps medical history from receptionists, shows it to doctors', async () => {
    const r = expectOk<Created>(await create({ name: 'Kiran Shah', email: 'kiran@example.com', medicalHistory: 'Allergic to penicillin' }, doctor));
    const id = (r as { patient: PatientDetail }).patient.id;
    expect((r as { patient: PatientDetail }).patient.medicalHistory).toBe('Allergic to penicillin');
    const forDesk = expectOk<{ patient: PatientDetail }>(await h.call('patients.get', { id }, desk));
    expect(forDesk.patient).not.toHaveProperty('medicalHistory');
    expect(JSON.stringify(forDesk)).not.toContain('penicillin');
    const forDoctor = expectOk<{ patient: PatientDetail }>(await h.call('patients.get', { id }, doctor));
    expect(forDoctor.patient.medicalHistory).toBe('Allergic to penicillin');
    const edited = expectOk<PatientDetail>(await h.call('patients.update', { id, address: 'Pune' }, desk));
    expect(JSON.stringify(edited)).not.toContain('penicillin');
    expect((await h.knex('patient_entities').where({ id }).first()).medical_history).toBe('Allergic to penicillin');
  });

  it('warns of a possible duplicate (same phone and birth date, or a similar name) until confirmed', async () => {
    const first = expectOk<Created>(await create({ name: 'Suresh Patil', phone: '+91 98900 12345', dateOfBirth: '1975-07-01' }));
    expect(first.status).toBe('created');
    const samePhone = expectOk<Created>(await create({ name: 'S. Patil', phone: '+919890012345', dateOfBirth: '1975-07-01' }));
    expect(samePhone).toMatchObject({ status: 'possible_duplicates', candidates: [expect.objectContaining({ name: 'Suresh Patil' })] });
    const similarName = expectOk<Created>(await create({ name: 'Suresh Patill', dateOfBirth: '1975-07-01' }));
    expect(similarName.status).toBe('possible_duplicates');
    const otherDay = expectOk<Created>(await create({ name: 'Suresh Patil', dateOfBirth: '1975-07-02' }));
    expect(otherDay.status).toBe('created');
    const confirmed = expectOk<Created>(await create({ name: 'Suresh Patill', dateOfBirth: '1975-07-01', confirmNotDuplicate: true }));
    expect(confirmed.status).toBe('created');
    expect(await h.knex('patient_entities').where('date_of_birth', '1975-07-01').count({ n: '*' }).first()).toEqual({ n: 2 });
  });

  it('refuses a second patient with the same email with CONFLICT', async () => {
    expectOk(await create({ name: 'One', email: 'shared@example.com' }));
    expect(await create({ name: 'Two', email: 'SHARED@example.com' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'email' } });
  });

  describe('search as you type', () => {
    beforeAll(async () => {
      await h.knex('patient_entities').insert([
        { name: 'John Smith', phone: '+919811100001', email: 'john.smith@example.com' },
        { name: 'Johnny Walker', phone: '+919811100002', email: 'jw@example.com' },
        { name: 'Anita Johnson', phone: '+919811100003', email: 'anita@example.com' },
        { name: 'Smita Rao', phone: '+919811100004', email: 'smita@example.com' },
      ]);
    });

    const search = async (query: string) => expectOk<PatientSummary[]>(await h.call('patients.search', { query, limit: 10 }, desk)).map((p) => p.name);

    it('ranks names that start with the text first, then word starts, then the rest', async () => {
      expect((await search('john')).slice(0, 3)).toEqual(['John Smith', 'Johnny Walker', 'Anita Johnson']);
    });

    it('matches one or two letters at the start of the name only', async () => {
      expect(await search('jo')).toEqual(['John Smith', 'Johnny Walker']);
      expect(await search('s')).toEqual(expect.arrayContaining(['Smita Rao']));
      expect(await search('s')).not.toContain('John Smith');
    });

    it('finds a name typed with one letter wrong', async () => {
      expect(await search('Smtih')).toContain('John Smith');
    });

    it('offers names like the text only when nobody holds it as typed', async () => {
      // "Smita Rao" is like "Anita" (word similarity 0.33), but an exact match is on screen.
      expect(await search('Anita')).toEqual(['Anita Johnson']);
      expect(await search('Anitq')).toContain('Anita Johnson');
    });

    it('puts the closest whole name first among names equally like a mistyped one', async () => {
      await h.knex('patient_entities').insert([
        { name: 'Meera Naidu', email: 'meera.naidu@example.com' },
        { name: 'Meera Nair', email: 'meera.nair@example.com' },
      ]);
      expect((await search('Meera Naor'))[0]).toBe('Meera Nair');
    });

    it('finds by phone digits, by id and by email', async () => {
      expect(await search('11100003')).toEqual(['Anita Johnson']);
      const [{ id }] = await h.knex('patient_entities').where({ name: 'Smita Rao' }).select('id');
      expect((await search(String(id)))[0]).toBe('Smita Rao');
      expect(await search('jw@example')).toEqual(['Johnny Walker']);
    });

    it('treats % and _ as plain characters', async () => {
      expect(await search('%%%')).toEqual([]);
      expect(await search('_')).toEqual([]);
    });

    it('audits every search', async () => {
      const before = Number((await h.knex('audit_log').where({ action: 'patients.search' }).count({ n: '*' }).first())?.n);
      await search('anita');
      expect(Number((await h.knex('audit_log').where({ action: 'patients.search' }).count({ n: '*' }).first())?.n)).toBe(before + 1);
    });

    async function planOf(knex: Knex, query: string): Promise<string> {
      const seen: { sql: string; bindings: readonly unknown[] }[] = [];
      const listen = (q: { sql: string; bindings: readonly unknown[] }) => seen.push(q);
      knex.on('query', listen);
      await searchPatients(knex, query, 10);
      knex.off('query', listen);
      const select = seen.find((q) => /^(select|with)/i.test(q.sql));
      if (!select) throw new Error('no select seen');
      return knex.transaction(async (trx) => {
        // Few rows here; forbid the sequential scan to see which index the planner can use.
        await trx.raw('SET LOCAL enable_seqscan = off');
        // The event shows pg's $1..$n; knex.raw wants ? (they are numbered in order).
        const plan = await trx.raw(`EXPLAIN ${select.sql.replace(/\$\d+/g, '?')}`, select.bindings as Knex.RawBinding[]);
        return plan.rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
      });
    }

    it('uses the trigram index for three letters and more, and the prefix index for one or two', async () => {
      expect(await planOf(h.knex, 'smith')).toContain('idx_patient_name_trgm');
      expect(await planOf(h.knex, 'jo')).toContain('idx_patient_name_prefix');
      expect(await planOf(h.knex, '9811100003')).toContain('idx_patient_phone_trgm');
    });
  });

  it('shows a patient page with upcoming and past appointments and payments', async () => {
    const [{ id: doctorId }] = await h.knex('doctor_entities').insert({ name: 'Dr. Page', email: 'page@clinic.test' }).returning('id');
    const [{ id: patientId }] = await h.knex('patient_entities').insert({ name: 'Page Patient', email: 'pp@example.com' }).returning('id');
    const [{ id: pastId }] = await h.knex('appointment_entities').insert({ doctor_id: doctorId, patient_id: patientId, appointment_date: '2020-01-10', start_time: '10:00', end_time: '10:15', status: 'COMPLETED' }).returning('id');
    await h.knex('appointment_entities').insert({ doctor_id: doctorId, patient_id: patientId, appointment_date: '2099-01-10', start_time: '10:00', end_time: '10:15' });
    await h.knex('payments').insert({ appointment_id: pastId, amount: '500.00', status: 'PAID', order_id: 'CD-2020-000001', payment_method: 'CASH' });
    const page = expectOk<{ upcoming: { date: string }[]; past: { date: string; doctorName: string }[]; payments: { amount: string; receiptNumber: string }[] }>(
      await h.call('patients.get', { id: patientId }, desk),
    );
    expect(page.upcoming.map((a) => a.date)).toEqual(['2099-01-10']);
    expect(page.past).toEqual([expect.objectContaining({ date: '2020-01-10', doctorName: 'Dr. Page' })]);
    expect(page.payments).toEqual([expect.objectContaining({ amount: '500.00', receiptNumber: 'CD-2020-000001' })]);
    expect(await h.call('patients.get', { id: 99999999 }, desk)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
