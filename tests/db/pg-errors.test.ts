import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { REFUSAL_CONSTRAINTS, SqlState, isRetryable, isUnavailable, pgErrorFields, refusalFor, violatedConstraint } from '../../main/db/pg-errors';
import { AppError } from '../../main/shared/app-error';
import { MODES, openMigrated, type Mode } from '../support/databases';

const pgError = (code: string, constraint?: string) =>
  Object.assign(new Error('duplicate key value violates unique constraint'), { code, ...(constraint ? { constraint } : {}) });

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('the statement was expected to fail');
}

describe('pg-errors', () => {
  it('maps a listed constraint of the right SQLSTATE to its AppError', () => {
    const err = refusalFor(pgError(SqlState.UNIQUE_VIOLATION, 'patient_entities_email_key'));
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'CONFLICT', field: 'email', message: 'Another patient already has this email address' });
    expect(refusalFor(pgError(SqlState.UNIQUE_VIOLATION, 'idx_users_doctor'))).toMatchObject({ code: 'CONFLICT', field: 'doctorId' });
    expect(refusalFor(pgError(SqlState.FOREIGN_KEY_VIOLATION, 'fk_appointment_patient'))).toMatchObject({ code: 'NOT_FOUND', field: 'patientId' });
  });

  it('maps both email constraints of a table (the seed one and the case-insensitive one) alike', () => {
    const a = refusalFor(pgError(SqlState.UNIQUE_VIOLATION, 'users_email_key'));
    const b = refusalFor(pgError(SqlState.UNIQUE_VIOLATION, 'idx_users_email_lower'));
    expect(a).toMatchObject({ code: 'CONFLICT', field: 'email' });
    expect(b).toEqual(a);
  });

  it('leaves unknown constraints, other SQLSTATEs and non-database errors alone', () => {
    expect(refusalFor(pgError(SqlState.UNIQUE_VIOLATION, 'some_other_key'))).toBeUndefined();
    expect(refusalFor(pgError(SqlState.CHECK_VIOLATION, 'patient_entities_email_key'))).toBeUndefined();
    expect(refusalFor(pgError(SqlState.UNIQUE_VIOLATION))).toBeUndefined();
    expect(refusalFor(pgError(SqlState.UNIQUE_VIOLATION, 'toString'))).toBeUndefined();
    expect(refusalFor(new Error('boom'))).toBeUndefined();
    expect(refusalFor(undefined)).toBeUndefined();
    expect(refusalFor('23505')).toBeUndefined();
  });

  it('reads the SQLSTATE and constraint only when they are strings', () => {
    expect(pgErrorFields(pgError('23P01', 'excl_appointment_overlap'))).toEqual({ code: '23P01', constraint: 'excl_appointment_overlap' });
    expect(pgErrorFields({ code: 42, constraint: null })).toEqual({});
    expect(pgErrorFields(null)).toEqual({});
  });

  it('names the violated constraint only for the SQLSTATE asked about', () => {
    const clash = pgError(SqlState.EXCLUSION_VIOLATION, 'excl_appointment_patient_overlap');
    expect(violatedConstraint(clash, SqlState.EXCLUSION_VIOLATION)).toBe('excl_appointment_patient_overlap');
    expect(violatedConstraint(clash, SqlState.UNIQUE_VIOLATION)).toBeUndefined();
    expect(violatedConstraint(pgError(SqlState.EXCLUSION_VIOLATION), SqlState.EXCLUSION_VIOLATION)).toBe('');
  });

  it('retries deadlocks and serialization failures only', () => {
    expect(isRetryable(pgError('40P01'))).toBe(true);
    expect(isRetryable(pgError('40001'))).toBe(true);
    expect(isRetryable(pgError('23505'))).toBe(false);
    expect(isRetryable(new Error('boom'))).toBe(false);
  });

  it('tells an unreachable database from a refused statement', () => {
    expect(isUnavailable(pgError('57P01'))).toBe(true);
    expect(isUnavailable(pgError('08006'))).toBe(true);
    expect(isUnavailable(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isUnavailable(pgError('23505', 'users_email_key'))).toBe(false);
  });
});

describe.each(MODES)('pg-errors against the database (%s)', (mode: Mode) => {
  let knex: Knex;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const s = await openMigrated(mode);
    knex = s.db.knex;
    dispose = s.dispose;
  });

  afterAll(() => dispose());

  it('every constraint the table names exists in the migrated schema', async () => {
    const indexes: string[] = await knex('pg_class').whereIn('relname', REFUSAL_CONSTRAINTS).pluck('relname');
    const constraints: string[] = await knex('pg_constraint').whereIn('conname', REFUSAL_CONSTRAINTS).pluck('conname');
    expect(new Set([...indexes, ...constraints])).toEqual(new Set(REFUSAL_CONSTRAINTS));
  });

  it("maps the driver's own errors: a duplicate email and a missing patient", async () => {
    await knex('patient_entities').insert({ name: 'P One', email: 'p1@clinic.test' });
    const duplicate = await failure(knex('patient_entities').insert({ name: 'P Two', email: 'p1@clinic.test' }));
    expect(refusalFor(duplicate)).toMatchObject({ code: 'CONFLICT', field: 'email' });

    const [{ id: doctorId }] = await knex('doctor_entities').insert({ name: 'Dr. A', email: 'a@clinic.test' }).returning('id');
    const orphan = await failure(
      knex('appointment_entities').insert({
        doctor_id: doctorId,
        patient_id: 99_999_999,
        appointment_date: '2026-12-01',
        start_time: '10:00',
        end_time: '10:30',
        status: 'SCHEDULED',
      }),
    );
    expect(refusalFor(orphan)).toMatchObject({ code: 'NOT_FOUND', field: 'patientId' });
  });
});
