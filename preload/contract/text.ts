/**
 * Text PostgreSQL can store. A `text` or `jsonb` value cannot hold U+0000, and a lone UTF-16
 * surrogate has no UTF-8 form (the driver would quietly store U+FFFD instead of what was sent),
 * so either one, anywhere in a request — a value or an object key, however deep — is refused
 * before any schema looks at it.
 */
export function unstorableTextAt(value: unknown, path: readonly (string | number)[] = []): (string | number)[] | undefined {
  if (typeof value === 'string') return storable(value) ? undefined : [...path];
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = unstorableTextAt(item, [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!storable(key)) return [...path, key];
      const found = unstorableTextAt(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

export const UNSTORABLE_TEXT_MESSAGE = 'This contains a character that cannot be saved (a NUL or a broken one); retype it';

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function storable(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}
