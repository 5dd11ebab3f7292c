import { describe, expect, it } from 'vitest';
import { SessionStore } from '../../main/auth/sessions';
import { Router, type DomainHandlers } from '../../main/ipc/router';

// The type-level half of this file is checked by `tsc -b` (tests/tsconfig.json): each
// `@ts-expect-error` below fails the type-check if the error it expects goes away.

function router(): Router {
  return new Router({
    sessions: new SessionStore(),
    loadUser: async () => undefined,
    idleLockMinutes: async () => 10,
    audit: async () => undefined,
    log: () => undefined,
  });
}

const patientHandlers = {
  'patients.search': async () => [],
  'patients.get': async () => {
    throw new Error('not called');
  },
  'patients.create': async () => {
    throw new Error('not called');
  },
  'patients.update': async () => {
    throw new Error('not called');
  },
} satisfies DomainHandlers<'patients'>;

describe('per-domain handler maps', () => {
  it('a map without one of its domain’s channels does not type-check', () => {
    const { 'patients.update': _left, ...withoutUpdate } = patientHandlers;
    // @ts-expect-error patients.update is missing from the map.
    const incomplete = withoutUpdate satisfies DomainHandlers<'patients'>;
    expect(Object.keys(incomplete)).not.toContain('patients.update');
  });

  it('a channel of another domain, or one the contract does not have, does not type-check', () => {
    const stray = {
      ...patientHandlers,
      // @ts-expect-error doctors.list belongs to the doctors map.
      'doctors.list': async () => [],
    } satisfies DomainHandlers<'patients'>;
    const unknown = {
      ...patientHandlers,
      // @ts-expect-error the contract has no patients.merge.
      'patients.merge': async () => null,
    } satisfies DomainHandlers<'patients'>;
    expect(Object.keys(stray)).toContain('doctors.list');
    expect(Object.keys(unknown)).toContain('patients.merge');
  });

  it('a handler whose reply is not the channel’s does not type-check', () => {
    const wrongReply = {
      ...patientHandlers,
      // @ts-expect-error patients.search replies with a list of patients, not a number.
      'patients.search': async () => 42,
    } satisfies DomainHandlers<'patients'>;
    expect(typeof wrongReply['patients.search']).toBe('function');
  });

  it('registers every handler of a map, and refuses a channel registered twice', () => {
    const r = router().handleAll(patientHandlers);
    expect(r.missingHandlers().filter((c) => c.startsWith('patients.'))).toEqual([]);
    expect(r.missingHandlers()).toContain('doctors.list');
    expect(() => r.handleAll({ 'patients.search': patientHandlers['patients.search'] })).toThrow('Handler for patients.search registered twice');
  });
});
