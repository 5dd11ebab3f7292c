/** How many requests a key may make per window. */
export interface RateRule {
  limit: number;
  windowMs: number;
}

/**
 * A fixed-window counter per key (an IP, a code), in memory: one gateway process serves a
 * clinic, and a restart forgetting the counts costs an attacker nothing worth having (a code
 * is 128 random bits; the limit is against hammering, not guessing).
 */
export class RateLimiter {
  private readonly counts = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly rule: RateRule,
    private readonly now: () => number = Date.now,
    /** Keys kept at most; past it, expired ones are dropped first. */
    private readonly maxKeys = 10_000,
  ) {}

  /** Counts one request; the seconds to wait when it is over the limit, else 0. */
  hit(key: string): number {
    const now = this.now();
    let entry = this.counts.get(key);
    if (!entry || entry.resetAt <= now) {
      if (this.counts.size >= this.maxKeys) this.prune(now);
      entry = { count: 0, resetAt: now + this.rule.windowMs };
      this.counts.set(key, entry);
    }
    entry.count += 1;
    return entry.count > this.rule.limit ? Math.max(1, Math.ceil((entry.resetAt - now) / 1000)) : 0;
  }

  private prune(now: number): void {
    for (const [key, entry] of this.counts) if (entry.resetAt <= now) this.counts.delete(key);
    // Still full of live keys (a flood from many addresses): forget the oldest rather than grow.
    for (const key of this.counts.keys()) {
      if (this.counts.size < this.maxKeys) break;
      this.counts.delete(key);
    }
  }
}
