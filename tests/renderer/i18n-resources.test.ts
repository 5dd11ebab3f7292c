/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';

// Every language's file of every namespace, as the lazy loader finds them.
const FILES = import.meta.glob<{ default: Record<string, unknown> }>(['../../renderer/i18n/*/*.ts', '!../../renderer/i18n/en/start.ts'], {
  eager: true,
});

/** "a.b" → its string, for every leaf of a namespace. */
function leaves(tree: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of leaves(value as Record<string, unknown>, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const variables = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

const byLanguage = (language: string) =>
  Object.fromEntries(
    Object.entries(FILES)
      .filter(([path]) => path.includes(`/i18n/${language}/`))
      .map(([path, m]) => [path.replace(/.*\/(\w+)\.ts$/, '$1'), leaves(m.default)]),
  );

describe('the desk’s words', () => {
  const english = byLanguage('en');
  const hindi = byLanguage('hi');

  it('has a Hindi file for every English namespace, and no other', () => {
    expect(Object.keys(english).length).toBeGreaterThan(0);
    expect(Object.keys(hindi).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(Object.keys(english))('Hindi %s has exactly the English keys, each with the same {{variables}}, in Devanagari', (namespace) => {
    const en = english[namespace]!;
    const hi = hindi[namespace]!;
    expect([...hi.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, text] of en) {
      expect(variables(hi.get(key)!), `${namespace}:${key}`).toEqual(variables(text));
      expect(hi.get(key)!.trim(), `${namespace}:${key}`).not.toBe('');
    }
    // Real Hindi, not English copied across: most strings hold Devanagari.
    const devanagari = [...hi.values()].filter((text) => /[\u0900-\u097F]/.test(text)).length;
    expect(devanagari / hi.size, namespace).toBeGreaterThan(0.8);
  });
});
