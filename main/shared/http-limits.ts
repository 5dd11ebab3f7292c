import http from 'node:http';

/** How long and how many: what a local script or an internet client may hold of a server. */
export interface HttpLimits {
  /** A request's headers must all arrive within this (a slow-loris client is cut off). */
  headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this. Responses (event streams) are not limited. */
  requestTimeoutMs: number;
  /** Open connections at once; more are closed as they arrive. */
  maxConnections: number;
}

const DEFAULT_HTTP_LIMITS: HttpLimits = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, maxConnections: 64 };

/**
 * An HTTP server holding to the limits. Node checks the time-outs on a timer (30 s by default,
 * longer than the limits themselves): it runs here at a quarter of the header time-out.
 */
export function limitedServer(limits: Partial<HttpLimits> | undefined, handler: http.RequestListener): http.Server {
  const { headersTimeoutMs, requestTimeoutMs, maxConnections } = { ...DEFAULT_HTTP_LIMITS, ...limits };
  const server = http.createServer(
    {
      headersTimeout: headersTimeoutMs,
      requestTimeout: Math.max(requestTimeoutMs, headersTimeoutMs),
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(headersTimeoutMs / 4))),
    },
    handler,
  );
  server.maxConnections = maxConnections;
  return server;
}
