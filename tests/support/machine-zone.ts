import { afterAll, beforeAll } from 'vitest';

/** The enclosing suite runs with this process's zone set to `zone` (Node reads TZ again when it changes), put back after. */
export function inMachineZone(zone: string): void {
  const machineZone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (machineZone === undefined) delete process.env.TZ;
    else process.env.TZ = machineZone;
  });
}
