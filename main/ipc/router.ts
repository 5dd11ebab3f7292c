import type { z } from 'zod';
import { channels, type ChannelName, type Res, type Result } from '../../preload/contract';
import { AppError } from './errors';

export type Handler<C extends ChannelName> = (req: z.output<(typeof channels)[C]['req']>) => Promise<Res<C>>;

type AnyHandler = (req: unknown) => Promise<unknown>;

// Connection-level failures (server down, socket closed, pool exhausted) become UNAVAILABLE.
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P03', '08000', '08003', '08006']);

function isUnavailable(err: unknown): boolean {
  const e = err as { code?: string; name?: string; message?: string };
  return (
    (typeof e?.code === 'string' && UNAVAILABLE_CODES.has(e.code)) ||
    e?.name === 'KnexTimeoutError' ||
    /Connection terminated|Connection ended/.test(e?.message ?? '')
  );
}

/**
 * Validates, dispatches and wraps every call in the Result envelope. Nothing thrown inside a
 * handler leaves as anything but a typed error with a human message.
 */
export class Router {
  private readonly handlers = new Map<string, AnyHandler>();

  constructor(private readonly log: (message: string, err: unknown) => void = () => undefined) {}

  handle<C extends ChannelName>(channel: C, handler: Handler<C>): this {
    this.handlers.set(channel, handler as AnyHandler);
    return this;
  }

  async call(channel: string, payload: unknown): Promise<Result<unknown>> {
    const spec = (channels as Record<string, (typeof channels)[ChannelName] | undefined>)[channel];
    const handler = this.handlers.get(channel);
    if (!spec || !handler) {
      return { ok: false, error: { code: 'NOT_FOUND', message: `Unknown call "${String(channel).slice(0, 100)}"` } };
    }
    const parsed = spec.req.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || undefined;
      return {
        ok: false,
        error: { code: 'INVALID', message: issue?.message ?? 'Invalid request', ...(field ? { field } : {}) },
      };
    }
    try {
      return { ok: true, value: await handler(parsed.data) };
    } catch (err) {
      if (err instanceof AppError) {
        return { ok: false, error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) } };
      }
      if (isUnavailable(err)) {
        return { ok: false, error: { code: 'UNAVAILABLE', message: 'The clinic database cannot be reached. Your work is kept; try again in a moment.' } };
      }
      this.log(`call ${channel} failed`, err);
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong on this PC. Please try again; if it keeps happening, tell your administrator.' } };
    }
  }
}
