// `npm run export:hsds -- <file>`: the whole catalogue as one HSDS 3.0 JSON document
// (`-` or no file writes to stdout). Written in batches, so memory stays flat.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { loadConfig } from '../src/config.ts';
import { openConfiguredDatabase } from '../src/db/open.ts';
import { loadReferenceData } from '../src/reference/load-reference.ts';
import { exportDocumentChunks } from '../src/features/hsds/hsds.service.ts';

const file = process.argv.slice(2).find((a) => a !== '--');
const opened = await openConfiguredDatabase(loadConfig());
try {
  // Municipalities, postcodes and interventions are what records refer to; loading is skipped when unchanged.
  await loadReferenceData(opened.database.db);
  const out = !file || file === '-' ? process.stdout : fs.createWriteStream(`${file}.part`);
  await pipeline(Readable.from(exportDocumentChunks(opened.database.db)), out);
  if (file && file !== '-') {
    fs.renameSync(`${file}.part`, file);
    console.error(`Wrote ${file} (${fs.statSync(file).size} bytes).`);
  }
} finally {
  await opened.close();
}
