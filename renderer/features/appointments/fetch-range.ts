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

/**
 * A combined list passed on by reference. TanStack Query compares each combined value deeply
 * with the one before, to keep what did not change; the lists here are each batch's cached
 * answer, already shared that way, and a new day's list compared item by item with the day
 * before (other appointments, never equal) cost the schedule's day switch more than drawing a
 * column. A value of a class of its own is compared by identity alone.
 */
class Rows {
  constructor(readonly list: readonly unknown[]) {}
}

const NOTHING = new Rows([]);
const joined = new WeakMap<object, { parts: readonly unknown[]; rows: Rows }>();

/** The batches' answers as one list, the same object for as long as every answer is the same. */
function rowsOf(parts: readonly (readonly unknown[])[]): Rows {
  const first = parts[0];
  if (!first) return NOTHING;
  const known = joined.get(first);
  if (known && known.parts.length === parts.length && known.parts.every((p, i) => p === parts[i])) return known.rows;
  const rows = new Rows(parts.length === 1 ? first : parts.flat());
  joined.set(first, { parts, rows });
  return rows;
}

type Batch = { data?: unknown; error: unknown; isPending: boolean; fetchStatus: string };
/** Stable, so the combined list keeps its identity until a batch's answer changes. */
function combine(results: Batch[]) {
  const rows = results.every((r) => r.data) ? rowsOf(results.map((r) => r.data as unknown[])) : undefined;
  return { rows, problem: problemOf(results.find((r) => r.error)?.error), loading: results.some((r) => r.isPending && r.fetchStatus !== 'idle') };
}

/** One list over any number of doctors, each batch its own cached answer. */
export function useAcrossDoctors<C extends ByDoctors>(channel: C, doctorIds: readonly number[], range: Range, enabled = true) {
  const api = useClinicApi();
  const { rows, problem, loading } = useQueries({
    queries: batchesOf(doctorIds, range).map((req) => ({ ...clinicQueryOptions(api, channel as ChannelName, req as Req<ChannelName>), enabled })),
    combine,
  });
  return { data: rows?.list as Res<C> | undefined, problem, loading };
}

/** Fetches these doctors' days ahead into the cache (the schedule's next and previous span). */
export function prefetchAcrossDoctors(queryClient: QueryClient, api: ClinicApi, channel: ByDoctors, doctorIds: readonly number[], range: Range) {
  for (const req of batchesOf(doctorIds, range)) void prefetchClinicQuery(queryClient, api, channel, req);
}
