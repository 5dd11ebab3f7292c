import { spawn } from 'node:child_process';
import path from 'node:path';
import type { DatabaseConfig } from '../../main/db/config';
import type { Scale } from '../scale';
import type { LoadReport } from './clinic';

/** Generates and loads the clinic in a child process; resolves with its report. */
export function loadInChild(config: DatabaseConfig, scale: Scale): Promise<LoadReport> {
  const entry = path.join(__dirname, 'main.ts');
  const child = spawn(process.execPath, ['--max-old-space-size=6144', '--import', 'tsx', entry, JSON.stringify({ config, scale })], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`The data loader exited with code ${code}`));
      try {
        resolve(JSON.parse(out) as LoadReport);
      } catch (err) {
        reject(new Error(`The data loader printed no report: ${String(err)}`));
      }
    });
  });
}
