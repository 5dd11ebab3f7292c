import { describe, expect, it } from 'vitest';
import { modesFrom } from '../support/databases';

describe('CLINIC_TEST_MODES picks the database modes', () => {
  it('runs both modes when unset or empty', () => {
    expect(modesFrom(undefined)).toEqual(['server', 'embedded']);
    expect(modesFrom(' ')).toEqual(['server', 'embedded']);
  });

  it('runs only the named modes, in the usual order', () => {
    expect(modesFrom('embedded')).toEqual(['embedded']);
    expect(modesFrom('embedded, server')).toEqual(['server', 'embedded']);
  });

  it('refuses a mode it does not know, naming it', () => {
    expect(() => modesFrom('server,pglite')).toThrow(/unknown mode "pglite"/);
  });
});
