import type { CallError, ChannelName, ClinicApi, Req, Res, Result } from '../../preload/contract';

/** A refusal from main, thrown so the data layer's error state carries it whole (code, field). */
export class ClinicError extends Error {
  constructor(readonly error: CallError) {
    super(error.message);
    this.name = 'ClinicError';
  }
}

type Method<C extends ChannelName> = (req: Req<C>) => Promise<Result<Res<C>>>;

/** One channel of the API by its contract name: `callChannel(api, 'appointments.book', req)`. */
function callChannel<C extends ChannelName>(api: ClinicApi, channel: C, req: Req<C>): Promise<Result<Res<C>>> {
  const [ns, method] = channel.split('.') as [keyof ClinicApi, string];
  const group = api[ns] as unknown as Record<string, Method<C>>;
  const call = group[method];
  if (!call) throw new Error(`The contract has no channel ${channel}`);
  return call(req);
}

/** The reply's value, or its refusal thrown as a ClinicError. */
export async function valueOf<C extends ChannelName>(api: ClinicApi, channel: C, req: Req<C>): Promise<Res<C>> {
  const r = await callChannel(api, channel, req);
  if (!r.ok) throw new ClinicError(r.error);
  return r.value;
}

/** What to tell people about a failed query or mutation. */
export const problemOf = (error: unknown): string | undefined =>
  error === null || error === undefined ? undefined : error instanceof Error ? error.message : String(error);
