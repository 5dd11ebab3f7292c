// What the 200-desk bench and its desk processes say to each other (desks.ts, desk-process.ts).
import type { ServerDatabaseConfig } from '../../main/db/config';

export interface DeskProcessSpec {
  config: ServerDatabaseConfig;
  /** The desks this process holds: their number across the whole run, their user and site. */
  desks: { desk: number; userId: number; site: number }[];
  /** Each site's doctors: a desk shows its site's doctors on `date`. */
  sites: number[][];
  date: string;
}

/** What a desk process tells the bench, on its IPC channel. */
export type DeskReport =
  | { type: 'opened'; desk: number; problem?: string }
  | { type: 'ready' }
  | { type: 'heard'; desk: number; table: string; id: number; at: number }
  | { type: 'shown'; desk: number; id: number; at: number }
  | { type: 'failed'; desk: number; problem: string };

/** A clock every process on this machine reads alike: milliseconds since the epoch, sub-millisecond. */
export const now = () => performance.timeOrigin + performance.now();
