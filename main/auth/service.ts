import type { Knex } from 'knex';
import type { Language, SessionDto } from '../../preload/contract';
import { insertAudit, type AuditRecord } from '../audit/repo';
import { AppError } from '../shared/app-error';
import { waitOf } from '../shared/durations';
import { say } from '../shared/say';
import type { CallContext, CurrentUser } from '../shared/call-context';
import type { SettingsService } from '../settings/service';
import { isValidTimeZone } from '../settings/time-zone';
import { countUsers, findUserByEmail, findUserById, insertUser, updateUser, type UserRow } from '../users/repo';
import { hashPassword, verifyPassword, warmHashing } from './hashing';
import { passwordProblem } from './password-policy';
import type { SessionStore } from './sessions';
import { claimAttempt, clearAttempts, type Claim } from './throttle-repo';

const WRONG_CREDENTIALS = say`Email or password is incorrect.`;
/** Wrong passwords a lock screen takes before its session ends (counted per session, never per account). */
const MAX_UNLOCK_FAILURES = 5;

/** The same words whether or not the email is an account's, so the wait reveals nothing. */
const throttled = (seconds: number) =>
  say`Too many failed sign-ins on this PC. Try again in ${waitOf(seconds)}, or ask a clinic administrator to unlock the account.`;

/** A user who may use the desktop app: not disabled, not a PATIENT account. */
function activeUser(row: UserRow | undefined): CurrentUser | undefined {
  if (!row || row.disabled_at !== null || row.role === 'PATIENT') return undefined;
  return { id: row.id, email: row.email, displayName: row.display_name, role: row.role, doctorId: row.doctor_id, language: row.language };
}

export class AuthService {
  constructor(
    private readonly knex: Knex,
    private readonly sessions: SessionStore,
    private readonly settings: SettingsService,
    /** Drops a user's cached row, so the next call on this PC reads the change at once. */
    private readonly forgetUser: (userId: number) => void = () => {},
  ) {}

  async loadUser(userId: number): Promise<CurrentUser | undefined> {
    return activeUser(await findUserById(this.knex, userId));
  }

  async sessionOf(key: string, user: CurrentUser | undefined): Promise<SessionDto | null> {
    const state = this.sessions.get(key);
    if (!state || !user) return null;
    return {
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      doctorId: user.doctorId,
      locked: state.locked,
      idleLockMinutes: (await this.settings.get()).idleLockMinutes,
      language: user.language,
    };
  }

  async status(ctx: CallContext, user: CurrentUser | undefined) {
    const session = await this.sessionOf(ctx.sessionKey, user);
    // A screen that asks for a password comes next.
    if (!session || session.locked) warmHashing();
    return { needsFirstAdmin: (await countUsers(this.knex)) === 0, session };
  }

