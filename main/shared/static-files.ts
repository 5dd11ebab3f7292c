import fs from 'node:fs/promises';
import path from 'node:path';

/** The renderer's policy, sent with every file whether it arrives by app:// or the browser bridge. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  // Twilio's signalling and media servers, for the call window.
  "connect-src 'self' https://*.twilio.com wss://*.twilio.com",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export const STATIC_HEADERS = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };

/**
 * The file a URL path names inside `root`, or undefined when the path would leave it (../,
 * encoded separators, NUL) or cannot be decoded. "/" is index.html.
 */
export function fileUnder(root: string, rawPathname: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(rawPathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return undefined;
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  if (file !== base && !file.startsWith(base + path.sep)) return undefined;
  return file;
}

/** A file's bytes and content type, or undefined when it is missing or not a file. */
export async function readStatic(file: string): Promise<{ body: Buffer; contentType: string } | undefined> {
  try {
    return { body: await fs.readFile(file), contentType: MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream' };
  } catch {
    return undefined;
  }
}
