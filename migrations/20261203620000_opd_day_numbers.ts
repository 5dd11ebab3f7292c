import type { Knex } from 'knex';
import { OPD_SESSION_TOKEN_V1 } from './20261203300000_opd_sessions';

// Why (issue 21, second round): a doctor with a morning and an evening session had two token 1s,
// and a slot patient's check-in number could repeat a session token; "Call next" could not tell
// them apart and neither could the waiting room. Numbers are now one series per doctor's day:
// - Each session owns a block of the day's numbers, first_token .. first_token + capacity - 1:
//   the evening continues after the morning's capacity (morning 1–40, evening 41–70). Indian OPD
//   desks already count this way on one register per doctor per day, and the number stays a
//   plain integer, so the slip, the board, the chime's spoken number and every list read as
//   before (a letter prefix would have meant a second number format on each of them).
//   A new session takes the block after the sessions starting before it, or, when that block
//   is already taken by a session planned earlier, the block after every number of the day.
//   excl_opd_session_numbers keeps blocks apart; a block never moves once planned.
// - session_token is now that day number; the trigger still issues the lowest free number of
//   the session's block, so tokens stay gapless within a session.
// - A slot patient's check-in number comes after every session block of the day (nextToken),
//   and uq_appointment_token is again one number per doctor's day among live rows.
// - A session may be edited (capacity, times, reserve, room): a capacity below its highest
//   live token is refused (chk_opd_session_issued), and a change of times or capacity moves the
//   live tokens' estimated times to the new pace in the same statement. The token trigger
//   accepts a time change of a token only when it is that pace.
// Existing rows move to the new numbering: each session's tokens shift by its block's start
// (blocks in start order), and slot check-in numbers on a day with sessions shift past them.

const TOKEN_AT = `opd_token_time(s.start_time, s.end_time, s.capacity, s.first_token, $token)`;

const SESSION_NUMBERS = `
    CREATE FUNCTION opd_token_time(starts time, ends time, capacity int, first_token int, token int) RETURNS time
      LANGUAGE sql IMMUTABLE AS $$
        SELECT starts + make_interval(secs => round(extract(epoch FROM ends - starts) * (token - first_token) / capacity)::float8)
      $$;

    CREATE FUNCTION opd_session_numbers() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      highest int;
    BEGIN
      IF TG_OP = 'INSERT' THEN
        IF NEW.first_token IS NULL THEN
          SELECT 1 + coalesce(max(o.first_token + o.capacity - 1), 0) INTO NEW.first_token
            FROM opd_sessions o WHERE o.doctor_id = NEW.doctor_id AND o.date = NEW.date AND o.start_time < NEW.start_time;
          IF EXISTS (SELECT 1 FROM opd_sessions o WHERE o.doctor_id = NEW.doctor_id AND o.date = NEW.date
                        AND int4range(o.first_token, o.first_token + o.capacity) && int4range(NEW.first_token, NEW.first_token + NEW.capacity))
             OR EXISTS (SELECT 1 FROM appointment_entities a WHERE a.doctor_id = NEW.doctor_id AND a.appointment_date = NEW.date
                           AND a.opd_session_id IS NULL AND a.token_no >= NEW.first_token) THEN
            SELECT 1 + greatest(
                     (SELECT coalesce(max(o.first_token + o.capacity - 1), 0) FROM opd_sessions o WHERE o.doctor_id = NEW.doctor_id AND o.date = NEW.date),
                     (SELECT coalesce(max(a.token_no), 0) FROM appointment_entities a WHERE a.doctor_id = NEW.doctor_id AND a.appointment_date = NEW.date))
              INTO NEW.first_token;
          END IF;
        END IF;
        RETURN NEW;
      END IF;
      IF NEW.first_token <> OLD.first_token OR NEW.doctor_id <> OLD.doctor_id OR NEW.date <> OLD.date THEN
        RAISE EXCEPTION 'A session keeps its doctor, day and token numbers'
          USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_opd_session_fixed';
      END IF;
      IF NEW.capacity < OLD.capacity THEN
        SELECT max(session_token) INTO highest FROM appointment_entities WHERE opd_session_id = NEW.id AND status <> 'CANCELLED';
        IF highest > NEW.first_token + NEW.capacity - 1 THEN
          RAISE EXCEPTION 'Token % is issued in this session', highest
            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_opd_session_issued';
        END IF;
      END IF;
      RETURN NEW;
    END;
    $$;
    CREATE TRIGGER trg_opd_session_numbers BEFORE INSERT OR UPDATE ON opd_sessions FOR EACH ROW EXECUTE FUNCTION opd_session_numbers();

    -- New times for the live tokens, one row at a time in an order that never overlaps two of
    -- them on the way (the exclusion constraints check each row): tokens moving later go first,
    -- last token first, then tokens moving earlier, first token first. The shift is the same
    -- linear function of the number for every token, so those two groups never interleave.
    CREATE FUNCTION opd_session_retime() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      r record;
    BEGIN
      FOR r IN
        SELECT a.id, ${TOKEN_AT.replace('$token', 'a.session_token')} AS starts, ${TOKEN_AT.replace('$token', 'a.session_token + 1')} AS ends
          FROM appointment_entities a, (SELECT NEW.start_time, NEW.end_time, NEW.capacity, NEW.first_token) AS s (start_time, end_time, capacity, first_token)
         WHERE a.opd_session_id = NEW.id AND a.status <> 'CANCELLED'
         ORDER BY (${TOKEN_AT.replace('$token', 'a.session_token')} > a.start_time) DESC,
                  CASE WHEN ${TOKEN_AT.replace('$token', 'a.session_token')} > a.start_time THEN -a.session_token ELSE a.session_token END
      LOOP
        UPDATE appointment_entities SET start_time = r.starts, end_time = r.ends, updated_at = now() WHERE id = r.id;
      END LOOP;
      RETURN NULL;
    END;
    $$;
    CREATE TRIGGER trg_opd_session_retime AFTER UPDATE OF start_time, end_time, capacity ON opd_sessions
      FOR EACH ROW WHEN ((NEW.start_time, NEW.end_time, NEW.capacity) IS DISTINCT FROM (OLD.start_time, OLD.end_time, OLD.capacity))
      EXECUTE FUNCTION opd_session_retime();`;

