import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import type { PatientDetail, PatientSummary } from '../../preload/contract';
import { normalisePhone } from '../../main/patients/phone';
import { searchPatients } from '../../main/patients/repo';
import { phoneCountryOf } from '../../main/settings/phone-country';
import { migrateToLatest, migratorConfig } from '../../main/db/migrator';
import { migrations } from '../../migrations';
import { MODES, openScratch, type Mode } from '../support/databases';
import { databaseSnapshot, expectOk, startHarness, type Harness } from '../support/harness';

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

  it.each([
    ['98450 11224', 'IN', '+919845011224'],
    ['098450 11224', 'IN', '+919845011224'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['(212) 555-0123', 'US', '+12125550123'],
    ['+44 20 7946 0958', 'IN', '+442079460958'],
  ] as const)('reads %j as a national number of %s: %j', (typed, country, stored) => {
    expect(normalisePhone(typed, country)).toBe(stored);
  });

  it.each([
    ['12345', 'IN'],
    ['12345678', 'GB'],
    ['9845011', 'IN'],
  ] as const)('refuses %j, which is no number in %s, naming the country', (typed, country) => {
    expect(() => normalisePhone(typed, country)).toThrow(/is not a valid phone number in (India|United Kingdom)/);
  });
});

describe('the clinic’s phone country', () => {
  it.each([
    [null, 'Asia/Kolkata', 'IN'],
    [null, 'Asia/Calcutta', 'IN'],
    [null, 'Europe/London', 'GB'],
    [null, 'America/New_York', 'US'],
    [null, 'UTC', 'IN'],
    [null, 'Etc/GMT-5', 'IN'],
    ['AE', 'Asia/Kolkata', 'AE'],
  ])('setting %j with zone %s reads national numbers as %s', (phoneCountry, timeZone, country) => {
    expect(phoneCountryOf({ phoneCountry, timeZone })).toBe(country);
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
    const r = expectOk<Created>(
      await create({ name: '  Meera Iyer ', phone: '+91 98200 11223', email: 'Meera.Iyer@Example.com', dateOfBirth: '1990-02-14', gender: 'FEMALE' }),
    );
    expect(r).toMatchObject({
      status: 'created',
      patient: { name: 'Meera Iyer', phone: '+919820011223', email: 'meera.iyer@example.com', dateOfBirth: '1990-02-14' },
    });
    expect(
      await h
        .knex('audit_log')
        .where({ action: 'patients.create', entity_id: (r as { patient: PatientDetail }).patient.id })
        .first(),
    ).toBeDefined();
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

  it('warns without a birth date: the same phone and name, the same phone with the words swapped, the same phone alone', async () => {
    const first = expectOk<Created>(await create({ name: 'Anjali Deshmukh', phone: '+91 98450 22334' }));
    expect(first.status).toBe('created');
    const id = (first as { patient: PatientDetail }).patient.id;
    const before = await h.knex('patient_entities').count({ n: '*' }).first();
    for (const again of [
      { name: 'Anjali Deshmukh', phone: '+919845022334' },
      { name: 'Deshmukh Anjali', phone: '98450 22334' },
      { name: 'Rohan Deshmukh', phone: '+91-98450-22334' },
    ]) {
      expect(expectOk<Created>(await create(again))).toEqual({
        status: 'possible_duplicates',
        candidates: [expect.objectContaining({ id, name: 'Anjali Deshmukh' })],
      });
    }
    expect(await h.knex('patient_entities').count({ n: '*' }).first()).toEqual(before);
    expect(expectOk<Created>(await create({ name: 'Rohan Deshmukh', phone: '98450 22334', confirmNotDuplicate: true })).status).toBe('created');
    // No phone and no birth date: nothing to tell two namesakes apart by, so no warning.
    expect(expectOk<Created>(await create({ name: 'Anjali Deshmukh' })).status).toBe('created');
  });

  it('ranks the candidate with phone, name and birth date in common first', async () => {
    const made = async (p: Record<string, unknown>) =>
      (expectOk<Created>(await create({ ...p, confirmNotDuplicate: true })) as { patient: PatientDetail }).patient.id;
    const mother = await made({ name: 'Lata Kulkarni', phone: '+919845033445', dateOfBirth: '1960-03-03' });
    const son = await made({ name: 'Nikhil Kulkarni', phone: '+919845033445', dateOfBirth: '1992-11-20' });
    const r = expectOk<Created>(await create({ name: 'Nikhil Kulkarni', phone: '9845033445', dateOfBirth: '1992-11-20' }));
    expect(r.status === 'possible_duplicates' && r.candidates.map((c) => c.id)).toEqual([son, mother]);
  });

  describe('national phone numbers', () => {
    it('stores a number typed without its country code in E.164, by the clinic’s country, and finds it by +91…', async () => {
      const admin = (await h.signInAs('ADMIN')).sessionKey;
      expectOk(await h.call('settings.update', { timeZone: 'Asia/Kolkata', phoneCountry: null }, admin));
      const r = expectOk<Created>(await create({ name: 'Farhan Qureshi', phone: '98450 11224' }));
      const id = (r as { patient: PatientDetail }).patient.id;
      expect(r).toMatchObject({ status: 'created', patient: { phone: '+919845011224' } });
      expect((await h.knex('patient_entities').where({ id }).first()).phone).toBe('+919845011224');
      expect(expectOk<PatientSummary[]>(await h.call('patients.search', { query: '+91 98450 11224' }, desk)).map((p) => p.id)).toContain(id);
      const edited = expectOk<PatientDetail>(await h.call('patients.update', { id, phone: '098450 11225' }, desk));
      expect(edited.phone).toBe('+919845011225');
    });

    it('reads national numbers by the country set for the clinic', async () => {
      const admin = (await h.signInAs('ADMIN')).sessionKey;
      expectOk(await h.call('settings.update', { phoneCountry: 'GB' }, admin));
      try {
        expect(expectOk<{ effectivePhoneCountry: string }>(await h.call('settings.get', {}, desk)).effectivePhoneCountry).toBe('GB');
        expect(expectOk<Created>(await create({ name: 'Oliver Hughes', phone: '020 7946 0958' }))).toMatchObject({ patient: { phone: '+442079460958' } });
      } finally {
        expectOk(await h.call('settings.update', { phoneCountry: null }, admin));
      }
      expect(await h.call('settings.update', { phoneCountry: 'XX' }, admin)).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'phoneCountry' } });
      expect(await h.call('settings.update', { phoneCountry: 'india' }, admin)).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'phoneCountry' } });
    });

    it.each(['12345', '9845011'])('refuses %j at the field with the country named, writing nothing', async (phone) => {
      const before = await databaseSnapshot(h.knex);
      expect(await create({ name: 'Typo Patient', phone })).toMatchObject({
        ok: false,
        error: { code: 'INVALID', field: 'phone', message: expect.stringMatching(/not a valid phone number in India/) },
      });
      expect(await databaseSnapshot(h.knex)).toBe(before);
    });
  });

  it('writes each changed field’s value before and after into the edit’s audit row, in the same commit', async () => {
    const r = expectOk<Created>(
      await create({ name: 'Gita Menon', phone: '+919845044556', address: 'Kochi', dateOfBirth: '1970-01-01', confirmNotDuplicate: true }, doctor),
    );
    const id = (r as { patient: PatientDetail }).patient.id;
    expectOk(await h.call('patients.update', { id, name: 'Gita Nair', phone: '+91 98450 44556', address: 'Ernakulam', medicalHistory: 'Asthma' }, doctor));
    const rows = await h.knex('audit_log').where({ action: 'patients.update', entity_id: id }).select('detail', 'outcome');
    expect(rows).toEqual([
      {
        outcome: 'OK',
        detail: {
          changes: { name: { before: 'Gita Menon', after: 'Gita Nair' }, address: { before: 'Kochi', after: 'Ernakulam' }, medicalHistory: { changed: true } },
        },
      },
    ]);
    expect(JSON.stringify(rows)).not.toContain('Asthma');
    // A refused edit changes nothing and writes no edit row.
    expect(await h.call('patients.update', { id, phone: '12345' }, desk)).toMatchObject({ ok: false, error: { field: 'phone' } });
    expect(await h.knex('audit_log').where({ action: 'patients.update', entity_id: id }).count({ n: '*' }).first()).toEqual({ n: 1 });
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

    it('finds the names with a word starting with the text before the many that only contain it', async () => {
      // Entered first, the names holding the text inside a word come first off the disk.
      await h.knex('patient_entities').insert(Array.from({ length: 120 }, () => ({ name: 'Morvelle Kahn' })));
      await h.knex('patient_entities').insert(Array.from({ length: 10 }, () => ({ name: 'Hasan Orvelle' })));
      expect(await search('Orvel')).toEqual(Array(10).fill('Hasan Orvelle'));
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
      // The harness's services share this knex: a query of theirs (a session's user) may pass meanwhile.
      const select = seen.find((q) => /^(select|with)/i.test(q.sql) && q.sql.includes('patient_entities'));
      if (!select) throw new Error('no search seen');
      return knex.transaction(async (trx) => {
        // Few rows here; forbid the sequential scan to see which index the planner can use, and
        // the index-only read of every row of idx_patient_display (id, name, phone: the day
        // view's), which on a handful of rows is the same whole-table read by another door.
        await trx.raw('SET LOCAL enable_seqscan = off; SET LOCAL enable_indexonlyscan = off');
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
    const [{ id: pastId }] = await h
      .knex('appointment_entities')
      .insert({ doctor_id: doctorId, patient_id: patientId, appointment_date: '2020-01-10', start_time: '10:00', end_time: '10:15', status: 'COMPLETED' })
      .returning('id');
    await h
      .knex('appointment_entities')
      .insert({ doctor_id: doctorId, patient_id: patientId, appointment_date: '2099-01-10', start_time: '10:00', end_time: '10:15' });
    await h.knex('payments').insert({ appointment_id: pastId, amount: '500.00', status: 'PAID', order_id: 'CD-2020-000001', payment_method: 'CASH' });
    const page = expectOk(await h.call('patients.get', { id: patientId }, desk));
    expect(page.upcoming.map((a) => a.date)).toEqual(['2099-01-10']);
    expect(page.past).toEqual([expect.objectContaining({ date: '2020-01-10', doctorName: 'Dr. Page' })]);
    expect(page.payments).toEqual([expect.objectContaining({ amount: '500.00', receiptNumber: 'CD-2020-000001' })]);
    expect(await h.call('patients.get', { id: 99999999 }, desk)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe.each(MODES)('patient phones to E.164 migration (%s)', (mode: Mode) => {
  it('normalises the numbers that parse by the clinic’s country, leaves and reports the rest, and puts them back on rollback', async () => {
    const s = await openScratch(mode);
    try {
      const knex = s.db.knex;
      const index = migrations.findIndex((m) => m.name === '20261202050100_patient_phones_e164');
      expect(index).toBeGreaterThan(0);
      for (let i = 0; i < index; i++) await knex.migrate.up(migratorConfig);
      await knex('clinic_settings').where({ id: 1 }).update({ time_zone: 'Asia/Kolkata' });
      const typed = ['9845011224', '12345', '+919845011226', null, '098450 11227'];
      const ids: number[] = [];
      for (const [i, phone] of typed.entries())
        ids.push(
          (
            await knex('patient_entities')
              .insert({ name: `Old Patient ${i}`, phone })
              .returning('id')
          )[0].id,
        );
      expect(await migrateToLatest(knex)).toEqual(migrations.slice(index).map((m) => m.name));
      const phones = async () => (await knex('patient_entities').whereIn('id', ids).orderBy('id').select('phone')).map((r) => r.phone);
      expect(await phones()).toEqual(['+919845011224', '12345', '+919845011226', null, '+919845011227']);
      const report = await knex('audit_log').where({ action: 'migration.patientPhonesE164' }).first('detail');
      expect(report.detail).toEqual({ country: 'IN', normalised: 2, leftAsTyped: [ids[1]] });
      expect(await knex('patient_phones_before_e164').orderBy('patient_id').select('patient_id', 'phone_as_typed', 'stored_as')).toEqual([
        { patient_id: ids[0], phone_as_typed: '9845011224', stored_as: '+919845011224' },
        { patient_id: ids[1], phone_as_typed: '12345', stored_as: null },
        { patient_id: ids[4], phone_as_typed: '098450 11227', stored_as: '+919845011227' },
      ]);
      // Later migrations go down first, then this one.
      for (let i = migrations.length - 1; i >= index; i--) await knex.migrate.down(migratorConfig);
      expect(await phones()).toEqual(typed);
      expect(await knex.schema.hasTable('patient_phones_before_e164')).toBe(false);
    } finally {
      await s.dispose();
    }
  });
});
