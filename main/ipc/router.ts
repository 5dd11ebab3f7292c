import type { z } from 'zod';
import { channels, parseRequest, type ChannelName, type ChannelSpec, type Res, type Phrase, type Result, type Role } from '../../preload/contract';
import type { AuditRecord } from '../audit/repo';
import { CALL_CHANNELS } from '../auth/call-scope';
import type { SessionStore } from '../auth/sessions';
import { isLostConnection, isStalePlan, isUnavailable } from '../db/pg-errors';
import type { CallContext, CurrentUser } from '../shared/call-context';
import { AppError } from '../shared/app-error';
import { say } from '../shared/say';

/** What a handler knows about its call. `user` is set on every channel that is not public. */
export interface Call<Public extends boolean = false> {
  ctx: CallContext;
  user: Public extends true ? CurrentUser | undefined : CurrentUser;
  /** The record an audited call touched, when neither the request nor the reply has an `id`. */
  auditId?: number;
  /**
   * The audit row this call owes (audited channels only, entity id to be filled in). A handler
   * that writes it in the same commit as its change sets `audited`, and the router adds no
   * second row: one commit per booking instead of two.
   */
  audit?: AuditRecord;
  audited?: boolean;
}

type Spec<C extends ChannelName> = (typeof channels)[C];

/** A signed-in channel that declares an audit row always has the router's row to write. */
type CallOf<C extends ChannelName> = Spec<C>['roles'] extends 'public' ? Call<true> : Spec<C> extends { audit: object } ? Call & { audit: AuditRecord } : Call;

export type Handler<C extends ChannelName> = (req: z.output<Spec<C>['req']>, call: CallOf<C>) => Promise<Res<C>>;

type AnyHandler = (req: unknown, call: Call<boolean>) => Promise<unknown>;

/**
 * Every channel of one domain (the part of its name before the dot) with its handler. A domain's
 * map is written `{ ... } satisfies DomainHandlers<'patients'>`, so a channel added to the
 * contract without a handler fails the type-check, not just the start-up check.
 */
export type DomainHandlers<Domain extends string> = {
  [C in ChannelName as C extends `${Domain}.${string}` ? C : never]: Handler<C>;
};

export interface RouterDeps {
  sessions: SessionStore;
  /** The signed-in user from the database (a few seconds old at most); undefined when disabled, deleted or a PATIENT. */
  loadUser(userId: number): Promise<CurrentUser | undefined>;
  idleLockMinutes(): Promise<number>;
  audit(record: AuditRecord): Promise<void>;
  log(message: string, err: unknown): void;
  /**
   * Checks each reply against its channel's `res` schema (development and test builds): a
   * handler that strays from the contract fails its call loudly, naming the channel, instead
   * of reaching a screen that trusts the type. Off in production, where replies pass untouched.
   */
  checkReplies?: boolean;
}

const REFUSAL_OUTCOMES: Partial<Record<AppError['code'], 'DENIED' | 'REFUSED'>> = {
  UNAUTHENTICATED: 'DENIED',
  FORBIDDEN: 'DENIED',
  CONFLICT: 'REFUSED',
  NOT_FOUND: 'REFUSED',
};

/**
 * Channels whose service writes its own refusal rows, with the reason (a wrong password, a
 * lock-out): the router adds none after their handlers. Refusals before the handler (a locked
 * or signed-out session) are still the router's.
 */
const SERVICE_AUDITS_REFUSALS: ReadonlySet<string> = new Set(['auth.login', 'auth.unlock', 'auth.changePassword']);

/** Who is calling, as far as the router got before a refusal. */
interface Caller {
  userId?: number;
  user?: CurrentUser;
}

const fail = (code: AppError['code'], message: string, field?: string, phrase?: Phrase): Result<never> => ({
  ok: false,
  error: { code, message, ...(field ? { field } : {}), ...(phrase ? { phrase } : {}) },
});

