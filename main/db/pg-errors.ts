import type { ErrorCode } from '../../preload/contract';
import { AppError } from '../shared/app-error';
import { say, type Sentence } from '../shared/say';

/**
 * PostgreSQL's SQLSTATE codes that Clinic Desk acts on. Both modes report them the same way
 * (node-postgres and PGlite put the SQLSTATE in `code` and the constraint in `constraint`).
 */
export const SqlState = {
  FOREIGN_KEY_VIOLATION: '23503',
  UNIQUE_VIOLATION: '23505',
  CHECK_VIOLATION: '23514',
  EXCLUSION_VIOLATION: '23P01',
  SERIALIZATION_FAILURE: '40001',
  DEADLOCK_DETECTED: '40P01',
} as const;

export type SqlStateCode = (typeof SqlState)[keyof typeof SqlState];

/** The SQLSTATE and constraint of a database error, when `err` is one. */
export interface PgErrorFields {
  code?: string;
  constraint?: string;
}

export function pgErrorFields(err: unknown): PgErrorFields {
  if (typeof err !== 'object' || err === null) return {};
  const { code, constraint } = err as { code?: unknown; constraint?: unknown };
  return {
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof constraint === 'string' ? { constraint } : {}),
  };
}

/** The constraint that refused the write, when the refusal was of this kind. */
export function violatedConstraint(err: unknown, state: SqlStateCode): string | undefined {
  const e = pgErrorFields(err);
  return e.code === state ? (e.constraint ?? '') : undefined;
}

/** Deadlocks and serialization failures: the database picked a victim, which must simply try again. */
export function isRetryable(err: unknown): boolean {
  const { code } = pgErrorFields(err);
  return code === SqlState.DEADLOCK_DETECTED || code === SqlState.SERIALIZATION_FAILURE;
}

// Connection-level failures (server down, socket closed, pool exhausted): the admin-shutdown and
// connection-exception SQLSTATEs, and the socket errors Node reports before PostgreSQL can answer.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

/** The database cannot be reached (as opposed to having refused the statement). */
export function isUnavailable(err: unknown): boolean {
  const e = err as { code?: string; name?: string; message?: string } | undefined;
  return (
    (typeof e?.code === 'string' && UNAVAILABLE_CODES.has(e.code)) ||
    e?.name === 'KnexTimeoutError' ||
    // pg's own wording for a client whose socket broke; knex reports it from the ROLLBACK of a
    // transaction whose server crashed mid-way (the original error is then lost).
    /Connection terminated|Connection ended|connect ECONNREFUSED|Query read timeout|the database system is (starting up|shutting down|in recovery mode)|Client has encountered a connection error|Client was closed and is not queryable/.test(
      e?.message ?? '',
    )
  );
}

/**
 * A connection that had been open died under a statement: the server ended its session (a
 * restart, an administrator's pg_terminate_backend) or the socket was reset. Not a server that
 * cannot be reached at all: a fresh connection may well work at once.
 */
export function isLostConnection(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | undefined;
  return (
    e?.code === '57P01' ||
    e?.code === '57P02' ||
    e?.code === 'ECONNRESET' ||
    e?.code === 'EPIPE' ||
    /Connection terminated|Client has encountered a connection error/.test(e?.message ?? '')
  );
}

/**
 * A statement kept prepared on its connection (main/db/prepared.ts) whose result's columns a
 * schema change made since has altered: PostgreSQL refuses it on that connection for good, so
 * the connections open now are replaced, and the caller may try again at once.
 */
export function isStalePlan(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | undefined;
  return e?.code === '0A000' && /cached plan must not change result type/.test(e.message ?? '');
}

interface Refusal {
  state: SqlStateCode;
  code: ErrorCode;
  message: Sentence;
  field?: string;
}

