import { once } from 'node:events';
import fs from 'node:fs';

/** How a column is written: text is neutralised against formulas; numbers stay numbers in Excel. */
type CellType = 'text' | 'int' | 'money' | 'number' | 'date';
export type Cell = string | number | boolean | null | undefined;

export interface Column {
  header: string;
  type: CellType;
}

export interface Table {
  title: string;
  columns: readonly Column[];
  /** Pages of rows (an async source streams from the database a page at a time). */
  pages: AsyncIterable<Cell[][]> | Iterable<Cell[][]>;
}

/** An export: its heading lines (what it is, the filters, who exported it when), then its tables. */
export interface SheetDocument {
  heading: readonly (readonly [string, string])[];
  tables: readonly Table[];
}

/**
 * A spreadsheet opening a cell that starts with = + - @ (or a tab or carriage return, which
 * some import paths strip first) may run it as a formula: such text gets a leading
 * apostrophe, which shows it as text (OWASP's "CSV injection" advice). Numbers we compute are
 * written as numbers, not text, so they are never touched.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function textOf(cell: Cell, type: CellType): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'yes' : 'no';
  const s = String(cell);
  return type === 'text' ? neutralise(s) : s;
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const csvLine = (fields: readonly string[]) => `${fields.map(csvField).join(',')}\r\n`;

/**
 * RFC 4180 CSV (CRLF, quoted where needed) with a UTF-8 byte-order mark so Excel reads Indian
 * scripts right. Several tables follow one another, each under its title, a blank line apart.
 * Returns how many data rows were written.
 */
export async function writeCsv(path: string, doc: SheetDocument): Promise<number> {
  const out = fs.createWriteStream(path, { mode: 0o600 });
  const failed = once(out, 'error').then(([err]) => Promise.reject(err as Error));
  failed.catch(() => undefined);
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
  };
  let count = 0;
  try {
    await write('\ufeff');
    for (const [label, value] of doc.heading) await write(csvLine([label, neutralise(value)]));
    for (const table of doc.tables) {
      await write(`\r\n${csvLine([neutralise(table.title)])}`);
      await write(csvLine(table.columns.map((c) => c.header)));
      for await (const page of table.pages) {
        await write(page.map((row) => csvLine(table.columns.map((c, i) => textOf(row[i], c.type)))).join(''));
        count += page.length;
      }
    }
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
  } catch (err) {
    out.destroy();
    throw err;
  }
  return count;
}

function excelValue(cell: Cell, type: CellType): string | number | boolean | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'boolean') return cell ? 'yes' : 'no';
  // Money arrives as an exact decimal string; a cell holds a double, exact for any amount of
  // cents under 2^53, which is what an accountant's sums need.
  if (type === 'money' || type === 'int' || type === 'number') return typeof cell === 'number' ? cell : Number(cell);
  return type === 'text' ? neutralise(String(cell)) : String(cell);
}

/** Excel's sheet-name rules: at most 31 characters, none of []:*?/\, unique in the book. */
function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28) || 'Sheet';
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} ${n}`;
  used.add(name.toLowerCase());
  return name;
}

// A committed row costs exceljs about 80 µs: a page of 2,000 would hold main's event loop
// (every desk's IPC) for 160 ms. Let other work in every 100 rows (about 8 ms).
const ROWS_PER_TURN = 100;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * An .xlsx written with exceljs's streaming WorkbookWriter: each row is committed to the zip
 * stream as it is added, so memory stays flat however many rows there are. One sheet per
 * table, each starting with the heading lines. No styles (bold headers, number formats):
 * they double exceljs's time per row, and a 100,000-row export must stay under 10 s.
 */
export async function writeXlsx(path: string, doc: SheetDocument): Promise<number> {
  // Loaded by the first export, not at every start of the app.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false, useSharedStrings: false });
  const used = new Set<string>();
  let count = 0;
  for (const table of doc.tables) {
    const sheet = book.addWorksheet(sheetName(table.title, used));
    sheet.columns = table.columns.map((c) => ({ key: c.header, width: c.type === 'text' ? 24 : 14 }));
    for (const [label, value] of doc.heading) sheet.addRow([label, neutralise(value)]).commit();
    sheet.addRow([]).commit();
    sheet.addRow([neutralise(table.title)]).commit();
    sheet.addRow(table.columns.map((c) => c.header)).commit();
    for await (const page of table.pages) {
      for (const [i, row] of page.entries()) {
        sheet.addRow(table.columns.map((c, j) => excelValue(row[j], c.type))).commit();
        if (i % ROWS_PER_TURN === ROWS_PER_TURN - 1) await yieldToEventLoop();
      }
      count += page.length;
    }
    sheet.commit();
  }
  await book.commit();
  return count;
}
