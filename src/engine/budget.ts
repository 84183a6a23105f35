/**
 * What one run may build, so a query that grows text or rows without bound ends in an error the
 * reader can act on instead of taking the worker (and with it the tab) out of memory. The 8-deep
 * `REPLACE(…, 'a', 'aaaaaaaa')` a shared link can hide in 250 characters would build gigabytes.
 *
 * Two meters, reset at the start of every run (runs are synchronous, one at a time per realm):
 * - text: characters built by the functions that make new text (REPLACE, CONCAT, CONCAT_WS, `||`,
 *   `+` on text, UPPER/LOWER, CAST to text, json_extract's JSON text), charged before or as they
 *   build it (see textFunctions.ts);
 * - values: cells of the rows the query builds (rows × columns), charged per row as alasql builds it.
 * Values copied from the fetched rows cost no new text, only a cell.
 */

/** Characters of new text one run may build (UTF-16 code units; one per character for most text). */
export const MAX_TEXT_CHARS = 64 * 1024 * 1024;
/** Cells (rows × columns, including grouping and sort keys) one run may build. */
export const MAX_CELLS = 5_000_000;

/** Thrown from inside a run when a meter goes over; the core turns it into a SqlError. */
export class BudgetExceeded extends Error {}

let textSpent = 0;
let cellsSpent = 0;

/** Starts a run's meters at zero. */
export function resetBudget(): void {
  textSpent = 0;
  cellsSpent = 0;
}

/** Charges `chars` characters of new text, throwing once the run has built more than its share. */
export function chargeText(chars: number): void {
  textSpent += chars;
  if (textSpent > MAX_TEXT_CHARS) {
    throw new BudgetExceeded(
      `The query builds more than ${MAX_TEXT_CHARS / 1024 / 1024} MB of text; build shorter strings (REPLACE, ||, CONCAT and friends), or select fewer rows or columns.`,
    );
  }
}

/** Charges one built row of `cells` cells, throwing once the run has built more than its share. */
export function chargeCells(cells: number): void {
  cellsSpent += cells;
  if (cellsSpent > MAX_CELLS) {
    throw new BudgetExceeded(
      `The query builds more than ${MAX_CELLS.toLocaleString('en-US')} values (rows × columns); select fewer columns, or filter rows with WHERE.`,
    );
  }
}
