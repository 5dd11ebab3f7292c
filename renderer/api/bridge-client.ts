import type { ClinicApi, EventName, Invoke, Result, Subscribe } from '../../preload/contract';

// Where a tab keeps the bridge's token and its own client id (sessionStorage); the bench's export in the app reads them too.
export const TOKEN_KEY = 'clinic.bridgeToken';
export const CLIENT_KEY = 'clinic.clientId';

// Said in the desk's language through the refusals catalogue, as main's own refusals are.
const failure = (code: 'UNAVAILABLE' | 'UNAUTHENTICATED', message: string): Result<never> => ({ ok: false, error: { code, message } });
const NOT_ANSWERING_MESSAGE = 'Clinic Desk is not answering. Is it still running?';

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

type SessionSeen = { locked: boolean } | null;

/** The session a reply tells of: what a sign-in, lock, unlock, status or call-window join answers; none after signing out. */
const SESSION_REPLIES: Record<string, (value: unknown) => SessionSeen> = {
  'auth.status': (value) => (value as { session: SessionSeen }).session,
  'auth.login': (value) => value as SessionSeen,
  'auth.createFirstAdmin': (value) => value as SessionSeen,
  'auth.unlock': (value) => value as SessionSeen,
  'auth.lock': (value) => value as SessionSeen,
  // A call window's tab, signed in by its ticket.
  'video.joinWindow': (value) => value as SessionSeen,
  'auth.logout': () => null,
};

/**
 * window.clinic for a browser talking to the loopback bridge: the same contract, over fetch and
 * server-sent events. The bridge streams events only to a tab signed in and unlocked (and ends
 * the stream once it is not), so the stream follows the session as the replies and the
 * session events tell it: opened on sign-in or unlock, closed on lock or sign-out.
 */
export function bridgeClient(win: Window): ClinicApi {
  const token = takeToken(win);
  const client = clientId(win);
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | undefined;
  let admitted = false;

  const openStream = () => {
    const stream = new EventSource(`/api/events?token=${encodeURIComponent(token)}&client=${encodeURIComponent(client)}`);
    stream.onmessage = (message) => {
      const { event: name, payload } = JSON.parse(message.data as string) as { event: EventName; payload: unknown };
      for (const fn of listeners.get(name) ?? []) fn(payload);
      if (name === 'session.changed') learn((payload as { session: SessionSeen }).session);
    };
    // Refused or ended by the bridge (the session locked or ended meanwhile): the browser gives
    // up on it, and the next sign-in or unlock opens a new one.
    stream.onerror = () => {
      if (stream.readyState === EventSource.CLOSED && source === stream) source = undefined;
    };
    source = stream;
  };
  const follow = () => {
    const wanted = admitted && [...listeners.values()].some((set) => set.size > 0);
    if (wanted && !source) openStream();
    if (!wanted && source) {
      source.close();
      source = undefined;
    }
  };
  const learn = (session: SessionSeen) => {
    admitted = session !== null && !session.locked;
    follow();
  };
  const watch = (channel: string, result: Result<unknown>): Result<unknown> => {
    if (result.ok && SESSION_REPLIES[channel]) learn(SESSION_REPLIES[channel](result.value));
    else if (!result.ok && result.error.code === 'UNAUTHENTICATED') learn(null);
    return result;
  };

  const invoke = async (channel: string, payload: unknown): Promise<unknown> => {
    try {
      const res = await fetch(`/api/call/${channel}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'X-Clinic-Client': client, 'Content-Type': 'application/json' },
        body: JSON.stringify(payload ?? {}),
      });
      if (res.status === 401)
        return watch(channel, failure('UNAUTHENTICATED', 'This page was opened without its access key. Open the address Clinic Desk printed when it started.'));
      if (!res.ok) return failure('UNAVAILABLE', NOT_ANSWERING_MESSAGE);
      return watch(channel, (await res.json()) as Result<unknown>);
    } catch {
      return failure('UNAVAILABLE', NOT_ANSWERING_MESSAGE);
    }
  };

  const subscribe = (event: EventName, listener: (payload: unknown) => void) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    follow();
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
