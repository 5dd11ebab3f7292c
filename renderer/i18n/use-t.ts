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
  // Once a render has waited for these words, every later one `use`s the same (settled) load:
  // React replays or retries a render that suspended and expects the same `use` there, words in
  // or not (skipping it read the hooks after this one as updates of hooks that never mounted).
  const waited = loads.get(`${language}/${namespace}`);
  if (waited || !i18n.hasLoadedNamespace(namespace)) use(waited ?? pending(namespace, language));
  // The common words (statuses, Cancel, Loading…) as "common:…" beside the namespace's own.
  return { t: i18n.getFixedT(language, [namespace, 'common']), language };
}

// One promise per namespace and language, so every render that waits waits on the same one.
const loads = new Map<string, Promise<void>>();
function pending(namespace: string, language: string): Promise<void> {
  const key = `${language}/${namespace}`;
  let load = loads.get(key);
  if (!load) loads.set(key, (load = words().loadNamespaces(namespace)));
  return load;
}
