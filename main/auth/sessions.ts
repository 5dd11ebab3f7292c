import { EventEmitter } from 'node:events';

export interface SessionState {
  userId: number;
  locked: boolean;
  lastActivityAt: number;
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
    const state = { userId, locked: false, lastActivityAt: this.now() };
    this.sessions.set(key, state);
    this.emit('changed', key);
    return state;
  }

  signOut(key: string): void {
    this.openers.delete(key);
    if (this.sessions.delete(key)) this.emit('changed', key);
    for (const [child, opener] of this.openers) if (opener === key) this.signOut(child);
  }

  /**
   * Signs a window opened from a signed-in one (a call window) in as the same person; it ends
   * when its opener's session ends. Undefined when the opener is not signed in or is locked.
   */
  signInFrom(key: string, openerKey: string): SessionState | undefined {
    const opener = this.sessions.get(openerKey);
    if (!opener || opener.locked) return undefined;
    const state = this.signIn(key, opener.userId);
    this.openers.set(key, openerKey);
    return state;
  }

  /** Ends every session of a user (disabled, role changed, password reset). */
  signOutUser(userId: number): void {
    for (const [key, s] of this.sessions) if (s.userId === userId) this.signOut(key);
  }

  setLocked(key: string, locked: boolean): void {
    const s = this.sessions.get(key);
    if (!s || s.locked === locked) return;
    s.locked = locked;
    if (!locked) s.lastActivityAt = this.now();
    this.emit('changed', key);
  }

  /** Locks the session when it has been idle too long; otherwise records activity. */
  touch(key: string, idleLockMs: number): SessionState | undefined {
    const s = this.sessions.get(key);
    if (!s) return undefined;
    if (!s.locked && this.now() - s.lastActivityAt > idleLockMs) {
      this.setLocked(key, true);
    } else if (!s.locked) {
      s.lastActivityAt = this.now();
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
}
