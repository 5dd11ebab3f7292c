import type pg from 'pg';

type Done = (err: Error | null, connection: pg.Client) => void;

/**
 * Every connection, server or embedded, runs in UTC: TIMESTAMP columns then hold UTC instants
 * whatever the server's or the PC's zone, and the type parsers can read them as such.
 * Clinic wall-clock times live in DATE/TIME columns and are not affected. Behind PgBouncer's
 * transaction pooling this SET still holds: PgBouncer tracks TimeZone per client and sets it on
 * whichever server session serves the client's next transaction.
 */
export function prepareSession(connection: pg.Client, done: Done): void {
  connection.query("SET TIME ZONE 'UTC'").then(
    () => done(null, connection),
    (err: Error) => done(err, connection),
  );
}
