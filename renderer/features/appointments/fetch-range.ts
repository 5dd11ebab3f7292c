import { useQueries, type QueryClient } from '@tanstack/react-query';
import type { ChannelName, ClinicApi, Req, Res } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useClinicApi } from '../../api/context';
import { clinicQueryOptions, prefetchClinicQuery } from '../../api/query';

/** The contract caps one call at 100 doctors; a larger clinic is asked in batches. */
const DOCTORS_PER_CALL = 100;

type ByDoctors = 'appointments.list' | 'availability.range';
type Range = { from: string; to: string };

/** The requests that together cover these doctors over these days. */
function batchesOf(doctorIds: readonly number[], range: Range): Req<ByDoctors>[] {
  const batches: Req<ByDoctors>[] = [];
  for (let i = 0; i < doctorIds.length; i += DOCTORS_PER_CALL) batches.push({ doctorIds: doctorIds.slice(i, i + DOCTORS_PER_CALL), ...range });
  return batches;
}

const NOTHING: never[] = [];

type Batch = { data?: unknown; error: unknown; isPending: boolean; fetchStatus: string };
/** Stable, so the combined list keeps its identity until a batch's answer changes. */
function combine(results: Batch[]) {
  const data =
    results.length === 0
      ? NOTHING
      : results.length === 1
        ? results[0]!.data
        : results.every((r) => r.data)
          ? results.flatMap((r) => r.data as unknown[])
          : undefined;
  return { data, problem: problemOf(results.find((r) => r.error)?.error), loading: results.some((r) => r.isPending && r.fetchStatus !== 'idle') };
}

/** One list over any number of doctors, each batch its own cached answer. */
export function useAcrossDoctors<C extends ByDoctors>(channel: C, doctorIds: readonly number[], range: Range, enabled = true) {
  const api = useClinicApi();
  const combined = useQueries({
    queries: batchesOf(doctorIds, range).map((req) => ({ ...clinicQueryOptions(api, channel as ChannelName, req as Req<ChannelName>), enabled })),
    combine,
  });
  return combined as { data: Res<C> | undefined; problem: string | undefined; loading: boolean };
}

/** Fetches these doctors' days ahead into the cache (the schedule's next and previous span). */
export function prefetchAcrossDoctors(queryClient: QueryClient, api: ClinicApi, channel: ByDoctors, doctorIds: readonly number[], range: Range) {
  for (const req of batchesOf(doctorIds, range)) void prefetchClinicQuery(queryClient, api, channel, req);
}
