import type { CurrentUser } from '../shared/call-context';

/** How stale a signed-in user's row may be when another PC changed it (this PC's changes drop it at once). */
export const USER_ROW_MAX_AGE_MS = 5_000;

/**
 * The signed-in users' rows, as every call checks them (disabled? role?). Reading the row on
 * each call was one statement of every search keystroke and every booking; now it is read at
 * most every few seconds per user. An account disabled or changed on this PC is forgotten at
 * once (and its sessions end); on another PC the change applies here within the max age.
 */
export class UserCache {
  private readonly entries = new Map<number, { user: CurrentUser | undefined; at: number }>();
  // A read under way is shared by every get of that user meanwhile: a burst of changes that
  // every session hears would otherwise, on a cold cache, read the row once per change and session.
  private readonly reading = new Map<number, { generation: number; user: Promise<CurrentUser | undefined> }>();
  // Bumped by forget(): a read begun before it may hold the old row and is neither kept nor shared.
  private generation = 0;

  constructor(
    private readonly load: (userId: number) => Promise<CurrentUser | undefined>,
    private readonly now: () => number = Date.now,
  ) {}

  get(userId: number): Promise<CurrentUser | undefined> {
    const hit = this.entries.get(userId);
    if (hit && this.now() - hit.at < USER_ROW_MAX_AGE_MS) return Promise.resolve(hit.user);
    const under = this.reading.get(userId);
    if (under && under.generation === this.generation) return under.user;
    const read = { generation: this.generation, user: this.read(userId, this.generation) };
    this.reading.set(userId, read);
    const done = () => {
      if (this.reading.get(userId) === read) this.reading.delete(userId);
    };
    read.user.then(done, done);
    return read.user;
  }

  forget(userId: number): void {
    this.generation++;
    this.entries.delete(userId);
  }

  /** Forgets every user (the database was replaced: ids may now be other people). */
  forgetAll(): void {
    this.generation++;
    this.entries.clear();
  }

  private async read(userId: number, generation: number): Promise<CurrentUser | undefined> {
    const at = this.now();
    const user = await this.load(userId);
    if (generation === this.generation) this.entries.set(userId, { user, at });
    return user;
  }
}
