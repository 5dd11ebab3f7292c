import { channels, type ChannelName, type Req, type Res } from './channels';
import type { Result } from './result';

export type Invoke = (channel: string, payload: unknown) => Promise<unknown>;

type Split<S extends string> = S extends `${infer Head}.${infer Tail}` ? [Head, Tail] : never;
type Namespaces = Split<ChannelName>[0];
type MethodsOf<N extends string> = {
  [C in ChannelName as Split<C>[0] extends N ? Split<C>[1] : never]: (payload: Req<C>) => Promise<Result<Res<C>>>;
};

/** The nested API the renderer sees: `api.appointments.book(payload)`. */
export type ClinicApi = { [N in Namespaces]: MethodsOf<N> };

/**
 * Builds the nested API from the contract over any transport: ipcRenderer.invoke in the
 * preload, fetch in the browser bridge, in-memory handlers in component tests.
 */
export function makeClient(invoke: Invoke): ClinicApi {
  const api: Record<string, Record<string, (payload: unknown) => Promise<unknown>>> = {};
  for (const name of Object.keys(channels)) {
    const [ns, method] = name.split('.') as [string, string];
    api[ns] ??= {};
    api[ns][method] = (payload: unknown) => invoke(name, payload);
  }
  return api as unknown as ClinicApi;
}
