import { CONTENT_SECURITY_POLICY, STATIC_HEADERS, fileUnder, readStatic } from '../shared/static-files';

export const APP_SCHEME = 'app';
const APP_HOST = 'clinic';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * True for a URL on the app's own origin. Compared part by part: Node's WHATWG URL gives every
 * non-special scheme (app: included) the opaque origin "null", so `url.origin` never matches.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password;
}

export { CONTENT_SECURITY_POLICY };

/**
 * Maps an app:// URL to a file inside the renderer folder, or undefined when the URL would
 * leave it (../, encoded separators, another host).
 */
export function resolveAppFile(rendererDir: string, url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return undefined;
  return fileUnder(rendererDir, parsed.pathname);
}

/** The app:// handler: the built renderer, with the CSP on every response. */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const file = resolveAppFile(rendererDir, request.url);
    const found = file && (await readStatic(file));
    if (!found) return new Response('Not found', { status: 404 });
    return new Response(found.body, { status: 200, headers: { 'Content-Type': found.contentType, ...STATIC_HEADERS } });
  };
}
