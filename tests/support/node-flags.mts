/**
 * WebAssembly on V8's baseline compiler only, for the test processes and the Node processes they
 * start. Each starts its own PGlite and runs it for seconds: the optimising tier's recompiles of
 * its large module cost more CPU than those seconds win back (a fifth to a half of a start's
 * CPU), and the suites' CPU is what bounds the run. The app and its scripts keep V8's defaults,
 * since a clinic's PC runs PGlite for hours.
 */
export const LIFTOFF_ONLY = '--liftoff-only';