const TOKEN_FIXED = `RAISE EXCEPTION 'A session token keeps its session, number and time: cancel it and book another session'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_opd_token_fixed'`;

const SESSION_TOKEN_V2 = `
    CREATE OR REPLACE FUNCTION opd_session_token() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      s opd_sessions%ROWTYPE;
      live_old boolean := TG_OP = 'UPDATE' AND OLD.opd_session_id IS NOT NULL AND OLD.status <> 'CANCELLED';
      live_new boolean := NEW.opd_session_id IS NOT NULL AND NEW.status <> 'CANCELLED';
    BEGIN
      IF TG_OP = 'UPDATE' AND (NEW.opd_session_id IS DISTINCT FROM OLD.opd_session_id OR NEW.session_token IS DISTINCT FROM OLD.session_token
          OR (OLD.opd_session_id IS NOT NULL AND (NEW.doctor_id, NEW.appointment_date) IS DISTINCT FROM (OLD.doctor_id, OLD.appointment_date))) THEN
        ${TOKEN_FIXED};
      END IF;
      -- A token's time moves only with its session's pace (opd_session_retime).
      IF TG_OP = 'UPDATE' AND OLD.opd_session_id IS NOT NULL AND (NEW.start_time, NEW.end_time) IS DISTINCT FROM (OLD.start_time, OLD.end_time) THEN
        SELECT * INTO s FROM opd_sessions WHERE id = NEW.opd_session_id;
        IF (NEW.start_time, NEW.end_time) IS DISTINCT FROM (${TOKEN_AT.replace('$token', 'NEW.session_token')}, ${TOKEN_AT.replace('$token', 'NEW.session_token + 1')}) THEN
          ${TOKEN_FIXED};
        END IF;
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
          SELECT min(n) INTO NEW.session_token FROM generate_series(s.first_token, s.first_token + s.capacity - 1) AS n
           WHERE NOT EXISTS (SELECT 1 FROM appointment_entities a
                              WHERE a.opd_session_id = s.id AND a.status <> 'CANCELLED' AND a.session_token = n);
          NEW.appointment_date := s.date;
          NEW.start_time := ${TOKEN_AT.replace('$token', 'NEW.session_token')};
          NEW.end_time := ${TOKEN_AT.replace('$token', 'NEW.session_token + 1')};
        END IF;
      END IF;
      RETURN NEW;
    END;
    $$;`;

