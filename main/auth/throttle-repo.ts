import type { Knex } from 'knex';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

/** When sign-ins with this email are refused until, if they are. */
export async function lockedUntil(knex: Knex, email: string): Promise<string | undefined> {
  const row = await knex('login_throttle').where({ email }).andWhere('locked_until', '>', knex.fn.now()).first('locked_until');
  return row?.locked_until;
}

/**
 * Counts a failed sign-in for a typed email (a real account or not). Failures older than the
 * lock period, or from before an expired lock, start the count again. The fifth locks it.
 */
export async function recordFailure(knex: Knex, email: string): Promise<{ lockedNow: boolean; lockedUntil: string | null }> {
  const result = await knex.raw(
    `INSERT INTO login_throttle AS t (email, failures, last_failure_at)
          VALUES (?, 1, now())
     ON CONFLICT (email) DO UPDATE SET
          failures = CASE
            WHEN t.locked_until IS NOT NULL OR t.last_failure_at < now() - make_interval(mins => ?) THEN 1
            ELSE t.failures + 1 END,
          locked_until = NULL,
          last_failure_at = now()
     RETURNING failures`,
    [email, LOCK_MINUTES],
  );
  const failures = Number(result.rows[0].failures);
  if (failures < MAX_FAILURES) return { lockedNow: false, lockedUntil: null };
  const [row] = await knex('login_throttle')
    .where({ email })
    .update({ locked_until: knex.raw('now() + make_interval(mins => ?)', [LOCK_MINUTES]) })
    .returning('locked_until');
  return { lockedNow: true, lockedUntil: row.locked_until };
}

export async function clearFailures(knex: Knex, email: string): Promise<void> {
  await knex('login_throttle').where({ email }).del();
}
