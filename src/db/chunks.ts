/** Rows in slices small enough for one INSERT (PostgreSQL allows at most 65,535 parameters). */
export function chunks<T>(rows: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
