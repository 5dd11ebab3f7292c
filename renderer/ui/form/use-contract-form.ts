import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type DefaultValues, type FieldValues, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { channels, type ChannelName, type Req } from '../../../preload/contract';

/**
 * A react-hook-form form checked by a zod schema before anything is sent. `raw`: the submit
 * handler gets the values as typed (the request), because main parses them itself; the schema
 * here only catches what main would refuse, with main's own words, without a round trip.
 */
export function useSchemaForm<V extends FieldValues>(schema: z.ZodType<unknown, V>, defaultValues: DefaultValues<V>): UseFormReturn<V> {
  return useForm<V>({ resolver: zodResolver(schema, undefined, { raw: true }), defaultValues });
}

/** A form for one channel, typed by and checked against that channel's own request schema. */
export function useContractForm<C extends ChannelName>(channel: C, defaultValues: DefaultValues<Req<C>>): UseFormReturn<Req<C>> {
  // Req<C> is by definition this schema's input; TypeScript cannot follow a generic key into the map.
  const schema = channels[channel].req as unknown as z.ZodType<unknown, Req<C>>;
  return useSchemaForm<Req<C>>(schema, defaultValues);
}
