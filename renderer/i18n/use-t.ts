import type { FlatNamespace, TFunction } from 'i18next';
import { use, useCallback, useSyncExternalStore } from 'react';
import { words } from './instance';

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
  use(i18n.hasLoadedNamespace(namespace) ? LOADED : pending(namespace, language));
  // The common words (statuses, Cancel, Loading…) as "common:…" beside the namespace's own.
  return { t: i18n.getFixedT(language, [namespace, 'common']), language };
}

// use() is called on every render, words loaded or not: React replays a render that suspended in
// it and expects it there again (the hooks after it are set up from that point), so skipping it
// once the words are in breaks those hooks. A promise React already reads as fulfilled never suspends.
const LOADED = Object.assign(Promise.resolve(), { status: 'fulfilled', value: undefined });

// One promise per namespace and language, so every render that waits waits on the same one.
const loads = new Map<string, Promise<void>>();
function pending(namespace: string, language: string): Promise<void> {
  const key = `${language}/${namespace}`;
  let load = loads.get(key);
  if (!load) loads.set(key, (load = words().loadNamespaces(namespace)));
  return load;
}
