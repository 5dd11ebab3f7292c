import type { Knex } from 'knex';
import type { Language, Role, UserDto } from '../../preload/contract';

export type AccountRole = Role | 'PATIENT';

export interface UserRow {
  id: number;
  email: string;
  password: string;
  role: AccountRole;
  display_name: string;
  disabled_at: string | null;
  last_login_at: string | null;
  password_changed_at: string | null;
  doctor_id: number | null;
  language: Language;
  created_at: string;
}

interface ListedRow extends UserRow {
  locked_until: string | null;
}

export function toUserDto(row: UserRow, lockedUntil: string | null): UserDto {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    doctorId: row.doctor_id,
    disabled: row.disabled_at !== null,
    lockedUntil,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
  };
}

export async function countUsers(knex: Knex): Promise<number> {
  const row = await knex('users').count<{ n: number }>({ n: '*' }).first();
  return Number(row?.n ?? 0);
}

export async function findUserById(knex: Knex, id: number): Promise<UserRow | undefined> {
  return knex<UserRow>('users').where({ id }).first();
}

export async function findUserByEmail(knex: Knex, email: string): Promise<UserRow | undefined> {
  return knex<UserRow>('users').whereRaw('lower(email) = lower(?)', [email]).first();
}

/** Users with the longest wait that failed sign-ins with their email put on any PC, if still running. */
export async function listUsers(knex: Knex): Promise<UserDto[]> {
  const running = knex('login_throttle').where('locked_until', '>', knex.fn.now()).groupBy('email').select('email').max({ locked_until: 'locked_until' });
  const rows: ListedRow[] = await knex('users as u')
    .leftJoin(running.as('t'), function () {
      this.on(knex.raw('t.email = lower(u.email)'));
    })
    .select('u.*', 't.locked_until')
    .orderBy([{ column: 'u.role' }, { column: 'u.display_name' }, { column: 'u.id' }]);
  return rows.map((r) => toUserDto(r, r.locked_until));
}

export async function insertUser(
  knex: Knex,
  user: { email: string; passwordHash: string; role: AccountRole; displayName: string; doctorId: number | null },
): Promise<UserRow> {
  const [row] = await knex<UserRow>('users')
    .insert({
      email: user.email,
      password: user.passwordHash,
      role: user.role,
      display_name: user.displayName,
      doctor_id: user.doctorId,
    })
    .returning('*');
  // password_changed_at keeps its NULL until the first change: the initial password was set by someone else.
  return row as UserRow;
}

export async function updateUser(
  knex: Knex,
  id: number,
  patch: Partial<{
    role: AccountRole;
    displayName: string;
    doctorId: number | null;
    disabled: boolean;
    passwordHash: string;
    loggedIn: true;
    language: Language;
  }>,
): Promise<UserRow | undefined> {
  const update: Record<string, unknown> = { updated_at: knex.fn.now() };
  if (patch.role !== undefined) update.role = patch.role;
  if (patch.displayName !== undefined) update.display_name = patch.displayName;
  if (patch.doctorId !== undefined) update.doctor_id = patch.doctorId;
  if (patch.disabled !== undefined) update.disabled_at = patch.disabled ? knex.fn.now() : null;
  if (patch.passwordHash !== undefined) {
    update.password = patch.passwordHash;
    update.password_changed_at = knex.fn.now();
  }
  if (patch.loggedIn) update.last_login_at = knex.fn.now();
  if (patch.language !== undefined) update.language = patch.language;
  const [row] = await knex<UserRow>('users').where({ id }).update(update).returning('*');
  return row;
}

/** Active admins other than the given user: the clinic must always keep one. */
export async function countOtherActiveAdmins(knex: Knex, exceptId: number): Promise<number> {
  const row = await knex('users').where({ role: 'ADMIN' }).whereNull('disabled_at').whereNot({ id: exceptId }).count<{ n: number }>({ n: '*' }).first();
  return Number(row?.n ?? 0);
}

/** DOCTOR accounts not yet tied to a doctor profile get the profile with the same email. */
export async function linkDoctorAccountsByEmail(knex: Knex): Promise<void> {
  await knex.raw(`
    UPDATE users u SET doctor_id = d.id FROM doctor_entities d
     WHERE u.role = 'DOCTOR' AND u.doctor_id IS NULL AND lower(d.email) = lower(u.email)`);
}
