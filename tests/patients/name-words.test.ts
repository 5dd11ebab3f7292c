import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PatientDetail, PatientSummary } from '../../preload/contract';
import { MODES, type Mode } from '../support/databases';
import { expectOk, startHarness, type Harness } from '../support/harness';

type Created = { status: 'created'; patient: PatientDetail };

// The typo search looks mistyped words up in patient_name_words, which triggers keep in step
// with the patients in the transaction that changes them (migrations/20261203600100).
describe.each(MODES)('the words of patients’ names (%s)', (mode: Mode) => {
  let h: Harness;
  let desk: string;

  beforeAll(async () => {
    h = await startHarness(mode);
    desk = (await h.signInAs('RECEPTIONIST')).sessionKey;
  });
  afterAll(() => h.dispose());

  const register = async (name: string) => (expectOk(await h.call('patients.create', { name, confirmNotDuplicate: true }, desk)) as Created).patient.id;
  const counts = async (...words: string[]) => {
    const rows: { word: string; patients: number }[] = await h.knex('patient_name_words').whereIn('word', words).select('word', 'patients');
    return Object.fromEntries(rows.map((r) => [r.word, r.patients]));
  };
  const search = async (query: string) => expectOk<PatientSummary[]>(await h.call('patients.search', { query, limit: 10 }, desk));

  it('counts each word once per patient holding it, lower case, hyphenated halves apart', async () => {
    await register('Farhana Qureshi-Baig');
    await register('Farhana  farhana Dalvi');
    expect(await counts('farhana', 'qureshi', 'baig', 'dalvi', 'qureshi-baig')).toEqual({ farhana: 2, qureshi: 1, baig: 1, dalvi: 1 });
  });

  it('follows a rename: the old words lose the patient, the new ones gain it', async () => {
    const id = await register('Ozias Pemberton');
    await register('Ozias Thorne');
    expectOk(await h.call('patients.update', { id, name: 'Ozias Whitlock' }, desk));
    expect(await counts('ozias', 'pemberton', 'thorne', 'whitlock')).toEqual({ ozias: 2, thorne: 1, whitlock: 1 });
  });

  it('follows deletes, a bulk insert and a rolled-back insert', async () => {
    const id = await register('Quillon Marwick');
    await h.knex('patient_entities').where({ id }).delete();
    expect(await counts('quillon', 'marwick')).toEqual({});
    await h.knex('patient_entities').insert([{ name: 'Yusra Kettering' }, { name: 'Yusra Ashdown' }]);
    expect(await counts('yusra', 'kettering', 'ashdown')).toEqual({ yusra: 2, kettering: 1, ashdown: 1 });
    await h.knex
      .transaction(async (trx) => {
        await trx('patient_entities').insert({ name: 'Yusra Blenkinsop' });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await counts('yusra', 'blenkinsop')).toEqual({ yusra: 2 });
  });

  it('finds a patient by the full name with one letter wrong, the patient first', async () => {
    await register('Devika Raghunathan');
    await register('Devika Ramanathan');
    await register('Devendra Raghunathan');
    expect((await search('Devika Raghunatham'))[0]?.name).toBe('Devika Raghunathan');
    expect((await search('Devixa Raghunathan'))[0]?.name).toBe('Devika Raghunathan');
  });

  it('shows the next likely name after two namesakes of the likeliest, not below all of them', async () => {
    for (let i = 0; i < 4; i++) await register('Oriel Thackeray');
    const meant = await register('Oriela Thackeray');
    const found = await search('Orieli Thackeray');
    expect(found.slice(0, 5).map((p) => p.name)).toEqual(['Oriel Thackeray', 'Oriel Thackeray', 'Oriela Thackeray', 'Oriel Thackeray', 'Oriel Thackeray']);
    expect(found[2]?.id).toBe(meant);
  });

  it('finds a renamed patient by the new name mistyped', async () => {
    const id = await register('Ismene Castellanos');
    expectOk(await h.call('patients.update', { id, name: 'Ismene Valderrama' }, desk));
    expect((await search('Ismene Valderama'))[0]?.id).toBe(id);
    expect(await counts('castellanos')).toEqual({});
  });
});
