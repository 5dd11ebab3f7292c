import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { setFormatLanguage } from '../lib/locale';
import { START_NAMESPACES } from './en/start';
import { setInstance } from './instance';
import type { Language } from '../../preload/contract';
import { rememberLanguage, storedLanguage } from './languages';
import { loadRefusals } from './refusals';

// Every other namespace, English included, and every Hindi one is a chunk of its own, fetched
// when a screen first asks for it: English start-up carries only the start screens' words.
const LATER = import.meta.glob<{ default: ResourceKey }>(['./*/*.ts', '!./en/start.ts']);

const lazyResources: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, done) {
    const load = LATER[`./${language}/${namespace}.ts`];
    if (!load) return done(new Error(`No ${language} words for ${namespace}`), false);
    load().then(
      (m) => done(null, m.default),
      (e: Error) => done(e, false),
    );
  },
};

const first = storedLanguage();
setFormatLanguage(first);
void loadRefusals(first);

setInstance(i18next, [...new Set(Object.keys(LATER).map((file) => file.slice(file.lastIndexOf('/') + 1, -'.ts'.length)))]);
/** Resolves once the first language's start words are in (at once for English: they are bundled). */
export const ready = i18next.use(lazyResources).init({
  lng: first,
  fallbackLng: 'en',
  supportedLngs: ['en', 'hi'],
  defaultNS: 'common',
  ns: Object.keys(START_NAMESPACES),
  resources: { en: START_NAMESPACES },
  partialBundledLanguages: true,
  // React escapes what it renders; escaping here too would show "&amp;" in names.
  interpolation: { escapeValue: false },
  returnNull: false,
});

/**
 * Switches the desk's words, dates and money to `language` now (screens re-render as their
 * namespaces arrive) and makes it this PC's language for the next sign-in screen.
 */
export async function switchLanguage(language: Language): Promise<void> {
  rememberLanguage(language);
  setFormatLanguage(language);
  await Promise.all([i18next.language !== language && i18next.changeLanguage(language), loadRefusals(language)]);
}
