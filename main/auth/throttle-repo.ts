import type { Knex } from 'knex';

/** Failures allowed before each further attempt waits: per email typed at a PC, and per PC for all emails. */
const FREE_FAILURES = { account: 5, workstation: 10 } as const;
/** The first wait; each further failure doubles it, up to the longest. */
const FIRST_DELAY_SECONDS = 30;
const LONGEST_DELAY_SECONDS = 15 * 60;
/** A count with no failure for this long starts again. */
const FORGET_AFTER_MINUTES = 60;

/** The workstation's own row, counting every email typed there. No typed email is empty. */
const ANY_EMAIL = '';

export type Claim =
  /** waitIfWrong: how long the next attempt must wait should this one prove wrong (0: none). */
  { allowed: true; delayStarted: boolean; waitIfWrong: number } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one password attempt (sign-in or change of password) for an email typed at a
 * workstation, before the password is checked, so a burst of concurrent guesses is counted
 * guess by guess. Both rows (the email at this PC, and the PC) are row-locked in one order for
 * the count; while either is waiting out a delay the attempt is refused and changes nothing,
 * so failures never shorten a running delay. A success clears the count (clearAttempts).
 */
export async function claimAttempt(knex: Knex, email: string, workstation: string): Promise<Claim> {
  return knex.transaction(async (trx) => {
    await trx('login_throttle')
      .insert([ANY_EMAIL, email].map((e) => ({ email: e, workstation, failures: 0 })))
      .onConflict(['email', 'workstation'])
      .ignore();
    const { rows: held } = await trx.raw<{ rows: { wait: number | null }[] }>(
      `SELECT ceil(extract(epoch FROM locked_until - now()))::int AS wait FROM login_throttle
        WHERE workstation = ? AND email IN (?, ?) ORDER BY email FOR UPDATE`,
      [workstation, ANY_EMAIL, email],
    );
    const wait = Math.max(0, ...held.map((r) => r.wait ?? 0));
    if (wait > 0) return { allowed: false, retryAfterSeconds: wait };
    const { rows } = await trx.raw<{ rows: { failures: number; free: number; wait: number | null }[] }>(
      `WITH counted AS (
         SELECT t.email, f.free,
                CASE WHEN t.last_failure_at < now() - make_interval(mins => :forgetAfterMinutes) THEN 1 ELSE least(t.failures + 1, 10000) END AS failures
           FROM login_throttle t JOIN (VALUES (:anyEmail::text, :workstationFree::int), (:email::text, :accountFree::int)) AS f(email, free) ON f.email = t.email
          WHERE t.workstation = :workstation)
       UPDATE login_throttle t SET
              failures = c.failures,
              last_failure_at = now(),
              locked_until = CASE WHEN c.failures < c.free THEN NULL
                                  ELSE now() + make_interval(secs => least(:firstDelaySeconds * power(2, c.failures - c.free), :longestDelaySeconds)) END
         FROM counted c
        WHERE t.workstation = :workstation AND t.email = c.email
       RETURNING c.failures, c.free, ceil(extract(epoch FROM t.locked_until - now()))::int AS wait`,
      {
        forgetAfterMinutes: FORGET_AFTER_MINUTES,
        anyEmail: ANY_EMAIL,
        workstationFree: FREE_FAILURES.workstation,
        email,
        accountFree: FREE_FAILURES.account,
        workstation,
        firstDelaySeconds: FIRST_DELAY_SECONDS,
        longestDelaySeconds: LONGEST_DELAY_SECONDS,
      },
    );
    return {
      allowed: true,
      delayStarted: rows.some((r) => Number(r.failures) === Number(r.free)),
      waitIfWrong: Math.max(0, ...rows.map((r) => r.wait ?? 0)),
    };
  });
}

/** After a right password: the email's count at this PC, and the PC's, start again. */
export async function clearAttempts(knex: Knex, email: string, workstation: string): Promise<void> {
  await knex('login_throttle').where({ workstation }).whereIn('email', [ANY_EMAIL, email]).del();
}

/** An administrator's unlock (or a password reset): the email's counts on every PC go. */
export async function clearFailures(knex: Knex, email: string): Promise<void> {
  await knex('login_throttle').where({ email }).del();
}
