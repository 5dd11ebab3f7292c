import { defineConfig } from 'vitest/config';
import { nodeProject, reporters } from './vitest.config.mjs';

// StrykerJS runs the suites in worker threads, which refuse V8 flags such as --liftoff-only, and
// reads its per-test coverage from the root project only: the node suites as the root project.
export default defineConfig({ test: { ...nodeProject([], {}).test, reporters } });
