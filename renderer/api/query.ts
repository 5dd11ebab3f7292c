import {
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
  type UseInfiniteQueryResult,
  type UseQueryResult,
} from '@tanstack/react-query';
import type { ChannelName, ClinicApi, Req, Res, Result } from '../../preload/contract';
import { ClinicError, valueOf } from './call';
import { writeReply } from './cache-writes';
import { useClinicApi } from './context';

/** A query is named by its channel and its request: the same question asked twice is one fetch. */
const clinicKey = <C extends ChannelName>(channel: C, req: Req<C>) => [channel, req] as const;

export const clinicQueryOptions = <C extends ChannelName>(api: ClinicApi, channel: C, req: Req<C>) =>
  queryOptions<Res<C>, ClinicError, Res<C>, readonly [C, Req<C>]>({
    queryKey: clinicKey(channel, req),
    queryFn: () => valueOf(api, channel, req),
  });

interface QueryExtras {
  /** False holds the query back (a dialog not yet told which doctor). */
  enabled?: boolean;
  /** Data that changes without an event (waiting times): asked again this often. */
  refetchInterval?: number;
  /** While a new key loads, keep showing the previous key's answer (a search as you type). */
  keepPrevious?: boolean;
}

/** What a channel answers, kept current by change events (see invalidation.ts). */
export function useClinicQuery<C extends ChannelName>(channel: C, req: Req<C>, extras: QueryExtras = {}): UseQueryResult<Res<C>, ClinicError> {
  const api = useClinicApi();
  return useQuery<Res<C>, ClinicError, Res<C>, readonly [C, Req<C>]>({
    queryKey: clinicKey(channel, req),
    queryFn: () => valueOf(api, channel, req),
    enabled: extras.enabled ?? true,
    refetchInterval: extras.refetchInterval,
    placeholderData: extras.keepPrevious ? keepPreviousData : undefined,
  });
}

/**
 * A list a page at a time ("Show older entries"): `after(last, req)` is the request for the page
 * after `last`, or undefined when `last` was the final one. The pages of one request are one
 * cache entry, so a change of filters starts from the first page again.
 */
export function useClinicPages<C extends ChannelName>(
  channel: C,
  req: Req<C>,
  after: (last: Res<C>, req: Req<C>) => Req<C> | undefined,
): UseInfiniteQueryResult<InfiniteData<Res<C>, Req<C>>, ClinicError> {
  const api = useClinicApi();
  return useInfiniteQuery<Res<C>, ClinicError, InfiniteData<Res<C>, Req<C>>, readonly [C, Req<C>, 'pages'], Req<C>>({
    queryKey: [channel, req, 'pages'],
    // Always a Req<C>: initialPageParam and getNextPageParam give nothing else.
    queryFn: ({ pageParam }) => valueOf(api, channel, pageParam as Req<C>),
    initialPageParam: req,
    getNextPageParam: (last) => after(last, req),
  });
}

/**
 * A write through a channel. Its reply goes straight into the cached queries it belongs to
 * (cache-writes.ts), so the PC that booked shows the booking at once; the change event that
 * follows keeps other PCs — and this one's other views — current.
 * `call` answers a Result instead of throwing, for forms that put a refusal on a field.
 */
export function useClinicMutation<C extends ChannelName>(channel: C) {
  const api = useClinicApi();
  const queryClient = useQueryClient();
  const mutation = useMutation<Res<C>, ClinicError, Req<C>>({
    mutationFn: (req) => valueOf(api, channel, req),
    onSuccess: (reply) => writeReply(queryClient, channel, reply),
  });
  const call = async (req: Req<C>): Promise<Result<Res<C>>> => {
    try {
      return { ok: true, value: await mutation.mutateAsync(req) };
    } catch (e) {
      if (e instanceof ClinicError) return { ok: false, error: e.error };
      throw e;
    }
  };
  return Object.assign(mutation, { call });
}

/** Asks a channel again now, through the same cache the screens read: what is printed is never an old answer. */
export function useFetchFresh() {
  const api = useClinicApi();
  const queryClient = useQueryClient();
  return <C extends ChannelName>(channel: C, req: Req<C>): Promise<Res<C>> =>
    queryClient.fetchQuery({ ...clinicQueryOptions(api, channel, req), staleTime: 0 });
}

/** Fetches ahead what the desk will likely ask next, into the same cache. */
export function prefetchClinicQuery<C extends ChannelName>(queryClient: QueryClient, api: ClinicApi, channel: C, req: Req<C>) {
  return queryClient.prefetchQuery(clinicQueryOptions(api, channel, req));
}
