import { z } from 'zod';
import { UNSTORABLE_TEXT_MESSAGE, unstorableTextAt } from './text';

/** The closed set of error codes a call can end with. */
export const ERROR_CODES = ['INVALID', 'CONFLICT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'UNAVAILABLE', 'INTERNAL'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * A sentence of main's that carries values, as its English template ("{0} has already passed")
 * and the values in order: each desk says it in its user's language (renderer/i18n/refusals).
 * A value may be a sentence of its own.
 */
export type Phrase = { text: string; values?: (string | Phrase)[] };
export const phraseSchema: z.ZodType<Phrase> = z.lazy(() => z.object({ text: z.string(), values: z.array(z.union([z.string(), phraseSchema])).optional() }));

export const callErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  /** Meant for people: no SQL, no stack trace. In English; the words without values are their own template. */
  message: z.string(),
  /** The offending field, for INVALID. */
  field: z.string().optional(),
  /** The message's template and values, when it has values. */
  phrase: phraseSchema.optional(),
});
export type CallError = z.infer<typeof callErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: CallError };

/** How a request that fails its channel's schema is refused: the first problem, at its field. */
export function invalidRequest(error: z.ZodError): { ok: false; error: CallError } {
  const issue = error.issues[0];
  const field = issue?.path.join('.');
  return { ok: false, error: { code: 'INVALID', message: issue?.message ?? 'Invalid request', ...(field ? { field } : {}) } };
}

/**
 * How every request is read: text the database cannot store is refused at its field whatever
 * the channel (so no field's schema has to remember it), then the channel's own schema.
 */
export function parseRequest<S extends z.ZodType>(schema: S, payload: unknown): { ok: true; data: z.output<S> } | { ok: false; error: CallError } {
  const at = unstorableTextAt(payload);
  if (at) return { ok: false, error: { code: 'INVALID', message: UNSTORABLE_TEXT_MESSAGE, ...(at.length ? { field: at.join('.') } : {}) } };
  const parsed = schema.safeParse(payload);
  return parsed.success ? { ok: true, data: parsed.data } : invalidRequest(parsed.error);
}