const UNAVAILABLE_MESSAGE = 'The clinic database cannot be reached. What you typed is kept; try again in a moment.';

function entityIdOf(req: unknown, value: unknown): number | null {
  for (const source of [value, req]) {
    const id = (source as { id?: unknown } | null)?.id;
    if (typeof id === 'number') return id;
  }
  return null;
}

/** What is wrong with a handler's reply, per the channel's `res` schema; undefined when it fits. */
function replyProblem(channel: string, spec: ChannelSpec, value: unknown): string | undefined {
  const checked = spec.res.safeParse(value);
  if (checked.success) return undefined;
  const issues = checked.error.issues.map((i) => `${i.path.join('.') || '(reply)'}: ${i.message}`).join('; ');
  return `The reply of ${channel} does not match the contract: ${issues}`;
}

/**
 * Every call, in order: known channel → payload parses → session signed in, not locked, role
 * allowed → handler → audit row for channels that declare one. Whatever a handler throws
 * leaves as a typed error with a message for people; SQL and stacks go to the log only.
 */
export class Router {
  private readonly handlers = new Map<string, AnyHandler>();

  constructor(private readonly deps: RouterDeps) {}

  handle<C extends ChannelName>(channel: C, handler: Handler<C>): this {
    return this.register(channel, handler as unknown as AnyHandler);
  }

  /** Registers a domain's map of handlers (see DomainHandlers). */
  handleAll(handlers: { [C in ChannelName]?: Handler<C> }): this {
    for (const [channel, handler] of Object.entries(handlers)) this.register(channel, handler as unknown as AnyHandler);
    return this;
  }

  private register(channel: string, handler: AnyHandler): this {
    if (this.handlers.has(channel)) throw new Error(`Handler for ${channel} registered twice`);
    this.handlers.set(channel, handler);
    return this;
  }

  /** Channels of the contract without a handler: the app refuses to start with any. */
  missingHandlers(): ChannelName[] {
    return (Object.keys(channels) as ChannelName[]).filter((c) => !this.handlers.has(c));
  }

  async call(channel: string, payload: unknown, ctx: CallContext): Promise<Result<unknown>> {
    const spec = Object.hasOwn(channels, channel) ? (channels as Record<string, ChannelSpec>)[channel] : undefined;
    const handler = this.handlers.get(channel);
    if (!spec || !handler) return this.toFailure(channel, new AppError('NOT_FOUND', say`Unknown call "${String(channel).slice(0, 80)}"`));

    const parsed = parseRequest(spec.req, payload);
    if (!parsed.ok) return parsed;

    let user: CurrentUser | undefined;
    const caller: Caller = {};
    try {
      user = await this.authorise(channel, spec, ctx, caller);
    } catch (err) {
      // Leaving or locking an unattended screen must work even when the database (the user's
      // row) cannot be read: the session changes here; only the audit row is lost with the server.
      if (channel === 'auth.logout') this.deps.sessions.signOut(ctx.sessionKey);
      if (channel === 'auth.lock') this.deps.sessions.setLocked(ctx.sessionKey, true);
      await this.auditRefusal(channel, spec, ctx, caller, parsed.data, err);
      return this.toFailure(channel, err);
    }

    try {
      const audit: AuditRecord | undefined =
        spec.audit && user
          ? {
              userId: user.id,
              userEmail: user.email,
              workstation: ctx.workstation,
              action: channel,
              entity: spec.audit.entity,
              ...(spec.audit.kind === 'read' ? { read: true } : {}),
            }
          : undefined;
      const call: Call<boolean> = { ctx, user, audit };
      const value = await handler(parsed.data, call);
      if (audit && !call.audited) await this.deps.audit({ ...audit, entityId: call.auditId ?? entityIdOf(parsed.data, value) });
      if (this.deps.checkReplies) {
        const strayed = replyProblem(channel, spec, value);
        if (strayed) {
          this.deps.log(strayed, value);
          return fail('INTERNAL', strayed);
        }
      }
      return { ok: true, value };
    } catch (err) {
      if (!SERVICE_AUDITS_REFUSALS.has(channel)) await this.auditRefusal(channel, spec, ctx, { user, userId: user?.id }, parsed.data, err);
      return this.toFailure(channel, err);
    }
  }

