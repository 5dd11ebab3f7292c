export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls until the probe returns something, or fails saying what it waited for. */
export async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 5_000, everyMs = 2): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
