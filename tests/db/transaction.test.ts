import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../main/db/transaction';
import { SNAPSHOT_READ } from '../../main/db/snapshot-read';
import { MODES, type Mode } from '../support/databases';
import { startHarness, type Harness } from '../support/harness';

describe.each(MODES)('inTransaction (%s)', (mode: Mode) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(mode);
  });
  afterAll(() => h.dispose());

  const patientsNamed = async (name: string) => Number((await h.knex('patient_entities').where({ name }).count<{ n: number }[]>({ n: '*' }))[0]!.n);

  it('returns what the work returned, once its writes are committed and seen outside', async () => {
    const name = `Txn Committed ${mode}`;
    const rows = await inTransaction(h.knex, async (trx) => {
      await trx('patient_entities').insert({ name });
      return trx('patient_entities').where({ name }).select('name');
    });
    expect(rows).toEqual([{ name }]);
    expect(await patientsNamed(name)).toBe(1);
  });

  it('rejects with the work’s own error and keeps none of its writes', async () => {
    const name = `Txn Rolled Back ${mode}`;
    const refusal = new Error('the work refused');
    await expect(
      inTransaction(h.knex, async (trx) => {
        await trx('patient_entities').insert({ name });
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    expect(await patientsNamed(name)).toBe(0);
  });

  it('runs with the given settings: a snapshot read refuses a write', async () => {
    const name = `Txn Read Only ${mode}`;
    await expect(inTransaction(h.knex, (trx) => trx('patient_entities').insert({ name }), SNAPSHOT_READ)).rejects.toMatchObject({ code: '25006' });
    expect(await patientsNamed(name)).toBe(0);
    const isolation = await inTransaction(h.knex, async (trx) => (await trx.raw('SHOW transaction_isolation')).rows[0].transaction_isolation, SNAPSHOT_READ);
    expect(isolation).toBe('repeatable read');
  });
});
