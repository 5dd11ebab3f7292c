import type { FlatNamespace, i18n, TFunction } from 'i18next';
import { use, useCallback, useSyncExternalStore } from 'react';
import { laterNamespaces, words } from './instance';

/**
 * A namespace's words for a component (and the shared "common:" ones): it re-renders when the language changes, and suspends
 * (into the nearest Loading) while a namespace not yet fetched arrives. The few lines of
 * react-i18next's useTranslation the desk needs; that package imports i18next itself, which
 * would put the library in the start-up JavaScript.
 */
export function useT<N extends FlatNamespace>(namespace: N): { t: TFunction<[N, 'common']>; language: string } {
  const i18n = words();
  const subscribe = useCallback(
    (changed: () => void) => {
      i18n.on('languageChanged', changed);
      return () => i18n.off('languageChanged', changed);
    },
    [i18n],
  );
  const language = useSyncExternalStore(subscribe, () => i18n.language);
  // Once a namespace has been waited for, every render asks for that same (settled) promise: React
  // replays a component that suspended and expects the replay to call use() as the first render did.
  const key = `${language}/${namespace}`;
  const load = loads.get(key) ?? (i18n.hasLoadedNamespace(namespace) ? undefined : pending(key, namespace));
  if (load) use(load);
  // One t per instance, language and namespace: a screen of many components (the schedule's
  // columns) would otherwise make a new one for each of them on every draw.
  let own = fixed.get(i18n);
  if (!own) fixed.set(i18n, (own = {}));
  // The common words (statuses, Cancel, Loading…) as "common:…" beside the namespace's own.
  return { t: (own[key] ??= i18n.getFixedT(language, [namespace, 'common'])) as TFunction<[N, 'common']>, language };
}

const fixed = new WeakMap<i18n, Record<string, TFunction>>();

// One promise per namespace and language, so every render that waits waits on the same one.
const loads = new Map<string, Promise<void>>();
function pending(key: string, namespace: string): Promise<void> {
  const load = words().loadNamespaces(namespace);
  loads.set(key, load);
  return load;
}

/**
 * Fetches every namespace's words in the desk's language ahead of the screens that show them
 * (with the signed-in frame's chunk, while the desk types). A screen whose words are in draws at
 * once; one that suspends for them is revealed no sooner than 300 ms after its "Opening …",
 * React's throttle on a fallback, however soon the words arrive. i18next also keeps them on its
 * list, so a change of language fetches them all in the new one.
 */
export const preloadAllWords = (): Promise<void> => preloadWords(laterNamespaces());

/** These namespaces' words, fetched ahead (see preloadAllWords): a window of its own needs only its own. */
export const preloadWords = (namespaces: readonly string[]): Promise<void> => words().loadNamespaces([...namespaces]);
