import path from 'node:path';
import { minimatch } from 'minimatch';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Starts the given suites before all others. On a clean clone vitest has no timings and starts
 * the largest files first, so a short file that runs processes for a minute could start last
 * and leave the other workers idle while it finishes.
 */
export function slowFirstSequencer(slow: readonly string[]): typeof BaseSequencer {
  return class SlowFirst extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
      const sorted = await super.sort(files);
      const isSlow = (file: TestSpecification) => {
        const relative = path.relative(file.project.config.root, file.moduleId).split(path.sep).join('/');
        return slow.some((pattern) => minimatch(relative, pattern));
      };
      return [...sorted.filter(isSlow), ...sorted.filter((file) => !isSlow(file))];
    }
  };
}
