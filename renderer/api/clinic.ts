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
  return new Proxy({} as ClinicApi, {
    get(_, ns: string) {
      if (ns === 'on') return api.on.bind(api);
      return new Proxy({} as Group, {
        get: (__, method: string) => async (req: unknown) => {
          const r = await groups[ns]![method]!(req);
          if (r.ok) return r;
          // Whatever happens to the words, the refusal itself reaches the screen.
          const message = await saidToTheDesk(r.error).catch(() => r.error.message);
          return { ok: false, error: { ...r.error, message } };
        },
      });
    },
  });
}

/** The one data path of the renderer: the preload's API in the app, the bridge's in a browser. */
export const clinic: ClinicApi = inTheDesksLanguage(window.clinic ?? bridgeClient(window));
