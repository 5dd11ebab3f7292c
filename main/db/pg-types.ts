import pg from 'pg';

// Wall-clock columns (DATE, TIME, TIMESTAMP without zone) must reach JS untouched: pg's default
// turns DATE into a Date at local midnight, which shifts the day on a PC west of UTC.
// Sessions run in UTC (see connection setup), so a TIMESTAMP is a UTC instant.
const OID = {
  INT8: 20,
  DATE: 1082,
  TIME: 1083,
  TIMESTAMP: 1114,
  TIMESTAMPTZ: 1184,
} as const;

function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`A BIGINT value (${value}) is beyond what JavaScript can hold exactly`);
  }
  return n;
}

function parseTimestamp(value: string): string {
  return new Date(`${value.replace(' ', 'T')}Z`).toISOString();
}

function parseTimestampTz(value: string): string {
  return new Date(value).toISOString();
}

const overrides: Record<number, (value: string) => unknown> = {
  [OID.INT8]: parseInt8,
  [OID.DATE]: (v) => v,
  [OID.TIME]: (v) => v,
  [OID.TIMESTAMP]: parseTimestamp,
  [OID.TIMESTAMPTZ]: parseTimestampTz,
};

/**
 * Per-connection type parsers (not pg's global registry, so nothing else in the process is
 * affected). NUMERIC keeps pg's default: a string, so money never becomes a float.
 */
export const clinicTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (format !== 'binary') {
      const parser = overrides[oid];
      if (parser) return parser;
    }
    return pg.types.getTypeParser(oid, format ?? 'text');
  },
};
