import type { DefaultValues, FieldValues, UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import { channels, type ChannelName, type Req } from '../../../preload/contract';
import type { Reword } from './reword';
import { useSchemaForm } from './use-contract-form';

/**
 * A form whose values become the channel's request in one step: a select's text to an id, a box
 * that decides whether a field is sent, an id the form does not show. The values are checked as
 * that request by the channel's own schema, so a schema message lands on the form field of the
 * same name and nothing is sent; the submit handler gets the values as typed.
 * `boxes` checks first what has no request yet: text that must read as a number or a list;
 * `reword` gives the form's own words for what the schema refuses.
 */
export function useRequestForm<C extends ChannelName, V extends FieldValues>(
  channel: C,
  toRequest: (values: V) => Req<C>,
  defaultValues: DefaultValues<V>,
  boxes: z.ZodType = z.unknown(),
  reword?: Reword,
): UseFormReturn<V> {
  const request = channels[channel].req as z.ZodType;
  const schema = boxes.transform((values): unknown => toRequest(values as V)).pipe(request);
  // The schema reads form values (V) and checks the request they become; the resolver only needs its input type.
  return useSchemaForm<V>(schema as unknown as z.ZodType<unknown, V>, defaultValues, reword);
}
