import { benchHsds } from './hsds.ts';
import { benchHttp } from './http.ts';
import { benchSearch } from './search.ts';

/** `npm run bench -- [name...]`: runs the named benchmarks, or all of them. */
const BENCHMARKS: Record<string, () => Promise<void>> = {
  http: benchHttp,
  search: benchSearch,
  hsds: benchHsds,
};

const names = process.argv.slice(2).filter((a) => a !== '--');
const selected = names.length > 0 ? names : Object.keys(BENCHMARKS);
for (const name of selected) {
  const run = BENCHMARKS[name];
  if (!run) {
    console.error(`Unknown benchmark "${name}". Known: ${Object.keys(BENCHMARKS).join(', ')}`);
    process.exit(2);
  }
  await run();
}
