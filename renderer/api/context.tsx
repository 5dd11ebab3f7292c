import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { ClinicApi } from '../../preload/contract';
import { followChanges } from './invalidation';

const ClinicContext = createContext<ClinicApi | null>(null);

/** The API the screens talk to: the preload's, the bridge's, or a test's fake. */
export function useClinicApi(): ClinicApi {
  const api = useContext(ClinicContext);
  if (!api) throw new Error('A screen rendered outside <ClinicProvider>');
  return api;
}

export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Change events say when an answer is out of date; nothing goes stale by age or by
      // switching sections, and a clinic PC off the internet still reaches its clinic server.
      queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false, networkMode: 'always' },
      mutations: { networkMode: 'always' },
    },
  });
}

/**
 * The data layer for one window: the query cache, kept current by main's change events, and
 * emptied when another person signs in here so nobody sees the last user's answers.
 */
export function ClinicProvider({ api, client, children }: { api: ClinicApi; client?: QueryClient; children: ReactNode }) {
  const [queryClient] = useState(() => client ?? newQueryClient());
  useEffect(() => followChanges(api, queryClient), [api, queryClient]);
  return (
    <ClinicContext.Provider value={api}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ClinicContext.Provider>
  );
}
