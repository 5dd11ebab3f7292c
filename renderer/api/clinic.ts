import type { ClinicApi, Result } from '../../preload/contract';
import { saidToTheDesk } from '../i18n/refusals';
import { bridgeClient } from './bridge-client';

type Group = Record<string, (req: unknown) => Promise<Result<unknown>>>;

/**
 * The same API, its refusals said in the desk's language (main words them in English). Each
 * method is looked up on `api` when it is called, so an API that is swapped underneath (the
 * renderer tests' served fake) is followed.
 */
export function inTheDesksLanguage(api: ClinicApi): ClinicApi {
  const groups = api as unknown as Record<string, Group>;
  const spoken = new Map<string, Group>();
  const group = (ns: string): Group =>
    new Proxy({} as Group, {
      get: (_, method: string) => async (req: unknown) => {
        const r = await groups[ns]![method]!(req);
        // The catalogue never rejects: a part it cannot fetch leaves the message in English.
        return r.ok ? r : { ok: false, error: { ...r.error, message: await saidToTheDesk(r.error) } };
      },
    });
  return new Proxy({} as ClinicApi, {
    get(_, ns: string) {
      if (ns === 'on') return api.on.bind(api);
      let methods = spoken.get(ns);
      if (!methods) spoken.set(ns, (methods = group(ns)));
      return methods;
    },
  });
}

/** The one data path of the renderer: the preload's API in the app, the bridge's in a browser. */
export const clinic: ClinicApi = inTheDesksLanguage(window.clinic ?? bridgeClient(window));
