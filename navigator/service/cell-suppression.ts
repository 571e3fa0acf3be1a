/**
 * Small-cell suppression, as statistical agencies publish tables: a count from 1 to
 * `threshold - 1` is withheld (primary suppression), and so is a second cell in any line where
 * one withheld cell could be worked out by subtraction (complementary suppression). Every line
 * is treated as if its total were known, because another table, another filter or a total
 * column may show it. Pure.
 */

/** A table of counts; `null` is a withheld cell. */
export type CountMatrix = (number | null)[][];

/** Which lines' totals a reader could know. */
export interface SuppressionLines {
  rows: boolean;
  columns: boolean;
}

/** True when a count must be withheld on its own. */
export function isSmall(count: number, threshold: number): boolean {
  return count > 0 && count < threshold;
}

/**
 * Withholds small cells, then complements, until no line has exactly one withheld cell.
 * `alsoWithhold` marks cells to withhold whatever their value (e.g. revealed by a difference
 * with another view). Returns a new matrix.
 */
export function suppressCells(
  counts: readonly (readonly number[])[],
  threshold: number,
  lines: SuppressionLines,
  alsoWithhold: (row: number, column: number) => boolean = () => false,
): CountMatrix {
  const result: CountMatrix = counts.map((row, r) =>
    row.map((count, c) => (isSmall(count, threshold) || (count > 0 && alsoWithhold(r, c)) ? null : count)),
  );
  if (threshold <= 1) return result;
  let changed = true;
  while (changed) {
    changed = false;
    const lineList: [number, number][][] = [];
    if (lines.rows) lineList.push(...counts.map((row, r) => row.map((_, c) => [r, c] as [number, number])));
    if (lines.columns && counts[0]) {
      lineList.push(...counts[0].map((_, c) => counts.map((_, r) => [r, c] as [number, number])));
    }
    for (const line of lineList) {
      const withheld = line.filter(([r, c]) => result[r]?.[c] === null);
      if (withheld.length !== 1) continue;
      const candidates = line
        .filter(([r, c]) => result[r]?.[c] !== null)
        .sort(([r1, c1], [r2, c2]) => rank(counts[r1]?.[c1] ?? 0) - rank(counts[r2]?.[c2] ?? 0));
      const partner = candidates[0];
      if (!partner) continue;
      const row = result[partner[0]];
      if (row) row[partner[1]] = null;
      changed = true;
    }
  }
  return result;
}

/** The smallest non-zero count is the cheapest complement; a zero only when nothing else is left. */
function rank(count: number): number {
  return count === 0 ? Number.MAX_SAFE_INTEGER : count;
}
