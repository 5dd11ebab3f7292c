import type { Knex } from 'knex';
import type { PatientDetail, PatientSummary } from '../../preload/contract';
import { columnMapper } from '../shared/columns';

export interface PatientRow {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  date_of_birth: string | null;
  gender: PatientSummary['gender'];
  address: string | null;
  medical_history: string | null;
  created_at: string;
  updated_at: string | null;
}

export interface PatientFields {
  name: string;
  email: string | null;
  phone: string | null;
  dateOfBirth: string | null;
  gender: PatientSummary['gender'];
  address: string | null;
  medicalHistory: string | null;
}

const SUMMARY_COLUMNS = ['id', 'name', 'phone', 'email', 'date_of_birth', 'gender'] as const;

function toSummary(r: Pick<PatientRow, (typeof SUMMARY_COLUMNS)[number]>): PatientSummary {
  return { id: r.id, name: r.name, phone: r.phone, email: r.email, dateOfBirth: r.date_of_birth, gender: r.gender };
}

export function toDetail(r: PatientRow, withHistory: boolean): PatientDetail {
  return {
    ...toSummary(r),
    address: r.address,
    ...(withHistory ? { medicalHistory: r.medical_history } : {}),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const { toColumns } = columnMapper<PatientFields>({
  name: 'name',
  email: 'email',
  phone: 'phone',
  dateOfBirth: 'date_of_birth',
  gender: 'gender',
  address: 'address',
  medicalHistory: 'medical_history',
});

export async function findPatient(knex: Knex, id: number, opts: { forUpdate?: boolean } = {}): Promise<PatientRow | undefined> {
  return knex<PatientRow>('patient_entities')
    .where({ id })
    .modify((q) => {
      if (opts.forUpdate) q.forUpdate();
    })
    .first();
}

export async function insertPatient(knex: Knex, fields: PatientFields): Promise<PatientRow> {
  const [row] = await knex<PatientRow>('patient_entities').insert(toColumns(fields)).returning('*');
  return row as PatientRow;
}

export async function updatePatient(knex: Knex, id: number, fields: Partial<PatientFields>): Promise<PatientRow | undefined> {
  const [row] = await knex<PatientRow>('patient_entities')
    .where({ id })
    .update({ ...toColumns(fields), updated_at: knex.fn.now() })
    .returning('*');
  return row;
}

// Trigram likeness of two names at which they may be one person's. Word order barely moves it
// ("Meera Iyer" and "Iyer Meera" share nearly every trigram), so swapped names are caught too.
const LIKE_NAME = 0.6;

/**
 * Patients the desk may be registering a second time: the same phone (families share one, so
 * the desk decides), or a name at least 60 % like it with the same date of birth. Phone and
 * likeness together, or a birth date too, rank first.
 */
export async function findDuplicateCandidates(
  knex: Knex,
  p: { name: string; phone: string | null; dateOfBirth: string | null },
  excludeId?: number,
): Promise<PatientSummary[]> {
  const rows = await knex('patient_entities')
    .select(...SUMMARY_COLUMNS)
    .where((w) => {
      if (p.phone) w.where('phone', p.phone);
      if (p.dateOfBirth) w.orWhere((x) => x.where('date_of_birth', p.dateOfBirth).whereRaw('similarity(name, ?) >= ?', [p.name, LIKE_NAME]));
    })
    .modify((q) => {
      if (excludeId) q.whereNot('id', excludeId);
    })
    .orderByRaw(
      '(COALESCE(phone = :phone, false)::int + COALESCE(date_of_birth = :dateOfBirth::date, false)::int + (similarity(name, :name) >= :likeName)::int) DESC, similarity(name, :name) DESC, id',
      { phone: p.phone, dateOfBirth: p.dateOfBirth, name: p.name, likeName: LIKE_NAME },
    )
    .limit(10);
  return rows.map(toSummary);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// Each way of matching gathers at most this many candidates before they are ranked: a short
// fragment can match tens of thousands of patients in a city-sized register, and ranking them
// all would cost far more than the one screenful the desk sees.
const CANDIDATES = 100;

// The <% operator (word similarity) selects through the trigram index at this threshold. A
// single word needs 0.3 to find "Smtih" for Smith; a whole name with one letter wrong still
// shares most of its trigrams, and a lower bar would match everyone with the same first name.
const FUZZY_WORD = 0.3;
const FUZZY_NAME = 0.5;

const SUMMARY_SQL = SUMMARY_COLUMNS.join(', ');

// A surname typed alone ("Bhattach") starts a word inside the name, and thousands of names hold
// it: scanning names for "% bhattach%" reads far into the table before a page is found. The
// words that start with it come from the table of names' words instead, and their holders from
// the index of names' words (a half of a double-barrelled name counts too).
const HOLDS_WORD_STARTING = 'patient_name_words(name) && ARRAY(SELECT word FROM patient_name_words WHERE word LIKE :prefix)';

/**
 * Search as you type, ranked: exact id, then names starting with the text, then names with a
 * word starting with it, then names containing it, then names like it (one letter wrong).
 * One or two letters only match the start of the name (an index range, never a scan); digits
 * also look at the phone and the id; an @ looks at the email.
 *
 * Every way of matching is bounded by an index and CANDIDATES, so a fragment that matches half
 * the register costs no more than one that matches a few. The fuzzy match runs only when the
 * others find nobody, which is when the text is not anyone's name as typed: ranking likenesses
 * is the one step no index bounds (thousands of names share two trigrams with "Predi"), tens of
 * milliseconds a keystroke for suggestions nobody needs while the real match is on screen.
 */
export async function searchPatients(knex: Knex, query: string, limit: number): Promise<PatientSummary[]> {
  const q = query.trim();
  const lower = q.toLowerCase();
  const digits = q.replace(/\D/g, '');
  const isNumeric = /^[\d\s+\-()]+$/.test(q) && digits.length > 0;
  const prefix = `${escapeLike(lower)}%`;

  if (isNumeric) {
    const id = Number.isSafeInteger(Number(digits)) && digits.length <= 15 ? Number(digits) : -1;
    const phone = digits.length >= 3 ? `%${escapeLike(digits)}%` : null;
    const { rows } = await knex.raw(
      `SELECT ${SUMMARY_SQL} FROM patient_entities
        WHERE id IN (SELECT id FROM patient_entities WHERE id = :id
                     UNION ALL (SELECT id FROM patient_entities WHERE phone LIKE :phone LIMIT :candidates))
        ORDER BY (id = :id) DESC, name, id LIMIT :limit`,
      { id, phone, candidates: CANDIDATES, limit },
    );
    return rows.map(toSummary);
  }

  if (q.length <= 2) {
    const rows = await knex('patient_entities')
      .select(...SUMMARY_COLUMNS)
      .whereRaw('lower(name) LIKE ?', [prefix])
      // The prefix index's own order (bytewise, lower case): the first screenful is read off
      // the index instead of sorting every name that starts with these letters.
      .orderByRaw('lower(name) USING ~<~, id')
      .limit(limit);
    return rows.map(toSummary);
  }

  const contains = `%${escapeLike(q)}%`;
  // Split as patient_name_words splits a name.
  const oneWord = !/[\s-]/.test(lower);
  const byEmail = q.includes('@') || q.includes('.');
  const { rows } = await knex.raw(
    `WITH prefix AS (
        SELECT id FROM patient_entities WHERE lower(name) LIKE :prefix ORDER BY lower(name) USING ~<~ LIMIT :candidates
      ), words AS (
        -- Ranked after the names that start with the text: not looked for when those fill the page.
        SELECT id FROM patient_entities WHERE (SELECT count(*) FROM prefix) < :limit AND ${oneWord ? HOLDS_WORD_STARTING : 'name ILIKE :wordStart'} LIMIT :candidates
      ), starts AS (
        SELECT id FROM prefix UNION SELECT id FROM words
      ), inside AS (
        SELECT id FROM patient_entities
         WHERE (SELECT count(*) FROM starts) < :limit AND (name ILIKE :contains${byEmail ? ' OR email ILIKE :contains' : ''})
         LIMIT :candidates
      )
      SELECT ${SUMMARY_SQL} FROM patient_entities
       WHERE id IN (SELECT id FROM starts UNION SELECT id FROM inside)
       ORDER BY CASE WHEN lower(name) LIKE :prefix THEN 0 WHEN lower(name) LIKE :wordStart THEN 1 ELSE 2 END, word_similarity(:query, name) DESC, name, id
       LIMIT :limit`,
    { prefix, wordStart: `% ${escapeLike(lower)}%`, contains, query: q, candidates: CANDIDATES, limit },
  );
  const found: PatientSummary[] = rows.map(toSummary);
  return found.length > 0 ? found : similarNames(knex, q, limit);
}

// Candidates for a mistyped word among the distinct words of all names (patient_name_words),
// nearest by trigram distance among those at least WORD_LIKENESS alike (a letter wrong in a
// four-letter word leaves a quarter of its trigrams in common). A typed word some name holds is most likely meant as typed, but a
// letter wrong can spell another real name ("Meena" for "Meera"), so a few neighbours come too;
// a word no name holds is the mistyped one, and more of its neighbours are tried (a one-letter
// slip in a five-letter word shares only half its trigrams, level with many other names).
const NEIGHBOURS_OF_KNOWN = 4;
const NEIGHBOURS_OF_UNKNOWN = 40;
const WORD_LIKENESS = 0.2;
// A full name has a handful of words; more typed words only narrow a search already narrow.
const MAX_TYPED_WORDS = 4;

/** Each typed word's candidate words, in the order typed. */
async function candidateWords(knex: Knex, typed: string[]): Promise<string[][]> {
  const { rows } = await knex.raw(
    `SELECT t.i, array_agg(x.word ORDER BY x.distance, x.word) AS words, min(x.distance) = 0 AS known
       FROM unnest(?::text[]) WITH ORDINALITY t(w, i)
      CROSS JOIN LATERAL (
        SELECT word, word <-> t.w AS distance FROM patient_name_words
         WHERE (SELECT set_config('pg_trgm.similarity_threshold', ?, true)) IS NOT NULL AND word % t.w
         ORDER BY word <-> t.w LIMIT ?) x
      GROUP BY t.i ORDER BY t.i`,
    [typed, String(WORD_LIKENESS), NEIGHBOURS_OF_UNKNOWN],
  );
  return rows.map((r: { words: string[]; known: boolean }) => (r.known ? r.words.slice(0, NEIGHBOURS_OF_KNOWN + 1) : r.words));
}

/**
 * Names like the text (a letter wrong, one missing), most alike first: each typed word's
 * likely words are found in the table of names' words, then the patients holding one of them
 * for every word typed, through the GIN index of names' words. One word typed reads at most a
 * page of patients per candidate word, nearest word first, so a common surname costs no more
 * than a rare one. When that finds nobody (a word typed half-way), the likeness of whole names.
 */
async function similarNames(knex: Knex, q: string, limit: number): Promise<PatientSummary[]> {
  // Split as patient_name_words() splits a name (migrations/20261203600100).
  const typed = [
    ...new Set(
      q
        .toLowerCase()
        .split(/[\s-]+/)
        .filter(Boolean),
    ),
  ].slice(0, MAX_TYPED_WORDS);
  const candidates = typed.length ? await candidateWords(knex, typed) : [];
  if (candidates.length > 0 && candidates.every((words) => words.length > 0)) {
    const holders =
      candidates.length === 1
        ? knex.raw(
            `SELECT h.id FROM unnest(?::text[]) n(word)
              CROSS JOIN LATERAL (SELECT id FROM patient_entities WHERE patient_name_words(name) && ARRAY[n.word] LIMIT ?) h`,
            [candidates[0]!, limit],
          )
        : knex.raw(`SELECT id FROM patient_entities WHERE ${candidates.map(() => 'patient_name_words(name) && ?::text[]').join(' AND ')}`, candidates);
    const rows = await knex('patient_entities')
      .select(...SUMMARY_COLUMNS)
      .whereRaw('id IN (?)', [holders])
      .orderByRaw(likenessOrder(q), [q, q])
      .limit(limit);
    if (rows.length > 0) return rows.map(toSummary);
  }
  return likeWholeNames(knex, q, limit);
}

// A whole name typed is ranked by likeness to the whole name: by word similarity "Bayla Kaul"
// is as like "Sarla Kaul-Bandopadhyay" as "Baala Kaul". One word is ranked by word similarity,
// the closer whole name winning ties ("Sharma": "Rahul Sharma", "Rahul Sharmila"). A register
// holds many namesakes: only the first NAMESAKES_FIRST holders of a name come before the next
// name, so "Anili Nehru" shows "Anila Nehru" near the top, not below every "Anil Nehru".
const NAMESAKES_FIRST = 2;
const likenessOrder = (q: string) =>
  `row_number() OVER (PARTITION BY name ORDER BY id) > ${NAMESAKES_FIRST}, ` +
  (q.includes(' ') ? 'similarity(?, name) DESC, word_similarity(?, name) DESC, name, id' : 'word_similarity(?, name) DESC, similarity(?, name) DESC, name, id');

/** Names like the text by trigram likeness of the whole name (any part of a word may be wrong). */
async function likeWholeNames(knex: Knex, q: string, limit: number): Promise<PatientSummary[]> {
  const rows = await knex('patient_entities')
    .select(...SUMMARY_COLUMNS)
    // The threshold that <% selects by, for this statement only (its own transaction): an
    // uncorrelated subquery is a one-time filter, run before the index scan that reads it.
    // One round trip, where a transaction with SET LOCAL took four.
    .whereRaw(`(SELECT set_config('pg_trgm.word_similarity_threshold', ?, true)) IS NOT NULL`, [String(q.includes(' ') ? FUZZY_NAME : FUZZY_WORD)])
    .whereRaw('? <% name', [q])
    .orderByRaw(likenessOrder(q), [q, q])
    .limit(limit);
  return rows.map(toSummary);
}
