import { useForm, type DefaultValues, type FieldValues, type Resolver, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { ChannelName, Req } from '../../../preload/contract';
import { reworded, type Reword } from './reword';

// zod and the contract's schemas are not in the start-up JavaScript: the sign-in form is the
// first thing drawn. They are fetched once it shows (`formChecks`), or at a form's first check.
const loadResolvers = () => import('./zod-resolvers');

/** The forms' checks as a chunk to fetch ahead, so a first Sign in does not wait for them. */
export const formChecks = { preload: loadResolvers };

const deferred =
  <V extends FieldValues>(make: (resolvers: Awaited<ReturnType<typeof loadResolvers>>) => Resolver<V>, reword?: Reword): Resolver<V> =>
  async (values, context, options) => {
    const result = await make(await loadResolvers())(values, context, options);
    if (!reword || Object.keys(result.errors).length === 0) return result;
    return { values: {}, errors: reworded<V>(result.errors, reword) };
  };

/**
 * A react-hook-form form checked by a zod schema before anything is sent. The submit handler
 * gets the values as typed (the request), because main parses them itself; the schema here only
 * catches what main would refuse, with main's own words (or the form's, see `reword`), without a
 * round trip.
 */
export function useSchemaForm<V extends FieldValues>(schema: z.ZodType<unknown, V>, defaultValues: DefaultValues<V>, reword?: Reword): UseFormReturn<V> {
  return useForm<V>({ resolver: deferred((r) => r.schemaResolver(schema), reword), defaultValues });
}

/** A form for one channel, typed by and checked against that channel's own request schema. */
export function useContractForm<C extends ChannelName>(channel: C, defaultValues: DefaultValues<Req<C>>, reword?: Reword): UseFormReturn<Req<C>> {
  return useForm<Req<C>>({ resolver: deferred((r) => r.channelResolver(channel), reword), defaultValues });
}
