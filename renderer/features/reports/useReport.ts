import { useQueryClient } from '@tanstack/react-query';
import type { ChannelName, Req } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useClinicQuery } from '../../api/query';

type ReportChannel = Extract<ChannelName, `reports.${string}`>;

/**
 * A report for these filters, fetched when they change. No change event refetches it (see
 * invalidation.ts): a year's figures would be recomputed all day long; Refresh asks again.
 */
export function useReport<C extends ReportChannel>(channel: C, req: Req<C>) {
  const report = useClinicQuery(channel, req);
  return { value: report.data, problem: problemOf(report.error) };
}

/** The screen's Refresh: every report asked again, the open ones at once. */
export function useRefreshReports() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('reports.') });
}
