import type { Knex } from 'knex';
import type { SessionDto } from '../../preload/contract';
import { insertAudit, type AuditRecord } from '../audit/repo';
import { AppError } from '../ipc/errors';
import type { CallContext, CurrentUser } from '../ipc/context';
import type { SettingsService } from '../settings/service';
import { isValidTimeZone } from '../settings/time-zone';
import { countUsers, findUserByEmail, findUserById, insertUser, updateUser, type UserRow } from '../users/repo';
import { hashPassword, verifyPassword } from './hashing';
import { passwordProblem } from './password-policy';
import type { SessionStore } from './sessions';
import { LOCK_MINUTES, clearFailures, lockedUntil, recordFailure } from './throttle-repo';

const WRONG_CREDENTIALS = 'Email or password is incorrect.';
const LOCKED_OUT = `Too many failed sign-ins with this email. Try again in ${LOCK_MINUTES} minutes, or ask a clinic administrator to unlock the account.`;

/** A user who may use the desktop app: not disabled, not a PATIENT account. */
export function activeUser(row: UserRow | undefined): CurrentUser | undefined {
  if (!row || row.disabled_at !== null || row.role === 'PATIENT') return undefined;
  return { id: row.id, email: row.email, displayName: row.display_name, role: row.role, doctorId: row.doctor_id };
}

export class AuthService {
  constructor(
    private readonly knex: Knex,
    private readonly sessions: SessionStore,
    private readonly settings: SettingsService,
  ) {}

  async loadUser(userId: number): Promise<CurrentUser | undefined> {
    return activeUser(await findUserById(this.knex, userId));
  }

  async sessionOf(key: string, user: CurrentUser | undefined): Promise<SessionDto | null> {
    const state = this.sessions.get(key);
    if (!state || !user) return null;
    return { userId: user.id, email: user.email, displayName: user.displayName, role: user.role, doctorId: user.doctorId, locked: state.locked, idleLockMinutes: (await this.settings.get()).idleLockMinutes };
  }

  async status(ctx: CallContext, user: CurrentUser | undefined) {
    return { needsFirstAdmin: (await countUsers(this.knex)) === 0, session: await this.sessionOf(ctx.sessionKey, user) };
  }

