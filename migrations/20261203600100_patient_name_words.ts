import type { Knex } from 'knex';

// Why (issue 23): typo-tolerant search ranked trigram likeness over the whole patient table,
// and at a million patients the trigram index hands back thousands of candidates for common
// name parts, each re-checked on the heap. Names repeat heavily, so the distinct words of all
// names are a table a hundred times smaller: a mistyped word is matched there (by trigram
// likeness, through a trigram index; a GiST index's nearest-neighbour order was tried and read
// far more of it), and the patients holding the words found are then read by exact match
// through a GIN index on each name's words.
//
// The words table follows the patients in the same transaction, by statement triggers with
// transition tables (one pass over a bulk insert, not a row at a time), in both modes; each
// word counts the patients whose name holds it, and goes when the last of them does.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    -- How a name splits into the words the search looks up: lower case, on white space and
    -- hyphens (a double-barrelled surname is found by either half).
    CREATE FUNCTION patient_name_words(name text) RETURNS text[]
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $$ SELECT regexp_split_to_array(lower(btrim(name)), '[\\s-]+') $$;

    CREATE TABLE patient_name_words (
      word text PRIMARY KEY,
      patients integer NOT NULL
    );
    CREATE INDEX idx_patient_name_words_trgm ON patient_name_words USING gin (word gin_trgm_ops);
    CREATE INDEX idx_patient_words ON patient_entities USING gin (patient_name_words(name));

    -- Adds one for each patient of 'added' holding a word and takes one for each of 'removed'.
    -- Words are written in one order, so two desks registering patients cannot deadlock.
    CREATE FUNCTION patient_name_words_apply(added text[], removed text[]) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO patient_name_words AS t (word, patients)
      SELECT word, sum(delta)::int FROM (
        SELECT DISTINCT i, w AS word, 1 AS delta FROM unnest(added) WITH ORDINALITY a(name, i), unnest(patient_name_words(a.name)) w WHERE w <> ''
        UNION ALL
        SELECT DISTINCT i, w, -1 FROM unnest(removed) WITH ORDINALITY r(name, i), unnest(patient_name_words(r.name)) w WHERE w <> ''
      ) d
      GROUP BY word HAVING sum(delta) <> 0
      ORDER BY word
      ON CONFLICT (word) DO UPDATE SET patients = t.patients + excluded.patients;
      DELETE FROM patient_name_words
       WHERE patients <= 0
         AND word IN (SELECT w FROM unnest(removed) r(name), unnest(patient_name_words(r.name)) w);
    END $$;

    CREATE FUNCTION patient_name_words_follow() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        PERFORM patient_name_words_apply(ARRAY(SELECT name FROM added), '{}');
      ELSIF TG_OP = 'UPDATE' THEN
        PERFORM patient_name_words_apply(
          ARRAY(SELECT a.name FROM added a JOIN removed r USING (id) WHERE a.name IS DISTINCT FROM r.name),
          ARRAY(SELECT r.name FROM added a JOIN removed r USING (id) WHERE a.name IS DISTINCT FROM r.name));
      ELSE
        PERFORM patient_name_words_apply('{}', ARRAY(SELECT name FROM removed));
      END IF;
      RETURN NULL;
    END $$;

    CREATE TRIGGER trg_patient_name_words_insert AFTER INSERT ON patient_entities
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION patient_name_words_follow();
    CREATE TRIGGER trg_patient_name_words_update AFTER UPDATE ON patient_entities
      REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION patient_name_words_follow();
    CREATE TRIGGER trg_patient_name_words_delete AFTER DELETE ON patient_entities
      REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION patient_name_words_follow();

    -- The patients already registered.
    SELECT patient_name_words_apply(ARRAY(SELECT name FROM patient_entities), '{}');
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TRIGGER trg_patient_name_words_insert ON patient_entities;
    DROP TRIGGER trg_patient_name_words_update ON patient_entities;
    DROP TRIGGER trg_patient_name_words_delete ON patient_entities;
    DROP FUNCTION patient_name_words_follow();
    DROP FUNCTION patient_name_words_apply(text[], text[]);
    DROP INDEX idx_patient_words;
    DROP TABLE patient_name_words;
    DROP FUNCTION patient_name_words(text);
  `);
}
