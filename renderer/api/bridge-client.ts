import type { ClinicApi, EventName, Invoke, Result, Subscribe } from '../../preload/contract';

const TOKEN_KEY = 'clinic.bridgeToken';
const CLIENT_KEY = 'clinic.clientId';

const failure = (code: 'UNAVAILABLE' | 'UNAUTHENTICATED', message: string): Result<never> => ({ ok: false, error: { code, message } });

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/**
 * The bridge's token arrives once in the address (#token=…); it is kept for this tab only and
 * taken out of the address bar, so it is not bookmarked or shared by copying the URL.
 */
function takeToken(win: Window): string {
  const params = new URLSearchParams(win.location.hash.slice(1));
  const fromHash = params.get('token');
  if (fromHash) {
    win.sessionStorage.setItem(TOKEN_KEY, fromHash);
    // Whatever else the address carries (a call window's ticket) stays for the page to read.
    params.delete('token');
    const rest = params.toString();
    win.history.replaceState(null, '', win.location.pathname + win.location.search + (rest ? `#${rest}` : ''));
  }
  return win.sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/**
 * The address of a new tab of this app (a call window): this start's token travels in the
 * fragment as in the address Clinic Desk printed, never to the server, plus the given values.
 */
export function bridgeTabAddress(values: Record<string, string>): string {
  const params = new URLSearchParams({ token: sessionStorage.getItem(TOKEN_KEY) ?? '', ...values });
  return `${location.origin}/#${params.toString()}`;
}

/** Where this tab fetches an export that main wrote for it (once; the bridge checks token and tab). */
export function bridgeDownloadAddress(downloadId: string): string {
  const params = new URLSearchParams({ token: sessionStorage.getItem(TOKEN_KEY) ?? '', client: sessionStorage.getItem(CLIENT_KEY) ?? '' });
  return `/api/download/${encodeURIComponent(downloadId)}?${params.toString()}`;
}

/** The event stream of a token display: it hears only "board.changed", on its display ticket alone. */
export function bridgeDisplayEventsAddress(ticket: string): string {
  const params = new URLSearchParams({ token: sessionStorage.getItem(TOKEN_KEY) ?? '', client: sessionStorage.getItem(CLIENT_KEY) ?? '', display: ticket });
  return `/api/events?${params.toString()}`;
}

/** Each tab is its own "window": its own client id, so its own session, as in the app. */
function clientId(win: Window): string {
  let id = win.sessionStorage.getItem(CLIENT_KEY);
  if (!id) {
    id = randomId();
    win.sessionStorage.setItem(CLIENT_KEY, id);
  }
  return id;
}

/** window.clinic for a browser talking to the loopback bridge: the same contract, over fetch and server-sent events. */
export function bridgeClient(win: Window): ClinicApi {
  const token = takeToken(win);
  const client = clientId(win);
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | undefined;

  const invoke = async (channel: string, payload: unknown): Promise<unknown> => {
    try {
      const res = await fetch(`/api/call/${channel}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'X-Clinic-Client': client, 'Content-Type': 'application/json' },
        body: JSON.stringify(payload ?? {}),
      });
      if (res.status === 401)
        return failure('UNAUTHENTICATED', 'This page was opened without its access key. Open the address Clinic Desk printed when it started.');
      if (!res.ok) return failure('UNAVAILABLE', 'Clinic Desk is not answering. Is it still running?');
      return await res.json();
    } catch {
      return failure('UNAVAILABLE', 'Clinic Desk is not answering. Is it still running?');
    }
  };

  const subscribe = (event: EventName, listener: (payload: unknown) => void) => {
    if (!source) {
      source = new EventSource(`/api/events?token=${encodeURIComponent(token)}&client=${encodeURIComponent(client)}`);
      source.onmessage = (message) => {
        const { event: name, payload } = JSON.parse(message.data as string) as { event: EventName; payload: unknown };
        for (const fn of listeners.get(name) ?? []) fn(payload);
      };
    }
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => {
      set.delete(listener);
    };
  };

  return apiOver(invoke, subscribe);
}

/**
 * The contract's nested API over the bridge, built without the contract's schemas (they would
 * bring zod into every tab's start-up JavaScript): `clinic.<ns>.<method>(payload)` calls the
 * channel "<ns>.<method>", and the bridge answers a name the contract lacks with a refusal.
 */
function apiOver(invoke: Invoke, subscribe: Subscribe): ClinicApi {
  const namespaces = new Map<string, object>();
  const namespace = (ns: string) =>
    new Proxy(
      {},
      {
        // Not "then": a namespace must never pass for a promise.
        get: (_, method) => (typeof method === 'string' && method !== 'then' ? (payload: unknown) => invoke(`${ns}.${method}`, payload) : undefined),
      },
    );
  return new Proxy({} as ClinicApi, {
    get: (_, ns) => {
      if (ns === 'on') return subscribe;
      if (typeof ns !== 'string' || ns === 'then') return undefined;
      if (!namespaces.has(ns)) namespaces.set(ns, namespace(ns));
      return namespaces.get(ns);
    },
  });
}
