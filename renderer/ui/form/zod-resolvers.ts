import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { channels, type ChannelName, type Req } from '../../../preload/contract';
import { saidNow } from '../../i18n/refusals';
import { reworded } from './reword';

/**
 * `raw`: the submit handler gets the values as typed (the request), because main parses them itself.
 * The contract's messages are said in the desk's language, as main's refusals are.
 */
export const schemaResolver = <V extends FieldValues>(schema: z.ZodType<unknown, V>): Resolver<V> => {
  const resolve: Resolver<V> = zodResolver(schema, undefined, { raw: true });
  return async (...args) => {
    const result = await resolve(...args);
    if (Object.keys(result.errors).length === 0) return result;
    return { values: {}, errors: reworded<V>(result.errors, (_, __, message) => message && saidNow(message)) };
  };
};

/** The channel's own request schema as a resolver. */
export function channelResolver<C extends ChannelName>(channel: C): Resolver<Req<C>> {
  // Req<C> is by definition this schema's input; TypeScript cannot follow a generic key into the map.
  return schemaResolver(channels[channel].req as unknown as z.ZodType<unknown, Req<C>>);
}
