import { parseArgs } from 'node:util';
import { DatabaseSetupError } from '../db/errors';

export interface BrowserArgs {
  /** 0: any free port. */
  port: number;
  /** Fill an empty embedded database with the demo clinic. */
  demo: boolean;
}

/** Browser mode's command line (`--port N`, `--demo`); anything else is refused in one line. */
export function parseBrowserArgs(argv: string[]): BrowserArgs {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' }, demo: { type: 'boolean', default: false } }, allowPositionals: false });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new DatabaseSetupError(`--port must be a port number, not "${values.port}"`, 'CONFIG');
  return { port, demo: values.demo };
}
