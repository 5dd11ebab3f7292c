import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFigures {
  /** Gzipped bytes of the JavaScript a desk loads from start until Today is on screen. */
  initialJsGzip: number;
  initialFiles: string[];
  /** Chunks that carry twilio-video, and whether any of them is loaded at start. */
  twilioChunks: string[];
  twilioInInitial: boolean;
}

/**
 * What a desk loads from start until Today is drawn, as modules of renderer/: the sign-in
 * screen is index.html's entry; signing in then fetches the frame, its sections and Today's
 * screen (renderer/app/App.tsx), each a chunk of its own loaded by import().
 */
export const START_PATH = ['index.html', 'features/shell/AppShell.tsx', 'features/shell/sections.tsx', 'features/queue/QueueScreen.tsx'];

interface ManifestChunk {
  file: string;
  imports?: string[];
}

// Minified twilio-video still names itself in its error links and its user agent.
const TWILIO = /twilio-video/;

/**
 * The start-up JavaScript of the built renderer (out/renderer), read from the build's manifest
 * (.vite/manifest.json): each module of the start path with what it imports statically,
 * transitively, each file counted once. Chunks loaded later by import() (other screens,
 * dialogs, the video vendor) are not counted, however early they are preloaded.
 */
export function measureBundle(rendererDir: string, startPath: readonly string[] = START_PATH): BundleFigures {
  const manifest = JSON.parse(fs.readFileSync(path.join(rendererDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const initial = new Set<string>();
  const visit = (key: string, from?: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key}${from ? ` (imported by ${from})` : ''} is no chunk of the build: its start path is out of date`);
    if (initial.has(chunk.file)) return;
    initial.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported, key);
  };
  for (const key of startPath) visit(key);

  const all = fs.readdirSync(path.join(rendererDir, 'assets')).filter((f) => f.endsWith('.js'));
  const twilioChunks = all.map((f) => `assets/${f}`).filter((f) => TWILIO.test(fs.readFileSync(path.join(rendererDir, f), 'utf8')));
  return {
    initialJsGzip: [...initial].reduce((n, f) => n + gzipSync(fs.readFileSync(path.join(rendererDir, f))).length, 0),
    initialFiles: [...initial],
    twilioChunks,
    twilioInInitial: twilioChunks.some((f) => initial.has(f)),
  };
}
