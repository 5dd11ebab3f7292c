import type { Knex } from 'knex';

/** The database is not empty, so loading the demo would mix invented and real records. */
export class DemoRefusedError extends Error {
  override name = 'DemoRefusedError';
}

const EMPTY_ONLY = 'the demo clinic is only loaded into an empty database so demo and real records never mix.';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function listed(parts: readonly string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export async function refuseUnlessEmpty(trx: Knex.Transaction): Promise<void> {
  const { rows } = await trx.raw<{ rows: { patients: number; doctors: number; appointments: number }[] }>(`
    SELECT (SELECT count(*) FROM patient_entities) AS patients,
           (SELECT count(*) FROM doctor_entities) AS doctors,
           (SELECT count(*) FROM appointment_entities) AS appointments`);
  const { patients = 0, doctors = 0, appointments = 0 } = rows[0] ?? {};
  const held = [
    patients > 0 ? plural(patients, 'patient', 'patients') : '',
    doctors > 0 ? plural(doctors, 'doctor', 'doctors') : '',
    appointments > 0 ? plural(appointments, 'appointment', 'appointments') : '',
  ].filter(Boolean);
  if (held.length > 0) throw new DemoRefusedError(`The database already holds ${listed(held)}; ${EMPTY_ONLY}`);
}

/**
 * An otherwise empty clinic may already have staff accounts (say, its first admin). Those stay,
 * and none of the demo's logins may take one over or collide with it.
 */
export async function refuseTakenLogins(trx: Knex.Transaction, emails: readonly string[]): Promise<void> {
  const taken: string[] = await trx('users').whereIn('email', emails).orderBy('email').pluck('email');
  if (taken.length > 0) {
    throw new DemoRefusedError(`The database already has user accounts for ${listed(taken)}; ${EMPTY_ONLY}`);
  }
}
