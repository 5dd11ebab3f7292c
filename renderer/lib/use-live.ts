import { useEffect, useRef, useState } from 'react';

const COALESCE_MS = 50;

type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Data that other PCs change: fetched now and again whenever `listen` says something on screen
 * changed (a burst of events — a template expanded, a leave cancelling 30 bookings — is one
 * refetch), with replies to an older fetch dropped so a slow answer never overwrites a newer one.
 * `key` names what is asked for; a new key starts over.
 */
export function useLive<T>(key: string, fetch: () => Promise<Outcome<T>>, listen: (again: () => void) => Array<() => void>) {
  const [state, setState] = useState<{ key: string; value?: T; problem?: string }>({ key });
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;
  const listenRef = useRef(listen);
  listenRef.current = listen;

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Counted per key: a reply to an older fetch, or one landing after the key changed, is dropped.
    let latest = 0;
    let live = true;
    const run = async () => {
      const mine = ++latest;
      const r = await fetchRef.current();
      if (!live || mine !== latest) return;
      setState((old) => (r.ok ? { key, value: r.value } : { key, value: old.key === key ? old.value : undefined, problem: r.message }));
    };
    const again = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void run(), COALESCE_MS);
    };
    void run();
    const offs = listenRef.current(again);
    return () => {
      live = false;
      clearTimeout(timer);
      offs.forEach((off) => off());
    };
  }, [key]);

  const current = state.key === key;
  return { value: current ? state.value : undefined, problem: current ? state.problem : undefined, loaded: current && (state.value !== undefined || state.problem !== undefined) };
}
