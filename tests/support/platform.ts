import fs from 'node:fs';
import { describe } from 'vitest';

/**
 * What some suites need from the machine, and why a Windows or macOS runner lacks it. A suite
 * whose need is not met is skipped with its reason printed (the summary counts it as skipped,
 * never as passed); on Linux CI nothing may be skipped, so a missing need fails there instead.
 */
export type Need = 'chromium' | 'postgres-binaries' | 'posix-processes';

import { CHROMIUM_PATH, POSTGRES_ROOT } from './machine-paths';

function unmet(need: Need): string | undefined {
  switch (need) {
    case 'chromium':
      return fs.existsSync(CHROMIUM_PATH) ? undefined : `Debian's Chromium (${CHROMIUM_PATH}) is not installed`;
    case 'postgres-binaries':
      // initdb/pg_ctl in Debian's layout, run as the postgres OS user through runuser when root.
      return process.platform === 'linux' && fs.existsSync(POSTGRES_ROOT)
        ? undefined
        : `PostgreSQL's server binaries in Debian's layout (${POSTGRES_ROOT}, runuser) are not on this ${process.platform} machine`;
    case 'posix-processes':
      // SIGSTOP/SIGCONT freeze and thaw a server process; Windows has no such signals.
      return process.platform === 'win32' ? 'Windows has no SIGSTOP/SIGCONT' : undefined;
  }
}

/** The reason the machine cannot run a suite that needs these, or undefined when it can. */
function missing(...needs: Need[]): string | undefined {
  const reasons = needs.map(unmet).filter((r): r is string => r !== undefined);
  if (reasons.length === 0) return undefined;
  const reason = reasons.join('; ');
  if (process.env.CI && process.platform === 'linux') throw new Error(`This Linux CI machine must run every suite, but: ${reason}`);
  return reason;
}

/** `describe` for a suite with needs: skipped, with the reason printed, where they are not met. */
export function describeWhere(needs: Need[]): typeof describe | typeof describe.skip {
  const reason = missing(...needs);
  if (reason === undefined) return describe;
  console.warn(`[skipped] ${callingFile()}: ${reason}`);
  return describe.skip;
}

function callingFile(): string {
  // The calling test file, for the printed reason: the first stack frame outside this module.
  const frame = new Error().stack?.split('\n').find((l) => /\.test\.tsx?/.test(l));
  return frame?.match(/([^/\\( ]+\.test\.tsx?)/)?.[1] ?? 'a suite';
}
