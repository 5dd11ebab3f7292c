import type { Knex } from 'knex';

// Why (issue 21, token OPDs): a doctor's availability can be a session — 10:00 to 13:00, 40
// tokens, 2 of them kept for emergencies, in room 4 — rather than slots. Booking into a session
// issues its next token; the database, not the desks, decides who gets which:
// - opd_sessions.booked counts the session's live (not cancelled) tokens. The trigger below
//   moves it on every booking, cancellation and undo, and chk_opd_session_booked refuses the
//   N+1th token: the UPDATE of the session row also queues racing bookers one behind another.
// - A regular booking may fill the session only up to capacity - emergency_reserve; the rest
//   is for a booking of EMERGENCY priority (chk_opd_emergency_reserve, raised by the trigger).
// - The token is the lowest number of 1..capacity not held by a live booking, chosen under that
//   row lock, so numbers are gapless as they are issued and a cancelled number is issued again;
//   uq_appointment_session_token is the last word. A token is an ordinary appointment at its
//   estimated time (the session's pace: its length / capacity), so the exclusion constraints,
//   lists, payments and the waiting room work on it unchanged; the trigger sets that time, in
//   whole seconds (a minute per token at least, so no two tokens share one).
// - A token keeps its session, number, doctor and time (chk_opd_token_fixed): to move it,
//   cancel it and book another session.
// - The waiting room's token_no of a session booking is its session token, so two sessions of
//   one doctor's day may both have a token 3, and a cancelled token's number is issued again:
//   uq_appointment_token becomes unique per session (or per day off sessions) among live rows.
// Appointments keep the seed's columns; the link is two added nullable columns.

const TOKEN_FIXED = `RAISE EXCEPTION 'A session token keeps its session, number and time: cancel it and book another session'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_opd_token_fixed'`;

