import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFigures {
  /** Gzipped bytes of the JavaScript the window loads before anything is clicked. */
  initialJsGzip: number;
  initialFiles: string[];
  /** Chunks that carry twilio-video, and whether any of them is loaded at start. */
  twilioChunks: string[];
  twilioInInitial: boolean;
}

// Minified twilio-video still names itself in its error links and its user agent.
const TWILIO = /twilio-video/;
const STATIC_IMPORT = /(?:^|[;\s}])import\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+\.js)["']/g;

/**
 * The initial JavaScript of the built renderer (out/renderer): the module scripts and preloads
 * of index.html and, transitively, what those import statically. Dynamic import() chunks load
 * on demand and are not counted.
 */
export function measureBundle(rendererDir: string): BundleFigures {
  const html = fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<(?:script[^>]*type="module"[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+)"/g)].map((m) => m[1]!);
  const initial = new Set<string>();
  const visit = (file: string) => {
    if (initial.has(file)) return;
    initial.add(file);
    const code = fs.readFileSync(file, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) visit(path.resolve(path.dirname(file), m[1]!));
  };
  for (const src of entries) visit(path.join(rendererDir, src.replace(/^\.?\//, '')));

  const all = fs
    .readdirSync(path.join(rendererDir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => path.join(rendererDir, 'assets', f));
  const twilioChunks = all.filter((f) => TWILIO.test(fs.readFileSync(f, 'utf8')));
  const initialJsGzip = [...initial].reduce((n, f) => n + gzipSync(fs.readFileSync(f)).length, 0);
  const rel = (f: string) => path.relative(rendererDir, f);
  return {
    initialJsGzip,
    initialFiles: [...initial].map(rel),
    twilioChunks: twilioChunks.map(rel),
    twilioInInitial: twilioChunks.some((f) => initial.has(f)),
  };
}