const ACCOUNT_EMAIL_TAKEN: Refusal = {
  state: SqlState.UNIQUE_VIOLATION,
  code: 'CONFLICT',
  message: say`An account with this email already exists`,
  field: 'email',
};
const DOCTOR_EMAIL_TAKEN: Refusal = {
  state: SqlState.UNIQUE_VIOLATION,
  code: 'CONFLICT',
  message: say`Another doctor already has this email address`,
  field: 'email',
};

/**
 * The constraints whose refusal is a person's mistake or a race a person can act on, with what
 * they are told. The database is the last word on these rules (two desks can both pass a check
 * made in code), so its refusal must read like the check's.
 */
const REFUSALS: Readonly<Record<string, Refusal>> = {
  users_email_key: ACCOUNT_EMAIL_TAKEN,
  idx_users_email_lower: ACCOUNT_EMAIL_TAKEN,
  idx_users_doctor: {
    state: SqlState.UNIQUE_VIOLATION,
    code: 'CONFLICT',
    message: say`This doctor profile already has an account`,
    field: 'doctorId',
  },
  doctor_entities_email_key: DOCTOR_EMAIL_TAKEN,
  idx_doctor_email_lower: DOCTOR_EMAIL_TAKEN,
  patient_entities_email_key: {
    state: SqlState.UNIQUE_VIOLATION,
    code: 'CONFLICT',
    message: say`Another patient already has this email address`,
    field: 'email',
  },
  uq_appointment_called: {
    state: SqlState.UNIQUE_VIOLATION,
    code: 'CONFLICT',
    message: say`Another call of this doctor’s next token came first`,
    field: 'doctorId',
  },
  // Only a receipt number written outside Clinic Desk can collide with the counter.
  payments_order_id_key: {
    state: SqlState.UNIQUE_VIOLATION,
    code: 'CONFLICT',
    message: say`The next receipt number is already used by a payment entered outside Clinic Desk; ask your administrator`,
  },
  // A token doctor's session (issue 21): the N+1th token, or an undone cancellation whose token went to somebody else.
  chk_opd_session_booked: {
    state: SqlState.CHECK_VIOLATION,
    code: 'CONFLICT',
    message: say`This session is full: all its tokens are booked`,
    field: 'id',
  },
  uq_appointment_session_token: {
    state: SqlState.UNIQUE_VIOLATION,
    code: 'CONFLICT',
    message: say`This token has been issued to another patient since`,
    field: 'id',
  },
  fk_appointment_patient: {
    state: SqlState.FOREIGN_KEY_VIOLATION,
    code: 'NOT_FOUND',
    message: say`No patient has this number`,
    field: 'patientId',
  },
};

/** The constraint names the table above relies on (a renamed one would silently stop mapping). */
export const REFUSAL_CONSTRAINTS: readonly string[] = Object.keys(REFUSALS);

/** Rules a trigger enforces and raises under a constraint name the catalog does not hold (opd_session_token()). */
const RAISED: Readonly<Record<string, Refusal>> = {
  chk_opd_emergency_reserve: {
    state: SqlState.CHECK_VIOLATION,
    code: 'CONFLICT',
    message: say`Only the tokens kept for emergencies are left in this session`,
    field: 'id',
  },
  chk_opd_token_fixed: {
    state: SqlState.CHECK_VIOLATION,
    code: 'CONFLICT',
    message: say`A session token keeps its session, number and time: cancel it and book another session`,
    field: 'id',
  },
};

/**
 * The AppError for a database refusal listed above; undefined for anything else, which the
 * caller rethrows as it was (the router logs it and reports INTERNAL or UNAVAILABLE).
 */
export function refusalFor(err: unknown): AppError | undefined {
  const { code, constraint } = pgErrorFields(err);
  const refusal =
    constraint === undefined
      ? undefined
      : Object.hasOwn(REFUSALS, constraint)
        ? REFUSALS[constraint]
        : Object.hasOwn(RAISED, constraint)
          ? RAISED[constraint]
          : undefined;
  if (!refusal || refusal.state !== code) return undefined;
  return new AppError(refusal.code, refusal.message, refusal.field);
}
