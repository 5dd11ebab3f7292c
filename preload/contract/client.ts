import { channels, type ChannelName, type Req, type Res } from './channels';
import type { EventName, EventPayload } from './events';
import type { Result } from './result';

export type Invoke = (channel: string, payload: unknown) => Promise<unknown>;
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

type Split<S extends string> = S extends `${infer Head}.${infer Tail}` ? [Head, Tail] : never;
type Namespaces = Split<ChannelName>[0];
type MethodsOf<N extends string> = {
  [C in ChannelName as Split<C>[0] extends N ? Split<C>[1] : never]: (payload: Req<C>) => Promise<Result<Res<C>>>;
};

/** The nested API the renderer sees: `clinic.users.create(payload)`, `clinic.on(event, fn)`. */
export type ClinicApi = { [N in Namespaces]: MethodsOf<N> } & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/**
 * Builds the API from the contract over any transport: ipcRenderer in the preload, fetch and
 * server-sent events in the browser bridge, in-memory handlers in component tests.
 */
export function makeClient(invoke: Invoke, subscribe: Subscribe): ClinicApi {
  const api: Record<string, unknown> = {};
  for (const name of Object.keys(channels)) {
    const [ns, method] = name.split('.') as [string, string];
    const group = (api[ns] ??= {}) as Record<string, (payload: unknown) => Promise<unknown>>;
    group[method] = (payload: unknown) => invoke(name, payload);
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => subscribe(event, listener);
  return api as ClinicApi;
}
