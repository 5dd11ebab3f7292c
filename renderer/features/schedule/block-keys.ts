/** The React key each of a column's blocks is drawn under, and which column that was. */
export interface BlockKeys {
  column: string;
  byId: ReadonlyMap<number, number>;
  /** The next key never given out in this place. */
  next: number;
}

/**
 * Keys for the blocks of the column drawn in one place of the grid. An appointment keeps its key
 * for as long as its column is drawn there, so its element (and any focus on it) stays with it
 * through every refetch. When the place draws another column (the next day, another doctor),
 * the new blocks take over the old ones' elements in order: an element updated costs React and
 * the browser far less than one taken down and another made, and a day switch of forty doctors
 * would otherwise do that for every block on screen.
 */
export function blockKeys(before: BlockKeys | undefined, column: string, ids: readonly number[]): BlockKeys {
  const byId = new Map<number, number>();
  let next = before?.next ?? 0;
  if (before?.column === column) for (const id of ids) byId.set(id, before.byId.get(id) ?? next++);
  else {
    const old = before ? [...before.byId.values()] : [];
    ids.forEach((id, i) => byId.set(id, old[i] ?? next++));
  }
  return { column, byId, next };
}
