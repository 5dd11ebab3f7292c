import { statusNames } from '../../lib/labels';

let looked: { language: string; names: ReturnType<typeof statusNames> } | undefined;

/**
 * Every status as the desk says it in `language`, looked up once per language: each of the
 * schedule's columns names its blocks' statuses on every draw.
 */
export function statusWordsIn(language: string): ReturnType<typeof statusNames> {
  if (looked?.language !== language) looked = { language, names: statusNames() };
  return looked.names;
}