  /** First run: the clinic's name and zone, and its first ADMIN, who is signed in at once. */
  async createFirstAdmin(
    req: { clinicName: string; timeZone: string; email: string; displayName: string; password: string },
    ctx: CallContext,
  ): Promise<SessionDto> {
    if (!isValidTimeZone(req.timeZone)) throw new AppError('INVALID', `"${req.timeZone}" is not a known time zone`, 'timeZone');
    const problem = passwordProblem(req.password, req.email);
    if (problem) throw new AppError('INVALID', problem, 'password');
    const passwordHash = await hashPassword(req.password);
    const row = await this.knex.transaction(async (trx) => {
      // Two PCs finishing set-up at the same moment must not both create an admin.
      await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('clinic-desk:first-admin'))`);
      if ((await countUsers(trx)) > 0) throw new AppError('CONFLICT', 'This clinic is already set up. Sign in instead.');
      const admin = await insertUser(trx, { email: req.email, passwordHash, role: 'ADMIN', displayName: req.displayName, doctorId: null });
      await this.settings.update({ clinicName: req.clinicName, timeZone: req.timeZone }, admin.id, trx);
      await insertAudit(trx, { ...this.actor(ctx, admin), action: 'auth.createFirstAdmin', entity: 'user', entityId: admin.id });
      return admin;
    });
    return this.signIn(ctx, row);
  }

  async login(email: string, password: string, ctx: CallContext): Promise<SessionDto> {
    const typed: AuditRecord = { userId: null, userEmail: email, workstation: ctx.workstation, action: 'auth.login' };
    if (await lockedUntil(this.knex, email)) {
      await insertAudit(this.knex, { ...typed, outcome: 'DENIED', detail: { reason: 'locked' } });
      throw new AppError('UNAUTHENTICATED', LOCKED_OUT);
    }
    const row = await findUserByEmail(this.knex, email);
    if (!(await verifyPassword(password, row?.password))) {
      const { lockedNow } = await recordFailure(this.knex, email);
      await insertAudit(this.knex, { ...typed, userId: row?.id ?? null, outcome: 'DENIED', detail: { reason: 'wrong password' } });
      if (lockedNow) {
        await insertAudit(this.knex, { ...typed, userId: row?.id ?? null, action: 'auth.lockout', outcome: 'DENIED' });
        throw new AppError('UNAUTHENTICATED', LOCKED_OUT);
      }
      throw new AppError('UNAUTHENTICATED', WRONG_CREDENTIALS);
    }
    await clearFailures(this.knex, email);
    // Past this point the password was right, so saying why sign-in is refused reveals nothing.
    const user = row as UserRow;
    if (user.role === 'PATIENT') {
      await insertAudit(this.knex, { ...this.actor(ctx, user), action: 'auth.login', outcome: 'DENIED', detail: { reason: 'patient account' } });
      throw new AppError('FORBIDDEN', 'Patient accounts cannot sign in to Clinic Desk. Patients join their consultation through the link the clinic sends them.');
    }
    if (user.disabled_at !== null) {
      await insertAudit(this.knex, { ...this.actor(ctx, user), action: 'auth.login', outcome: 'DENIED', detail: { reason: 'disabled' } });
      throw new AppError('FORBIDDEN', 'This account is disabled. Ask a clinic administrator.');
    }
    await updateUser(this.knex, user.id, { loggedIn: true });
    await insertAudit(this.knex, { ...this.actor(ctx, user), action: 'auth.login' });
    return this.signIn(ctx, user);
  }

  async logout(ctx: CallContext, user: CurrentUser): Promise<null> {
    this.sessions.signOut(ctx.sessionKey);
    await insertAudit(this.knex, { ...this.actor(ctx, user), action: 'auth.logout' });
    return null;
  }

  async lock(ctx: CallContext, user: CurrentUser): Promise<SessionDto> {
    this.sessions.setLocked(ctx.sessionKey, true);
    return (await this.sessionOf(ctx.sessionKey, user)) as SessionDto;
  }

  /** Unlocking counts failures like sign-in does: five wrong passwords end the session. */
  async unlock(password: string, ctx: CallContext, user: CurrentUser): Promise<SessionDto> {
    const row = await findUserById(this.knex, user.id);
    if (await lockedUntil(this.knex, user.email)) {
      this.sessions.signOut(ctx.sessionKey);
      throw new AppError('UNAUTHENTICATED', LOCKED_OUT);
    }
    if (!(await verifyPassword(password, row?.password))) {
      const { lockedNow } = await recordFailure(this.knex, user.email);
      await insertAudit(this.knex, { ...this.actor(ctx, user), action: 'auth.unlock', outcome: 'DENIED' });
      if (lockedNow) {
        await insertAudit(this.knex, { ...this.actor(ctx, user), action: 'auth.lockout', outcome: 'DENIED' });
        this.sessions.signOut(ctx.sessionKey);
        throw new AppError('UNAUTHENTICATED', LOCKED_OUT);
      }
      throw new AppError('UNAUTHENTICATED', 'That password is not right.', 'password');
    }
    await clearFailures(this.knex, user.email);
    this.sessions.setLocked(ctx.sessionKey, false);
    await insertAudit(this.knex, { ...this.actor(ctx, user), action: 'auth.unlock' });
    return (await this.sessionOf(ctx.sessionKey, user)) as SessionDto;
  }

  async changePassword(current: string, next: string, ctx: CallContext, user: CurrentUser): Promise<null> {
    const row = await findUserById(this.knex, user.id);
    if (!(await verifyPassword(current, row?.password))) {
      await insertAudit(this.knex, { ...this.actor(ctx, user), action: 'auth.changePassword', outcome: 'DENIED' });
      throw new AppError('INVALID', 'The current password is not right.', 'currentPassword');
    }
    const problem = passwordProblem(next, user.email);
    if (problem) throw new AppError('INVALID', problem, 'newPassword');
    if (next === current) throw new AppError('INVALID', 'Choose a password different from the current one', 'newPassword');
    await updateUser(this.knex, user.id, { passwordHash: await hashPassword(next) });
    await insertAudit(this.knex, { ...this.actor(ctx, user), action: 'auth.changePassword' });
    return null;
  }

  private async signIn(ctx: CallContext, row: UserRow): Promise<SessionDto> {
    this.sessions.signIn(ctx.sessionKey, row.id);
    return (await this.sessionOf(ctx.sessionKey, activeUser(row))) as SessionDto;
  }

  private actor(ctx: CallContext, user: { id: number; email: string }) {
    return { userId: user.id, userEmail: user.email, workstation: ctx.workstation };
  }
}
