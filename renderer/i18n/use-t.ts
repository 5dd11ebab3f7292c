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
  // Once a namespace has been waited for, every render asks for that same (settled) promise: React
  // replays a component that suspended and expects the replay to call use() as the first render did.
  const key = `${language}/${namespace}`;
  const load = loads.get(key) ?? (i18n.hasLoadedNamespace(namespace) ? undefined : pending(key, namespace));
  if (load) use(load);
  // The common words (statuses, Cancel, Loading…) as "common:…" beside the namespace's own.
  return { t: i18n.getFixedT(language, [namespace, 'common']), language };
}

// One promise per namespace and language, so every render that waits waits on the same one.
const loads = new Map<string, Promise<void>>();
function pending(key: string, namespace: string): Promise<void> {
  const load = words().loadNamespaces(namespace);
  loads.set(key, load);
  return load;
}
