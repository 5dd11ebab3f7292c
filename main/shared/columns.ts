/**
 * One table's camelCase ↔ snake_case mapping, written once: writes take only the fields that
 * are present (an update leaves the others alone), reads give every mapped field.
 */
export function columnMapper<F extends object>(columns: { [K in keyof F]-?: string }) {
  const entries = Object.entries(columns) as [keyof F & string, string][];
  return {
    toColumns(fields: Partial<F>): Record<string, unknown> {
      const out: Record<string, unknown> = {};
      for (const [key, column] of entries) {
        if (fields[key] !== undefined) out[column] = fields[key];
      }
      return out;
    },
    fromRow(row: object): F {
      const source = row as Record<string, unknown>;
      const out: Partial<Record<keyof F, unknown>> = {};
      for (const [key, column] of entries) out[key] = source[column];
      return out as F;
    },
  };
}
