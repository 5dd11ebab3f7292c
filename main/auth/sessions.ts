import { EventEmitter } from 'node:events';

export interface SessionState {
  userId: number;
  locked: boolean;
  lastActivityAt: number;
  /** 'call': a call window (or tab) signed in from another session; it may call only the call's channels. */
  scope: 'full' | 'call';
  /** Wrong passwords typed at this lock screen since it was last unlocked. */
  unlockFailures: number;
}

/**
 * Who is signed in where: one session per window (or bridge client), in memory only, so a
 * restart signs everyone out. Emits 'changed' with the session key whenever one changes, so
 * the window can be told (lock screen, signed out).
 */
export class SessionStore extends EventEmitter<{ changed: [key: string] }> {
  private readonly sessions = new Map<string, SessionState>();
  /** Sessions opened from another one (a call window): child key → opener's key. */
  private readonly openers = new Map<string, string>();

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  get(key: string): SessionState | undefined {
    return this.sessions.get(key);
  }

  signIn(key: string, userId: number): SessionState {
    return this.start(key, userId, 'full');
  }

  signOut(key: string): void {
    this.openers.delete(key);
    if (this.sessions.delete(key)) this.emit('changed', key);
    for (const child of this.childrenOf(key)) this.signOut(child);
  }

  /**
   * Signs a window opened from a signed-in one (a call window) in as the same person, for the
   * call's channels only; it locks, unlocks and ends with its opener. Undefined when the opener
   * is not signed in or is locked.
   */
  signInFrom(key: string, openerKey: string): SessionState | undefined {
    const opener = this.sessions.get(openerKey);
    if (!opener || opener.locked) return undefined;
    const state = this.start(key, opener.userId, 'call');
    this.openers.set(key, openerKey);
    return state;
  }

  /** Ends every session on this PC (the database was replaced by a restore). */
  signOutAll(): void {
    for (const key of this.keys()) this.signOut(key);
  }

  /** Ends every session of a user (disabled, role changed, password reset). */
  signOutUser(userId: number): void {
    this.signOutUserExcept(userId, undefined);
  }

  /** Ends a user's sessions but one (and the windows that one opened): a changed password. */
  signOutUserExcept(userId: number, keep: string | undefined): void {
    const kept = keep === undefined ? new Set<string>() : new Set([keep, ...this.childrenOf(keep)]);
    for (const [key, s] of this.sessions) if (s.userId === userId && !kept.has(key)) this.signOut(key);
  }

  /** The user's account changed (their language): every window of theirs is told its session again. */
  userChanged(userId: number): void {
    for (const [key, s] of this.sessions) if (s.userId === userId) this.emit('changed', key);
  }

  /** Locking a window locks what it opened; unlocking it unlocks them again. */
  setLocked(key: string, locked: boolean): void {
    const s = this.sessions.get(key);
    if (!s) return;
    if (!locked) s.unlockFailures = 0;
    if (s.locked !== locked) {
      s.locked = locked;
      if (!locked) s.lastActivityAt = this.now();
      this.emit('changed', key);
    }
    for (const child of this.childrenOf(key)) this.setLocked(child, locked);
  }

  /** Counts a password typed at this lock screen, before it is checked: the new count, or undefined when signed out. */
  countUnlockAttempt(key: string): number | undefined {
    const s = this.sessions.get(key);
    return s ? ++s.unlockFailures : undefined;
  }

  /**
   * Locks the session when it has been idle too long; otherwise records activity, on its opener
   * too: someone busy in a call window is at the PC, and their main window must not lock (and
   * lock the call with it).
   */
  touch(key: string, idleLockMs: number): SessionState | undefined {
    const s = this.sessions.get(key);
    if (!s) return undefined;
    if (!s.locked && this.now() - s.lastActivityAt > idleLockMs) {
      this.setLocked(key, true);
    } else if (!s.locked) {
      s.lastActivityAt = this.now();
      const opener = this.openers.get(key);
      if (opener) this.touch(opener, idleLockMs);
    }
    return s;
  }

  /** Locks every session idle for longer than the limit (run on a timer, so screens lock on time). */
  lockIdle(idleLockMs: number): void {
    for (const [key, s] of this.sessions) {
      if (!s.locked && this.now() - s.lastActivityAt > idleLockMs) this.setLocked(key, true);
    }
  }

  keys(): string[] {
    return [...this.sessions.keys()];
  }

  private start(key: string, userId: number, scope: SessionState['scope']): SessionState {
    const state: SessionState = { userId, locked: false, lastActivityAt: this.now(), scope, unlockFailures: 0 };
    this.sessions.set(key, state);
    this.emit('changed', key);
    return state;
  }

  private childrenOf(key: string): string[] {
    return [...this.openers].filter(([, opener]) => opener === key).map(([child]) => child);
  }
}
