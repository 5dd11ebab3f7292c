import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const MAIN = path.resolve(__dirname, '../../main');
// More positional bindings than this in one SQL text are named instead (knex `:name`), so a
// reader need not count question marks to know which value goes where.
const MOST_POSITIONAL = 3;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Positional placeholders in one string or template literal (`??` identifiers and the jsonb `?|`/`?&` operators aside). */
function positionalBindings(literal: string): number {
  return literal.match(/(?<![?\w])\?(?![?|&\w])/g)?.length ?? 0;
}

describe('repository SQL', () => {
  it('counts placeholders, not identifiers or jsonb operators', () => {
    expect(positionalBindings('SELECT ?, ?::date FROM ?? WHERE tags ?| ?')).toBe(3);
    expect(positionalBindings('WHERE a = :a AND b = :b')).toBe(0);
  });

  it(`names its bindings where a statement would have more than ${MOST_POSITIONAL} positional ones`, () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(MAIN)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/`[^`]*`|'(?:[^'\\\n]|\\.)*'/g)) {
        const count = positionalBindings(m[0]);
        if (count > MOST_POSITIONAL) offenders.push(`${path.relative(MAIN, file)}:${text.slice(0, m.index).split('\n').length} (${count})`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
