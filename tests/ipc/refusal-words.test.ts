/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { contractSentences, mainSentences } from '../support/refusal-sentences';

// Each part of the Hindi catalogue, as the renderer's loader finds them (renderer/i18n/refusals.ts).
const PARTS = import.meta.glob<{ default: Record<string, string> }>('../../renderer/i18n/refusals/hi/*.ts', { eager: true });
const partName = (path: string) => path.replace(/.*\/(\w[\w-]*)\.ts$/, '$1');

const places = (text: string) => [...text.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort();

describe('main’s refusals in Hindi', () => {
  const english = new Map<string, string>(mainSentences());
  for (const text of contractSentences()) if (!english.has(text)) english.set(text, 'contract');
  const hindi = new Map<string, { part: string; text: string }>();
  const twice: string[] = [];
  for (const [path, part] of Object.entries(PARTS))
    for (const [key, text] of Object.entries(part.default)) {
      if (hindi.has(key)) twice.push(key);
      hindi.set(key, { part: partName(path), text });
    }

  it('finds the sentences it checks (the scan still reads main and the contract)', () => {
    expect(english.get('Only doctors and administrators may record medical history')).toBe('patients');
    expect(english.has('Unknown call "{0}"')).toBe(true);
    expect(english.get('Enter a valid email address')).toBe('contract');
  });

  it('has every sentence main and the contract can say, in the part named for where it is first written', () => {
    const missing = [...english].filter(([text, part]) => hindi.get(text)?.part !== part).map(([text, part]) => `${part}: ${text}`);
    expect(missing).toEqual([]);
  });

  it('has no sentence nobody says any more, and none twice', () => {
    expect([...hindi.keys()].filter((text) => !english.has(text))).toEqual([]);
    expect(twice).toEqual([]);
  });

  it('keeps every value’s place, and says it in Devanagari', () => {
    for (const [key, { text }] of hindi) {
      expect(places(text), key).toEqual(places(key));
      expect(text, key).toMatch(/[\u0900-\u097F]/);
    }
  });
});