/** The token trigger as this migration made it (the later numbering migration's down() puts it back). */
export const OPD_SESSION_TOKEN_V1 = `
    CREATE FUNCTION opd_session_token() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      s opd_sessions%ROWTYPE;
      live_old boolean := TG_OP = 'UPDATE' AND OLD.opd_session_id IS NOT NULL AND OLD.status <> 'CANCELLED';
      live_new boolean := NEW.opd_session_id IS NOT NULL AND NEW.status <> 'CANCELLED';
    BEGIN
      IF TG_OP = 'UPDATE' AND (NEW.opd_session_id IS DISTINCT FROM OLD.opd_session_id OR NEW.session_token IS DISTINCT FROM OLD.session_token
          OR (OLD.opd_session_id IS NOT NULL AND (NEW.doctor_id, NEW.appointment_date, NEW.start_time, NEW.end_time)
                                          IS DISTINCT FROM (OLD.doctor_id, OLD.appointment_date, OLD.start_time, OLD.end_time))) THEN
        ${TOKEN_FIXED};
      END IF;
      IF live_old AND NOT live_new THEN
        UPDATE opd_sessions SET booked = booked - 1 WHERE id = OLD.opd_session_id;
      ELSIF live_new AND NOT live_old THEN
        -- Row lock and count in one: a racing booker waits here, then counts on from this one.
        UPDATE opd_sessions SET booked = booked + 1 WHERE id = NEW.opd_session_id RETURNING * INTO s;
        IF s.booked > s.capacity - s.emergency_reserve AND NEW.priority IS DISTINCT FROM 'EMERGENCY' THEN
          RAISE EXCEPTION 'The tokens left in this session are kept for emergencies'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_opd_emergency_reserve';
        END IF;
        IF TG_OP = 'INSERT' THEN
          IF NEW.doctor_id <> s.doctor_id OR NEW.session_token IS NOT NULL THEN
            ${TOKEN_FIXED};
          END IF;
          SELECT min(n) INTO NEW.session_token FROM generate_series(1, s.capacity) AS n
           WHERE NOT EXISTS (SELECT 1 FROM appointment_entities a
                              WHERE a.opd_session_id = s.id AND a.status <> 'CANCELLED' AND a.session_token = n);
          NEW.appointment_date := s.date;
          NEW.start_time := s.start_time + make_interval(secs => round(extract(epoch FROM s.end_time - s.start_time) * (NEW.session_token - 1) / s.capacity)::float8);
          NEW.end_time := s.start_time + make_interval(secs => round(extract(epoch FROM s.end_time - s.start_time) * NEW.session_token / s.capacity)::float8);
        END IF;
      END IF;
      RETURN NEW;
    END;
    $$;
`;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('opd_sessions', (t) => {
    t.bigIncrements('id').primary();
    t.bigInteger('doctor_id').notNullable().references('id').inTable('doctor_entities').onDelete('CASCADE');
    t.date('date').notNullable();
    t.time('start_time').notNullable();
    t.time('end_time').notNullable();
    t.smallint('capacity').notNullable();
    t.smallint('emergency_reserve').notNullable().defaultTo(0);
    t.string('room', 40);
    t.smallint('booked').notNullable().defaultTo(0);
    t.bigInteger('created_by').references('id').inTable('users').onDelete('SET NULL');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(`
    ALTER TABLE opd_sessions
      ADD CONSTRAINT chk_opd_session_times CHECK (start_time < end_time),
      ADD CONSTRAINT chk_opd_session_capacity CHECK (capacity BETWEEN 1 AND 500),
      ADD CONSTRAINT chk_opd_session_pace CHECK (end_time - start_time >= capacity * interval '1 minute'),
      ADD CONSTRAINT chk_opd_session_reserve CHECK (emergency_reserve >= 0 AND emergency_reserve < capacity),
      ADD CONSTRAINT chk_opd_session_booked CHECK (booked BETWEEN 0 AND capacity),
      ADD CONSTRAINT excl_opd_session_overlap EXCLUDE USING gist (doctor_id WITH =, tsrange(date + start_time, date + end_time) WITH &&);
    CREATE TRIGGER trg_opd_sessions_notify AFTER INSERT OR UPDATE OR DELETE ON opd_sessions FOR EACH ROW EXECUTE FUNCTION clinic_notify_change();
  `);
  await knex.schema.alterTable('appointment_entities', (t) => {
    t.bigInteger('opd_session_id').references('id').inTable('opd_sessions').withKeyName('fk_appointment_opd_session');
    t.smallint('session_token');
  });
  await knex.raw(`
    ALTER TABLE appointment_entities
      ADD CONSTRAINT chk_appointment_session_token CHECK ((opd_session_id IS NULL) = (session_token IS NULL));
    CREATE UNIQUE INDEX uq_appointment_session_token ON appointment_entities (opd_session_id, session_token) WHERE status <> 'CANCELLED';
    DROP INDEX uq_appointment_token;
    CREATE UNIQUE INDEX uq_appointment_token ON appointment_entities (doctor_id, appointment_date, COALESCE(opd_session_id, 0), token_no)
      WHERE token_no IS NOT NULL AND status <> 'CANCELLED';

    ${OPD_SESSION_TOKEN_V1}
    CREATE TRIGGER trg_appointment_session_token BEFORE INSERT OR UPDATE ON appointment_entities
      FOR EACH ROW EXECUTE FUNCTION opd_session_token();
  `);
}

export async function down(knex: Knex): Promise<void> {
  // The old index holds one token number per doctor's day, cancelled rows included: a day with
  // two sessions, or a number issued again, cannot go back under it. Refused, not destroyed.
  const { rows } = await knex.raw<{ rows: { n: number }[] }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM appointment_entities WHERE token_no IS NOT NULL
       GROUP BY doctor_id, appointment_date, token_no HAVING count(*) > 1) AS twice`,
  );
  if (rows[0]!.n > 0)
    throw new Error(
      `${rows[0]!.n} token number(s) are used twice on one doctor's day (two sessions, or a number issued again). Clear token_no of those appointments first`,
    );
  await knex.raw(`
    DROP TRIGGER trg_appointment_session_token ON appointment_entities;
    DROP FUNCTION opd_session_token();
    DROP INDEX uq_appointment_token;
    CREATE UNIQUE INDEX uq_appointment_token ON appointment_entities (doctor_id, appointment_date, token_no) WHERE token_no IS NOT NULL;
    DROP INDEX uq_appointment_session_token;
    ALTER TABLE appointment_entities DROP CONSTRAINT chk_appointment_session_token;
  `);
  await knex.schema.alterTable('appointment_entities', (t) => {
    t.dropForeign('opd_session_id', 'fk_appointment_opd_session');
    t.dropColumns('session_token', 'opd_session_id');
  });
  await knex.schema.dropTable('opd_sessions');
}
