// `npm run import:hsds -- <file> [--dry-run] [--max-mb N]`: validates the whole file first and
// reports every problem with its JSON path; then applies all of it in one transaction, or nothing.
import { loadConfig } from '../src/config.ts';
import { openConfiguredDatabase } from '../src/db/open.ts';
import { loadReferenceData } from '../src/reference/load-reference.ts';
import { DEFAULT_MAX_BYTES, importHsds, readImportFile, type ImportReport } from '../src/features/hsds/hsds-import.service.ts';

function print(report: ImportReport): void {
  for (const p of report.problems) console.log(`problem  ${p.path || '/'}: ${p.message}`);
  for (const w of report.warnings) console.log(`warning  ${w.path || '/'}: ${w.message}`);
  if (report.ok) {
    const counts = Object.entries(report.counts).map(([k, v]) => `${v} ${k}`).join(', ');
    console.log(`${report.dryRun ? 'Dry run, nothing written' : 'Imported'}: ${counts}; ${report.changed} rows written, ${report.deleted} removed.`);
  } else {
    console.log(`Nothing imported: ${report.problems.length} problem(s).`);
  }
}

const args = process.argv.slice(2).filter((a) => a !== '--');
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--max-mb');
const maxIndex = args.indexOf('--max-mb');
const maxBytes = maxIndex >= 0 ? Number(args[maxIndex + 1]) * 1024 * 1024 : DEFAULT_MAX_BYTES;
if (!file || !Number.isFinite(maxBytes) || maxBytes <= 0) {
  console.error('Usage: npm run import:hsds -- <file.json> [--dry-run] [--max-mb 50]');
  process.exit(2);
}
const read = readImportFile(file, maxBytes);
if (read.kind === 'problems') {
  print({ ok: false, dryRun: false, problems: read.problems, warnings: [], counts: {}, changed: 0, deleted: 0 });
  process.exit(1);
}
const opened = await openConfiguredDatabase(loadConfig());
try {
  // Municipalities, postcodes and interventions are what records refer to; loading is skipped when unchanged.
  await loadReferenceData(opened.database.db);
  const report = await importHsds(opened.database.db, read.value, { dryRun: args.includes('--dry-run') });
  print(report);
  process.exitCode = report.ok ? 0 : 1;
} finally {
  await opened.close();
}
