import { useForm, type DefaultValues, type FieldValues, type Resolver, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { ChannelName, Req } from '../../../preload/contract';

// zod and the contract's schemas are fetched at a form's first check, not at start: the sign-in
// form is the first thing drawn, and the start-up JavaScript stays without them.
const loadResolvers = () => import('./zod-resolvers');

const deferred =
  <V extends FieldValues>(make: (resolvers: Awaited<ReturnType<typeof loadResolvers>>) => Resolver<V>): Resolver<V> =>
  async (values, context, options) =>
    make(await loadResolvers())(values, context, options);

/**
 * A react-hook-form form checked by a zod schema before anything is sent. The submit handler
 * gets the values as typed (the request), because main parses them itself; the schema here only
 * catches what main would refuse, with main's own words, without a round trip.
 */
export function useSchemaForm<V extends FieldValues>(schema: z.ZodType<unknown, V>, defaultValues: DefaultValues<V>): UseFormReturn<V> {
  return useForm<V>({ resolver: deferred((r) => r.schemaResolver(schema)), defaultValues });
}

/** A form for one channel, typed by and checked against that channel's own request schema. */
export function useContractForm<C extends ChannelName>(channel: C, defaultValues: DefaultValues<Req<C>>): UseFormReturn<Req<C>> {
  return useForm<Req<C>>({ resolver: deferred((r) => r.channelResolver(channel)), defaultValues });
}
