import type { CallError, Phrase } from '../../preload/contract';
import { shortDay } from '../lib/dates';
import { currentLanguage } from '../lib/locale';

/**
 * Main's refusals in the desk's language. Main writes them in English; each sentence with values
 * also comes as its template ("{0} has already passed") and values. A catalogue per language maps
 * the English templates to its own, with the same numbered places; a sentence it lacks stays in
 * English rather than go missing.
 */
export type Refusals = Record<string, string>;

const PARTS = import.meta.glob<{ default: Refusals }>('./refusals/*/*.ts');
const catalogues = new Map<string, Promise<Map<string, string>>>();
const loaded = new Map<string, Map<string, string>>([['en', new Map()]]);

function catalogue(language: string): Promise<Map<string, string>> {
  let loading = catalogues.get(language);
  if (!loading) {
    const parts = Object.entries(PARTS).filter(([path]) => path.startsWith(`./refusals/${language}/`));
    loading = Promise.all(parts.map(([, load]) => load())).then(
      (modules) => {
        const words = new Map(modules.flatMap((m) => Object.entries(m.default)));
        loaded.set(language, words);
        return words;
      },
      // A part that cannot be fetched (the bridge restarted with new chunk names, or is down):
      // this refusal stays in English, and the next one tries again.
      () => {
        catalogues.delete(language);
        return new Map<string, string>();
      },
    );
    catalogues.set(language, loading);
  }
  return loading;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A value as the desk writes it: a date in the desk's own way, any other value as it came. */
const valueText = (value: string) => (ISO_DAY.test(value) ? `${shortDay(value)} ${value.slice(0, 4)}` : value);

function spoken(phrase: Phrase, words: Map<string, string>): string {
  const template = words.get(phrase.text) ?? phrase.text;
  const values = (phrase.values ?? []).map((v) => (typeof v === 'string' ? valueText(v) : spoken(v, words)));
  return template.replace(/\{(\d+)\}/g, (place, i: string) => values[Number(i)] ?? place);
}

/** The refusal's message in the desk's current language. */
export async function saidToTheDesk(error: CallError): Promise<string> {
  const language = currentLanguage();
  return spoken(error.phrase ?? { text: error.message }, loaded.get(language) ?? (await catalogue(language)));
}

/** A sentence of main's (a phrase in a reply) in the desk's language, if its words are in. */
export const phraseNow = (phrase: Phrase) => spoken(phrase, loaded.get(currentLanguage()) ?? new Map());

/** A sentence of the contract's (a form's own check) in the desk's language, if its words are in. */
export const saidNow = (message: string) => phraseNow({ text: message });

/** Loads the language's refusals ahead, so a form's own checks can say them at once. */
export const loadRefusals = async (language: string) => {
  if (!loaded.has(language)) await catalogue(language);
};
