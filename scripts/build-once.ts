import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');

/** Builds main, preload and renderer with electron-vite; false when the build failed (its output says why). */
export function build(): boolean {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  return result.status === 0;
}