  /** `caller` learns who is calling as soon as it is known, for the audit row of a refusal. */
  private async authorise(channel: string, spec: ChannelSpec, ctx: CallContext, caller: Caller): Promise<CurrentUser | undefined> {
    const state = this.deps.sessions.get(ctx.sessionKey);
    caller.userId = state?.userId;
    if (spec.roles === 'public') {
      return state ? await this.loadUser(state.userId) : undefined;
    }
    if (!state) throw new AppError('UNAUTHENTICATED', 'Please sign in.');
    const user = await this.loadUser(state.userId);
    caller.user = user;
    if (!user) {
      this.deps.sessions.signOut(ctx.sessionKey);
      throw new AppError('UNAUTHENTICATED', 'Your account is no longer active. Please sign in again.');
    }
    const touched = this.deps.sessions.touch(ctx.sessionKey, (await this.deps.idleLockMinutes()) * 60_000);
    if (touched?.locked && !spec.whenLocked) {
      throw new AppError('UNAUTHENTICATED', 'The screen is locked. Enter your password to continue.');
    }
    if (state.scope === 'call' && !CALL_CHANNELS.has(channel as ChannelName)) {
      throw new AppError('FORBIDDEN', 'A call window can only run the call. Use the main Clinic Desk window for this.');
    }
    if (!(spec.roles as readonly Role[]).includes(user.role)) {
      throw new AppError('FORBIDDEN', 'Your role does not allow this.');
    }
    return user;
  }

  /**
   * A signed-in call starts by reading its user. When that first statement finds its pooled
   * connection dead (the clinic server restarted, or its sessions were ended), nothing has run
   * yet and the pool has retired its other old connections (main/db/server.ts): read once more,
   * on a fresh one, rather than tell the desk the database cannot be reached.
   */
  private async loadUser(userId: number): Promise<CurrentUser | undefined> {
    try {
      return await this.deps.loadUser(userId);
    } catch (err) {
      if (!isLostConnection(err)) throw err;
      return this.deps.loadUser(userId);
    }
  }

  /**
   * Every refusal leaves a row, whichever channel: DENIED when the caller may not (signed out,
   * locked, wrong role or not theirs), REFUSED when the rules said no (a clash, a record that is
   * not there). Bad input (INVALID) writes nothing at all; an outage cannot write.
   */
  private async auditRefusal(channel: string, spec: ChannelSpec, ctx: CallContext, caller: Caller, req: unknown, err: unknown): Promise<void> {
    if (!(err instanceof AppError)) return;
    const outcome = REFUSAL_OUTCOMES[err.code];
    if (!outcome) return;
    await this.deps
      .audit({
        userId: caller.user?.id ?? caller.userId ?? null,
        userEmail: caller.user?.email ?? null,
        workstation: ctx.workstation,
        action: channel,
        entity: spec.audit?.entity ?? null,
        entityId: entityIdOf(req, undefined),
        outcome,
        detail: { code: err.code, ...(err.field ? { field: err.field } : {}) },
      })
      .catch((auditErr: unknown) => this.deps.log('audit write failed', auditErr));
  }

  private toFailure(channel: string, err: unknown): Result<never> {
    if (err instanceof AppError) return fail(err.code, err.message, err.field, err.phrase);
    // A stale plan's connections are already replaced: like an outage, the desk keeps what was typed and tries again.
    if (isUnavailable(err) || isStalePlan(err)) return fail('UNAVAILABLE', UNAVAILABLE_MESSAGE);
    this.deps.log(`call ${channel} failed`, err);
    return fail('INTERNAL', 'Something went wrong on this PC. Please try again; if it keeps happening, tell your administrator.');
  }
}