/** Per doctor's day with sessions: the numbers its sessions' blocks take together. */
const SESSION_DAYS = `SELECT doctor_id, date, sum(capacity)::int AS total FROM opd_sessions GROUP BY doctor_id, date`;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('opd_sessions', (t) => t.smallint('first_token'));
  await knex.raw(`
    UPDATE opd_sessions s SET first_token = 1 + coalesce((SELECT sum(o.capacity) FROM opd_sessions o
      WHERE o.doctor_id = s.doctor_id AND o.date = s.date AND o.start_time < s.start_time), 0);
    ALTER TABLE opd_sessions ALTER COLUMN first_token SET NOT NULL,
      ADD CONSTRAINT chk_opd_session_first_token CHECK (first_token >= 1),
      ADD CONSTRAINT excl_opd_session_numbers EXCLUDE USING gist (doctor_id WITH =, date WITH =, int4range(first_token, first_token + capacity) WITH &&);

    DROP INDEX uq_appointment_token;
    DROP INDEX uq_appointment_session_token;
    ALTER TABLE appointment_entities DISABLE TRIGGER trg_appointment_session_token;
    UPDATE appointment_entities a SET session_token = a.session_token + s.first_token - 1,
           token_no = CASE WHEN a.token_no IS NULL THEN NULL ELSE a.session_token + s.first_token - 1 END
      FROM opd_sessions s WHERE s.id = a.opd_session_id AND s.first_token > 1;
    UPDATE appointment_entities a SET token_no = a.token_no + d.total
      FROM (${SESSION_DAYS}) d
     WHERE a.opd_session_id IS NULL AND a.token_no IS NOT NULL AND a.doctor_id = d.doctor_id AND a.appointment_date = d.date;
    ALTER TABLE appointment_entities ENABLE TRIGGER trg_appointment_session_token;
    CREATE UNIQUE INDEX uq_appointment_session_token ON appointment_entities (opd_session_id, session_token) WHERE status <> 'CANCELLED';
    CREATE UNIQUE INDEX uq_appointment_token ON appointment_entities (doctor_id, appointment_date, token_no) WHERE token_no IS NOT NULL AND status <> 'CANCELLED';
    ${SESSION_TOKEN_V2}
    ${SESSION_NUMBERS}
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TRIGGER trg_opd_session_retime ON opd_sessions;
    DROP FUNCTION opd_session_retime();
    DROP TRIGGER trg_opd_session_numbers ON opd_sessions;
    DROP FUNCTION opd_session_numbers();
    ${OPD_SESSION_TOKEN_V1.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION')}
    DROP FUNCTION opd_token_time(time, time, int, int, int);

    DROP INDEX uq_appointment_token;
    DROP INDEX uq_appointment_session_token;
    ALTER TABLE appointment_entities DISABLE TRIGGER trg_appointment_session_token;
    UPDATE appointment_entities a SET session_token = a.session_token - s.first_token + 1,
           token_no = CASE WHEN a.token_no IS NULL THEN NULL ELSE a.session_token - s.first_token + 1 END
      FROM opd_sessions s WHERE s.id = a.opd_session_id AND s.first_token > 1;
    -- Slot check-in numbers on those days go back to 1, 2, … in the order they were given.
    UPDATE appointment_entities a SET token_no = n.renumbered
      FROM (SELECT e.id, row_number() OVER (PARTITION BY e.doctor_id, e.appointment_date ORDER BY e.token_no, e.id)::int AS renumbered
              FROM appointment_entities e JOIN (${SESSION_DAYS}) d ON d.doctor_id = e.doctor_id AND d.date = e.appointment_date
             WHERE e.opd_session_id IS NULL AND e.token_no IS NOT NULL) n
     WHERE a.id = n.id;
    ALTER TABLE appointment_entities ENABLE TRIGGER trg_appointment_session_token;
    CREATE UNIQUE INDEX uq_appointment_session_token ON appointment_entities (opd_session_id, session_token) WHERE status <> 'CANCELLED';
    CREATE UNIQUE INDEX uq_appointment_token ON appointment_entities (doctor_id, appointment_date, COALESCE(opd_session_id, 0), token_no)
      WHERE token_no IS NOT NULL AND status <> 'CANCELLED';
    ALTER TABLE opd_sessions DROP CONSTRAINT excl_opd_session_numbers, DROP CONSTRAINT chk_opd_session_first_token, DROP COLUMN first_token;
  `);
}