  /** First run: the clinic's name and zone, and its first ADMIN, who is signed in at once. */
  async createFirstAdmin(
    req: { clinicName: string; timeZone: string; email: string; displayName: string; password: string },
    ctx: CallContext,
  ): Promise<SessionDto> {
    if (!isValidTimeZone(req.timeZone)) throw new AppError('INVALID', say`"${req.timeZone}" is not a known time zone`, 'timeZone');
    const problem = await passwordProblem(req.password, req.email);
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
    const claim = await claimAttempt(this.knex, email, ctx.workstation);
    if (!claim.allowed) {
      await insertAudit(this.knex, { ...typed, outcome: 'DENIED', detail: { reason: 'throttled', retryAfterSeconds: claim.retryAfterSeconds } });
      throw new AppError('UNAUTHENTICATED', throttled(claim.retryAfterSeconds));
    }
    const row = await findUserByEmail(this.knex, email);
    if (!(await verifyPassword(password, row?.password))) {
      await this.auditWrong(claim, { ...typed, userId: row?.id ?? null, detail: { reason: 'wrong password' } });
      throw new AppError('UNAUTHENTICATED', claim.waitIfWrong > 0 ? throttled(claim.waitIfWrong) : WRONG_CREDENTIALS);
    }
    await clearAttempts(this.knex, email, ctx.workstation);
    // Past this point the password was right, so saying why sign-in is refused reveals nothing.
    const user = row as UserRow;
    if (user.role === 'PATIENT') {
      await insertAudit(this.knex, { ...this.actor(ctx, user), action: 'auth.login', outcome: 'DENIED', detail: { reason: 'patient account' } });
      throw new AppError(
        'FORBIDDEN',
        'Patient accounts cannot sign in to Clinic Desk. Patients join their consultation through the link the clinic sends them.',
      );
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

  /**
   * Only this lock screen's own wrong passwords count here, never sign-in failures typed
   * elsewhere: someone else's guesses cannot keep the person at this PC out of their own
   * session. The attempt is counted before the password is checked; the fifth wrong one ends
   * the session, and anything after it is refused unchecked.
   */
  async unlock(password: string, ctx: CallContext, user: CurrentUser): Promise<SessionDto> {
    const attempt = this.sessions.countUnlockAttempt(ctx.sessionKey);
    // Signed out while this call waited (the attempt before it was the fifth wrong one).
    if (attempt === undefined) throw new AppError('UNAUTHENTICATED', 'Please sign in.');
    const refuse = async (): Promise<never> => {
      this.sessions.signOut(ctx.sessionKey);
      await insertAudit(this.knex, { ...this.actor(ctx, user), action: 'auth.lockout', outcome: 'DENIED', detail: { reason: 'unlock attempts' } });
      throw new AppError('UNAUTHENTICATED', 'Too many wrong passwords: you have been signed out. Sign in again.');
    };
    if (attempt > MAX_UNLOCK_FAILURES) return refuse();
    const row = await findUserById(this.knex, user.id);
    if (!(await verifyPassword(password, row?.password))) {
      await insertAudit(this.knex, { ...this.actor(ctx, user), action: 'auth.unlock', outcome: 'DENIED' });
      if (attempt >= MAX_UNLOCK_FAILURES) return refuse();
      throw new AppError('UNAUTHENTICATED', 'That password is not right.', 'password');
    }
    this.sessions.setLocked(ctx.sessionKey, false);
    await insertAudit(this.knex, { ...this.actor(ctx, user), action: 'auth.unlock' });
    return (await this.sessionOf(ctx.sessionKey, user)) as SessionDto;
  }

  /**
   * Wrong current passwords count as failed sign-ins of this email at this PC. A changed
   * password ends the user's other sessions (another PC, a forgotten tab) but not this window
   * or the call windows it opened.
   */
  async changePassword(current: string, next: string, ctx: CallContext, user: CurrentUser): Promise<null> {
    const record: AuditRecord = { ...this.actor(ctx, user), action: 'auth.changePassword' };
    const claim = await claimAttempt(this.knex, user.email, ctx.workstation);
    if (!claim.allowed) {
      await insertAudit(this.knex, { ...record, outcome: 'DENIED', detail: { reason: 'throttled', retryAfterSeconds: claim.retryAfterSeconds } });
      throw new AppError('INVALID', throttled(claim.retryAfterSeconds), 'currentPassword');
    }
    const row = await findUserById(this.knex, user.id);
    if (!(await verifyPassword(current, row?.password))) {
      await this.auditWrong(claim, { ...record, detail: { reason: 'wrong password' } });
      throw new AppError('INVALID', claim.waitIfWrong > 0 ? throttled(claim.waitIfWrong) : say`The current password is not right.`, 'currentPassword');
    }
    await clearAttempts(this.knex, user.email, ctx.workstation);
    const problem = await passwordProblem(next, user.email);
    if (problem) throw new AppError('INVALID', problem, 'newPassword');
    if (next === current) throw new AppError('INVALID', 'Choose a password different from the current one', 'newPassword');
    await updateUser(this.knex, user.id, { passwordHash: await hashPassword(next) });
    this.sessions.signOutUserExcept(user.id, ctx.sessionKey);
    await insertAudit(this.knex, record);
    return null;
  }

  /** The signed-in user's own desk language: kept on their row, so every PC starts in it. */
  async setLanguage(language: Language, ctx: CallContext, user: CurrentUser): Promise<SessionDto> {
    const row = await updateUser(this.knex, user.id, { language });
    this.forgetUser(user.id);
    // Its other windows (a call window, another desk tab) switch with it.
    this.sessions.userChanged(user.id);
    return (await this.sessionOf(ctx.sessionKey, activeUser(row))) as SessionDto;
  }

  /** A wrong password's audit row, and a second one when it started this PC's wait. */
  private async auditWrong(claim: Claim & { allowed: true }, record: AuditRecord): Promise<void> {
    await insertAudit(this.knex, { ...record, outcome: 'DENIED' });
    if (claim.delayStarted) await insertAudit(this.knex, { ...record, action: 'auth.lockout', outcome: 'DENIED' });
  }

  private async signIn(ctx: CallContext, row: UserRow): Promise<SessionDto> {
    this.sessions.signIn(ctx.sessionKey, row.id);
    return (await this.sessionOf(ctx.sessionKey, activeUser(row))) as SessionDto;
  }

  private actor(ctx: CallContext, user: { id: number; email: string }) {
    return { userId: user.id, userEmail: user.email, workstation: ctx.workstation };
  }
}
