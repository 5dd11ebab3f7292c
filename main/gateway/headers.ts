/**
 * Sent with every reply of the public gateway: the join page runs scripts only from the gateway
 * itself, talks only to it and to Twilio, cannot be framed, and leaks no URL (the code is in it)
 * through a Referer.
 */
const GATEWAY_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self' https://*.twilio.com wss://*.twilio.com",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const GATEWAY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': GATEWAY_CSP,
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(self), microphone=(self), geolocation=(), payment=()',
  'Cache-Control': 'no-store',
};
