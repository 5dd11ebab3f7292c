import type { ClinicApi, Result } from '../../preload/contract';
import { saidToTheDesk } from '../i18n/refusals';
import { bridgeClient } from './bridge-client';

type Method = (req: unknown) => Promise<Result<unknown>>;

/** The same API, its refusals said in the desk's language (main words them in English). */
export function inTheDesksLanguage(api: ClinicApi): ClinicApi {
  const spoken: Record<string, unknown> = { on: api.on.bind(api) };
  for (const [ns, group] of Object.entries(api)) {
    if (typeof group !== 'object' || group === null) continue;
    spoken[ns] = Object.fromEntries(
      Object.entries(group as Record<string, Method>).map(([name, call]) => [
        name,
        async (req: unknown) => {
          const r = await call(req);
          return r.ok ? r : { ok: false, error: { ...r.error, message: await saidToTheDesk(r.error) } };
        },
      ]),
    );
  }
  return spoken as ClinicApi;
}

/** The one data path of the renderer: the preload's API in the app, the bridge's in a browser. */
export const clinic: ClinicApi = inTheDesksLanguage(window.clinic ?? bridgeClient(window));
