import type { ReactNode } from 'react';

export interface Column<T> {
  header: string;
  cell(row: T): ReactNode;
}

/** A plain data table with proper header cells, or a quiet line when there is nothing to show. */
export function Table<T extends { id: number }>({ columns, rows, empty, label }: { columns: Column<T>[]; rows: T[]; empty: string; label: string }) {
  if (rows.length === 0) return <p className="ui-hint">{empty}</p>;
  return (
    <table className="ui-table" aria-label={label}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            {columns.map((c) => (
              <td key={c.header}>{c.cell(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
